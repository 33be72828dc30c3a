"""The word lists behind :mod:`storyline.entities`' fixes: titles that precede names, the
titles that stand before a person's name, last words of names of bodies, and portfolios."""

from __future__ import annotations

# Occupations written as a title before a person's name ("Rapper Eminem", "Guitarist Brian
# May", "Striker Thierry Henry"): the name is the person's without them. Not title words:
# "Director of Public Prosecutions", "Director General" are offices.
_OCCUPATIONS = """rapper singer guitarist drummer bassist actor actress director producer comedian
    presenter novelist author striker midfielder defender goalkeeper winger coach manager
    chef designer photographer"""
# Title words that precede names; a run of them at the start of a mention is dropped.
TITLE_WORDS = frozenset(
    [
        "prime",
        "minister",
        "president",
        "vice",
        "deputy",
        "secretary",
        "general",
        "chief",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "ayatollah",
        "pope",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "mayor",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "admiral",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "judge",
        "justice",
        "leader",
        "speaker",
        "premier",
    ]
)
OCCUPATIONS = frozenset(_OCCUPATIONS.split())
# Titles that stand before a person's name (a subset of TITLE_WORDS: no "foreign",
# "defense", "prime", which also begin names of bodies).
_PERSONAL = """minister president secretary spokesman spokeswoman spokesperson senator sen rep
    representative governor mayor ambassador chancellor premier commander general gen
    admiral colonel col captain capt lieutenant lt major maj judge king queen prince
    princess sheikh emir ayatollah pope mr mrs ms dr sir lord lady leader speaker ceo
    chairman chairwoman"""
PERSONAL_TITLES = frozenset(_PERSONAL.split())
# Last words of names of bodies: a title before them is part of the name.
_BODIES = """inc ltd plc llc corp corporation co company group holdings motors ministry department
    agency council committee party bank airlines airways university association union
    force forces army navy office commission court administration institute foundation
    board authority service services"""
ORG_WORDS = frozenset(_BODIES.split())
# Portfolios a title names, which the small model tags with the name after them ("Defense
# Lloyd Austin", ORG) or alone ("Iraqi Defense" Minister); not words that also name parties,
# places or firms ("Labour", "State", "Energy").
_PORTFOLIOS = """foreign defense defence interior finance homeland health education justice
    transport transportation treasury commerce agriculture environment"""
PORTFOLIOS = frozenset(_PORTFOLIOS.split())
# Titles with a portfolio after "of" ("Secretary of State"; "president of" names a body)
PORTFOLIO_TITLES = frozenset({"secretary", "minister"})
