"""The join rules of alias resolution (:mod:`storyline.aliases`, whose docstring states
them): each takes the story's mention keys with their surface forms (and labels) and joins
keys in a union-find.

Each rule indexes the names it compares (by first word, by the place a name begins with,
by the word pieces a text writes, by the initials of two words in a row), so a story of
thousands of articles is not compared all with all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyline.model import Article
from storyline.names import (
    ORG_SUFFIXES,
    defined_acronyms,
    expansions,
    fold,
    initial_pairs,
    is_acronym,
    known_key,
    mention_key,
    name_key,
    name_words,
    word_key,
)

_PIECE = re.compile(r"\w+")
_JOINED = re.compile(r"[^\W\d_][-‐–][^\W\d_]")
# last words of names of an occasion, not of a body: "Conservative Party Conference" is
# not the party, "Guardian First Book Award" not the newspaper
OCCASIONS = frozenset(
    {"conference", "award", "awards", "prize", "cup", "festival", "championship", "trophy",
     "championships", "summit", "final", "games", "lecture", "debate", "rally", "election"}
)  # fmt: skip
# first words of a body's parts and products: "BBC Radio 4" is not the BBC
UNITS = frozenset(
    {"radio", "tv", "television", "pictures", "records", "music", "games", "entertainment",
     "news", "online", "desktop", "mobile", "studios", "publishing", "films", "sport",
     "sports", "library", "libraries", "foundation", "trust", "magazine"}
)  # fmt: skip
BODIES = frozenset(
    {"party", "union", "council", "association", "club", "committee", "federation",
     "league", "society", "government", "ministry", "office", "bank", "board", "institute"}
)  # fmt: skip


class Groups:
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


def join_same_surface(forms: dict[str, Counter[str]], groups: Groups) -> None:
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


def join_org_prefixes(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: Groups
) -> None:
    """A short organisation name joins the only longer one it begins ("Castmoor" ->
    "Castmoor Transit Group"), even one the model took for a person ("Lockheed" ->
    "Lockheed Martin"). A one-word name the model took for a person does the same
    when it is in no person's full name ("Cerberus" -> "Cerberus Capital Management");
    otherwise people are left to the surname rule. Not joined: a nationality word
    ("Ugandan" -> "Ugandan Media Council"), the parts of a joint name ("Gazprom",
    "Rosneft" -> "Gazprom-Rosneft"), a body and its occasion ("Conservative Party" ->
    "Conservative Party Conference"), a word and a person's name it only sounds like
    ("Guardian" -> "Gordon Brown")."""
    label_of = {k: _label(labels, k) for k in forms}
    longer = [
        k
        for k in forms
        if label_of[k] in {"ORG", "PERSON"}
        and " " in k
        and not _joint_name(forms[k].most_common(1)[0][0])
        and not k.startswith(("norp:", "known:"))
        and not {"and", "&"} & set(k.split())
    ]
    in_names = {w for k in longer if label_of[k] == "PERSON" for w in k.split()}
    by_first: dict[str, list[str]] = defaultdict(list)  # first word -> longer names
    for name in longer:
        by_first[name.partition(" ")[0]].append(name)
    for key in forms:
        if key.startswith(("norp:", "known:")) or _mostly_nationality(forms, key):
            continue  # "Ugandan" is how a text qualifies the "Ugandan Media Council"
        label = label_of[key]
        if label == "PERSON" and " " not in key and key not in in_names:
            short = name_key(forms[key].most_common(1)[0][0])
            owners = {
                groups.find(o)
                for o in by_first.get(short.partition(" ")[0], ())
                if label_of[o] == "ORG" and o.startswith(short + " ")
            }
        elif label == "ORG":
            heads = by_first.get(key.partition(" ")[0], [])
            if " " not in key:  # a person-typed name is begun by the word's skeleton
                heads = heads + by_first.get(word_key(key, True), [])
            owners = {
                groups.find(o)
                for o in heads
                if (
                    o.startswith(key + " ") and not _occasion_of(key, o)
                    if label_of[o] == "ORG"
                    else _first_word(o, key, forms[key].most_common(1)[0][0], forms[o])
                )
            }
        else:
            continue
        if len(owners) == 1:
            groups.join(next(iter(owners)), key)


def _mostly_nationality(forms: dict[str, Counter[str]], key: str) -> bool:
    """Whether a word is written as a nationality at least as often as a name ("Ugandan"
    once as each; not "Verizon", once taken for one among eleven)."""
    return sum(forms.get(f"norp:{key}", Counter()).values()) >= sum(forms[key].values())


def _joint_name(surface: str) -> bool:
    """Whether a name is one word of two joined by a hyphen ("Gazprom-Rosneft"): two
    bodies together, whose parts are not it (a person's double name has a space too)."""
    return " " not in surface and bool(_JOINED.search(surface))


def _occasion_of(short: str, longer: str) -> bool:
    """Whether ``longer`` names an occasion or a part of the body ``short`` rather than
    the body: "Conservative Party Conference" (a body's word before the occasion),
    "Guardian First Book Award 2004" (more words between), "BBC Radio 4" (a unit word
    next); "Booker Prize" and "European Indoor Championships" are the short names' own."""
    rest = [w for w in longer[len(short) :].split() if not w.isdigit()]
    if rest and (rest[0] in UNITS or rest[0] + "s" in UNITS):  # keys lose a plural "s"
        return True  # "BBC Radio 4", "Sony Pictures Entertainment": a part, not the body
    if not rest or rest[-1] not in OCCASIONS:
        return False
    return len(rest) > 1 or short.split()[-1] in BODIES


def _first_word(person_key: str, key: str, short: str, surfaces: Counter[str]) -> bool:
    """Whether the one-word ``key`` (written ``short``) is the first word of a
    person-typed key as written ("Lockheed" of "Lockheed Martin"), not merely its
    consonants ("Guardian" is not "Gordon" Brown)."""
    if " " in key or person_key.split()[0] != word_key(key, True):
        return False
    first = name_words(surfaces.most_common(1)[0][0])[:1]
    return first == name_words(short)[:1]


def _label(labels: dict[str, Counter[str]], key: str) -> str:
    return labels[key].most_common(1)[0][0]


def join_place_names(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: Groups
) -> None:
    """A body's name joins the only longer one that is a place of the story followed by
    it ("Senate" -> "United States Senate", "Air Force" -> "U.S. Air Force")."""
    places = {k.removeprefix("norp:").removeprefix("known:") for k in forms if _is_place(labels, k)}
    bodies = [k for k in forms if _label(labels, k) == "ORG" and not k.startswith("known:")]
    after_place: dict[str, list[str]] = defaultdict(list)  # "senate" -> ["united states senate"]
    for body in bodies:
        words = body.split(" ")
        for cut in range(1, len(words)):
            if " ".join(words[:cut]) in places:
                after_place[" ".join(words[cut:])].append(body)
    for key in bodies:
        owners = {groups.find(o) for o in after_place.get(key, ())}
        if len(owners) == 1:
            groups.join(next(iter(owners)), key)


def _is_place(labels: dict[str, Counter[str]], key: str) -> bool:
    return key.startswith("norp:") or _label(labels, key) in {"GPE", "LOC"}


def add_unmarked_forms(
    articles: list[Article],
    forms: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    sources: dict[str, set[str]],
) -> None:
    """A multi-word name the model tagged somewhere also stands wherever it is written in
    the story's texts and titles, with either apostrophe or without its legal suffix
    ("Coastal Dockers' Union" / "Coastal Dockers’ Union", "Castmoor Transit").

    A name's word pieces are whole runs of word characters wherever it is written, so
    only the articles that write every piece are searched (a story of thousands of
    articles is not read once per name)."""
    writes: dict[str, set[int]] = defaultdict(set)  # word piece -> articles writing it
    for i, art in enumerate(articles):
        for piece in _PIECE.findall(f"{art.text}\n{art.title or ''}"):
            writes[piece].add(i)
    everyone = set(range(len(articles)))
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
            pieces = sorted(
                {p for w in words for p in _PIECE.findall(w)}, key=lambda p: len(writes[p])
            )
            readers = set(everyone) if not pieces else set(writes[pieces[0]])
            for piece in pieces[1:]:
                readers &= writes[piece]
            for i in sorted(readers):
                art = articles[i]
                for text in (art.text, art.title or ""):
                    for hit in pat.finditer(text):
                        found = " ".join(hit.group(0).split())
                        if found not in forms[key]:
                            forms[key][found] += 0
                        if text is art.text:
                            sources[key].add(art.id)


def join_known(forms: dict[str, Counter[str]], groups: Groups) -> None:
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


def _first_prefix(key: str, order: dict[str, int]) -> str | None:
    """Of the keys in ``order`` that ``key`` starts with, followed by a space, the first in
    that order (the words before each space of ``key`` are looked up)."""
    heads = (key[:i] for i, c in enumerate(key) if c == " ")
    return min((h for h in heads if h in order), key=order.__getitem__, default=None)


def join_acronyms(forms: dict[str, Counter[str]], texts: list[str], groups: Groups) -> None:
    """An all-capitals short name joins the name it is defined for in parentheses
    ("Singapore Airlines (SIA)"), else the entity its initials' expansion in the texts
    names or starts with."""
    long_keys = {k: k for k in forms if " " in k and not k.startswith("norp:")}
    order = {k: i for i, k in enumerate(long_keys)}
    longs = [
        (surface, key)
        for key, surfaces in forms.items()
        if not key.startswith("norp:")
        for surface in surfaces
        if " " in surface
    ]
    defined = defined_acronyms(longs, texts)
    pairs: list[set[str]] = []  # each text's initial pairs, read at the first need
    for key, surfaces in list(forms.items()):
        surface = surfaces.most_common(1)[0][0]
        if key.startswith("known:") or not is_acronym(surface):
            continue
        if defined.get(surface):
            for target in sorted(defined[surface]):
                groups.join(target, key)
            continue
        if spelled := _spelled_by_words(surface, longs):
            groups.join(spelled, key)  # "UKIP": "UK Independence Party"
            continue
        pairs = pairs or [initial_pairs(t) for t in texts]
        for phrase, _ in expansions(surface, texts, pairs).most_common():
            pkey = mention_key(phrase, "")
            target = long_keys.get(pkey) or _first_prefix(pkey, order)
            if target is None:
                known = known_key(phrase)
                target = f"known:{known}" if known and f"known:{known}" in forms else None
            if target is not None:
                groups.join(target, key)
                forms[target][phrase] += 0
                break


def _spelled_by_words(acronym: str, longs: list[tuple[str, str]]) -> str | None:
    """The key of the one name whose short capitalised words, kept whole, and the initials
    of its other words spell ``acronym``: "UK Independence Party" -> "UKIP". Only names
    with such a word are tried (the others are the initials :func:`expansions` reads)."""
    letters = acronym.replace(".", "")
    found = set()
    for surface, key in longs:
        words = surface.split()
        if not any(w.isupper() and 2 <= len(w) <= 3 for w in words):
            continue
        spelt = "".join(w if w.isupper() and len(w) <= 3 else w[:1] for w in words)
        if spelt == letters:
            found.add(key)
    return found.pop() if len(found) == 1 else None


def join_of_phrases(forms: dict[str, Counter[str]], groups: Groups) -> None:
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


def join_surnames(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], groups: Groups
) -> None:
    """A one-word name joins the only person whose full name ends with it; a name never
    tagged a person must be spelt as the surname is, not merely share its consonants (the
    pollster "Mori" is not "Andrew Marr")."""
    people: dict[str, set[str]] = defaultdict(set)  # last word key -> person groups
    spelt: dict[str, set[str]] = defaultdict(set)  # person key -> last words as written
    endings: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # person key -> last 2 words
    for key, surfaces in forms.items():
        if labels[key].most_common(1)[0][0] != "PERSON":
            continue
        surface = surfaces.most_common(1)[0][0]
        words = name_words(surface)
        if len(words) >= 2 and not _joint_name(surface):
            people[word_key(words[-1], True)].add(groups.find(key))
            spelt[groups.find(key)].add(word_key(words[-1], False))
            endings[groups.find(key)].add(tuple(words[-2:]))
    # one-word forms the model tagged as a person somewhere in the story
    personal = {
        word_key(w[0], True)
        for k, s in forms.items()
        if labels[k]["PERSON"] and len(w := name_words(s.most_common(1)[0][0])) == 1
    }
    for key, surfaces in forms.items():
        if key.startswith(("norp:", "known:")):
            continue
        surface = surfaces.most_common(1)[0][0]
        words = name_words(surface)
        # a double-barrelled surname written alone ("Kilroy-Silk") is one word as written
        barrelled = len(words) == 2 and len(surface.split()) == 1
        if len(words) != 1 and not barrelled:
            continue
        word = word_key(words[-1], True)
        if labels[key]["PERSON"] == 0 and labels[key]["ORG"] == 0 and word not in personal:
            continue  # "Jordan" the country is no surname unless tagged a person too
        owners = people.get(word, set())
        if barrelled:  # "Robert Kilroy-Silk" ends with both words, "Jane Silk" does not
            owners = {o for o in owners if tuple(words) in endings[groups.find(o)]}
        if len({groups.find(o) for o in owners}) == 1:
            owner = next(iter(owners))
            written = name_words(" ".join(surfaces))
            if labels[key]["PERSON"] or any(word_key(w, False) in spelt[owner] for w in written):
                groups.join(owner, key)  # a firm "Mori" is not "Andrew Marr" by its consonants
