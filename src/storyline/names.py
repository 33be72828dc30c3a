"""Helpers on names as written: folding, matching keys, acronyms and canonical forms.

Pure functions over strings, used by alias resolution (:mod:`storyline.aliases`); the
key rules are described there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from storyline.entities import clean_name

SHORT_SKELETON = 3  # a person's name word with this few consonants keeps its first vowel
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az"})
FUNCTION_WORDS = r"(?:of|and|the|for|on|in|de|la|du|del)"
KNOWN = {
    "united states": ["us", "u.s.", "usa", "u.s.a.", "america", "united states of america"],
    "united kingdom": ["uk", "u.k.", "britain", "great britain"],
    "united nations": ["un", "u.n."],
    "european union": ["eu", "e.u."],
    "islamic state": ["is", "isis", "isil", "daesh", "islamic state of iraq and syria"],
    # British parties by their everyday names ("the Tories", "the Lib Dems")
    "conservative party": ["conservatives", "tories", "tory", "tory party"],
    "liberal democrats": ["lib dems", "lib dem", "libdems"],
    "labour party": ["labour"],
}
# well-known names the model often tags as a group of people (NORP): a party's members
NORP_KNOWN = frozenset({"conservative party", "liberal democrats", "labour party"})
# legal and corporate suffixes: "Brightwater Energy Ltd" is "Brightwater Energy"
ORG_SUFFIXES = frozenset(
    {"ltd", "inc", "plc", "llc", "group", "corp", "corporation", "co", "company", "sa", "ag"}
    | {"gmbh", "nv", "bv", "limited", "incorporated", "holdings"}
)
# Leading short forms of a country inside a longer name: "U.S. Senate" = "United States
# Senate" (folded, initials joined).
COUNTRY_PREFIXES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
}


def fold(text: str) -> str:
    """Lowercase ASCII letters/digits/spaces of ``text``: diacritics and punctuation gone."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", norm).split())


_KNOWN_FOLDED = {canon: frozenset(fold(f) for f in forms) for canon, forms in KNOWN.items()}


def word_key(word: str, skeleton: bool) -> str:
    """A folded word's matching key: doubled letters and a final "h" after a vowel dropped;
    with ``skeleton`` (people's names), the vowels after the first letter too, so spellings
    of one name agree ("Mohamed", "Muhammad"). A skeleton of three letters or fewer keeps
    the first vowel after the first letter: short names share their consonants too often
    ("Pires" and "Persie", "Saha" and "Shea", "Kano" and "Keane")."""
    word = re.sub(r"(.)\1+", r"\1", word)
    word = re.sub(r"([aeiou])h$", r"\1", word)
    if skeleton and len(word) > 2:
        consonants = word[0] + re.sub(r"[aeiou]", "", word[1:])
        vowel = re.search(r"[aeiou]", word[1:])
        short = len(consonants) <= SHORT_SKELETON and vowel is not None
        word = consonants + (vowel.group() if short else "")
    return word


def name_words(name: str, label: str = "") -> list[str]:
    """Folded words of a name without particles ("Al Sudani" -> ["sudani"]); a run of
    initials is one word ("U.S. Air Force" -> ["us", "air", "force"])."""
    words = re.sub(r"\b(\w)\s+(?=\w\b)", r"\1", fold(clean_name(name, label))).split()
    kept = [w for w in words if w not in PARTICLES]
    return kept or words


def name_key(name: str, label: str = "") -> str:
    """The matching key of a name (see the module docstring); people get the skeleton."""
    return " ".join(word_key(w, label == "PERSON") for w in name_words(name, label))


def known_key(name: str) -> str | None:
    low = " ".join(clean_name(name).lower().split())
    folded = fold(low)
    for canon, forms in KNOWN.items():
        if low == canon or low in forms or folded in _KNOWN_FOLDED[canon]:
            return canon
    return None


@lru_cache(maxsize=1 << 16)
def mention_key(surface: str, label: str) -> str:
    """The group key of a surface form: "known:" for a well-known name, "norp:" for a
    nationality, the skeleton for a person; for any other multi-word name, legal
    suffixes dropped, a leading country short form spelled out and a final plural "s"
    dropped ("Ford Motors Co." = "Ford Motor Company", "US Senate" = "U.S. Senate")."""
    prefix = "norp:" if label == "NORP" else ""
    known = known_key(surface)
    if known is not None and (label != "NORP" or known in NORP_KNOWN):
        return f"known:{known}"
    key = name_key(surface, "PERSON" if label == "PERSON" else "")
    if label != "PERSON":
        words = key.split()
        while len(words) > 1 and words[-1] in ORG_SUFFIXES:
            words = words[:-1]
        key = " ".join(words)
        for short, full in COUNTRY_PREFIXES.items():
            if key.startswith(short + " "):
                key = full + key[len(short) :]
                break
        if " " in key and len(words[-1]) > 3 and key.endswith("s") and not key.endswith("ss"):
            key = key[:-1]
    return prefix + key


def acronym_pattern(acro: str) -> re.Pattern[str]:
    letters = [c for c in acro if c.isalpha()]
    parts = [rf"{c}[\w'’-]*" for c in letters]
    sep = rf"(?:\s+{FUNCTION_WORDS}\s+|\s+)"
    return re.compile(r"\b" + sep.join(parts) + r"\b")


def expansions(acro: str, texts: list[str], pairs: list[set[str]] | None = None) -> Counter[str]:
    """Phrases in ``texts`` whose capitalised words' initials spell ``acro``.

    ``pairs``: each text's :func:`initial_pairs`; a text that lacks a pair of the
    acronym's letters is not searched (the answer is the same, sooner).
    """
    found: Counter[str] = Counter()
    pat = acronym_pattern(acro)
    letters = [c for c in acro if c.isalpha()]
    needed = {a + b for a, b in zip(letters, letters[1:], strict=False)}
    if not all(c.isupper() for c in letters):
        pairs = None  # the pairs hold capitals only
    for i, text in enumerate(texts):
        if pairs is not None and not needed <= pairs[i]:
            continue
        for m in pat.finditer(text):
            found[" ".join(m.group(0).split())] += 1
    return found


# at each word start: its first letter, and the first letter of the next word (across a
# function word), as :func:`acronym_pattern` steps from one word to the next
_INITIAL_PAIR = re.compile(rf"\b(?=([^\W\d_])[\w'’-]*(?:\s+{FUNCTION_WORDS}\s+|\s+)([^\W\d_]))")


def initial_pairs(text: str) -> set[str]:
    """The initials of every two capitalised words in a row of ``text``, across a
    function word ("Bank of England" -> "BE"): a phrase whose initials spell an acronym
    has each pair of its letters here."""
    return {a + b for a, b in _INITIAL_PAIR.findall(text) if a.isupper() and b.isupper()}


def is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym``'s letters occur in order in ``name``, the first one starting
    it ("SIA" for "Singapore Airlines", "EADS" for "European Aeronautic Defence and
    Space"): the test of Schwartz and Hearst (2003), stricter at the start."""
    letters = [c for c in acronym.lower() if c.isalnum()]
    low = fold(name)
    if not letters or not low or low[0] != letters[0]:
        return False
    pos = len(low)
    for c in reversed(letters[1:]):
        pos = low.rfind(c, 1, pos)
        if pos < 1:
            return False
    return True


def defined_acronyms(longs: list[tuple[str, str]], texts: list[str]) -> dict[str, set[str]]:
    """Acronym -> the keys of the names (``longs``: surface form, key) written right
    before it in parentheses in ``texts`` and abbreviated by it.

    The text before the parenthesis must end with the name, so only the names whose last
    word is that text's last word (or, for a one-word name, ends it) are tried."""
    by_last: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for surface, key in longs:
        by_last[surface.rsplit(" ", 1)[-1]].append((surface, key))
    found: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in re.finditer(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)", text):
            before = " ".join(text[max(0, m.start() - 120) : m.start()].split())
            last = before.rsplit(" ", 1)[-1]
            for end in range(len(last)):  # a one-word name may end the last word
                for surface, key in by_last.get(last[end:], ()):
                    if before.endswith(surface) and abbreviates(m.group(1), surface):
                        found[m.group(1)].add(key)
    return found


def canonical_form(surfaces: Counter[str], spread: dict[str, set[str]]) -> str:
    """The name an entity goes by. Badly formed forms (long all-capitals, stray "/" or
    "|": a photo credit) only when there is nothing else; then among the fullest forms
    (most words, particles not counted) the most frequent, then the one most articles
    use (``spread``: form -> articles), then the best written (particles attached:
    "al-Sudani" over "al Sudani"), then the plainer (shorter) spelling."""

    def size(form: str) -> int:
        words = re.split(r"[\s\-‐]+", form)
        return sum(1 for w in words if any(c.isalpha() for c in w) and w.lower() not in PARTICLES)

    def bad(form: str) -> bool:
        shouting = form.isupper() and len(form.replace(".", "").replace(" ", "")) > 6
        return shouting or bool(re.search(r"[/|@#]", form))

    def detached(form: str) -> int:
        return sum(1 for w in form.split()[1:] if w.lower() in PARTICLES)

    good = [f for f in surfaces if not bad(f)] or list(surfaces)
    full = max(size(f) for f in good)
    return min(
        (f for f in good if size(f) == full),
        key=lambda f: (-surfaces[f], -len(spread.get(f, ())), detached(f), len(f), f),
    )
