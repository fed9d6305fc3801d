"""``--format text``: one line a finding, the line itself with the span underlined.

Everything taken from an article or a file name goes through :func:`visible`:
a control character is shown as ``\x1b``, never written raw to the terminal.
"""

from __future__ import annotations

from typing import IO

from lint.diagnostics import Diagnostic, Severity
from lint.report.visible import visible
from lint.run import Result
from lint.text import LineIndex

COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    indexes = {a.path: LineIndex(a.source) for a in result.articles}

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    for d in result.diagnostics:
        head = f"{visible(d.path)}:{d.line}:{d.column}:"
        rule, message = visible(d.rule), visible(d.message)
        stream.write(
            f"{paint(head, BOLD)} {paint(d.severity.value, COLOURS[d.severity])} {paint(rule, DIM)} {message}\n"
        )
        index = indexes.get(d.path)
        if index is not None and index.source:
            _excerpt(d, index, stream, paint)
        if d.safe_fix is not None:
            others = [visible(s) for s in d.suggestions if s != d.safe_fix.text][:4]
            fix = visible(d.safe_fix.text)
            stream.write(f"    fix: {fix}" + (f" (or: {', '.join(others)})" if others else "") + "\n")
        elif d.suggestions:
            label = "suggestion" if len(d.suggestions) == 1 else "suggestions"
            stream.write(f"    {label}: {', '.join(visible(s) for s in d.suggestions[:5])}\n")
        if d.explanation:
            stream.write(f"    why: {visible(d.explanation, newlines=True)}\n")
    stream.write(summary_line(result) + "\n")


def _excerpt(d: Diagnostic, index: LineIndex, stream: IO[str], paint: object) -> None:
    line = index.line_text(d.line)
    if len(line) > 200:  # a long paragraph: show the part around the finding
        lo = max(0, d.column - 80)
        shown, shift = line[lo : lo + 160], lo
    else:
        shown, shift = line, 0
    shown = shown.replace("\t", " ")
    start = d.column - 1 - shift
    end = (d.end_column - 1 - shift) if d.end_line == d.line else len(shown)
    # widths as shown: an escaped control character takes four columns
    start = max(0, start)
    indent = len(visible(shown[:start])) + max(0, start - len(shown))
    width = max(1, len(visible(shown[start : max(start, min(end, len(shown)))])))
    stream.write(f"    {visible(shown)}\n")
    marks = " " * indent + "^" * width
    stream.write(f"    {paint(marks, COLOURS[d.severity]) if callable(paint) else marks}\n")


def summary_line(result: Result) -> str:
    e, w, i = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    files_with = len({d.path for d in (*result.diagnostics, *result.hidden)})
    if not result.diagnostics and not result.hidden:
        return f"{result.files} file{'s' if result.files != 1 else ''} checked: no problems found"
    hidden = f" ({len(result.hidden)} below error level not shown: --quiet)" if result.hidden else ""
    return (
        f"{result.files} file{'s' if result.files != 1 else ''} checked: "
        f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, {i} info "
        f"in {files_with} file{'s' if files_with != 1 else ''}{hidden}"
    )
