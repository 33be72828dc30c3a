"""Dated claims: "the coalition mission in Iraq will end by September 2025".

A claim is read off a sentence holding a DATE time expression resolved to at least a
year. The verb that governs the date gives the predicate (normalised through a small
lexicon: end, continue-until, form, begin, agree, announce, postpone, ...), its clause
gives the subject (a short noun phrase: "coalition mission", or an entity's name), its
direct object the object ("proclaimed victory" -> "victory") and a place (a GPE/LOC
after "in"/"into"/"across" inside the clause, or the verb's object). "Born" is a date
of birth for a person and a founding date for anything else.
A verb outside the lexicon keeps its lemma as predicate ("the Islamic State seized
territories in 2014" -> "seize"); :data:`LEXICON_PREDICATES` lists the normalised ones.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.entities import (
    clean_name,
    extract_mentions,
    mention_index,
    sentence_of,
    sentence_starts,
)
from storyline.model import Claim, Mention, TimeExpr
from storyline.quantity_phrases import CURRENCY_WORDS
from storyline.timex import with_signal

# verb lemma -> predicate class
PREDICATES = {
    **dict.fromkeys(["end", "cease", "conclude", "terminate", "finish", "expire"], "end"),
    **dict.fromkeys(["halt", "stop", "dissolve", "disband"], "end"),
    **dict.fromkeys(["form", "create", "found", "establish"], "form"),
    "bear": "born",
    **dict.fromkeys(["begin", "start", "launch", "commence", "initiate", "open"], "begin"),
    **dict.fromkeys(["agree", "approve", "sign"], "agree"),
    **dict.fromkeys(["announce", "declare", "proclaim", "unveil"], "announce"),
    **dict.fromkeys(["postpone", "delay", "defer", "reschedule"], "postpone"),
    **dict.fromkeys(["withdraw", "leave", "pull"], "withdraw"),
    **dict.fromkeys(["die", "kill", "assassinate"], "die"),
    **dict.fromkeys(["elect", "appoint", "name"], "elect"),
    **dict.fromkeys(["build", "construct", "erect", "complete"], "complete"),
}
LEXICON_PREDICATES = frozenset(PREDICATES.values()) | {"continue-until"}
CONTINUE_VERBS = frozenset({"continue", "last", "remain", "run", "extend", "stay", "operate"})
UNTIL_WORDS = frozenset({"until", "till", "til", "through", "to"})
ACTIVE_OBJECT_ENDS = frozenset({"end", "terminate", "conclude", "halt", "stop", "dissolve"})
PLACE_PREPS = frozenset({"in", "into", "across", "within", "throughout", "inside"})
PLACE_NOUNS = frozenset(
    {"district", "neighbourhood", "neighborhood", "quarter", "borough", "suburb", "ward"}
)
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "that", "which"})
SUBCLAUSES = frozenset({"conj", "relcl", "advcl", "ccomp", "acl", "parataxis"})
NOUNS = frozenset({"NOUN", "PROPN"})
YEAR_VALUE = re.compile(r"^\d{4}")


def _span_root(doc: Any, start: int, end: int) -> Any | None:
    """The token of the character span ``start:end`` whose head lies outside it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    if not toks:
        return None
    inside = {t.i for t in toks}
    for tok in toks:
        if tok.head.i not in inside or tok.head is tok:
            return tok
    return toks[0]


def _predicate(verb: Any, until: bool) -> str | None:
    """The predicate class of ``verb`` (looking at particles and "to exist"/"to an end")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "wind" and any(c.lower_ == "down" for c in children):
        return "end"
    if lemma in {"draw", "come", "bring"} and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "end" for g in c.children)
        for c in children
    ):
        return "end"
    if lemma in CONTINUE_VERBS and until:
        return "continue-until"
    if lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        return "form"  # "set up in 2009"; a bare "set for growth in 2005" is no founding
    return PREDICATES.get(lemma)


def _find_verb(anchor: Any, until: bool) -> tuple[Any, str] | None:
    """The lexicon verb above the date's anchor token, with its predicate class."""
    cur = anchor
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} or cur.tag_ == "VBN":
            pred = _predicate(cur, until)
            if pred is not None:
                return cur, pred
            # "cease to exist by ...": the date hangs off "exist", the predicate is above
            if cur.dep_ not in {"xcomp", "acomp"}:
                return cur, cur.lemma_.lower()
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def noun_phrase(tok: Any, mentions: dict[int, Mention]) -> str:
    """A short normalised phrase for a noun: an entity's name, or possessor/"of"-noun,
    compounds and the head lemma ("The mission of the international coalition" ->
    "coalition mission")."""
    if tok.i in mentions:
        return clean_name(mentions[tok.i].text)
    words: list[str] = []
    nominal = tok.pos_ in {"NOUN", "PROPN"}
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"}:
            words.append(child.lemma_.lower())
        if child.dep_ == "prep" and (child.lower_ == "of" or nominal and child.lower_ == "on"):
            words += [g.lemma_.lower() for g in child.children if g.pos_ in {"NOUN", "PROPN"}]
    if not nominal:
        # "one of its production lines", "the first": a number or adjective names
        # nothing by itself; only what it is "of" can be the subject
        return " ".join(w for w in words if w.isalpha())
    words += [
        c.lemma_.lower()
        for c in tok.children
        if c.dep_ == "compound" and c.i < tok.i and c.lemma_.lower() not in CURRENCY_WORDS
    ]  # "the 1.8 billion euro takeover" -> "takeover": the sum is not part of the name
    words.append(tok.lemma_.lower())
    return " ".join(w for w in words if w.isalpha() or "-" in w)


def _subject(verb: Any, pred: str) -> Any | None:
    """The token naming what the claim is about."""
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "the coalition created in 2014"
    doc = verb.doc
    prev = doc[verb.i - 2] if verb.i >= 2 and doc[verb.i - 1].text == "," else None
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and prev is not None and prev.pos_ in NOUNS:
        return prev  # "the future of the coalition, created in 2014, ...": a parse slip
    kids = list(verb.children)
    if pred == "end" and verb.lemma_.lower() in ACTIVE_OBJECT_ENDS:
        obj = [c for c in kids if c.dep_ == "dobj"]
        if obj:
            return obj[0]  # "they will end the coalition": the coalition ends
    cur = verb
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            tok = subj[0]
            if tok.lower_ in {"which", "who", "that"} and cur.dep_ == "relcl":
                return cur.head
            return None if tok.lower_ in PRONOUNS else tok
        if cur.dep_ not in {"xcomp", "conj", "advcl", "ccomp"} or cur.head is cur:
            return None
        cur = cur.head
    return None


def _object(verb: Any, subj: Any, mentions: dict[int, Mention]) -> str | None:
    """The phrase of the verb's direct object ("proclaimed its victory" -> "victory"),
    None when there is none or it already is the claim's subject."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i != subj.i and child.lower_ not in PRONOUNS:
            return noun_phrase(child, mentions) or None
    return None


def _clause(verb: Any) -> list[Any]:
    """Tokens of the verb's clause, not descending into its nouns' own clauses."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in SUBCLAUSES or tok is verb]
    return out


def _place(tokens: list[Any], mentions: dict[int, Mention], skip: set[int]) -> str | None:
    """The first GPE/LOC that is the object of a place preposition among ``tokens``."""
    for tok in sorted(tokens, key=lambda t: t.i):
        if tok.i in skip:
            continue
        on_object = tok.dep_ == "dobj" or (
            tok.dep_ in {"nmod", "compound", "appos"} and tok.head.dep_ == "dobj"
        )
        named = _district_name(tok)
        if named:
            return named
        if not (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS or on_object):
            continue
        m = mentions.get(tok.i)
        if m is not None and m.label in {"GPE", "LOC", "FAC"}:
            return clean_name(m.text)
    return None


def _district_name(tok: Any) -> str | None:
    """The proper name right before a place noun ("Kessport's Millbrook district" ->
    "Millbrook"): capitalised proper nouns, not possessive, whatever the NER said."""
    if tok.lemma_.lower() not in PLACE_NOUNS:
        return None
    words: list[str] = []
    for prev in reversed(tok.doc[max(tok.sent.start, tok.i - 4) : tok.i]):
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.is_sent_start:
            break
        if prev.nbor(1).tag_ == "POS":
            break  # "Kessport's": the town the district belongs to
        words.insert(0, prev.text)
    return " ".join(words) or None


def _until_mod(tx: TimeExpr, pred: str, verb: Any) -> str | None:
    """The modifier of a claim's date. "until 1989" is read by the tagger as "by 1989";
    after "continue" the predicate already says "until" (the date is the end), and after a
    negation the date is the earliest ("will not launch until 2006": from 2006)."""
    if tx.mod != "ON_OR_BEFORE" or tx.signal not in {"until", "till"}:
        return tx.mod
    if pred == "continue-until":
        return None
    cur = verb
    for _ in range(4):  # "is not due to launch until": the negation may be on a head verb
        if any(c.dep_ == "neg" for c in cur.children):
            return "ON_OR_AFTER"
        if cur.dep_ not in {"xcomp", "acomp", "aux"} or cur.head is cur:
            break
        cur = cur.head
    return tx.mod


def extract_claims(
    doc: Any, times: list[TimeExpr], mentions: list[Mention] | None = None
) -> list[Claim]:
    """Dated claims in ``doc``; ``times`` are the time expressions of the same text
    (character offsets). ``mentions`` may be passed to avoid recomputing them."""
    if mentions is None:
        mentions = extract_mentions(doc)
    starts = sentence_starts(doc)
    index = mention_index(doc, mentions)
    text = doc.text
    claims: list[Claim] = []
    seen: set[tuple[str, str, str, int]] = set()
    # each date with its signal ("until 2005"): the preposition ties it to its verb
    for tx in (with_signal(text, t) for t in times):
        if tx.type != "DATE" or not YEAR_VALUE.match(tx.value or "") or tx.end > len(text):
            continue
        anchor = _span_root(doc, tx.start, tx.end)
        if anchor is None:
            continue
        before = text[max(0, tx.start - 40) : tx.start].lower().split()
        # "to" marks an end only right before the date ("from May to June"); further
        # back it is an infinitive ("continue to rise in 2005")
        until = bool(set(before[-4:]) & (UNTIL_WORDS - {"to"})) or before[-1:] == ["to"]
        until = until or tx.signal == "until"
        found = _find_verb(anchor, until)
        if found is None:
            continue
        verb, pred = found
        subj = _subject(verb, pred)
        if subj is None:
            continue
        lo = min(subj.idx, verb.idx, tx.start)
        hi = max(subj.idx, verb.idx, tx.end)
        if "\n" in text[lo:hi]:
            continue  # parts of different lines (headline furniture) glued by the parser
        subject = noun_phrase(subj, index)
        if pred == "born" and getattr(index.get(subj.i), "label", "") != "PERSON":
            pred = "form"  # "the alliance, born in 2014": founded, not born
        if pred in {"form", "born"} and tx.mod in {"AFTER", "BEFORE"}:
            continue  # "jobs created since 2000": a founding has one date, not a span
        date_toks = {t.i for t in anchor.sent if tx.start <= t.idx < tx.end}
        agent = {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
        tokens = list(subj.subtree) + _clause(verb)
        if subj.dep_ in {"nsubj", "nsubjpass"} and subj.head is not verb:
            tokens += _clause(subj.head)  # "X evacuated from Y ... will be able to ...
        place = _place(tokens, index, date_toks | agent)
        obj = _object(verb, subj, index)
        sent = sentence_of(starts, anchor.idx)
        key = (subject, pred, tx.value, sent)
        if not subject or key in seen:
            continue
        seen.add(key)
        span = doc[anchor.i].sent
        claims.append(
            Claim(
                subject=subject,
                predicate=pred,
                value=tx.value,
                mod=_until_mod(tx, pred, verb),
                place=place,
                text=" ".join(span.text.split()),
                sentence=sent,
                object=obj if obj != place else None,
            )
        )
    return claims
