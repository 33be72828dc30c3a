"""Entities of a story: mentions grouped across articles under one canonical name.

Mentions meet when their *keys* meet (:func:`storyline.names.mention_key`). A key is built
from the cleaned name (no "the", possessive or title): lowercase, diacritics and
punctuation dropped, a run of initials one word ("U.S." -> "us"), the Arabic article
particles "al"/"el" removed, doubled letters collapsed, a final "h" after a vowel
dropped, and, for people, each word reduced to its first letter plus its consonants
("Mohamed"/"Mohammed" -> "mhmd", "Thabet"/"Thabit" -> "thbt", "Haniye"/"Haniyeh"). For
other multi-word names, legal suffixes go ("Ltd", "Co", "N.V."), a leading short form of
a country is spelled out ("U.S. Senate" = "United States Senate") and a final plural
"s" goes ("Ford Motors" = "Ford Motor"). Further joins:

* a one-word name (or particle + word: "Al Sudani") joins a person's full name when
  exactly one full name in the story ends with that word; when two different people
  share it ("Ali Khamenei", "Hassan Khamenei") it stays an entity of its own;
* an acronym joins a longer name when the story supports it: defined in parentheses
  right after it, its letters in order in the name ("Singapore Airlines (SIA)"), or the
  initials of a phrase found in the story's text ("Islamic State of Iraq and Syria" ->
  "ISIS"), the phrase joining an entity it starts with ("Islamic State");
* a short organisation name joins the only longer one it begins ("Lockheed" ->
  "Lockheed Martin", even typed a person); a one-word "person" that is in no person's
  full name does the same ("Cerberus" -> "Cerberus Capital Management");
* a body's name joins the only longer one that is a place of the story followed by it
  ("Senate" -> "United States Senate"; "Army" stays alone beside two armies);
* a small table of well-known equivalences (``KNOWN``) that no text defines: the usual
  short forms of the United States, the United Kingdom, the United Nations, the
  European Union and the Islamic State.

The canonical name (:func:`storyline.names.canonical_form`) is the most frequent of the
fullest forms, then the one most articles use, then the best written ("al-Sudani" over
"al Sudani"), then the plainer spelling; never a photo credit in capitals.

Nationality adjectives (NORP) are kept apart from countries: "American" is how a text
qualifies something, not a mention of the United States as an actor.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyline.entities import clean_name
from storyline.model import Article, Entity
from storyline.names import (
    KNOWN,
    ORG_SUFFIXES,
    canonical_form,
    defined_acronyms,
    expansions,
    fold,
    is_acronym,
    known_key,
    mention_key,
    name_key,
    name_words,
    word_key,
)

__all__ = [
    "KNOWN",
    "canonical",
    "canonical_form",
    "canonical_lookup",
    "fold",
    "name_key",
    "name_words",
    "resolve_entities",
    "resolve_mentions",
]


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


def resolve_entities(articles: list[Article]) -> list[Entity]:
    """The story's entities, each with canonical name, type, aliases and sources."""
    return resolve_mentions(articles)[0]


def resolve_mentions(articles: list[Article]) -> tuple[list[Entity], list[list[int | None]]]:
    """The story's entities, and for each article, for each of its mentions (in order),
    the index of the entity it names (None when nothing of the name is left once cleaned)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)  # key -> surface forms
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    spread: dict[str, set[str]] = defaultdict(set)  # surface form -> articles using it
    keys: list[list[str | None]] = []
    for art in articles:
        keys.append([])
        for m in art.analysis.mentions:
            surface = " ".join(clean_name(m.text, m.label).split())
            if not surface:
                keys[-1].append(None)
                continue
            key = mention_key(surface, m.label)
            keys[-1].append(key)
            forms[key][surface] += 1
            labels[key][m.label] += 1
            sources[key].add(art.id)
            spread[surface].add(art.id)
    groups = _Groups()
    for key in forms:
        groups.find(key)
    _join_known(forms, groups)
    _join_acronyms(forms, [a.text for a in articles], groups)
    _join_of_phrases(forms, groups)
    _join_same_surface(forms, groups)
    _join_org_prefixes(forms, labels, groups)
    _join_place_names(forms, labels, groups)
    _join_surnames(forms, labels, groups)
    _add_unmarked_forms(articles, forms, labels, sources)
    entities, index = _build(forms, labels, sources, groups, spread)
    return entities, [[None if k is None else index[groups.find(k)] for k in ks] for ks in keys]


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
    "Castmoor Transit Group"), even one the model took for a person ("Lockheed" ->
    "Lockheed Martin"). A one-word name the model took for a person does the same
    when it is in no person's full name ("Cerberus" -> "Cerberus Capital Management");
    otherwise people are left to the surname rule."""
    longer = [
        k
        for k in forms
        if _label(labels, k) in {"ORG", "PERSON"}
        and " " in k
        and not k.startswith(("norp:", "known:"))
        and not {"and", "&"} & set(k.split())
    ]
    in_names = {w for k in longer if _label(labels, k) == "PERSON" for w in k.split()}
    for key in forms:
        if key.startswith(("norp:", "known:")):
            continue
        label = _label(labels, key)
        if label == "PERSON" and " " not in key and key not in in_names:
            short = name_key(forms[key].most_common(1)[0][0])
            owners = {
                groups.find(o)
                for o in longer
                if _label(labels, o) == "ORG" and o.startswith(short + " ")
            }
        elif label == "ORG":
            owners = {
                groups.find(o)
                for o in longer
                if (o.startswith(key + " ") if _label(labels, o) == "ORG" else _first_word(o, key))
            }
        else:
            continue
        if len(owners) == 1:
            groups.join(next(iter(owners)), key)


def _first_word(person_key: str, key: str) -> bool:
    """Whether the one-word ``key`` spells the first word of a person-typed key."""
    return " " not in key and person_key.split()[0] == word_key(key, True)


def _label(labels: dict[str, Counter[str]], key: str) -> str:
    return labels[key].most_common(1)[0][0]


def _join_place_names(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: _Groups
) -> None:
    """A body's name joins the only longer one that is a place of the story followed by
    it ("Senate" -> "United States Senate", "Air Force" -> "U.S. Air Force")."""
    places = {k.removeprefix("norp:").removeprefix("known:") for k in forms if _is_place(labels, k)}
    bodies = [k for k in forms if _label(labels, k) == "ORG" and not k.startswith("known:")]
    for key in bodies:
        owners = {
            groups.find(o) for o in bodies if o.endswith(" " + key) and o[: -len(key) - 1] in places
        }
        if len(owners) == 1:
            groups.join(next(iter(owners)), key)


def _is_place(labels: dict[str, Counter[str]], key: str) -> bool:
    return key.startswith("norp:") or _label(labels, key) in {"GPE", "LOC"}


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
    """An all-capitals short name joins the name it is defined for in parentheses
    ("Singapore Airlines (SIA)"), else the entity its initials' expansion in the texts
    names or starts with."""
    long_keys = {k: k for k in forms if " " in k and not k.startswith("norp:")}
    longs = [
        (surface, key)
        for key, surfaces in forms.items()
        if not key.startswith("norp:")
        for surface in surfaces
        if " " in surface
    ]
    defined = defined_acronyms(longs, texts)
    for key, surfaces in list(forms.items()):
        surface = surfaces.most_common(1)[0][0]
        if key.startswith("known:") or not is_acronym(surface):
            continue
        if defined.get(surface):
            for target in sorted(defined[surface]):
                groups.join(target, key)
            continue
        for phrase, _ in expansions(surface, texts).most_common():
            pkey = mention_key(phrase, "")
            target = long_keys.get(pkey) or next(
                (k for k in long_keys if pkey.startswith(k + " ")), None
            )
            if target is None:
                known = known_key(phrase)
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
        known = known_key(head) if sep and len(head.split()) >= 2 else None
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
            people[word_key(words[-1], True)].add(groups.find(key))
    # one-word forms the model tagged as a person somewhere in the story
    personal = {
        word_key(w[0], True)
        for k, s in forms.items()
        if labels[k]["PERSON"] and len(w := name_words(s.most_common(1)[0][0])) == 1
    }
    for key, surfaces in forms.items():
        if key.startswith(("norp:", "known:")):
            continue
        words = name_words(surfaces.most_common(1)[0][0])
        if len(words) != 1:
            continue
        word = word_key(words[0], True)
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
    spread: dict[str, set[str]],
) -> tuple[list[Entity], dict[str, int]]:
    """The entities, and the position in that list of each group (by its root key)."""
    members: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        members[groups.find(key)].append(key)
    out: list[tuple[str, Entity]] = []
    for root, keys in members.items():
        surfaces: Counter[str] = Counter()
        label_count: Counter[str] = Counter()
        srcs: set[str] = set()
        for k in keys:
            surfaces.update(forms[k])
            for s in forms[k]:
                surfaces[s] += 0
            label_count.update(labels[k])
            srcs |= sources[k]
        name = canonical_form(surfaces, spread)
        known = next((k[6:] for k in keys if k.startswith("known:")), None)
        if known is not None:
            name = next((s for s in surfaces if s.lower() == known), name)
        entity = Entity(
            name=name,
            type=label_count.most_common(1)[0][0],
            aliases=sorted(surfaces),
            sources=sorted(srcs),
        )
        out.append((root, entity))
    out.sort(key=lambda pair: (-len(pair[1].sources), pair[1].name))
    return [e for _, e in out], {root: i for i, (root, _) in enumerate(out)}


def canonical_lookup(entities: list[Entity]) -> dict[str, str]:
    """Map from every alias key (and known-name key) to its entity's canonical name."""
    table: dict[str, str] = {}
    for ent in entities:
        for alias in ent.aliases:
            table.setdefault(mention_key(alias, ent.type), ent.name)
            table.setdefault(name_key(alias), ent.name)
    return table


def canonical(name: str, table: dict[str, str]) -> str:
    """The canonical form of ``name`` via ``table`` (``name`` itself when unknown)."""
    for key in (mention_key(name, "PERSON"), mention_key(name, ""), name_key(name)):
        if key in table:
            return table[key]
    return name
