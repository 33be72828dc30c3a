"""Tests for publication-date inference (storyline.pubdate)."""

from __future__ import annotations

import json

import pytest

from storyline.html_dates import PAGE_STAMP
from storyline.model import Removed
from storyline.pubdate import date_from_story, date_in_url, infer_published
from tests.conftest import GOLD, SEEDS, need


def seed_lines(name: str) -> list[str]:
    path = need(SEEDS) / name
    return need(path).read_text(encoding="utf-8").splitlines()


def body(lines: list[str], start: int, end: int, drop: tuple[str, ...] = ()) -> str:
    return "\n".join(ln for ln in lines[start:end] if ln.strip() and ln.strip() not in drop)


def gold_published(key: str) -> list[str | None]:
    gold = json.loads(need(GOLD).read_text(encoding="utf-8"))
    for doc in gold["documents"].values():
        for article in doc["articles"]:
            if article["key"] == key:
                return article["published"]
    raise KeyError(key)


# --------------------------------------------------------------------------- seeds


def test_seed_000_dateline_fixed_by_this_friday() -> None:
    lines = seed_lines("000_eccb52f1bae46f73.txt")
    got = infer_published(body(lines, 0, 9), None, [Removed("Add Comment", "comment", 9)])
    assert got.value in gold_published("000")
    assert got.value == "2024-09-27"
    assert got.evidence == "weekday" and got.confidence == pytest.approx(0.7)
    assert "2019" in got.detail  # the rejected candidate years are named


def test_seed_001_weekdays_only_is_unknown() -> None:
    lines = seed_lines("001_bf1fefeb7ccbfd15.txt")
    got = infer_published(body(lines, 2, 23), lines[0], [])
    assert got.value is None and got.evidence == "unknown" and got.confidence == 0
    assert None in gold_published("001")


def test_seed_002_weekday_and_deadlines_fix_the_year() -> None:
    lines = seed_lines("002_45031f1af6fb0fd4.txt")
    removed = [Removed(lines[9], "photo-credit", 9), Removed("Published", "label", 4)]
    got = infer_published(body(lines, 11, 21), lines[0], removed)
    assert got.value == "2024-09-27" and got.evidence == "weekday"
    # the photo caption (March 29, 2020) left in the body does not change it
    kept = infer_published(body(lines, 9, 21), lines[0], [])
    assert kept.value == "2024-09-27"


def test_seed_003_url_in_source_credit() -> None:
    lines = seed_lines("003_e1489c6481e905c9.txt")
    got = infer_published(body(lines, 0, 7), None, [Removed(lines[7], "source-credit", 7)])
    assert (got.value, got.evidence) == ("2024-07-25", "url")
    assert got.value in gold_published("003")


def test_seed_004_timestamp_lines() -> None:
    lines = seed_lines("004_d3609986008404eb.txt")
    first = infer_published(body(lines, 14, 28), lines[2], [Removed(lines[12], "timestamp", 12)])
    second = infer_published(body(lines, 38, 50), lines[34], [Removed(lines[36], "timestamp", 36)])
    assert (first.value, first.evidence, first.confidence) == ("2024-09-28", "timestamp", 0.9)
    assert second.value == "2024-09-28"
    assert first.value in gold_published("004#1") and second.value in gold_published("004#2")


# --------------------------------------------------------------------------- generic

LEAD = "The minister said on Tuesday that the talks would resume.\nMore talks followed."


def test_metadata_wins() -> None:
    removed = [Removed("2023-01-02 10:00", "timestamp", 1)]
    got = infer_published(
        LEAD,
        "T",
        removed,
        url="https://x.org/2022/05/06/a/",
        metadata="2024-03-04T09:00:00Z",
        metadata_evidence="html meta",
    )
    assert (got.value, got.evidence, got.confidence, got.detail) == (
        "2024-03-04",
        "metadata",
        0.95,
        "html meta",
    )


def test_bad_metadata_is_ignored() -> None:
    got = infer_published(LEAD, None, [], url="https://x.org/2022/05/06/a/", metadata="2024-02-30")
    assert got.evidence == "url" and got.value == "2022-05-06"


def test_timestamp_at_top_of_body() -> None:
    text = (
        "Published: 12 March 2023, 14:05 GMT\nThe minister said on Tuesday that the talks resumed."
    )
    got = infer_published(text, None, [])
    assert (got.value, got.evidence) == ("2023-03-12", "timestamp")


def test_dateline_with_year() -> None:
    text = "BAGHDAD, Jan. 5, 2024 (Xinhua) -- Iraq said on Friday it would form a committee."
    got = infer_published(text, None, [])
    assert (got.value, got.evidence, got.confidence) == ("2024-01-05", "dateline", 0.85)


def test_dateline_without_year_or_weekday_invents_nothing() -> None:
    text = "BAGHDAD, Jan. 5 (Xinhua) -- Iraq said it would form a committee after talks in 2023."
    got = infer_published(text, None, [])
    assert got.value is None or (got.inferred and len(got.value) <= 7)
    assert got.value != "2024-01-05"


def test_place_only_dateline_gives_no_date() -> None:
    got = infer_published("WASHINGTON (Reuters) - The Senate voted on a bill.", None, [])
    assert got.value is None and got.evidence == "unknown"


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://news.example.com/world/2024/07/25/some-slug/", "2024-07-25"),
        ("https://news.example.com/world/20240725/some-slug.html", "2024-07-25"),
        ("https://news.example.com/story?id=7&date=2024-07-25", "2024-07-25"),
        ("https://news.example.com/world/some-slug-2024-07-25.html", "2024-07-25"),
        ("https://news.example.com/world/2024/07/some-slug", "2024-07"),
    ],
)
def test_url_patterns(url: str, value: str) -> None:
    got = infer_published(LEAD, None, [], url=url)
    assert got.value == value and got.evidence == "url"


def test_url_inside_text() -> None:
    text = LEAD + "\nSource: https://www.example.org/a/2021/11/03/slug/"
    assert infer_published(text, None, []).value == "2021-11-03"


def test_weekday_fixes_year_between_past_and_future_years() -> None:
    text = (
        "Officials announced on Tuesday March 5 that the bridge will reopen in 2025.\n"
        "The bridge closed in 2022 after a flood."
    )
    got = infer_published(text, None, [])
    assert (got.value, got.evidence) == ("2024-03-05", "weekday")


@pytest.mark.parametrize(
    "said",
    [
        "Prodigy will play at Weston Park on Saturday 20 August.",
        " - The programme can be seen on S4C on Sunday, 12 December, at 1200 GMT.",
    ],
)
def test_a_weekday_the_text_looks_forward_to_is_not_the_report_day(said: str) -> None:
    text = f"A man was convicted in 1993 of sending letter bombs.\n{said}"
    got = infer_published(text, None, [])
    assert got.evidence != "weekday" and got.value is None


def test_a_quote_with_a_future_verb_before_the_weekday_does_not_hide_it() -> None:
    text = (
        "The mission will end “by 2025”announced the ministers on Friday September 27.\n"
        "It began in 2014."
    )
    got = infer_published(text, None, [])
    assert (got.value, got.evidence) == ("2024-09-27", "weekday")


def test_a_named_day_is_not_a_date_the_text_gives() -> None:
    text = "Air travel has yet to recover from the 11 September attacks, airlines said."
    got = infer_published(text, None, [])
    assert (got.value, got.evidence) == (None, "unknown")


def test_conflicting_weekday_gives_no_day() -> None:
    # Friday September 27 is 2019 or 2024, but the text talks of 2021 as past and 2022 as future
    text = (
        "The plan was announced on Friday September 27 and will end by 2022.\n"
        "Talks had started in 2021."
    )
    got = infer_published(text, None, [])
    assert got.value is None or len(got.value) < 10
    assert got.evidence != "weekday"


def test_weekday_without_any_year_gives_no_day() -> None:
    got = infer_published("The plan was announced on Friday September 27 in Rome.", None, [])
    assert got.value is None and "candidates" in got.detail


def test_content_estimate_is_inferred_month() -> None:
    text = "The deal was signed on March 3, 2021 in Rome.\nParliament ratified it on June 9, 2021."
    got = infer_published(text, None, [])
    assert (got.value, got.evidence, got.inferred) == ("2021-06", "content", True)
    assert got.confidence <= 0.4


def test_no_evidence_is_unknown() -> None:
    got = infer_published("The minister spoke on Friday about the budget.", "Budget talks", [])
    assert (got.value, got.evidence, got.confidence) == (None, "unknown", 0.0)


# --------------------------------------------------------------------------- weekday + bounds

FIRE = (
    "OSLO, June 4 (Nordic Press) -- A fire broke out at the old paper mill late on Monday, "
    "the fire service said.\nThe mill closed in 2019 after a long decline."
)


def test_dateline_weekday_and_past_year_choose_the_earliest_year_after_it() -> None:
    # "on Monday" in a report dated the next day: June 4 is a Tuesday in 2019 (Monday in 2018,
    # before the 2019 the text speaks of, and in 2029)
    got = infer_published(FIRE, None, [])
    assert (got.value, got.evidence, got.confidence) == ("2019-06-04", "weekday", 0.6)
    assert "2024" in got.detail and "2029" in got.detail  # the other candidates are named


def test_dateline_weekday_and_footer_year() -> None:
    text = (
        "TARNVIK, 14 March — The ferry company cancelled all crossings on Thursday after a storm "
        "damaged the pier.\nPassengers will be offered refunds next week."
    )
    removed = [Removed("Copyright 2024 Tarnvik Daily. All rights reserved.", "copyright", 30)]
    got = infer_published(text, None, removed)
    assert (got.value, got.evidence, got.confidence) == ("2024-03-14", "weekday", 0.6)
    assert "2019" in got.detail and "Copyright 2024" in got.detail
    # the footer alone never gives a day, nor does it without a weekday
    assert infer_published("The storm damaged the pier.", None, removed).value is None
    no_day = infer_published(text.replace(" on Thursday", ""), None, removed)
    assert no_day.value is None


def test_weekday_needs_a_year_or_footer_to_choose() -> None:
    text = FIRE.replace("\nThe mill closed in 2019 after a long decline.", "")
    got = infer_published(text, None, [])
    assert got.value is None and got.evidence == "unknown" and "candidates" not in got.detail


def test_a_distant_past_year_does_not_pick_a_year() -> None:
    got = infer_published(FIRE.replace("2019", "1961"), None, [])
    assert got.value is None and "1961" in got.detail


def test_future_weekdays_do_not_fix_the_dateline() -> None:
    text = "OSLO, June 4 (Nordic Press) -- Unions will meet on Monday to vote on the offer."
    got = infer_published(text, None, [Removed("© 2019 Nordic Press", "copyright", 9)])
    assert got.value is None


def test_dateline_under_a_short_credit_line() -> None:
    text = "The Gazette with wire services\n" + (
        "BAGHDAD, Jan. 5, 2024 (Xinhua) -- Iraq said on Friday it would form a committee."
    )
    got = infer_published(text, None, [])
    assert (got.value, got.evidence) == ("2024-01-05", "dateline")


# --------------------------------------------------------------------------- numeric dates


@pytest.mark.parametrize(
    "line", ["07/03/2022 - Publicado por: Marta Ruiz", "Posted 04.11.2023 10:30", "02-09-2021"]
)
def test_numeric_date_whose_day_and_month_could_swap_gives_no_day(line: str) -> None:
    got = infer_published(line + "\nThe port reopened after the strike ended.", None, [])
    assert got.value is None or (len(got.value) == 4)


def test_numeric_date_that_can_be_read_one_way_only_is_kept() -> None:
    text = "11/19/2019 - Posted by Tom Reed\nThe port reopened after the strike ended."
    assert infer_published(text, None, []).value == "2019-11-19"


def test_a_visible_page_stamp_from_ingest_is_timestamp_evidence() -> None:
    got = infer_published(
        LEAD, None, [], metadata="2019-11-19", metadata_evidence=f"{PAGE_STAMP} 'Posted Nov 19'"
    )
    assert (got.value, got.evidence) == ("2019-11-19", "timestamp")


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://a.example/news/2023/4/7/slug", "2023-04-07"),
        ("https://a.example/story/slug-20230407/", "2023-04-07"),
        ("https://a.example/story/slug-20231407/", None),  # no 14th month
        ("https://a.example/2023/04/slug", None),  # a month is not a full date
    ],
)
def test_date_in_url(url: str, value: str | None) -> None:
    assert date_in_url(url) == value


# --------------------------------------------------------------------------- story year

WIRE = "LIMA, Nov. 4 (Andes Wire) -- Peru's congress voted to extend the emergency decree."


def test_story_year_needs_a_month_and_day_of_its_own() -> None:
    plain = "Peru's congress voted to extend the emergency decree."
    assert date_from_story(plain, [], ["2025-11-03"]) is None
    place_only = "LIMA (Andes Wire) -- Peru's congress voted to extend the emergency decree."
    assert date_from_story(place_only, [], ["2025-11-03"]) is None
    # a dateline with its own year needs nothing from the story
    assert date_from_story(WIRE.replace("Nov. 4", "Nov. 4, 2024"), [], ["2025-11-03"]) is None


def test_story_year_follows_the_siblings() -> None:
    got = date_from_story(WIRE, [], ["2025-11-03", "2025-11-05", "2025-10-30"])
    assert got is not None
    assert (got.value, got.evidence, got.inferred) == ("2025-11-04", "dateline", True)
    assert got.confidence == pytest.approx(0.5) and "other articles" in got.detail
    # the same dateline in a story told a year earlier takes that year
    earlier = date_from_story(WIRE, [], ["2024-11-02", "2024-11-06"])
    assert earlier is not None and earlier.value == "2024-11-04"
    # a story that ran for months: the nearest year within about four months
    later = date_from_story(WIRE, [], ["2025-07-20", "2025-08-10", "2025-09-01"])
    assert later is not None and later.value == "2025-11-04"


def test_story_year_across_the_new_year() -> None:
    text = "Dec. 30, 9:15 AM\nThe harbour council voted to close the old ferry pier."
    got = date_from_story(text, [], ["2026-01-02", "2026-01-04"])
    assert got is not None and (got.value, got.evidence) == ("2025-12-30", "timestamp")
    # and the other way round: a January stamp among December siblings
    jan = "OSLO, 3 January (Nordic Press) - The ferry company resumed crossings."
    got = date_from_story(jan, [], ["2025-12-29", "2025-12-31"])
    assert got is not None and got.value == "2026-01-03"


def test_story_year_refuses_far_or_missing_siblings() -> None:
    assert date_from_story(WIRE, [], []) is None
    assert date_from_story(WIRE, [], ["2025", "2024"]) is None  # years only
    # siblings whose dates lie half a year from any Nov. 4: no year is near enough
    assert date_from_story(WIRE, [], ["2025-05-04", "2025-05-06"]) is None
    # Feb. 29 exists only in leap years: siblings in 2025 are too far from 2024-02-29
    leap = "ROME, Feb. 29 (Wire) -- The senate met."
    assert date_from_story(leap, [], ["2025-03-01"]) is None
    got = date_from_story(leap, [], ["2024-03-01"])
    assert got is not None and got.value == "2024-02-29"
