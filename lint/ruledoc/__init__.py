"""What each rule checks, for editors: ``copydesk rules RULE``, and the language server's hover.

The documentation is data, ``lint/ruledoc/rules.yaml`` (validated by ``schemas/ruledoc.schema.json``):
per rule a paragraph on what it checks, on fix safety, how the config changes it, and examples
that pass and fail, each failing one with the findings copydesk gives.  ``tests/ruledoc_test.py``
runs every example through the real checks (as ``copydesk check -``), so the findings shown are the
findings copydesk reports.

Another module gets one rule's documentation as Markdown with :func:`markdown`::

    from lint import ruledoc
    ruledoc.markdown("spelling.unknown")   # -> str; ruledoc.UnknownRule for an id it does not document
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lint.diagnostics import Severity
from lint.errors import FatalError

DATA = Path(__file__).resolve().parent / "rules.yaml"
DEFAULT_NAME = "article.md"  # the file name an example is checked as, unless it names one

# the suppressions an article can carry (lint/suppress.py), and the checks each silences by default:
# a comment covers the text after it in a Markdown body, not the metadata above it
DEFAULT_INLINE: dict[str, tuple[str, ...]] = {
    "schema": ("metadata",),
    "spelling": ("comment", "metadata", "sic"),
    "names": ("comment", "metadata", "sic"),
    "terms": ("comment", "metadata", "sic"),
    "placeholder": ("comment", "metadata"),
    "sources": ("comment", "metadata"),
    "grammar": ("comment", "metadata"),
    "suppression": ("metadata",),
}


class UnknownRule(FatalError, LookupError):
    """A rule id (or prefix) that names no rule: exit status 2 on the command line."""


@dataclass(frozen=True)
class Expected:
    """A finding an example draws: where (1-based line and column), what it says, the fix it carries."""

    line: int
    column: int
    message: str
    fix: str | None = None  # the replacement of its fix, if it has one
    safe: bool = False  # the fix is applied by --fix (else only by --unsafe-fixes)


@dataclass(frozen=True)
class Example:
    text: str
    name: str = DEFAULT_NAME
    note: str = ""
    findings: tuple[Expected, ...] = ()  # of the documented rule; none for a passing example


@dataclass(frozen=True)
class RuleDoc:
    rule: str
    level: Severity  # the default level (from the code's rule table)
    description: str  # the one line of ``copydesk rules``
    checks: str
    fix: str
    fails: tuple[Example, ...]
    passes: tuple[Example, ...]
    config: str = ""
    off: str = ""
    needs: str = ""  # an engine the examples need ("harper")
    explain: bool = False
    inline: tuple[str, ...] = ()
    setup: dict[str, str] = field(default_factory=dict)  # file name -> text, written beside the example

    @property
    def check(self) -> str:
        return self.rule.split(".")[0]


def _expected(raw: dict[str, str]) -> Expected:
    line, column = (int(p) for p in raw["at"].split(":"))
    fix = raw.get("fix", raw.get("unsafe_fix"))
    return Expected(line, column, raw["message"], fix, "fix" in raw)


def _example(raw: dict[str, Any], failing: bool) -> Example:
    found = raw.get("findings", []) if failing else []
    return Example(
        str(raw["text"]),
        str(raw.get("name", DEFAULT_NAME)),
        str(raw.get("note", "")).strip(),
        tuple(_expected(f) for f in found if isinstance(f, dict)),
    )


@cache
def documentation() -> dict[str, RuleDoc]:
    """Every documented rule, by id (the file is read and validated once a process)."""
    from lint.checks import rule_table
    from lint.rules import load_yaml

    table = rule_table()
    out: dict[str, RuleDoc] = {}
    for raw in load_yaml(DATA, "ruledoc"):
        rule = raw["rule"]
        level, description = table.get(rule, (Severity.WARNING, ""))
        check = rule.split(".")[0]
        out[rule] = RuleDoc(
            rule=rule,
            level=level,
            description=description,
            checks=raw["checks"].strip(),
            fix=raw["fix"].strip(),
            fails=tuple(_example(e, True) for e in raw["examples"]["fail"]),
            passes=tuple(_example(e, False) for e in raw["examples"]["pass"]),
            config=raw.get("config", "").strip(),
            off=raw.get("off", "").strip(),
            needs=raw.get("needs", ""),
            explain=bool(raw.get("explain", False)),
            inline=tuple(raw.get("inline", DEFAULT_INLINE.get(check, ("comment", "metadata")))),
            setup=dict(raw.get("setup", {})),
        )
    return out


def lookup(query: str) -> list[str]:
    """The rule ids ``query`` names: itself when it is a rule, else the rules under the prefix
    (``spelling``, ``grammar``); :class:`UnknownRule` naming the nearest ids when there are none."""
    from lint.checks import rule_table

    rules = sorted(rule_table())
    query = query.strip()
    if query in rules:
        return [query]
    under = [r for r in rules if r.startswith(query + ".")]
    if under:
        return under
    checks = sorted({r.split(".")[0] for r in rules})
    close = difflib.get_close_matches(query, rules + checks, n=3, cutoff=0.6)
    if not close and "." in query:  # a known check with an unknown rule: its rules are the nearest
        close = [r for r in rules if r.startswith(query.split(".")[0] + ".")][:3]
    hint = f"; the nearest: {', '.join(close)}" if close else f" (checks: {', '.join(checks)})"
    raise UnknownRule(f"no rule is called {query!r}{hint}. 'copydesk rules' lists every rule")


def get(rule: str) -> RuleDoc:
    """One rule's documentation; :class:`UnknownRule` for an id with none."""
    doc = documentation().get(rule)
    if doc is None:
        lookup(rule)  # an unknown id: says which ids are near
        raise UnknownRule(f"the rule {rule!r} has no documentation")
    return doc


def markdown(rule: str) -> str:
    """One rule's documentation as Markdown (for a hover in an editor); :class:`UnknownRule` when
    ``rule`` is not a documented rule id."""
    from lint.ruledoc.render import markdown as render

    return render(get(rule))
