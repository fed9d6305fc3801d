"""Words the article's own code spells: a word of its prose that an identifier of its code spans
or blocks holds is the name of a piece of that code, not a typo.

``- katex math engine – `kramdown-math-katex```, "Install `rdiscount`, and rdiscount does the
rest": the writer names in prose what the code writes.  Only identifiers count: a code span of one
word, or a word joined to others by the signs of code (``kramdown-math-katex``, ``require 'rdiscount'``,
``katex.render``); a word set between spaces in a code block may be prose the code quotes
(``alt: A photo of a satelite dish``), and a slip there is the prose's slip.  Only the article's
code counts, not the site's.
"""

from __future__ import annotations

import re
from functools import lru_cache

TICKS = re.compile(r"`+")
FENCE = re.compile(r"^ {0,3}(```|~~~)[^\n]*\n(.*?)^ {0,3}\1", re.MULTILINE | re.DOTALL)
WORD = re.compile(r"[^\W\d_]{3,}")
RUN = re.compile(r"[^\s'\"`<>()\[\]{},;]+")  # a run of code between spaces, quotes, brackets and tags
JOINED = re.compile(r"[^\W_][-_./:=@$#]+[^\W_]|[a-z][A-Z]")  # a sign between two parts, or camelCase


@lru_cache(maxsize=16)
def code_words(source: str) -> frozenset[str]:
    """The lower-case words of three letters or more that the code spans and blocks of ``source`` hold."""
    if "`" not in source and "~~~" not in source:
        return frozenset()
    words: set[str] = set()
    for m in FENCE.finditer(source):
        _identifiers(m.group(2), words)
    for code in _spans(source):
        code = code.strip()
        if WORD.fullmatch(code):
            words.add(code.lower())
        else:
            _identifiers(code, words)
    return frozenset(words)


def _spans(source: str) -> list[str]:
    """The code spans of ``source`` that open and close on one line: a run of backticks to the next run of
    the same length (CommonMark's rule), each line read once (in linear time, however many runs)."""
    out: list[str] = []
    for line in source.splitlines():
        if "`" not in line:
            continue
        runs = [(m.start(), m.end()) for m in TICKS.finditer(line)]
        later: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, last first
        for i in range(len(runs) - 1, -1, -1):
            later.setdefault(runs[i][1] - runs[i][0], []).append(i)
        i = 0
        while i < len(runs):
            a, b = runs[i]
            same = later[b - a]
            while same and same[-1] <= i:
                same.pop()
            if not same:
                i += 1
                continue
            j = same.pop()
            if runs[j][0] > b:
                out.append(line[b : runs[j][0]])
            i = j + 1
    return out


def _identifiers(code: str, words: set[str]) -> None:
    for run in RUN.findall(code):
        if JOINED.search(run):
            words.update(w.lower() for w in WORD.findall(run))
