"""Tests for the story timeline (storyline.timeline)."""

from __future__ import annotations

import json
import re

from storyline.model import Analysis, Article, PublishedDate, TimelineEntry
from storyline.nlp import analyse_text
from storyline.timeline import build_timeline, timeline_groups
from storyline.timex import tag_times
from tests.conftest import GOLD, SEEDS, need

# a sentence ends at . ! ? (not inside "U.S." or "2.5") or at a line end
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\b[A-Z])\.|\.(?=[\w,]))+(?:[.!?]+[\"”’)]*|\n|$)")


def article(
    aid: str,
    text: str,
    published: str | None,
    duplicate_of: str | None = None,
    parse: bool = False,
) -> Article:
    """An article with sentences and times; ``parse`` adds the real parse (claims)."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip()]
    evidence = "test" if published else "unknown"
    times = tag_times(text, published)
    analysis = analyse_text(text, times) if parse else Analysis(sentences=spans, times=times)
    return Article(
        id=aid,
        source=f"{aid}.txt",
        part=1,
        title=None,
        text=text,
        published=PublishedDate(published, evidence, 0.9 if published else 0.0),
        analysis=analysis,
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
    return [article(key, text, published[key], parse=True) for key, text in parts.items()]


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


def test_seed_timeline_sources_are_exact() -> None:
    entries = build_timeline(seed_articles())
    sources = {(e.date, e.scheduled): sorted(e.sources) for e in entries if len(e.sources) > 1}
    # 001's 2014 is the Islamic State seizing land, 004#1's "a decade ago" gives no year;
    # 002 restates the deadline ("the first will last until the end of September next
    # year") and its "between September 2025 and September 2026" gives one entry.
    assert sources == {
        ("2014", False): ["000", "002", "003"],
        ("2024-09-27", False): ["000", "002", "004#1"],
        ("2025-09", True): ["000", "002", "004#1"],
        ("2026-09", True): ["000", "004#1"],
    }
    assert not [e for e in entries if e.date == "2026-09" and "002" in e.sources]
    assert len(at(entries, "2025-09")) == 2  # the deadline, and the second phase starting


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


def test_a_date_estimated_from_the_content_gives_no_lead_and_no_schedule() -> None:
    text = (
        "Gordon Brown prepares to deliver a record ninth budget.\n"
        "He was born on 20 February 1951 in Glasgow.\n"
        "He became chancellor in 1997 and won another term in 2001."
    )
    estimated = article("a", text, None)
    estimated.published = PublishedDate("1951-02", "content", 0.3, "latest date", True)
    entries = build_timeline([estimated])
    assert [e.date for e in entries] == ["1951-02-20", "1997", "2001"]  # no lead at 1951-02
    assert not any(e.scheduled for e in entries)  # 1997 is not "to come" after a lower bound
    sibling_year = article("b", text, None)  # a day read off the page, its year from the story
    sibling_year.published = PublishedDate("2005-03-16", "dateline", 0.5, "March 16", True)
    assert at(build_timeline([sibling_year]), "2005-03-16")  # that lead stays


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


def test_each_entry_marks_the_words_its_date_was_read_from() -> None:
    text = (
        "Rescuers pulled three survivors from the rubble of the hotel.\n"
        "The plan was agreed in April after months of talks since January."
    )
    entries = build_timeline([article("a", text, "2024-05-10")])

    def marked(e: TimelineEntry) -> str | None:
        return e.text[e.date_span[0] : e.date_span[1]] if e.date_span else None

    assert marked(at(entries, "2024-04")[0]) == "April"
    assert marked(at(entries, "2024-01")[0]) == "since January"
    assert at(entries, "2024-01")[0].text == at(entries, "2024-04")[0].text  # one sentence
    assert marked(at(entries, "2024-05-10")[0]) is None  # the lead: dated by the article


def test_marks_do_not_lengthen_a_trimmed_text() -> None:
    from storyline.timeline_items import _snippet

    sentence = "In 1991 " + " ".join(["abcdefghi"] * 30) + "."
    text, span = _snippet(sentence, 3, 7)
    assert len(text) == 198 and text.endswith("…") and span == (3, 7)
    assert text == "In 1991 " + " ".join(["abcdefghi"] * 19) + "…"  # cut as without the marks


def test_a_trimmed_text_keeps_a_date_near_the_end_of_its_sentence() -> None:
    # session 19's audit: "previously filmed by the BBC in…" lost its date to the cut
    from storyline.timeline_items import _snippet

    sentence = " ".join(["abcdefghi"] * 20) + "j tail words and more words in 1991."
    start = sentence.index("1991")
    text, span = _snippet(sentence, start, start + 4)
    assert len(text) <= 200 and text.startswith("…") and text.endswith("in 1991.")
    assert span is not None and text[span[0] : span[1]] == "1991"
    sentence = "The story of a mission " + "to a far country " * 10 + "during the 1994 war ended."
    start = sentence.index("1994")
    text, span = _snippet(sentence, start, start + 4)
    assert text.endswith("during the 1994 war ended.") and len(text) <= 200


def test_a_trimmed_text_still_marks_its_date() -> None:
    long = "The committee, " + "after hearing many witnesses and experts, " * 8
    text = long + "approved the report in 2020 and sent it to parliament."
    entry = at(build_timeline([article("a", text, "2021-01-10")]), "2020")[0]
    assert entry.date_span and entry.text[entry.date_span[0] : entry.date_span[1]] == "2020"
    assert "\ue000" not in entry.text and "\ue001" not in entry.text


# --------------------------------------------------------------------------- merging


def test_paraphrased_claim_merges_and_another_happening_that_year_does_not() -> None:
    a = article(
        "a",
        "The river authority was founded in 1998 after severe floods hit the valley towns.",
        "2023-04-03",
        parse=True,
    )
    b = article(
        "b",
        "Officials praised the work of the river authority, created in 1998, during a long "
        "ceremony with mayors from the valley and farmers' unions.",
        "2023-04-04",
        parse=True,
    )
    c = article(
        "c",
        "Engineers from the river authority repaired the northern dam of the valley with new "
        "steel gates in 1998.",
        "2023-04-05",
        parse=True,
    )
    entries = at(build_timeline([a, b, c]), "1998")
    assert sorted(e.sources for e in entries) == [["a", "b"], ["c"]]


def test_merging_does_not_depend_on_article_order() -> None:
    texts = {
        "a": "The striking dockers blocked the harbour gates on Tuesday with burning tyres.",
        "b": "On Tuesday dockers blocked the harbour gates, and police fired tear gas at them.",
        "c": "Police fired tear gas at the dockers near the harbour on Tuesday, witnesses said.",
    }
    arts = {k: article(k, t, "2022-11-10") for k, t in texts.items()}
    for order in (["a", "b", "c"], ["a", "c", "b"], ["c", "a", "b"]):
        entries = at(build_timeline([arts[k] for k in order]), "2022-11-08")
        assert [sorted(e.sources) for e in entries] == [["a", "b", "c"]]


def test_words_every_sentence_of_the_story_repeats_count_less() -> None:
    common = "the Lakeside stadium project"
    background = [
        article(f"x{i}", f"Critics of {common} met again in {y} in the town hall.", "2021-03-01")
        for i, y in enumerate((2015, 2016, 2017, 2018))
    ]
    a = article("a", f"Inspectors closed {common} site over cracks on Monday.", "2021-03-03")
    b = article("b", f"Protesters marched against {common} downtown on Monday.", "2021-03-03")
    assert len(at(build_timeline([a, b]), "2021-03-01")) == 1  # alone, they look alike
    assert len(at(build_timeline([*background, a, b]), "2021-03-01")) == 2


def test_speech_dates_and_restated_deadlines_join_their_article_entry() -> None:
    text = (
        "The ministry announced on Tuesday that the old coal plant will close.\n"
        "It will shut its last furnace by the end of June 2026, the ministry said.\n"
        "A spokesman told reporters on Tuesday that nobody would lose a pension.\n"
        "Workers will keep their jobs until the end of June 2026 while the furnace is cleaned."
    )
    entries = build_timeline([article("a", text, "2025-03-13")])
    assert [(e.date, e.scheduled, e.mod) for e in entries] == [
        ("2025-03-11", False, None),
        ("2026-06", True, "ON_OR_BEFORE"),
    ]


def test_same_date_different_happenings_in_one_article_stay_apart() -> None:
    text = (
        "The mayor opened the new bridge on Sunday with a ribbon ceremony.\n"
        "A fire destroyed a bakery in the old quarter on Sunday, firefighters said."
    )
    assert len(at(build_timeline([article("a", text, "2020-06-09")]), "2020-06-07")) == 2


# --------------------------------------------------------------------------- dates


def test_vague_offsets_give_no_year_and_ranges_one_entry() -> None:
    text = (
        "The cooperative was formed two decades ago by local growers.\n"
        "The cooperative was registered two years ago with the court.\n"
        "The second phase, between March 2026 and June 2027, includes the southern farms.\n"
        "The orchard was closed from January to March 2020 for replanting.\n"
        "The harvest fair ran from 14 July until 2 August 2022 in the market hall."
    )
    dates = [e.date for e in build_timeline([article("a", text, "2025-02-10")])]
    assert "2005" not in dates and "2023" in dates
    assert "2026-03" in dates and "2027-06" not in dates
    assert "2020-01" in dates and "2020-03" not in dates
    assert "2022-07-14" in dates and "2022-08-02" not in dates  # "until" joins, as "to" does


def test_groups_record_the_sentences_they_rest_on() -> None:
    a = article("a", "Lead sentence without a date but with a verb.\nThe dam burst in 1952.", None)
    b = article("b", "Villagers recall that the dam burst in 1952 after heavy rain.", None)
    groups = timeline_groups([a, b])
    assert len(groups) == 1 and groups[0].entry.sources == ["a", "b"]
    spans = {
        (x.article, x.date): (a if x.article == "a" else b).text[x.start : x.end].strip()
        for x in groups[0].anchors
    }
    assert spans == {
        ("a", "1952"): "The dam burst in 1952.",
        ("b", "1952"): "Villagers recall that the dam burst in 1952 after heavy rain.",
    }


def test_background_claims_of_one_kind_merge_across_articles() -> None:
    a = article(
        "a",
        "The bridge, which was built in 1931 and carries the coast road, is owned by the province.",
        "2024-02-01",
        parse=True,
    )
    b = article(
        "b",
        "Engineers said the structure, completed in 1931, had never been fully inspected.",
        "2024-02-02",
        parse=True,
    )
    c = article(
        "c", "The province bought the ferry company in 1931 for a small sum.", None, parse=True
    )
    entries = at(build_timeline([a, b, c]), "1931")
    assert sorted(e.sources for e in entries) == [["a", "b"], ["c"]]


def test_one_deadline_announced_by_two_outlets_merges() -> None:
    a = article(
        "a",
        "An independent panel under a retired judge is examining the records and is due to "
        "report by the end of February 2026.",
        "2025-11-20",
    )
    b = article(
        "b",
        "It may summon the operator's engineers and must deliver its report by the end of "
        "February 2026.",
        "2025-11-21",
    )
    entries = at(build_timeline([a, b]), "2026-02")
    assert [(e.sources, e.scheduled, e.mod) for e in entries] == [
        (["a", "b"], True, "ON_OR_BEFORE")
    ]


def test_a_coarse_date_never_joins_two_different_days() -> None:
    texts = {
        "a": "The company unveiled its new phone at the developer conference on June 7, 2010.",
        "b": "The company unveiled its new phone and tablet at the developer conference in 2010.",
        "c": "The company unveiled its new tablet at the developer conference on October 20, 2010.",
    }
    groups = timeline_groups([article(k, t, "2010-12-01") for k, t in texts.items()])
    for g in groups:
        assert all(g.entry.date.startswith(x.date) for x in g.anchors)
    days = {g.entry.date for g in groups}
    assert {"2010-06-07", "2010-10-20"} <= days


def test_an_entry_is_told_by_what_happened_not_by_when_it_was_said() -> None:
    # "said on Tuesday" joins the article's other item of that day; the entry's text is that
    # item's (a happening), not the sentence that only says when officials spoke
    text = (
        "Nine people died when the flood swept through the lower town on Monday night, "
        "the regional officials said on Tuesday.\n"
        "The river wall cracked again on Tuesday."
    )
    entries = build_timeline([article("a", text, "2025-03-12")])
    tuesday = [e for e in entries if e.date == "2025-03-11"]
    assert len(tuesday) == 1 and tuesday[0].text.startswith("The river wall")


def test_an_article_the_tagger_did_not_read_gives_only_its_lead() -> None:
    """The times tagged at analysis are the ones used: a Spanish article (which the English
    tagger does not read) is not tagged again when its story's timeline is built."""
    text = (
        "El Gobierno anunció el viernes que la misión terminará en septiembre de 2025. "
        "Las tropas llegaron en 2014 y se quedarán hasta 2026."
    )
    spanish = article("es", text, "2024-09-27")
    spanish.language = "es"
    spanish.analysis = Analysis(sentences=spanish.analysis.sentences)  # no times, as stored
    entries = build_timeline([spanish])
    assert [e.date for e in entries] == ["2024-09-27"]  # the lead, at its own date
