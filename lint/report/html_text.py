"""An article's readable text as HTML rows: one row a line of the file, numbered as in the file.

Each row holds the cells of :mod:`lint.report.readable` on its line; a finding is a ``<mark>``
over the cells it covers (split where it runs over lines or crosses another: the later parts
have ``data-part``), and its note (rule, message, suggestions) follows the row where it ends.
Short articles are shown whole; in long ones only the lines around the findings, and in very
long lines only the words around each finding.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lint.diagnostics import Diagnostic
from lint.report.readable import Cell, Reading

WHOLE_LINES, WHOLE_CHARS = 80, 12_000  # articles up to this size are shown whole
CONTEXT = 2  # lines shown around a finding in a long article
LONG_LINE, WINDOW = 600, 200  # in longer lines, characters shown either side of a finding
CUT = '<span class="cut">…</span>'


@dataclass(frozen=True)
class Placed:
    """A diagnostic with its number in the page and its file offsets."""

    n: int
    d: Diagnostic
    start: int
    end: int
    path: str = ""

    @property
    def anchor(self) -> str:
        return f"f{self.n}"


Esc = Callable[[object], str]
NoteOf = Callable[[Placed], str]


def unplaced(reading: Reading, placed: list[Placed]) -> list[Placed]:
    """The findings that cover no shown cell (a hidden code block): they are listed above the text."""
    return [p for p in placed if not any(c.start < p.end and p.start < c.end for c in _around(reading, p.start, p.end))]


def render(reading: Reading, placed: list[Placed], esc: Esc, note: NoteOf) -> str:
    """The rows of ``reading`` (lines around ``placed`` in a long article), with marks and notes."""
    by_line: dict[int, list[Cell]] = {}
    for c in reading.cells:
        by_line.setdefault(reading.line_of(c.start), []).append(c)
    last_line = len(reading.index.starts) - (1 if reading.source.endswith(("\n", "\r")) else 0)
    shown = _lines_shown(reading, placed, last_line)
    ends = _last_cells(reading, placed)
    marks = Marks(esc, ends)
    on_line: dict[int, list[Placed]] = {}
    for p in placed:
        for covered in range(p.d.line, p.d.end_line + 1):
            on_line.setdefault(covered, []).append(p)
    out: list[str] = []
    previous = 0
    hidden_from = 0
    for line in shown:
        if line > previous + 1:
            out.append(_hidden(hidden_from, previous))
            hidden_from = 0
            out.append(_gap(previous + 1, line - 1))
        previous = line
        cells = by_line.get(line)
        if cells is None:
            text = reading.index.line_text(line)
            if not text.strip() or reading.roles.get(line) == "meta":
                out.append(_hidden(hidden_from, line - 1))
                hidden_from = 0
                if not text.strip() and (not out or out[-1] != '<div class="blank"></div>\n'):
                    out.append('<div class="blank"></div>\n')
            elif not hidden_from and any(ch.isalnum() for ch in text):  # not a rule or a table's dashes
                hidden_from = line
            continue
        out.append(_hidden(hidden_from, line - 1))
        hidden_from = 0
        here = [p for p in on_line.get(line, ()) if p.start < cells[-1].end and cells[0].start < p.end]
        role = reading.roles.get(line, "")
        out.append(f'<div class="row{" " + role if role else ""}">')
        out.append(f'<span class="ln" data-line="{line}"></span>')
        out.append(marks.row(line, _window(reading, line, cells, here), here))
        out.append("</div>\n")
        closing = sorted((p for p in here if ends.get(p.n) == line), key=lambda p: p.n)
        if closing:
            out.append(f'<div class="notes">{"".join(note(p) for p in closing)}</div>\n')
    out.append(_hidden(hidden_from, previous))
    if placed and previous < last_line:
        out.append(_gap(previous + 1, last_line))
    return "".join(out)


def _lines_shown(reading: Reading, placed: list[Placed], last: int) -> list[int]:
    if last <= WHOLE_LINES and len(reading.source) <= WHOLE_CHARS:
        return list(range(1, last + 1))
    lines: set[int] = set()
    for p in placed:
        first = max(1, p.d.line - CONTEXT)
        lines.update(range(first, min(last, p.d.end_line + CONTEXT) + 1))
    return sorted(lines)


def _last_cells(reading: Reading, placed: list[Placed]) -> dict[int, int]:
    """Finding number -> the line of the last cell it covers (where its note goes)."""
    out: dict[int, int] = {}
    for p in placed:
        last = [c for c in _around(reading, p.start, p.end) if c.start < p.end and p.start < c.end]
        if last:
            out[p.n] = reading.line_of(last[-1].start)
    return out


def _around(reading: Reading, a: int, b: int) -> Iterator[Cell]:
    """The cells from the last one that begins before ``a`` to the last one that begins before ``b``."""
    cells = reading.cells
    i = bisect.bisect_left(reading.starts, a)
    while i > 0 and cells[i - 1].end > a:
        i -= 1
    while i < len(cells) and cells[i].start < b:
        yield cells[i]
        i += 1


def _hidden(first: int, last: int) -> str:
    if not first or last < first:
        return ""
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f'<div class="hid">{lines}: code or markup, not shown</div>\n'


def _gap(first: int, last: int) -> str:
    if last < first:
        return ""
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f'<p class="gap">{lines} not shown: no findings</p>\n'


def _window(reading: Reading, line: int, cells: list[Cell], here: list[Placed]) -> list[Cell | None]:
    """The cells of a line, or in a very long one those near a finding (``None``: words left out)."""
    if sum(len(c.text) for c in cells) <= LONG_LINE:
        return list(cells)
    ranges = [(p.start - WINDOW, p.end + WINDOW) for p in here] or [(cells[0].start, cells[0].start + WINDOW)]
    out: list[Cell | None] = []
    for c in cells:
        parts = [(max(c.start, a), min(c.end, b)) for a, b in ranges if a < c.end and c.start < b]
        if not parts:
            if out and out[-1] is not None:
                out.append(None)
            continue
        if not c.verbatim:
            out.append(c)
            continue
        start, end = min(a for a, _ in parts), max(b for _, b in parts)
        if start > c.start and (not out or out[-1] is not None):
            out.append(None)
        out.append(Cell(start, end, reading.source[start:end], c.kind, True))
        if end < c.end:
            out.append(None)
    if out and out[0] is not None and out[0].start > cells[0].start:
        out.insert(0, None)
    return out


class Marks:
    """Writes rows with their marks; remembers across rows which findings have begun (the first part
    of a mark has the id ``m<n>`` the note links to, the later parts ``data-part``)."""

    def __init__(self, esc: Esc, ends: dict[int, int]) -> None:
        self.esc, self.ends = esc, ends
        self.started: set[int] = set()

    def row(self, line: int, cells: list[Cell | None], here: list[Placed]) -> str:
        out: list[str] = []
        stack: list[Placed] = []
        esc = self.esc
        last = {p.n: max((c.end for c in cells if c and c.start < p.end and p.start < c.end), default=-1) for p in here}

        def open_mark(p: Placed) -> None:
            ident = ' data-part="more"' if p.n in self.started else f' id="m{p.n}"'
            self.started.add(p.n)
            rule, title = esc(p.d.rule), esc(f"{p.d.rule}: {p.d.message}")
            out.append(f'<mark class="{p.d.severity.value}" data-rule="{rule}" data-n="{p.n}"{ident} title="{title}">')
            stack.append(p)

        def close_to(wanted: set[int], at: int) -> None:
            reopen = []
            while any(q.n not in wanted for q in stack):
                top = stack.pop()
                out.append("</mark>")
                if top.n in wanted:
                    reopen.append(top)
                elif last[top.n] == at and self.ends.get(top.n) == line:
                    out.append(f'<a class="ref" href="#{top.anchor}" data-ref="{top.n}" data-n="{top.n}"></a>')
            for q in reversed(reopen):
                open_mark(q)

        at = -1
        for cell in cells:
            if cell is None:
                close_to(set(), at)
                out.append(f" {CUT} ")
                continue
            for a, b in _pieces(cell, here):
                active = sorted((p for p in here if p.start < b and a < p.end), key=lambda p: (p.start, -p.end, p.n))
                close_to({p.n for p in active}, at)
                for p in active:
                    if p not in stack:
                        open_mark(p)
                out.append(_cell_html(cell, a, b, esc))
                at = b
        close_to(set(), at)
        return "".join(out)


def _pieces(cell: Cell, here: list[Placed]) -> list[tuple[int, int]]:
    """``cell`` split where a finding begins or ends inside it (a verbatim cell only)."""
    if not cell.verbatim:
        return [(cell.start, cell.end)]
    points = {cell.start, cell.end}
    for p in here:
        for x in (p.start, p.end):
            if cell.start < x < cell.end:
                points.add(x)
    ordered = sorted(points)
    return list(itertools.pairwise(ordered))


def _cell_html(cell: Cell, a: int, b: int, esc: Esc) -> str:
    text = cell.text[a - cell.start : b - cell.start] if cell.verbatim else cell.text
    if cell.kind == "break":
        return "<br>"
    if cell.kind == "prose":
        return esc(text)
    if cell.kind == "bullet":
        return f'<span class="bullet">{esc(text)}</span> '

    return f'<span class="{cell.kind}">{esc(text)}</span>'
