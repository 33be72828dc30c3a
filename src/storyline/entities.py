"""Named-entity mentions from a spaCy ``Doc``, with fixes where the small model is weak.

The fixes: a leading "the", a possessive "'s"/"’s", leading titles ("Prime Minister",
"Defense Minister", "President") and trailing punctuation are trimmed off the span (for
a name not tagged as a person, a title is only dropped when a person's name follows it,
so "General Motors" and "Defense Ministry" stay whole); an adjective-like NORP directly
followed by a proper noun or an ORG ("Islamic" + "State") becomes one ORG mention,
unless that name also stands alone in the text ("the Japanese Toyota ... Toyota"); an
acronym given in parentheses after a name ("Islamic State (IS)", "Israeli Air Force
(IAF)") is a mention of the same kind, as are its later uses; a multi-word name tagged
once is a mention wherever else it occurs verbatim. Person names the model mistypes
become PERSON mentions: a name of two to four capitalised words right after a personal
title ("Defense Secretary Lloyd Austin" tagged ORG) or after "<title> of <portfolio>"
("Secretary of Defense Lloyd Austin", tagged "Defense Lloyd Austin" ORG), and the surname
of the one person of the text with it, used as a subject or after "Mr"/"Ms" ("Okafor said",
tagged GPE). A portfolio a title follows is no body ("Iraqi Defense" Minister).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

from storyline.entity_words import (
    OCCUPATIONS,
    ORG_WORDS,
    PERSONAL_TITLES,
    PORTFOLIO_TITLES,
    PORTFOLIOS,
    TITLE_WORDS,
)
from storyline.model import Mention

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})

# Lowercase name particles ("al-Sudani", "bin Salman", "van Gogh").
PARTICLE = re.compile(
    r"^(?:al|el|ad|as|ash|at|az|ar|bin|ibn|bint|abu|de|da|di|du|van|von|der|den|le|la)(?:[-’']|$)"
)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
EDGE_PUNCT = " \t\n\"'“”‘’,;:!?()[]{}-–—/"
INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "U.S.", "U.K.": the final dot belongs
ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9.&-]{1,7})\s*\)")


def clean_name(text: str, label: str = "") -> str:
    """A name as a reader would write it: whitespace collapsed, edge punctuation,
    leading "the", possessive and leading title words removed ("" if nothing is left).

    Titles go from a ``label`` "PERSON" name; from any other, only when the title run
    ends with a personal title and a person's name follows ("Prime Minister Ali Baraka"
    -> "Ali Baraka", but "General Motors", "Defense Ministry" stay). A title followed by
    "of" goes with it ("Prime Minister of Iraq" -> "Iraq").
    """
    name = _strip_edges(" ".join(text.split()))
    name = _strip_edges(POSSESSIVE.sub("", name))
    words = name.split(" ")
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    occupation = len(words) > 1 and words[0].lower() in OCCUPATIONS and words[1] != "of"
    if occupation and (label == "PERSON" or person_like(words[1:])):
        words = words[1:]  # "Rapper Kel Varo"; not "Director of Public Prosecutions"
    run = 0
    while run < len(words) - 1 and words[run].lower().strip(".") in TITLE_WORDS:
        run += 1
    rest = words[run:]
    if run and (
        label == "PERSON"
        or rest[0].lower() == "of"
        or (words[run - 1].lower().strip(".") in PERSONAL_TITLES and person_like(rest))
    ):
        words = rest
    if words and words[0].lower() == "of":
        words = words[1:]
    return _strip_edges(" ".join(words))


def person_like(words: list[str]) -> bool:
    """Two to four capitalised words (name particles allowed), not ending like a body's
    name ("Lloyd Austin", "Mohammed Shia al-Sudani"; not "Motors Corporation")."""
    if not 2 <= len(words) <= 4 or words[-1].lower().strip(".") in ORG_WORDS:
        return False
    for word in words:
        rest = PARTICLE.sub("", word) if word[:1].islower() else word
        if not (rest == "" or rest[:1].isupper()):
            return False
    last = words[-1]
    return (PARTICLE.sub("", last) if last[:1].islower() else last)[:1].isupper()


def _strip_edges(name: str) -> str:
    """``name`` without edge punctuation; a final dot stays on initialisms ("U.S.")."""
    name = name.strip(EDGE_PUNCT)
    while name.endswith(".") and not INITIALISM.search(name):
        name = name[:-1].strip(EDGE_PUNCT)
    return name.lstrip(".")


def _trim_span(text: str, start: int, end: int, label: str = "") -> tuple[int, int] | None:
    """Character bounds of the cleaned name inside ``text[start:end]``."""
    name = clean_name(text[start:end], label)
    if not name:
        return None
    first = name.split(" ")[0]
    pos = text.find(first, start, end)
    while pos != -1:
        chunk = " ".join(text[pos:end].split())
        if chunk.startswith(name):
            # walk forward over the same number of non-space characters
            need = len(name.replace(" ", ""))
            i, seen = pos, 0
            while i < end and seen < need:
                if not text[i].isspace():
                    seen += 1
                i += 1
            return pos, i
        pos = text.find(first, pos + 1, end)
    return None


def _merged_spans(doc: Any) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) of the kept entities, NORP+proper-noun joined."""
    spans = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
    # a name that stands alone elsewhere is no part of an adjective + name phrase
    seen = Counter(
        doc[s:e].text
        for k, (s, e, _) in enumerate(spans)
        if not (k and spans[k - 1][2] == "NORP" and spans[k - 1][1] == s)
    )
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        start, end, label = spans[i]
        if label == "NORP":
            # "Islamic" + ORG "State" or + untagged proper noun(s): one organisation.
            j = end
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if nxt and nxt[0] == end and nxt[2] in {"ORG", "PERSON"}:
                if not seen[doc[nxt[0] : nxt[1]].text]:
                    out.append((start, nxt[1], "ORG"))
                    i += 2
                    continue
            elif j > end and not doc[end].ent_type_ and not seen[doc[end:j].text]:
                out.append((start, j, "ORG"))
                i += 1
                continue
        out.append((start, end, label))
        i += 1
    return out


def extract_mentions(doc: Any) -> list[Mention]:
    """Mentions of people, organisations, places, nationalities, facilities and events.

    Offsets are character offsets into the parsed text; ``text`` is the cleaned surface
    form (no "the", no possessive, no title) and lies exactly at ``text[start:end]``.
    """
    text = doc.text
    token_at = {t.idx: t for t in doc}
    mentions: list[Mention] = []
    for start_tok, end_tok, label in _merged_spans(doc):
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
        bounds = _trim_span(text, start, end, label)
        if bounds is None:
            continue
        s, e = bounds
        surface = " ".join(text[s:e].split())
        if not any(ch.isalpha() for ch in surface) or "\n" in text[s:e]:
            continue
        if label != "PERSON" and _names_a_portfolio(doc, start_tok, end_tok, surface):
            continue  # "Iraqi Defense" in "Iraqi Defense Minister Thabit al-Abbasi"
        if label != "PERSON" and (person := _name_after_portfolio(token_at.get(s), s, e)):
            s, surface, label = *person, "PERSON"  # "Secretary of Defense Lloyd Austin"
        if label != "PERSON" and _after_title(token_at.get(s)) and person_like(surface.split()):
            label = "PERSON"  # "Defense Secretary Lloyd Austin" tagged ORG
        mentions.append(Mention(s, e, surface, label))
    mentions.extend(_repeated_mentions(text, mentions))
    mentions.extend(_surname_mentions(text, mentions))
    mentions.extend(_acronym_mentions(text, mentions))
    mentions = _surnames_as_people(mentions, token_at)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _names_a_portfolio(doc: Any, start_tok: int, end_tok: int, surface: str) -> bool:
    """Whether a mention only names a title's portfolio, so is no body: one or two words
    ending in a portfolio before a personal title ("Iraqi Defense" Minister), or portfolio
    words alone after "Secretary of" / "Minister of" ("Secretary of" "State")."""
    words = surface.lower().split()
    title_after = end_tok < len(doc) and doc[end_tok].lower_ in PERSONAL_TITLES
    if len(words) <= 2 and words[-1] in PORTFOLIOS and title_after:
        return True
    after = start_tok >= 2 and doc[start_tok - 1].lower_ == "of"
    after = after and doc[start_tok - 2].lower_ in PORTFOLIO_TITLES
    return after and all(w in PORTFOLIOS | {"state"} for w in words)


def _name_after_portfolio(token: Any, start: int, end: int) -> tuple[int, str] | None:
    """After "Secretary of" or "Minister of", a mention that opens with a portfolio and goes
    on with a person's name ("Defense Lloyd Austin", "State John Kerry"): the name's start
    and text."""
    if token is None or token.i < 2:
        return None
    doc = token.doc
    title, of = doc[token.i - 2], doc[token.i - 1]
    if of.lower_ != "of" or title.lower_ not in PORTFOLIO_TITLES:
        return None
    pieces = [m for m in re.finditer(r"\S+", doc.text[start:end])]
    words = [m.group() for m in pieces]
    k = 0
    while k < len(words) - 1 and words[k].lower() in PORTFOLIOS | {"state"}:
        k += 1
    if k == 0 or not person_like(words[k:]):
        return None
    return start + pieces[k].start(), " ".join(words[k:])


def _after_title(token: Any) -> bool:
    """Whether the word before ``token`` is a personal title ("Secretary", "Gen.")."""
    if token is None or token.i == 0:
        return False
    return token.doc[token.i - 1].lower_.strip(".") in PERSONAL_TITLES


def _surnames_as_people(mentions: list[Mention], token_at: dict[int, Any]) -> list[Mention]:
    """A one-word name tagged otherwise that is the surname of exactly one person named
    earlier in the text is that person where it is a subject or follows "Mr"/"Ms"
    ("Okafor said"), unless the same word is also the object of a preposition somewhere
    ("in Jordan": then it names a place too)."""
    people: dict[str, set[str]] = {}
    first_use: dict[str, int] = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            people.setdefault(words[-1], set()).add(m.text)
            first_use[words[-1]] = min(first_use.get(words[-1], m.start), m.start)
    placed = {
        m.text
        for m in mentions
        if m.label != "PERSON" and (tok := token_at.get(m.start)) is not None and tok.dep_ == "pobj"
    }
    out = []
    for m in mentions:
        tok = token_at.get(m.start)
        if (
            m.label != "PERSON"
            and len(people.get(m.text, ())) == 1
            and m.start > first_use[m.text]
            and m.text not in placed
            and tok is not None
            and (
                tok.dep_ in {"nsubj", "nsubjpass"}
                or (tok.i > 0 and tok.doc[tok.i - 1].lower_.strip(".") in {"mr", "ms", "mrs", "dr"})
            )
        ):
            m = Mention(m.start, m.end, m.text, "PERSON")
        out.append(m)
    return out


def _repeated_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later uses of a multi-word name the model tagged once but missed elsewhere."""
    extra: list[Mention] = []
    names = {m.text: m.label for m in mentions if " " in m.text and m.label != "NORP"}
    covered = [(m.start, m.end) for m in mentions]
    for name, label in names.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(s < hit.end() and hit.start() < e for s, e in covered):
                extra.append(Mention(hit.start(), hit.end(), name, label))
                covered.append((hit.start(), hit.end()))
    return extra


def _surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later uses of a person's surname alone ("Daniel Okafor ... Okafor said") that the
    model left untagged, when exactly one person of the text has that surname."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            owners.setdefault(words[-1], set()).add(m.text)
    covered = [(m.start, m.end) for m in mentions]
    extra: list[Mention] = []
    for surname, people in owners.items():
        if len(people) != 1:
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not any(s <= hit.start() < e for s, e in covered):
                extra.append(Mention(hit.start(), hit.end(), surname, "PERSON"))
                covered.append((hit.start(), hit.end()))
    return extra


def _acronym_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Acronyms defined in parentheses right after a mention, and their later uses."""
    taken = {(m.start, m.end) for m in mentions}
    found: dict[str, str] = {}
    for match in ACRONYM.finditer(text):
        before = [m for m in mentions if 0 <= match.start() - m.end <= 2]
        if before:
            found[match.group(1)] = before[-1].label
    extra: list[Mention] = []
    for acro, label in found.items():
        for hit in re.finditer(rf"(?<![\w.]){re.escape(acro)}(?![\w])", text):
            span = (hit.start(), hit.end())
            if span not in taken and not any(
                m.start <= span[0] < m.end or m.start < span[1] <= m.end for m in mentions
            ):
                extra.append(Mention(span[0], span[1], acro, label))
                taken.add(span)
    return extra


def mention_index(doc: Any, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering that token (for quick look-ups)."""
    index: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                index.setdefault(tok.i, m)
    return index


def sentence_starts(doc: Any) -> list[int]:
    """Start character of each sentence of ``doc`` (for :func:`sentence_of`)."""
    return [s.start_char for s in doc.sents]


def sentence_of(starts: list[int], char: int) -> int:
    """Index of the sentence holding character ``char`` (``starts`` from sentence_starts)."""
    return max(0, bisect_right(starts, char) - 1)
