"""TimeML signals ("by", "until", "since", "no later than", ...) stay out of TIMEX3 spans and
are kept on ``TimeExpr.signal``; the relation they give, and what the timeline, the claims
and the facts make of it, is unchanged. All sentences are invented."""

from __future__ import annotations

import pytest

from storyline.codec import analysis_from_dict
from storyline.model import Analysis, Article, PublishedDate, TimeExpr
from storyline.timex import qualifier, tag_times, with_signal

DCT = "2024-09-27"  # a Friday


def only(text: str, dct: str | None = DCT) -> TimeExpr:
    [t] = tag_times(text, dct)
    assert text[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    ("text", "span", "signal", "value", "mod", "relation"),
    [
        ("The fee must be paid by Friday.", "Friday", "by", "2024-09-27", "ON_OR_BEFORE",
         "ON_OR_BEFORE"),
        ("The bridge stays shut until September 2026.", "September 2026", "until", "2026-09",
         "ON_OR_BEFORE", "ON_OR_BEFORE"),
        ("Staff must leave no later than the end of September 2025.",
         "the end of September 2025", "no later than", "2025-09", "END", "ON_OR_BEFORE"),
        ("Rents have risen since 2014 in the valley.", "2014", "since", "2014", "AFTER", "AFTER"),
        ("The mill was sold after 1990 to a bank.", "1990", "after", "1990", "AFTER", "AFTER"),
        ("The dam was built before 1960, he said.", "1960", "before", "1960", "BEFORE", "BEFORE"),
        # "took over three years" is "more than" (round 7): a quantity, kept in the span
        ("The survey took over three years.", "over three years", None, "P3Y", "MORE_THAN",
         "MORE_THAN"),
        # "rose over three years" is "during": a signal with no relation
        ("Rents rose over three years.", "three years", "over", "P3Y", None, None),
        ("Boats ran until the end of the century.", "the end of the century", "until", "20",
         "END", "ON_OR_BEFORE"),
        # the deadline word still points ahead, though it is outside the span
        ("By March 3 the hall will be full.", "March 3", "by", "2025-03-03", "ON_OR_BEFORE",
         "ON_OR_BEFORE"),
        # "for" gives no relation: it is simply left out
        ("Profit rose from $3 million for last year's quarter.", "last year's quarter", None,
         "2023-Q2", None, None),
        ("The pier was closed for three years.", "three years", None, "P3Y", None, None),
    ],
)  # fmt: skip
def test_signal_words_stay_out_of_the_span(
    text: str, span: str, signal: str | None, value: str, mod: str | None, relation: str | None
) -> None:
    t = only(text)
    assert (t.text, t.signal, t.value, t.mod) == (span, signal, value, mod)
    assert qualifier(t) == relation


@pytest.mark.parametrize(
    ("text", "span", "mod", "relation"),
    [
        ("The tower was built around 2010 by monks.", "around 2010", "APPROX", "APPROX"),
        ("The vote took about five hours.", "about five hours", "APPROX", "APPROX"),
        ("The strike lasted nearly five months.", "nearly five months", "LESS_THAN", "LESS_THAN"),
        ("Nearly two years ago the plant shut.", "Nearly two years ago", "APPROX", "APPROX"),
        ("The ferry left around the end of May.", "around the end of May", "END", "APPROX"),
    ],
)  # fmt: skip
def test_modifiers_of_the_time_itself_stay_in_the_span(
    text: str, span: str, mod: str, relation: str
) -> None:
    t = only(text)
    assert (t.text, t.signal, t.mod) == (span, None, mod)
    assert qualifier(t) == relation


def test_the_signal_is_kept_in_lower_case() -> None:
    text = "Bids close NO LATER THAN\nthe end of May 2025."
    t = only(text)
    assert (t.text, t.signal) == ("the end of May 2025", "no later than")
    wide = with_signal(text, t)
    assert wide.text == "NO LATER THAN\nthe end of May 2025"
    assert text[wide.start : wide.end] == wide.text and wide.end == t.end


def test_with_signal_leaves_an_expression_without_one_alone() -> None:
    t = only("The plant opened in May 2020.")
    assert with_signal("The plant opened in May 2020.", t) is t


def test_a_range_until_a_date_keeps_both_ends() -> None:
    first, second = tag_times("The road was shut from 14 July until 2 August 2022.", DCT)
    assert (first.text, first.value, first.signal) == ("14 July", "2022-07-14", None)
    assert (second.text, second.value, second.signal) == ("2 August 2022", "2022-08-02", "until")


def test_an_analysis_stored_before_signals_loads_and_keeps_its_relation() -> None:
    old = {"start": 9, "end": 19, "text": "by May 2025", "type": "DATE", "value": "2025-05"}
    stored = {"times": [{**old, "mod": "ON_OR_BEFORE", "anchored": False}]}
    [t] = analysis_from_dict(stored).times
    assert t.signal is None
    assert qualifier(t) == "ON_OR_BEFORE"


# --------------------------------------------------------------------------- timeline, claims


@pytest.fixture(scope="module")
def analysed():
    from storyline.nlp import analyse_text, load_pipeline

    load_pipeline()

    def run(text: str) -> Article:
        return _article(
            text, PublishedDate(DCT, "test", 0.9), analyse_text(text, tag_times(text, DCT))
        )

    return run


def _article(text: str, published: PublishedDate, analysis: Analysis) -> Article:
    return Article(
        id="a", source="a.txt", part=1, title=None, text=text, published=published,
        analysis=analysis,
    )  # fmt: skip


def test_a_deadline_until_a_month_is_unchanged(analysed) -> None:
    from storyline.timeline import build_timeline

    art = analysed("The coalition said its mission will continue until September 2026.")
    [entry] = [e for e in build_timeline([art]) if e.date == "2026-09"]
    assert (entry.mod, entry.scheduled) == ("ON_OR_BEFORE", True)
    assert entry.date_span is not None
    assert entry.text[entry.date_span[0] : entry.date_span[1]] == "until September 2026"
    [claim] = [c for c in art.analysis.claims if c.value == "2026-09"]
    assert (claim.subject, claim.predicate, claim.mod) == ("mission", "continue-until", None)


def test_a_deadline_no_later_than_the_end_of_a_month_is_unchanged(analysed) -> None:
    from storyline.timeline import build_timeline

    art = analysed(
        "The ministers agreed the mission will end no later than the end of September 2025."
    )
    [t] = [t for t in art.analysis.times if t.value == "2025-09"]
    assert (t.text, t.mod, t.signal) == ("the end of September 2025", "END", "no later than")
    [entry] = [e for e in build_timeline([art]) if e.date == "2025-09"]
    assert (entry.mod, entry.scheduled) == ("ON_OR_BEFORE", True)
    assert entry.date_span is not None
    marked = entry.text[entry.date_span[0] : entry.date_span[1]]
    assert marked == "no later than the end of September 2025"
    [claim] = art.analysis.claims
    assert (claim.subject, claim.predicate, claim.value, claim.mod) == (
        "mission",
        "end",
        "2025-09",
        "END",
    )


def test_not_until_a_year_still_reads_as_that_year_or_later(analysed) -> None:
    art = analysed("The new ferry will not sail until 2027.")
    [claim] = art.analysis.claims
    assert (claim.predicate, claim.value, claim.mod) == ("sail", "2027", "ON_OR_AFTER")


def test_a_date_without_a_value_is_told_apart_by_its_words_signal_included() -> None:
    from storyline.fact_statements import sentence_when

    text = "Until recently the pier had 40 boats."
    analysis = Analysis(sentences=[(0, len(text))], times=tag_times(text, None))
    art = _article(text, PublishedDate(None, "unknown", 0.0), analysis)
    assert sentence_when(art, 0, 0, 5)[0] == frozenset({"until recently"})


def test_a_weekday_after_a_signal_does_not_fix_the_publication_year() -> None:
    from storyline.pubdate_year import weekday_pairs

    text = "Bids are open until Friday, May 5, the board said."
    times = tag_times(text, None)
    assert [(t.text, t.signal) for t in times] == [("Friday, May 5", "until")]
    assert weekday_pairs(text, times, None) == []
    text = "The board met on Friday, May 5, to vote."
    assert weekday_pairs(text, tag_times(text, None), None) == [(5, 5, 4, "Friday, May 5")]
