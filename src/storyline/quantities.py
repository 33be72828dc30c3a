"""Counted quantities ("around 180 soldiers", "95 people were killed") from a spaCy parse.

A quantity is a cardinal number (digits or words) with the thing it counts. The counted
noun comes from the dependency parse (the head of a ``nummod``), from the next noun, or,
for a bare number coordinated with a counted one ("900 troops in Syria and 2,500 in
Iraq"), from the earlier number of the same sentence ("300 of them": the article's latest
counted noun). Years, dates, times, ordinals and ages are skipped; "a 12-day strike" is
a length in days; a percentage gets unit "%" and a sum of money (symbol, or currency
word after a scale word: "1.8 billion euros") a currency code. Values are ints when
integral. Whose and where: :mod:`storyline.quantity_owners`; what the number measures
(``Quantity.attribute``): :mod:`storyline.quantity_phrases`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from storyline.entities import mention_index, sentence_of, sentence_starts
from storyline.model import Mention, Quantity
from storyline.quantity_filters import not_a_count, participle_taken_for_a_noun
from storyline.quantity_numbers import (
    fraction_before,
    glued_scale,
    is_number,
    money_at,
    number_value,
    tens_hyphen,
    words_after_digits,
)
from storyline.quantity_owners import holder as _holder
from storyline.quantity_owners import place as _place
from storyline.quantity_phrases import (
    PRONOUNS,
    active_words,
    money_noun,
    noun_words,
    percent_noun,
    rate_suffix,
    verb_phrase,
)
from storyline.quantity_roles import role_phrase
from storyline.quantity_spans import (
    length_phrase,
    one_phrase,
    partitive,
    per_cent,
    range_end,
    shared_scale,
)
from storyline.quantity_words import (
    ANIMALS,
    CURRENCY,
    DEATH_VERBS,
    HEDGES_1,
    HEDGES_2,
    HEDGES_3,
    NON_COUNTS,
    PEOPLE_NOUNS,
    SCALES,
    SKIP_NOUNS,
    UNITS,
    WOUND_VERBS,
    plural,
)


def _hedge(doc: Any, start: int) -> tuple[str | None, int]:
    """The normalised hedge before token ``start`` (past "a": "more than a billion")."""
    if start >= 1 and doc[start - 1].lower_ in {"a", "an"} and doc[start].lower_ in SCALES:
        hedge, first = _hedge(doc, start - 1)
        return (hedge, first) if hedge else (None, start)
    if start >= 3 and doc[start - 3 : start].text.lower() in HEDGES_3:
        return HEDGES_3[doc[start - 3 : start].text.lower()], start - 3
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
        if cand == "body" and any(c.dep_ in {"amod", "compound"} for c in head.children):
            break  # "20 national Olympic bodies", "public bodies": organisations
        if cand in UNITS:
            if UNITS[cand] == "dead" and cand == "life":
                verb = head.head.lemma_.lower() if head.head is not head else ""
                return "lives" if verb in {"save", "change"} else "dead"
            return UNITS[cand]
    last = key.split()[-1] if key else ""
    if last in ANIMALS:
        return last
    if last in PEOPLE_NOUNS or head.pos_ in {"NOUN", "PROPN"}:
        verb = _governing_verb(head)
        if verb is not None and verb.lemma_.lower() in DEATH_VERBS:
            return "dead"
        if verb is not None and verb.lemma_.lower() in WOUND_VERBS:
            return "wounded"
    return last or head.lemma_.lower()


def _governing_verb(tok: Any) -> Any | None:
    """The nearest verb above ``tok`` in the parse (or None). The way up may pass "of"
    ("a total of 91 foxes") but no other preposition: in "died ..., after dinner with
    two of his six children" the children are not who died."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        if cur.dep_ == "pobj" and cur.head.lower_ != "of":
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"} or cur.lemma_.lower() in DEATH_VERBS | WOUND_VERBS:
            return cur
    return None


def extract_quantities(doc: Any, mentions: list[Mention]) -> list[Quantity]:
    """Counted quantities in ``doc`` with hedge, normalised unit, holder and place.

    ``Quantity.noun`` is the counted noun as written; ``Quantity.attribute`` holds what the
    number measures as a readable phrase: the counted noun and what the sentence says
    happened to it ("residents evacuated", "pay rise
    demanded", "dockworkers on strike"; see :mod:`storyline.quantity_phrases`).
    """
    starts = sentence_starts(doc)
    index = mention_index(doc, mentions)
    text = doc.text  # Doc.text is rebuilt on every access
    out: list[Quantity] = []
    last_in_sentence: dict[int, Quantity] = {}

    def read(start: int, end: int) -> Quantity | None:
        return _quantity(doc, text, start, end, index, starts, last_in_sentence, out)

    i = 0
    while i < len(doc):
        if not is_number(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (
            (is_number(doc[j]) and not words_after_digits(doc, i, j))
            or doc[j].lower_ in SCALES
            or glued_scale(doc, i, j)
            or tens_hyphen(doc, j)
        ):
            j += 1
        q, upto = _range(doc, text, i, j, read), j
        if q is not None:
            upto = range_end(doc, i, j)[1]  # type: ignore[index]
        else:
            q = read(i, j)
        if q is not None:
            out.append(q)
            last_in_sentence[q.sentence] = q
        i = upto
    return out


def _range(
    doc: Any, text: str, i: int, j: int, read: Callable[[int, int], Quantity | None]
) -> Quantity | None:
    """The quantity of a range whose lower number spans tokens ``i:j`` ("25,000 to 30,000
    positions", "between $12 million and $20 million"): read at its upper number, with the
    lower one as ``low`` and the span from the first word of the range."""
    ends = range_end(doc, i, j)
    low = number_value(list(doc[i:j]))
    if ends is None or low is None or not_a_count(doc, i, j):
        return None
    low *= shared_scale(doc, i, j, *ends)  # "5 to 10 million": 5 million
    q = read(*ends)
    if q is None or not low < q.value:
        return None
    sign = i > 0 and (doc[i - 1].text in CURRENCY or doc[i - 1].text.endswith("$"))
    hedge, first = _hedge(doc, i - 1 if sign else i)
    if sign and hedge is None:
        first = i - 1
    if first > 0 and doc[first - 1].lower_ == "between":
        first -= 1
    start = doc[first].idx
    low = int(low) if float(low).is_integer() else low
    return replace(q, low=low, hedge=hedge or q.hedge, start=start, text=text[start : q.end])


def _next_verb(doc: Any, j: int) -> Any | None:
    """The first verb after token ``j`` in its clause ("four were still missing")."""
    for tok in doc[j : j + 8]:
        if tok.is_punct or tok.pos_ == "CCONJ" or tok.is_sent_start:
            return None
        if tok.pos_ == "VERB":
            return tok
    return None


def _plural(tok: Any) -> str:
    """The counted noun as a plural word ("dockworkers", "people")."""
    if tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in PEOPLE_NOUNS | {"people"}:
        return tok.lower_
    if tok.pos_ == "PROPN" and tok.lower_.endswith("man"):  # a name ("Henman"): no "-men"
        return tok.lower_ + "s"
    return plural(tok.lower_)


def _counted(doc: Any, i: int, j: int, head: Any, unit: str, written: str) -> str:
    """The attribute phrase of a counted noun: adjectives, the noun, what happened."""
    if unit == "dead":
        return "people killed"
    if unit == "wounded":
        return "people injured"
    adjs = [t.lower_ for t in doc[j : head.i] if t.pos_ == "ADJ" and t.dep_ == "amod"]
    noun = " ".join(adjs + [_plural(head)]) if head.pos_ in {"NOUN", "PROPN"} else written
    verb = verb_phrase(head) or verb_phrase(doc[j - 1]) or role_phrase(head)
    rate = ""
    if head.i >= j:  # "40 applications a day", "2.6bn files downloaded every month"
        for k in range(head.i + 1, min(len(doc), head.i + 8)):
            stop = doc[k].is_punct and doc[k].text not in {"/", "-"} or doc[k].dep_ == "cc"
            if stop or (rate := rate_suffix(doc, k, True)):
                break
    return (f"{noun} {verb}" if verb else noun) + rate


def _percent(doc: Any, pct: Any, earlier: list[Quantity], sent: int) -> str:
    """The attribute phrase of a percentage."""
    owner = percent_noun(pct)
    if owner is not None:
        verb = verb_phrase(owner)
        name = noun_words(owner, frozenset({"cent", "per"}))  # "a 5 per cent lead"
        return f"{name} {verb}" if verb else name
    verb = verb_phrase(pct)
    noun = "share"
    for tok in reversed(doc[max(0, doc[pct.i].sent.start - 60) : pct.i]):
        owner = percent_noun(tok) if tok.lower_ in {"%", "percent"} else None
        if owner is not None and tok.sent.start >= _previous_sentence_start(pct):
            noun = noun_words(owner)  # "demands a 9% pay rise; X has offered 4%"
            break
    return f"{noun} {verb}" if verb else noun


def _previous_sentence_start(tok: Any) -> int:
    """Token index where the sentence before ``tok``'s sentence starts."""
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else 0


def _quantity(
    doc: Any,
    text: str,
    i: int,
    j: int,
    mentions: dict[int, Mention],
    starts: list[int],
    last: dict[int, Quantity],
    earlier: list[Quantity],
) -> Quantity | None:
    """The quantity whose number spans tokens ``i:j`` (None when it counts nothing)."""
    value = number_value(list(doc[i:j]))
    if value is None:
        return None
    factor, k = fraction_before(doc, i)  # "half a million"
    value *= factor
    sign = i > 0 and doc[i - 1].text in CURRENCY  # "some £280m": the hedge is before the sign
    hedge, first = _hedge(doc, i - 1 if sign else k)
    if sign and hedge is None:
        first = i - 1
    if not_a_count(doc, i, j):
        return None
    if j + 1 < len(doc) and doc[j].lower_ == "or" and doc[j + 1].like_num:
        return None  # the lower bound of "three or four inch rods", read as no range
    num = doc[j - 1]
    sent = sentence_of(starts, doc[i].idx)
    nxt = doc[j] if j < len(doc) else None
    head_tok = num
    written = ""  # the counted noun as written, when the text names one
    money = None if per_cent(doc, j) else money_at(doc, i, j)
    duration = length_phrase(doc, j)
    if duration is not None:
        unit, attribute, end = duration
        head_tok = doc[end - 1]
    elif j < len(doc) and doc[j].text in {"-", "–"}:
        return None  # "two-phase", "10-year-old": a compound adjective, not a count
    elif money is not None:
        unit, cur, end = money
        attribute = money_noun(cur) + rate_suffix(doc, end)
        head_tok = cur
    elif nxt is not None and (nxt.lower_ in {"%", "percent"} or per_cent(doc, j)):
        pct = doc[j + 1] if per_cent(doc, j) else nxt  # "two per cent": the "cent"
        unit, end = "%", pct.i + 1
        attribute = _percent(doc, pct, earlier, sent)
        head_tok = percent_noun(pct) or pct
    else:
        head = num.head if num.dep_ == "nummod" and num.head.i >= j else None
        if (
            head is not None
            and value != 1
            and head.tag_ == "NN"
            and head.dep_ in {"nmod", "compound"}
            and head.head.tag_ == "NNS"
            and 0 < head.head.i - head.i <= 4
        ):
            head = head.head  # "300,000 council and housing association tenants": the tenants
        if head is None and value != 1:
            head = partitive(doc, j)  # "20 of Boeing's larger planes"
        if (
            head is None
            and nxt is not None
            and (nxt.lower_ in {"dead", "killed", "wounded", "injured"} or nxt.pos_ == "NOUN")
        ):
            head = nxt
        if head is not None and (
            (head.i - j > 3 and not one_phrase(doc, i, j, head))
            or participle_taken_for_a_noun(head, value)
            or any("\n" in t.text_with_ws for t in doc[i : head.i])
        ):
            head = None
        if head is None:
            prior = last.get(sent)
            if nxt is not None and nxt.lower_ == "of" and doc[j + 1 : j + 2].text in PRONOUNS:
                # "300 of them": the latest counted noun of the article
                prior = next((q for q in reversed(earlier) if q.unit not in NON_COUNTS), None)
            if prior is None or num.dep_ not in {"conj", "appos", "dobj", "pobj", "nsubj"}:
                return None
            verb = _next_verb(doc, j)
            lemma = verb.lemma_.lower() if verb is not None else ""
            unit = prior.unit if prior.unit not in {"dead", "wounded"} else "people"
            unit = "dead" if lemma in DEATH_VERBS else "wounded" if lemma in WOUND_VERBS else unit
            prior_words = prior.attribute or prior.noun
            words = prior_words.split(" ")[-2 if prior_words.startswith("people ") else 0]
            phrase = verb_phrase(num) or (active_words(verb) if verb is not None else "")
            attribute = f"{words} {phrase}".strip()
            if unit in {"dead", "wounded"}:
                attribute = _counted(doc, i, j, num, unit, attribute)
            written = prior.noun
            end = j
        else:
            if head.lemma_.lower() in SKIP_NOUNS or head.ent_type_ in {"DATE", "TIME"}:
                return None
            if head.tag_ in {"JJ", "JJR", "JJS"} and any(
                t.tag_ == "NNS" for t in doc[head.i + 1 : head.i + 4]
            ):
                return None  # "four previous parliamentary by-elections": the model's head is
                # an adjective and the counted noun lies beyond it, split by a hyphen
            start = j
            if doc[j].lower_ == "of":  # a partitive: the noun phrase after "of the"
                start = j + 1
                while start < head.i and doc[start].dep_ in {"det", "poss", "case"}:
                    start += 1
            written, key, end = _noun_phrase(doc, start, head)
            unit = _unit(key, head)
            attribute = _counted(doc, i, j, head, unit, written)
            head_tok = head
    written = written or head_tok.text
    anchors = [doc[k] for k in range(i, end)]
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
        value=int(value) if float(value).is_integer() else value,
        unit=unit,
        noun=written,
        hedge=hedge,
        subject=subject,
        place=place,
        sentence=sent,
        attribute=attribute,
    )
