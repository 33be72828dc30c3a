"""Entities of a story: mentions grouped across articles under one canonical name.

Mentions meet when their *keys* meet (:func:`storyline.names.mention_key`). A key is built
from the cleaned name (no "the", possessive or title): lowercase, diacritics and
punctuation dropped, a run of initials one word ("U.S." -> "us"), the Arabic article
particles "al"/"el" removed, doubled letters collapsed, a final "h" after a vowel
dropped, and, for people, each word reduced to its first letter plus its consonants
("Mohamed"/"Mohammed" -> "mhmd", "Thabet"/"Thabit" -> "thbt", "Haniye"/"Haniyeh"); a
word of three consonants or fewer keeps its first vowel after the first letter, since
short names share their consonants too often ("Pires" -> "prsi", "Persie" -> "prse"). For
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
  full name does the same ("Cerberus" -> "Cerberus Capital Management"); not a
  nationality word ("Ugandan Media Council"), the parts of a joint name
  ("Gazprom-Rosneft"), a body and its occasion ("Conservative Party Conference"), or a
  word that only shares a person's consonants ("Guardian", "Gordon Brown");
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

from collections import Counter, defaultdict

from storyline.alias_joins import (
    Groups,
    add_unmarked_forms,
    join_acronyms,
    join_known,
    join_of_phrases,
    join_org_prefixes,
    join_place_names,
    join_same_surface,
    join_surnames,
)
from storyline.entities import clean_name
from storyline.model import Article, Entity
from storyline.names import (
    KNOWN,
    canonical_form,
    fold,
    mention_key,
    name_key,
    name_words,
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
    groups = Groups()
    for key in forms:
        groups.find(key)
    join_known(forms, groups)
    join_acronyms(forms, [a.text for a in articles], groups)
    join_of_phrases(forms, groups)
    join_same_surface(forms, groups)
    join_org_prefixes(forms, labels, groups)
    join_place_names(forms, labels, groups)
    join_surnames(forms, labels, groups)
    add_unmarked_forms(articles, forms, labels, sources)
    entities, index = _build(forms, labels, sources, groups, spread)
    return entities, [[None if k is None else index[groups.find(k)] for k in ks] for ks in keys]


def _build(
    forms: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    sources: dict[str, set[str]],
    groups: Groups,
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
