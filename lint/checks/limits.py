"""Limits met while checking (``limits.regex``).

The finding is made where the checks of one article are run (:func:`lint.pipeline.facts.compute`)
when an editor's regular expression runs past ``[limits] max_regex_seconds``
(:mod:`lint.patterns`); this module only documents the rule id, so ``copydesk rules``, README and
SARIF list it like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lint.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from lint.article import Article
    from lint.patterns import TooSlow
    from lint.run import Run

NAME = "limits"
RULES: dict[str, tuple[Severity, str]] = {
    "limits.regex": (
        Severity.ERROR,
        "a rule file's regular expression ran past `[limits] max_regex_seconds` on this article: its check did"
        " not finish here",
    ),
}


def finding(check: str, slow: TooSlow) -> Finding:
    return Finding(
        "limits.regex",
        f"the {check} check stopped here: the rule file's expression {slow.source!r} ran longer than"
        f" {slow.seconds:g} s on this text (the limit is [limits] max_regex_seconds); rewrite it so that it"
        " cannot backtrack without end, or raise the limit",
        slow.offset,
        slow.offset + 1,
    )


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Nothing to gather."""


def check(article: Article, run: Run) -> Iterable[Finding]:
    """Nothing here: see :func:`lint.pipeline.facts.compute`."""
    return ()
