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

SPAN = re.compile(r"(`+)([^`\n][^\n]*?)\1(?!`)")  # a code span on one line
FENCE = re.compile(r"^ {0,3}(```|~~~)[^\n]*\n(.*?)^ {0,3}\1", re.MULTILINE | re.DOTALL)
WORD = re.compile(r"[^\W\d_]{3,}")
RUN = re.compile(r"\S+")  # a run of code between spaces
SIGN = re.compile(r"[-_./:=()<>'\"\[\]{}@$#]|[a-z][A-Z]")  # what joins an identifier's parts


@lru_cache(maxsize=16)
def code_words(source: str) -> frozenset[str]:
    """The lower-case words of three letters or more that the code spans and blocks of ``source`` hold."""
    if "`" not in source and "~~~" not in source:
        return frozenset()
    words: set[str] = set()
    for m in FENCE.finditer(source):
        _identifiers(m.group(2), words)
    for m in SPAN.finditer(source):
        code = m.group(2).strip()
        if WORD.fullmatch(code):
            words.add(code.lower())
        else:
            _identifiers(code, words)
    return frozenset(words)


def _identifiers(code: str, words: set[str]) -> None:
    for run in RUN.findall(code):
        if SIGN.search(run):
            words.update(w.lower() for w in WORD.findall(run))
