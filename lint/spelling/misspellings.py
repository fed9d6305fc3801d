"""Common misspellings with their corrections: codespell's dictionary (``dictionary.txt``).

codespell's main list holds about 65,000 misspellings people really write ("occurance",
"commited", "teh", "horizonal"), each with its correction, curated so that no entry is a
real word. A word on it is a typo, whatever the web says of it (the web writes "teh" and
"youre" often enough to look like words); the list's correction is the one to offer first.

The list is read from the installed codespell package (a dependency; its data files are
derived from English Wikipedia's lists of common misspellings and are released under the
Creative Commons Attribution-ShareAlike 3.0 licence). Only its data is read; no codespell
code runs. Only lower-case entries of letters (and an inner apostrophe) are kept: the
others are code ("__cpusplus") or numbers ("2rd").
"""

from __future__ import annotations

import re
from importlib import resources

from lint.lexicon import lexicon

WORD = re.compile(r"[a-z][a-z']*[a-z]")


def read_table() -> dict[str, tuple[str, ...]]:
    """The list as codespell ships it: misspelling -> corrections (read once, into the word cache)."""
    try:
        text = resources.files("codespell_lib").joinpath("data", "dictionary.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        wrong, sep, right = line.partition("->")
        if not sep or not WORD.fullmatch(wrong):
            continue
        fixes = tuple(f.strip() for f in right.split(",") if f.strip())
        # a correction with a space that is no word pair is codespell's reason for not fixing
        fixes = tuple(f for f in fixes if f.count(" ") <= 2 and not f.startswith(("disabled", "due to")))
        if fixes:
            table[wrong] = fixes
    return table


def misspelling(word: str, lang: str = "en") -> tuple[str, ...]:
    """The corrections codespell's list gives for ``word`` (lower case), or () when it is no listed misspelling."""
    if lang != "en":
        return ()
    return lexicon(lang).misspelling(word)
