"""What a regular expression cannot match without: a cheap test that skips the search.

Python's ``re`` finds a case-insensitive pattern that opens with a word boundary
or an alternation by trying it at every character; over a long article a rule
file of such patterns costs more than everything else the check does.  Most
patterns need one of a few plain words: ``\\b(?:officials|authorities)\\s+suggest``
cannot match a text without "suggest".  :func:`required` finds such words in the
parsed pattern, and :func:`may_match` tells, with a substring search, whether a
text has one of them.  The test only ever skips searches that would find nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# characters that case-insensitive matching takes for an ASCII letter while their lower case is not that
# letter ("ſ" matches "s", "ı" and "İ" match "i"): a text holding one is searched in full
FOLDS_TO_ASCII = ("ſ", "ı", "İ")
SHORTEST = 2  # one letter is in every text: not worth a test (one "@" or "%" is)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)

Needles = frozenset[str] | None  # any one of these lower-case strings is in every match; None: nothing known


@lru_cache(maxsize=4096)
def required(source: str, flags: int = 0) -> tuple[str, ...]:
    """Lower-case strings of which every match of the pattern contains one; () when none is known.

    Sound for both cases: a case-sensitive match of a needle is also a match of its lower case.
    """
    if flags & re.LOCALE:
        return ()
    try:
        parsed = sre_parse.parse(source, flags)
    except (re.error, RecursionError):
        return ()
    found = _sequence(list(parsed))
    if not found or any(len(n) < SHORTEST and n.isalnum() for n in found):
        return ()
    return tuple(sorted(found))


def may_match(found: tuple[str, ...], value: str) -> bool:
    """False only when ``value`` holds none of the needles ``found``: the pattern cannot match it."""
    return Haystack(value).may_hold(found)


class Haystack:
    """A text to test against the needles of many patterns (lowered once)."""

    def __init__(self, value: str) -> None:
        self.lowered = value.lower()
        # a character case-insensitive matching takes for another letter: every pattern may match
        self.folds = not value.isascii() and any(c in value for c in FOLDS_TO_ASCII)

    def may_hold(self, found: tuple[str, ...]) -> bool:
        """False only when the text holds none of the needles ``found``."""
        if not found or self.folds:
            return True
        lowered = self.lowered
        return any(needle in lowered for needle in found)


def _better(a: Needles, b: Needles) -> Needles:
    """Of two requirements the more selective: longer shortest needle, then fewer needles."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list[tuple[Any, Any]]) -> Needles:
    """The best requirement of a sequence: each of its elements must match, so any of theirs holds."""
    best: Needles = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        if run:
            best = _better(best, frozenset(("".join(run).lower(),)))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av))
            continue
        flush()
        if op in ZERO_WIDTH or op is sre.LITERAL:
            continue
        best = _better(best, _element(op, av))
    flush()
    return best


def _element(op: Any, av: Any) -> Needles:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in REPEATS:
        low, _, item = av
        return _sequence(list(item)) if low >= 1 else None
    if op is sre.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _sequence(list(alternative))
            if found is None:
                return None  # this way through needs nothing known
            out |= found
        return frozenset(out)
    return None
