"""Publication date of an article, with the evidence that supports it.

:func:`infer_published` tries, in order of trust: metadata given by the caller, a
timestamp line under the title, a dateline with a year, a date inside a URL, a weekday that
fixes the year of a day and month, and finally an estimate from the dates in the text.
A day is never stated without support: a day and month with no year and no weekday that
fixes the year give no date, and neither does an all-numeric date whose day and month could
be swapped. :func:`date_from_story` gives such a day and month the year of the other
articles of its story, when their dates lie close to it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from storyline.html_dates import PAGE_STAMP
from storyline.model import PublishedDate, Removed, TimeExpr
from storyline.pubdate_year import (
    dateline_weekday,
    fix_year,
    footer_year,
    sentence_before,
    weekday_pairs,
    year_mentions,
)
from storyline.timex import tag_times
from storyline.timex_names import named_day
from storyline.timex_rules import FUTURE_CUE, valid_date

__all__ = ["date_from_story", "date_in_url", "infer_published"]

CONFIDENCE = {
    "metadata": 0.95,
    "timestamp": 0.9,
    "dateline": 0.85,
    "url": 0.85,
    "url-month": 0.6,
    "weekday": 0.7,
    "weekday-bound": 0.6,
    "content": 0.3,
}
_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_STAMP_WORDS = re.compile(r"\b(?:published|updated|posted|date|last updated|modified)\b", re.I)
EDGE_LINES = 2  # lines at each end of a text where its own URL may stand
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>\"')]+")
_URL_DATES = [
    re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?=/|$|[^\d])"),
    re.compile(r"[?&](?:date|d|pubdate|published)=((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"),
    re.compile(r"(?<![\d.])((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),
]
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/")
_DATELINE = re.compile(
    r"^\s*(?P<head>[^\n()–—]{0,80}?)\s*(?:\((?P<agency>[^()\n]{2,40})\)\s*)?(?:--?|[–—:])(?:\s|$)"
)
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s*$")
# How far (days) a month-day may lie from the median date of its story to borrow its year.
# Every month-day lies within 183 days of any date in some year, so six months would never
# refuse; at four months the next-nearest year is at least twice as far.
_STORY_SPAN = 122


def _result(value: str | None, evidence: str, detail: str, inferred: bool = False) -> PublishedDate:
    conf = 0.0 if value is None else CONFIDENCE.get(evidence, 0.3)
    evidence = evidence.split("-")[0] if value else "unknown"
    return PublishedDate(value, evidence, conf, detail, inferred)


def _full_date(value: str) -> str | None:
    """The YYYY-MM-DD at the start of ``value`` when it is a real date with an explicit year."""
    m = _FULL.match(value)
    if m and valid_date(int(m[1]), int(m[2]), int(m[3])):
        return m.group(0)
    return None


def _from_metadata(metadata: str | None) -> str | None:
    """The metadata date at the precision it has, or None when it is not a date."""
    m = _ISO.match((metadata or "").strip())
    if not m:
        return None
    if m[3]:
        return _full_date(m.group(0))
    if m[2]:
        return m.group(0) if 1 <= int(m[2]) <= 12 else None
    return m[1]


def _looks_like_stamp(line: str, times: list[TimeExpr]) -> bool:
    """A short line that is mostly a date/time or is labelled as a publication stamp."""
    line = line.strip()
    if not times or len(line) > 100:
        return False
    covered = sum(t.end - t.start for t in times)
    return bool(_STAMP_WORDS.search(line)) or covered >= 0.4 * len(line) or times[0].start == 0


def _ambiguous(t: TimeExpr) -> bool:
    """An all-numeric date whose day and month could be swapped ("05/10/2018": 5 October in
    most of the world, May 10 in the US): it supports no day and no month."""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}", t.text.strip())
    return bool(m) and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1].lstrip("0") != m[2].lstrip("0")


def _stamp_dates(line: str, labelled: bool) -> list[TimeExpr]:
    """The unambiguous dates of a timestamp line (``labelled``: the cleaner called it one), or
    [] when the line does not look like a timestamp."""
    times = [t for t in tag_times(line, None) if t.type in ("DATE", "TIME")]
    if not labelled and not _looks_like_stamp(line, times):
        return []
    return [t for t in times if not _ambiguous(t)]


def _stamp_lines(text: str, removed: list[Removed]) -> Iterator[tuple[str, list[TimeExpr]]]:
    """(line, dates) of the timestamp lines: removed ones first, then the top of the body."""
    ordered = [r for r in removed if r.reason == "timestamp"]
    ordered += [r for r in removed if r.reason != "timestamp"]
    for r in ordered:
        if dates := _stamp_dates(r.text, r.reason == "timestamp"):
            yield r.text.strip(), dates
    for line in [ln for ln in text.splitlines() if ln.strip()][:3]:
        if len(line) > 100:
            break
        if dates := _stamp_dates(line, False):
            yield line.strip(), dates


def _timestamp(text: str, removed: list[Removed]) -> tuple[str, str] | None:
    """(date, line) from the first timestamp line that has a full date."""
    for line, dates in _stamp_lines(text, removed):
        for t in dates:
            if full := _full_date(t.value):
                return full, line
    return None


def _dateline(text: str) -> tuple[TimeExpr | None, str] | None:
    """(date expression or None, dateline text) when the body opens with a dateline, possibly
    under a short credit line or two ("The Ledger with wire services")."""
    lines = [ln for ln in text.splitlines()[:6] if ln.strip()][:3]
    for line in lines:
        if found := _dateline_of(line):
            return found
        if len(line.split()) > 12 or _ENDS_SENTENCE.search(line):
            break
    return None


def _dateline_of(line: str) -> tuple[TimeExpr | None, str] | None:
    """(date expression or None, dateline text) when ``line`` opens with a dateline."""
    m = _DATELINE.match(line[:200])
    if not m:
        return None
    head = m["head"].strip()
    times = [t for t in tag_times(head, None) if t.type == "DATE" and not _ambiguous(t)]
    place = re.fullmatch(r"[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][\w .'\-]*)?", head.split(",")[0])
    if not (m["agency"] or times or place):
        return None
    return (times[0] if times else None), m.group(0).strip()


def date_in_url(url: str) -> str | None:
    """The full date (YYYY-MM-DD) a URL carries ("/2024/07/25/", "-20240725", "2024-07-25",
    "?date=2024-07-25"), or None."""
    for pattern in _URL_DATES:
        for m in pattern.finditer(url):
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            if valid_date(y, mo, d):
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def edge_lines(text: str, count: int = EDGE_LINES) -> str:
    """The first and last ``count`` non-empty lines of ``text``: where a scraper leaves the
    page's own address ("Source: https://..."). A URL amid the body links another page."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) <= 2 * count:
        return "\n".join(lines)
    return "\n".join(lines[:count] + lines[len(lines) - count :])


def near_edge(line: int, body_lines: Sequence[int], count: int = EDGE_LINES) -> bool:
    """Whether a removed line (``line``: its number in the source) has fewer than ``count``
    of the body's lines before it or after it (``body_lines``: the source numbers of the
    body's lines, sorted; with none known, every line counts)."""
    if not body_lines:
        return True
    before = bisect_left(body_lines, line)
    return before < count or len(body_lines) - before < count


def _url_date(urls: list[str]) -> tuple[str, str, str] | None:
    """(value, evidence key, url) for the first URL that carries a date."""
    for url in urls:
        if found := date_in_url(url):
            return found, "url", url
    for url in urls:
        if (m := _URL_MONTH.search(url)) and 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{int(m[2]):02d}", "url-month", url
    return None


def _content(text: str, times: list[TimeExpr]) -> tuple[str, str] | None:
    """(YYYY-MM, text) of the latest full explicit date that is not announced as future
    (a named day, "the 11 September attacks", is not written out: it does not count)."""
    best: tuple[str, str] | None = None
    for t in times:
        full = _full_date(t.value) if t.type in ("DATE", "TIME") and not _ambiguous(t) else None
        if (
            full
            and not named_day(text, t.start, t.end)
            and not FUTURE_CUE.search(sentence_before(text, t.start))
            and (best is None or full > best[0])
        ):
            best = (full, t.text)
    return (best[0][:7], best[1]) if best else None


def infer_published(
    text: str,
    title: str | None,
    removed: list[Removed],
    url: str | None = None,
    metadata: str | None = None,
    metadata_evidence: str | None = None,
    body_lines: Sequence[int] = (),
) -> PublishedDate:
    """The publication date of an article and what supports it (see the module docstring).

    ``removed`` are the lines the clean stage took out (timestamp lines, source credits),
    ``metadata`` an ISO date the caller read from HTML meta / JSON-LD / a record field,
    ``body_lines`` the source line numbers of the body's lines (sorted): a URL counts as the
    page's own only on a line near either end of the body (:func:`near_edge`,
    :func:`edge_lines`).
    """
    if value := _from_metadata(metadata):
        kind = "timestamp" if (metadata_evidence or "").startswith(PAGE_STAMP) else "metadata"
        return _result(value, kind, metadata_evidence or f"metadata {metadata}")
    if found := _timestamp(text, removed):
        return _result(found[0], "timestamp", found[1])
    dateline = _dateline(text)
    line_time = dateline[0] if dateline else None
    if line_time is not None and (full := _full_date(line_time.value)):
        return _result(full, "dateline", dateline[1])  # type: ignore[index]
    urls = [url] if url else []
    body = sorted(body_lines)
    own = (r for r in removed if near_edge(r.line, body))
    urls += [u for r in own for u in _URL_IN_TEXT.findall(r.text)]
    urls += _URL_IN_TEXT.findall(edge_lines(text))
    if found_url := _url_date(urls):
        return _result(found_url[0], found_url[1], found_url[2])
    times = tag_times(text, None)
    title_times = tag_times(title, None) if title else []
    future, other = year_mentions(text, times)
    t_future, t_other = year_mentions(title or "", title_times)
    future |= t_future
    other = (other | t_other) - future
    notes = []
    for month, day, weekday, said in weekday_pairs(text, times, line_time):
        year, why = fix_year(month, day, weekday, future, other)
        if year is not None:
            detail = f"'{said}': {dt.date(year, month, day):%A %d %B} in {year}; {why}"
            return _result(f"{year}-{month:02d}-{day:02d}", "weekday", detail)
        notes.append(f"'{said}': {why}")
    if dateline and line_time is not None:
        footer = footer_year(text, removed)
        value, why = dateline_weekday(text, line_time, dateline[1], (future, other), footer)
        if value is not None:
            return _result(value, "weekday-bound", why)
        notes.append(why or f"dateline '{dateline[1]}' gives no year")
    if found_content := _content(text, times):
        detail = "; ".join(
            [f"estimate from the latest date in the text, '{found_content[1]}'", *notes]
        )
        return _result(found_content[0], "content", detail, inferred=True)
    return _result(None, "unknown", "; ".join(notes) or "no date in the text")


def _own_month_day(text: str, removed: list[Removed]) -> tuple[int, int, str, str] | None:
    """(month, day, evidence, words) when the article's own stamp or dateline gives a day and
    month but no year; None when it gives a year or no day."""
    found = [(ds, "timestamp", line) for line, ds in _stamp_lines(text, removed)]
    line = _dateline(text)
    found += [([line[0]], "dateline", line[1])] if line and line[0] is not None else []
    for dates, evidence, said in found:
        for t in dates:
            if _full_date(t.value):
                return None
            if m := re.match(r"XXXX-(\d\d)-(\d\d)", t.value):
                return int(m[1]), int(m[2]), evidence, said
    return None


def date_kind(published: PublishedDate, text: str, removed: list[Removed]) -> str:
    """What the store keeps of an article's date beside its value, so that a story can be
    updated without reading the record (:mod:`storyline.story_update`): "page" (read off the
    page), "story:MM-DD" (a day and month whose year came from the story, see
    :func:`date_from_story`), "yearless:MM-DD" (no date from the page, or an estimate from
    the content, but a stamp or dateline with that day and month and no year: the story can
    date it), "content" (an estimate) or "undated"."""
    from_page = bool(published.value) and published.evidence != "content"
    if from_page and not published.inferred:
        return "page"
    own = _own_month_day(text, removed)
    if own is not None:
        return f"{'story' if from_page else 'yearless'}:{own[0]:02d}-{own[1]:02d}"
    if from_page:
        return "story"
    return "content" if published.value else "undated"


class StoryMedian(NamedTuple):
    """The median of a story's dates, and how many dates it was taken from."""

    day: dt.date
    count: int


def story_median(story_dates: Sequence[str]) -> StoryMedian | None:
    """The median of the dates (YYYY-MM-DD, or YYYY-MM read as its 15th; coarser ones are
    ignored) the story's other articles lend (:func:`date_from_story`), or None."""
    known = sorted(d if len(d) == 10 else f"{d}-15" for d in story_dates if len(d) in (7, 10))
    known = [d for d in known if _full_date(d)]
    return StoryMedian(dt.date.fromisoformat(known[len(known) // 2]), len(known)) if known else None


def story_year(month: int, day: int, median: StoryMedian | None) -> tuple[int, str] | None:
    """The year :func:`date_from_story` gives a day and month in a story whose dates have
    this ``median``, with the words that say why; None when it gives none."""
    if median is None:
        return None
    near = median.day
    years = [y for y in range(near.year - 1, near.year + 2) if valid_date(y, month, day)]
    if not years:
        return None
    year = min(years, key=lambda y: abs((dt.date(y, month, day) - near).days))
    gap = abs((dt.date(year, month, day) - near).days)
    if gap > _STORY_SPAN:
        return None
    return year, f"({median.count} dated, median {near}, {gap} days away)"


def date_from_story(
    text: str, removed: list[Removed], story_dates: Sequence[str] | StoryMedian | None
) -> PublishedDate | None:
    """The date of an article whose stamp or dateline says "Nov. 4" with no year, taking the
    year from the known dates of the other articles of its story, or None.

    ``text`` and ``removed`` as for :func:`infer_published`; ``story_dates`` are the other
    articles' dates (YYYY-MM-DD or YYYY-MM; coarser ones are ignored), or their
    :func:`story_median` when a caller dates several articles of one story. The year chosen
    puts the month-day nearest the median of those dates, and only when it lies within about
    four months of it. For articles whose own evidence gave no full day (``infer_published``
    answered "unknown" or "content").
    """
    own = _own_month_day(text, removed)
    if own is None:
        return None
    month, day, evidence, said = own
    if not isinstance(story_dates, StoryMedian):
        story_dates = story_median(story_dates or [])
    found = story_year(month, day, story_dates)
    if found is None:
        return None
    year, why = found
    detail = f"'{said}' gives no year; {year} comes from the story's other articles {why}"
    return PublishedDate(f"{year}-{month:02d}-{day:02d}", evidence, 0.5, detail, True)
