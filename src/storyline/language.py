"""Language: which language an article is written in.

lingua restricted to a configurable set of languages: with every language it loads in
about 18 s and 1.3 GB, with ten it loads in about 2 s. Texts too short to tell, or in a
language outside the set, come out as None ("unknown") rather than as a guess.
"""

from __future__ import annotations

from functools import cache

DEFAULT_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "ar", "ru", "tr")
MIN_CHARS = 20  # below this lingua's answer is noise
SAMPLE_CHARS = 3000  # the start of an article says its language; the rest only costs time
MIN_CONFIDENCE = 0.5


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
    return values[0].language.iso_code_639_1.name.lower()
