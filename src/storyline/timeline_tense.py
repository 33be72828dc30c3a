"""Whether a future cue governs a date in its sentence (:mod:`storyline.timeline_items`).

An article with no publication date tells what is still to come only by its words: "will be
issued in 2008", "is expected to go on sale by the end of the year", "hoped to return to
profit in 2006", "the upcoming referendum, expected in 2006". A cue word anywhere earlier in
the sentence is not enough: in "campaigners are to stage a rally for a link closed in 1969"
the cue governs the rally, not the closure, and in "we'll see no spree - we certainly did
not see that before 2001" it lies in another clause. The item builder has no parse, so the
rule is read off the words, inside the date's clause:

* the clause starts after the last ";", ":", dash or relative word ("which", "who") before
  the date;
* the last future cue of that clause governs the date unless a past verb ("was", "made",
  "closed") comes between them outside the cue's own verb group ("would be issued", "is to
  be released", "will have registered": the participle is the cue's verb);
* a date fronted before its clause's verb ("In 2006, the firm will float") takes the cue
  that opens the verb;
* a date read after "since" is always past;
* a date said to come "later" ("later this month", "later today", "later on Saturday") is a
  cue of its own, unless a past verb other than one of saying tells its clause.
"""

from __future__ import annotations

import re

from storyline.past_forms import (
    AUXILIARIES,
    FORECASTS,
    IRREGULAR,
    IRREGULAR_BOTH,
    PARTICIPLES,
    REGULAR,
    SAYING,
    UNCHANGED,
)
from storyline.timeline_plans import PAST_MODALS, PAST_PLAN, past_plan, reported_plan, with_tense
from storyline.timex_rules import FUTURE_CUE

__all__ = ["announces", "future_governs", "governing_cue", "past_plan", "reported_plan"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Cues the timex rules do not need (they anchor no date) but a timeline does: plans, hopes
# and forecasts whose object is still to come.
_EXTRA_CUE = re.compile(
    r"\b(?:(?<!than )(?<!as )(?:expected|projected|predicted|predicts?|predicting|forecasts?|"
    r"forecasting)|"
    r"hop(?:e|es|ed|ing) to|expects? for|expects?|expecting|(?:is|are) set (?:to|for)|"
    r"(?<!make )(?<!makes )(?<!made )(?<!making )(?:sure|certain|bound) to|"
    r"(?:aim|goal) of|efforts? to|"
    r"look(?:s|ed|ing)? to|wants? to|wanted to|aim(?:ed|ing) to|"
    r"intend(?:ed|ing) to|likely to|poised to|on course to|on track to|slated|"
    r"comes? into (?:force|effect))\b",
    re.IGNORECASE,
)
# lower case: not "May"; "can" looks ahead ("it can achieve this in 2007"), not as a passive
# of the present ("this can be attributed to growth of 5.2% in 2004")
_MODAL = re.compile(
    r"\b(?:can(?!\s+(?:be|now|already|still|also|only)\b)|could(?!\s+(?:not|never)\b)|may|"
    r"might|should|must)\b"
)  # "could not choose": an ability that failed, told in the past
# a new clause: after ";", ":", a dash, a relative word, or "but" before its own subject ("but
# the pair split", "but it's Saturday"; not "will rise, but not by much")
_BOUNDARY = re.compile(
    r"[;:]\s|\s[–—-]+\s|\b(?:which|who|whom|whose|where)\b|"
    r"\bbut\s+(?=(?:the|a|an|its|his|her|their|it|it's|he|she|they|we|i|you|(?-i:[A-Z])\w+)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?")  # "built-in" is no "built"
# past forms read as such without the "-ed" test (storyline.past_forms): "agreed" is one
# of the words in "-eed" that are verbs
_PAST_FINITE = frozenset((*AUXILIARIES, *SAYING, *IRREGULAR, *PARTICIPLES, "agreed"))
# a regular past form, maybe after a prefix ("re-elected", "well-received")
_REGULAR = re.compile(r"(?:[a-z]+-)*(?:" + REGULAR + ")")
_GROUP = _set("be been being have has get to")  # the cue's own verb group
_ADVERB = _set(
    "not also still probably possibly likely then soon now only even further finally "
    "eventually first again already certainly once just"
)
_DETERMINER = _set(
    "a an the its their his her our your my this that these those new more most fully newly"
)
_FUTURE_TENSE = frozenset({"will", "shall", "'ll", "’ll", "going to"})
_SINCE_WORDS = re.compile(r"since\b", re.IGNORECASE)
# a date compared with ("lower than in 2004", "up on 2003") is the baseline, not the plan
_BASELINE = re.compile(
    r"(?<!later )(?<!earlier )\bthan\s+(?:in\s+|during\s+|for\s+)?(?:the\s+)?$", re.IGNORECASE
)
# a date said to come later than the time of writing: "later this month", "later today",
# "later on Saturday" (the tagger puts "later" in the span before "this"/"today", not before
# a weekday)
_LATER = re.compile(r"later\s+(?:this|today|tonight)\b", re.IGNORECASE)
_LATER_BEFORE = re.compile(r"\blater\s+(?:on\s+)?$", re.IGNORECASE)
# a delay's new date (the date's words start with its signal: "until 2006")
_UNTIL = re.compile(r"(?:until|till)\s", re.IGNORECASE)
_DELAYED = re.compile(r"\b(?:delayed|postponed|deferred|(?:put|pushed)\s+back)\s+$", re.I)
_PRESENT_AUX = _set("is are am be been being has have 's 're")
_SAID = _set("said told added stated noted announced confirmed admitted claimed insisted warned")
_PAST_AFTER = re.compile(r"\W*(?:was|were|had)\b", re.IGNORECASE)
# words that may stand before a date fronted in its clause ("By 2008, it will ...")
_FRONT = _set(
    "in by from until till since after before during on at the early late mid for of around "
    "about end start beginning middle come and but so then also even as soon although though "
    "while if unless"
)
_SINCE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:(?:start|end|beginning|middle)\s+of\s+)?$|"
    # "the first to win since Mark Edmondson in 1976": the point looked back to, named
    r"\bsince\s+(?![a-z]+ing\b)"  # not "will make her debut since winning gold in January's"
    r"(?:(?!(?:will|would|is|are|has|have|can|could|may|might|should|must|to)\b)"
    r"[\w'’.-]+\s+){1,4}(?:in|at|during|on)\s+$",
    re.I,
)
# forms that can be a participle after a noun: "phones sold in 2008", "cars built by 2006"
_PARTICIPLE = frozenset((*IRREGULAR_BOTH, *PARTICIPLES, *UNCHANGED))
# words after which a past form is no participle of a noun's
_FUNCTION = _set(
    "a an the its their his her our your my this that these those it he she they we i you "
    "him them us who which what having being been be is are was were has have had do does "
    "did and or but nor not also"
)
_SUBORDINATOR = _set(
    "after before when whenever as since because while once if though although unless until than so"
)
_TO_DATE = _set("in by during on at for until till through throughout")
_BEFORE_ADJECTIVE = _set("and or of in with for on at by from into")
# a forecast verb, and what goes on after the date in its object
_FORECAST_VERB = re.compile(
    r"expect(?:s|ed|ing)|forecast(?:s|ed|ing)?|predict(?:s|ed|ing)|projected", re.IGNORECASE
)
_OBJECT_GOES_ON = re.compile(
    r"\W{0,3}(?:to|will|would|could|should|may|might|can)\s+(?:[a-z]+ly\s+)?[a-z]{2,}\b"
)
# a forecast's past form, and what makes it a verb of its own telling what happened
_FORECAST_PAST = frozenset((*FORECASTS, "forecast"))
_BE = _set("is are am was were be been being isn't aren't wasn't weren't")
_NEVER = _set("never hardly scarcely")
_SKIPPED = _ADVERB | _NEVER | _set("ever long")  # between a subject and its verb
_NEGATIVE_SUBJECT = _set("nobody none few no-one")
_NOT_QUANTIFIER = _set("many all everyone everybody much even one")


def _past(word: str, previous: str) -> bool:
    """``word`` is a past verb form (not an adjective after a determiner)."""
    low = word.lower()
    if low in _PAST_FINITE:
        return True
    if low in FORECASTS or not _REGULAR.fullmatch(word):
        return False  # "expected" looks ahead: a cue (see _EXTRA_CUE), not a past
    return previous not in _DETERMINER


def _cues(clause: str) -> list[re.Match[str]]:
    found = [
        *FUTURE_CUE.finditer(clause),
        *_EXTRA_CUE.finditer(clause),
        *_MODAL.finditer(clause),
        *PAST_PLAN.finditer(clause),
    ]
    return sorted(found, key=lambda m: m.start())


def _governs(after_cue: str, modal: bool, forecast_object: bool = False) -> bool:
    """The words between a cue and its date leave the date to the cue: no past verb beyond
    the cue's own verb group (adverbs, "be"/"have", then one verb). With
    ``forecast_object`` (see :func:`_forecast_object`) a participle after a noun right
    before the date is the noun's, not a past verb: "expects the number of phones sold in
    2008 to reach 50m"."""
    words = _WORD.findall(after_cue)
    perfect = len(words) > 1 and words[0].lower() == "have"
    if modal and perfect and (words[1].lower() == "been" or _past(words[1], "have")):
        return False  # "may have been killed in 2001", "would have forced": past
    state = "aux"  # before the cue's verb: adverbs, "be", "have", "to"
    previous = ""
    for i, word in enumerate(words):
        low = word.lower()
        if state == "aux" and (low in _ADVERB or low in _GROUP or low.endswith("ly")):
            pass
        elif state == "aux":
            state = "verb"  # the cue's verb itself
        elif state == "verb" and low == "to":
            state = "aux"  # a chain: "will need to have registered by"
        elif _past(word, previous) and previous not in {"be", "been", "being"}:
            if _adjective(words, i):
                pass  # "will play doubles and mixed doubles events in 2005"
            elif not (forecast_object and _reduced_relative(words, i)):
                return False  # "expects 1m boxes to be sold in 2005": a passive to come
        else:
            state = "rest"
        previous = low
    return True


def _adjective(words: list[str], i: int) -> bool:
    """``words[i]``, a form in "-ed", is an adjective before a noun: after "and", "or" or a
    preposition and before a lower-case word that is no preposition ("doubles and mixed
    doubles events", "with reduced prices")."""
    if i == 0 or i + 1 >= len(words) or not _REGULAR.fullmatch(words[i]):
        return False
    following = words[i + 1]
    return (
        words[i - 1].lower() in _BEFORE_ADJECTIVE
        and following.isalpha()
        and following.islower()
        and following not in _FUNCTION | _TO_DATE | _set("to from with into as than")
    )


def _reduced_relative(words: list[str], i: int) -> bool:
    """``words[i]`` is a participle that tells of the noun before it, with only a
    preposition between it and the date ("phones sold in", "cars built by"), and no
    subordinator before it opens a clause of its own ("after rivals sold in")."""
    word, rest = words[i], words[i + 1 :]
    if word.lower() not in _PARTICIPLE and not _REGULAR.fullmatch(word):
        return False
    noun = words[i - 1] if i else ""
    if not noun.isalpha() or not noun.islower() or noun in _FUNCTION or noun.endswith("ly"):
        return False
    if any(w.lower() in _SUBORDINATOR for w in words[:i]):
        return False
    return len(rest) == 1 and rest[0].lower() in _TO_DATE


def _forecast_object(cue: str, after: str) -> bool:
    """Whether ``cue`` is a forecast verb ("expects", "forecast", "predicted") whose
    object goes on after the date with a verb of its own ("... in 2008 to reach 50
    million", "... in 2008 will double"): the date is then inside what is forecast."""
    return bool(_FORECAST_VERB.fullmatch(cue) and _OBJECT_GOES_ON.match(after))


def _past_forecast(clause: str, cue: re.Match[str]) -> bool:
    """Whether ``cue`` is the past form of a forecast verb as a verb of its own, after
    "had", "never" or a negative subject: "Nobody expected the crash in 2001", "Few had
    expected the merger in 1999" tell of what happened, and the date with it; "The merger
    is expected in 2006", "the vote, (not) expected in 2006", "Analysts expected growth
    in 2006" and a plan in the past perfect ("had expected to finish in 2005", as "had
    planned to") still look ahead."""
    if cue.group().split()[0].lower() not in _FORECAST_PAST:
        return False
    words = [w.lower() for w in _WORD.findall(clause[: cue.start()].replace("’", "'"))]
    never = False
    while words and (words[-1] in _SKIPPED or words[-1].endswith("ly")):
        never = never or words.pop() in _NEVER
    if not words or words[-1] in _BE or words[-1].endswith(("'s", "'re")):
        return False  # a passive: "is not expected in 2006", "it's expected in 2006"
    pairs = zip(["", *words], words, strict=False)
    negative = any(
        (w in _NEGATIVE_SUBJECT and p not in {"a", "quite"})  # "a few" is no negation
        or (p, w) in {("no", "one"), ("hardly", "anyone")}
        or (p == "not" and w in _NOT_QUANTIFIER)  # "not many investors"
        for p, w in pairs
    )
    if never or negative:
        return True
    # "had expected the merger in 1999"; but "had expected to finish" is as "had planned to"
    return words[-1] in {"had", "hadn't"} and not re.match(r"\S+\s+to\b", clause[cue.start() :])


def _told_past(clause: str, after: str) -> bool:
    """Whether a past verb tells the clause ("the vote was held later that day", "the
    vote later on Tuesday was cancelled"); a present perfect or passive is no past ("has
    admitted", "is released"), nor is a verb of saying ("said he may rest players if the
    tie later this month goes well")."""
    words = [w.lower() for w in _WORD.findall(clause.replace("’", "'"))]
    pairs = zip(["", *words], words, strict=False)
    if any(_past(w, p) and p not in _PRESENT_AUX and w not in _SAID for p, w in pairs):
        return True
    return bool(_PAST_AFTER.match(after))


def _clause_start(text: str) -> int:
    """Where the clause ending at the end of ``text`` starts."""
    cuts = [m.end() for m in _BOUNDARY.finditer(text)]
    return cuts[-1] if cuts else 0


def future_governs(before: str, after: str, expression: str = "") -> bool:
    """A future cue governs the date that ``before`` (the sentence up to the date's words
    ``expression``) and ``after`` (the rest of the sentence) surround."""
    return governing_cue(before, after, expression) is not None


def governing_cue(before: str, after: str, expression: str = "") -> str | None:
    """The future cue (lowercased; with "was", "were" or "had" when one stands right before
    it) that governs the date, or None; see :func:`future_governs`."""
    if _SINCE.search(before) or _SINCE_WORDS.match(expression) or _BASELINE.search(before):
        return None
    clause = before[_clause_start(before) :]
    later = _LATER.match(expression) or _LATER_BEFORE.search(before)
    if later and not _told_past(clause, after):
        return "later"  # "is released later this month", "plays in the final later on Saturday"
    if _UNTIL.match(expression) and _DELAYED.search(before):
        return "delayed until"  # the new date of a delay: "has been delayed until 2006"
    cues = _cues(clause)
    if cues:
        last = cues[-1]
        cue = last.group().lower()
        if _past_forecast(clause, last):
            return None  # "Nobody expected the crash in 2001": a past verb
        forecast_object = _forecast_object(cue, after)
        if not _governs(clause[last.end() :], cue in PAST_MODALS, forecast_object):
            return None
        return with_tense(clause[: last.start()], cue, clause[last.end() :])
    if any(w.lower() not in _FRONT for w in _WORD.findall(clause)):
        return None  # the date is not fronted: the clause's verb came before it, no cue
    end = _BOUNDARY.search(after)
    rest = after[: end.start()] if end else after
    opening = _cues(rest)
    if not opening:
        return None
    lead = rest[: opening[0].start()]
    if any(_past(w, "") for w in _WORD.findall(lead)):
        return None
    return opening[0].group().lower()


def announces(clause: str) -> bool:
    """Whether a clause tells what is still to come in the future tense ("will", "shall",
    "going to"), with no past verb before it: "The chancellor will say ...", not "The
    chancellor said aid must double". A plan announced ("is to leave", "plans to bid") is
    news of its day, so it does not count."""
    for cue in _cues(clause):
        if cue.group().lower() not in _FUTURE_TENSE:
            continue
        words = _WORD.findall(clause[: cue.start()])
        previous = [""] + [w.lower() for w in words]
        perfect = any(w.lower() in {"has", "have", "had"} for w in words)  # "has predicted"
        return not perfect and not any(_past(w, p) for w, p in zip(words, previous, strict=False))
    return False
