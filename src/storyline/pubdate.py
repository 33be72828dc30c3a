"""Publication date of an article, with the evidence that supports it.

:func:`infer_published` tries, in order of trust: metadata given by the caller, a
timestamp line under the title, a dateline with a year, a date inside a URL, a weekday that
fixes the year of a day and month, and finally an estimate from the dates in the text.
A day is never stated without support: a day and month with no year and no weekday that
fixes the year give no date.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import PublishedDate, Removed, TimeExpr
from storyline.timex import tag_times
from storyline.timex_rules import FUTURE_CUE, WEEKDAY, WEEKDAYS, valid_date

__all__ = ["infer_published"]

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
_LEADING_WEEKDAY = re.compile(r"^(?:on\s+)?(" + WEEKDAY + r")", re.I)
_THIS_WEEKDAY = re.compile(r"\b(?:this|today,?)\s+(" + WEEKDAY + r")")
_ANY_WEEKDAY = re.compile(r"\b(?:(next|coming|following)\s+)?(" + WEEKDAY + r")")
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)[^\n\d]{0,60}?(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s*(?:©|\(c\))",
    re.IGNORECASE,
)
# Candidate publication years for a day-month fixed by a weekday mention alone: web news.
_FIRST_YEAR, _LAST_YEAR = 2000, 2100
# How far the chosen year may lie from the year that anchors it (a footer year is the site's
# current year; a past year in the text is recent news only when close to the report).
_FOOTER_SPAN, _PAST_SPAN = 2, 6


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


def _from_stamp(line: str, labelled: bool) -> str | None:
    """The first full date of a timestamp line (``labelled``: the cleaner called it one)."""
    times = [t for t in tag_times(line, None) if t.type in ("DATE", "TIME")]
    if not labelled and not _looks_like_stamp(line, times):
        return None
    for t in times:
        if full := _full_date(t.value):
            return full
    return None


def _timestamp(text: str, removed: list[Removed]) -> tuple[str, str] | None:
    """(date, line) from a timestamp line: removed ones first, then the top of the body."""
    ordered = [r for r in removed if r.reason == "timestamp"]
    ordered += [r for r in removed if r.reason != "timestamp"]
    for r in ordered:
        if found := _from_stamp(r.text, r.reason == "timestamp"):
            return found, r.text.strip()
    for line in [ln for ln in text.splitlines() if ln.strip()][:3]:
        if len(line) > 100:
            break
        if found := _from_stamp(line, False):
            return found, line.strip()
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
    times = [t for t in tag_times(head, None) if t.type == "DATE"]
    place = re.fullmatch(r"[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][\w .'\-]*)?", head.split(",")[0])
    if not (m["agency"] or times or place):
        return None
    return (times[0] if times else None), m.group(0).strip()


def _url_date(urls: list[str]) -> tuple[str, str, str] | None:
    """(value, evidence key, url) for the first URL that carries a date."""
    for url in urls:
        for pattern in _URL_DATES:
            for m in pattern.finditer(url):
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
                if valid_date(y, mo, d):
                    return f"{y:04d}-{mo:02d}-{d:02d}", "url", url
    for url in urls:
        if (m := _URL_MONTH.search(url)) and 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{int(m[2]):02d}", "url-month", url
    return None


def _sentence_before(text: str, start: int) -> str:
    return re.split(r"[.!?\n]\s", text[max(0, start - 200) : start])[-1]


def _year_mentions(text: str, times: list[TimeExpr]) -> tuple[set[int], set[int]]:
    """(future years, other years) written explicitly in the text."""
    future: set[int] = set()
    other: set[int] = set()
    for t in times:
        if t.type != "DATE" or t.anchored or not re.match(r"\d{4}", t.value):
            continue
        year = int(t.value[:4])
        ahead = FUTURE_CUE.search(_sentence_before(text, t.start) + " " + t.text)
        (future if ahead else other).add(year)
    return future, other - future


def _fix_year(
    month: int, day: int, weekday: int, future: set[int], other: set[int]
) -> tuple[int | None, str]:
    """The year in which month/day falls on weekday and that fits the years the text mentions."""
    candidates = [y for y in range(1970, 2101) if valid_date(y, month, day)]
    candidates = [y for y in candidates if dt.date(y, month, day).weekday() == weekday]
    near = [y for y in candidates if 2000 <= y <= 2030]
    if future:
        low, high = min(future) - 3, min(future) - 1
        other = {o for o in other if o < min(future)}  # later uncued years read as future too
    elif other:
        low, high = max(other), max(other) + 1
    else:
        return None, f"candidates {near}: the text mentions no year to choose among them"
    fits = [
        y
        for y in candidates
        if low <= y <= high and not any(f <= y for f in future) and not any(o > y for o in other)
    ]
    near = [y for y in candidates if low - 12 <= y <= high + 12]
    mentioned = f"future years {sorted(future)}, other years {sorted(other)}"
    if len(fits) != 1:
        return None, f"candidates {near} ({mentioned}); none fits alone"
    rejected = [y for y in near if y != fits[0]]
    return fits[0], f"fits {mentioned}; rejected {rejected}"


def _weekday_pairs(
    text: str, times: list[TimeExpr], line: TimeExpr | None
) -> list[tuple[int, int, int, str]]:
    """(month, day, weekday, text) pairs: "Friday September 27", or dateline + "this Friday"."""
    pairs = []
    for t in times:
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t.value)
        if m and (wd := _LEADING_WEEKDAY.match(t.text)):
            pairs.append((int(m[1]), int(m[2]), WEEKDAYS[wd[1].lower()], t.text))
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", line.value) if line is not None else None
    if m and line is not None and (this := _THIS_WEEKDAY.search(text)):
        said = f"{line.text} + {this[0]}"
        pairs.append((int(m[1]), int(m[2]), WEEKDAYS[this[1].lower()], said))
    return pairs


def _footer_year(text: str, removed: list[Removed]) -> tuple[int, str] | None:
    """(year, line) of a copyright/footer line ("© 2025 The Star", "Copyright 2010-2025"):
    the latest such year among the removed lines and the last lines of the body."""
    lines = [r.text for r in removed] + text.splitlines()[-3:]
    best: tuple[int, str] | None = None
    for line in lines:
        if len(line) > 150:
            continue
        for m in _COPYRIGHT_YEAR.finditer(line):
            year = int(m[1] or m[2])
            if best is None or year > best[0]:
                best = (year, line.strip())
    return best


def _past_weekdays(text: str) -> list[tuple[int, str]]:
    """(weekday number, words) of the weekdays the text names for past or present events:
    not "next Monday" and not in a sentence that speaks of the future."""
    found = []
    for m in _ANY_WEEKDAY.finditer(text):
        if m[1] or FUTURE_CUE.search(_sentence_before(text, m.start())):
            continue
        found.append((WEEKDAYS[m[2].lower()], m[2]))
    return found


def _report_weekdays(named: set[int]) -> set[int]:
    """Weekdays the report may be dated: the latest named day (the one after which all the
    others fall in the shortest span) or the day after it."""
    span = {d: max((d - w) % 7 for w in named) for d in range(7)}
    shortest = min(span.values())
    latest = {d for d, s in span.items() if s == shortest}
    return latest | {(d + 1) % 7 for d in latest}


def _bounded_year(
    month: int, day: int, weekdays: set[int], past: set[int], future: set[int], footer: int | None
) -> tuple[int | None, str]:
    """The year of a day-month whose weekday is one of ``weekdays``, anchored by a footer
    year (the latest candidate not after it) or else by the latest past year of the text
    (the earliest candidate not before it); below any future year. None without an anchor."""
    cands = [
        y
        for y in range(_FIRST_YEAR, _LAST_YEAR + 1)
        if valid_date(y, month, day) and dt.date(y, month, day).weekday() in weekdays
    ]
    cap = min(future) if future else _LAST_YEAR + 1
    low = max((y for y in past if y < cap), default=None)
    if footer is not None:
        pool = [y for y in cands if y <= min(footer, cap - 1) and (low is None or y >= low)]
        pick = max(pool, default=None)
        ok = pick is not None and footer - pick <= _FOOTER_SPAN
        rule, anchor = "latest candidate not after", f"the footer year {footer}"
    elif low is not None:
        pool = [y for y in cands if low <= y < cap]
        pick = min(pool, default=None)
        ok = pick is not None and pick - low <= _PAST_SPAN
        rule, anchor = "earliest candidate not before", f"{low}, the latest past year in the text"
    else:
        return None, "no year in the text and no footer year to choose among them"
    near = [y for y in cands if abs(y - (pick or footer or low or 0)) <= 12]
    if not ok or pick is None:
        return None, f"candidates {near}: none close enough to {anchor}"
    return pick, f"{rule} {anchor}; other candidates {[y for y in near if y != pick]}"


def _dateline_weekday(
    text: str,
    line: TimeExpr | None,
    said: str,
    years: tuple[set[int], set[int]],
    footer: tuple[int, str] | None,
) -> tuple[str | None, str]:
    """(date or None, detail) for a day-month dateline whose year a weekday named in the text
    narrows to a few candidates, chosen among them by the footer year or the past years."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", line.value) if line is not None else None
    named = _past_weekdays(text)
    if not m or not named:
        return None, ""
    month, day = int(m[1]), int(m[2])
    weekdays = _report_weekdays({w for w, _ in named})
    future, past = years
    year, why = _bounded_year(month, day, weekdays, past, future, footer[0] if footer else None)
    days = ", ".join(dict.fromkeys(f"'{word}'" for _, word in named))
    if year is None:
        return None, f"'{said}' with {days}: {why}"
    weekday = dt.date(year, month, day)
    footnote = f" (footer '{footer[1]}')" if footer and "footer" in why else ""
    detail = f"'{said}' with {days}: {weekday:%A %d %B} in {year}; {why}{footnote}"
    return f"{year}-{month:02d}-{day:02d}", detail


def _content(text: str, times: list[TimeExpr]) -> tuple[str, str] | None:
    """(YYYY-MM, text) of the latest full explicit date that is not announced as future."""
    best: tuple[str, str] | None = None
    for t in times:
        full = _full_date(t.value) if t.type in ("DATE", "TIME") else None
        if (
            full
            and not FUTURE_CUE.search(_sentence_before(text, t.start))
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
) -> PublishedDate:
    """The publication date of an article and what supports it (see the module docstring).

    ``removed`` are the lines the clean stage took out (timestamp lines, source credits),
    ``metadata`` an ISO date the caller read from HTML meta / JSON-LD / a record field.
    """
    if value := _from_metadata(metadata):
        return _result(value, "metadata", metadata_evidence or f"metadata {metadata}")
    if found := _timestamp(text, removed):
        return _result(found[0], "timestamp", found[1])
    dateline = _dateline(text)
    line_time = dateline[0] if dateline else None
    if line_time is not None and (full := _full_date(line_time.value)):
        return _result(full, "dateline", dateline[1])  # type: ignore[index]
    urls = [url] if url else []
    urls += [u for r in removed for u in _URL_IN_TEXT.findall(r.text)]
    urls += _URL_IN_TEXT.findall(text)
    if found_url := _url_date(urls):
        return _result(found_url[0], found_url[1], found_url[2])
    times = tag_times(text, None)
    title_times = tag_times(title, None) if title else []
    future, other = _year_mentions(text, times)
    t_future, t_other = _year_mentions(title or "", title_times)
    future |= t_future
    other = (other | t_other) - future
    notes = []
    for month, day, weekday, said in _weekday_pairs(text, times, line_time):
        year, why = _fix_year(month, day, weekday, future, other)
        if year is not None:
            detail = f"'{said}': {dt.date(year, month, day):%A %d %B} in {year}; {why}"
            return _result(f"{year}-{month:02d}-{day:02d}", "weekday", detail)
        notes.append(f"'{said}': {why}")
    if dateline and line_time is not None:
        footer = _footer_year(text, removed)
        value, why = _dateline_weekday(text, line_time, dateline[1], (future, other), footer)
        if value is not None:
            return _result(value, "weekday-bound", why)
        notes.append(why or f"dateline '{dateline[1]}' gives no year")
    if found_content := _content(text, times):
        detail = "; ".join(
            [f"estimate from the latest date in the text, '{found_content[1]}'", *notes]
        )
        return _result(found_content[0], "content", detail, inferred=True)
    return _result(None, "unknown", "; ".join(notes) or "no date in the text")
