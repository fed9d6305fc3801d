"""Pieces of text and where each of their characters stands in the file.

Every check works on :class:`Text` values: the decoded string an editor reads
(a YAML scalar, a JSON string with its escapes resolved, a plain-text answer)
together with the file offset of each character.  One place, :class:`LineIndex`,
turns file offsets into 1-based line and column numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol, TypeVar

LINE_END = re.compile(r"\r\n?|\n")  # the line ends an editor shows: CRLF, LF and a lone CR


class LineIndex:
    """Turns character offsets of one file into 1-based (line, column).

    ``\r\n``, ``\n`` and a lone ``\r`` each end a line, as in every editor, so a file
    saved with old Mac line ends gets the line numbers its editor shows.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0, *(m.end() for m in LINE_END.finditer(source))]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


def only_lines(source: str, lines: set[int]) -> str:
    """``source`` with every line but ``lines`` (1-based) emptied, its line end kept: the same line numbers,
    and on the lines kept the same text and columns (what a report of findings by line needs of a file).
    An emptied line keeps a space before its end, so a lone CR and the LF of the next line stay two ends."""
    out: list[str] = []
    start, number = 0, 1
    for m in LINE_END.finditer(source):
        out.append(source[start : m.end()] if number in lines else " " + m.group())
        start, number = m.end(), number + 1
    out.append(source[start:] if number in lines else "")
    return "".join(out)


@dataclass(frozen=True)
class Text:
    """A decoded string from the file and the source span of each character.

    ``starts[i]``/``ends[i]`` are the file offsets of character ``i``; when both
    are ``None`` the text is a verbatim slice of the file beginning at ``start``.
    """

    field: str
    value: str
    start: int
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @classmethod
    def verbatim(cls, field: str, source: str, start: int, end: int) -> Text:
        return cls(field, source[start:end], start)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """File offsets (start, end-exclusive) of ``value[i:j]``."""
        if self.starts is None or self.ends is None:
            return self.start + i, self.start + j
        if not self.starts:
            return self.start, self.start
        i = max(0, min(i, len(self.starts) - 1))
        j = max(i + 1, min(j, len(self.ends)))
        return self.starts[i], self.ends[j - 1]

    def is_verbatim(self, source: str, i: int, j: int) -> bool:
        """True when the file holds ``value[i:j]`` literally (so it can be replaced)."""
        a, b = self.span(i, j)
        return source[a:b] == self.value[i:j]

    @cached_property
    def filler(self) -> tuple[tuple[int, int], ...]:
        """The runs of lorem ipsum dummy text in ``value`` (start, end): not prose to spell-check.

        The placeholder check reports each run once as ``placeholder.text``.
        """
        from lint.filler import lorem_runs

        return lorem_runs(self.value)

    @property
    def end(self) -> int:
        return self.span(len(self.value), len(self.value))[1] if self.value else self.start

    def sub(self, field: str, i: int, j: int) -> Text:
        """``value[i:j]`` as a text of its own, each character still in its place."""
        if self.starts is None or self.ends is None:
            return Text(field, self.value[i:j], self.start + i)
        start = self.starts[i] if i < len(self.starts) else self.end
        return Text(field, self.value[i:j], start, self.starts[i:j], self.ends[i:j])


def rewrite(text: Text, edits: Iterable[tuple[int, int, str]]) -> Text:
    """``text`` with ``value[i:j]`` read as ``s`` for each edit (i, j, s), positions kept.

    Each character of ``s`` stands for the whole of ``value[i:j]`` in the file (an entity
    ``&rsquo;`` read as ``’``); an empty ``s`` drops ``value[i:j]`` (markup inside a word).
    Such a character is never verbatim, so no fix is made across it.  Overlapping edits: the first wins.
    """
    todo = sorted(edits)
    if not todo:
        return text
    value = text.value
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def copy(a: int, b: int) -> None:
        out.append(value[a:b])
        if text.starts is None or text.ends is None:
            starts.extend(range(text.start + a, text.start + b))
            ends.extend(range(text.start + a + 1, text.start + b + 1))
        else:
            starts.extend(text.starts[a:b])
            ends.extend(text.ends[a:b])

    pos = 0
    for i, j, s in todo:
        if i < pos or j <= i:
            continue
        copy(pos, i)
        a, b = text.span(i, j)
        out.append(s)
        starts.extend([a] * len(s))
        ends.extend([b] * len(s))
        pos = j
    copy(pos, len(value))
    return Text(text.field, "".join(out), text.start, tuple(starts), tuple(ends))


RUN = 32  # characters compared at once by align()
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "0": "\0", "/": "/"}


def align(field: str, value: str, raw: str, base: int, *, single_quoted: bool = False, escapes: bool = True) -> Text:
    """Map each character of ``value`` (decoded) to its place in ``raw`` (source).

    ``raw`` is the source of a quoted or folded scalar starting at file offset
    ``base`` (quotes included or not).  Handles backslash escapes (JSON, YAML
    and TOML double quotes, ``\\uXXXX`` with surrogate pairs), doubled single
    quotes, and line folding, by walking both strings together.  ``escapes``
    is False for sources without backslash escapes (plain and block YAML
    scalars), ``single_quoted`` for YAML's doubled ``''``.
    """
    escapes = escapes and not single_quoted
    if raw == value:
        return Text(field, value, base)
    starts: list[int] = []
    ends: list[int] = []
    j = 0
    n = len(raw)
    i = 0
    while i < len(value):
        # a run the source holds as it is, one character each: no escape, no doubled quote
        run = value[i : i + RUN]
        if raw.startswith(run, j) and not (escapes and "\\" in run) and not (single_quoted and "'" in run):
            starts.extend(range(base + j, base + j + len(run)))
            ends.extend(range(base + j + 1, base + j + len(run) + 1))
            i += len(run)
            j += len(run)
            continue
        ch = value[i]
        i += 1
        while j < n:
            r = raw[j]
            if r == ch and not (r == "\\" and escapes and j + 1 < n):
                starts.append(base + j)
                width = 2 if (single_quoted and ch == "'" and raw.startswith("''", j)) else 1
                ends.append(base + j + width)
                j += width
                break
            if r == "\\" and j + 1 < n and escapes:
                width, decoded = decode_escape(raw, j)
                if decoded == ch or (decoded and ch == decoded[0]):
                    starts.append(base + j)
                    ends.append(base + j + width)
                    j += width
                    break
                if decoded == "" and width:  # escaped line break: nothing decoded
                    j += width
                    continue
            if ch in " \n" and r in " \t\r\n":
                # folded whitespace: the value's space stands for a run of source whitespace
                k = j
                while k < n and raw[k] in " \t\r\n":
                    k += 1
                starts.append(base + j)
                ends.append(base + k)
                j = k
                break
            j += 1
        else:
            starts.append(base + n)
            ends.append(base + n)
    return Text(field, value, base, tuple(starts), tuple(ends))


def decode_escape(raw: str, j: int) -> tuple[int, str]:
    """Width and decoded value of the escape sequence at ``raw[j]`` (a backslash)."""
    c = raw[j + 1]
    if c in "uU" or c == "x":
        size = {"u": 4, "U": 8, "x": 2}[c]
        digits = raw[j + 2 : j + 2 + size]
        try:
            code = int(digits, 16)
        except ValueError:
            return 2, c
        if 0xD800 <= code < 0xDC00 and raw.startswith("\\u", j + 6):
            try:
                low = int(raw[j + 8 : j + 12], 16)
            except ValueError:
                low = 0
            if 0xDC00 <= low < 0xE000:
                return 12, chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        return 2 + size, chr(code)
    if c == "\n":
        k = j + 2
        while k < len(raw) and raw[k] in " \t":
            k += 1
        return k - j, ""
    return 2, ESCAPES.get(c, c)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def longest_first(spans: Iterable[S]) -> Iterator[S]:
    """The spans in text order, dropping any that overlaps one already kept (the longer wins a tie)."""
    last = -1
    for span in sorted(spans, key=lambda h: (h.start, -(h.end - h.start))):
        if span.start >= last:
            last = span.end
            yield span


def join_spans(texts: Sequence[Text]) -> tuple[int, int]:
    """The file span that covers every text given."""
    spans = [t.span(0, len(t.value)) if t.value else (t.start, t.start) for t in texts]
    return min(s for s, _ in spans), max(e for _, e in spans)
