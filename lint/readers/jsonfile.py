"""JSON articles: one object of metadata whose ``body`` holds the article's Markdown text.

A small recursive-descent parser keeps the place of every value, key and string
character, so a finding inside ``"body": "... caf\\u00e9 ..."`` points at the
exact column of the file.
"""

from __future__ import annotations

import json.decoder
import re
import sys
from typing import Any

from lint import limits
from lint.article import Article, Node, string_node
from lint.readers import markdown, meta
from lint.text import Text, align, decode_escape

BODY_KEYS = ("body", "content", "text", "articleBody")
NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}
SPACE = " \t\n\r\ufeff"

# what json.decoder.scanstring says -> what an editor reads
STRING_ERRORS = {
    "Unterminated string starting at": 'a text value is never closed (its closing " is missing)',
    "Invalid control character at": "a line break or tab inside a text value must be written \\n or \\t",
    "Invalid \\escape": "a backslash must be written \\\\ inside a text value",
    "Invalid \\uXXXX escape": "a \\u escape needs four hexadecimal digits",
}


class JSONError(Exception):
    """Malformed JSON: ``offset`` is the file offset of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def read(article: Article) -> None:
    try:
        tree = parse(article.source)
    except JSONError as exc:
        article.problems.append(meta.problem(f"the file is not valid JSON: {exc.message}", exc.offset))
        return
    if not isinstance(tree.children, dict):
        kind = "a list" if isinstance(tree.children, list) else "a single value"
        article.problems.append(
            meta.problem(
                f"the file holds {kind}, not an article: a JSON article is one object such as "
                '{"title": "...", "date": "...", "body": "..."}',
                tree.start,
            )
        )
        return
    meta.fill(article, tree)
    markdown.decode_fields(article)
    for key in BODY_KEYS:
        node = tree.children.get(key)
        if node is None:
            continue
        if node.text is not None:
            texts = [node.text]
        elif isinstance(node.children, list):  # the body as a list of paragraphs
            texts = [child.text for child in node.children if child.text is not None]
        else:
            continue
        for text in texts:
            markdown.read_body(article, text)
        break


def parse(source: str) -> Node:
    """The located tree of a whole JSON document; raises :class:`JSONError`."""
    parser = _Parser(source)
    try:
        node = parser.value("")
    except RecursionError:
        raise JSONError("the values are nested too deeply", parser.pos) from None
    parser.skip()
    if parser.pos < len(source):
        raise JSONError("there is more text after the end of the JSON object", parser.pos)
    return node


class _Parser:
    def __init__(self, source: str) -> None:
        self.s = source
        self.pos = 0
        self.depth = 0
        self.max_depth = limits.current().max_depth

    def skip(self) -> None:
        s, n = self.s, len(self.s)
        while self.pos < n and s[self.pos] in SPACE:
            self.pos += 1

    def value(self, path: str) -> Node:
        self.skip()
        s, pos = self.s, self.pos
        if pos >= len(s):
            raise JSONError("the file ends where a value should be", pos)
        ch = s[pos]
        if ch in "{[":
            if self.depth >= self.max_depth:
                raise JSONError(
                    f"the values are nested more than {self.max_depth} levels deep"
                    f" (the limit is {limits.key('max_depth')})",
                    pos,
                )
            self.depth += 1
            node = self.object(path) if ch == "{" else self.array(path)
            self.depth -= 1
            return node
        if ch == '"':
            return self.string(path)
        m = NUMBER.match(s, pos)
        if m:
            self.pos = m.end()
            try:
                number: int | float = float(m.group()) if any(c in m.group() for c in ".eE") else int(m.group())
            except ValueError:  # more digits than Python turns into a number (sys.get_int_max_str_digits)
                raise JSONError(
                    f"a number of {len(m.group().lstrip('-')):,} digits: longer than any number copydesk reads"
                    f" ({sys.get_int_max_str_digits():,} digits); write it as text in double quotes",
                    pos,
                ) from None
            return Node(number, pos, m.end())
        for word, literal in LITERALS.items():
            if s.startswith(word, pos):
                self.pos = pos + len(word)
                return Node(literal, pos, self.pos)
        if ch == "'":
            raise JSONError("text values must be in double quotes (\"), not single quotes (')", pos)
        if ch in "}]":
            raise JSONError(f"a value is missing before '{ch}'", pos)
        bare = re.match(r"[A-Za-z_]\w*", s[pos:])
        if bare:
            raise JSONError(f"'{bare.group()}' is not a value: text must be in double quotes", pos)
        raise JSONError(f"unexpected '{ch}' where a value should be", pos)

    def object(self, path: str) -> Node:
        start = self.pos
        self.pos += 1
        children: dict[str, Node] = {}
        self.skip()
        if self.s.startswith("}", self.pos):
            self.pos += 1
            return Node({}, start, self.pos, children=children)
        while True:
            self.skip()
            key_start = self.pos
            if not self.s.startswith('"', key_start):
                if self.s.startswith("}", key_start):
                    raise JSONError("a comma before '}' is not allowed in JSON", self._last_comma(key_start))
                if key_start >= len(self.s):
                    raise JSONError("the file ends inside an object (a '}' is missing)", key_start)
                raise JSONError("a key must be text in double quotes", key_start)
            key, key_end = self._scan(key_start)
            self.pos = key_end
            self.skip()
            if not self.s.startswith(":", self.pos):
                raise JSONError(f"':' is missing after the key \"{key}\"", self.pos)
            self.pos += 1
            child = self.value(f"{path}.{key}" if path else key)
            child.key_start, child.key_end = key_start, key_end
            children[key] = child
            self.skip()
            if self.s.startswith(",", self.pos):
                self.pos += 1
                continue
            if self.s.startswith("}", self.pos):
                self.pos += 1
                return Node({k: v.value for k, v in children.items()}, start, self.pos, children=children)
            raise JSONError(self._separator_problem("}"), self.pos)

    def array(self, path: str) -> Node:
        start = self.pos
        self.pos += 1
        items: list[Node] = []
        self.skip()
        if self.s.startswith("]", self.pos):
            self.pos += 1
            return Node([], start, self.pos, children=items)
        while True:
            self.skip()
            if self.s.startswith("]", self.pos):
                raise JSONError("a comma before ']' is not allowed in JSON", self._last_comma(self.pos))
            child = self.value(f"{path}[{len(items)}]")
            child.key_start, child.key_end = child.start, child.end
            items.append(child)
            self.skip()
            if self.s.startswith(",", self.pos):
                self.pos += 1
                continue
            if self.s.startswith("]", self.pos):
                self.pos += 1
                return Node([c.value for c in items], start, self.pos, children=items)
            raise JSONError(self._separator_problem("]"), self.pos)

    def string(self, path: str) -> Node:
        start = self.pos
        value, end = self._scan(start)
        self.pos = end
        return string_node(value, start, end, located(path, self.s, start + 1, end - 1, value))

    def _scan(self, quote: int) -> tuple[str, int]:
        try:
            value, end = json.decoder.scanstring(self.s, quote + 1, True)  # type: ignore[attr-defined]
        except json.JSONDecodeError as exc:
            raise JSONError(STRING_ERRORS.get(exc.msg, exc.msg), exc.pos) from None
        return value, end

    def _separator_problem(self, closer: str) -> str:
        if self.pos >= len(self.s):
            return f"the file ends before the closing '{closer}'"
        if self.s[self.pos] in '"{[0123456789-tfn':
            return "a comma is missing before this value"
        return f"expected ',' or '{closer}' here, found '{self.s[self.pos]}'"

    def _last_comma(self, pos: int) -> int:
        comma = self.s.rfind(",", 0, pos)
        return comma if comma >= 0 else pos


def located(field: str, source: str, start: int, end: int, value: str) -> Text:
    """The decoded string ``value`` of the JSON string source ``source[start:end]`` (no quotes)."""
    if source[start:end] == value:
        return Text(field, value, start)
    starts: list[int] = []
    ends: list[int] = []
    chars: list[str] = []
    j = start
    while j < end:
        k = source.find("\\", j, end)
        k = end if k < 0 else k
        if k > j:  # a run of plain characters, one source character each
            chars.append(source[j:k])
            starts.extend(range(j, k))
            ends.extend(range(j + 1, k + 1))
            j = k
            continue
        width, ch = _char(source, j)
        chars.append(ch)
        starts.append(j)
        ends.append(j + width)
        j += width
    if "".join(chars) != value:  # not expected; fall back on the generic alignment
        return align(field, value, source[start:end], start)
    return Text(field, value, start, tuple(starts), tuple(ends))


def _char(source: str, j: int) -> tuple[int, str]:
    """Width in the source and decoded character of the string character at ``j``."""
    if source[j] != "\\":
        return 1, source[j]
    return decode_escape(source, j)  # JSON's escapes are a subset of what the shared decoder reads
