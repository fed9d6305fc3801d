"""Places in a document as LSP counts them: 0-based lines, columns in UTF-16 code units.

copydesk places a finding in characters (code points: :class:`lint.text.LineIndex`, 1-based, a
line ending at ``\\r\\n``, ``\\n`` or a lone ``\\r``, as LSP's lines end).  LSP counts a column in
UTF-16 code units unless client and server agreed on another encoding: an emoji or any other
character beyond U+FFFF is two units, every other character one.  :class:`Places` converts both
ways, for the encoding that was agreed (``utf-16``, ``utf-8`` or ``utf-32``).

A document whose text starts with a byte order mark (U+FEFF) is read by copydesk without it, as
a file's bytes are: columns of its first line are shifted back by that one character here.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from lint.text import LineIndex

BOM = "\ufeff"


def units(text: str, encoding: str = "utf-16") -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def characters(text: str, count: int, encoding: str = "utf-16") -> int:
    """How many characters of ``text`` the first ``count`` code units cover (a unit inside a
    character counts as that whole character's start)."""
    if encoding == "utf-32":
        return min(count, len(text))
    used = 0
    for i, c in enumerate(text):
        width = units(c, encoding)
        if used + width > count:
            return i
        used += width
    return len(text)


@dataclass
class Places:
    """The positions of one copydesk source (the text as the reader read it)."""

    source: str
    encoding: str = "utf-16"
    shift: int = 0  # characters before the source on its first line (a byte order mark)

    def __post_init__(self) -> None:
        self.index = LineIndex(self.source)

    @classmethod
    def of_document(cls, text: str, encoding: str = "utf-16") -> Places:
        """Places in ``text`` as the editor holds it (a byte order mark included)."""
        if text.startswith(BOM):
            return cls(text[1:], encoding, shift=1)
        return cls(text, encoding)

    def _line(self, line: int) -> str:
        """Line ``line`` (1-based) of the source, without its line end."""
        if line > len(self.index.starts):
            return ""
        return self.index.line_text(line)

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of copydesk's 1-based ``line`` and character ``column``."""
        text = self._line(line)
        col = units(text[: max(0, column - 1)], self.encoding)
        if line == 1 and self.shift:
            col += units(BOM, self.encoding)
        return types.Position(line=max(0, line - 1), character=col)

    def at(self, offset: int) -> types.Position:
        """The LSP position of a character offset into the source."""
        return self.position(*self.index.position(offset))

    def span(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.at(start), end=self.at(end))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(line, column), end=self.position(end_line, end_column))

    def offset(self, position: types.Position) -> int:
        """The character offset into the source of an LSP position (clamped to the line)."""
        line = position.line + 1
        if line > len(self.index.starts):
            return len(self.source)
        count = position.character
        if line == 1 and self.shift:
            count = max(0, count - units(BOM, self.encoding))
        text = self._line(line)
        return self.index.starts[line - 1] + characters(text, count, self.encoding)
