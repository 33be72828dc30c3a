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
