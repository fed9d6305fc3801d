"""What a grammar engine reads: an article's prose as plain paragraphs, each character traced to the file.

Every prose :class:`~lint.text.Text` of an article (headline, summary, FAQ
questions and answers, body) is split into paragraphs on blank lines.  In a
Markdown body each heading and each list item is a paragraph of its own, table
paragraphs are skipped, and markup is dropped: ``#``, ``>``, list markers,
``*`` and ``_`` emphasis, ``~~``, link brackets and footnote references (code,
HTML and link destinations are already blanked by the reader).  Runs of
whitespace become one space, and a blanked run before punctuation goes: an
engine reads ``Run now.`` and ``See the list.`` where the file says
``Run `copydesk check` now.`` and ``See [the list](https://…).``

The paragraphs of one article are joined into :class:`Document` values (one
request to an engine each), separated by blank lines; :meth:`Document.locate`
maps an engine's offsets back to file offsets through the Text's ``span()``.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lint.text import Text

SEPARATOR = "\n\n"  # between paragraphs of a document: every engine ends a sentence there
PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n\s*")

QUOTE = re.compile(r" {0,3}>[ \t]?")
BLOCK = re.compile(r"[ \t]*(?:(?P<heading>#{1,6})(?:[ \t]+|$)|(?:[-*+]|\d{1,9}[.)])[ \t]+)")
RULE_LINE = re.compile(r" {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|-+[ \t]*)$")  # thematic breaks, setext underlines
TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
ESCAPABLE = frozenset(string.punctuation)
CLOSING = frozenset(".,;:!?)")
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{:?[.#][^{}]*\}|\{:[^{}]*\}")  # Liquid, kramdown attributes


@dataclass(frozen=True)
class Segment:
    """One paragraph as an engine reads it: ``value[k]`` is ``text.value[index[k]]``."""

    text: Text
    value: str
    index: tuple[int, ...]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """File offsets (start, end-exclusive) of ``value[i:j]``."""
        i = max(0, min(i, len(self.value) - 1))
        j = max(i + 1, min(j, len(self.value)))
        return self.text.span(self.index[i], self.index[j - 1] + 1)


@dataclass
class Document:
    """Paragraphs joined by blank lines: the text of one request to an engine."""

    segments: list[Segment] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each segment begins in ``value``
    size: int = 0

    def add(self, segment: Segment) -> None:
        if self.segments:
            self.size += len(SEPARATOR)
        self.starts.append(self.size)
        self.segments.append(segment)
        self.size += len(segment.value)

    @property
    def value(self) -> str:
        return SEPARATOR.join(s.value for s in self.segments)

    def locate(self, offset: int, length: int) -> tuple[int, int] | None:
        """File offsets of ``value[offset:offset + length]``; None when it is not inside one paragraph."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        segment = self.segments[k]
        n = len(segment.value)
        i = offset - self.starts[k]
        if length <= 0:  # an insertion point: the character before it
            i = max(0, min(i, n) - 1) if i > 0 else 0
            return segment.span(i, i + 1)
        if i + length > n:
            return None  # on a separator, or across two paragraphs
        return segment.span(i, i + length)


def segments(text: Text, markdown: bool = False, source: str | None = None) -> Iterator[Segment]:
    """The paragraphs of ``text`` that hold words, markup dropped when ``markdown``.

    ``source`` is the file: where it is not blank but ``text`` is, the reader blanked code or a link.
    """
    value = text.value
    start = 0
    for m in (*PARAGRAPHS.finditer(value), None):
        end = m.start() if m is not None else len(value)
        blocks = _markdown_blocks(value, start, end) if markdown else [range(start, end)]
        for kept in blocks:
            segment = _collapse(text, kept, source)
            if segment is not None:
                yield segment
        if m is not None:
            start = m.end()


def documents(parts: Iterable[Segment], limit: int) -> list[Document]:
    """Segments packed into documents of at most ``limit`` characters (a longer paragraph goes alone)."""
    out: list[Document] = []
    doc = Document()
    for segment in parts:
        if doc.segments and doc.size + len(SEPARATOR) + len(segment.value) > limit:
            out.append(doc)
            doc = Document()
        doc.add(segment)
    if doc.segments:
        out.append(doc)
    return out


def _collapse(text: Text, kept: Iterable[int], source: str | None) -> Segment | None:
    """The characters kept, each run of whitespace made one space, ends trimmed; None without a letter.

    A run holding blanked code or a blanked link before punctuation goes altogether:
    ``see [the list](https://…).`` reads ``see the list.``, not ``see the list .``.
    """
    value = text.value
    chars: list[str] = []
    index: list[int] = []
    blanked = False  # the last run of whitespace hides something the reader blanked
    for k in kept:
        ch = value[k]
        if ch.isspace():
            if source is not None and not blanked and ch == " ":
                at = text.span(k, k + 1)[0]
                blanked = at < len(source) and not source[at].isspace() and source[at] != "\\"
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        elif chars and chars[-1] == " ":
            if blanked and ch in CLOSING:
                chars.pop()
                index.pop()
            blanked = False
        chars.append(ch)
        index.append(k)
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    if not any(c.isalpha() for c in chars):
        return None
    return Segment(text, "".join(chars), tuple(index))


def _lines(value: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while start <= end:
        nl = value.find("\n", start, end)
        stop = end if nl < 0 else nl
        out.append((start, stop))
        if nl < 0:
            break
        start = nl + 1
    return out


def _markdown_blocks(value: str, start: int, end: int) -> list[list[int]]:
    """The blocks of one Markdown paragraph (a heading, each list item, the rest), markup dropped."""
    lines = _lines(value, start, end)
    if len(lines) >= 2 and "|" in value[lines[0][0] : lines[0][1]]:
        a, b = lines[1]
        if TABLE_DELIMITER.match(value, a, b) and "-" in value[a:b]:
            return []  # a table: cells are not sentences
    blocks: list[list[int]] = []
    current: list[int] = []

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(current)
        current = []

    for a, b in lines:
        pos = a
        while (m := QUOTE.match(value, pos, b)) is not None:
            pos = m.end()
        if RULE_LINE.match(value, pos, b) and pos < b:
            flush()
            continue
        if value.startswith("|", pos):
            continue  # a table row without a delimiter line near it
        heading = False
        if (m := BLOCK.match(value, pos, b)) is not None:
            flush()
            pos = m.end()
            heading = m.group("heading") is not None
        stop = b
        if heading and (h := CLOSING_HASHES.search(value, pos, b)) is not None:
            stop = h.start()
        current.extend(_inline(value, pos, stop))
        if b < len(value):
            current.append(b)  # the line break: a space between the lines
        if heading:
            flush()
    flush()
    return blocks


def _inline(value: str, a: int, b: int) -> Iterator[int]:
    """Indices of ``value[a:b]`` without inline Markdown markup."""
    skip = {m.start(): m.end() for m in TEMPLATE.finditer(value, a, b)}
    i = a
    while i < b:
        if i in skip:
            i = skip[i]
            continue
        c = value[i]
        if c == "]" and value.startswith("](", i):
            close = value.find(")", i + 2, b)
            if close > 0:
                i = close + 1  # a link destination the reader left (one with spaces in it)
                continue
        if c == "\\" and i + 1 < b and value[i + 1] in ESCAPABLE:
            yield i + 1
            i += 2
            continue
        if c == "[" and value.startswith("[^", i):
            close = value.find("]", i, b)
            if close > 0:
                i = close + 1  # a footnote reference
                continue
        if c == "]" and value.startswith("][", i):
            close = value.find("]", i + 2, b)
            if close > 0:
                i = close + 1  # a reference link's label
                continue
        if c in "[]*" or (c == "!" and value.startswith("![", i)) or (c == "~" and value.startswith("~~", i)):
            i += 2 if c == "~" else 1
            continue
        if c == "_":
            before = value[i - 1] if i > a else " "
            after = value[i + 1] if i + 1 < b else " "
            if not (before.isalnum() and after.isalnum()):
                i += 1
                continue
        yield i
        i += 1
