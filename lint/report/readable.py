"""What a reader sees of an article, each piece in its place in the file (for ``--format html``).

The HTML report shows an article as text to read, not as its source: Markdown syntax, HTML
tags, code and the template code a site generator renders are left out; front matter and
JSON metadata are shown as their fields (the key, then the value as read: quotes and
escapes resolved).  What is shown is what the readers read as prose (``article.texts()``,
masked by :mod:`lint.readers.markdown` and :mod:`lint.templates`), so the report hides
exactly what copydesk does not check as prose.  A plain-text article has no markup: it is
shown as it is.

Each shown piece is a :class:`Cell` with the file span it stands for, so a finding's
line:column falls on the cells it covers; a finding on something hidden (a link's address)
gets that part of the source shown as it is written (:func:`reveal`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lint.article import Article, Node
from lint.readers.markdown import CODE_SPANS, split_front_matter
from lint.text import LineIndex, Text

REVEAL_LIMIT = 400  # a hidden span longer than this (a code block) is not shown for a finding on it

# Markdown syntax left in the masked body: the marks of a block at a line's start, heading hashes,
# emphasis, link brackets, backslash escapes, table pipes and rules
BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<quote>(?:>[ \t]?)*)[ \t]*"
    r"(?:(?P<bullet>[-*+])[ \t]+|(?P<number>\d{1,9}[.)])[ \t]+)?(?:(?P<hashes>#{1,6})(?:[ \t]+|$))?"
)
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
RULE_LINE = re.compile(r"^[ \t]*(?:(?P<c>[-*_=])[ \t]*)(?:(?P=c)[ \t]*){2,}$")
TABLE_DELIMITER = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
EMPHASIS = re.compile(r"(?<![\\\w*_~])(?:[*_]{1,3}|~~)(?=[^\s*_~])|(?<=[^\s*_~\\])(?:[*_]{1,3}|~~)(?![\w*_~])")
LINK_TEXT = re.compile(r"(!?\[)[^\[\]\r\n]*(\])")  # [text](…) and [text][ref]: the brackets are syntax
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
LINES = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")


@dataclass(frozen=True)
class Cell:
    """``text`` is what the reader sees of the file's characters ``start:end``.

    ``kind``: ``prose``; ``key`` and ``value`` (a metadata field); ``bullet`` (a list item's mark);
    ``code`` (an inline code span); ``break`` (a line break a JSON string holds as ``\\n``);
    ``raw`` (source shown as written, because a finding is on it).  A verbatim cell's text is the
    file's own, character for character, so it can be split anywhere.
    """

    start: int
    end: int
    text: str
    kind: str = "prose"
    verbatim: bool = False


@dataclass
class Reading:
    source: str
    cells: list[Cell]
    roles: dict[int, str] = field(default_factory=dict)  # line -> "meta", "h1"…"h6", "quote"

    def __post_init__(self) -> None:
        self.index = LineIndex(self.source)
        self.starts = [c.start for c in self.cells]

    def line_of(self, offset: int) -> int:
        return self.index.position(offset)[0]


def read(article: Article) -> Reading:
    """What a reader sees of ``article``, in file order."""
    source = article.source
    if article.format == "text" or not article.readable:
        return Reading(source, list(_verbatim_lines(source, 0, len(source), "prose")))
    cells: list[Cell] = []
    roles: dict[int, str] = {}
    index = LineIndex(source)
    texts = list(article.texts())
    for text in texts:
        hidden, marks = _markdown_syntax(source, text, index, roles) if text.field == "body" else (set(), [])
        cells.extend(_cells(source, text, "prose", hidden))
        cells.extend(marks)
    body = [t for t in texts if t.field == "body"]
    if article.format == "markdown" and body:
        cells.extend(_code_spans(source, body[0].start, body[0].end, cells))
    if article.tree is not None:
        starts = sorted(c.start for c in cells if c.text.strip())
        cells.extend(_fields(source, article.tree, starts))
        last = _meta_end(article)
        for line in range(1, index.position(last)[0] + (1 if last >= len(source) else 0)):
            roles.setdefault(line, "meta")
    return Reading(source, _without_overlaps(cells), roles)


def reveal(reading: Reading, spans: Iterable[tuple[int, int]]) -> Reading:
    """``reading`` with each span (a finding's) that covers nothing shown (a link's address) shown as
    written, as ``raw`` cells."""
    cells = list(reading.cells)
    starts = [c.start for c in cells]
    added: list[Cell] = []
    for a, b in spans:
        if b <= a or b - a > REVEAL_LIMIT:
            continue
        i = bisect.bisect_left(starts, a)
        while i > 0 and cells[i - 1].end > a:
            i -= 1
        j = bisect.bisect_left(starts, b, i)
        inside = cells[i:j]
        if any(c.end > a and c.text.strip() for c in inside):
            continue  # the finding is on words shown: the markup among them stays hidden
        pos = a
        for c in inside:
            if c.start > pos:
                added.extend(_verbatim_lines(reading.source, pos, c.start, "raw"))
            pos = max(pos, c.end)
        if pos < b:
            added.extend(_verbatim_lines(reading.source, pos, b, "raw"))
    shown = [c for c in added if c.text.strip()]
    if not shown:
        return reading
    return Reading(reading.source, _without_overlaps([*cells, *shown]), reading.roles)


def _verbatim_lines(source: str, a: int, b: int, kind: str) -> Iterator[Cell]:
    """``source[a:b]`` as verbatim cells, one a line, line ends left out."""
    for m in LINES.finditer(source, a, b):
        line = m.group().rstrip("\r\n")
        if line:
            yield Cell(m.start(), m.start() + len(line), line, kind, verbatim=True)
        if m.end() >= b:
            break


def _cells(source: str, text: Text, kind: str, hidden: set[int] | frozenset[int] = frozenset()) -> Iterator[Cell]:
    """The characters of ``text`` a reader sees, as cells: blanked markup and line ends left out."""
    value = text.value
    run_start = run_end = -1

    def flush() -> Iterator[Cell]:
        if run_end > run_start >= 0:
            yield Cell(run_start, run_end, source[run_start:run_end], kind, verbatim=True)

    i = 0
    while i < len(value):
        ch = value[i]
        a, b = text.span(i, i + 1)
        j = i + 1
        if i in hidden or (ch == " " and b - a == 1 and source[a : a + 1] not in (" ", "\t")):
            i = j  # markup blanked by the reader, or Markdown syntax
            continue
        if ch in "\r\n" and source[a:b] in ("\n", "\r", "\r\n"):
            i = j  # a line end of the file: lines are the report's own rows
            continue
        if b - a == 1 and source[a] == ch:
            if a != run_end:
                yield from flush()
                run_start = a
            run_end = b
            i = j
            continue
        yield from flush()
        run_start = run_end = -1
        while j < len(value) and text.span(j, j + 1) == (a, b) and j not in hidden:
            j += 1  # several characters for one span: an entity read as its character(s)
        shown = value[i:j]
        yield Cell(a, b, "\n" if shown == "\n" else shown, "break" if shown == "\n" else kind)
        i = j
    yield from flush()


def _markdown_syntax(source: str, text: Text, index: LineIndex, roles: dict[int, str]) -> tuple[set[int], list[Cell]]:
    """Indices of ``text`` (a masked Markdown body) that are syntax, bullets for list items; heading and
    quote lines go into ``roles``."""
    value = text.value
    hidden: set[int] = set()
    marks: list[Cell] = []
    previous_text = False

    def hide(a: int, b: int) -> None:
        hidden.update(range(a, b))

    for m in LINES.finditer(value):
        if not m.group():
            break
        line = m.group().rstrip("\r\n")
        a = m.start()
        line_no = index.position(text.span(a, a + 1)[0])[0] if line else 0
        if not line.strip():
            previous_text = False
            continue
        if RULE_LINE.match(line) or TABLE_DELIMITER.match(line):
            hide(a, a + len(line))
            if previous_text and line.strip()[0] in "=-" and line_no > 1:  # a setext heading's underline
                roles[line_no - 1] = "h1" if line.strip()[0] == "=" else "h2"
            previous_text = False
            continue
        previous_text = True
        block = BLOCK.match(line)
        assert block is not None  # every group is optional
        hide(a, a + block.end())
        at_line_start = not source[index.starts[line_no - 1] : text.span(a, a + 1)[0]].strip()
        if block.group("quote") and at_line_start:
            roles[line_no] = "quote"
        for group, shown in (("bullet", "•"), ("number", block.group("number"))):
            if block.group(group):
                s, e = text.span(a + block.start(group), a + block.end(group))
                marks.append(Cell(s, e, shown, "bullet"))
        if block.group("hashes"):
            if at_line_start:
                roles[line_no] = f"h{len(block.group('hashes'))}"
            closing = CLOSING_HASHES.search(line)
            if closing:
                hide(a + closing.start(), a + closing.end())
        for pattern in (EMPHASIS, ESCAPE):
            for found in pattern.finditer(line, block.end()):
                hide(a + found.start(), a + found.end())
        for found in LINK_TEXT.finditer(line, block.end()):
            after = text.span(a + found.end(2) - 1, a + found.end(2))[1]
            if source[after : after + 1] in ("(", "["):
                hide(a + found.start(1), a + found.end(1))
                hide(a + found.start(2), a + found.end(2))
        if line.lstrip().startswith("|"):
            hide_pipes = [a + k for k, ch in enumerate(line) if ch == "|" and (k == 0 or line[k - 1] != "\\")]
            hidden.update(hide_pipes)
            for k in hide_pipes[1:-1] if line.rstrip().endswith("|") else hide_pipes[1:]:
                s, e = text.span(k, k + 1)
                marks.append(Cell(s, e, "│", "bullet"))
    return hidden, marks


def _code_spans(source: str, start: int, end: int, cells: list[Cell]) -> Iterator[Cell]:
    """Inline code spans of the body ``source[start:end]`` (blanked as code by the reader) shown as code."""
    if "`" not in source[start:end]:
        return
    starts = sorted(c.start for c in cells if c.text.strip())
    for m in CODE_SPANS.finditer(source, start, end):
        ticks = len(m.group(1))
        a, b = m.start() + ticks, m.end() - ticks
        inner = source[a:b]
        if not inner.strip() or "\n" in inner or "\r" in inner or _covered(starts, a, b):
            continue
        yield Cell(a, b, inner, "code", verbatim=True)


def _covered(starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _fields(source: str, node: Node, prose_starts: list[int]) -> Iterator[Cell]:
    """The keys and values of a metadata tree; a value read as prose is left to its prose cells."""
    children = node.children
    if isinstance(children, dict):
        for child in children.values():
            if child.key_start is not None and child.key_end is not None and child.key_end > child.key_start:
                key = source[child.key_start : child.key_end].strip("\"'")
                yield Cell(child.key_start, child.key_end, key, "key")
            yield from _fields(source, child, prose_starts)
    elif isinstance(children, list):
        for child in children:
            dash = child.start - 1
            while dash >= 0 and source[dash] in " \t":
                dash -= 1
            if dash >= 0 and source[dash] == "-":
                yield Cell(dash, dash + 1, "•", "bullet")
            yield from _fields(source, child, prose_starts)
    elif node.end > node.start and not _covered(prose_starts, node.start, node.end):
        if node.text is not None:
            yield from _cells(source, node.text, "value")
        else:
            yield from _verbatim_lines(source, node.start, node.end, "value")


def _meta_end(article: Article) -> int:
    """Where the metadata ends: the end of the front matter, or of the file for a JSON article."""
    if article.format == "markdown":
        return split_front_matter(article.source)[3]
    return len(article.source)


def _without_overlaps(cells: list[Cell]) -> list[Cell]:
    """The cells in file order; a cell overlapping one kept before it is dropped (prose comes first, and
    blank cells last: the spaces of a caption blanked in the body give way to the caption's words)."""
    kept: list[Cell] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cells, key=lambda c: not c.text.strip()):
        i = bisect.bisect_right(taken, (c.start, c.end))
        before = taken[i - 1] if i else None
        after = taken[i] if i < len(taken) else None
        if (before and before[1] > c.start and before[0] < c.end) or (after and after[0] < c.end and c.end > c.start):
            continue
        if before and before == (c.start, c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept
