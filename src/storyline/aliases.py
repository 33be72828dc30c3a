"""Entities of a story: mentions grouped across articles under one canonical name.

Mentions meet when their *keys* meet. A key is built from the cleaned name (no "the",
possessive or title): lowercase, diacritics and punctuation dropped, the Arabic article
particles "al"/"el" removed, doubled letters collapsed, a final "h" after a vowel
dropped, and, for people, each word reduced to its first letter plus its consonants
("Mohamed"/"Mohammed" -> "mhmd", "Thabet"/"Thabit" -> "thbt", "Haniye"/"Haniyeh").
Further joins:

* a one-word name (or particle + word: "Al Sudani") joins a person's full name when
  exactly one full name in the story ends with that word; when two different people
  share it ("Ali Khamenei", "Hassan Khamenei") it stays an entity of its own;
* an acronym joins a longer name when the story supports it: defined in parentheses
  ("Islamic State (IS)"), or the initials of a phrase found in the story's text
  ("Islamic State of Iraq and Syria" -> "ISIS"), the phrase joining an entity it starts
  with ("Islamic State");
* a small table of well-known equivalences (``KNOWN``) that no text defines: the usual
  short forms of the United States, the United Kingdom, the United Nations, the
  European Union and the Islamic State.

Nationality adjectives (NORP) are kept apart from countries: "American" is how a text
qualifies something, not a mention of the United States as an actor.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from storyline.entities import clean_name
from storyline.model import Article, Entity

PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az"})
KNOWN = {
    "united states": ["us", "u.s.", "usa", "u.s.a.", "america", "united states of america"],
    "united kingdom": ["uk", "u.k.", "britain", "great britain"],
    "united nations": ["un", "u.n."],
    "european union": ["eu", "e.u."],
    "islamic state": ["is", "isis", "isil", "daesh", "islamic state of iraq and syria"],
}
# legal and corporate suffixes: "Brightwater Energy Ltd" is "Brightwater Energy"
ORG_SUFFIXES = frozenset(
    {"ltd", "inc", "plc", "llc", "group", "corp", "corporation", "co", "sa", "ag", "gmbh"}
)
FUNCTION_WORDS = r"(?:of|and|the|for|on|in|de|la|du|del)"


def fold(text: str) -> str:
    """Lowercase ASCII letters/digits/spaces of ``text``: diacritics and punctuation gone."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", norm).split())


def _word_key(word: str, skeleton: bool) -> str:
    word = re.sub(r"(.)\1+", r"\1", word)
    word = re.sub(r"([aeiou])h$", r"\1", word)
    if skeleton and len(word) > 2:
        word = word[0] + re.sub(r"[aeiou]", "", word[1:])
    return word


def name_words(name: str) -> list[str]:
    """Folded words of a name without particles ("Al Sudani" -> ["sudani"])."""
    words = fold(clean_name(name)).split()
    kept = [w for w in words if w not in PARTICLES]
    return kept or words


def name_key(name: str, label: str = "") -> str:
    """The matching key of a name (see the module docstring); people get the skeleton."""
    return " ".join(_word_key(w, label == "PERSON") for w in name_words(name))


def _known_key(name: str) -> str | None:
    low = " ".join(clean_name(name).lower().split())
    for canon, forms in KNOWN.items():
        if low == canon or low in forms or fold(low) in {fold(f) for f in forms}:
            return canon
    return None


class _Groups:
    """Union-find over mention keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _acronym_pattern(acro: str) -> re.Pattern[str]:
    letters = [c for c in acro if c.isalpha()]
    parts = [rf"{c}[\w'’-]*" for c in letters]
    sep = rf"(?:\s+{FUNCTION_WORDS}\s+|\s+)"
    return re.compile(r"\b" + sep.join(parts) + r"\b")


def _expansions(acro: str, texts: list[str]) -> Counter[str]:
    """Phrases in ``texts`` whose capitalised words' initials spell ``acro``."""
    found: Counter[str] = Counter()
    pat = _acronym_pattern(acro)
    for text in texts:
        for m in pat.finditer(text):
            found[" ".join(m.group(0).split())] += 1
    return found


def resolve_entities(articles: list[Article]) -> list[Entity]:
    """The story's entities, each with canonical name, type, aliases and sources."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)  # key -> surface forms
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        for m in art.analysis.mentions:
            surface = " ".join(clean_name(m.text).split())
            if not surface:
                continue
            key = _key_of(surface, m.label)
            forms[key][surface] += 1
            labels[key][m.label] += 1
            sources[key].add(art.id)
    groups = _Groups()
    for key in forms:
        groups.find(key)
    _join_known(forms, groups)
    _join_acronyms(forms, [a.text for a in articles], groups)
    _join_of_phrases(forms, groups)
    _join_same_surface(forms, groups)
    _join_org_prefixes(forms, labels, groups)
    _join_surnames(forms, labels, groups)
    _add_unmarked_forms(articles, forms, labels, sources)
    return _build(forms, labels, sources, groups)


def _join_same_surface(forms: dict[str, Counter[str]], groups: _Groups) -> None:
    """The same written name under two labels (a person's and an organisation's key)
    is one entity; nationality adjectives stay apart."""
    by_text: dict[str, str] = {}
    for key, surfaces in forms.items():
        if key.startswith("norp:"):
            continue
        for surface in surfaces:
            text = fold(surface)
            if text in by_text:
                groups.join(by_text[text], key)
            else:
                by_text[text] = key


def _join_org_prefixes(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: _Groups
) -> None:
    """A short organisation name joins the only longer one it begins ("Castmoor" ->
    "Castmoor Transit Group"); people are left to the surname rule."""
    orgs = [
        k
        for k in forms
        if labels[k].most_common(1)[0][0] == "ORG"
        and " " in k
        and not {"and", "&"} & set(k.split())
    ]
    for key in forms:
        if key.startswith(("norp:", "known:")) or labels[key].most_common(1)[0][0] != "ORG":
            continue
        owners = {groups.find(o) for o in orgs if o.startswith(key + " ")}
        if len(owners) == 1:
            groups.join(next(iter(owners)), key)


def _add_unmarked_forms(
    articles: list[Article],
    forms: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    sources: dict[str, set[str]],
) -> None:
    """A multi-word name the model tagged somewhere also stands wherever it is written in
    the story's texts and titles, with either apostrophe or without its legal suffix
    ("Coastal Dockers' Union" / "Coastal Dockers’ Union", "Castmoor Transit")."""
    for key in list(forms):
        if key.startswith("norp:") or labels[key].most_common(1)[0][0] == "PERSON":
            continue
        for surface in list(forms[key]):
            words = surface.split()
            while len(words) > 2 and fold(words[-1]) in ORG_SUFFIXES:
                words = words[:-1]
            if len(words) < 2:
                continue
            parts = ["".join("['’]" if c in "'’" else re.escape(c) for c in w) for w in words]
            pat = re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])")
            for art in articles:
                for text in (art.text, art.title or ""):
                    for hit in pat.finditer(text):
                        found = " ".join(hit.group(0).split())
                        if found not in forms[key]:
                            forms[key][found] += 0
                        if text is art.text:
                            sources[key].add(art.id)


def _key_of(surface: str, label: str) -> str:
    prefix = "norp:" if label == "NORP" else ""
    known = _known_key(surface)
    if known is not None and label != "NORP":
        return f"known:{known}"
    key = name_key(surface, "PERSON" if label == "PERSON" else "")
    if label != "PERSON":
        words = key.split()
        while len(words) > 1 and words[-1] in ORG_SUFFIXES:
            words = words[:-1]
        key = " ".join(words)
    return prefix + key


def _join_known(forms: dict[str, Counter[str]], groups: _Groups) -> None:
    """Keys of the same name under the person skeleton and the plain key meet."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key, surfaces in forms.items():
        if key.startswith(("norp:", "known:")):
            continue
        surface = surfaces.most_common(1)[0][0]
        if len(name_words(surface)) >= 2:
            by_skeleton[name_key(surface, "PERSON")].append(key)
    for keys in by_skeleton.values():
        for other in keys[1:]:
            groups.join(keys[0], other)


def _join_acronyms(forms: dict[str, Counter[str]], texts: list[str], groups: _Groups) -> None:
    """An all-capitals short name joins the entity its expansion names or starts with."""
    long_keys = {k: k for k in forms if " " in k and not k.startswith("norp:")}
    for key, surfaces in list(forms.items()):
        surface = surfaces.most_common(1)[0][0]
        letters = surface.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
            continue
        if key.startswith("known:"):
            continue
        for phrase, _ in _expansions(surface, texts).most_common():
            pkey = name_key(phrase)
            target = long_keys.get(pkey) or next(
                (k for k in long_keys if pkey.startswith(k + " ")), None
            )
            if target is None:
                known = _known_key(phrase)
                target = f"known:{known}" if known and f"known:{known}" in forms else None
            if target is not None:
                groups.join(target, key)
                forms[target][phrase] += 0
                break


def _join_of_phrases(forms: dict[str, Counter[str]], groups: _Groups) -> None:
    """ "Islamic State of Iraq" joins "Islamic State": a name of two or more words
    followed by an "of" phrase is the same body, qualified."""
    plain = {k for k in forms if not k.startswith("norp:")}
    by_text = {fold(forms[k].most_common(1)[0][0]): k for k in plain}
    for key in plain:
        text = fold(forms[key].most_common(1)[0][0])
        head, sep, _ = text.partition(" of ")
        if sep and len(head.split()) >= 2 and head in by_text:
            groups.join(by_text[head], key)
        known = _known_key(head) if sep and len(head.split()) >= 2 else None
        if known is not None and f"known:{known}" in forms:
            groups.join(f"known:{known}", key)


def _join_surnames(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: _Groups
) -> None:
    """A one-word name joins the only person whose full name ends with it."""
    people: dict[str, set[str]] = defaultdict(set)  # last word key -> person groups
    for key, surfaces in forms.items():
        if labels[key].most_common(1)[0][0] != "PERSON":
            continue
        words = name_words(surfaces.most_common(1)[0][0])
        if len(words) >= 2:
            people[_word_key(words[-1], True)].add(groups.find(key))
    # one-word forms the model tagged as a person somewhere in the story
    personal = {
        _word_key(w[0], True)
        for k, s in forms.items()
        if labels[k]["PERSON"] and len(w := name_words(s.most_common(1)[0][0])) == 1
    }
    for key, surfaces in forms.items():
        if key.startswith(("norp:", "known:")):
            continue
        words = name_words(surfaces.most_common(1)[0][0])
        if len(words) != 1:
            continue
        word = _word_key(words[0], True)
        if labels[key]["PERSON"] == 0 and labels[key]["ORG"] == 0 and word not in personal:
            continue  # "Jordan" the country is no surname unless tagged a person too
        owners = people.get(word, set())
        if len({groups.find(o) for o in owners}) == 1:
            groups.join(next(iter(owners)), key)


def _build(
    forms: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    sources: dict[str, set[str]],
    groups: _Groups,
) -> list[Entity]:
    members: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        members[groups.find(key)].append(key)
    out: list[Entity] = []
    for keys in members.values():
        surfaces: Counter[str] = Counter()
        label_count: Counter[str] = Counter()
        srcs: set[str] = set()
        for k in keys:
            surfaces.update(forms[k])
            for s in forms[k]:
                surfaces[s] += 0
            label_count.update(labels[k])
            srcs |= sources[k]
        # most complete (most words), then most frequent, then longest
        name = max(surfaces, key=lambda s: (len(s.split()), surfaces[s], len(s)))
        known = next((k[6:] for k in keys if k.startswith("known:")), None)
        if known is not None:
            name = next((s for s in surfaces if s.lower() == known), name)
        out.append(
            Entity(
                name=name,
                type=label_count.most_common(1)[0][0],
                aliases=sorted(surfaces),
                sources=sorted(srcs),
            )
        )
    out.sort(key=lambda e: (-len(e.sources), e.name))
    return out


def canonical_lookup(entities: list[Entity]) -> dict[str, str]:
    """Map from every alias key (and known-name key) to its entity's canonical name."""
    table: dict[str, str] = {}
    for ent in entities:
        for alias in ent.aliases:
            table.setdefault(_key_of(alias, ent.type), ent.name)
            table.setdefault(name_key(alias), ent.name)
    return table


def canonical(name: str, table: dict[str, str]) -> str:
    """The canonical form of ``name`` via ``table`` (``name`` itself when unknown)."""
    for key in (_key_of(name, "PERSON"), _key_of(name, ""), name_key(name)):
        if key in table:
            return table[key]
    return name
