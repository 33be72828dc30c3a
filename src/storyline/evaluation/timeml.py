"""Readers for gold temporal expressions: TimeML ``.tml`` files and MEANTIME CAT ``.xml`` files.

Both formats become one small record, :class:`GoldDoc`: the document text the tagger is run
on, its creation time (dct) and the gold TIMEX3s as character spans into that text.

- TimeML (TempEval-3 TBAQ-cleaned): the text is the content of ``<TEXT>`` with every tag
  removed and every character kept, so offsets line up with the annotation. The gold is the
  TIMEX3s inside ``<TEXT>``; the dct is the value of the TIMEX3 whose
  ``functionInDocument`` is ``CREATION_TIME`` (in ``<DCT>``), which is not scored.
- MEANTIME CAT: the text is rebuilt from the ``<token>`` elements, a line per sentence and
  lightly detokenised (:mod:`storyline.evaluation.cat_text`: "March 01 , 2008" reads
  "March 01, 2008", as the article did, so the tagger is not scored on tokeniser
  artefacts), and each ``<Markables>/<TIMEX3>`` gets the span from its first to its last
  ``<token_anchor>``. The dct is the value of the ``CREATION_TIME`` TIMEX3 (:func:`cat_dct`:
  put in ISO order when a file writes it day first; when a file has none, the date the
  other TIMEX3s are anchored to). TIMEX3s without anchors (the dct when it is not written
  in the text, and other non-text-consuming timexes) have no span and are not scored. MEANTIME
  annotates only the first sentences of each article (title, dateline and about five more),
  so the annotated part is taken to end with the last sentence that holds a markable of any
  kind (entity, event, timex, value); :attr:`GoldDoc.scored_end` records where.

:func:`read_gold` takes a file or a directory and dispatches on extension and root tag. Only
the file system is touched here; parsing works on element trees.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluation.cat_text import rebuild_cat_text

__all__ = [
    "GoldDoc",
    "GoldReadError",
    "GoldTimex",
    "cat_dct",
    "cat_to_gold",
    "read_gold",
    "read_gold_file",
    "timeml_to_gold",
]

CREATION_TIME = "CREATION_TIME"


class GoldReadError(ValueError):
    """A gold file that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: character span into :attr:`GoldDoc.text`, and its attributes.

    ``text`` is the annotated text as the file gives it (for TimeML the element's own text,
    for CAT the rebuilt text from the first to the last anchored token); it equals
    ``doc.text[start:end]`` when the span was rebuilt correctly.
    """

    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. "1998-01-08", "P1W", "PRESENT_REF"
    mod: str | None = None  # START | END | APPROX | ... or None
    text: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A gold document: the text a tagger sees, its creation time and the timexes to score.

    ``name`` is the file's path relative to the directory given to :func:`read_gold`,
    without extension ("TimeBank/ABC19980108.1830.0711"); ``subset`` is the folder part of
    it ("TimeBank"), empty for a file at the top. ``scored_end`` is where the annotated part
    of the text ends when only a part was annotated (MEANTIME annotates the first sentences
    only): system timexes starting there or later are not scored. None: the whole text.
    """

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]
    subset: str = ""
    scored_end: int | None = None


# --------------------------------------------------------------------------- TimeML


def _attr(el: ET.Element, key: str) -> str | None:
    """An attribute's value, None when absent or empty."""
    value = el.get(key)
    return value if value else None


def _timeml_text(node: ET.Element) -> tuple[str, list[GoldTimex]]:
    """The tag-free text of ``node`` and the text-consuming TIMEX3s inside it, with offsets."""
    parts: list[str] = []
    found: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start, first = length, len(parts)
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el is not node and el.tag == "TIMEX3" and length > start:
            own = "".join(parts[first:])
            found.append(
                GoldTimex(
                    start,
                    length,
                    el.get("type", ""),
                    el.get("value", ""),
                    _attr(el, "mod"),
                    own,
                )
            )

    walk(node)
    return "".join(parts), sorted(found, key=lambda t: (t.start, t.end))


def timeml_to_gold(root: ET.Element, name: str, subset: str = "") -> GoldDoc:
    """A :class:`GoldDoc` from the root element of a TimeML document."""
    body = root.find(".//TEXT")
    if body is None:
        raise GoldReadError(f"{name}: no <TEXT> element")
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == CREATION_TIME and timex.get("value"):
            dct = timex.get("value")
            break
    text, timexes = _timeml_text(body)
    return GoldDoc(name, text, dct, tuple(timexes), subset)


# --------------------------------------------------------------------------- MEANTIME CAT


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_DAY_FIRST = re.compile(r"(\d\d)-(\d\d)-(\d{4})")


def _iso_day(value: str) -> str:
    """A creation time written day first ("03-02-2009", as some MEANTIME files have it) in
    ISO order; any other value unchanged."""
    m = _DAY_FIRST.fullmatch(value)
    if m is None:
        return value
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return value


def cat_dct(root: ET.Element) -> str | None:
    """The creation time of a MEANTIME CAT document: the value of its ``CREATION_TIME``
    TIMEX3 (in ISO order when written day first); failing that, the full date the most other
    TIMEX3s are anchored to (``anchorTimeID``), which is how some files mark the dateline
    they resolved everything against. None when there is neither."""
    timexes = list(root.iterfind("Markables/TIMEX3"))
    for timex in timexes:
        if timex.get("functionInDocument") == CREATION_TIME and (value := _attr(timex, "value")):
            return _iso_day(value)
    by_id = {t.get("m_id"): t for t in timexes}
    anchors = Counter(t.get("anchorTimeID") for t in timexes if t.get("anchorTimeID") in by_id)
    for m_id, _ in anchors.most_common():
        value = by_id[m_id].get("value", "")
        if _DAY.fullmatch(value):
            return value
    return None


def cat_to_gold(root: ET.Element, name: str, subset: str = "") -> GoldDoc:
    """A :class:`GoldDoc` from the root element of a MEANTIME CAT document."""
    for tok in root.iter("token"):
        if tok.get("t_id") is None:
            raise GoldReadError(f"{name}: a <token> has no t_id")
    text, spans, sentence_ends = rebuild_cat_text(root)
    anchored = [
        bisect_left(sentence_ends, spans[t_id][1])
        for a in root.iterfind("Markables/*/token_anchor")
        if (t_id := a.get("t_id", "")) in spans
    ]
    scored_end = sentence_ends[max(anchored)] if anchored else None

    dct = cat_dct(root)
    timexes: list[GoldTimex] = []
    for timex in root.iterfind("Markables/TIMEX3"):
        anchors = [a.get("t_id", "") for a in timex.iterfind("token_anchor")]
        if not anchors:
            continue
        missing = [a for a in anchors if a not in spans]
        if missing:
            raise GoldReadError(f"{name}: TIMEX3 {timex.get('m_id')} anchors unknown tokens")
        start = min(spans[a][0] for a in anchors)
        end = max(spans[a][1] for a in anchors)
        timexes.append(
            GoldTimex(
                start,
                end,
                timex.get("type", ""),
                timex.get("value", ""),
                _attr(timex, "mod"),
                text[start:end],
            )
        )
    timexes.sort(key=lambda t: (t.start, t.end))
    return GoldDoc(name, text, dct, tuple(timexes), subset, scored_end)


# --------------------------------------------------------------------------- files

_READERS = {"TimeML": timeml_to_gold, "Document": cat_to_gold}


def _parse(path: Path) -> ET.Element:
    """The root element of an XML file, or a :class:`GoldReadError` naming it."""
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError, UnicodeDecodeError) as err:
        raise GoldReadError(f"{path}: cannot read gold ({err})") from err


def read_gold_file(path: Path, name: str | None = None, subset: str = "") -> GoldDoc:
    """One gold file (.tml TimeML or .xml TimeML/CAT, told apart by the root tag)."""
    path = Path(path)
    root = _parse(path)
    reader = _READERS.get(root.tag)
    if reader is None:
        raise GoldReadError(f"{path}: root <{root.tag}> is neither TimeML nor a CAT <Document>")
    return reader(root, name or path.stem, subset)


def _candidates(folder: Path) -> list[Path]:
    """The .tml and .xml files under ``folder``, at any depth."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".tml", ".xml"))


def read_gold(path: str | Path) -> list[GoldDoc]:
    """The gold documents in a file or under a directory (recursively), sorted by name.

    In a directory, .xml files whose root is neither TimeML nor a CAT document are skipped;
    a file that does not parse raises :class:`GoldReadError` naming it, and so does a
    directory with no gold file at all.
    """
    path = Path(path)
    if not path.exists():
        raise GoldReadError(f"{path}: no such file or directory")
    if path.is_file():
        return [read_gold_file(path)]
    docs: list[GoldDoc] = []
    for file in _candidates(path):
        rel = file.relative_to(path)
        root = _parse(file)
        reader = _READERS.get(root.tag)
        if reader is None:
            if file.suffix == ".tml":
                raise GoldReadError(f"{file}: root <{root.tag}> is not TimeML")
            continue
        subset = rel.parent.as_posix() if rel.parent != Path(".") else ""
        docs.append(reader(root, rel.with_suffix("").as_posix(), subset))
    if not docs:
        raise GoldReadError(f"{path}: no TimeML (.tml) or MEANTIME CAT (.xml) file found")
    return sorted(docs, key=lambda d: d.name)


HALVES = ("dev", "test")


def half_of(docs: list[GoldDoc], half: str) -> list[GoldDoc]:
    """A fixed half of the documents, for a development/test split inside one corpus.

    Within each subset, in name order, documents at even positions are "dev" and those at
    odd positions "test": the split depends only on the file names, so it is the same on
    every machine and does not move when another folder is added.
    """
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    by_subset: dict[str, list[GoldDoc]] = {}
    for doc in sorted(docs, key=lambda d: d.name):
        by_subset.setdefault(doc.subset, []).append(doc)
    wanted = HALVES.index(half)
    chosen = [d for group in by_subset.values() for i, d in enumerate(group) if i % 2 == wanted]
    return sorted(chosen, key=lambda d: d.name)
