// storyline web pages: citations that open on click, highlight toggles, sentence marks.
// Reads only class names and data attributes; never inserts markup.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function closeAll(except) {
    document.querySelectorAll(".cite.open").forEach(function (cite) {
      if (cite !== except) {
        cite.classList.remove("open");
        cite.querySelector(".cite-link").setAttribute("aria-expanded", "false");
      }
    });
  }

  function keepInView(cite) {
    var pop = cite.querySelector(".pop");
    if (!pop || window.innerWidth <= 640) return;
    pop.style.left = "";
    var box = pop.getBoundingClientRect();
    var over = box.right - (document.documentElement.clientWidth - 8);
    if (over > 0) pop.style.left = (pop.offsetLeft - over) + "px";
    else if (box.left < 8) pop.style.left = (pop.offsetLeft + 8 - box.left) + "px";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".cite-link");
    if (link) {
      event.preventDefault();
      var cite = link.parentElement;
      var open = !cite.classList.contains("open");
      closeAll(cite);
      cite.classList.toggle("open", open);
      link.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) keepInView(cite);
      return;
    }
    if (!event.target.closest(".pop")) closeAll(null);
  });
  document.addEventListener("mouseover", function (event) {
    var cite = event.target.closest && event.target.closest(".cite");
    if (cite) keepInView(cite);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeAll(null);
    var focused = document.activeElement;
    if (focused && focused.closest && focused.closest(".cite")) focused.blur();
  });

  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      var text = document.querySelector(".article-text");
      if (text) text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });

  function markSentence() {
    var found = /^#s-(\d+)$/.exec(window.location.hash);
    if (!found) return;
    document.querySelectorAll(".sent.hl").forEach(function (s) { s.classList.remove("hl"); });
    document.querySelectorAll('.sent[data-s="' + found[1] + '"]').forEach(function (s) {
      s.classList.add("hl");
    });
  }
  window.addEventListener("hashchange", markSentence);
  markSentence();

  document.querySelectorAll(".chart a.row").forEach(function (row) {
    var target = document.getElementById("tl-" + row.dataset.row);
    if (!target) return;
    row.addEventListener("mouseenter", function () { target.classList.add("lit"); });
    row.addEventListener("mouseleave", function () { target.classList.remove("lit"); });
  });
})();
