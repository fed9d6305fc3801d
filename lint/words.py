"""Words of prose, with their offsets: one tokenizer for every check."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from lint.sentences import ends_sentence
from lint.text import Text

# letters with inner apostrophes or hyphens: "Sa'ar", "don't", "Israel-Azerbaijan" (split on hyphens later)
# (written as runs of letters joined by single apostrophes: the same matches as a letter, then letters or
# apostrophes followed by a letter, found faster)
# letters, with the combining accents of text in decomposed form ("Ko\u0308nig", as macOS may save
# "König") inside the word, and apostrophes between letters
_LETTERS = r"[^\W\d_]+(?:[\u0300-\u036f][^\W\d_]*)*"  # one mark an iteration: no two ways to match
WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")
CLOSERS = "'\"”’)]*_"
POSSESSIVES = ("'s", "’s")  # a possessive ending, for str.endswith
LINE_MARKUP = re.compile(r"\s*(?:[-*+>#|]+|\d{1,3}[.)])?\s*")
STOP_GAP = re.compile(r"\.[ \t]*(?:\n[ \t]*)?")  # a full stop, then a space or a line wrapped in a paragraph


class Word(NamedTuple):
    text: str
    start: int  # index into the Text's value
    end: int
    sentence_start: bool  # first word of a sentence, a paragraph, a heading or a list item

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def starts_sentence(gap: str) -> bool:
    """Does a word after ``gap`` (the text since the previous word) begin a sentence?

    After . ! ? or : (closing quotes and brackets allowed), after a blank line,
    and at the start of a heading, list item, quote or table cell.  A word at the
    start of a hard-wrapped line inside a paragraph does not.
    """
    if gap == " ":
        return False  # the usual case
    tail = gap.rstrip(" \t\r\n" + CLOSERS + "“‘(")
    if tail.endswith((".", "!", "?", ":", "…")):
        return True
    if "\n" not in gap:
        return False
    lines = gap.split("\n")
    if any(not line.strip() for line in lines[1:-1]):  # a blank line: a new paragraph
        return True
    last = lines[-1]
    return bool(last.strip()) and LINE_MARKUP.fullmatch(last) is not None


def without_possessive(word: str) -> str:
    """``word`` without its possessive ending: "Herzog" for "Herzog’s", "Saturday" for "Saturday's"."""
    return word[:-2] if word.endswith(POSSESSIVES) else word


def words(text: Text) -> Iterator[Word]:
    """Every word of ``text`` in order, with whether it starts a sentence."""
    value = text.value
    last = 0
    for m in WORD.finditer(value):
        starts = last == 0 and not any(ch.isalnum() for ch in value[: m.start()])
        gap = value[last : m.start()]
        if not starts and starts_sentence(gap):
            # "Dr. Watts", "the U.S. Census": a stop after an abbreviation does not end the sentence
            # and a stop inside a word ("U.S", "a.m") ends nothing
            starts = not STOP_GAP.fullmatch(gap) or (gap != "." and ends_sentence(value, last))
        yield Word(m.group(), m.start(), m.end(), starts)
        last = m.end()


@lru_cache(maxsize=512)
def word_list(value: str) -> tuple[str, ...]:
    """``WORD.findall(value)``, remembered: the checks read the texts of an article in turn."""
    return tuple(WORD.findall(value))


def is_title_case(line: str) -> bool:
    """A headline in title case: most of its longer words capitalised."""
    return title_case_words(WORD.findall(line))


def title_case_words(found: Sequence[str]) -> bool:
    """:func:`is_title_case` of a line whose words (as ``WORD`` finds them) are ``found``."""
    long_words = [w for w in found if len(w) > 3]
    if len(long_words) < 2:
        return False
    caps = len([w for w in long_words if w[0].isupper()])
    return caps / len(long_words) >= 0.75


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def in_quotation(value: str, i: int) -> bool:
    """True when character ``i`` of ``value`` stands inside quoted words (“…” or "…") of its paragraph.

    Quoted speech is the speaker's: a house-style fix is a suggestion there, never applied for them.
    """
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(value, 0, i)), default=0)
    before = value[start:i]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True
    # ‘…’: the closing mark is also the apostrophe, which a letter follows ("let’s")
    opening = before.rfind("‘")
    return opening >= 0 and not CLOSING_SINGLE.search(before, opening)


CLOSING_SINGLE = re.compile(r"’(?![^\W\d_])")
