"""TOML front matter (Hugo's ``+++``) into a located :class:`~lint.article.Node` tree.

``tomllib`` reads the values and reports malformed TOML; a small scanner walks
the same text to find where every key, table, array of tables (``[[faq]]``) and
string is, so each string gets a :class:`Text` with the place of every character.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import sys
import tomllib
from collections.abc import Callable
from typing import Any

from lint import limits
from lint.article import Node, string_node
from lint.text import Text, align

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
    r"|\d{2}:\d{2}:\d{2}(?:\.\d+)?"
)
SCALAR = re.compile(r"[^\s,\]\}#]+")
ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
ERROR = re.compile(r"^(?P<msg>.*?) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.DOTALL)
MESSAGES = {
    "Invalid value": "a value is not valid here (text must be in quotes)",
    "Expected '=' after a key in a key/value pair": "'=' is missing after a key",
    "Invalid statement": "this line is neither 'key = value' nor a [table] header",
    "Unterminated string": "a text value is never closed (its closing quote is missing)",
    "Cannot overwrite a value": "a key is given a value twice",
}


LONG_NUMBER = re.compile(r"[0-9_]{4300,}")
_OPENERS = re.compile(r"[\[{\]}\"'#\n]")


def _too_deep(chunk: str, limit: int) -> int:
    """Where arrays and inline tables first nest deeper than ``limit`` (outside strings and comments),
    or -1: tomllib reads them by recursion, and a few thousand brackets would end the run."""
    if chunk.count("[") + chunk.count("{") <= limit:
        return -1
    depth = 0
    pos = 0
    line_begin = 0
    n = len(chunk)
    while pos < n:
        m = _OPENERS.search(chunk, pos)
        if m is None:
            return -1
        ch, pos = m.group(), m.end()
        if ch == "\n":
            line_begin = pos
            continue
        if ch in "\"'":
            triple = chunk.startswith(ch * 3, m.start())
            close = ch * 3 if triple else ch
            pos = m.start() + len(close)
            while True:
                end = chunk.find(close, pos)
                if end < 0:
                    return -1  # tomllib says what is wrong
                if ch == '"' and _escaped(chunk, end):
                    pos = end + 1
                    continue
                pos = end + len(close)
                break
        elif ch == "#":
            nl = chunk.find("\n", pos)
            pos = n if nl < 0 else nl
        elif ch in "[{":
            if not (
                ch == "[" and depth == 0 and not chunk[line_begin : m.start()].strip()
            ):  # a [table] header is no nesting
                depth += 1
                if depth > limit:
                    return m.start()
            else:
                depth = 0
        elif depth:
            depth -= 1
    return -1


def _escaped(text: str, at: int) -> bool:
    """True when the character at ``at`` follows an odd number of backslashes."""
    k = at
    while k > 0 and text[k - 1] == "\\":
        k -= 1
    return (at - k) % 2 == 1


class TOMLError(Exception):
    """Malformed TOML: ``offset`` is the file offset of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def parse(source: str, start: int, end: int) -> Node:
    """Parse ``source[start:end]`` as TOML; positions are file offsets."""
    chunk = source[start:end]
    max_depth = limits.current().max_depth
    deep = _too_deep(chunk, max_depth)
    if deep >= 0:
        raise TOMLError(
            f"front matter is nested more than {max_depth} levels deep (the limit is {limits.key('max_depth')})",
            start + deep,
        )
    try:
        data = tomllib.loads(chunk)
    except tomllib.TOMLDecodeError as exc:
        message, offset = _error(str(exc), chunk)
        raise TOMLError(f"front matter is not valid TOML: {message}", start + offset) from None
    except ValueError:  # an integer of more digits than Python reads (sys.get_int_max_str_digits)
        m = LONG_NUMBER.search(chunk)
        raise TOMLError(
            f"front matter is not valid TOML: a number of more than {sys.get_int_max_str_digits():,} digits,"
            " longer than any number copydesk reads; write it as text in quotes",
            start + (m.start() if m else 0),
        ) from None
    except RecursionError:  # below max_depth, but deeper than Python's stack (a limit set very high)
        raise TOMLError("front matter is nested too deeply", start) from None
    if limits.depth_exceeded(data, max_depth):  # dotted keys (a.b.c = 1) nest without brackets
        raise TOMLError(
            f"front matter is nested more than {max_depth} levels deep (the limit is {limits.key('max_depth')})",
            start,
        )
    root = Node(None, start, end, children={})
    scanner = _Scanner(source, start, end, root)
    with contextlib.suppress(_Lost, IndexError, ValueError):  # keep the places found so far
        scanner.run()
    _attach(root, plain(data), source, "")
    _extend(root)
    root.start, root.end = start, end
    return root


def plain(value: Any) -> Any:
    """The TOML data as JSON sees it: dates and times become ISO 8601 strings."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date too
        return value.isoformat()
    return value


def _error(text: str, chunk: str) -> tuple[str, int]:
    m = ERROR.match(text)
    if m is None:
        return text, 0
    message = m.group("msg")
    if message.startswith("Cannot declare"):
        message = "a table is declared twice"
    elif message == "Illegal character '\\n'":
        message = 'a text value is never closed on its line (text over several lines needs """)'
    message = MESSAGES.get(message, message[:1].lower() + message[1:])
    if m.group("line") is None:
        return message, len(chunk)
    line, col = int(m.group("line")), int(m.group("col"))
    offset = 0
    for _ in range(line - 1):
        offset = chunk.index("\n", offset) + 1
    return message, offset + col - 1


class _Lost(Exception):
    """The scanner met something it does not understand (tomllib accepted it)."""


class _Scanner:
    def __init__(self, source: str, start: int, end: int, root: Node) -> None:
        self.s = source
        self.pos = start
        self.end = end
        self.root = root

    # -- layout -------------------------------------------------------------------------------
    def blank(self) -> None:
        """Skip spaces and tabs."""
        while self.pos < self.end and self.s[self.pos] in " \t":
            self.pos += 1

    def filler(self) -> None:
        """Skip spaces, newlines and comments."""
        while self.pos < self.end:
            ch = self.s[self.pos]
            if ch in " \t\r\n":
                self.pos += 1
            elif ch == "#":
                nl = self.s.find("\n", self.pos, self.end)
                self.pos = self.end if nl < 0 else nl + 1
            else:
                return

    def expect(self, text: str) -> None:
        if not self.s.startswith(text, self.pos):
            raise _Lost(self.pos)
        self.pos += len(text)

    # -- statements ---------------------------------------------------------------------------
    def run(self) -> None:
        table, path = self.root, ""
        while True:
            self.filler()
            if self.pos >= self.end:
                return
            if self.s.startswith("[[", self.pos):
                table, path = self.header(array=True)
            elif self.s[self.pos] == "[":
                table, path = self.header(array=False)
            else:
                self.keyval(table, path)
                table.end = max(table.end, self.pos)

    def header(self, array: bool) -> tuple[Node, str]:
        start = self.pos
        self.pos += 2 if array else 1
        self.blank()
        keys = self.key()
        self.blank()
        self.expect("]]" if array else "]")
        node, path = self.root, ""
        for name, ks, ke in keys[:-1]:
            node, path = self.descend(node, path, name, ks, ke, start)
        name, ks, ke = keys[-1]
        kids = _dict(node)
        path = f"{path}.{name}" if path else name
        if array:
            holder = kids.get(name)
            if holder is None or not isinstance(holder.children, list):
                holder = kids[name] = Node(None, start, self.pos, ks, ke, children=[])
            items = holder.children
            assert isinstance(items, list)
            item = Node(None, start, self.pos, start, self.pos, children={})
            items.append(item)
            return item, f"{path}[{len(items) - 1}]"
        table = kids.get(name)
        if table is None:
            table = kids[name] = Node(None, start, self.pos, children={})
        table.start, table.end, table.key_start, table.key_end = start, self.pos, ks, ke
        return table, path

    def descend(self, node: Node, path: str, name: str, ks: int, ke: int, at: int) -> tuple[Node, str]:
        """The table ``name`` inside ``node`` (the last item of an array of tables), made if new."""
        kids = _dict(node)
        path = f"{path}.{name}" if path else name
        child = kids.get(name)
        if child is None:
            child = kids[name] = Node(None, at, at, ks, ke, children={})
        if isinstance(child.children, list) and child.children:
            path = f"{path}[{len(child.children) - 1}]"
            child = child.children[-1]
        return child, path

    def keyval(self, table: Node, path: str) -> None:
        keys = self.key()
        self.blank()
        self.expect("=")
        self.blank()
        node = table
        for name, ks, ke in keys[:-1]:
            node, path = self.descend(node, path, name, ks, ke, ks)
        name, ks, ke = keys[-1]
        value = self.value(f"{path}.{name}" if path else name)
        value.key_start, value.key_end = ks, ke
        _dict(node)[name] = value

    def key(self) -> list[tuple[str, int, int]]:
        """A dotted key: each part with its span (quotes included)."""
        parts = []
        while True:
            ks = self.pos
            ch = self.s[ks]
            if ch in "\"'":
                name = str(self.string("").value)
            else:
                m = BARE_KEY.match(self.s, ks, self.end)
                if m is None:
                    raise _Lost(ks)
                name = m.group()
                self.pos = m.end()
            parts.append((name, ks, self.pos))
            self.blank()
            if not self.s.startswith(".", self.pos):
                return parts
            self.pos += 1
            self.blank()

    # -- values -------------------------------------------------------------------------------
    def value(self, path: str) -> Node:
        s, pos = self.s, self.pos
        ch = s[pos]
        if ch in "\"'":
            return self.string(path)
        if ch == "[":
            return self.array(path)
        if ch == "{":
            return self.inline_table(path)
        m = DATETIME.match(s, pos, self.end) or SCALAR.match(s, pos, self.end)
        if m is None:
            raise _Lost(pos)
        self.pos = m.end()
        return Node(None, pos, m.end())

    def array(self, path: str) -> Node:
        start = self.pos
        self.pos += 1
        items: list[Node] = []
        while True:
            self.filler()
            if self.s.startswith("]", self.pos):
                self.pos += 1
                return Node(None, start, self.pos, children=items)
            item = self.value(f"{path}[{len(items)}]")
            item.key_start, item.key_end = item.start, item.end
            items.append(item)
            self.filler()
            if self.s.startswith(",", self.pos):
                self.pos += 1

    def inline_table(self, path: str) -> Node:
        node = Node(None, self.pos, self.pos, children={})
        self.pos += 1
        while True:
            self.filler()
            if self.s.startswith("}", self.pos):
                self.pos += 1
                node.end = self.pos
                return node
            self.keyval(node, path)
            self.filler()
            if self.s.startswith(",", self.pos):
                self.pos += 1

    def string(self, path: str) -> Node:
        """A string of any of the four kinds, with the place of each decoded character."""
        s, start = self.s, self.pos
        quote = s[start]
        multi = s.startswith(quote * 3, start)
        j = start + (3 if multi else 1)
        if multi and s.startswith("\n", j):
            j += 1
        elif multi and s.startswith("\r\n", j):
            j += 2
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []

        def emit(ch: str, a: int, b: int) -> None:
            chars.append(ch)
            starts.append(a)
            ends.append(b)

        content = j
        while True:
            if j >= self.end:
                raise _Lost(j)
            ch = s[j]
            if ch == quote and (not multi or s.startswith(quote * 3, j)):
                run = 1
                if multi:
                    while s.startswith(quote, j + run) and run < 5:
                        run += 1
                    for k in range(run - 3):  # up to two quotes just before the closing ones
                        emit(quote, j + k, j + k + 1)
                self.pos = j + run
                break
            if ch == "\\" and quote == '"':
                j = self._escape(j, multi, emit)
            elif ch == "\r" and s.startswith("\r\n", j):
                emit("\n", j, j + 2)
                j += 2
            else:
                emit(ch, j, j + 1)
                j += 1
        value = "".join(chars)
        if all(b - a == 1 for a, b in zip(starts, ends, strict=True)) and (
            not starts or starts[-1] - starts[0] == len(starts) - 1
        ):
            text = Text(path, value, starts[0] if starts else content)
        else:
            text = Text(path, value, starts[0] if starts else content, tuple(starts), tuple(ends))
        return string_node(value, start, self.pos, text)

    def _escape(self, j: int, multi: bool, emit: Callable[[str, int, int], None]) -> int:
        s = self.s
        code = s[j + 1]
        if code in "uU":
            size = 4 if code == "u" else 8
            emit(chr(int(s[j + 2 : j + 2 + size], 16)), j, j + 2 + size)
            return j + 2 + size
        if code in ESCAPES:
            emit(ESCAPES[code], j, j + 2)
            return j + 2
        if multi and code in " \t\r\n":  # a line-ending backslash: trims the following white space
            k = j + 1
            while k < self.end and s[k] in " \t\r\n":
                k += 1
            return k
        raise _Lost(j)


def _dict(node: Node) -> dict[str, Node]:
    if not isinstance(node.children, dict):
        node.children = {}
    return node.children


def _attach(node: Node, value: Any, source: str, path: str) -> None:
    """Give every located node its plain value; values the scanner missed get their parent's place."""
    node.value = value
    if isinstance(value, dict):
        kids = node.children if isinstance(node.children, dict) else {}
        children: dict[str, Node] = {}
        for key, item in value.items():
            child = kids.get(key) or Node(None, node.start, node.start, node.start, node.start)
            _attach(child, item, source, f"{path}.{key}" if path else key)
            children[key] = child
        node.children = children
    elif isinstance(value, list):
        kids_list = node.children if isinstance(node.children, list) else []
        items: list[Node] = []
        for i, item in enumerate(value):
            child = kids_list[i] if i < len(kids_list) else Node(None, node.start, node.start, node.start, node.start)
            _attach(child, item, source, f"{path}[{i}]")
            items.append(child)
        node.children = items
    else:
        node.children = None
        raw = source[node.start : node.end]
        if not isinstance(value, str):
            node.text = None
        elif node.text is not None and node.text.value == value:
            pass
        elif raw == value:  # a date or time written as its ISO form
            node.text = Text(path, value, node.start)
        elif node.text is None and raw:  # a date written otherwise (1979-05-27 07:32Z): not text to check
            node.text = None
        else:  # the scanner lost its way: align what it can
            node.text = align(path, value, raw, node.start)


def _extend(node: Node) -> None:
    """A table ends where its last value ends."""
    kids = node.children.values() if isinstance(node.children, dict) else node.children or []
    for child in kids:
        _extend(child)
        node.end = max(node.end, child.end)
