"""A year that only names a title, a work or an object dates no happening
(storyline.timeline_epithets); session 19's audit of dated tennis and film news."""

from __future__ import annotations

import pytest

from storyline.timeline import build_timeline
from storyline.timeline_epithets import names_only
from tests.test_timeline import article


def dates(text: str, published: str | None = None) -> list[str]:
    return [e.date for e in build_timeline([article("a", text, published)])]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a person's title
        (
            "The 1996 champion Ivan Petrov fought back to beat the Dutch qualifier in five sets.",
            "1996",
        ),
        ("Keller, the 2001 Swiss Indoors champion, was knocked out by a teenager.", "2001"),
        ("Rain held up play before 2003 Olympic gold medallist Mills beat her rival.", "2003"),
        ("The Canadian will now face 1999 Wimbledon runner-up Lena Marsh in round two.", "1999"),
        (
            "Ortiz, quarter-finalist in 2002, withdrew with a back injury on the eve of the event.",
            "2002",
        ),
        (
            "Her opponent is Ana Brun, a semi-finalist in 2000 and 2001, who beat the top seed.",
            "2001",
        ),
        ("The pair are coached by Tom Bell - the 1994 winner - who arrived this week.", "1994"),
        # a work or an object the sentence only points at
        (
            "The producer, best known for the 1986 thriller Night Pier, is working on a sequel.",
            "1986",
        ),
        ("The musical borrows three songs from 1979 album Quiet Streets, its makers say.", "1979"),
        ("The new show is a sequel to the 1992 comedy Home Run, with the original cast.", "1992"),
        ("The sales record is still held by 1997's Blue Harbour, ahead of two later hits.", "1997"),
        ("He arrived at the studio in a 1972 Citroen with a cracked windscreen.", "1972"),
        # an award's name
        ("She was named player of the year at a dinner in London, her coach said.", "2005"),
    ],
)
def test_a_year_that_names_a_title_a_work_or_an_object_gives_no_entry(text: str, year: str) -> None:
    assert year not in dates(text, "2005-01-20")
    assert year not in dates(text)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("At the 2001 Venice festival the jury could not agree on a winner.", "2001"),
        ("The goalkeeper, who was nominated for the award in 1998, retired in May.", "1998"),
        ("He will face the player he beat in the 1999 final in the next round.", "1999"),
        ("Two films won prizes at the 2004 Toronto Film Festival, the organisers said.", "2004"),
        ("She starred in the 1968 film version of the play, opposite Paul Dorn.", "1968"),
        ("She made her debut in 1993's Silver Lake, a low-budget drama.", "1993"),
        ("Lee, who was runner-up in 1997, is seeded second this time.", "1997"),
        ("Ruiz became the 2002 champion after a five-set final.", "2002"),
        ("She released two singles from her 1996 album Coastline, both top ten hits.", "1996"),
        ("Hamburg won the 1983 Champions Cup final against Juventus.", "1983"),
        ("A 2003 government survey found that most viewers were satisfied.", "2003"),
        ("The prize has been awarded since 1986 to film-makers of note.", "1986"),
    ],
)
def test_a_year_of_an_event_or_of_the_sentence_s_own_happening_stays(text: str, year: str) -> None:
    assert year in dates(text)


def test_the_end_of_the_year_is_no_award() -> None:
    assert dates("Sales rose at the end of the year, the company said.", "2005-02-01") == [
        "2005-12"
    ]


def test_the_reader_takes_the_phrase_with_its_signal() -> None:
    text = "The record is held by 1994's Harbour Lights."
    at = text.index("by 1994")
    assert names_only(text[:at], "by 1994", text[at + 7 :], "by")
    assert not names_only("The report must be ready ", "by 1994", ".", "by")
