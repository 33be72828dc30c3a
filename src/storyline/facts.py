"""Facts of a story: the same number or dated statement gathered across articles.

Quantities meet when their holder (after alias resolution), unit, place and attribute
(the counted noun and its predicate: "pay rise demanded" is not "pay rise accepted")
agree; only such statements can conflict. Groups of the same unit and place whose values
all agree then join although their wording differs ("1.8 billion euro takeover", "bought
for 1.8 billion euros"): that is corroboration, never a conflict. Quantities with no
readable attribute are dropped. Claims meet when their predicate agrees, their
places do not disagree (a claim without a place fits any) and their subjects share a
word or they name the same place with compatible dates.

Whether two values agree is :mod:`storyline.fact_agreement`.

A fact is "conflicting" when two of its statements disagree, else "corroborated" when
two or more independent sources state it (an article with ``duplicate_of`` counts as
its original, and two reports of one outlet as one source: :func:`storyline.model.source_of`),
else "single-source". A value stated only by articles that also state
another value of the same fact is dropped as a misreading rather than a conflict.

Figures with neither holder nor place ("people killed", "jets ordered") are about the
happening their article reports. When the values of such a figure come from different
events of the story and no event states two of them, they are separate facts, not a
conflict: 300 killed in one earthquake and 1,200 in another. So are values whose sentences
name different times and none in common, or a forecast against a report (tolls excepted;
:mod:`storyline.fact_statements`). (An article whose event is not
known could report any, so its figure still conflicts.) A figure described by its counted
noun alone ("70 aircraft", "27 countries") says even less: its values can corroborate one
another but never conflict (tolls excepted: "12 casualties" and "15 casualties" do).

Values that follow one another in time are an update, not a conflict: when every
statement comes from an article dated to the day and each value was last reported
before the next one was first reported (a toll of 84 on Monday, 95 from Tuesday on),
the fact is marked ``updated``, its values run oldest first, and its value, status and
independent sources are those of the latest value. One article still repeating the old
figure after the new one appeared makes it a conflict again.

Figures that say nothing on their own are left out: a generic description ("a share",
"an amount", "rose 4%") does not say what was measured, even with a holder, and small
counts (one or two) with no holder and no place ("the two parties", "two companies")
name the actors rather than report a figure, and a count of one says nothing even with a
holder ("Britain ... one colour"). Deaths, injuries and people are kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyline.aliases import canonical, canonical_lookup
from storyline.claims import LEXICON_PREDICATES
from storyline.fact_agreement import compatible
from storyline.fact_statements import Statement, agree, by_happening, sentence_when, value_clusters
from storyline.model import Article, Entity, Fact, FactValue, source_of
from storyline.quantity_phrases import PRICE_NOUNS
from storyline.quantity_words import CURRENCY, MONEY_WORDS, plural

NAMED_UNITS = {"dead": "people", "wounded": "people", "casualties": "people"}
WHOLE_PHRASE_UNITS = frozenset({"%", "USD", "EUR", "GBP", "money"})
ATTRIBUTE_OF = {
    "end": "end date",
    "form": "year formed",
    "born": "date of birth",
    "begin": "start date",
    "continue-until": "continues until",
    "agree": "agreement date",
    "announce": "announcement date",
    "postpone": "postponement date",
    "withdraw": "withdrawal date",
    "die": "date of death",
    "elect": "date elected",
    "complete": "completion date",
}
SUBJECT_STOP = frozenset({"the", "a", "an", "of", "and", "international", "military"})
ALWAYS_COUNTED = frozenset({"dead", "wounded", "casualties", "people", "missing"})
# descriptions that do not say what a figure is about without a holder or a place
GENERIC_ATTRIBUTES = frozenset(
    {"amount", "share", "level", "rate", "estimate", "forecast", "rise", "gain", "drop",
     "fall", "reach", "increase", "decrease", "improvement", "figure", "total", "number"}
)  # fmt: skip
LENGTH_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})
# measures read as counted nouns: "crossed the line in 6.67 secs" counts no seconds
MEASURES = frozenset({"sec", "second", "metre", "meter", "km", "kilometre", "mile", "kg"})
NAMED_BY_OBJECT = frozenset({"announce", "agree", "begin", "postpone", "complete", "end"})


def _day(art: Article) -> str | None:
    value = art.published.value or ""
    return value if len(value) == 10 else None


def _int(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _sentence(art: Article, index: int) -> str:
    if 0 <= index < len(art.analysis.sentences):
        return " ".join(art.sentence_text(index).split())
    return ""


def consolidate_facts(articles: list[Article], entities: list[Entity]) -> list[Fact]:
    """The story's facts: quantity facts first, then dated-claim facts."""
    table = canonical_lookup(entities)
    by_id = {a.id: a for a in articles}
    facts = _quantity_facts(articles, by_id, table) + _claim_facts(articles, by_id, table)
    return facts


def _quantity_facts(
    articles: list[Article], by_id: dict[str, Article], table: dict[str, str]
) -> list[Fact]:
    groups: dict[tuple[str, str, str, str], list[Statement]] = defaultdict(list)
    bare: set[tuple[str, str, str, str]] = set()  # described by the counted noun alone
    for art in articles:
        seen: set[tuple[str, str, str, str]] = set()
        for q in art.analysis.quantities:
            attribute = " ".join((q.attribute or q.noun or "").split())
            if q.value <= 0 or not re.search(r"[a-z]{2}", attribute):
                continue
            subject = canonical(q.subject, table) if q.subject else ""
            place = canonical(q.place, table) if q.place else ""
            key = (subject, q.unit, place, attribute)
            if key in seen:
                continue  # one statement per article and key: its first
            seen.add(key)
            described = q.attribute and attribute not in (q.noun, plural(q.noun or ""))
            if not described and q.unit not in ALWAYS_COUNTED:  # a toll is never bare
                bare.add(key)
            text = _sentence(art, q.sentence) or q.text
            low = None if q.low is None else _int(q.low)
            times, forecast = sentence_when(art, q.sentence, q.start, q.end)
            groups[key].append(
                Statement(
                    art.id, source_of(art, by_id), _int(q.value), q.hedge, text, _day(art), low,
                    event=art.event, rounded=q.unit not in ALWAYS_COUNTED, times=times,
                    forecast=forecast,
                )
            )  # fmt: skip
    merged = _merge_agreeing(groups)
    facts = []
    for (subject, unit, place, attribute), statements in merged:
        if _names_the_actors(subject, unit, place, attribute, statements):
            continue
        shown = attribute + (f" in {place}" if place else "")
        named = subject or place or _noun_of(unit, attribute)
        key = (subject, unit, place, attribute)
        toll = unit in ALWAYS_COUNTED
        parts = [statements] if subject or place else by_happening(statements, key in bare, toll)
        facts.extend(_fact(named, shown, unit, part) for part in parts)
    return facts


def _names_the_actors(
    subject: str, unit: str, place: str, attribute: str, stmts: list[Statement]
) -> bool:
    """Whether a quantity group says nothing on its own: a figure whose only description
    is generic ("a share", "an amount", "rose 4%"), or a small count of unnamed actors
    (module docstring)."""
    if unit in ALWAYS_COUNTED:
        return False
    if attribute.split(" ")[0] in GENERIC_ATTRIBUTES:
        return True
    if unit in WHOLE_PHRASE_UNITS and all(_money_word(w) for w in attribute.split()):
        return True  # "cents 33 vs 65": the currency alone says nothing of what the sum is
    if unit in WHOLE_PHRASE_UNITS or unit in LENGTH_UNITS:
        return False  # "a two-day strike" is a length, not a count of actors
    if unit in MEASURES:
        return True  # a time or a distance with only its unit to say what it is of
    if all(s.value == 1 and s.low is None for s in stmts):
        return True  # "Britain's one colour", "one structure": a count of one is no figure
    if subject or place:
        return False
    return all(isinstance(s.value, int | float) and s.value <= 2 for s in stmts)


def _money_word(word: str) -> bool:
    """ "cents", "riyals", "dollars", "money": a word that only says a sum is money."""
    singular = word.removesuffix("s")
    return word == "money" or any(w in MONEY_WORDS or w in CURRENCY for w in (word, singular))


def _noun_of(unit: str, attribute: str) -> str:
    """What a quantity without holder or place is about: the counted noun ("residents")."""
    if unit in WHOLE_PHRASE_UNITS or unit.isupper() or " " not in unit and unit.endswith("s"):
        return attribute  # currency codes ("CNY") and plurals name nothing better
    if unit in NAMED_UNITS or unit == "people":
        return NAMED_UNITS.get(unit, unit)
    return plural(unit)


def _merge_agreeing(
    groups: dict[tuple[str, str, str, str], list[Statement]],
) -> list[tuple[tuple[str, str, str, str], list[Statement]]]:
    """Join groups of one unit and place whose values all agree (see module docstring),
    to 2%: a figure rounded in another wording is as likely another figure ("£500m" for a
    sports fund beside "£520m" set aside for a war), and a hedge does not widen that ("some
    47%" of voters is not a "50%" tax rate).

    Holders must be equal, or one of them missing when the two wordings share a word:
    India's "$20bn investment" does not take in "$20bn in damages sought" by somebody
    the sentence does not name. The group stated by most sources names the result (and
    a named holder wins over none)."""
    items = sorted(
        groups.items(),
        key=lambda kv: (-len({s.root for s in kv[1]}), -len(kv[0][3].split()), kv[0]),
    )
    out: list[tuple[tuple[str, str, str, str], list[Statement]]] = []
    same_kind: dict[tuple[str, str], list[int]] = defaultdict(list)  # (unit, place) -> in out
    for key, stmts in items:
        kind = (key[1], key[2])
        for k in same_kind[kind]:
            okey, others = out[k]
            if okey[0] and key[0] and okey[0] != key[0]:
                continue
            if bool(okey[0]) != bool(key[0]) and not _share_word(okey[3], key[3]):
                continue  # India's "investment" is not the unheld "damages sought"
            if _per(okey[3]) != _per(key[3]):
                continue  # "$17 per child" is a rate: it never joins a total sum
            if any(s.low is not None for s in stmts + others):
                continue  # a range is wide: it joins no other wording on agreement alone
            if all(agree(a, b, rounding=False) for a in stmts for b in others):
                subject = okey[0] or key[0]
                out[k] = ((subject, *okey[1:]), others + stmts)
                break
        else:
            same_kind[kind].append(len(out))
            out.append((key, list(stmts)))
    return out


def _per(attribute: str) -> str:
    """What a rate is counted per ("price per child" -> "child"; "" for a total)."""
    return attribute.partition(" per ")[2]


def _share_word(a: str, b: str) -> bool:
    """Whether two attributes share a word of four letters or more ("stake bought" and
    "stake held"), plural or not; the words of a price paid count as one ("takeover",
    "purchase", "price")."""
    words = [{w.removesuffix("s") for w in x.split() if len(w) >= 4} for x in (a, b)]
    prices = [bool(w & PRICE_NOUNS) for w in words]
    return bool(words[0] & words[1]) or all(prices)


def _fact(subject: str, attribute: str, unit: str | None, stmts: list[Statement]) -> Fact:
    """One fact from its statements: values clustered, status decided."""
    values = value_clusters(stmts)
    # A conflict is between sources: a value stated only by articles that also state
    # another value is that article's slip (a misparse), not a disagreement.
    values.sort(key=lambda c: -len(c))
    values = [
        c
        for k, c in enumerate(values)
        if k == 0 or not {s.article for s in c} <= {s.article for o in values[:k] for s in o}
    ]
    stmts = [s for c in values for s in c]
    several = len(values) > 1
    updated = several and _in_sequence(values)
    if updated:
        values.sort(key=lambda c: min(str(s.day) for s in c))
        latest = values[-1]
    else:
        values.sort(key=lambda c: (-len({s.root for s in c}), -len(c)))
        latest = stmts
    fact_values = [_fact_value(c) for c in values]
    best = fact_values[-1] if updated else fact_values[0]
    independent = len({s.root for s in latest})
    if several and not updated:
        status = "conflicting"
    else:
        status = "corroborated" if independent >= 2 else "single-source"
    return Fact(
        subject=subject,
        attribute=attribute,
        value=best.value,
        unit=unit,
        status=status,
        sources=sorted({s.article for s in stmts}),
        independent_sources=independent,
        values=fact_values if several else [best],
        hedge=best.hedge,
        updated=updated,
        low=best.low,
        forecast=all(s.forecast for s in stmts),
    )


def _in_sequence(values: list[list[Statement]]) -> bool:
    """Whether value clusters follow one another in time (see the module docstring)."""
    if any(s.day is None for c in values for s in c):
        return False
    spans = sorted((min(str(s.day) for s in c), max(str(s.day) for s in c)) for c in values)
    return all(earlier[1] < later[0] for earlier, later in zip(spans, spans[1:], strict=False))


def _fact_value(cluster: list[Statement]) -> FactValue:
    """The value a cluster of agreeing statements supports (the most precise date, the
    most frequent number), its sources, its commonest hedge and one sentence."""
    if all(isinstance(s.value, str) for s in cluster):
        value: object = max((str(s.value) for s in cluster), key=len)
    else:
        value = Counter(s.value for s in cluster).most_common(1)[0][0]
    agree = [s for s in cluster if s.value == value] or cluster
    hedge = Counter(s.hedge for s in agree).most_common(1)[0][0]
    low = Counter(s.low for s in agree).most_common(1)[0][0]
    days = sorted(str(s.day) for s in cluster if s.day)
    return FactValue(
        value=value,
        sources=sorted({s.article for s in cluster}),
        hedge=hedge,
        text=agree[0].text,
        first_reported=days[0] if days else None,
        last_reported=days[-1] if days else None,
        low=low,
    )


def _claim_facts(
    articles: list[Article], by_id: dict[str, Article], table: dict[str, str]
) -> list[Fact]:
    items = []
    for art in articles:
        for c in art.analysis.claims:
            if c.predicate not in LEXICON_PREDICATES:
                continue
            place = canonical(c.place, table) if c.place else None
            words = {w for w in c.subject.lower().split() if w not in SUBJECT_STOP}
            items.append((art, c, place, words))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, ci, pi, wi) in enumerate(items):
        for j in range(i):
            _, cj, pj, wj = items[j]
            if ci.predicate != cj.predicate or (pi and pj and pi != pj):
                continue
            same_place = bool(pi and pi == pj) and compatible(ci.value, None, cj.value, None)
            # two unnamed things ("the dam", "the structure") said to have the same
            # dated event on the same day or year are taken to be one thing
            same_value = ci.value == cj.value and not (ci.subject in table or cj.subject in table)
            if ci.object and cj.object and ci.object != cj.object:
                continue  # "announced a truce" and "announced an inquiry" are two facts
            if wi & wj or same_place or same_value:
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        clusters[find(i)].append(i)
    facts = []
    for members in clusters.values():
        group = [items[i] for i in members]
        subject = Counter(canonical(c.subject, table) for _, c, _, _ in group).most_common(1)[0][0]
        places = Counter(p for _, _, p, _ in group if p)
        pred = group[0][1].predicate
        attribute = ATTRIBUTE_OF.get(pred, f"{pred} date")
        objects = Counter(c.object for _, c, _, _ in group if c.object)
        if objects and pred in NAMED_BY_OBJECT:
            attribute += f" of {objects.most_common(1)[0][0]}"
        if places:
            where = f"in {places.most_common(1)[0][0]}"
            attribute = attribute.replace(" until", f" {where} until", 1)
            attribute += "" if where in attribute else f" {where}"
        stmts = [
            Statement(
                a.id,
                source_of(a, by_id),
                c.value,
                c.mod,
                c.text or _sentence(a, c.sentence),
                _day(a),
            )
            for a, c, _, _ in group
        ]
        facts.append(_fact(subject, attribute, None, stmts))
    return facts
