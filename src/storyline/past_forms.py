"""English past verb forms, as the tense readers of news text need them.

Four readers decide whether a verb near a date is in the past: the time tagger's cue reader
(:mod:`storyline.timex_base`), its past-verb rule (:mod:`storyline.timex_past`), the
timeline's future-cue reader (:mod:`storyline.timeline_tense`) and the timeline's test for a
sentence with a verb (:mod:`storyline.timeline_items`). They read the words, with no parse, so
each needs lists of forms; this module holds them once, by kind, and each reader builds the
set or the pattern its context needs from the kinds it wants.

Regular forms are told by their ending ("-ed", lower case: "United" and "Fed" are names); the
lists here hold what that ending gets wrong: irregular forms of news verbs, and words in "-ed"
that are no verb.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AUXILIARIES",
    "FORECASTS",
    "IRREGULAR",
    "IRREGULAR_BOTH",
    "IRREGULAR_PAST",
    "NOT_VERBS",
    "PARTICIPLES",
    "PAST_AUX",
    "REGULAR",
    "SAYING",
    "UNCHANGED",
    "alternation",
]

# the past of "be" and "have": an auxiliary that puts what follows in the past ("was due
# to", "had planned to")
PAST_AUX = ("was", "were", "had")
# ... and with the past of "do" ("did not see")
AUXILIARIES = (*PAST_AUX, "did")
# irregular verbs of saying
SAYING = ("said", "told", "spoke")
# irregular past forms of other verbs news tells with: those that are no participle ("rose":
# "has risen") and those that are the participle too ("sold": "phones sold in 2008")
IRREGULAR_PAST = (
    "began", "became", "came", "went", "gave", "took", "saw", "rose", "fell", "grew", "sank",
    "shrank", "slid", "broke", "chose", "drew", "drove", "flew", "knew", "ran", "swore",
    "threw", "wrote",
)  # fmt: skip
IRREGULAR_BOTH = (
    "met", "held", "left", "won", "lost", "led", "made", "sent", "built", "bought", "brought",
    "caught", "fought", "found", "got", "heard", "kept", "laid", "lent", "meant", "paid",
    "sold", "sought", "shot", "spent", "stood", "struck", "taught", "thought",
)  # fmt: skip
IRREGULAR = (*IRREGULAR_PAST, *IRREGULAR_BOTH)
# verbs whose past is their present: only the context tells ("hit 50m in 2004")
UNCHANGED = ("hit", "set", "cut", "put", "quit", "shut", "burst")
# past participles unlike the past form, each with that past form ("seen by 9 million
# viewers" -> "who saw")
PARTICIPLES = {
    "seen": "saw", "taken": "took", "given": "gave", "chosen": "chose", "written": "wrote",
    "done": "did", "known": "knew", "driven": "drove", "thrown": "threw", "drawn": "drew",
    "eaten": "ate", "spoken": "spoke", "broken": "broke", "ridden": "rode", "sung": "sang",
    "begun": "began", "forgotten": "forgot", "hidden": "hid", "stolen": "stole",
    "worn": "wore", "grown": "grew", "flown": "flew", "fallen": "fell", "gone": "went",
    "beaten": "beat", "shown": "showed", "bitten": "bit", "sworn": "swore", "risen": "rose",
    "born": "bore",
}  # fmt: skip
# the "-ed" forms of forecasting: they look ahead ("growth expected in 2006"), not back
FORECASTS = ("expected", "projected", "predicted", "forecasted", "estimated")
# words in "-ed" that are no verb (those in "-eed" or shorter than five letters are told by
# their shape: "need", "aged")
NOT_VERBS = ("hundred", "embed", "sacred", "naked", "wicked", "kindred", "rugged", "beloved")
# the pattern of a regular past form: lower case, five letters or more, in "-ed" but not in
# "-eed", not one of NOT_VERBS (put ``\b`` around it)
REGULAR = r"(?!(?:" + "|".join(NOT_VERBS) + r")\b)[a-z]{3,}(?<!e)ed"


def alternation(*groups: Iterable[str]) -> str:
    """The words of ``groups`` as one regular-expression alternation ("was|were|had"), longest
    first so that no word stops at a shorter one's end; put ``\\b`` around it."""
    words = sorted({w for group in groups for w in group}, key=lambda w: (-len(w), w))
    return "|".join(words)
