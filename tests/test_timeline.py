"""Tests for the story timeline (storyline.timeline)."""

from __future__ import annotations

import json
import re

from storyline.model import Analysis, Article, PublishedDate, TimelineEntry
from storyline.timeline import build_timeline
from storyline.timex import tag_times
from tests.conftest import GOLD, SEEDS, need

# a sentence ends at . ! ? (not inside "U.S." or "2.5") or at a line end
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\b[A-Z])\.|\.(?=[\w,]))+(?:[.!?]+[\"”’)]*|\n|$)")


def article(aid: str, text: str, published: str | None, duplicate_of: str | None = None) -> Article:
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]
    evidence = "test" if published else "unknown"
    return Article(
        id=aid,
        source=f"{aid}.txt",
        part=1,
        title=None,
        text=text,
        published=PublishedDate(published, evidence, 0.9 if published else 0.0),
        analysis=Analysis(sentences=spans, times=tag_times(text, published)),
        duplicate_of=duplicate_of,
    )


def at(entries: list[TimelineEntry], date: str) -> list[TimelineEntry]:
    return [e for e in entries if e.date == date]


# --------------------------------------------------------------------------- seeds


def seed_articles() -> list[Article]:
    need(SEEDS)
    gold = json.loads(need(GOLD).read_text(encoding="utf-8"))
    published = {
        a["key"]: a["published"][0] for d in gold["documents"].values() for a in d["articles"]
    }

    def body(name: str, start: int, end: int) -> str:
        lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()[start:end]
        return "\n".join(ln for ln in lines if ln.strip())

    parts = {
        "000": body("000_eccb52f1bae46f73.txt", 0, 9),
        "001": body("001_bf1fefeb7ccbfd15.txt", 2, 23),
        "002": body("002_45031f1af6fb0fd4.txt", 11, 21),
        "003": body("003_e1489c6481e905c9.txt", 0, 7),
        "004#1": body("004_d3609986008404eb.txt", 14, 28),
    }
    return [article(key, text, published[key]) for key, text in parts.items()]


def test_seed_timeline_matches_gold() -> None:
    entries = build_timeline(seed_articles())
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    missing = []
    for g in gold["timeline"]:
        if g["date"] in ("2024-01", "2024-09-28"):
            continue  # needs 001's unknown date / the other story's article
        accept = g.get("date_accept", [g["date"]])
        full = [e for e in entries if e.date in accept and set(g["sources"]) <= set(e.sources)]
        if not full or (g["kind"] == "scheduled" and not any(e.scheduled for e in full)):
            missing.append(g["date"])
    assert not missing, [(e.date, e.sources, e.text[:60]) for e in entries]


def test_seed_timeline_details() -> None:
    entries = build_timeline(seed_articles())
    assert [e.mod for e in at(entries, "2017-12")] == ["END"]
    deadline = [e for e in at(entries, "2025-09") if {"000", "002", "004#1"} <= set(e.sources)]
    assert deadline[0].scheduled and deadline[0].mod == "ON_OR_BEFORE"
    assert not any(e.date.startswith("2025-09-") for e in entries)  # "September 2025" stays a month
    assert all(len(e.text) <= 200 for e in entries)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    # 001 has no date: it gives no entry at a day of its own, only at its explicit year (2014)
    assert {e.date for e in entries if "001" in e.sources} <= {"2014"}


# --------------------------------------------------------------------------- generic


def test_two_outlets_reporting_the_same_event_merge() -> None:
    a = article(
        "a",
        "The central bank raised its main interest rate to 5 percent on Thursday, officials said.",
        "2023-06-16",
    )
    b = article(
        "b",
        "On Thursday the central bank raised the interest rate by half a point to 5 percent.",
        "2023-06-15",
    )
    entries = at(build_timeline([a, b]), "2023-06-15")
    assert len(entries) == 1 and entries[0].sources == ["a", "b"]


def test_different_happenings_on_the_same_date_stay_apart() -> None:
    a = article(
        "a",
        "The central bank raised its main interest rate to 5 percent on Thursday.",
        "2023-06-16",
    )
    b = article(
        "b",
        "A storm flooded the coastal villages of the north on Thursday, police said.",
        "2023-06-16",
    )
    entries = at(build_timeline([a, b]), "2023-06-15")
    assert sorted(e.sources for e in entries) == [["a"], ["b"]]


def test_copies_still_count_as_sources() -> None:
    text = "The museum reopened its doors to visitors on Monday after a long renovation."
    entries = build_timeline(
        [article("a", text, "2022-03-08"), article("b", text, "2022-03-08", "a")]
    )
    assert at(entries, "2022-03-07")[0].sources == ["a", "b"]


def test_scheduled_and_precision() -> None:
    text = (
        "The government announced the plan on Monday.\n"
        "The new line will open in March 2026 after tests.\n"
        "Construction must be finished by the end of 2025, the minister said.\n"
        "Work on the project began in 2019 with public funds."
    )
    entries = build_timeline([article("a", text, "2024-05-08")])
    by_date = {e.date: e for e in entries}
    assert by_date["2026-03"].scheduled and by_date["2026-03"].mod is None
    assert by_date["2025-12"].scheduled and by_date["2025-12"].mod == "ON_OR_BEFORE"
    assert not by_date["2019"].scheduled
    assert not by_date["2024-05-06"].scheduled
    assert "2026-03-01" not in by_date


def test_lead_happening_at_publication_date() -> None:
    text = "Rescuers pulled three survivors from the rubble of the hotel.\nIt was built in 1990."
    entries = build_timeline([article("a", text, "2021-08-02")])
    lead = at(entries, "2021-08-02")
    assert len(lead) == 1 and lead[0].text.startswith("Rescuers pulled")
    assert at(entries, "1990")


def test_article_with_unknown_date_gives_only_absolute_dates() -> None:
    text = (
        "The minister resigned on Friday after the vote.\n"
        "He had come to power a year ago.\n"
        "The party was founded in 1998 in Lyon."
    )
    entries = build_timeline([article("a", text, None)])
    assert [e.date for e in entries] == ["1998"]


def test_friday_without_anchor_and_impossible_dates_give_nothing() -> None:
    text = "The deal was signed on Friday.\nThe accord was signed on February 30 by both sides."
    assert build_timeline([article("a", text, None)]) == []
    dated = build_timeline([article("b", "It was signed on February 30, 2023 by both.", None)])
    assert all(re.fullmatch(r"\d{4}(-\d\d)?", e.date) for e in dated)


def test_long_sentence_text_is_trimmed_at_a_word() -> None:
    long = "The committee, " + "after hearing many witnesses and experts, " * 8
    text = long + "approved the report in 2020 and sent it to parliament."
    entry = at(build_timeline([article("a", text, "2021-01-10")]), "2020")[0]
    assert len(entry.text) <= 200 and "2020" in entry.text
