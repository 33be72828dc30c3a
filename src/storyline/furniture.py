"""Line classifiers for the clean stage: is one line of a page furniture, prose, a title?

Everything here looks at a single line (plus, for repetition, a count of how often it occurs
on the page). The decisions rest on features that hold across sites: the length of the line,
whether it ends like a sentence, whether every word comes from a small vocabulary of widget
words, date/time tokens, a credit in parentheses at the end. No site's exact strings are
listed. Every regex is anchored or bounded so that a line of any length is read in linear time.
"""

from __future__ import annotations

import re

from storyline.promo import is_audio_widget, is_breadcrumb, is_copyright, promo_reason

# A line longer than this is prose whatever it holds: no widget or caption is that long.
LONG_LINE = 400

_DIGIT = re.compile(r"\d")
_KEY_JUNK = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…。！？;][\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# --------------------------------------------------------------------------- widget words
# Words that make up share bars, comment boxes and navigation. A short line made only of
# these words (and numbers) is a widget. Function words count as widget words but do not
# identify a category on their own.
def _vocab(*chunks: str) -> frozenset[str]:
    """A set of words written as space-separated strings."""
    return frozenset(" ".join(chunks).split())


_FUNCTION = _vocab(
    "a an the to of in on at for by and or is are be you your my our us this all here it "
    "with via from first most more now not no"
)
_SHARE = _vocab(
    "share shared sharing facebook twitter tweet whatsapp linkedin pinterest telegram reddit "
    "email e-mail mail print copy link messenger sms pocket flipboard tumblr vk bluesky "
    "mastodon instagram youtube tiktok follow save bookmark x"
)
_COMMENT = _vocab(
    "comment comments commenting vote votes voted rating ratings rate subscribe notify guest "
    "oldest newest inline feedback feedbacks view leave reply replies respond responses "
    "login logged log join discussion conversation write thoughts show hide load sort best "
    "report cancel submit required fields marked disqus powered upvote downvote add name "
    "website post posted"
)
_NAV = _vocab(
    "skip content menu home back top search navigation nav toggle close open previous prev "
    "next sign register account profile settings sitemap breadcrumb jump go main feature "
    "featured image images article news story page site"
)
_WEAK = {"article", "news", "story", "page", "site", "image", "images", "post", "posted"}
_WIDGET_WORDS = _FUNCTION | _SHARE | _COMMENT | _NAV

# --------------------------------------------------------------------------- dates
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
    "décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre januar februar märz maerz juni juli oktober dezember gennaio febbraio aprile "
    "maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março maio junho julho "
    "setembro outubro novembro dezembro"
)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun"
)
_TIME_LABELS = (
    "published updated last modified posted at on date time am pm a.m p.m gmt utc edt est "
    "cst cdt pst pdt bst cet cest ist et pt ago hour hours minute minutes min mins day days "
    "week weeks month months year years yesterday today first of the th st nd rd le el am um "
    "publié mis à jour actualizado publicado aktualisiert veröffentlicht"
)
_MONTH_WORDS = _vocab(_MONTHS)
_TIME_WORDS = _vocab(_MONTHS, _WEEKDAYS, _TIME_LABELS)
_DATE_BITS = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?"
)
_LONE_DATE_LABEL = {"published", "updated", "posted", "modified", "last updated", "date"}

# --------------------------------------------------------------------------- patterns
# A dateline: a place and/or date, then the agency in brackets ("BAGHDAD, Jan. 5 (Xinhua)
# --", "LONDON (AP, Reuters) —"), or a place in capitals alone ("NEW YORK --"). Not a
# sentence's subject with a bracket ("Mr Smith (Labour) - who won - said"), and the text
# after the dash starts as a sentence does.
_DATELINE = re.compile(
    r"^(?!(?:The|A|An|Mr|Mrs|Ms|Dr|Sir|He|She|It|They|We|This|That)\b)"
    r"(?:[^()\n]{0,60}\([A-Z][\w .,&'/-]{0,40}\)\s*(?:-{1,2}|[–—:])"
    r"|[A-Z][A-Z .'-]{2,40}(?:,[^()\n]{0,30})?\s+(?:-{1,2}|[–—])\s)"
    r"(?=\s*(?:[A-Z0-9\"“‘']|$))"
)
_READING_TIME = re.compile(
    r"^(?:reading time|read time|lesezeit|temps de lecture|tiempo de lectura)\b.{0,20}$"
    r"|^(?:estimated\s+)?\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min|mins|minutes?)\.?\s*"
    r"(?:read|reading|to read|de lecture|de lectura|lesezeit)?$",
    re.IGNORECASE,
)
_CREDIT_PREFIX = re.compile(
    r"^\(?(?:(?:image|images|photo|photos|picture|news|and|&|video|data|original|article|"
    r"story|content|text|featured|feature|cover|top|main|lead|header)\s+){0,4}"
    r"(?:source|sources|credit|credits|courtesy)\s*:",
    re.IGNORECASE,
)
_PHOTO_PREFIX = re.compile(
    r"^\(?(?:(?:top|main|feature|featured|file|cover|header|lead)\s+)?"
    r"(?:photo|photos|image|images|picture|pictures|photograph|foto|video|illustration)"
    r"(?:\s+credit)?\s*(?::|by\b|courtesy\b|©)",
    re.IGNORECASE,
)
_SOURCE_MARKER = re.compile(r"^(?:source|via|credit)\s+[\w.:/-]{1,60}$", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"\(([^()]{2,80})\)\s*$")
_AGENCY = re.compile(
    r"\b(?:[Pp]hoto|PHOTO|[Ii]mage|[Cc]redit|[Ff]ile|FILE|[Pp]ool|POOL|Getty|GETTY|AFP|AP|"
    r"Reuters|REUTERS|EPA|Xinhua|XINHUA|Anadolu|Shutterstock|Bloomberg|DPA|dpa|ANSA|EFE|SIPA|"
    r"Alamy|iStock|[Hh]andout|HANDOUT)\b"
)
_NAME_SLASH_AGENCY = re.compile(r"[^\W\d_]\.?\s*/\s*[A-Z]")
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted|paid content|"
    r"scroll to continue(?: with content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: below| the main story)?|article continues (?:below|after advertisement))"
    r"\W*$",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"cookie.{0,200}(?:accept|consent|privacy|polic|settings|browser|experience)"
    r"|(?:accept|consent|privacy).{0,200}cookie",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:tags|tagged|topics|filed under|categories|category|keywords|related topics)\s*[:|]",
    re.IGNORECASE,
)
# a reporter's role after the name: "By Ana Ruiz, Transport correspondent", "..., staff writer"
_ROLE = (
    r"(?:,\s*|\s+-\s+)(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?i:correspondent|reporter|editor|writer|staff\s+writer|columnist|journalist)"
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|reporting by|text by)\s+"
    r"[A-Z][\w.'’-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*|\s*\|\s*)[A-Z][\w.'’-]*){0,7}"
    rf"(?:{_ROLE})?\s*$"
    # an outlet's staff as the author: "Northgate Times staff", "Reuters staff"
    r"|^(?!The\s)[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s+staff$"
)
_INLINE_LINKS = re.compile(
    r"^(?:read more|related|also read|read also|see also|see more|more|watch|watch more|listen|"
    r"recommended|don'?t miss|must read|also see|related (?:article|story|content)|read)"
    r"\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
_NEXT_MARKER = re.compile(
    r"^(?:next (?:article|story|post|up)|read next|up next|recommended(?: for you| articles| "
    r"stories| reading| news)?|related (?:articles|stories|posts|news|coverage|reading)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:from|on|in|by) .{1,40}|"
    r"more (?:stories|articles|news|headlines|top stories)|"
    r"most (?:read|popular|viewed|shared|commented)(?: (?:on|in|at|from) .{1,40})?|"
    r"trending(?: now| stories| news)?|editor'?s picks|top stories|latest (?:news|stories)|"
    r"don'?t miss|must read|other (?:news|stories))$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(
    r"^(?:related(?: links| content| topics)?|read more|read also|also read|see also|see more|"
    r"also see|watch more|more|"
    r"further reading|read more about .{1,40}|recommended)$",
    re.IGNORECASE,
)


def line_key(text: str) -> str:
    """The line reduced to lower-case words separated by single spaces (for comparisons)."""
    return _KEY_JUNK.sub(" ", text).strip().casefold()


def clean_line(text: str) -> str:
    """The line with non-breaking/odd spaces made plain and edge whitespace stripped."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split()) if len(text) <= LONG_LINE else text.strip()


def word_count(text: str) -> int:
    """Whitespace-separated words in the line (estimated from the length past 2,000
    characters, where only "many" matters)."""
    return len(text.split()) if len(text) <= 2000 else len(text) // 6


def is_cjk(text: str) -> bool:
    """True when the line is written in a script without spaces between words."""
    return bool(_CJK.search(text[:200]))


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (a full stop, possibly inside quotes)."""
    return bool(_SENTENCE_END.search(text[-20:]))


def is_prose(text: str) -> bool:
    """True when the line reads like a paragraph of running text.

    A sentence ending with at least four words, or a long line, whatever its language.
    """
    if len(text) >= 200:
        return True
    words = word_count(text)
    if words >= 25:
        return True
    if _SENTENCE_END.search(text):
        if text.rstrip("\"'”’»)]").endswith("?"):
            return words >= 12 or (is_cjk(text) and len(text) >= 25)
        return words >= 4 or (is_cjk(text) and len(text) >= 12)
    return False


def is_dateline(text: str) -> bool:
    """True when the line opens with a news dateline: "BAGHDAD, Jan. 5 (Xinhua) --"."""
    return bool(_DATELINE.match(text[:120]))


def without_dateline(text: str) -> str:
    """``text`` without the dateline it opens with ("SALTMERE, 21 November — Dockworkers
    ..." -> "Dockworkers ..."), as a summary quotes a lead; unchanged when it has none."""
    found = _DATELINE.match(text[:120])
    return text[found.end() :].lstrip() if found else text


def is_title_like(text: str) -> bool:
    """True when the line could be a headline: short, not a sentence, not a dateline."""
    if not text or len(text) > 250 or word_count(text) > 30:
        return False
    if is_prose(text) or is_dateline(text) or text[-1] in ":,;–—-|":
        return False
    letters = sum(ch.isalpha() for ch in text)
    if letters < len(text) / 2:
        return False
    return word_count(text) >= 2 or (is_cjk(text) and len(text) >= 4)


def is_timestamp(text: str) -> bool:
    """True when the line carries only a date and/or time with labels ("Updated 20:37")."""
    if len(text) > 100 or not _DIGIT.search(text):
        return False
    rest = _DATE_BITS.sub(" ", text)
    words = [w.casefold().rstrip(".") for w in _WORD.findall(rest)]
    if len(words) > 12 or not all(w in _TIME_WORDS for w in words):
        return False
    # a bare number ("78,000") is not a time: a date pattern or a date/time word must be there
    return rest != text or any(w not in _FUNCTION for w in words)


def marker_kind(text: str) -> str | None:
    """ "next" for a marker that announces other articles ("Next Article", "More from X"),
    "list" for one that announces a list of links ("Read more", "Related"), else None."""
    if word_count(text) > 8:
        return None
    bare = text.strip(" :»›>|-–—•·").strip()
    if _NEXT_MARKER.match(bare):
        return "next"
    if _LIST_MARKER.match(bare):
        return "list"
    return None


def _widget_reason(text: str) -> str | None:
    """ "share-widget", "comment-widget" or "navigation" for a line made of widget words."""
    if word_count(text) > 12:
        return None
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words or any(w not in _WIDGET_WORDS for w in words):
        return None
    hits = {
        "navigation": sum(w in _NAV and w not in _WEAK for w in words),
        "share-widget": sum(w in _SHARE for w in words),
        "comment-widget": sum(w in _COMMENT and w not in _WEAK for w in words),
    }
    best = max(hits, key=lambda k: hits[k])
    if hits[best] == 0:
        return "navigation" if all(w in _WEAK or w in _FUNCTION for w in words) else None
    return best


def _credit_reason(text: str) -> str | None:
    """ "photo-credit" for a caption or photo credit, "source-credit" for a source line."""
    if _PHOTO_PREFIX.match(text):
        return "photo-credit"
    if _CREDIT_PREFIX.match(text) or _SOURCE_MARKER.match(text):
        return "source-credit"
    tail = _CREDIT_TAIL.search(text)
    if tail and word_count(text) <= 60 and not is_dateline(text):
        inner = tail.group(1)
        slashed = bool(_NAME_SLASH_AGENCY.search(inner)) and not _DIGIT.search(inner)
        # a bare agency name like "(AFP)" closes captions, but rarely a sentence
        if slashed or (_AGENCY.search(inner) and not _SENTENCE_END.search(text[: tail.start()])):
            return "photo-credit"
    return None


def _cookie(text: str) -> bool:
    """True for a cookie-consent notice."""
    return "cookie" in text.casefold() and bool(_COOKIE.search(text))


def furniture_reason(text: str) -> str | None:
    """Why a single line is page furniture, or None when it may be article text.

    Looks at the line alone; repetition and position are judged by the caller.
    """
    if not text or len(text) > LONG_LINE:
        return None
    if len(text) >= 200:  # a paragraph, unless it is a long caption, credit or cookie notice
        return _credit_reason(text) or ("cookie-notice" if _cookie(text) else None)
    if is_timestamp(text):
        return "timestamp"
    lowered = text.casefold().strip(" :.")
    if lowered in _LONE_DATE_LABEL:
        return "date-label"
    if _READING_TIME.match(text):
        return "reading-time"
    if _URL.fullmatch(text):
        return "link"
    if _ADVERT.match(text):
        return "advertisement"
    if _TAGS.match(text):
        return "tags"
    if _INLINE_LINKS.match(text) and word_count(text) <= 25:
        return "related-links"
    reason = _credit_reason(text)
    if reason:
        return reason
    words = word_count(text)
    if words <= 40 and _cookie(text):
        return "cookie-notice"
    if reason := promo_reason(text, is_prose(text)):
        return reason
    if words <= 20 and is_copyright(text):
        return "copyright"
    if is_audio_widget(text):
        return "audio-widget"
    if marker_kind(text):
        return None
    if _BYLINE.match(text):
        return "byline"
    if is_breadcrumb(text):
        return "breadcrumb"
    return _widget_reason(text)


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def has_calendar_date(text: str) -> bool:
    """True when a timestamp line names a day of the calendar (a year or a month), not only
    a clock time: "2024-09-28 20:00" does, "14:05" does not."""
    if _YEAR.search(text):
        return True
    return any(w.casefold().rstrip(".") in _MONTH_WORDS for w in _WORD.findall(text))
