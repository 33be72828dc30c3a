"""Publication dates read from plain text alone (``storyline eval textdates``).

Pasted or scraped text often comes with no metadata, no URL and no timestamp: then
storyline can only read a dateline, a weekday that fixes the year, or estimate from the
dates the text mentions (evidence ``content``: the latest full date not announced as
future, which is a lower bound rather than a publication date). This evaluation gives a run
nothing but the text (cleaned by :func:`storyline.clean.split_and_clean`, then dated by
:func:`storyline.pubdate.infer_published`, as :func:`storyline.pipeline.analyse_document`
does), on three sets under the shared data folder, and scores each answer by the evidence it
rests on:

* ``bbc``: the BBC full-text corpus (2,225 texts, title line taken as the title). Its
  README dates the stories to 2004-2005, so an answer is right when it falls in that
  interval and its error is the distance to it, in months.
* ``benchmark``: the article-extraction benchmark's gold article bodies whose page URL
  carries a full date (the URL is withheld); an answer is right in the URL's month.
* ``ecbplus``: the ECB+ documents whose leading source-URL line carries a full date (the
  line is removed); right in the URL's month.

:func:`evaluate_text_dates` does the reading (I/O); :func:`score` is pure.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.clean import split_and_clean
from storyline.evaluation.ecbplus import detokenise, split_url_line
from storyline.model import PublishedDate
from storyline.pubdate import date_in_url, infer_published

BBC_YEARS = (2004, 2005)  # the corpus README: "stories ... from 2004-2005"


@dataclass(frozen=True, slots=True)
class Sample:
    """One text with its gold: a month ``YYYY-MM`` or an interval of years."""

    key: str
    text: str
    title: str | None
    month: str | None = None
    years: tuple[int, int] | None = None


@dataclass(slots=True)
class EvidenceScore:
    """Answers resting on one kind of evidence: how many, right, and how far off."""

    answered: int = 0
    right: int = 0  # in the gold month (or interval)
    within_3: int = 0  # at most 3 months off
    early_12: int = 0  # more than 12 months too early
    late_3: int = 0  # more than 3 months too late
    errors: list[int] = field(default_factory=list, repr=False)  # signed months

    def to_dict(self) -> dict[str, Any]:
        median = statistics.median(abs(e) for e in self.errors) if self.errors else None
        return {
            "answered": self.answered,
            "right": self.right,
            "within_3_months": self.within_3,
            "early_over_12_months": self.early_12,
            "late_over_3_months": self.late_3,
            "median_abs_months": median,
        }


def _month_index(value: str) -> int:
    """YYYY, YYYY-MM or YYYY-MM-DD as months since year 0 (a bare year: its June)."""
    year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 6
    return year * 12 + month - 1


def months_off(value: str, sample: Sample) -> int:
    """Signed months from the gold to ``value`` (0 inside the gold interval)."""
    got = _month_index(value)
    if sample.years is not None:
        lo, hi = sample.years[0] * 12, sample.years[1] * 12 + 11
        return 0 if lo <= got <= hi else (got - hi if got > hi else got - lo)
    assert sample.month is not None
    return got - _month_index(sample.month)


def score(answers: list[tuple[Sample, str | None, str]]) -> dict[str, EvidenceScore]:
    """Per evidence kind (``unknown`` for no answer): the scores of (sample, value,
    evidence) answers."""
    out: dict[str, EvidenceScore] = {}
    for sample, value, evidence in answers:
        kind = out.setdefault(evidence if value else "unknown", EvidenceScore())
        kind.answered += 1
        if not value:
            continue
        off = months_off(value, sample)
        kind.errors.append(off)
        kind.right += off == 0
        kind.within_3 += abs(off) <= 3
        kind.early_12 += off < -12
        kind.late_3 += off > 3
    return out


def bbc_samples(root: Path) -> Iterator[Sample]:
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.txt")):
            title, _, body = path.read_text(encoding="latin-1").partition("\n")
            yield Sample(f"{folder.name}/{path.name}", body, title.strip(), years=BBC_YEARS)


def benchmark_samples(root: Path) -> Iterator[Sample]:
    pages = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key, page in sorted(pages.items()):
        if day := date_in_url(page.get("url") or ""):
            yield Sample(key, page.get("articleBody") or "", None, month=day[:7])


def ecbplus_samples(root: Path) -> Iterator[Sample]:
    for path in sorted((root / "docs").rglob("*.txt")):
        url, text = split_url_line(detokenise(path.read_text(encoding="utf-8")))
        if url and (day := date_in_url(url)):
            yield Sample(path.name, text, None, month=day[:7])


SETS = {
    "bbc": ("bbc-fulltext", bbc_samples),
    "benchmark": ("article-extraction-benchmark", benchmark_samples),
    "ecbplus": ("ecbplus", ecbplus_samples),
}


def text_date(text: str, title: str | None) -> PublishedDate:
    """What a run reads off a plain text: its first article, cleaned as the clean stage
    does (furniture out, removed lines kept as evidence), then dated."""
    for part in split_and_clean(text, title):
        return infer_published(part.text, part.title, part.removed, body_lines=part.body_lines)
    return PublishedDate(None, "unknown", 0.0, "no article text")


def evaluate_text_dates(data: Path) -> dict[str, dict[str, EvidenceScore]]:
    """Set name -> evidence kind -> scores, for every set found under ``data``."""
    results = {}
    for name, (folder, read) in SETS.items():
        if not (data / folder).is_dir():
            continue
        answers = []
        for sample in read(data / folder):
            found = text_date(sample.text, sample.title)
            answers.append((sample, found.value, found.evidence))
        results[name] = score(answers)
    return results


def table(results: dict[str, dict[str, EvidenceScore]]) -> str:
    rows = [
        f"{'set':<10}{'evidence':<10}{'texts':>6}{'right':>7}{'<=3 mo':>8}"
        f"{'early>12':>9}{'late>3':>8}{'median':>8}"
    ]
    for name, kinds in results.items():
        for kind, s in sorted(kinds.items(), key=lambda kv: -kv[1].answered):
            median = s.to_dict()["median_abs_months"]
            shown = "-" if median is None else f"{median:.0f}"
            rows.append(
                f"{name:<10}{kind:<10}{s.answered:>6}{s.right:>7}{s.within_3:>8}"
                f"{s.early_12:>9}{s.late_3:>8}{shown:>8}"
            )
    rows.append("right: in the gold month (bbc: in 2004-2005); months are signed errors")
    return "\n".join(rows)
