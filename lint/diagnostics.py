"""What a check reports: a :class:`Finding` in file offsets, a :class:`Diagnostic` in lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lint.text import LineIndex


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Edit:
    """Replace file characters ``start:end`` with ``text``.

    ``safe``: the edit cannot be wrong, and ``--fix`` applies it; an unsafe edit is the
    first suggestion, applied only with ``--unsafe-fixes`` (``why`` says what makes it unsafe).
    """

    start: int
    end: int
    text: str
    safe: bool = True
    why: str = field(default="", compare=False)

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(frozen=True)
class Finding:
    """A problem found by a check, located by file character offsets (end exclusive)."""

    rule: str
    message: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None  # None: the rule's configured or default level
    fix: Edit | None = None  # applied by --fix when safe, by --unsafe-fixes when not
    explanation: str = ""  # why the check decided so (--explain)


@dataclass(frozen=True)
class Diagnostic:
    """A finding placed on lines and columns (1-based, columns in characters, end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = field(default=None, compare=False)
    explanation: str = field(default="", compare=False)

    @classmethod
    def place(cls, path: str, index: LineIndex, finding: Finding, severity: Severity) -> Diagnostic:
        line, col = index.position(finding.start)
        end = max(finding.end, finding.start)
        end_line, end_col = index.position(end)
        return cls(
            path,
            line,
            col,
            end_line,
            end_col,
            finding.rule,
            severity,
            finding.message,
            finding.suggestions,
            finding.fix,
            finding.explanation,
        )

    @property
    def safe_fix(self) -> Edit | None:
        """The fix ``--fix`` applies, if any."""
        return self.fix if self.fix is not None and self.fix.safe else None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fixable": self.safe_fix is not None,
            "fix": None
            if self.fix is None
            else {"replacement": self.fix.text, "applicability": self.fix.applicability}
            | ({"why_unsafe": self.fix.why} if self.fix.why else {}),
        }
