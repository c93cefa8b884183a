"""The language of a report, told offline by lingua among the languages of ``[language] detect``.

The detector is built once per process for each language set (:func:`detector`), in lingua's low-accuracy mode
(trigram models only, loaded per script as texts need them): with the shipped 28 languages it was ready in 0.74 s
and 27 MB after an English, a Russian and an Arabic report, and took 13 ms a report (``bench/bench_watch.py``, a
busy machine); the high-accuracy models of 20 of these languages took 7 s and 388 MB, all 75 languages 42 s and
1.3 GB. Low accuracy is weak on very short texts, so a language is named only when lingua gives it a confidence of
at least :data:`MIN_CONFIDENCE`; otherwise the language is unknown (``None``) and the text is treated as English.

Low accuracy also named Tagalog, French or Yoruba for 199 of 26,848 English ACLED notes, short ones where place and
group names outnumber ordinary words ("Rebels seize Kitchanga after heavy fighting." is Tagalog to it). So a text
whose words are at least :data:`MIN_ENGLISH_SHARE` English markers (:data:`ENGLISH_MARKERS`, a lexicon file) is
English before lingua is asked.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from .errors import ConfigError
from .nlp.lexicons import words

ENGLISH = "en"
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 2000  # the first characters are enough to tell a report's language, and keep detection fast
ENGLISH_MARKERS = words("english_markers")
# our 21 English reports: 0.22 to 0.34 of their words are markers, ACLED's English notes 0.23 at the median; our
# sentences in 15 other languages: none
MIN_ENGLISH_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@cache
def detector(codes: tuple[str, ...]) -> LanguageDetector:
    """A lingua detector choosing among the languages with these ISO 639-1 codes (built once per process)."""
    languages = set()
    for code in codes:
        try:
            languages.add(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            raise ConfigError(f"unknown language code {code!r} in [language] detect; use ISO 639-1 codes") from None
    if ENGLISH not in codes or len(languages) < 2:
        raise ConfigError("[language] detect must list English (\"en\") and at least one other language")
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str, codes: tuple[str, ...]) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when lingua is not confident enough."""
    sample = text[:SAMPLE_CHARS]
    if english_share(sample) >= MIN_ENGLISH_SHARE:
        return ENGLISH
    values = detector(codes).compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


def english_share(text: str) -> float:
    """The share of the words of ``text`` that are :data:`ENGLISH_MARKERS` (0.0 for a text without words)."""
    words = _WORD.findall(text.lower())
    return sum(word in ENGLISH_MARKERS for word in words) / len(words) if words else 0.0


def not_english_reason(language: str) -> str:
    """Why a report in ``language`` is stored without extraction."""
    return (f"not extracted: the text is in {_name(language)} ({language}); incidex extracts English reports only, "
            "so the document is stored with its language for later")


def _name(code: str) -> str:
    language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    return language.name.capitalize()
