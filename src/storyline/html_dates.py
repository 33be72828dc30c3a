"""The publication day of an HTML page, from what the page itself declares or shows.

Read from the markup that declares one (JSON-LD ``datePublished``, publication ``<meta>``
tags, ``<time>`` marked as the publication time) and given as the publisher's local day;
failing that from a visible "Published ..." stamp under the title. htmldate's text
heuristics are not used: they read photo captions and "Copyright 2024" lines as dates.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from storyline.timex_rules import MONTHS

# --------------------------------------------------------------------------- HTML dates

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ISO_STAMP = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(?:[.,]\d+)?\s*"
    r"(Z|UTC|GMT|[+-]\d\d:?\d\d)?)?"
)
_JS_STAMP = re.compile(r"([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT([+-]\d{4})")
_ANY_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?")
_CLOCK = r"(?P<h>\d{1,2}):(?P<mi>\d\d)(?:\s*(?P<ap>[ap])\.?m\b\.?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_SHOWN = [  # dates as pages show them: "Nov. 19, 2019 5:50 PM", "7:07 PM EST Nov 19, 2019"
    re.compile(
        _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})(?:[,\s]*(?:at\s+|-\s+)?" + _CLOCK + ")?",
        re.I,
    ),
    re.compile(
        _CLOCK + r",?\s+(?:[A-Z]{1,4},?\s+)?(?:[A-Z][a-z]{2,8},?\s+)?"
        + _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})",
        re.I,
    ),
    re.compile(_DAY + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?:[,\s]+" + _CLOCK + ")?", re.I),
]  # fmt: skip
# What stands just before a page's own date: "Published:", "Posted on", "By Jane Roe |".
_STAMP_LABEL = re.compile(
    r"(?:(?i:\b(?:first\s+)?(?:published|posted)(?:\s+on)?)\s*:?"
    r"|\b[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+on)?\s*[,|:–—-]?)"
    r"\s*(?:[A-Z][a-z]{2,8},?\s+)?$"
)
# Publication-date <meta> keys (property, name or itemprop), most specific first.
_PUB_META = (
    "article:published_time", "article:published", "og:published_time", "og:pubdate",
    "datepublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
    "citation_publication_date", "datecreated", "date",
)  # fmt: skip
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)
_PUB_TIME = re.compile(r"datepublished|pubdate|published|entry-date|post-date", re.I)
# How far (hours) a local rendering of a UTC time may lie from it, and how near (days) a
# time with a stated UTC offset must be to tell the publisher's offset.
_MAX_OFFSET, _NEAR_DAYS = 14, 3
# published_evidence of a date read off a stamp the page shows, not off its markup: pubdate
# counts it as timestamp evidence.
PAGE_STAMP = "page stamp"
_UNDER_TITLE = 12  # texts under the <h1> where a bare date stamp may stand
_VISIBLE = "//body//text()[not(ancestor::script or ancestor::style)]"


@dataclass(frozen=True, slots=True)
class _Stamp:
    """A date or date-time as written, with its UTC offset in minutes (None: not stated)."""

    when: datetime
    offset: int | None
    timed: bool
    text: str


def _stamp(
    y: int, mo: int, d: int, clock: tuple[int, int, int], zone: str | None, text: str
) -> _Stamp | None:
    """A _Stamp, or None for an impossible date or a placeholder year (0001, 1970)."""
    try:
        when = datetime(y, mo, d, *clock)
    except ValueError:
        return None
    if not 1971 <= y <= 2100:
        return None
    offset = None
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone.replace(":", "")[1:] if zone[0] in "+-" else "0000"
        offset = sign * (int(digits[:2]) * 60 + int(digits[2:4]))
    return _Stamp(when, offset, clock != (0, 0, 0), text)  # midnight: a bare date in disguise


def _parse_stamp(value: str) -> _Stamp | None:
    """An ISO 8601 or JavaScript date(-time) string, or a written date ("November 19, 2019")."""
    value = value.strip()
    if m := _ISO_STAMP.match(value):
        clock = (int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
        return _stamp(int(m[1]), int(m[2]), int(m[3]), clock, m[7], value)
    if (m := _JS_STAMP.search(value)) and m[1].lower() in MONTHS:
        clock = (int(m[4]), int(m[5]), int(m[6]))
        return _stamp(int(m[3]), MONTHS[m[1].lower()], int(m[2]), clock, m[7], value)
    if m := _SHOWN[0].match(value):
        return _shown_stamp(m)
    return None


def _shown_stamp(m: re.Match[str]) -> _Stamp | None:
    """The date (and clock time, when shown) of a visible date match."""
    clock = (0, 0, 0)
    if m.groupdict().get("h"):
        hour = int(m["h"]) % 12 + 12 * (m["ap"].lower() == "p") if m["ap"] else int(m["h"])
        clock = (hour, int(m["mi"]), 0)
    month = MONTHS[m["mon"].lower().rstrip(".")]
    return _stamp(int(m["year"]), month, int(m["day"]), clock, None, m.group(0))


def _shown_dates(text: str) -> list[tuple[int, _Stamp]]:
    """(position, stamp) of every date the visible text shows, in reading order."""
    found = {}
    for pattern in _SHOWN:
        for m in pattern.finditer(text):
            stamp = _shown_stamp(m)
            if stamp is not None and not any(a <= m.start() < b for a, b in found):
                found[(m.start(), m.end())] = stamp
    return [(span[0], stamp) for span, stamp in sorted(found.items())]


def _declared(tree: Any) -> list[tuple[str, _Stamp]]:
    """(source, stamp) of the dates the markup declares as the publication date, by trust."""
    found = []
    for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
        for m in re.finditer(r'"datePublished"\s*:\s*"([^"]{4,40})"', block):
            if stamp := _parse_stamp(m[1]):
                found.append(("JSON-LD datePublished", stamp))
    metas: dict[str, _Stamp] = {}
    for e in tree.iter("meta"):
        key = (e.get("property") or e.get("name") or e.get("itemprop") or "").lower()
        if (
            key in _PUB_META
            and key not in metas
            and (stamp := _parse_stamp(e.get("content") or ""))
        ):
            metas[key] = stamp
    found += [(f"<meta {key}>", metas[key]) for key in _PUB_META if key in metas]
    for e in tree.xpath("//time|//abbr|//*[@itemprop][not(self::meta)]"):
        marks = (
            f"{e.get('itemprop', '')} {e.get('class', '')} {'pubdate' * ('pubdate' in e.attrib)}"
        )
        value = e.get("datetime") or e.get("content") or e.get("title") or ""
        if _PUB_TIME.search(marks) and (stamp := _parse_stamp(value)):
            found.append((f"<{e.tag} {marks.strip()}>", stamp))
            break
    return found


def _local_offset(
    utc: datetime, html: str, shown: list[tuple[int, _Stamp]]
) -> tuple[int, str] | None:
    """(minutes east of UTC, why) of the publisher's clock for a UTC time: the offset most
    other times near it state, else a local rendering of the same instant (to the second in
    markup, to the minute on the page)."""
    zoned: Counter[int] = Counter()
    naive = []
    for m in _ANY_STAMP.finditer(html):
        other = _parse_stamp(m[0])
        if other is None:
            continue
        if other.offset:
            at = other.when - timedelta(minutes=other.offset)
            zoned[other.offset] += abs(at - utc) <= timedelta(days=_NEAR_DAYS)
        elif other.offset is None and _plausible(other.when - utc, 900):
            naive.append((other.when - utc, m[0]))
    zoned = +zoned
    if zoned:
        offset = zoned.most_common(1)[0][0]
        return offset, f"the page's other times are at UTC{_fmt(offset)}"
    if naive:
        return int(naive[0][0].total_seconds() // 60), f"the markup writes it as {naive[0][1]}"
    for _, stamp in shown:
        if stamp.timed and _plausible(stamp.when - utc.replace(second=0), 1800):
            minutes = int((stamp.when - utc.replace(second=0)).total_seconds() // 60)
            return minutes, f"the page shows '{stamp.text}'"
    return None


def _plausible(diff: timedelta, step: int) -> bool:
    """A non-zero whole number of ``step`` seconds within the largest UTC offset."""
    seconds = diff.total_seconds()
    return 0 < abs(seconds) <= _MAX_OFFSET * 3600 and seconds % step == 0


def _fmt(minutes: int) -> str:
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _page_stamp(
    tree: Any, shown: list[tuple[int, _Stamp]], nodes: list[str]
) -> tuple[str, str] | None:
    """(YYYY-MM-DD, evidence) of the first date the page shows under its <h1> as a stamp: a
    labelled one ("Published ...", "By Jane Roe | ...") or a short text that is mostly a
    date among the few texts right under the title."""
    text = " ".join(nodes)
    starts = list(accumulate((len(n) + 1 for n in nodes[:-1]), initial=0))
    head = " ".join("".join(tree.xpath("(//h1)[1]//text()")).split())
    top = next((i for i, n in enumerate(nodes) if head and head.startswith(n)), None)
    found: list[tuple[int, _Stamp, str]] = []
    for position, stamp in shown:
        label = _STAMP_LABEL.search(text[max(0, position - 60) : position])
        if label and (top is None or position > starts[top]):
            found.append((position, stamp, label.group(0) + stamp.text))
            break
    for i in range(top + 1, min(top + 1 + _UNDER_TITLE, len(nodes))) if top is not None else ():
        dates = [
            st
            for at, st in _shown_dates(nodes[i])
            if len(st.text) >= 0.4 * len(nodes[i]) and not _UPDATED.search(nodes[i][:at])
        ]
        if dates and len(nodes[i]) <= 100:
            found.append((starts[i], dates[0], nodes[i]))
            break
    if not found:
        return None
    _, stamp, said = min(found, key=lambda f: f[0])
    return f"{stamp.when:%Y-%m-%d}", f"{PAGE_STAMP} '{said}'"


def html_published(html: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD, evidence) of a page's publication day, or None.

    The first declared date-time wins (a bare declared date only when none has a time); a
    UTC time is moved to the publisher's local day when the page tells its offset. A page
    that declares nothing may show a stamp under its title (see :func:`_page_stamp`).
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html.encode("utf-8", errors="replace"))
    except Exception:  # lxml refuses empty or odd documents
        return None
    declared = _declared(tree)
    nodes = [" ".join(str(n).split()) for n in tree.xpath(_VISIBLE)]
    nodes = [n for n in nodes if n]
    shown = _shown_dates(" ".join(nodes))
    timed = [(src, st) for src, st in declared if st.timed]
    if chosen := (timed or declared or [None])[0]:
        source, stamp = chosen
        detail = f"html metadata {source} {stamp.text}"
        meta = " | ".join(e.get("content") or "" for e in tree.iter("meta"))
        rendered = shown + _shown_dates(meta)  # local renderings, on the page or in <meta>
        if (
            stamp.timed
            and stamp.offset == 0
            and (local := _local_offset(stamp.when, html, rendered))
        ):
            stamp = _Stamp(stamp.when + timedelta(minutes=local[0]), local[0], True, stamp.text)
            detail += f", on the publisher's clock UTC{_fmt(local[0])} ({local[1]})"
        return f"{stamp.when:%Y-%m-%d}", detail
    return _page_stamp(tree, shown, nodes)
