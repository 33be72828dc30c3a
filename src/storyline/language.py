"""Language: which language an article is written in.

lingua restricted to a configurable set of languages: with every language it loads in
about 18 s and 1.3 GB, with ten it loads in about 2 s. Texts too short to tell, or in a
language outside the set (lingua then names the nearest one; a text that uses none of that
language's commonest words is taken for such), come out as None ("unknown") rather than as
a guess.
"""

from __future__ import annotations

import re
from functools import cache

DEFAULT_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "ar", "ru", "tr")
MIN_CHARS = 20  # below this lingua's answer is noise
SAMPLE_CHARS = 3000  # the start of an article says its language; the rest only costs time
MIN_CONFIDENCE = 0.5
# Restricted to a few languages, lingua's confidences are relative to those: a text in
# another language gets the nearest one (Indonesian came out as Turkish). A text in the
# language chosen uses its commonest words; with almost none of them (under
# MIN_FUNCTION_SHARE of its words), it is in none of the languages: unknown.
FUNCTION_WORDS = {
    "en": "the of and to in a is that for it was on with as he by at from his are be this",
    "es": "de la que el en y a los se del las un por con no una su para es al lo como",
    "fr": "de la le et les des en un du une que est pour qui dans a par sur pas au plus",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als",
    "it": "di e il la che in a per un del non è una sono della le si con al da dei lo",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como",
    "nl": "de van een het en in is dat op te zijn voor met die niet aan er om ook als bij",
    "ar": "في من على أن إلى التي الذي عن مع هذا هذه كان ما لا أو بين كما بعد قد",
    "ru": "и в не на что с по он как это к из у за от но так все она его же был бы для",
    "tr": "ve bir bu da de için ile olarak çok daha en gibi olan ne ama kadar sonra var",
}
_COMMON = {code: frozenset(words.split()) for code, words in FUNCTION_WORDS.items()}
MIN_FUNCTION_SHARE = 0.01
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _detector(languages: tuple[str, ...]):  # noqa: ANN202 - lingua's type
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        try:
            chosen.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except AttributeError as exc:
            raise ValueError(f"unknown ISO 639-1 language code {code!r}") from exc
    if len(chosen) < 2:
        raise ValueError("language detection needs at least two languages to choose from")
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def detect_language(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when it cannot be told."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    detector = _detector(tuple(languages))
    values = detector.compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    code = values[0].language.iso_code_639_1.name.lower()
    return code if _uses_its_words(sample, code) else None


def _uses_its_words(sample: str, code: str) -> bool:
    """Whether a text uses the commonest words of language ``code`` at all (true for a
    language without a list here)."""
    known = _COMMON.get(code)
    words = [w.lower() for w in _WORD.findall(sample)]
    if known is None or not words:
        return True
    return sum(w in known for w in words) >= MIN_FUNCTION_SHARE * len(words)
