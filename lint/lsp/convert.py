"""A copydesk :class:`~lint.diagnostics.Diagnostic` as an LSP diagnostic."""

from __future__ import annotations

from lsprotocol import types

from lint.diagnostics import Diagnostic, Severity
from lint.lsp.positions import Places

SOURCE = "copydesk"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def lsp_range(d: Diagnostic, places: Places) -> types.Range:
    return places.range(d.line, d.column, d.end_line, d.end_column)


def to_lsp(d: Diagnostic, places: Places) -> types.Diagnostic:
    """``code`` is the rule id; no ``codeDescription``: copydesk's rules have no web page of their own
    (``copydesk rules`` and README's "Checks and rule ids" describe them)."""
    return types.Diagnostic(
        range=lsp_range(d, places),
        message=d.message,
        severity=SEVERITIES[d.severity],
        code=d.rule,
        source=SOURCE,
    )
