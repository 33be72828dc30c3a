"""Reading SemEval-2015 Task 4 data: Track A ``.tml`` documents and gold timelines.

A gold timeline file holds the target entity on its first line, then
``order<TAB>date<TAB>event ids``; an event id is ``doc-sentence-token`` where the sentence
is the ``<s id>`` of the document's ``.tml`` file, and ``XXXX-XX-XX`` marks an undated event.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from storyline.model import RawDocument

Key = tuple[str, int]  # (document id, sentence id)


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class TmlDocument:
    """One Track A document: its id, creation time and ``(<s id>, text)`` sentences."""

    docid: str
    dct: str
    sentences: list[tuple[int, str]]


@dataclass(slots=True)
class GoldTimeline:
    """One target entity's gold: its name and dated ``(doc, sentence) -> dates`` items."""

    entity: str
    items: dict[Key, set[str]]  # events dated XXXX-XX-XX are left out


def read_tml(path: Path) -> TmlDocument:
    """A ``.tml`` file's id, DCT and sentences (inline tags dropped, text kept)."""
    root = ET.parse(path).getroot()
    docid = (root.findtext("DOCID") or path.stem.split("_")[0].split("-")[0]).strip()
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value", "") if dct_node is not None else ""
    sentences = [(int(s.get("id", "-1")), "".join(s.itertext())) for s in root.iter("s")]
    return TmlDocument(docid, dct, sentences)


def gold_date(value: str) -> str | None:
    """ "2005-01-XX" -> "2005-01", "2003-XX-XX" -> "2003", "XXXX-XX-XX" -> None."""
    parts = []
    for part in value.strip().split("-"):
        if not part.isdigit():
            break
        parts.append(part)
    return "-".join(parts) if parts and len(parts[0]) == 4 else None


def parse_gold(text: str) -> GoldTimeline:
    """A gold timeline file: first line the entity, then ``order<TAB>date<TAB>ids``."""
    lines = text.splitlines()
    gold = GoldTimeline(lines[0].strip() if lines else "", {})
    for line in lines[1:]:
        cells = line.strip().split("\t")
        if len(cells) < 3:
            continue
        date = gold_date(cells[1])
        for event in cells[2:]:
            doc, sent, _ = (event.split("-", 2) + ["", ""])[:3]
            if sent.isdigit() and date is not None:
                gold.items.setdefault((doc, int(sent)), set()).add(date)
    return gold


# --------------------------------------------------------------------------- text


_DETOK = [
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r'"\s+([^"]*?)\s+"'), r'"\1"'),
]


def detokenise(sentence: str) -> str:
    """A tokenised sentence ("It is n't , he said .") as plain text ("It isn't, he said.")."""
    text = " ".join(sentence.split())
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def raw_document(doc: TmlDocument) -> RawDocument:
    """The document as storyline reads it: a line per sentence, the DCT as metadata."""
    text = "\n".join(detokenise(t) for _, t in doc.sentences)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    dct = doc.dct or None
    return RawDocument(
        f"{doc.docid}.tml", text, digest, "txt", published=dct, published_evidence="DCT"
    )


def sentence_spans(doc: TmlDocument, article_text: str) -> list[tuple[int, int, int]]:
    """``(start, end, <s id>)`` of every sentence of ``doc`` found in ``article_text``."""
    spans, pos = [], 0
    for sid, sentence in doc.sentences:
        line = detokenise(sentence)
        if not line:
            continue
        at = article_text.find(line, pos)
        if at < 0:
            at = article_text.find(line)
        if at >= 0:
            spans.append((at, at + len(line), sid))
            pos = at + len(line)
    return spans


def sentence_id(spans: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The ``<s id>`` whose span overlaps ``[start, end)`` most, or None."""
    overlap, sid = max(((min(e, end) - max(s, start), i) for s, e, i in spans), default=(0, 0))
    return sid if overlap > 0 else None
