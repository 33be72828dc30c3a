"""Chart geometry for the web pages: the story-list sparkline and the story timeline.

Pure functions that return numbers and labels; the templates draw them as inline SVG (no
script, nothing fetched), escaping every label.

The timeline keeps each entry at its true precision: a day is a dot, a month or a year is
a bar as wide as that month or year. Past entries are filled, scheduled ones (deadlines,
announced happenings) are hollow and dashed. The axis covers the story's own dates and the
entries near them; entries far before or after sit in an "earlier" or "later" column
beyond a break in the axis, so a 1968 construction date does not squash November 2025.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from storyline.date_words import MONTHS, date_label, entry_label, span_of

SPARK_W, SPARK_H = 120, 26
CHART_W, ROW_H, AXIS_H, GUTTER = 760, 22, 34, 64
CHAR_W = 6.1  # average width of a 11px label character, to cut labels that would overflow
NEAR_DAYS = 550  # day- and month-precise entries this close to the story widen the axis


# --------------------------------------------------------------------------- sparkline


def sparkline(
    per_day: list[tuple[str, int]], first: str | None, last: str | None
) -> dict[str, Any]:
    """Bars of articles per day from the story's first to its last date (per week when the
    story spans more than three months)."""
    days = [date.fromisoformat(d) for d, _ in per_day]
    bounds = [span_of(first), span_of(last)]
    start = min([d for d in days] + [b[0] for b in bounds[:1] if b], default=None)
    end = max([d for d in days] + [b[1] for b in bounds[1:] if b], default=None)
    if start is None or end is None:
        return {"w": SPARK_W, "h": SPARK_H, "bars": [], "label": "no dated articles"}
    step = 7 if (end - start).days > 92 else 1
    bins = (end - start).days // step + 1
    counts = [0] * bins
    for day, (_, n) in zip(days, per_day, strict=True):
        counts[(day - start).days // step] += n
    top = max(counts) or 1
    width = SPARK_W / bins
    bars = []
    for i, n in enumerate(counts):
        if not n:
            continue
        height = max(3.0, (SPARK_H - 2) * n / top)
        when = start + timedelta(days=i * step)
        bars.append(
            {
                "x": round(i * width, 2),
                "y": round(SPARK_H - height, 2),
                "w": round(max(1.5, width - 1), 2),
                "h": round(height, 2),
                "title": f"{'week of ' if step == 7 else ''}{when.isoformat()}: {n} article"
                + ("s" if n > 1 else ""),
            }
        )
    unit = "week" if step == 7 else "day"
    label = f"articles per {unit}, {start.isoformat()} to {end.isoformat()}"
    return {"w": SPARK_W, "h": SPARK_H, "bars": bars, "label": label}


# --------------------------------------------------------------------------- timeline


def _domain(
    spans: list[tuple[date, date, str]], first: str | None, last: str | None
) -> tuple[date, date]:
    core = [s for s in (span_of(first), span_of(last)) if s]
    precise = [s for s in spans if s[2] != "year"] or spans
    if core:
        lo, hi = core[0][0], core[-1][1]
    else:
        lo, hi = min(s[0] for s in precise), max(s[1] for s in precise)
    near = [
        s
        for s in precise
        if s[0] >= lo - timedelta(NEAR_DAYS) and s[1] <= hi + timedelta(NEAR_DAYS)
    ]
    lo = min([lo, *(s[0] for s in near)])
    hi = max([hi, *(s[1] for s in near)])
    pad = timedelta(days=max(2, (hi - lo).days // 40))
    return lo - pad, hi + pad


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    if months <= 30:
        every = 1 if months <= 10 else 2 if months <= 20 else 3
        found, year, month = [], lo.year, lo.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = date(year, month, 1)
            if day > hi:
                break
            if (month - 1) % every == 0:
                found.append(day)
        labels = []
        for i, day in enumerate(found):
            show_year = i == 0 or day.month == 1
            labels.append((day, MONTHS[day.month - 1] + (f" {day.year}" if show_year else "")))
        return labels
    step = max(1, (hi.year - lo.year) // 8)
    return [(date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]


def timeline_chart(
    entries: list[dict[str, Any]], first: str | None, last: str | None
) -> dict[str, Any]:
    """Rows, axis ticks and marks of the story timeline chart.

    ``entries`` are timeline entries ({"date", "mod", "scheduled", "text"}); ``first`` and
    ``last`` are the story's first and last publication dates (the "latest report" line).
    """
    parsed = [(i, e, span_of(e["date"])) for i, e in enumerate(entries)]
    usable = [(i, e, s) for i, e, s in parsed if s]
    if not usable:
        return {"rows": [], "ticks": [], "w": CHART_W, "h": 0}
    lo, hi = _domain([s for _, _, s in usable], first, last)
    earlier = any(s[1] < lo for _, _, s in usable)
    later = any(s[0] > hi for _, _, s in usable)
    x0 = GUTTER if earlier else 8
    x1 = CHART_W - (GUTTER if later else 8)
    scale = (x1 - x0) / max(1, (hi - lo).days + 1)

    def x(day: date) -> float:
        return round(x0 + (day - lo).days * scale, 1)

    rows = []
    for row, (index, entry, (start, end, precision)) in enumerate(usable):
        y = AXIS_H + row * ROW_H + ROW_H / 2
        mark: dict[str, Any]
        if end < lo:
            mark = {"shape": "dot", "x": GUTTER / 2, "where": "earlier"}
        elif start > hi:
            mark = {"shape": "dot", "x": CHART_W - GUTTER / 2, "where": "later"}
        elif precision == "day":
            mark = {"shape": "dot", "x": x(start) + scale / 2, "where": "axis"}
        else:
            left, right = x(max(start, lo)), x(min(end, hi) + timedelta(days=1))
            mark = {
                "shape": "bar",
                "x": left,
                "w": round(max(3.0, right - left), 1),
                "cut_left": start < lo,
                "cut_right": end > hi,
                "where": "axis",
            }
        label = entry_label(entry)
        right_edge = mark["x"] + mark.get("w", 0)
        full = f"{label} \u00b7 {entry.get('text', '')}"
        right, left = CHART_W - right_edge - 14, mark["x"] - 14
        # the label goes where it fits whole, else where more of it fits
        on_right = right >= len(full) * CHAR_W or (left < len(full) * CHAR_W and right >= left)
        text = _fit(full, right if on_right else left)
        rows.append(
            {
                "index": index,
                "y": y,
                "mark": mark,
                "precision": precision,
                "scheduled": bool(entry.get("scheduled")),
                "label": label,
                "text": text,
                "tx": round(right_edge + 8, 1) if on_right else round(mark["x"] - 8, 1),
                "anchor": "start" if on_right else "end",
                "title": f"{label}: {entry.get('text', '')}",
            }
        )
    latest = span_of(last)
    line = x(latest[0]) if latest and lo <= latest[0] <= hi else None
    return {
        "w": CHART_W,
        "h": AXIS_H + len(rows) * ROW_H + 8,
        "rows": rows,
        "ticks": [
            {"x": x(day), "label": label}
            for day, label in _ticks(lo, hi)
            if x(day) + 6 + len(label) * CHAR_W * 1.25 <= x1 + (GUTTER if later else 8)
        ],
        "x0": x0,
        "x1": x1,
        "earlier": earlier,
        "later": later,
        "latest": line,
        "latest_label": date_label(last) if line is not None and last else "",
        "axis_y": AXIS_H - 6,
    }


def _fit(text: str, room: float) -> str:
    most = max(8, int(room / CHAR_W))
    return text if len(text) <= most else text[: most - 1].rstrip() + "\u2026"
