"""Article bodies measured on the article-extraction benchmark's pages and gold bodies.

The benchmark (``DIR/ground-truth.json`` with each page's gold ``articleBody``,
``DIR/html/KEY.html.gz``) scores what a system takes for the article's text. Its published
figures compare texts by shingles of four consecutive tokens; this scorer does the same,
written here: tokens are lowercased runs of letters and digits, a text's shingles are
counted with their repeats, precision is the share of the system's shingles found in the
gold text and recall the share of the gold's found in the system's (a text under four
tokens is one shingle; two empty texts agree). Per page F1, then the mean over pages, with
the standard error of each mean from a seeded bootstrap over pages.

Systems, on the same pages in the same run:

* ``trafilatura`` as storyline calls it (``storyline.ingest.parse_html``): the text before
  any cleaning of storyline's own;
* ``storyline``: that text after :func:`storyline.clean.split_and_clean`, the first article
  of the page (what a run stores as the page's article; a page split in two keeps its
  second article apart);
* ``storyline, all parts``: every article the page was split into, joined.

:func:`evaluate_extraction` reads the pages (I/O); :func:`shingle_score` is pure.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import mean, stdev
from typing import Any

from storyline.clean import split_and_clean
from storyline.evaluation.bootstrap import unit_bootstrap
from storyline.evaluation.pubdates import load_pages
from storyline.ingest import parse_html
from storyline.model import IngestError

SHINGLE = 4
BOOTSTRAP_DRAWS = 1000
HALVES = {"dev": 0, "test": 1}  # the first page of each half, in key order
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The shingles of ``size`` consecutive lowercased tokens of ``text``, with repeats."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_score(system: str, gold: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``system``'s text against ``gold`` by shingles."""
    got, want = shingles(system), shingles(gold)
    if not got and not want:
        return 1.0, 1.0, 1.0
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(slots=True)
class SystemScore:
    """Mean precision, recall and F1 over pages, each with its bootstrap standard error."""

    system: str
    pages: int
    precision: float
    recall: float
    f1: float
    precision_se: float
    recall_se: float
    f1_se: float


@dataclass(slots=True)
class ExtractionEvaluation:
    directory: str
    half: str | None
    pages: int
    split_pages: int  # pages storyline took for two articles or more
    empty_pages: int  # pages where storyline kept no article text
    systems: list[SystemScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def table(self) -> str:
        lines = [
            f"article-extraction benchmark: {self.pages} pages"
            f"{f' ({self.half} half)' if self.half else ''} ({self.directory})",
            f"  {'system':<24} {'F1':>14} {'precision':>14} {'recall':>14}",
        ]
        for s in self.systems:
            lines.append(
                f"  {s.system:<24} {s.f1:.3f} ± {s.f1_se:.3f} "
                f"{s.precision:.3f} ± {s.precision_se:.3f} {s.recall:.3f} ± {s.recall_se:.3f}"
            )
        lines.append(
            f"storyline split {self.split_pages} pages into several articles and kept no "
            f"text of {self.empty_pages}"
        )
        return "\n".join(lines)


def score_system(name: str, rows: list[tuple[float, float, float]]) -> SystemScore:
    """Means over pages of per-page (precision, recall, F1), each with the standard error
    of its mean over bootstrap draws of the pages (:func:`storyline.evaluation.bootstrap.
    unit_bootstrap`, seeded)."""

    def spread(k: int) -> float:
        _, runs = unit_bootstrap(rows, lambda draw: mean(r[k] for r in draw), BOOTSTRAP_DRAWS)
        return stdev(runs)

    means = [mean(r[k] for r in rows) for k in range(3)]
    return SystemScore(name, len(rows), *means, *(spread(k) for k in range(3)))


def evaluate_extraction(directory: str | Path, half: str | None = None) -> ExtractionEvaluation:
    """Run trafilatura and storyline's cleaning on the benchmark's pages and score them:
    every page, or one ``half`` ("dev": the pages at even positions in key order, "test":
    the odd ones)."""
    root = Path(directory)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    rows: dict[str, list[tuple[float, float, float]]] = {
        "trafilatura": [],
        "storyline": [],
        "storyline, all parts": [],
    }
    split = empty = 0
    pages = load_pages(root)
    if half is not None:
        pages = pages[HALVES[half] :: 2]
    for page in pages:
        gold = str(truth[page.key].get("articleBody") or "")
        digest = hashlib.sha256(page.html.encode("utf-8")).hexdigest()
        doc = parse_html(page.html, f"{page.key}.html", digest)
        raw = "" if isinstance(doc, IngestError) else doc.text
        parts = [] if isinstance(doc, IngestError) else split_and_clean(doc.text, doc.title)
        split += len(parts) > 1
        empty += not parts
        first = parts[0].text if parts else ""
        every = "\n".join(p.text for p in parts)
        rows["trafilatura"].append(shingle_score(raw, gold))
        rows["storyline"].append(shingle_score(first, gold))
        rows["storyline, all parts"].append(shingle_score(every, gold))
    systems = [score_system(name, scored) for name, scored in rows.items() if scored]
    return ExtractionEvaluation(str(root), half, len(pages), split, empty, systems)
