"""Mentions, quantities and claims read off one spaCy parse."""

from __future__ import annotations

import pytest

from storyline.entities import clean_name
from storyline.model import TimeExpr


@pytest.fixture(scope="module")
def nlp():
    from storyline.nlp import load_pipeline

    return load_pipeline()


def test_clean_name_strips_the_possessive_titles_and_punctuation():
    assert clean_name("the Islamic State’s") == "Islamic State"
    assert clean_name("Prime Minister Mohammed Shia al-Sudani's") == "Mohammed Shia al-Sudani"
    assert clean_name("the U.S.") == "U.S."
    assert clean_name("Iraq,") == "Iraq"


def test_an_occupation_written_as_a_title_is_no_part_of_the_name():
    assert clean_name("Rapper Kel Varo", "PERSON") == "Kel Varo"
    assert clean_name("Guitarist Ona Brisk", "PERSON") == "Ona Brisk"
    assert clean_name("Striker Tomas Velde", "ORG") == "Tomas Velde"  # a person's name follows
    assert clean_name("Bryony Singer", "PERSON") == "Bryony Singer"  # a surname stays
    assert clean_name("Singer", "PERSON") == "Singer"
    # an office that begins with one is no occupation before a name
    assert clean_name("Director of Public Prosecutions", "ORG") == "Director of Public Prosecutions"
    assert clean_name("Manager of the Year", "ORG") == "Manager of the Year"


def test_mentions_fix_the_small_model(nlp):
    from storyline.entities import extract_mentions

    text = (
        "The Islamic State claimed the attack. Fighters of the Islamic State (IS) fled, "
        "and IS lost ground. Prime Minister Mohammed Shia al-Sudani's office spoke."
    )
    found = {(m.text, m.label) for m in extract_mentions(nlp(text))}
    assert ("Islamic State", "ORG") in found
    texts = {t for t, _ in found}
    assert "IS" in texts
    assert "Mohammed Shia al-Sudani" in texts
    assert not any(t.startswith(("the ", "The ")) or t.endswith("'s") for t in texts)
    for m in extract_mentions(nlp(text)):
        assert text[m.start : m.end] == m.text


def test_claims_from_hand_built_times(nlp):
    from storyline.claims import extract_claims

    text = (
        "Military operations in Syria will continue until September 2026. "
        "The coalition mission in Iraq will cease to exist by September 2025. "
        "The coalition was formed in 2014. "
        "The group seized territories in 2014."
    )
    times = []
    for phrase, value in [("September 2026", "2026-09"), ("September 2025", "2025-09")]:
        start = text.index(phrase)
        times.append(TimeExpr(start, start + len(phrase), phrase, "DATE", value))
    for k in (text.index("2014"), text.rindex("2014")):
        times.append(TimeExpr(k, k + 4, "2014", "DATE", "2014"))
    claims = {(c.subject, c.predicate, c.value, c.place) for c in extract_claims(nlp(text), times)}
    assert ("operation", "continue-until", "2026-09", "Syria") in claims
    assert ("coalition mission", "end", "2025-09", "Iraq") in claims
    assert ("coalition", "form", "2014", None) in claims
    assert not any(c[1] == "form" and c[0] == "group" for c in claims)


def test_analyse_text_caps_long_texts(nlp, monkeypatch):
    import storyline.nlp as mod

    monkeypatch.setattr(mod, "MAX_CHARS", 4_000)  # the real cap is 100,000 characters
    text = "The United States kept 2,500 troops in Iraq. " * 5_000  # ~225 kB
    analysis = mod.analyse_text(text, [])
    assert analysis.sentences[-1][1] <= 4_000
    assert analysis.quantities and analysis.quantities[0].place == "Iraq"
    assert mod.analyse_text("   ", []).sentences == []


def test_untagged_surname_after_a_full_name_is_a_person(nlp):
    from storyline.entities import extract_mentions

    doc = nlp("Chief engineer Miriam Castellanos inspected the pier. Castellanos said it held.")
    found = [(m.text, m.label) for m in extract_mentions(doc)]
    assert ("Castellanos", "PERSON") in found


def test_a_district_named_before_its_noun_is_the_claims_place(nlp):
    from storyline.claims import extract_claims

    text = "Families from the Old Harbour district will go home by the end of June 2027."
    start = text.index("June 2027")
    times = [TimeExpr(start, start + 9, "June 2027", "DATE", "2027-06")]
    claims = extract_claims(nlp(text), times)
    assert [c.place for c in claims] == ["Old Harbour"]


def test_titles_go_before_people_but_stay_in_names_of_bodies():
    from storyline.entities import person_like

    assert clean_name("General Motors", "ORG") == "General Motors"
    assert clean_name("General Motors") == "General Motors"
    assert clean_name("the Defense Ministry", "ORG") == "Defense Ministry"
    assert clean_name("General Halvard Motors Corporation", "ORG") == (
        "General Halvard Motors Corporation"
    )
    assert clean_name("General Ines Marlowe", "PERSON") == "Ines Marlowe"
    assert clean_name("Defence Secretary Ines Marlowe", "ORG") == "Ines Marlowe"
    assert clean_name("President Okonjo", "PERSON") == "Okonjo"
    assert clean_name("President Okonjo") == "President Okonjo"  # one word: maybe a name
    assert clean_name("Minister of Fisheries") == "Fisheries"
    assert person_like(["Yusuf", "bin", "Tamar"]) and person_like(["Rami", "al-Khoury"])
    assert not person_like(["Tamar"]) and not person_like(["of", "Fisheries"])
    assert not person_like(["Marlowe", "Holdings"]) and not person_like(["Ines", "marlowe"])


def test_people_the_model_mistypes_become_people(nlp):
    from storyline.entities import extract_mentions

    # the small model tags the whole "Spokeswoman ..." span ORG, and the later surname
    # alone ORG: a title before a two-word name, and a surname used as a subject
    text = (
        "Spokeswoman Delia Varnum said the flight was delayed. Varnum added that no one "
        "was hurt. Defence Secretary Harlan Whitcombe visited Ottawa. Whitcombe said the "
        "deal was done."
    )
    found = {(m.text, m.label) for m in extract_mentions(nlp(text))}
    assert ("Delia Varnum", "PERSON") in found
    assert ("Harlan Whitcombe", "PERSON") in found and ("Whitcombe", "PERSON") in found
    assert ("Ottawa", "GPE") in found


def test_a_portfolio_belongs_to_the_title_not_to_a_body_or_a_name(nlp):
    from storyline.entities import extract_mentions

    text = (
        "A delegation led by U.S. Secretary of Defense Harlan Whitcombe and another led by "
        "Norlandic Defense Minister Piet Andersen met in Brevik. The Norlandic Defense "
        "Ministry said the talks went well."
    )
    mentions = extract_mentions(nlp(text))
    found = {(m.text, m.label) for m in mentions}
    assert ("Harlan Whitcombe", "PERSON") in found  # not "Defense Harlan Whitcombe", ORG
    assert ("Piet Andersen", "PERSON") in found
    assert not any(m.text.endswith("Defense") for m in mentions)  # a title's portfolio
    assert any(m.text.endswith("Defense Ministry") and m.label == "ORG" for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Labour leader Tom Ashdown said the plan would fail.", "Labour"),
        ("A Ministry of Defence spokesman said the drills would go on.", "Ministry of Defence"),
        ("The president of State Harbour Insurance spoke on Monday.", "State Harbour Insurance"),
        ("Velmark State Governor Ada Okonkwo visited the port.", "Velmark State"),
        ("Northvale Energy CEO Lynn Marsh said demand rose.", "Northvale Energy"),
    ],
)
def test_names_that_hold_a_portfolio_word_stay_names(nlp, text, kept):
    from storyline.entities import extract_mentions

    assert kept in {m.text for m in extract_mentions(nlp(text))}  # not dropped, not cut


def test_a_surname_that_is_also_a_place_stays_a_place():
    from types import SimpleNamespace

    from storyline.entities import _surnames_as_people
    from storyline.model import Mention

    def tokens(*deps: str) -> dict:
        doc: list = []
        for i, (start, dep) in enumerate(zip((0, 20, 40), deps, strict=True)):
            doc.append(SimpleNamespace(i=i, dep_=dep, lower_="x", doc=doc, idx=start))
        return {t.idx: t for t in doc}

    mentions = [
        Mention(0, 12, "Talia Jordan", "PERSON"),
        Mention(20, 26, "Jordan", "GPE"),
        Mention(40, 46, "Jordan", "GPE"),
    ]
    # "... flew to Jordan. Jordan said": the word names a place too, so it stays one
    kept = _surnames_as_people(mentions, tokens("nsubj", "pobj", "nsubj"))
    assert [m.label for m in kept] == ["PERSON", "GPE", "GPE"]
    # "... Jordan said. Jordan added": the only person with that surname
    moved = _surnames_as_people(mentions, tokens("nsubj", "nsubj", "dobj"))
    assert [m.label for m in moved] == ["PERSON", "PERSON", "GPE"]
    # two people share it: no way to tell
    two = [Mention(0, 12, "Talia Jordan", "PERSON"), Mention(20, 26, "Jordan", "GPE")]
    two.insert(1, Mention(14, 18, "Ezra Jordan", "PERSON"))
    toks = tokens("nsubj", "nsubj", "nsubj")
    toks[14] = toks.pop(20)
    toks[20] = toks.pop(40)
    assert [m.label for m in _surnames_as_people(two, toks)] == ["PERSON", "PERSON", "GPE"]


def test_an_adjective_stays_apart_from_a_name_that_stands_alone(nlp):
    from storyline.entities import extract_mentions

    text = "The Islamic State lost ground. Shares of the Danish Velmark rose; Velmark grew."
    found = {(m.text, m.label) for m in extract_mentions(nlp(text))}
    assert ("Islamic State", "ORG") in found
    assert not any(t == "Danish Velmark" for t, _ in found)
