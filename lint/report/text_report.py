"""``--format text``: one line a finding, the line itself with the span underlined."""

from __future__ import annotations

from typing import IO

from lint.diagnostics import Diagnostic, Severity
from lint.run import Result
from lint.text import LineIndex

COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    indexes = {a.path: LineIndex(a.source) for a in result.articles}

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    for d in result.diagnostics:
        head = f"{d.path}:{d.line}:{d.column}:"
        stream.write(
            f"{paint(head, BOLD)} {paint(d.severity.value, COLOURS[d.severity])} {paint(d.rule, DIM)} {d.message}\n"
        )
        index = indexes.get(d.path)
        if index is not None and index.source:
            _excerpt(d, index, stream, paint)
        if d.safe_fix is not None:
            others = [s for s in d.suggestions if s != d.safe_fix.text][:4]
            stream.write(f"    fix: {d.safe_fix.text}" + (f" (or: {', '.join(others)})" if others else "") + "\n")
        elif d.suggestions:
            label = "suggestion" if len(d.suggestions) == 1 else "suggestions"
            stream.write(f"    {label}: {', '.join(d.suggestions[:5])}\n")
        if d.explanation:
            stream.write(f"    why: {d.explanation}\n")
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
    width = max(1, min(end, len(shown)) - start)
    stream.write(f"    {shown}\n")
    marks = " " * start + "^" * width
    stream.write(f"    {paint(marks, COLOURS[d.severity]) if callable(paint) else marks}\n")


def summary_line(result: Result) -> str:
    e, w, i = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    files_with = len({d.path for d in result.diagnostics})
    if not result.diagnostics:
        return f"{result.files} file{'s' if result.files != 1 else ''} checked: no problems found"
    return (
        f"{result.files} file{'s' if result.files != 1 else ''} checked: "
        f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}, {i} info "
        f"in {files_with} file{'s' if files_with != 1 else ''}"
    )
