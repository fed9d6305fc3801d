"""A standard spell-checking word list: English words pyspellchecker's dictionary lacks (rules/words-en.txt)."""

from __future__ import annotations

from functools import cache

from lint.resources import rules_path
from lint.rules import read_words


@cache
def word_list() -> frozenset[str]:
    """The lower-case words of SCOWL's large British and American lists the dictionary lacks."""
    return frozenset(read_words(rules_path("words-en.txt")))


def in_word_list(word: str, lang: str) -> bool:
    return lang == "en" and word in word_list()
