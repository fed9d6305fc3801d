"""Hover on a finding: what its rule checks (``copydesk rules``) and why this was flagged (``--explain``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lsprotocol import types

from lint.diagnostics import Diagnostic, Severity
from lint.lsp.convert import lsp_range
from lint.lsp.positions import Places


@cache
def rules() -> dict[str, tuple[Severity, str]]:
    from lint.checks import rule_table

    return rule_table()


def under(diagnostics: Sequence[Diagnostic], places: Places, at: types.Position) -> list[Diagnostic]:
    """The findings whose range holds ``at`` (an empty range: at its start)."""
    key = (at.line, at.character)
    out = []
    for d in diagnostics:
        r = lsp_range(d, places)
        start, end = (r.start.line, r.start.character), (r.end.line, r.end.character)
        if start <= key < end or start == key:
            out.append(d)
    return out


def reasons(d: Diagnostic, explained: Sequence[Diagnostic]) -> str:
    """The ``--explain`` reasons of ``d``: from the same finding of a run with ``--explain``."""
    for e in explained:
        if (e.rule, e.line, e.column, e.end_line, e.end_column) == (d.rule, d.line, d.column, d.end_line, d.end_column):
            return e.explanation
    return ""


@cache
def checks(rule: str) -> str:
    """What ``rule`` checks: the paragraph of ``copydesk rules RULE``, else the rule table's line, else ""."""
    from lint import ruledoc

    try:
        return ruledoc.get(rule).checks
    except LookupError:  # a rule with no page (a LanguageTool rule id)
        about = rules().get(rule)
        return about[1] if about is not None else ""


def text(d: Diagnostic, why: str) -> str:
    """The hover's Markdown for one finding."""
    about = checks(d.rule)
    lines = [f"**copydesk {d.rule}** ({d.severity.value})", "", d.message]
    if about:
        lines += ["", f"*What it checks:* {about}"]
    if why:
        lines += ["", f"*Why this was flagged:* {why}"]
    if d.suggestions:
        lines += ["", "*Suggestions:* " + ", ".join(f"`{s}`" for s in d.suggestions)]
    lines += ["", f"`copydesk rules {d.rule}`: examples, and how to turn it off"]
    return "\n".join(lines)


def hover(found: Sequence[Diagnostic], explained: Sequence[Diagnostic], places: Places) -> types.Hover | None:
    if not found:
        return None
    parts = [text(d, reasons(d, explained)) for d in found]
    first = lsp_range(found[0], places)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=first
    )
