"""The clean stage: split a plain-text page into its articles and take out the page furniture.

A page is read as a sequence of *groups*: the non-prose lines (titles, widgets, markers,
timestamps) that come before a run of prose paragraphs, and that run. The first group of an
article holds its title; later groups hold subheadings, separators ("Next Article") and the
tail furniture (comment boxes, link lists). Each line is judged once by the classifiers in
:mod:`storyline.furniture`; the grouping adds what a line alone cannot tell: repetition on
the page, position before or after the body, and whether prose that follows a separator is a
real article or a list of teasers. Everything runs in time linear in the size of the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from storyline.furniture import (
    clean_line,
    ends_sentence,
    furniture_reason,
    has_calendar_date,
    is_cjk,
    is_dateline,
    is_prose,
    is_title_like,
    line_key,
    marker_kind,
    word_count,
)
from storyline.model import ArticlePart, Removed

# A run of prose after a separator is a real article when it holds this much text.
_REAL_PARAGRAPHS = 2
_REAL_WORDS = 80
# Reasons of lines that, placed under a title, show that the title opens an article.
_ARTICLE_META = {"timestamp", "byline"}
# Lines up to this length are judged once per page however often they recur.
_CACHED = 120


@dataclass(slots=True)
class _Line:
    """One non-blank input line with what the classifiers said about it."""

    no: int
    text: str
    key: str
    reason: str | None = None  # set when the line is furniture
    marker: str | None = None  # "next" | "list" for a separator line
    prose: bool = False
    repeated: bool = False  # a short label the page shows more than once

    @property
    def candidate(self) -> bool:
        """A line that may be article text but is not a paragraph (title, subheading...)."""
        return self.reason is None and self.marker is None and not self.prose


@dataclass(slots=True)
class _Group:
    """Non-prose lines (``pre``) and the run of prose paragraphs after them (``prose``,
    with any furniture that sits between the paragraphs)."""

    pre: list[_Line] = field(default_factory=list)
    prose: list[_Line] = field(default_factory=list)


@dataclass(slots=True)
class _Part:
    """An article being assembled."""

    title: _Line | None = None
    body: list[_Line] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def drop(self, line: _Line, reason: str) -> None:
        self.removed.append(Removed(text=line.text, reason=reason, line=line.no))


def _classify(text: str) -> tuple[str, str | None, str | None, bool]:
    """(comparison key, furniture reason, marker kind, is prose) of one line.

    A paragraph's key is its text (repeats are exact copies); other lines compare by words.
    """
    reason = furniture_reason(text)
    if reason is None and is_prose(text) and not marker_kind(text):
        return text, None, None, True
    key = line_key(text)
    if not key:  # punctuation or symbols only: a divider
        return key, "divider", None, False
    if reason is not None:
        return key, reason, None, False
    return key, None, marker_kind(text), False


def _read_lines(text: str, title_key: str) -> list[_Line]:
    """The non-blank lines of ``text``, each classified on its own, then short labels that
    the page repeats (section names over and over) marked as furniture."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[_Line] = []
    seen: dict[str, tuple[str, str | None, str | None, bool]] = {}  # widgets recur: judge once
    for no, raw in enumerate(text.split("\n")):
        line_text = clean_line(raw)
        if not line_text:
            continue
        verdict = seen.get(line_text)
        if verdict is None:
            verdict = _classify(line_text)
            if len(line_text) <= _CACHED:
                seen[line_text] = verdict
        lines.append(_Line(no, line_text, *verdict))
    _join_wrapped(lines)
    counts = Counter(ln.key for ln in lines if ln.candidate and word_count(ln.text) <= 3)
    for ln in lines:
        if ln.candidate and counts.get(ln.key, 0) >= 2 and ln.key != title_key:
            ln.repeated = word_count(ln.text) <= 3
    return lines


def _join_wrapped(lines: list[_Line]) -> None:
    """Hard-wrapped paragraphs: a line that runs on into the next line (which goes on in
    lower case) is prose, not a title or subheading, and so is its continuation."""
    for prev, ln in zip(lines, lines[1:], strict=False):
        if ln.no != prev.no + 1 or prev.reason is not None or ln.reason is not None:
            continue
        runs_on = ln.text[0].islower() and not ends_sentence(prev.text)
        if runs_on and not prev.marker and not ln.marker:
            prev.prose = ln.prose = True


def _group(lines: list[_Line]) -> list[_Group]:
    """Cut the lines into groups; furniture after a paragraph joins the next group's ``pre``
    unless more prose follows it."""
    groups: list[_Group] = []
    pending: list[_Line] = []
    for ln in lines:
        if ln.prose:
            if not groups or (not groups[-1].prose and not groups[-1].pre and not pending):
                groups.append(_Group())
            if pending and not groups[-1].prose:
                groups[-1].pre.extend(pending)
            else:
                groups[-1].prose.extend(pending)
            pending = []
            groups[-1].prose.append(ln)
        elif ln.reason is not None and groups and groups[-1].prose:
            pending.append(ln)
        else:
            if not groups or groups[-1].prose:
                groups.append(_Group())
            groups[-1].pre.extend(pending)
            pending = []
            groups[-1].pre.append(ln)
    if pending:
        groups.append(_Group(pre=pending))
    return groups


def _real(prose: list[_Line]) -> bool:
    """True when a run of prose is an article's body rather than a teaser under a link."""
    paragraphs = [ln for ln in prose if ln.reason is None]
    words = sum(word_count(ln.text) for ln in paragraphs)
    return len(paragraphs) >= _REAL_PARAGRAPHS or words >= _REAL_WORDS


def _titled_by_meta(pre: list[_Line]) -> int | None:
    """Index in ``pre`` of a title-like line followed by a dated timestamp or a byline
    before the next candidate line: the head of a new article."""
    found = None
    for i, ln in enumerate(pre):
        if not _headline(ln):
            continue
        for nxt in pre[i + 1 :]:
            if nxt.candidate:
                break
            if nxt.reason in _ARTICLE_META and (
                nxt.reason != "timestamp" or has_calendar_date(nxt.text)
            ):
                found = i
                break
    return found


def _headline(line: _Line) -> bool:
    """A candidate line that reads like a headline."""
    return line.candidate and is_title_like(line.text)


def _title_matches(key: str, title_key: str) -> bool:
    """True when a line is the metadata title, allowing a site name added to either."""
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    short, long_ = sorted((key, title_key), key=len)
    return short in long_ and len(short) >= 0.5 * len(long_) and len(short.split()) >= 3


def _pick_title(cands: list[_Line], title_key: str, prefer: _Line | None) -> _Line | None:
    """The headline among the candidate lines before an article's first paragraph."""
    if prefer is not None:
        return prefer
    for ln in cands:
        if _title_matches(ln.key, title_key):
            return ln
    if title_key:
        return None  # the page's title is known and is none of these: they are body
    likes = [ln for ln in cands if is_title_like(ln.text)]
    for ln in likes:
        if word_count(ln.text) >= 4 or is_cjk(ln.text):
            return ln
    return likes[0] if likes else None


def _open(part: _Part, pre: list[_Line], title_key: str = "", prefer: _Line | None = None) -> None:
    """Fill the head of an article: its title, a dateline or standfirst kept as body, the
    labels and repeats around the title removed."""
    cands = [ln for ln in pre if ln.candidate]
    title = _pick_title(cands, title_key, prefer)
    part.title = title
    before_title = title is not None
    for ln in pre:
        if ln.reason is not None:
            part.drop(ln, ln.reason)
        elif ln.marker is not None:
            part.drop(ln, "navigation")
        elif ln is title:
            before_title = False
        elif title is not None and ln.key == title.key:
            part.drop(ln, "repeated-title")
        elif is_dateline(ln.text):
            part.body.append(ln)
        elif ln.repeated:
            part.drop(ln, "repeated-label")
        elif before_title:
            part.drop(ln, "before-title")
        elif word_count(ln.text) <= 2 and len(ln.text) <= 20 and not ln.text.endswith("."):
            part.drop(ln, "section-label")
        else:
            part.body.append(ln)


def _take(part: _Part, lines: list[_Line], dropping: bool = False) -> None:
    """Add lines to an article's body; furniture (or everything, when ``dropping``) goes to
    its removed lines."""
    for ln in lines:
        if ln.reason is not None:
            part.drop(ln, ln.reason)
        elif ln.marker is not None or dropping:
            part.drop(ln, "related-links")
        else:
            part.body.append(ln)


def _widget_block(pre: list[_Line]) -> None:
    """In a tail block made mostly of widgets, the few short lines left are widgets too."""
    for ln in pre:
        if ln.repeated and ln.candidate:
            ln.reason = "repeated-label"
    furniture = sum(ln.reason is not None for ln in pre)
    if furniture >= 3 and furniture >= 0.6 * len(pre):
        for ln in pre:
            if ln.candidate and word_count(ln.text) <= 15:
                ln.reason = "widget-block"


def _assemble(groups: list[_Group], title_key: str) -> list[_Part]:
    """Walk the groups, opening a new article at a separator or a dated title that is
    followed by a real body, and dropping link lists and teasers."""
    parts = [_Part()]
    mode: str | None = None  # "next"/"list": inside a list of links after such a marker
    for gi, group in enumerate(groups):
        cur = parts[-1]
        pre, prose = group.pre, group.prose
        if gi == 0 and prose:
            _open(cur, pre, title_key)
            _take(cur, prose)
            continue
        if not prose:
            _widget_block(pre)
        marks = [i for i, ln in enumerate(pre) if ln.marker]
        real = bool(prose) and _real(prose)
        if marks:
            first, last = marks[0], marks[-1]
            _take(cur, pre[:first], dropping=mode is not None)
            _take(cur, pre[first:last], dropping=True)
            after = pre[last + 1 :]
            kind = pre[last].marker
            head = _titled_by_meta(after)
            heads = [i for i, ln in enumerate(after) if _headline(ln)]
            if head is None and kind == "next" and len(heads) == 1:
                head = heads[0]  # one headline then a body; several are a list of links
            if real and head is not None:
                cur.drop(pre[last], "article-separator")
                parts.append(_Part())
                _take(parts[-1], after[:head], dropping=True)
                _open(parts[-1], after[head:], prefer=after[head])
                _take(parts[-1], prose)
                mode = None
            elif real:
                cur.drop(pre[last], "related-links")
                _take(cur, after, dropping=True)
                _take(cur, prose)
                mode = None
            else:
                cur.drop(pre[last], "related-links")
                _take(cur, after + prose, dropping=True)
                mode = kind
            continue
        head = _titled_by_meta(pre) if real else None
        heads = [i for i, ln in enumerate(pre) if _headline(ln)]
        if head is None and real and mode == "next" and len(heads) == 1:
            head = heads[0]
        if head is not None:
            _take(cur, pre[:head], dropping=mode is not None)
            parts.append(_Part())
            _open(parts[-1], pre[head:], prefer=pre[head])
            _take(parts[-1], prose)
            mode = None
        elif mode == "list" and real:
            _take(cur, pre, dropping=True)
            _take(cur, prose)
            mode = None
        else:
            _take(cur, pre + prose, dropping=mode is not None)
    return parts


def _finish(parts: list[_Part]) -> None:
    """Remove repeats of any article's title and repeated paragraphs inside an article."""
    title_keys = {p.title.key for p in parts if p.title is not None}
    for part in parts:
        seen: set[str] = set()
        body: list[_Line] = []
        for ln in part.body:
            if not ln.prose and ln.key in title_keys:
                part.drop(ln, "repeated-title")
            elif ln.prose and ln.key in seen:
                part.drop(ln, "repeated-line")
            else:
                seen.add(ln.key)
                body.append(ln)
        part.body = body
        part.removed.sort(key=lambda r: r.line)


def split_and_clean(text: str, title: str | None = None) -> list[ArticlePart]:
    """The articles on a plain-text page, each with its title, clean body and removed lines.

    ``title`` is a title known from metadata: the line that matches it is taken as the
    title, and it stands as the first article's title when the page has no title line.
    Returns [] when the page holds no article text (empty, or furniture only).
    """
    if not text or not text.strip():
        return []
    title_key = line_key(title) if title else ""
    groups = _group(_read_lines(text, title_key))
    parts = _assemble(groups, title_key)
    _finish(parts)
    out: list[ArticlePart] = []
    for part in parts:
        if not part.body:
            continue
        body = "\n".join(ln.text for ln in part.body)
        head = part.title.text if part.title is not None else None
        lines = sorted(ln.no for ln in part.body)
        out.append(ArticlePart(len(out) + 1, head, body, part.removed, lines))
    if out and out[0].title is None and title and title.strip():
        out[0].title = clean_line(title)
    return out
