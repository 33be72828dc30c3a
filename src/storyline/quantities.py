"""Counted quantities ("around 180 soldiers", "95 people were killed") from a spaCy parse.

A quantity is a cardinal number (digits or words) with the thing it counts. The counted
noun comes from the dependency parse (the head of a ``nummod``), from the next noun, or,
for a bare number coordinated with a counted one ("900 troops in Syria and 2,500 in
Iraq"), from the earlier number of the same sentence. Years, dates, times, ordinals and
ages are skipped; a percentage gets unit "%" and a sum of money a currency code.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.entities import clean_name, mention_index, sentence_of, sentence_starts
from storyline.model import Mention, Quantity

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

# Hedge words before a number, normalised. Two-word hedges are looked up first.
HEDGES_2 = {"at least": "at least", "more than": "more than", "up to": "up to"}
HEDGES_2 |= {"less than": "less than", "fewer than": "less than", "as many": "up to"}
HEDGES_2 |= {"an estimated": "about", "at most": "up to"}
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
PEOPLE_NOUNS = frozenset({"people", "person", "civilian", "victim", "resident", "child"})
CURRENCY = {"$": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "pound": "GBP"}
SKIP_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "age", "percent"})

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
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "QUANTITY"})
PLACE_PREPS = frozenset({"in", "to", "inside", "across", "into", "within", "at"})
HOLDER_LABELS = frozenset({"GPE", "NORP", "ORG"})


def number_value(tokens: list[Any]) -> float | None:
    """The value of a run of number tokens ("2,500", "three", "2.5 million", "two hundred")."""
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        word = tok.text.lower().replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif "-" in word and all(p in WORD_NUMBERS for p in word.split("-")):
            current += sum(WORD_NUMBERS[p] for p in word.split("-"))
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number(tok: Any) -> bool:
    word = tok.text.lower().replace(",", "")
    if tok.ent_type_ in SKIP_ENTS:
        return False
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return not re.fullmatch(r"\d{4}", word) or tok.ent_type_ in {"CARDINAL", "MONEY"}
    return tok.like_num and (word in WORD_NUMBERS or word in SCALES or "-" in word)


def _hedge(doc: Any, start: int) -> tuple[str | None, int]:
    """The normalised hedge just before token ``start`` and the token where it begins."""
    if start >= 2:
        two = f"{doc[start - 2].lower_} {doc[start - 1].lower_}"
        if two in HEDGES_2:
            return HEDGES_2[two], start - 2
    if start >= 1 and doc[start - 1].lower_ in HEDGES_1:
        word = doc[start - 1].lower_
        if word == "some" and start >= 2 and doc[start - 2].lower_ in {"for", "of"}:
            return None, start
        return HEDGES_1[word], start - 1
    return None, start


def _noun_phrase(doc: Any, num_end: int, head: Any) -> tuple[str, str, int]:
    """(noun as written, unit lookup key, end token) for a counted noun ``head``."""
    words = [t for t in doc[num_end : head.i + 1] if t.pos_ in {"ADJ", "NOUN", "PROPN"}]
    written = " ".join(t.text for t in doc[num_end : head.i + 1]) if words else head.text
    key = " ".join(t.lemma_.lower() for t in doc[num_end : head.i + 1])
    return written, key, head.i + 1


def _unit(key: str, head: Any) -> str:
    """The normalised unit for a counted noun (lemma key) and its governing verb."""
    for cand in (key, " ".join(key.split()[-2:]), key.split()[-1] if key else ""):
        if cand in UNITS:
            if UNITS[cand] == "dead" and cand == "life":
                verb = head.head.lemma_.lower() if head.head is not head else ""
                return "lives" if verb in {"save", "change"} else "dead"
            return UNITS[cand]
    last = key.split()[-1] if key else ""
    if last in PEOPLE_NOUNS or head.pos_ in {"NOUN", "PROPN"}:
        verb = _governing_verb(head)
        if verb is not None and verb.lemma_.lower() in DEATH_VERBS:
            return "dead"
        if verb is not None and verb.lemma_.lower() in WOUND_VERBS:
            return "wounded"
    return last or head.lemma_.lower()


def _governing_verb(tok: Any) -> Any | None:
    """The nearest verb above ``tok`` in the parse (or None)."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"} or cur.lemma_.lower() in DEATH_VERBS | WOUND_VERBS:
            return cur
    return None


def _entity_at(mentions: dict[int, Mention], tok: Any) -> Mention | None:
    return mentions.get(tok.i)


def _holder(tok: Any, mentions: dict[int, Mention]) -> str | None:
    """Whose quantity it is: a NORP adjective, a possessor, or the verb's subject."""
    anchors = [tok] + ([tok.head] if tok.dep_ == "appos" else [])
    for anchor in anchors:
        for child in anchor.children:
            m = _entity_at(mentions, child)
            if m is None:
                continue
            if child.dep_ in {"amod", "compound", "nmod"} and m.label == "NORP":
                return DEMONYMS.get(m.text.lower(), m.text)
            if child.dep_ == "poss" and m.label in HOLDER_LABELS | {"PERSON"}:
                return m.text
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            break
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            break
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
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


def _place(tokens: list[Any], mentions: dict[int, Mention]) -> str | None:
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


def extract_quantities(doc: Any, mentions: list[Mention]) -> list[Quantity]:
    """Counted quantities in ``doc`` with hedge, normalised unit, holder and place."""
    starts = sentence_starts(doc)
    index = mention_index(doc, mentions)
    text = doc.text  # Doc.text is rebuilt on every access
    out: list[Quantity] = []
    last_in_sentence: dict[int, Quantity] = {}
    i = 0
    while i < len(doc):
        if not _is_number(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and _is_number(doc[j]) or (j < len(doc) and doc[j].lower_ in SCALES):
            j += 1
        q = _quantity(doc, text, i, j, index, starts, last_in_sentence)
        if q is not None:
            out.append(q)
            last_in_sentence[q.sentence] = q
        i = j
    return out


def _quantity(
    doc: Any,
    text: str,
    i: int,
    j: int,
    mentions: dict[int, Mention],
    starts: list[int],
    last: dict[int, Quantity],
) -> Quantity | None:
    """The quantity whose number spans tokens ``i:j`` (None when it counts nothing)."""
    value = number_value(list(doc[i:j]))
    if value is None:
        return None
    if j < len(doc) and doc[j].text in {"-", "–"}:
        return None  # "two-phase", "10-year-old": a compound adjective, not a count
    hedge, first = _hedge(doc, i)
    num = doc[j - 1]
    sent = sentence_of(starts, doc[i].idx)
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if prev is not None and prev.text in CURRENCY or doc[i].ent_type_ == "MONEY":
        unit = CURRENCY.get(prev.text if prev is not None else "", "money")
        if nxt is not None and nxt.lemma_.lower() in CURRENCY:
            unit = CURRENCY[nxt.lemma_.lower()]
        noun, end = unit, j
    elif nxt is not None and nxt.lower_ in {"%", "percent", "per"}:
        unit, noun, end = "%", nxt.text, j + 1
    else:
        head = num.head if num.dep_ == "nummod" and num.head.i >= j else None
        if (
            head is None
            and nxt is not None
            and (nxt.lower_ in {"dead", "killed", "wounded", "injured"} or nxt.pos_ == "NOUN")
        ):
            head = nxt
        if head is not None and (
            head.i - j > 3 or any("\n" in t.text_with_ws for t in doc[i : head.i])
        ):
            head = None
        if head is None:
            prior = last.get(sent)
            if prior is None or num.dep_ not in {"conj", "appos", "dobj", "pobj", "nsubj"}:
                return None
            noun, unit, end = prior.noun, prior.unit, j
        else:
            if head.lemma_.lower() in SKIP_NOUNS or head.ent_type_ in {"DATE", "TIME"}:
                return None
            noun, key, end = _noun_phrase(doc, j, head)
            unit = _unit(key, head)
    anchors = [doc[k] for k in range(i, end)]
    head_tok = doc[end - 1]
    subject = _holder(head_tok, mentions) or _holder(num, mentions)
    if unit in {"dead", "wounded", "casualties"}:
        subject = None  # victims belong to no one: the verb's subject is the attacker
    elif subject is None:
        prior = last.get(sent)
        if prior is not None and "conj" in {head_tok.dep_, num.dep_}:
            subject = prior.subject
    place = _place(anchors, mentions)
    span_start = doc[first].idx
    span_end = doc[end - 1].idx + len(doc[end - 1])
    return Quantity(
        start=span_start,
        end=span_end,
        text=text[span_start:span_end],
        value=value,
        unit=unit,
        noun=noun,
        hedge=hedge,
        subject=subject,
        place=place,
        sentence=sent,
    )
