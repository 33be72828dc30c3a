"""Entries of two articles dated by one year join only on evidence beyond the year."""

from __future__ import annotations

from storyline.timeline import build_timeline
from tests.test_timeline import article


def sources(*texts: str, parse: bool = False) -> list[list[str]]:
    """The sources of each entry of a story whose articles are ``texts`` (ids a, b, ...)."""
    articles = [article(chr(97 + i), t, None, parse=parse) for i, t in enumerate(texts)]
    return sorted(e.sources for e in build_timeline(articles))


def test_one_year_and_common_words_do_not_join_two_firms() -> None:
    got = sources(
        "For 2004 as a whole, eBay earned $778m on sales of $3.27bn.",
        "For the whole of 2004, GM earned $3.7bn, down from $3.8bn.",
    )
    assert got == [["a"], ["b"]]


def test_the_same_claim_about_two_named_places_does_not_join() -> None:
    got = sources(
        "Latin America's economy grew by 5.5% in 2004, its best performance since 1980.",
        "Singapore's economy grew by 8.1% in 2004, its best performance since 2000.",
        parse=True,
    )
    assert [s for s in got if len(s) > 1] == []


def test_two_deadlines_of_one_year_for_different_things_stay_apart() -> None:
    got = sources(
        "The government will cut NHS waiting lists to 18 weeks by 2008.",
        "The government will spend £1.25bn a year on aid to Africa by 2008.",
    )
    assert got == [["a"], ["b"]]


def test_a_shared_name_or_two_uncommon_words_still_join() -> None:
    assert sources(
        "Parmalat collapsed in 2003 after a hole was found in its accounts.",
        "The dairy group Parmalat collapsed in 2003, leaving thousands of savers out of pocket.",
    ) == [["a", "b"]]
    assert sources(
        "The dam burst in 1952, flooding the valley.",
        "Villagers recall that the dam burst in 1952 after heavy rain.",
    ) == [["a", "b"]]


def test_a_shared_figure_or_four_uncommon_words_join_despite_other_names() -> None:
    assert sources(
        "Mr Ruerup said the 1.4% growth forecast for 2005 was too optimistic.",
        "The BdB warned the economy would miss the 1.4% growth forecast for 2005.",
    ) == [["a", "b"]]
    # (session 11 joined "the worst since 1981" here: since session 19 that is a baseline)
    assert sources(
        "Sales failed to meet expectations in 1981 as shops cut staff, the Office for"
        " National Statistics said.",
        "UK retail sales fell in 1981, failing to meet expectations as shops cut staff.",
    ) == [["a", "b"]]


def leads(*texts: str, published: str = "2005-01-26") -> list[list[str]]:
    """The sources of each entry at the articles' common publication day."""
    articles = [article(chr(97 + i), t, published, parse=True) for i, t in enumerate(texts)]
    return sorted(e.sources for e in build_timeline(articles) if e.date == published)


def test_two_leads_of_one_day_about_different_people_stay_apart() -> None:
    # session 19's audit: Annette Bening's nomination joined Catalina Sandino Moreno's
    got = leads(
        "Actress Julia Marsh has earned an Oscar nomination for Harbour Lights.\nMarsh, who was"
        " born in Ohio, began her career on the stage.",
        "Colombian actress Rosa Delgado has won an Oscar nomination for her first role.\n"
        "Delgado plays a young courier.",
    )
    assert got == [["a"], ["b"]]  # they share three words: actress, Oscar, nomination


def test_two_leads_about_one_person_still_join() -> None:
    got = leads(
        "Film actress Julia Marsh is up for an Oscar for her starring role in Harbour Lights."
        "\nMarsh, who was born in Ohio, began her career on the stage.",
        "The drama Harbour Lights has earned an Oscar nomination for its star.\nJulia Marsh"
        " plays a lighthouse keeper's widow in the film.",
    )
    assert got == [["a", "b"]]


def test_a_lead_about_a_person_does_not_join_an_article_that_never_names_him() -> None:
    # session 19's audit: Day-Lewis's award cited an article on the festival without him
    got = leads(
        "Actor Tom Reilly is to be given a career award at the Lisbon Film Festival.\nReilly"
        " has made twenty films.",
        "The Lisbon Film Festival has announced a programme of European films.\nSome 300"
        " films will be screened.",
        published="2005-01-21",
    )
    assert got == [["a"], ["b"]]
