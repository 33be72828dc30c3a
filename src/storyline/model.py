"""The shared data model: plain dataclasses that every pipeline stage reads and writes.

Stages are pure functions over these records; only ``ingest`` (reading files) and
``store`` (the database) touch the outside world. Every record converts to and from
plain JSON-able dicts with :func:`to_dict` / ``Class.from_dict`` so the store can keep
per-article analysis and the export can print it without a second set of types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_dict(record: Any) -> dict[str, Any]:
    """A record (or nested records) as plain JSON-able data: what ``dataclasses.asdict``
    gives, without its deep copy of every leaf (the leaves here are str, int, float, bool
    and None), which made writing a large story's record cost a second."""
    plain = _plain(record)
    assert isinstance(plain, dict)
    return plain


@cache
def _field_names(cls: type) -> dict[str, None]:
    """A dataclass's field names, in order (a dict: ordered, and quick to look up)."""
    return dict.fromkeys(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    cls = type(value)
    if hasattr(cls, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(cls)}
    if cls is list:
        return [_plain(v) for v in value]
    if cls is tuple:
        return tuple(_plain(v) for v in value)
    if cls is dict:
        return {k: _plain(v) for k, v in value.items()}
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from a dict, ignoring keys the class does not know (forward compatible)."""
    known = _field_names(cls)
    return cls(**{k: v for k, v in data.items() if k in known})


# --------------------------------------------------------------------------- input


@dataclass(slots=True)
class RawDocument:
    """One input as read by ``ingest``: a file, or one record of a JSON Lines file.

    ``text`` is plain text: HTML has already been reduced to its main text.
    """

    source: str  # the path as given, or "feed.jsonl:12" for line 12 of a JSON Lines file
    text: str
    sha256: str  # of the raw bytes (file) or of the canonical JSON (record)
    format: str  # "txt" | "html" | "jsonl"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # the publishing site or agency, when known
    published: str | None = None  # ISO date from metadata (HTML meta / JSON-LD / record field)
    published_evidence: str | None = None  # where that metadata date came from, e.g. "html meta"


@dataclass(slots=True)
class IngestError:
    """A file or record that could not be read; reported in one line, the batch goes on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# --------------------------------------------------------------------------- clean


@dataclass(slots=True)
class Removed:
    """A line the clean stage took out of the body, and why."""

    text: str
    reason: str  # e.g. "share-widget", "comment-widget", "repeated-title", "timestamp"
    line: int  # 0-based line number in the source text


@dataclass(slots=True)
class ArticlePart:
    """One article found in a source text (a page may carry several)."""

    part: int  # 1-based index of the article inside its source
    title: str | None
    text: str  # the body, furniture removed, paragraphs separated by "\n"
    removed: list[Removed] = field(default_factory=list)
    body_lines: list[int] = field(default_factory=list)  # source line numbers of the body


# --------------------------------------------------------------------------- date


@dataclass(slots=True)
class PublishedDate:
    """The publication date of an article, with what supports it.

    ``value`` has the precision the evidence supports: YYYY-MM-DD, YYYY-MM or YYYY, or
    None when nothing supports a date ("unknown").
    """

    value: str | None
    # "metadata" | "timestamp" | "dateline" | "url" | "weekday" | "content" | "unknown"
    evidence: str
    confidence: float  # 0..1
    detail: str = ""  # human-readable: the text that supports the date
    inferred: bool = False  # True when the date is an estimate (content), not read off the page

    @property
    def dated_by_page(self) -> str | None:
        """The value when the page gives it (metadata, stamp, dateline, URL, weekday; a
        day and month whose year comes from the story count), None for no date or one
        estimated from the dates the text mentions: that one is only a lower bound (the
        text was written after them), not when it was published."""
        return None if self.evidence == "content" else self.value

    @staticmethod
    def of_kind(value: str | None, kind: str | None) -> PublishedDate:
        """A date that behaves as one of ``kind`` (see :func:`storyline.pubdate.date_kind`)
        for ordering, the siblings' dates and a story's span: for a stand-in."""
        kind = (kind or "").split(":")[0]
        if not value:
            return PublishedDate(None, "unknown", 0.0)
        if kind in ("content", "yearless"):  # an estimate from the content
            return PublishedDate(value, "content", 0.0, inferred=True)
        return PublishedDate(value, "stand-in", 0.0, inferred=kind == "story")


# --------------------------------------------------------------------------- time


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression with a TIMEX3-style normalised value.

    Offsets are character offsets into the text the tagger was given. As in TimeML, the
    span leaves out a signal word that links the time to an event ("by", "until", "since",
    "no later than"): ``signal`` keeps it, lower-cased and single-spaced, and the relation it
    gives ("by" -> ON_OR_BEFORE) is read from it by :func:`storyline.timex.qualifier`. In
    "by the end of September 2025" the span is "the end of September 2025", ``mod`` END and
    ``signal`` "by". Modifiers of the time itself ("about", "nearly", "early", "the end of")
    stay in the span. Analyses stored before the field existed load with ``signal`` None
    and the signal still inside the span, which :func:`~storyline.timex.qualifier` reads.
    """

    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # e.g. "2024", "2024-09", "2024-09-27", "P10Y", "PRESENT_REF", "XXXX-09-27"
    mod: str | None = None  # "START" | "MID" | "END" | "BEFORE" | "AFTER" | "ON_OR_BEFORE" | ...
    anchored: bool = False  # True when the value depends on the document creation time
    signal: str | None = None  # the signal word(s) just before the span: "by", "until", ...


# --------------------------------------------------------------------------- language, nlp


@dataclass(slots=True)
class Mention:
    """A named-entity mention in an article's text."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, ...


@dataclass(slots=True)
class Quantity:
    """A number with what it counts: "around 180 soldiers" (Spain)."""

    start: int
    end: int
    text: str  # the surface span, e.g. "around 180 soldiers"
    value: float
    unit: str  # normalised thing counted: "troops", "dead", "wounded", "people", ...
    noun: str  # the counted noun as written: "soldiers", "military personnel", "euros"
    hedge: str | None = None  # "about" | "at least" | "nearly" | "more than" | "up to" | ...
    subject: str | None = None  # entity the quantity attaches to ("United States", "Spain")
    place: str | None = None  # where: "Iraq", "Syria"
    sentence: int = -1  # index into Analysis.sentences
    # what the number measures, as a phrase: the counted noun and what happened to it
    # ("residents evacuated", "pay rise demanded"); facts group statements on it
    attribute: str = ""
    low: float | None = None  # a range's lower bound ("25,000 to 30,000"): value is the upper


@dataclass(slots=True)
class Claim:
    """A dated statement: who/what does what, when."""

    subject: str  # e.g. "coalition mission"
    predicate: str  # normalised: "end", "form", "continue-until", "begin", ...
    value: str  # the date (TIMEX3 value) the claim is about
    mod: str | None = None
    place: str | None = None
    text: str = ""  # the supporting sentence
    sentence: int = -1
    object: str | None = None  # what the predicate acts on: "victory" in "proclaimed victory"


@dataclass(slots=True)
class Analysis:
    """Everything computed for one article from its own text (cached in the store)."""

    sentences: list[tuple[int, int]] = field(default_factory=list)  # character spans
    times: list[TimeExpr] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A clean article with its per-article analysis, as stored and exported."""

    id: str
    source: str
    part: int
    title: str | None
    text: str
    removed: list[Removed] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    published: PublishedDate = field(default_factory=lambda: PublishedDate(None, "unknown", 0.0))
    language: str | None = None
    analysis: Analysis = field(default_factory=Analysis)
    duplicate_of: str | None = None
    story: str | None = None
    event: str | None = None

    def sentence_text(self, index: int) -> str:
        start, end = self.analysis.sentences[index]
        return self.text[start:end]


def source_of(article: Article, by_id: Mapping[str, Article]) -> str:
    """Who an article's report comes from, for counting independent sources: a copy
    (``duplicate_of``) counts as its original, and an original as its outlet when that is
    known (two reports of one outlet are one source; "www.bbc.co.uk" is "bbc.co.uk"),
    else as itself. ``by_id`` holds the articles a copy's original may be among."""
    root, seen = article, set()
    while root.duplicate_of and root.duplicate_of in by_id and root.id not in seen:
        seen.add(root.id)
        root = by_id[root.duplicate_of]
    if root.duplicate_of and root.duplicate_of not in by_id:
        return root.duplicate_of  # its original is not among them: known by its id
    outlet = " ".join((root.outlet or "").lower().split()).removeprefix("www.")
    return f"outlet:{outlet}" if outlet else root.id


def publication_span(articles: Iterable[Article]) -> tuple[str | None, str | None]:
    """The first and last publication dates the articles' pages give (estimates from the
    content left out, see :attr:`PublishedDate.dated_by_page`), or (None, None)."""
    dates = sorted(d for a in articles if (d := a.published.dated_by_page))
    return (dates[0], dates[-1]) if dates else (None, None)


@dataclass(frozen=True, slots=True)
class MemberKey:
    """What the store can tell of a story member without reading its record."""

    id: str
    published: str | None  # PublishedDate.value
    duplicate_of: str | None
    event: str | None
    date_kind: str | None = None  # storyline.pubdate.date_kind; None: not known


# --------------------------------------------------------------------------- story level


@dataclass(slots=True)
class TimelineEntry:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: the precision the text supports
    text: str  # what happened (a representative sentence)
    sources: list[str]  # article ids
    mod: str | None = None  # "END", "ON_OR_BEFORE", "BEFORE", "APPROX", ...
    scheduled: bool = False  # True for deadlines and announced future happenings
    date_span: list[int] | None = None  # [start, end) in ``text`` of the words giving the date
    # "year" when the text gives only a year and ``mod`` puts the date at its start or end
    # ("early 2005": 2005-01, START; "the end of 2017": 2017-12, END); "week" when it gives
    # a week ("this week": ``date`` is the month of its Thursday, ``week`` the week);
    # None: as ``date``
    precision: str | None = None
    week: str | None = None  # the ISO week ("2005-W09") when ``precision`` is "week"


@dataclass(slots=True)
class Entity:
    name: str  # canonical form
    type: str  # PERSON, ORG, GPE, ...
    aliases: list[str]  # every surface form seen, the canonical one included
    sources: list[str]  # article ids that mention it


@dataclass(slots=True)
class FactValue:
    value: Any
    sources: list[str]
    hedge: str | None = None
    text: str = ""  # one supporting sentence
    first_reported: str | None = None  # earliest publication day among its sources
    last_reported: str | None = None  # latest publication day among its sources
    low: Any = None  # a range's lower bound ("25,000 to 30,000"): value is the upper


@dataclass(slots=True)
class Fact:
    subject: str
    attribute: str
    value: Any  # the value (the most supported one when conflicting)
    unit: str | None
    status: str  # "corroborated" | "single-source" | "conflicting"
    sources: list[str]  # every article that states this fact, copies included
    independent_sources: int  # sources that are not copies of one another
    values: list[FactValue] = field(default_factory=list)
    hedge: str | None = None
    # True when the values follow one another in time (a toll raised from one day to the
    # next): ``values`` then runs oldest first and ``value`` is the latest
    updated: bool = False
    low: Any = None  # the lower bound when ``value`` ends a range ("25,000 to 30,000")
    # True when every statement of it is told as still to come: a forecast, a plan, a
    # possibility ("is expected to sell 300,000", "could face a five-year term")
    forecast: bool = False


@dataclass(slots=True)
class DifferenceSide:
    says: str
    sources: list[str]


@dataclass(slots=True)
class Difference:
    what: str
    sides: list[DifferenceSide]


@dataclass(slots=True)
class SummarySentence:
    text: str
    sources: list[str]


@dataclass(slots=True)
class Event:
    id: str
    title: str
    articles: list[str]


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str]
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    # members that joined after the last full analysis, oldest first: in ``articles`` and
    # ``events``, not yet in the title, timeline, facts, entities, differences or summary
    # (a large story is analysed again only once enough have joined: storyline.story_update)
    unanalysed: list[str] = field(default_factory=list)
