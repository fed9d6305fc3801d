"""Word knowledge shared by the checks: dictionaries and word frequencies.

Both come from packages that ship their data (pyspellchecker's frequency
dictionaries, wordfreq's frequency lists); nothing is downloaded at run time.
Loaded on first use only, so checks that never ask pay nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# languages pyspellchecker ships a dictionary for
SPELLCHECKER_LANGUAGES = ("en", "es", "fr", "pt", "de", "it", "ru", "ar", "eu", "lv", "nl", "fa")


def base_language(lang: str | None) -> str:
    """'en-GB' -> 'en'; unknown or empty -> 'en'."""
    code = (lang or "en").replace("_", "-").split("-")[0].lower()
    return code if code in SPELLCHECKER_LANGUAGES else "en"


@lru_cache(maxsize=None)
def dictionary(lang: str = "en") -> Any:
    """pyspellchecker's SpellChecker for ``lang`` (cached for the process)."""
    from spellchecker import SpellChecker

    return SpellChecker(language=base_language(lang), distance=2)


def known(word: str, lang: str = "en") -> bool:
    """True when the dictionary of ``lang`` holds ``word`` (case-insensitive)."""
    return word.lower() in dictionary(lang).word_frequency.dictionary


def count(word: str, lang: str = "en") -> int:
    """How often the dictionary's source corpus has ``word`` (0 when unknown)."""
    return int(dictionary(lang).word_frequency.dictionary.get(word.lower(), 0))


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of ``word`` (0 = never seen, 3 = once per million words)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, base_language(lang)))
