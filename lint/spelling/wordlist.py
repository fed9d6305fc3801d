"""Standard spell-checking word lists: English words pyspellchecker's dictionary lacks.

- ``rules/words-en.txt``: SCOWL's large British and American lists (meagre, roubles, dreamt);
- ``rules/words-software.txt``: the software trade's words from cspell's dictionaries
  (mkdir, cron, mixins, validator);
- ``rules/names-en.txt``: common words SCOWL also writes with a capital, as names (Murphy, Golden):
  not words to accept, but neighbours that may belong to a name.

A word in either weighs heavily against a spelling finding, and is never fixed automatically.
"""

from __future__ import annotations

from functools import cache

from lint.resources import rules_path
from lint.rules import read_words

SOFTWARE = "in the software trade's word list (cspell)"
PROPER = "names-en.txt"  # common words the lists also write as names ("Murphy", "Golden"): not in LISTS
# file -> what --explain calls it
LISTS = {
    "words-en.txt": "in the large English word list (SCOWL)",
    "words-software.txt": SOFTWARE,
}


@cache
def word_list(name: str = "words-en.txt") -> frozenset[str]:
    """The lower-case words of one of the shipped word lists."""
    return frozenset(read_words(rules_path(name)))


def listed_in(word: str, lang: str) -> str:
    """Why ``word`` (lower case) is a word after all: the word list that has it, or ""."""
    if lang != "en":
        return ""
    return next((why for name, why in LISTS.items() if word in word_list(name)), "")


def in_word_list(word: str, lang: str) -> bool:
    return bool(listed_in(word, lang))


def english(word: str, min_zipf: float) -> bool:
    """True for ``word`` (lower case) as an English word: in the dictionary and this common, or in a word list."""
    from lint.lexicon import lexicon

    en = lexicon("en")
    return (en.known(word) and en.zipf(word) >= min_zipf) or in_word_list(word, "en")
