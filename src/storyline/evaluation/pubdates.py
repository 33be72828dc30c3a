"""Publication dates measured on real HTML pages (the article-extraction benchmark).

The benchmark (``DIR/ground-truth.json`` with each page's ``url``, ``DIR/html/KEY.html.gz``)
has no gold date. A *silver* gold comes from the pages whose URL carries a full date
(``/2019/11/19/``, ``-20191115/``, ``2019-11-19``): each such page is read with its own
address masked out of the markup (canonical link, ``og:url``, share links, JSON-LD), so
the date must come from the page itself, and the answer is compared with the URL date.
htmldate alone (fast and extensive search) runs on the same masked pages as a baseline.
Coverage by evidence kind is also counted on every page as a normal run reads it.

:func:`evaluate_pubdates` does the reading (I/O); the scoring functions are pure.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from storyline.clean import split_and_clean
from storyline.ingest import parse_html
from storyline.model import IngestError, PublishedDate, RawDocument
from storyline.pubdate import date_in_url, infer_published

__all__ = [
    "Page",
    "PageAnswer",
    "SystemScore",
    "PubdateEvaluation",
    "evaluate_pubdates",
    "mask_own_url",
    "score_answers",
    "storyline_answer",
]

_EXTENSIONS = re.compile(r"(?:\.amp)?\.(?:s?html?|php|aspx?|cms)$", re.I)
# A stem shorter than this is not specific to the page ("/2019/11/19" alone could be any day
# page of the site), so it is not masked.
_MIN_STEM = 12


@dataclass(slots=True)
class Page:
    """One benchmark page: its key (file name stem), address and markup."""

    key: str
    url: str
    html: str


@dataclass(slots=True)
class PageAnswer:
    """What one system answered for one page, next to the silver date (None off the set)."""

    key: str
    url: str
    gold: str | None
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    evidence: str  # storyline's evidence kind, or "htmldate" / "unknown" for the baseline
    detail: str = ""


@dataclass(slots=True)
class SystemScore:
    """One system's answers on the silver pages, counted.

    ``exact_day``: the stated day is the URL day; ``same_month``: the answer (day or month)
    lies in the URL month; ``wrong_day``: a stated day that is not the URL day (the figure
    that matters most: a wrong day looks as sure as a right one); ``wrong_month``: an answer
    at any precision outside the URL month/year; ``unknown``: no date at all.
    """

    system: str
    pages: int
    by_evidence: dict[str, int]
    exact_day: int
    same_month: int
    wrong_day: int
    wrong_month: int
    unknown: int

    def rate(self, count: int) -> float:
        return count / self.pages if self.pages else 0.0


@dataclass(slots=True)
class PubdateEvaluation:
    """Scores of storyline and the htmldate baselines on the silver pages, plus coverage.

    ``coverage`` counts storyline's evidence kinds on all pages read as a normal run reads
    them (own URL included); ``mistakes`` are storyline's wrong days, wrong months and
    unknowns on the silver pages, for inspection.
    """

    directory: str
    pages: int
    silver: int
    unreadable: int
    systems: list[SystemScore]
    coverage: dict[str, int]
    mistakes: list[PageAnswer] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def table(self) -> str:
        """The scores as a plain-text table, then the coverage line."""
        head = f"{'system':<28}{'day ok':>10}{'month ok':>10}{'wrong day':>11}{'unknown':>9}"
        lines = [
            f"publication dates: {self.silver} of {self.pages} pages have a full date in "
            "their URL (silver gold; pages read with their own URL masked)",
            head,
            "-" * len(head),
        ]
        for s in self.systems:
            lines.append(
                f"{s.system:<28}{_pct(s, s.exact_day):>10}{_pct(s, s.same_month):>10}"
                f"{s.wrong_day:>11}{s.unknown:>9}"
            )
        lines.append("")
        for s in self.systems:
            lines.append(f"{s.system} evidence: {_kinds(s.by_evidence)}")
        lines.append(f"all {self.pages} pages, normal run (own URL kept): {_kinds(self.coverage)}")
        lines.append(
            "note: the date rules were developed looking at these same silver pages, so this "
            "is a development score, not a held-out one"
        )
        if self.unreadable:
            lines.append(f"{self.unreadable} page(s) gave no article text")
        return "\n".join(lines)


def _pct(score: SystemScore, count: int) -> str:
    return f"{count} {100 * score.rate(count):3.0f}%"


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))


# --------------------------------------------------------------------------- pure parts


def mask_own_url(html: str, url: str) -> str:
    """``html`` with every mention of the page's own address removed: the path stem (no
    extension, no trailing slash) as written, percent-encoded and JSON-escaped, so the
    canonical link, ``og:url``, AMP links, share buttons and JSON-LD lose the URL date."""
    parts = urlsplit(url)
    stem = _EXTENSIONS.sub("", parts.path.rstrip("/"))
    if len(stem) < _MIN_STEM:
        return html
    forms = {stem, stem.replace("/", "\\/"), quote(stem, safe=""), quote(stem, safe="/")}
    forms |= {f.replace("%2F", "%2f") for f in forms}
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return pattern.sub("/masked-address", html)


def storyline_answer(document: RawDocument, url: str | None) -> PublishedDate:
    """storyline's date for the first article of an ingested page, as the pipeline does it."""
    parts = split_and_clean(document.text, document.title)
    first = parts[0] if parts else None
    return infer_published(
        first.text if first else "",
        first.title if first else document.title,
        first.removed if first else [],
        url=url,
        metadata=document.published,
        metadata_evidence=document.published_evidence,
    )


def score_answers(system: str, answers: Iterable[PageAnswer]) -> SystemScore:
    """Count one system's answers against their silver dates."""
    rows = [a for a in answers if a.gold]
    kinds = Counter(a.evidence for a in rows)
    exact = same_month = wrong_day = wrong_month = unknown = 0
    for a in rows:
        gold, value = a.gold or "", a.value or ""
        if not value:
            unknown += 1
            continue
        exact += value == gold
        wrong_day += len(value) == 10 and value != gold
        if len(value) >= 7:
            same_month += value[:7] == gold[:7]
            wrong_month += value[:7] != gold[:7]
        else:
            wrong_month += value != gold[:4]
    return SystemScore(
        system, len(rows), dict(kinds), exact, same_month, wrong_day, wrong_month, unknown
    )


# --------------------------------------------------------------------------- I/O


def load_pages(directory: Path) -> list[Page]:
    """Every page of the benchmark that has its HTML file, in key order."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = directory / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append(Page(key, str(truth[key].get("url") or ""), html))
    return pages


def _htmldate(extensive: bool) -> Callable[[str], str | None]:
    import htmldate

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    def find(html: str) -> str | None:
        try:
            return htmldate.find_date(html, extensive_search=extensive, original_date=True)
        except Exception:  # best effort, as in ingest
            return None

    return find


def _ingest(page: Page, html: str) -> RawDocument | IngestError:
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()
    return parse_html(html, f"{page.key}.html", digest)


def evaluate_pubdates(directory: str | Path) -> PubdateEvaluation:
    """Run storyline and htmldate on the benchmark in ``directory`` and score them."""
    root = Path(directory)
    pages = load_pages(root)
    baselines = {"htmldate (fast)": _htmldate(False), "htmldate (extensive)": _htmldate(True)}
    answers: dict[str, list[PageAnswer]] = {"storyline": [], **{k: [] for k in baselines}}
    coverage: Counter[str] = Counter()
    unreadable = 0
    for page in pages:
        plain = _ingest(page, page.html)
        if isinstance(plain, IngestError):
            unreadable += 1
            coverage["no article text"] += 1
        else:
            coverage[storyline_answer(plain, plain.url).evidence] += 1
        gold = date_in_url(page.url)
        if gold is None:
            continue
        masked = mask_own_url(page.html, page.url)
        doc = _ingest(page, masked)
        if isinstance(doc, IngestError):
            got = PublishedDate(None, "unknown", 0.0, doc.reason)
        else:
            got = storyline_answer(doc, None)
        answers["storyline"].append(
            PageAnswer(page.key, page.url, gold, got.value, got.evidence, got.detail)
        )
        for name, find in baselines.items():
            value = find(masked)
            kind = "htmldate" if value else "unknown"
            answers[name].append(PageAnswer(page.key, page.url, gold, value, kind))
    systems = [score_answers(name, rows) for name, rows in answers.items()]
    mistakes = [
        a
        for a in answers["storyline"]
        if not a.value or (a.value != a.gold and a.value != (a.gold or "")[: len(a.value)])
    ]
    return PubdateEvaluation(
        str(root),
        len(pages),
        len(answers["storyline"]),
        unreadable,
        systems,
        dict(coverage),
        mistakes,
    )
