"""What happened to a counted noun that is neither subject nor object of its verb.

:func:`storyline.quantity_phrases.verb_phrase` reads the verb of a subject or an object.
A counted noun in a prepositional phrase says what happened through that phrase's verb:
the agent of a passive ("attended by 3,300 people" -> "people who attended"), the place
or occasion of an action ("released in 50 countries" -> "countries released in"), the
verb of "a total of" ("a total of 600 envelopes have been scanned"), or an active
relative clause ("the 15 explosions which rocked the city" -> "explosions rocked").
Without it a figure is described by its counted noun alone ("people 3,300"), which
tells a reader nothing of what was measured.
"""

from __future__ import annotations

from typing import Any

from storyline.past_forms import PARTICIPLES
from storyline.quantity_phrases import (
    LIGHT_VERBS,
    RELATIVE,
    active_words,
    noun_words,
    participle,
    verb_phrase,
)

# prepositions that place an action ("in 50 countries", "on 18 occasions", "to 1,796
# cinemas"); "with", "after", "despite" and the like say what else was so, not where
# ("join 100 nominees from 24 categories": a "from" phrase is the object's, not the action's)
ACTION_PREPS = frozenset({"in", "on", "at", "across", "to", "into", "for", "against"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"})
# nouns whose "of" phrase is the counted thing: "a total of 600 envelopes"
TOTAL_NOUNS = frozenset({"total", "number", "tally", "maximum", "minimum"})


def role_phrase(tok: Any, depth: int = 0) -> str | None:
    """What the sentence says happened to the counted noun ``tok`` through a relative
    clause or the phrase it sits in (module docstring), or None."""
    for child in tok.children:
        if child.dep_ == "relcl" and child.pos_ == "VERB" and child.tag_ != "VBN":
            subj = [c for c in child.children if c.dep_ == "nsubj"]
            lemma = child.lemma_.lower()
            if subj and subj[0].lower_ in RELATIVE and lemma not in LIGHT_VERBS | {"have"}:
                return active_words(child)  # "explosions which rocked" -> "rocked"
    if tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"} and depth < 3:
        # "He and three others were indicted", "three gold medals and two bronzes"
        first = tok.head
        return verb_phrase(first) or role_phrase(first, depth + 1) if first is not tok else None
    prep = tok.head
    if tok.dep_ != "pobj" or prep is tok:
        return _own_phrase(tok)
    verb = prep.head
    if prep.dep_ == "agent" and verb.pos_ == "VERB":
        done = participle(verb)
        return f"who {PARTICIPLES.get(done, done)}"  # "seen by 9m viewers": "who saw"
    if prep.lower_ == "of" and verb.lemma_.lower() in TOTAL_NOUNS and verb is not prep:
        return verb_phrase(verb)
    word = prep.lower_
    if word == "from" and _to_after_number(tok):
        word = "to"  # "expanding from 40 to 1,796 cinemas": the figure is where it went
    lemma = verb.lemma_.lower()
    if (
        prep.dep_ == "prep"
        and word in ACTION_PREPS
        and verb.pos_ == "VERB"
        and lemma not in LIGHT_VERBS | {"have", "do"}
    ):
        return f"{participle(verb)} {word}"
    return _own_phrase(tok)


def _own_phrase(tok: Any) -> str | None:
    """The noun's own "of" or "in" phrase, when nothing else says what it is: "22 members
    of the royal family" -> "of royal family", "the 21 films in competition" -> "in
    competition" (not a place: that is the quantity's place)."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"} or prep.i != tok.i + 1:
            continue
        kinds = {"NOUN", "PROPN"} if prep.lower_ == "of" else {"NOUN"}  # "in the Lord of ..."
        objs = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ in kinds]
        if objs and not objs[0].like_num and objs[0].ent_type_ not in PLACE_ENTS:
            return f"{prep.lower_} {noun_words(objs[0])}"
    return None


def _to_after_number(tok: Any) -> bool:
    """Whether the figure of ``tok`` follows "NUMBER to" ("40 to 1,796 cinemas"; not "up
    to 50 constituencies")."""
    doc = tok.doc
    for num in (c for c in tok.children if c.dep_ == "nummod"):
        if num.i >= 2 and doc[num.i - 1].lower_ == "to" and doc[num.i - 2].like_num:
            return True
    return False
