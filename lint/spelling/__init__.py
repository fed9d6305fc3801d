"""Helpers of the spelling check: which words to look at, what the article says about them,
how likely each is a typo, and what it should have been.

- :mod:`lint.spelling.tokens` finds the words worth checking in a :class:`~lint.text.Text`;
- :mod:`lint.spelling.evidence` collects what an article and a run say about a word;
- :mod:`lint.spelling.variants` knows British and American spellings;
- :mod:`lint.spelling.suggest` ranks corrections;
- :mod:`lint.spelling.score` weighs it all into a verdict with its reasons.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """A word list written as text, one or more words a line."""
    return frozenset(text.split())


def word_list(text: str) -> tuple[str, ...]:
    """A word list written as text, in its order."""
    return tuple(text.split())
