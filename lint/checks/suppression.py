"""Suppressions that suppress nothing (``suppression.unused``).

The findings are made where suppressions are applied (:mod:`lint.suppress`, after every
check has run on an article); this module only documents the rule id, so ``copydesk
rules``, README and SARIF list it like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lint.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "suppression"
RULES: dict[str, tuple[Severity, str]] = {
    "suppression.unused": (
        Severity.WARNING,
        "a `copydesk-disable` comment or `copydesk: {ignore: …}` entry that suppresses nothing, or names no rule",
    ),
}


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Nothing to gather."""


def check(article: Article, run: Run) -> Iterable[Finding]:
    """Nothing here: see :func:`lint.suppress.apply`."""
    return ()
