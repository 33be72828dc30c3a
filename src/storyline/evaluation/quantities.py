"""Quantities measured on MEANTIME's VALUE mentions (``storyline eval quantities``).

The facts table rests on the quantities each article reports, so how many of a text's
figures storyline finds bounds what the facts can hold. MEANTIME (English, intra-document
part) marks every value in the first sentences of its 120 Wikinews articles as a ``VALUE``
of type MONEY ("$ 82.29 billion"), PERCENT ("as much as 3 %") or QUANTITY ("30,000",
"almost a thousand points", "many", "the amount").

The text is rebuilt from the tokens as for the entity evaluation
(:mod:`storyline.evaluation.meantime`), analysed by :func:`storyline.nlp.analyse_text`, and
each of storyline's quantities is aligned one to one with the gold value it overlaps most
(relaxed, as for time expressions). A gold value that encloses others ("$5.9 billion, or
$9.66 a share" besides "$5.9 billion" and "$9.66") is replaced by its parts. Only the part
of a document up to the end of its last annotated sentence is scored.

Scope. Lengths of time storyline reads as quantities ("a 27-year contract") are left out:
MEANTIME marks them as TIMEX3 durations. Gold values without a digit or a number word
("many", "the amount", "substantially less") are counted apart and not held against
storyline's recall, which reports figures; a quantity aligned with one of them counts
neither way. MEANTIME's corpora airbus and gm are the dev half (as for the entities),
apple and stock the test half; the table keeps them apart, and ``--errors`` lists dev only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.evaluation.cat_text import rebuild_cat_text
from storyline.evaluation.meantime import cat_documents, half_of_corpus
from storyline.evaluation.timeml import CREATION_TIME, GoldReadError
from storyline.quantity_words import DURATION_UNITS

TYPES = ("MONEY", "PERCENT", "QUANTITY")
LENGTHS_OF_TIME = frozenset(f"{unit}s" for unit in DURATION_UNITS)  # units of "a 12-day strike"
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen half quarter"
)
_FIGURE = re.compile(rf"\d|\b(?:{'|'.join(_NUMBER_WORDS.split())})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldValue:
    start: int
    end: int
    type: str  # MONEY | PERCENT | QUANTITY
    text: str

    @property
    def in_scope(self) -> bool:
        """A figure (digits or a number word), not "many" or "the amount"."""
        return bool(_FIGURE.search(self.text))


@dataclass(frozen=True, slots=True)
class ValueDoc:
    name: str
    corpus: str
    text: str
    dct: str | None
    values: tuple[GoldValue, ...]
    scored_end: int  # end of the last sentence with an annotation


@dataclass(slots=True)
class ValueCounts:
    gold: int = 0  # in-scope gold values
    out_of_scope: int = 0  # gold values that are no figure
    system: int = 0  # storyline quantities scored (not aligned with an out-of-scope value)
    matched: int = 0
    gold_by_type: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    matched_by_type: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))

    def add(self, other: ValueCounts) -> None:
        self.gold += other.gold
        self.out_of_scope += other.out_of_scope
        self.system += other.system
        self.matched += other.matched
        for t in TYPES:
            self.gold_by_type[t] += other.gold_by_type[t]
            self.matched_by_type[t] += other.matched_by_type[t]

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        recall = {
            t: self.matched_by_type[t] / n if (n := self.gold_by_type[t]) else None for t in TYPES
        }
        return {
            "gold": self.gold,
            "out_of_scope": self.out_of_scope,
            "system": self.system,
            "matched": self.matched,
            "precision": p,
            "recall": r,
            "f1": f,
            "recall_by_type": recall,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A disagreement: "missed" (gold value, no quantity) or "spurious" (the reverse)."""

    kind: str
    doc: str
    text: str
    context: str


# --------------------------------------------------------------------------- reading


def cat_values(root: ET.Element, name: str, corpus: str) -> ValueDoc:
    """A :class:`ValueDoc` from the root element of a MEANTIME CAT document."""
    text, spans, sentence_ends = rebuild_cat_text(root)
    values = []
    for value in root.iterfind("Markables/VALUE"):
        anchors = [a.get("t_id", "") for a in value.iterfind("token_anchor")]
        if not anchors:
            continue
        if any(a not in spans for a in anchors):
            raise GoldReadError(f"{name}: VALUE {value.get('m_id')} anchors unknown tokens")
        start = min(spans[a][0] for a in anchors)
        end = max(spans[a][1] for a in anchors)
        values.append(GoldValue(start, end, value.get("type", ""), text[start:end]))
    anchored = [spans[a.get("t_id", "")][1] for a in root.iterfind("Markables/*/token_anchor")]
    last = max((e for e in anchored), default=0)
    scored_end = next((e for e in sentence_ends if e >= last), len(text))
    dct = next(
        (
            t.get("value")
            for t in root.iterfind("Markables/TIMEX3")
            if t.get("functionInDocument") == CREATION_TIME
        ),
        None,
    )
    values = [v for v in values if not any(_encloses(v, w) for w in values)]
    values.sort(key=lambda v: (v.start, v.end))
    return ValueDoc(name, corpus, text, dct, tuple(values), scored_end)


def _encloses(outer: GoldValue, inner: GoldValue) -> bool:
    """``outer`` holds ``inner`` and more: MEANTIME marks "$5.9 billion, or $9.66 [a
    share]" as a value besides its two parts; the parts are kept."""
    return (
        outer is not inner
        and outer.start <= inner.start
        and inner.end <= outer.end
        and ((outer.start, outer.end) != (inner.start, inner.end))
    )


def read_value_docs(path: str | Path) -> list[ValueDoc]:
    """The CAT documents under ``path`` (a folder of ``corpus_*`` folders, or one)."""
    return [cat_values(root, name, corpus) for corpus, name, root in cat_documents(path)]


# --------------------------------------------------------------------------- scoring

Span = tuple[int, int]


def score_values(doc: ValueDoc, found: Sequence[Span]) -> tuple[ValueCounts, list[Miss]]:
    """Counts and misses of one document, given storyline's quantity spans."""
    system = [s for s in found if s[0] < doc.scored_end]
    pairs = []
    for gi, g in enumerate(doc.values):
        for si, (start, end) in enumerate(system):
            overlap = min(g.end, end) - max(g.start, start)
            if overlap > 0:  # the largest overlap first, then the closest in length
                pairs.append((-overlap, abs((g.end - g.start) - (end - start)), gi, si))
    gold_used: set[int] = set()
    sys_used: dict[int, int] = {}
    for _, _, gi, si in sorted(pairs):
        if gi not in gold_used and si not in sys_used:
            gold_used.add(gi)
            sys_used[si] = gi
    counts = ValueCounts()
    misses = []
    for gi, g in enumerate(doc.values):
        if not g.in_scope:
            counts.out_of_scope += 1
            continue
        counts.gold += 1
        counts.gold_by_type[g.type] = counts.gold_by_type.get(g.type, 0) + 1
        if gi in gold_used:
            counts.matched += 1
            counts.matched_by_type[g.type] = counts.matched_by_type.get(g.type, 0) + 1
        else:
            misses.append(Miss("missed", doc.name, g.text, _context(doc.text, g.start, g.end)))
    for si, (start, end) in enumerate(system):
        gi = sys_used.get(si)
        if gi is not None and not doc.values[gi].in_scope:
            continue  # "many" found as a figure: neither right nor wrong here
        counts.system += 1
        if gi is None:
            misses.append(
                Miss("spurious", doc.name, doc.text[start:end], _context(doc.text, start, end))
            )
    return counts, misses


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 30) : start].replace("\n", " ")
    right = text[end : end + 30].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


@dataclass(slots=True)
class QuantityEvaluation:
    halves: dict[str, ValueCounts]  # "dev", "test", "all"
    misses: list[Miss]

    def scored(self) -> dict[str, ValueCounts]:
        """The halves that hold any document with a value or a quantity."""
        return {h: c for h, c in self.halves.items() if c.gold or c.system or c.out_of_scope}

    def to_dict(self) -> dict[str, Any]:
        return {half: counts.to_dict() for half, counts in self.scored().items()}

    def table(self) -> str:
        lines = [
            f"{'half':<6}{'gold':>6}{'n/a':>6}{'sys':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}"
            + "".join(f"{'R ' + t.lower():>11}" for t in TYPES)
        ]
        for half, c in self.scored().items():
            p, r, f = c.prf()
            by_type = "".join(
                f"{100 * c.matched_by_type[t] / n:>11.1f}" if (n := c.gold_by_type[t]) else " " * 11
                for t in TYPES
            )
            lines.append(
                f"{half:<6}{c.gold:>6}{c.out_of_scope:>6}{c.system:>6}{c.matched:>7}"
                f"{100 * p:>7.1f}{100 * r:>7.1f}{100 * f:>7.1f}{by_type}"
            )
        lines.append("n/a: gold values that are no figure ('many', 'the amount'), not scored")
        return "\n".join(lines)


def evaluate_quantities(
    docs: Sequence[ValueDoc],
    quantities: Callable[[ValueDoc], Sequence[Span]],
    max_misses: int = 0,
) -> QuantityEvaluation:
    """Score ``quantities(doc)`` (storyline's spans) on every document, by half; up to
    ``max_misses`` misses of the dev half are listed."""
    halves = {"dev": ValueCounts(), "test": ValueCounts(), "all": ValueCounts()}
    misses: list[Miss] = []
    for doc in docs:
        counts, doc_misses = score_values(doc, quantities(doc))
        half = half_of_corpus(doc.corpus)
        halves[half].add(counts)
        halves["all"].add(counts)
        if half == "dev":  # the listing is for development: the test half is not shown
            misses.extend(doc_misses[: max(0, max_misses - len(misses))])
    return QuantityEvaluation(halves, misses)


def storyline_quantities(doc: ValueDoc) -> list[Span]:
    """The spans of the quantities storyline's analysis finds in a document's text, but
    lengths of time ("a 27-year contract"), which MEANTIME marks as TIMEX3 durations."""
    from storyline.nlp import analyse_text
    from storyline.timex import tag_times

    analysis = analyse_text(doc.text, tag_times(doc.text, doc.dct))
    return [(q.start, q.end) for q in analysis.quantities if q.unit not in LENGTHS_OF_TIME]
