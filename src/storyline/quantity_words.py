"""Word lists for :mod:`storyline.quantities`: number words, scales, hedges, units, currencies."""

from __future__ import annotations

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
WORD_NUMBERS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
WORD_NUMBERS |= {"eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24, "hundred": 100}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SCALES |= {"trillion": 1_000_000_000_000}
# "£600m", "$1.13bn": scale letters glued to a number, read as scales next to a currency only
# ("a 100m sprint" is metres)
ABBREVIATED_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
TIME_ZONES = frozenset({"gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt"})

# Hedge words before a number, normalised. Two-word hedges are looked up first.
HEDGES_2 = {"at least": "at least", "more than": "more than", "up to": "up to"}
HEDGES_3 = {"as many as": "up to", "as much as": "up to"}
# "no less than 34" is at least 34, not less than it
HEDGES_3 |= {"no less than": "at least", "no fewer than": "at least", "no more than": "up to"}
HEDGES_3 |= {"in excess of": "more than"}
HEDGES_2 |= {"upwards of": "more than"}
HEDGES_2 |= {"less than": "less than", "fewer than": "less than"}
HEDGES_2 |= {"an estimated": "about", "at most": "up to"}
HEDGES_2 |= {"just under": "nearly", "just over": "more than", "well over": "more than"}
HEDGES_2 |= {"well under": "less than", "slightly over": "more than", "slightly under": "nearly"}
HEDGES_1 = {"about": "about", "approximately": "about", "around": "about", "some": "about"}
HEDGES_1 |= {"roughly": "about", "nearly": "nearly", "almost": "nearly", "over": "more than"}
HEDGES_1 |= {"estimated": "about", "approx": "about", "circa": "about", "least": "at least"}

# Counted nouns normalised to a unit ("military personnel" is looked up whole first).
UNITS = {"soldier": "troops", "troop": "troops", "military personnel": "troops"}
UNITS |= {"force": "troops", "servicemember": "troops", "service member": "troops"}
UNITS |= {"military adviser": "troops", "military advisor": "troops", "marine": "troops"}
UNITS |= {"death": "dead", "dead": "dead", "fatality": "dead", "casualty": "casualties"}
UNITS |= {"life": "dead", "body": "dead", "wounded": "wounded", "injured": "wounded"}
UNITS |= {"injury": "wounded", "killed": "dead", "wound": "wounded", "injure": "wounded"}
UNITS |= {"kill": "dead", "die": "dead"}
DEATH_VERBS = frozenset({"kill", "die", "dead", "slay", "perish", "murder", "massacre"})
WOUND_VERBS = frozenset({"wound", "injure", "hurt", "injured", "wounded"})
# animals killed are no toll of people ("killing a total of 91 foxes")
ANIMALS = frozenset({"fox", "animal", "bird", "cow", "sheep", "pig", "cattle", "chicken"})
ANIMALS |= {"deer", "badger", "whale", "dolphin", "dog", "cat", "hen", "fish", "horse", "hare"}
PEOPLE_NOUNS = frozenset({"people", "person", "civilian", "victim", "resident", "child"})
CURRENCY = {"$": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "pound": "GBP"}
CURRENCY |= {"usd": "USD", "eur": "EUR", "gbp": "GBP", "euros": "EUR", "dollars": "USD"}
CURRENCY |= {"yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR"}
CURRENCY |= {"rupiah": "IDR", "pence": "GBX", "p": "GBX", "¥": "JPY", "₹": "INR"}
# Money words without a code here: a sum in them keeps the unit "money" ("200 riyals")
MONEY_WORDS = frozenset({"cent", "riyal", "dirham", "rouble", "ruble", "peso", "naira", "rand"})
MONEY_WORDS |= {"lira", "shekel", "baht", "ringgit", "franc", "krona", "krone", "won", "real"}
DURATION_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute"})
NON_COUNTS = frozenset({"%", "USD", "EUR", "GBP", "money", "days", "weeks", "months", "years"})
EXTREMES = frozenset({"high", "low", "record", "peak", "best", "worst"})
SKIP_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "age", "percent"})

SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "QUANTITY"})

# ----------------------------------------------------------------- plurals of counted nouns

UNCOUNTED = frozenset(
    {"dead", "wounded", "injured", "missing", "people", "staff", "personnel", "police"}
    | {"cattle", "sheep", "deer", "fish", "aircraft", "spacecraft", "series", "species"}
    | {"livestock"}
)
IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "goose": "geese",
    "life": "lives",
    "wife": "wives",
    "knife": "knives",
    "leaf": "leaves",
    "half": "halves",
    "shelf": "shelves",
    "thief": "thieves",
    "crisis": "crises",
    "analysis": "analyses",
    "thesis": "theses",
    "hero": "heroes",
    "potato": "potatoes",
    "tomato": "tomatoes",
    "veto": "vetoes",
    "torpedo": "torpedoes",
    "embargo": "embargoes",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "quiz": "quizzes",
    # singulars ending in "s"
    "bus": "buses",
    "gas": "gases",
    "virus": "viruses",
    "campus": "campuses",
    "census": "censuses",
    "bonus": "bonuses",
    "status": "statuses",
    "lens": "lenses",
    # "ch" said as "k"
    "monarch": "monarchs",
    "oligarch": "oligarchs",
    "patriarch": "patriarchs",
    "epoch": "epochs",
    "stomach": "stomachs",
    "tech": "techs",
}
_MAN_WORDS = frozenset({"human", "german", "roman", "shaman", "talisman", "caiman", "ottoman"})


def plural(noun: str) -> str:
    """A counted common noun in the plural ("resident" -> "residents", "policeman" ->
    "policemen", "casualty" -> "casualties", "witness" -> "witnesses", "crisis" -> "crises");
    words already plural (ending in a single "s") or not counted ("dead", "staff") stay as
    they are. Names are not for it ("Henman")."""
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun in UNCOUNTED or (noun.endswith("s") and not noun.endswith("ss")):
        return noun
    if noun.endswith("man") and noun not in _MAN_WORDS:
        return noun[:-3] + "men"  # "policeman", "spokesman", "chairman"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ss", "ch", "sh", "x", "z")) else "s")
