"""Whose a quantity is and where: "American troops", "Spain's soldiers", "the United States
maintains 900 troops in Syria".

The holder is a nationality adjective (NORP, mapped to its country through a small
documented table), a possessor, or the subject of the verb governing the number; the
place is a GPE/LOC after a place preposition attached to the number, its noun or verb.
"""

from __future__ import annotations

from typing import Any

from storyline.entities import clean_name
from storyline.model import Mention

# Nationality adjectives to the country they stand for (a small documented table: used
# only to say whose troops "American troops" are).
DEMONYMS = {
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "spanish": "Spain",
    "italian": "Italy",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "syrian": "Syria",
    "turkish": "Turkey",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "israeli": "Israel",
    "chinese": "China",
    "canadian": "Canada",
    "australian": "Australia",
    "dutch": "Netherlands",
    "polish": "Poland",
    "japanese": "Japan",
    "indian": "India",
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "lebanese": "Lebanon",
    "egyptian": "Egypt",
    "saudi": "Saudi Arabia",
    "jordanian": "Jordan",
    "palestinian": "Palestine",
    "kurdish": "Kurdistan",
    "danish": "Denmark",
    "norwegian": "Norway",
    "swedish": "Sweden",
    "belgian": "Belgium",
    "greek": "Greece",
}
PLACE_PREPS = frozenset({"in", "to", "inside", "across", "into", "within", "at"})
HOLDER_LABELS = frozenset({"GPE", "NORP", "ORG"})
# how a quantity's noun hangs in a larger noun phrase, whose possessor is then its holder
_IN_NOUN_PHRASE = frozenset({"compound", "nummod", "amod"})


def _entity_at(mentions: dict[int, Mention], tok: Any) -> Mention | None:
    return mentions.get(tok.i)


def holder(tok: Any, mentions: dict[int, Mention]) -> str | None:
    """Whose quantity it is: a NORP adjective, a possessor, or the verb's subject; not
    from the agent of a participle clause without a subject of its own ("Chosen by 11,000
    fans, the awards named...": the fans are not the awards'; "accused of overseeing an
    $11bn fraud" is still the subject's)."""
    anchors = [tok] + ([tok.head] if tok.dep_ == "appos" else [])
    head = tok
    while head.dep_ in _IN_NOUN_PHRASE and head.head is not head:  # "X's 1.8 billion euro purchase"
        head = head.head
        anchors.append(head)
    for anchor in anchors:
        for child in anchor.children:
            m = _entity_at(mentions, child)
            if m is None:
                continue
            if child.dep_ in {"amod", "compound", "nmod"} and m.label == "NORP":
                return DEMONYMS.get(m.text.lower(), m.text)
            if child.dep_ == "poss" and m.label in HOLDER_LABELS | {"PERSON"}:
                return m.text
    cur, agent = tok, False
    for _ in range(6):
        if cur.head is cur:
            break
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            break
        agent = agent or cur.dep_ == "agent"
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            modifier = agent and cur.dep_ in {"acl", "advcl"}
            if modifier and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
                return None  # "Chosen by 11,000 fans, the Awards named...": not theirs
            for child in cur.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    subj = child
                    if subj.lower_ in {"which", "who", "that"} and cur.dep_ == "relcl":
                        subj = cur.head
                    m = _entity_at(mentions, subj)
                    if m is not None and m.label in HOLDER_LABELS:
                        return DEMONYMS.get(m.text.lower(), m.text) if m.label == "NORP" else m.text
                    return None
    return None


def place(tokens: list[Any], mentions: dict[int, Mention]) -> str | None:
    """A GPE/LOC after a place preposition attached to one of ``tokens`` or their verbs."""
    anchors = list(tokens)
    last = tokens[-1]
    preps = []
    if last.dep_ in {"dobj", "conj", "attr"} and last.head.pos_ in {"VERB", "AUX"}:
        # "maintains 900 troops in Syria": the place hangs off the verb, right after
        preps = [c for c in last.head.children if c.dep_ == "prep" and c.i == last.i + 1]
    for tok in tokens:
        anchors += [c for c in tok.children if c.dep_ in {"acl", "relcl"}]
        if tok.dep_ == "appos":
            anchors.append(tok.head)
            anchors += [c for c in tok.head.children if c.dep_ in {"acl", "relcl"}]
    preps += [c for anchor in anchors for c in anchor.children if c.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ in PLACE_PREPS:
            for obj in prep.children:
                m = _entity_at(mentions, obj) if obj.dep_ == "pobj" else None
                if m is not None and m.label in {"GPE", "LOC"}:
                    return clean_name(m.text)
    return None
