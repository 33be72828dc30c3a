"""Tests for the SemEval-2015 Task 4 timeline evaluation (storyline.evaluation.timelines).

The fixtures are invented in the shape of the task's files: TimeML documents with ``<s>``
sentences and a DCT, and gold timelines ``order<TAB>date<TAB>doc-sentence-token``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluation.semeval import (
    detokenise,
    gold_date,
    parse_gold,
    read_tml,
    sentence_id,
    sentence_spans,
)
from storyline.evaluation.timelines import (
    TimelineScores,
    date_agrees,
    evaluate_timelines,
    mentions_name,
    name_forms,
    score_entity,
)
from storyline.model import Article, Mention
from tests.conftest import SHARED, need

SEMEVAL = SHARED / "data" / "semeval2015-task4-timelines"


def tml(docid: str, dct: str, sentences: list[str]) -> str:
    """A Track A TimeML document in the task's shape."""
    body = "".join(f'<s id="{i}">{text}</s>' for i, text in enumerate(sentences))
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f"<TimeML><DOCID>{docid}</DOCID>\n"
        f'<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="{dct}">'
        f"{dct}</TIMEX3></DCT>\n<TEXT>{body}</TEXT></TimeML>\n"
    )


DOC_A = tml(
    "501",
    "2011-05-12",
    [
        "Harbor Ferries opens northern route",
        "May 12 , 2011",
        'Harbor Ferries has <EVENT eid="e1">opened</EVENT> a northern route to the islands .',
        'Harbor Ferries was <EVENT eid="e2">founded</EVENT> in 1987 by two brothers .',
        'Harbor Ferries will <EVENT eid="e3">add</EVENT> a second ship in March 2012 .',
        "Fares are expected to rise .",
    ],
)
DOC_B = tml(
    "502",
    "2011-08-02",
    [
        "Ferry strike ends",
        "August 02 , 2011",
        "Crews of Harbor Ferries ended their strike on Monday after a pay deal .",
        "The ferry operator , founded in 1987 , lost money during the strike , the union said .",
    ],
)
GOLD = (
    "Harbor Ferries\n"
    "0\tXXXX-XX-XX\t501-5-rise\n"
    "1\t1987\t501-3-founded\t502-3-founded\n"
    "2\t2011-05-12\t501-2-opened\n"
    "3\t2011-08-01\t502-2-ended\n"
    "4\t2012-03-XX\t501-4-add\n"
    "5\t2011-XX-XX\t502-0-ends\n"
)


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus_9"
    (corpus / "corpus_trackA_TimeML").mkdir(parents=True)
    (corpus / "TimeLines_Gold_Standard").mkdir()
    (corpus / "corpus_trackA_TimeML" / "501_ferries.tml").write_text(DOC_A, encoding="utf-8")
    (corpus / "corpus_trackA_TimeML" / "502_strike.tml").write_text(DOC_B, encoding="utf-8")
    (corpus / "TimeLines_Gold_Standard" / "harbor_ferries.txt").write_text(GOLD, encoding="utf-8")
    return corpus


# --------------------------------------------------------------------------- reading


def test_read_tml_keeps_sentence_ids_and_drops_inline_tags(tmp_path: Path) -> None:
    path = tmp_path / "501.tml"
    path.write_text(DOC_A, encoding="utf-8")
    doc = read_tml(path)
    assert (doc.docid, doc.dct) == ("501", "2011-05-12")
    assert [sid for sid, _ in doc.sentences] == [0, 1, 2, 3, 4, 5]
    assert doc.sentences[3][1] == "Harbor Ferries was founded in 1987 by two brothers ."


def test_parse_gold_keeps_dated_events_by_sentence() -> None:
    gold = parse_gold(GOLD)
    assert gold.entity == "Harbor Ferries"
    assert gold.items == {
        ("501", 3): {"1987"},
        ("502", 3): {"1987"},
        ("501", 2): {"2011-05-12"},
        ("502", 2): {"2011-08-01"},
        ("501", 4): {"2012-03"},
        ("502", 0): {"2011"},
    }


@pytest.mark.parametrize(
    ("value", "date"),
    [("2005-01-XX", "2005-01"), ("2003-XX-XX", "2003"), ("1968", "1968"), ("XXXX-XX-XX", None)],
)
def test_gold_date_precision(value: str, date: str | None) -> None:
    assert gold_date(value) == date


def test_detokenise() -> None:
    assert detokenise("It is n't over , he said ( again ) .") == "It isn't over, he said (again)."
    assert detokenise("Boeing 's chief said `` we won '' .") == 'Boeing\'s chief said "we won".'
    assert detokenise("a US$ 40 billion deal") == "a US$40 billion deal"


def test_sentences_are_found_in_the_cleaned_text(tmp_path: Path) -> None:
    path = tmp_path / "501.tml"
    path.write_text(DOC_A, encoding="utf-8")
    doc = read_tml(path)
    text = "Harbor Ferries has opened a northern route to the islands.\n"
    text += "Harbor Ferries was founded in 1987 by two brothers."
    spans = sentence_spans(doc, text)
    assert [sid for _, _, sid in spans] == [2, 3]
    assert sentence_id(spans, 50, 100) == 3 and sentence_id(spans, 0, 10) == 2
    assert sentence_id(spans, 500, 510) is None


# --------------------------------------------------------------------------- names


def _article(text: str, names: list[tuple[str, str]]) -> Article:
    """An article with the given mentions (each at the last place its text occurs)."""
    mentions = [Mention(text.rindex(n), text.rindex(n) + len(n), n, label) for n, label in names]
    article = Article(id="a", source="a.tml", part=1, title=None, text=text)
    article.analysis.mentions = mentions
    return article


def test_name_forms_use_entity_parts_aliases_and_initials() -> None:
    text = "Apple Corps sued again. Judge Mary Calloway heard the case. Calloway ruled."
    names = [("Apple Corps", "ORG"), ("Mary Calloway", "PERSON"), ("Calloway", "PERSON")]
    articles = [_article(text, names)]
    forms, acronyms = name_forms("Beatles Apple Corps", articles)
    assert "apple corps" in forms and "apple" not in forms
    forms, _ = name_forms("Mary Calloway", articles)
    assert "calloway" in forms
    _, acronyms = name_forms("Northern Rail Freight Company", [])
    assert acronyms == {"NRFC"}


def test_mentions_name_matches_whole_words_with_one_gap() -> None:
    forms = {"itunes store"}
    assert mentions_name("Sales at the iTunes Music Store rose.", forms, set())
    assert mentions_name("The ITUNES store's sales rose.", forms, set())
    assert not mentions_name("iTunes sales rose at the store.", forms, set())
    assert mentions_name("The USAF said so.", set(), {"USAF"})
    assert not mentions_name("The usaf said so.", set(), {"USAF"})


# --------------------------------------------------------------------------- scoring


def test_date_agrees_at_the_gold_precision() -> None:
    assert date_agrees("2005-01-18", "2005-01") and date_agrees("2005", "2005")
    assert not date_agrees("2005", "2005-01") and not date_agrees("2005-02-01", "2005-01")


def test_score_entity_counts_sentences_dates_and_order() -> None:
    gold = {
        ("1", 2): {"2008-03-01"},
        ("1", 5): {"2010"},
        ("2", 4): {"2009-06"},
        ("3", 1): {"2007"},
    }
    system = {
        ("1", 2): {"2008-03-01"},
        ("1", 5): {"2010-05"},
        ("2", 4): {"2009"},  # coarser than the gold: wrong date
        ("4", 7): {"2011"},
    }
    s = score_entity(system, gold)
    assert (s.gold, s.system, s.matched, s.date_correct) == (4, 4, 3, 2)
    assert s.precision == s.recall == s.f1 == 0.75
    assert s.date_accuracy == pytest.approx(2 / 3)
    # gold orders all three pairs; the system ties nothing, and keeps every pair in order
    assert (s.pairs, s.pairs_agree) == (3, 3)
    swapped = score_entity({("1", 2): {"2011"}, ("1", 5): {"2010"}}, gold)
    assert (swapped.pairs, swapped.pairs_agree, swapped.date_correct) == (1, 0, 1)


def test_scores_add_up_and_empty_scores_are_zero() -> None:
    total = TimelineScores()
    total.add(TimelineScores(gold=2, system=1, matched=1, date_correct=1))
    total.add(TimelineScores(gold=2, system=3, matched=1, date_correct=0))
    assert (total.precision, total.recall, total.date_accuracy) == (0.5, 0.5, 0.5)
    assert TimelineScores().f1 == 0.0 and TimelineScores().order_agreement == 0.0


def test_evaluate_timelines_on_an_invented_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    result = evaluate_timelines(tmp_path)
    (corpus,) = result.corpora
    assert corpus.name == "corpus_9" and corpus.documents == 2
    assert corpus.gold_in_removed_lines == 1  # 502's headline became the title
    s = corpus.entities["Harbor Ferries"]
    # 502-0 is in the headline, 502-3 names the company only as "the ferry operator"
    assert (s.gold, s.system, s.matched, s.date_correct) == (6, 4, 4, 4)
    assert (s.pairs, s.pairs_agree) == (6, 6)
    data = result.to_dict()
    assert (
        data["overall"]["gold"] == 6 and "Harbor Ferries" in data["corpora"]["corpus_9"]["entities"]
    )
    assert result.table().splitlines()[1].startswith("corpus_9")
    assert evaluate_timelines(tmp_path, corpora=["corpus_1"]).corpora == []


def test_real_semeval_corpus() -> None:
    data = need(SEMEVAL / "SemEval_Task4_data")
    result = evaluate_timelines(data, corpora=["corpus_1"])
    s = result.corpora[0].total
    assert result.corpora[0].documents == 30 and s.gold > 150
    assert s.precision > 0.4 and s.recall > 0.15 and s.date_accuracy > 0.6
    assert s.order_agreement > 0.7
