"""Readable attribute phrases for quantities: what a number measures, read off the parse.

A counted noun gets the verb that says what happened to it: the passive participle
("1,200 residents were evacuated" -> "residents evacuated"), the active verb with its
modals and negation ("300 of them cannot return" -> "... cannot return"), the
participle of the verb whose object it is ("hire 150 dockworkers" -> "dockworkers
hired"), or, after a light verb, the verb's prepositional phrase ("went on strike" ->
"on strike"). A percentage or a sum of money attaches to the noun it modifies ("a 9%
pay rise", "a 1.8 billion euro takeover", "a pay rise of 6.5%") and to that noun's verb
("pay rise demanded"); a bare sum after "for" is a price.
"""

from __future__ import annotations

import re
from typing import Any

VERBS = frozenset({"VERB", "AUX"})
NOUNS = frozenset({"NOUN", "PROPN"})
# verbs that say nothing themselves: the phrase after them carries the meaning
LIGHT_VERBS = frozenset({"go", "be", "come", "stay", "remain", "get", "walk"})
MODALS = frozenset({"can", "could", "may", "might", "must", "will", "would", "shall", "should"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
IRREGULAR = {
    "buy": "bought",
    "build": "built",
    "bring": "brought",
    "cut": "cut",
    "seek": "sought",
    "choose": "chosen",
    "submit": "submitted",
    "cost": "cost",
    "find": "found",
    "give": "given",
    "have": "had",
    "hold": "held",
    "keep": "kept",
    "leave": "left",
    "lose": "lost",
    "make": "made",
    "pay": "paid",
    "put": "put",
    "say": "said",
    "see": "seen",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "spend": "spent",
    "take": "taken",
    "win": "won",
    "flee": "fled",
    "strike": "struck",
    "hurt": "hurt",
    "speak": "spoken",
    "write": "written",
    "show": "shown",
    "know": "known",
    "draw": "drawn",
    "drive": "driven",
    "throw": "thrown",
    "tell": "told",
    "meet": "met",
    "lead": "led",
    "read": "read",
    "run": "run",
    "begin": "begun",
    "grow": "grown",
    "beat": "beaten",
    "steal": "stolen",
    "teach": "taught",
    "catch": "caught",
    "fight": "fought",
    "feed": "fed",
    "shoot": "shot",
    "bet": "bet",
    "let": "let",
    "shut": "shut",
    "quit": "quit",
    "bid": "bid",
}
CURRENCY_WORDS = frozenset({"euro", "dollar", "pound", "yen", "franc", "krona", "eur", "usd"})
CURRENCY_WORDS |= {"yuan", "rupee", "rupiah", "m", "bn", "tn", "k"}  # and glued scale letters
# A sum that names a purchase is what was paid for it: "a 1.8 billion euro takeover" states
# the price that "bought Norland Rail for 1.8 billion euros" states (see facts._share_word).
PRICE_NOUNS = frozenset({"price", "takeover", "purchase", "acquisition", "buyout"})
RELATIVE = frozenset({"who", "which", "that"})
PRONOUNS = frozenset({"them", "these", "those", "they", "us", "it"})


def participle(verb: Any) -> str:
    """The past participle of ``verb`` ("demanding" -> "demanded", "buy" -> "bought")."""
    if verb.tag_ == "VBN":
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def noun_words(head: Any, skip: frozenset[str] = frozenset()) -> str:
    """The noun ``head`` with the compounds before it ("pay rise", "production line"),
    leaving out the words of ``skip`` (currency names before "takeover")."""
    words = [
        c
        for c in head.children
        if c.dep_ in {"compound", "amod"}
        and c.i < head.i
        and c.is_alpha
        and c.lemma_.lower() not in skip
        and (c.dep_ == "compound" or c.pos_ == "NOUN")
    ]
    return " ".join([w.lower_ for w in words] + [head.lower_])


def active_words(verb: Any) -> str:
    """An active verb with its modals and negation, as written ("cannot return")."""
    kids = [
        c
        for c in verb.children
        if c.i < verb.i and (c.lower_ in MODALS or c.lower_ in NEGATIONS or c.dep_ == "neg")
    ]
    words = [c.lower_ for c in kids] + [verb.lower_]
    return " ".join(words).replace("can not", "cannot")


def _light(verb: Any) -> str | None:
    """What a light verb says: its complement ("missing") or prepositional phrase."""
    for c in verb.children:
        if c.dep_ in {"acomp", "oprd"} and c.is_alpha:
            return c.lower_
        if c.dep_ == "prep" and c.i > verb.i:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in NOUNS]
            if objs:
                return f"{c.lower_} {noun_words(objs[0])}"
    return None


def verb_phrase(tok: Any) -> str | None:
    """What the sentence says about the noun ``tok`` (see the module docstring)."""
    for child in tok.children:
        if child.dep_ in {"relcl", "acl"} and child.pos_ in VERBS:
            subj = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if child.tag_ == "VBN" and (not subj or subj[0].lower_ in RELATIVE):
                return participle(child)  # "residents who were evacuated", "troops deployed"
    head, dep = tok.head, tok.dep_
    if head is tok or head.pos_ not in VERBS:
        return None
    if dep == "nsubjpass":
        return participle(head)
    if dep == "nsubj":
        if head.lemma_.lower() in LIGHT_VERBS:
            return _light(head) or (None if head.lemma_.lower() == "be" else active_words(head))
        return active_words(head)
    if dep in {"dobj", "obj"}:
        return participle(head)
    return None


# what a sum is, named by the verb that moves it ("raised 3 million" -> "amount raised")
MONEY_VERB_NOUNS = {
    "pay": "payment", "spend": "spending", "invest": "investment", "raise": "amount raised",
    "earn": "earnings", "lose": "loss", "borrow": "loan", "lend": "loan", "owe": "debt",
    "fine": "fine", "fin": "fine",  # the small model lemmatises "fined" as "fin"
    "save": "savings", "cut": "cuts", "repay": "repayment", "fetch": "sale price",
    "donate": "donation", "give": "donation", "take": "takings", "seek": "sum sought",
    "promise": "sum promised", "pledge": "sum pledged", "receive": "sum received",
    "win": "winnings", "allocate": "allocation", "get": "sum received",
}  # fmt: skip
# verbs that say nothing of the sum they take: "would see £50bn in cuts", "to allow £4bn"
EMPTY_MONEY_VERBS = frozenset(
    {"see", "allow", "make", "bring", "mean", "need", "have", "leave", "represent",
     "involve", "include", "reach", "put", "add", "total", "mark", "hit", "top", "do",
     "be", "become", "remain", "push"}
)  # fmt: skip
# nouns after "in" that are no kind of sum ("£5m in 2004", "£5m in total")
NOT_SUM_KINDS = frozenset({"total", "year", "month", "week", "quarter", "day", "time", "period"})


def money_noun(cur: Any) -> str:
    """What a sum of money is (``cur`` is its currency token or last number token)."""
    head = cur.head
    if head.dep_ == "poss" and head.head.pos_ in NOUNS and head.head.i > head.i:
        head = head.head  # "his £71,433 minister's salary": the salary's sum, not the minister's
    if cur.dep_ in {"compound", "amod", "nmod", "nummod"} and head.pos_ in NOUNS and head.i > cur.i:
        if head.lower_ == "worth":  # "$1bn worth of contracts"
            of = [g for c in head.children if c.lower_ == "of" for g in c.children]
            if of and of[0].pos_ in NOUNS:
                return noun_words(of[0])
        return noun_words(head, CURRENCY_WORDS)  # "a 1.8 billion euro takeover"
    if cur.dep_ == "pobj" and head.lower_ == "for":
        return "price"
    if cur.dep_ == "pobj" and head.head.pos_ in VERBS:
        objs = [c for c in head.head.children if c.dep_ == "dobj" and c.pos_ in NOUNS]
        if objs:
            return noun_words(objs[0])  # "put the cost of the work at 85 million euros"
    if cur.dep_ == "attr" and head.lemma_ == "be":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in NOUNS]
        if subjects:
            return noun_words(subjects[0])  # "pre-tax profit was £15.4m" -> "profit"
    if cur.dep_ in {"dobj", "attr", "npadvmod"} and head.pos_ in VERBS:
        lemma = head.lemma_.lower()
        if lemma in {"pay", "spend"} and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in [*head.children, *cur.children]
        ):
            return "price"  # "paid 2 million for the site"
        kind = sum_kind(cur) if lemma != "invest" else None  # invested in: not its kind
        if kind is not None:  # "cut £35bn in spending", "allow £4bn in tax cuts"
            return _kind_and_verb(kind, lemma, head)
        if lemma in EMPTY_MONEY_VERBS:
            return "amount"  # says nothing: the fact is dropped
        return MONEY_VERB_NOUNS.get(lemma, lemma)  # "cost about 85 million euros"
    return "amount"


def _kind_and_verb(kind: str, lemma: str, verb: Any) -> str:
    """A sum's kind with what its verb says: "spending" cut -> "spending cuts", "damages"
    claimed -> "damages claimed", "tax cuts" allowed -> "tax cuts" (an empty verb)."""
    noun = MONEY_VERB_NOUNS.get(lemma, "")
    if lemma in EMPTY_MONEY_VERBS or (noun and kind.endswith(noun.split()[-1])):
        return kind
    if noun and " " not in noun:
        return f"{kind} {noun}"
    return f"{kind} {participle(verb)}"


def sum_kind(cur: Any) -> str | None:
    """What a sum is of, by the "in" phrase right after it: "£4bn in tax cuts" -> "tax
    cuts", "£35bn in wasteful spending" -> "spending" (not a year or a place)."""
    head, doc = cur.head, cur.doc
    after = cur.i + 1
    if after < len(doc) and doc[after].text == "(":  # "$20bn (£11bn) in damages"
        close = next((t.i for t in doc[after : after + 8] if t.text == ")"), None)
        after = close + 1 if close is not None else after
    if after < len(doc) and doc[after].pos_ == "ADV":
        after += 1  # "£4bn more in tax cuts"
    preps = [c for c in [*cur.children, *head.children] if c.dep_ == "prep" and c.i == after]
    for prep in preps:
        if prep.lower_ != "in":
            continue
        objs = [
            g
            for g in prep.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_
            and g.lemma_.lower() not in NOT_SUM_KINDS
            and not any(c.dep_ in {"det", "poss"} for c in g.children)  # "in a lawsuit"
        ]  # fmt: skip
        if objs:
            return noun_words(objs[0])
    return None


def percent_noun(pct: Any) -> Any | None:
    """The noun a percentage belongs to: the one it modifies or the "of" it follows."""
    head = pct.head
    modifier = pct.dep_ in {"compound", "amod", "nmod", "nummod", "npadvmod"}
    if modifier and head.pos_ in NOUNS and head.i > pct.i:
        return head  # "a 9% pay rise"
    if pct.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUNS:
        return head.head  # "a pay rise of 6.5%"
    return None


# what a figure may be counted per after "a", "an", "each" or "every" ("£5 a month", "$9.66 a
# share", "£100 a head"); after "per" any noun will do ("$17 per child")
RATE_NOUNS = frozenset(
    {"day", "week", "month", "year", "hour", "minute", "second", "night", "season", "game",
     "match", "share", "head", "person", "child", "pupil", "student", "household", "family",
     "home", "customer", "user", "subscriber", "employee", "worker", "player", "ticket",
     "unit", "copy", "item", "piece", "call", "text", "song", "track", "download", "visit",
     "barrel", "litre", "gallon", "tonne", "ton", "kilo", "pint", "mile", "word", "page"}
)  # fmt: skip
# a price "for an hour" is a rate: only spans of time are read so ("$1 for an hour")
RATE_SPANS = frozenset({"minute", "hour", "day", "night", "week", "month", "year"})


def rate_suffix(doc: Any, end: int, counted: bool = False) -> str:
    """ " per month" for "£5 a month", "£5 per month", "£5 each month", "£5 every month",
    "£5 (€7) a month" or "£5 for a month", right after token ``end`` ("" otherwise): a
    figure per unit is a rate, never a total sum. A ``counted`` noun ("40 applications a
    day") takes only spans of time after "a", "each" or "every"."""
    if end < len(doc) and doc[end].text == "(":  # a bracketed conversion: "$17 (£9) per child"
        close = next((t.i for t in doc[end : end + 8] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    if end + 2 < len(doc) and doc[end].lower_ == "for" and doc[end + 1].lower_ in {"a", "an"}:
        unit = doc[end + 2].lemma_.lower()
        return f" per {unit}" if unit in RATE_SPANS else ""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"a", "an", "per", "each", "every"}:
        return ""
    noun = doc[end + 1]
    unit = noun.lemma_.lower()
    if noun.tag_ not in {"NN", "NNP"} or not noun.is_alpha or unit == "cent":
        return ""
    if doc[end].lower_ == "per" or unit in (RATE_SPANS if counted else RATE_NOUNS):
        return f" per {unit}"  # a count: "a day", not "gave 30 people a home"
    return ""
