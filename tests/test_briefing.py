"""Briefing: every summary sentence cites its sources, shared statements cite every outlet."""

from __future__ import annotations

import re

import pytest

from storyline.briefing import candidate_sentences, summarise
from storyline.furniture import without_dateline
from storyline.model import Analysis, Article, PublishedDate
from storyline.titles import first_sentence


def sentence_article(article_id: str, text: str, date: str | None = None) -> Article:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]", text)]
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        part=1,
        title=None,
        text=text,
        published=PublishedDate(date, "dateline" if date else "unknown", 0.8),
        analysis=Analysis(sentences=spans),
    )


LEDGER = sentence_article(
    "ledger",
    (
        "KESSPORT (Ledger) - The Kessport dam spillway failed on Tuesday and flooded the "
        "lower town overnight. About 1,200 residents were evacuated to schools and sports "
        "halls by the fire "
        "brigade. The regional governor Marta Kovalenko promised an independent inquiry into the "
        "failure. Engineers said the reservoir level had been rising for three days before the "
        "collapse. Is this the end?"
    ),
    "2025-03-04",
)
COURIER = sentence_article(
    "courier",
    (
        "Some 1,200 residents of Kessport were evacuated after the dam spillway failed on Tuesday. "
        "Governor Marta Kovalenko announced an independent inquiry into the dam failure. "
        "Local shops in the lower town remained closed on Wednesday as the water receded slowly."
    ),
    "2025-03-05",
)
WIRE = sentence_article(
    "wire",
    (
        "Rail services between Kessport and the coast were suspended after flood water covered "
        "the tracks near the station. The rail operator said repairs would take at least two weeks "
        "and replacement buses would run every hour."
    ),
    "2025-03-05",
)


def test_every_sentence_cites_its_own_article_and_supporters() -> None:
    summary = summarise([LEDGER, COURIER, WIRE])
    assert summary, "a three-article story has a summary"
    texts = {a.id: a.text for a in (LEDGER, COURIER, WIRE)}
    for sentence in summary:
        assert sentence.sources, sentence
        assert any(sentence.text in texts[s] for s in sentence.sources), sentence
    shared = [s for s in summary if "inquiry" in s.text]
    assert shared and set(shared[0].sources) == {"ledger", "courier"}


def test_summary_does_not_repeat_itself_and_is_short() -> None:
    summary = summarise([LEDGER, COURIER, WIRE])
    assert len(summary) <= 4
    evacuation = [s for s in summary if "1,200" in s.text]
    assert len(evacuation) <= 1


def test_questions_fragments_and_datelines_are_not_summary_sentences() -> None:
    texts = [c.text for c in candidate_sentences([LEDGER])]
    assert "Is this the end?" not in texts
    assert all(not t.startswith("KESSPORT") for t in texts)
    assert texts[0].startswith("The Kessport dam spillway failed")


def test_a_dateline_without_an_agency_is_not_quoted_either() -> None:
    star = sentence_article(
        "star",
        "SALTMERE, 21 November \u2014 Dockworkers at the Port of Saltmere will return to work "
        "on Monday after the union accepted a pay rise.",
    )
    assert [c.text for c in candidate_sentences([star])] == [
        "Dockworkers at the Port of Saltmere will return to work on Monday after the union "
        "accepted a pay rise."
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("BAGHDAD, Jan. 5 (Xinhua) -- Iraq said it would act.", "Iraq said it would act."),
        ("LONDON (AP, Reuters) \u2014 The vote passed.", "The vote passed."),
        ("MOSCOW, Sept 27 (Reuters) -The rouble fell.", "The rouble fell."),
        ("NEW YORK -- Stocks fell.", "Stocks fell."),
        # brackets and dashes inside a sentence are no dateline
        ("Mr Smith (Labour) - who won - said so.", None),
        ("The firm (IBM) \u2014 a giant \u2014 fell.", None),
        ("Shares in Ebbco (the grocer) - its best day - rose.", None),
        ("UK - Germany talks ended.", None),
    ],
)
def test_one_reading_of_datelines_for_summaries_and_titles(line: str, kept: str | None) -> None:
    assert without_dateline(line) == (kept or line)
    assert first_sentence(line) == (kept or line)


def test_sentences_that_point_back_do_not_stand_alone_in_a_summary() -> None:
    manager = sentence_article(
        "manager",
        "Saltmere United appointed Harry Dorne as manager on Monday after a week of talks. "
        "The former Castmoor boss replaces Tomas Brekke, who was sacked after six defeats. "
        "He said the squad was good enough to reach the play-offs this season. "
        "But the board gave Dorne only a one-year contract at Saltmere United. "
        "There were 300 supporters at the ground to see Dorne arrive on Monday.",
        "2025-03-04",
    )
    texts = [c.text for c in candidate_sentences([manager])]
    assert texts[0].startswith("Saltmere United appointed") and texts[-1].startswith("There")
    assert not any(t.startswith(("The former", "He ", "But ")) for t in texts)
    # sentences that only open like one stand alone
    alone = sentence_article(
        "alone",
        "This year's ceremony at the Saltmere arena ran for almost four hours on Sunday. "
        "The former Soviet republic voted on a new constitution at the weekend. "
        "Both Castmoor and Norland said the merger would go ahead next spring.",
    )
    assert len(candidate_sentences([alone])) == 3


def test_a_sentence_with_other_figures_does_not_support_it() -> None:
    first = sentence_article(
        "first",
        "The worst-hit coastal areas are in the south, with at least 23,000 people killed "
        "by the waves. Aid agencies flew tents and water to the region on Monday.",
        "2005-01-03",
    )
    second = sentence_article(
        "second",
        "The worst-hit coastal areas are in the south, with at least 25,000 people killed "
        "by the waves. Aid agencies flew tents and water to the region on Monday.",
        "2005-01-04",
    )
    summary = summarise([first, second])
    tolls = [s for s in summary if "people killed" in s.text]
    assert tolls and all(len(s.sources) == 1 for s in tolls)
    aid = [s for s in summary if "tents" in s.text]
    assert aid and set(aid[0].sources) == {"first", "second"}  # no figure: both say it


def test_copies_count_once_for_the_summary_length_but_are_cited() -> None:
    copy = sentence_article("copy", COURIER.text, "2025-03-05")
    copy.duplicate_of = "courier"
    summary = summarise([LEDGER, COURIER, copy])
    assert len(summary) <= 3  # two independent sources: at most three sentences
    assert any("copy" in s.sources and "courier" in s.sources for s in summary)


def test_no_sentences_no_summary() -> None:
    assert summarise([]) == []
    assert summarise([sentence_article("x", "Too short.")]) == []


def _candidate(text: str, times=(), places=(), people=()):
    from storyline.briefing import _Candidate

    article = sentence_article("x", text)
    return _Candidate(article, 0, 0, text, frozenset(times), frozenset(places), tuple(people))


def _supports(sentence, other) -> bool:
    from storyline.briefing import _stems, supports

    return supports(sentence, other, (_stems(sentence), _stems(other)))


def test_support_needs_more_than_a_few_shared_heavy_words() -> None:
    glut = _candidate(
        "There has been a glut of recent headlines about mobile TV, with French operators "
        "teaming up, Harlow Mobile trialling a system in Oxford and Nokia trialling one in "
        "Finland with the national broadcaster."
    )
    short = _candidate("Mobile operators Harlow and Vodafone are trialling mobile TV.")
    assert not _supports(glut, short)
    paraphrase = _candidate(
        "Mobile TV has drawn a glut of recent headlines: French operators are teaming up, "
        "and trials run in Oxford and in Finland with the national broadcaster."
    )
    assert _supports(glut, paraphrase)


def test_support_needs_a_shared_time_and_no_other_place() -> None:
    saturday = _candidate("The Gizmo player goes on sale on Saturday.", times={"XXXX-WXX-6"})
    last_week = _candidate("The Gizmo player went on sale in the UK last week.", times={"PAST"})
    assert not _supports(saturday, last_week)
    also_saturday = _candidate("The Gizmo player goes on sale on Saturday.", {"XXXX-WXX-6"})
    assert _supports(saturday, also_saturday)
    quay = _candidate(
        "Residents of the Lower Quay district will be allowed back by the end of March.",
        {"2026-03"},
        {"lower quay"},
    )
    millbrook = _candidate(
        "Residents of the Millbrook district will be allowed back by the end of March.",
        {"2026-03"},
        {"millbrook"},
    )
    assert not _supports(quay, millbrook) and not _supports(millbrook, quay)


def test_one_persons_two_statements_do_not_support_each_other() -> None:
    urged = _candidate(
        "Party chairman Petra Holt urged the two men to step down from the assembly.",
        people=["Petra Holt"],
    )
    parody = _candidate(
        "Party chairman Petra Holt said the new group would be a parody of the party the "
        "two men have left.",
        people=["Petra Holt"],
    )
    assert not _supports(urged, parody)


def test_past_the_lead_a_sentence_that_names_nobody_after_the_does_not_stand_alone() -> None:
    from storyline.model import Mention

    text = (
        "Harbour Telecom will launch a broadband phone service in the UK next month. "
        "The service will cost an extra 4 pounds a month for existing customers. "
        "Harbour Telecom chief Ines Moreau said demand for cheaper calls was growing fast."
    )
    article = sentence_article("tel", text)
    names = ["Harbour Telecom", "UK", "Harbour Telecom", "Ines Moreau"]
    found, at = [], 0
    for name in names:
        at = text.index(name, at)
        found.append(Mention(at, at + len(name), name, "ORG"))
        at += len(name)
    article.analysis.mentions = found
    texts = [c.text for c in candidate_sentences([article])]
    assert not any(t.startswith("The service") for t in texts)
    assert texts[0].startswith("Harbour Telecom will launch")  # a lead stands alone
    article.analysis.mentions = []  # no names read at all (another language): nothing judged
    assert len(candidate_sentences([article])) == 3
