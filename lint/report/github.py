"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=a.md,line=3,col=5,endLine=3,endColumn=12,title=spelling.unknown::message``
GitHub shows each on the changed file in a pull request. Escaping follows
``@actions/core``: ``%``, CR and LF in the message; also ``:`` and ``,`` in the
properties.  Control characters from an article or a file name are shown escaped
(``\\x1b``) first, so the log never obeys one.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import IO

from lint.diagnostics import Diagnostic, Severity
from lint.report.text_report import summary_line
from lint.report.visible import visible
from lint.run import Result

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    """The workflow command of one finding."""
    properties = {
        "file": visible(PurePath(d.path).as_posix()),
        "line": d.line,
        "col": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "title": d.rule,
    }
    message = visible(d.message)  # a control character from the article is shown, not obeyed by the log
    if d.safe_fix is not None:
        message += f"\nfix: {visible(d.safe_fix.text)}"
    elif d.suggestions:
        label = "suggestion" if len(d.suggestions) == 1 else "suggestions"
        message += f"\n{label}: {', '.join(visible(s) for s in d.suggestions[:5])}"
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{LEVELS[d.severity]} {fields}::{escape_data(message)}"


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    for d in result.diagnostics:
        stream.write(command(d) + "\n")
    stream.write(summary_line(result) + "\n")
