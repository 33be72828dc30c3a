"""Line classifiers for furniture that looks like text: the outlet promoting itself
(newsletters, subscriptions, closed comments), audio-player labels, breadcrumbs and
copyright lines. Used by :mod:`storyline.furniture`; each function reads one line.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…。！？;][\"'”’»)\]]*$")


def _vocab(*chunks: str) -> frozenset[str]:
    """A set of words written as space-separated strings."""
    return frozenset(" ".join(chunks).split())


def _words(text: str) -> int:
    """Whitespace-separated words in the line."""
    return len(text.split())


# Promotions for the outlet itself: newsletters, subscriptions, paywalls, closed comments.
_PROMO = re.compile(
    r"\b(?:newsletters?|inbox|subscri(?:be|bes|bing|ptions?|bers?)|sign(?:ing)? up|paywall|"
    r"unlimited (?:access|reading|articles)|premium (?:access|content|members?|subscribers?)|"
    r"free trial|already (?:a (?:subscriber|member)|have an account)|"
    r"log ?in to (?:continue|keep|read)|(?:support|fund) (?:our|independent|quality) journalism|"
    r"become a (?:member|subscriber|supporter))\b",
    re.IGNORECASE,
)
# Sign-up boxes: short lines, reported as furniture even without a call to the reader.
_SIGN_UP = re.compile(r"newsletter|sign up for|sign up to|subscribe to|inbox", re.IGNORECASE)
_INBOX = re.compile(r"newsletter|inbox|sign(?:ing)? up|e-?mail", re.IGNORECASE)
_CLOSED = re.compile(
    r"\b(?:comments?|commenting|discussion|replies)\s+(?:are|is|has been|have been)\s+(?:now\s+)?"
    r"(?:closed|disabled|switched off|turned off|unavailable|not available)\b",
    re.IGNORECASE,
)
# A call to the reader: second person, the outlet speaking as "we", "this article".
_CALL = re.compile(
    r"\b(?:you|your|yours|you're|you'll|our|ours|us|we|we're)\b"
    r"|\bthis (?:article|story|page|post)\b",
    re.IGNORECASE,
)
_IMPERATIVE = _vocab(
    "get subscribe sign join support register download follow try start unlock become enjoy "
    "receive stay never keep click tap enter create log read discover choose"
)
# Quotes and reporting verbs mark news that talks about subscribers or comments.
# The first word of each sentence of a line (where an imperative stands).
_OPENING = re.compile(r"(?:^|[.!?]\s+)([^\W\d_]+)")
_REPORTED = re.compile(r"[\"“”«»]|\b(?:said|says|told|according|announced|reported)\b", re.I)
# Audio players: "Listen to this article", "Listen 5 min", "Play audio", "Audio available".
_AUDIO_CORE = _vocab("listen listening audio podcast narrated narration player")
_AUDIO_WORDS = _AUDIO_CORE | _vocab(
    "play pause stop resume hear to this the article story version now min mins minute minutes "
    "sec secs available here voice read aloud by ai generated an a of speed"
)
# Breadcrumbs: short labels joined by "|", "›", "»", ">" or a spaced "/".
_CRUMB_SEP = re.compile(r"\s+[|/>]\s+|\s*[›»]\s*")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d|\bcopyright\s*(?:©\s*)?(?:(?:19|20)\d\d|by\b)|\ball rights reserved\b",
    re.IGNORECASE,
)


def is_audio_widget(text: str) -> bool:
    """True for the label of an audio player: audio words only, with a listen/audio word."""
    if _words(text) > 8:
        return False
    words = [w.casefold() for w in _WORD.findall(text)]
    return bool(words) and all(w in _AUDIO_WORDS for w in words) and bool(_AUDIO_CORE & set(words))


def is_breadcrumb(text: str) -> bool:
    """True for a breadcrumb or section path: two or more short labels joined by a separator
    ("Local News | Port", "Home › World › Europe"). Lines with digits or sentences are not."""
    if len(text) > 120 or _DIGIT.search(text):
        return False
    parts = _CRUMB_SEP.split(text)
    if len(parts) < 2:
        return False
    limit = 4 if ("›" in text or "»" in text or ">" in text) else 3
    for part in parts:
        words = _WORD.findall(part)
        if not words or len(words) > limit or _SENTENCE_END.search(part):
            return False
        if not part[0].isupper():
            return False
    return True


def promo_reason(text: str, prose: bool = True) -> str | None:
    """ "newsletter", "subscription" or "comment-widget" for the outlet promoting itself.

    A short sign-up line ("Sign up for our newsletter", a bare "Subscribe to X") is a widget
    whenever it names a newsletter or is no sentence (``prose`` False). Otherwise promotion
    vocabulary alone is not enough (news reports talk about subscribers and comments): the
    line must also call on the reader (a sentence opening with an imperative,
    "you", "our", "this article") and must not quote or report anyone.
    """
    words = _words(text)
    if words <= 20 and _SIGN_UP.search(text) and ("newsletter" in text.casefold() or not prose):
        return "newsletter"
    if words > 35 or _REPORTED.search(text):
        return None
    call = bool(_CALL.search(text))
    if _CLOSED.search(text) and (words <= 8 or call):
        return "comment-widget"
    if not _PROMO.search(text):
        return None
    if call or any(w.casefold() in _IMPERATIVE for w in _OPENING.findall(text)):
        return "newsletter" if _INBOX.search(text) else "subscription"
    return None


def is_copyright(text: str) -> bool:
    """True when the line carries a copyright notice ("© 2025 The Star", "Copyright 2024")."""
    return bool(_COPYRIGHT.search(text))
