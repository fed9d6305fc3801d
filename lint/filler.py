"""Lorem ipsum: runs of Latin dummy text, found by their words (``rules/lorem.txt``).

A run is a stretch of sentences of one paragraph made mostly of lorem ipsum
words ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod
tempor …").  The placeholder check reports each run once; the spelling check
skips the words inside one (:attr:`lint.text.Text.filler` holds the spans).
A mention ("the famous Lorem Ipsum text") is English, not a run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.resources import rules_path

PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
SENTENCE = re.compile(r"[^.!?…]+(?:[.!?…]+|$)")
LATIN = re.compile(r"[^\W\d_]+")
SHARE = 0.7  # of the words of a sentence, at least this many lorem words
LEAST = 5  # lorem words in a run, at least


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    from lint.rules import read_words

    return frozenset(w.lower() for line in read_words(rules_path("lorem.txt")) for w in line.split())


def _lorem(sentence: str, words: frozenset[str]) -> int:
    """The lorem words of ``sentence`` when it is made mostly of them, else 0."""
    found = [w.lower() for w in LATIN.findall(sentence)]
    known = sum(1 for w in found if w in words)
    if len(found) >= 3 and known >= SHARE * len(found):
        return known
    return known if 2 <= len(found) == known else 0


@lru_cache(maxsize=256)
def lorem_runs(value: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``value`` that are runs of lorem ipsum (start, end), in order."""
    if "orem" not in value and "olor" not in value and "psum" not in value:
        return ()  # every run of dummy text has one of these words (lorem, ipsum, dolor, dolore, dolorem)
    words = vocabulary()
    out: list[tuple[int, int]] = []
    for para in PARAGRAPH.finditer(value):
        start = end = -1
        count = 0
        for m in SENTENCE.finditer(value, para.start(), para.end()):
            n = _lorem(m.group(), words)
            if n:
                if start < 0:
                    start = m.start() + len(m.group()) - len(m.group().lstrip())
                end = m.start() + len(m.group().rstrip())
                count += n
                continue
            if start >= 0 and count >= LEAST:
                out.append((start, end))
            start, count = -1, 0
        if start >= 0 and count >= LEAST:
            out.append((start, end))
    return tuple(out)
