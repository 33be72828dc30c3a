"""Language detection (storyline.language): the languages of the set, and honest unknowns."""

from __future__ import annotations

import pytest

from storyline.language import detect_language

ENGLISH = (
    "The harbour authority said on Monday that the old ferry pier will close for repairs, "
    "and that passengers should board at the north quay until the work is finished."
)
SPANISH = (
    "La autoridad portuaria anunció el lunes que el viejo muelle de los transbordadores "
    "cerrará por obras y que los pasajeros deberán embarcar en el muelle norte."
)
TURKISH = (
    "Liman idaresi pazartesi günü yaptığı açıklamada eski feribot iskelesinin onarım için "
    "kapanacağını ve yolcuların bu süre boyunca kuzey rıhtımından gemiye bineceğini söyledi."
)
# Indonesian, which the default set does not hold: lingua, asked to choose among the ten,
# named the nearest (Turkish on a real page); it is none of them
INDONESIAN = (
    "Otoritas pelabuhan mengatakan pada hari Senin bahwa dermaga feri lama akan ditutup "
    "untuk perbaikan, dan penumpang harus naik dari dermaga utara sampai pekerjaan selesai."
)


def test_languages_of_the_set_are_told_apart() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(SPANISH) == "es"
    assert detect_language(TURKISH) == "tr"


def test_a_language_outside_the_set_or_too_little_text_is_unknown() -> None:
    assert detect_language(INDONESIAN) is None
    assert detect_language(INDONESIAN, ("en", "es", "id")) == "id"  # once it is in the set
    assert detect_language("Hi there.") is None


def test_an_unknown_language_code_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown ISO 639-1"):
        detect_language(ENGLISH, ("en", "xx"))
