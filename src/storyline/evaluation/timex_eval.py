"""TempEval-3 style scoring of a temporal tagger against gold TIMEX3s.

Definitions (UzZaman et al. 2013, TempEval-3):

- strict match: gold and system span are identical once whitespace and punctuation at the
  edges are trimmed; relaxed match: the spans overlap. Both are one-to-one: each gold timex
  pairs with at most one system timex, the pairs with the largest overlap first.
- precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic mean.
- attributes (type, value) are judged over the relaxed matches: accuracy = share of matched
  pairs with the identical attribute string; attribute F1 takes precision = correct / system
  count and recall = correct / gold count, as the TempEval-3 scorer does.
- the document creation time is not scored on either side: the gold is read from
  ``<TEXT>`` only (TempEval-3 skips the ``t0`` TIMEX3 of ``<DCT>``) and the tagger only
  sees that text.

:func:`evaluate` runs a tagger (by default :func:`storyline.timex.tag_times`) on each
:class:`~storyline.evaluation.timeml.GoldDoc` with the document's dct and returns a
:class:`TimexEvaluation`: counts per subset (the folders of the gold) and in total, and a
listing of errors for development (missed, spurious, wrong type, wrong value). When a gold
document was annotated only in part (``GoldDoc.scored_end``), system timexes starting after
that part are dropped before scoring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from storyline.evaluation.bootstrap import unit_bootstrap
from storyline.evaluation.timeml import GoldDoc, GoldTimex
from storyline.timex import tag_times

__all__ = [
    "Counts",
    "SystemTimex",
    "TimexError",
    "TimexEvaluation",
    "evaluate",
    "format_errors",
    "format_table",
    "match_doc",
    "score_doc",
    "trim_span",
]

TRIM = " \t\r\n\u00a0.,;:!?\"'`()[]{}<>\u2018\u2019\u201c\u201d-\u2013\u2014"
CONTEXT = 30  # characters shown on each side of an error


class SystemTimex(Protocol):
    """What the scorer reads from a tagger's output (storyline's TimeExpr has all of it)."""

    start: int
    end: int
    type: str
    value: str


Tagger = Callable[[str, str | None], Sequence[SystemTimex]]


# --------------------------------------------------------------------------- counts


def _prf(correct: int, system: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts for a set of documents; every figure is derived from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0  # strict (identical trimmed span) matches
    relaxed: int = 0  # relaxed (overlapping span) matches
    type_ok: int = 0  # relaxed matches with the gold type
    value_ok: int = 0  # relaxed matches with the gold value

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))

    def strict_prf(self) -> dict[str, float]:
        return _prf(self.strict, self.system, self.gold)

    def relaxed_prf(self) -> dict[str, float]:
        return _prf(self.relaxed, self.system, self.gold)

    def attribute(self, correct: int) -> dict[str, float]:
        """Accuracy over relaxed matches and TempEval-3 P/R/F1 for an attribute."""
        acc = correct / self.relaxed if self.relaxed else 0.0
        return {"accuracy": acc, **_prf(correct, self.system, self.gold)}

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "strict": {"matches": self.strict, **self.strict_prf()},
            "relaxed": {"matches": self.relaxed, **self.relaxed_prf()},
            "type": {"correct": self.type_ok, **self.attribute(self.type_ok)},
            "value": {"correct": self.value_ok, **self.attribute(self.value_ok)},
        }


def _fields(c: Counts) -> tuple[int, ...]:
    return (c.docs, c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok)


@dataclass(frozen=True, slots=True)
class TimexError:
    """One disagreement: kind is "missed", "spurious", "type" or "value".

    Gold fields are empty for a spurious timex, system fields for a missed one. ``context``
    shows about 30 characters either side, the expression between ``[[`` and ``]]``.
    """

    kind: str
    doc: str
    start: int
    end: int
    gold_text: str = ""
    gold_type: str = ""
    gold_value: str = ""
    system_text: str = ""
    system_type: str = ""
    system_value: str = ""
    context: str = ""


@dataclass(frozen=True, slots=True)
class TimexEvaluation:
    """Scores per subset (folder) and in total, the counts of each error kind, and the
    first errors (at most the number asked for) in document order."""

    total: Counts
    subsets: dict[str, Counts] = field(default_factory=dict)
    error_counts: dict[str, int] = field(default_factory=dict)
    errors: list[TimexError] = field(default_factory=list)
    per_doc: list[Counts] = field(default_factory=list, repr=False)  # for a bootstrap

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total.to_dict(),
            "subsets": {k: v.to_dict() for k, v in self.subsets.items()},
            "error_counts": dict(self.error_counts),
            "errors": [asdict(e) for e in self.errors],
        }


# --------------------------------------------------------------------------- matching


def same_value(gold: str, system: str) -> bool:
    """Whether two TIMEX3 values are the same string, as the TempEval-3 scorer compares
    them: nothing is forgiven, not even a gold week written without its zero ("2000-W7"
    against "2000-W07"); only surrounding whitespace is ignored."""
    return gold.strip() == system.strip()


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inwards past whitespace and punctuation at the edges."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def match_doc(
    text: str, gold: Sequence[GoldTimex], system: Sequence[SystemTimex]
) -> tuple[list[tuple[int, int]], int]:
    """The relaxed one-to-one pairs (gold index, system index) and the strict match count.

    Overlap is measured on trimmed spans; among candidate pairs the largest overlap goes
    first, then the smallest union (so an identical span beats a wider one).
    """
    g_spans = [trim_span(text, g.start, g.end) for g in gold]
    s_spans = [trim_span(text, s.start, s.end) for s in system]
    cands: list[tuple[int, int, int, int]] = []
    for gi, (gs, ge) in enumerate(g_spans):
        for si, (ss, se) in enumerate(s_spans):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                cands.append((-overlap, max(ge, se) - min(gs, ss), gi, si))
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, _, gi, si in sorted(cands):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    system_left = Counter(s_spans)
    strict = 0
    for span in g_spans:
        if span[0] < span[1] and system_left[span] > 0:
            system_left[span] -= 1
            strict += 1
    return sorted(pairs), strict


def _context(text: str, start: int, end: int) -> str:
    """About ``CONTEXT`` characters either side of ``start:end``, on one line."""
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _doc_errors(
    doc: GoldDoc, system: Sequence[SystemTimex], pairs: list[tuple[int, int]]
) -> list[TimexError]:
    """Every disagreement in one document, in text order."""
    text, gold = doc.text, doc.timexes
    out: list[TimexError] = []
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            out.append(
                TimexError(
                    "missed",
                    doc.name,
                    g.start,
                    g.end,
                    text[g.start : g.end],
                    g.type,
                    g.value,
                    context=_context(text, g.start, g.end),
                )
            )
    for si, s in enumerate(system):
        if si not in matched_s:
            out.append(
                TimexError(
                    "spurious",
                    doc.name,
                    s.start,
                    s.end,
                    system_text=text[s.start : s.end],
                    system_type=s.type,
                    system_value=s.value,
                    context=_context(text, s.start, s.end),
                )
            )
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        lo, hi = min(g.start, s.start), max(g.end, s.end)
        wrong_value = not same_value(g.value, s.value)
        for kind, wrong in (("type", g.type != s.type), ("value", wrong_value)):
            if wrong:
                out.append(
                    TimexError(
                        kind,
                        doc.name,
                        lo,
                        hi,
                        text[g.start : g.end],
                        g.type,
                        g.value,
                        text[s.start : s.end],
                        s.type,
                        s.value,
                        _context(text, lo, hi),
                    )
                )
    return sorted(out, key=lambda e: (e.start, e.end, e.kind))


def score_doc(doc: GoldDoc, system: Sequence[SystemTimex]) -> tuple[Counts, list[TimexError]]:
    """Counts and errors of one document given the tagger's output for it."""
    pairs, strict = match_doc(doc.text, doc.timexes, system)
    counts = Counts(
        docs=1,
        gold=len(doc.timexes),
        system=len(system),
        strict=strict,
        relaxed=len(pairs),
        type_ok=sum(doc.timexes[g].type == system[s].type for g, s in pairs),
        value_ok=sum(same_value(doc.timexes[g].value, system[s].value) for g, s in pairs),
    )
    return counts, _doc_errors(doc, system, pairs)


def evaluate(
    gold_docs: Iterable[GoldDoc], tagger: Tagger = tag_times, max_errors: int = 100
) -> TimexEvaluation:
    """Run ``tagger(text, dct)`` on every gold document and score it TempEval-3 style.

    Subsets are listed when the documents come from more than one folder. ``max_errors``
    bounds the error listing (0 for none); ``error_counts`` always counts every error.
    """
    total = Counts()
    subsets: dict[str, Counts] = {}
    kinds: Counter[str] = Counter()
    errors: list[TimexError] = []
    per_doc: list[Counts] = []
    for doc in gold_docs:
        try:
            system = list(tagger(doc.text, doc.dct))
        except Exception as err:  # name the document, keep the cause
            raise RuntimeError(f"tagger failed on {doc.name}: {err}") from err
        if doc.scored_end is not None:
            system = [s for s in system if s.start < doc.scored_end]
        counts, doc_errors = score_doc(doc, system)
        per_doc.append(counts)
        total += counts
        subsets[doc.subset] = subsets.get(doc.subset, Counts()) + counts
        kinds.update(e.kind for e in doc_errors)
        errors.extend(doc_errors[: max(0, max_errors - len(errors))])
    shown = dict(sorted(subsets.items())) if len(subsets) > 1 else {}
    order = ("missed", "spurious", "type", "value")
    return TimexEvaluation(total, shown, {k: kinds[k] for k in order}, errors, per_doc)


def document_bootstrap(result: TimexEvaluation, draws: int, seed: int = 0) -> list[str]:
    """Lines giving the 95% intervals of relaxed span F1 and value F1 over ``draws`` draws
    of the scored documents with replacement (:mod:`storyline.evaluation.bootstrap`), and
    how often each reaches the issue's targets (0.90 and 0.80)."""
    lines = [f"95% interval over {draws} draws of the {len(result.per_doc)} documents:"]
    for name, target, figure in (
        ("relaxed span F1", 0.90, lambda c: c.relaxed_prf()["f1"]),
        ("value F1", 0.80, lambda c: c.attribute(c.value_ok)["f1"]),
    ):
        interval, runs = unit_bootstrap(
            result.per_doc, lambda docs, f=figure: f(sum(docs, Counts())), draws, seed
        )
        reached = sum(r >= target for r in runs) / draws
        lines.append(
            f"  {name:<16} [{100 * interval.low:.1f}, {100 * interval.high:.1f}],"
            f" reaches {100 * target:.0f} in {reached:.0%} of draws"
        )
    return lines


# --------------------------------------------------------------------------- report

_HEAD = (
    f"{'':<16}{'docs':>6}{'gold':>6}{'sys':>6} | {'strict P':>8}{'R':>7}{'F1':>7} | "
    f"{'relax P':>8}{'R':>7}{'F1':>7} | {'type acc':>8}{'F1':>7} | {'value acc':>9}{'F1':>7}"
)


def _row(label: str, c: Counts) -> str:
    s, r = c.strict_prf(), c.relaxed_prf()
    t, v = c.attribute(c.type_ok), c.attribute(c.value_ok)

    def pc(x: float, width: int = 7) -> str:
        return f"{100 * x:{width}.1f}"

    return (
        f"{label[:16]:<16}{c.docs:>6}{c.gold:>6}{c.system:>6} | "
        f"{pc(s['precision'], 8)}{pc(s['recall'])}{pc(s['f1'])} | "
        f"{pc(r['precision'], 8)}{pc(r['recall'])}{pc(r['f1'])} | "
        f"{pc(t['accuracy'], 8)}{pc(t['f1'])} | {pc(v['accuracy'], 9)}{pc(v['f1'])}"
    )


def format_table(result: TimexEvaluation) -> str:
    """A plain-text table: one row per subset, then the total; figures in percent."""
    lines = [_HEAD, "-" * len(_HEAD)]
    lines += [_row(name or ".", counts) for name, counts in result.subsets.items()]
    if result.subsets:
        lines.append("-" * len(_HEAD))
    lines.append(_row("total", result.total))
    kinds = ", ".join(f"{k} {n}" for k, n in result.error_counts.items())
    lines.append(f"errors: {kinds}" if kinds else "errors: none")
    return "\n".join(lines)


def format_errors(errors: Sequence[TimexError]) -> str:
    """One line per error: kind, document, gold and system text/type/value, context."""
    lines = []
    for e in errors:
        gold = f"{e.gold_text!r} {e.gold_type} {e.gold_value}" if e.gold_type else "-"
        system = f"{e.system_text!r} {e.system_type} {e.system_value}" if e.system_type else "-"
        lines.append(f"{e.kind:<8} {e.doc}: gold {gold} | sys {system} | {e.context}")
    return "\n".join(lines)
