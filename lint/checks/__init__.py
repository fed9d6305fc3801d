"""The checks, kept in one registry.  Each is a module with this shape."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from lint.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run


class Check(Protocol):
    NAME: str
    # rule id -> (default severity, one-line description for README, SARIF and --explain)
    RULES: dict[str, tuple[Severity, str]]

    def prepare(self, articles: Sequence[Article], run: Run) -> None:
        """Look at every article of the run first (cross-article evidence)."""

    def check(self, article: Article, run: Run) -> Iterable[Finding]:
        """The findings for one article."""


# name -> module path; modules load only when their check runs (heavy imports stay lazy)
CHECKS: dict[str, str] = {
    "schema": "lint.checks.schema",
    "spelling": "lint.checks.spelling",
    "placeholder": "lint.checks.placeholder",
    "sources": "lint.checks.sources",
    "names": "lint.checks.names",
    "terms": "lint.checks.terms",
    "grammar": "lint.checks.grammar",
}

# rules the runner reports itself rather than a check (listed by rule_table() all the same)
RUNNER_RULES: dict[str, str] = {"suppression": "lint.checks.suppression", "limits": "lint.checks.limits"}

# checks that are off unless configured on
OFF_BY_DEFAULT: set[str] = {"grammar"}  # slow: see "Grammar" in README


def load(name: str) -> Check:
    module: Check = importlib.import_module(CHECKS[name])
    return module


def rule_table() -> dict[str, tuple[Severity, str]]:
    """Every rule id of every check with its default severity and description."""
    table: dict[str, tuple[Severity, str]] = {}
    for name in CHECKS:
        table.update(load(name).RULES)
    for path in RUNNER_RULES.values():
        module: Check = importlib.import_module(path)
        table.update(module.RULES)
    return table


def default_severity(rule: str, rules: dict[str, tuple[Severity, str]]) -> Severity:
    while rule:
        if rule in rules:
            return rules[rule][0]
        rule = rule.rpartition(".")[0]
    return Severity.WARNING
