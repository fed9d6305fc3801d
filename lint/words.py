"""Words of prose, with their offsets: one tokenizer for every check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.text import Text

# letters with inner apostrophes or hyphens: "Sa'ar", "don't", "Israel-Azerbaijan" (split on hyphens later)
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*")
SENTENCE_END = re.compile(r"[.!?:]['\"”’)\]]*\s*$|^\s*$|^\s*[-*#>]+\s*$|\n\s*\n\s*$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # index into the Text's value
    end: int
    sentence_start: bool  # first word of a sentence, a line or a list item

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def words(text: Text) -> Iterator[Word]:
    """Every word of ``text`` in order, with whether it starts a sentence."""
    value = text.value
    last = 0
    first = True
    for m in WORD.finditer(value):
        gap = value[last : m.start()]
        starts = first or bool(SENTENCE_END.search(gap)) or "\n" in gap and _line_start(value, m.start())
        yield Word(m.group(), m.start(), m.end(), bool(starts))
        last = m.end()
        first = False


def _line_start(value: str, i: int) -> bool:
    """True when only markup stands between the line start and ``i``."""
    line_start = value.rfind("\n", 0, i) + 1
    return not any(ch.isalnum() for ch in value[line_start:i])


def is_title_case(line: str) -> bool:
    """A headline in title case: most of its longer words capitalised."""
    long_words = [w for w in WORD.findall(line) if len(w) > 3]
    if len(long_words) < 2:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= 0.75
