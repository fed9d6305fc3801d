"""YAML front matter into a located :class:`~lint.article.Node` tree."""

from __future__ import annotations

from typing import Any

import yaml

from lint import limits
from lint.article import Node, string_node
from lint.text import Text, align

try:  # libyaml is much faster where it is installed
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_SCALARS = yaml.constructor.SafeConstructor()


class YAMLError(Exception):
    """Malformed YAML: ``offset`` is the file offset of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def parse(source: str, start: int, end: int) -> Node:
    """Parse ``source[start:end]`` as one YAML document; positions are file offsets."""
    root = _compose(source, start, end)
    if root is None:
        return Node({}, start, start, children={})
    return _convert(root, source, start, "", _Guard(start))


def value(source: str) -> Any:
    """The plain value of the YAML document ``source``: ``parse(source, 0, len(source)).value``, without
    the positions (faster, for files whose places are never shown)."""
    root = _compose(source, 0, len(source))
    return {} if root is None else _value(root, _Guard(0))


class _Guard:
    """What a walk of a composed YAML document may do: aliases that lead back into the value they are in
    (``a: &a [*a]``) are a loop with no end; aliases that repeat a value (an alias bomb) may add at most
    ``max_alias_nodes`` values; lists and mappings nest at most ``max_depth`` deep."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.limits = limits.current()
        self.seen: set[int] = set()  # the nodes met so far
        self.open: set[int] = set()  # the nodes being walked: the path from the root
        self.added = 0  # values met again through an alias

    def enter(self, node: yaml.Node, depth: int) -> None:
        where = self.base + node.start_mark.index
        if id(node) in self.open:
            raise YAMLError(
                "front matter is not valid YAML: an alias refers to a value that holds it (a loop with no end)", where
            )
        if depth > self.limits.max_depth:
            raise YAMLError(
                f"front matter is nested more than {self.limits.max_depth} levels deep"
                f" (the limit is {limits.key('max_depth')})",
                where,
            )
        if id(node) in self.seen:
            self.added += 1
            if self.added > self.limits.max_alias_nodes:
                raise YAMLError(
                    f"front matter aliases repeat more than {self.limits.max_alias_nodes:,} values (an alias bomb?"
                    f" the limit is {limits.key('max_alias_nodes')})",
                    where,
                )
        else:
            self.seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode):
            self.open.add(id(node))

    def leave(self, node: yaml.Node) -> None:
        self.open.discard(id(node))


def _compose(source: str, start: int, end: int) -> yaml.Node | None:
    chunk = source[start:end]
    try:
        return yaml.compose(chunk, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and mark is not None and mark.index >= len(chunk.rstrip()):
            mark = exc.context_mark  # "end of stream" says little: point where the open quote or block began
        offset = start + (mark.index if mark is not None else 0)
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise YAMLError(f"front matter is not valid YAML: {problem}", offset) from None
    except yaml.reader.ReaderError as exc:
        offset, message = _reader_error(exc, chunk)
        raise YAMLError(f"front matter is not valid YAML: {message}", start + offset) from None
    except yaml.YAMLError as exc:
        raise YAMLError(f"front matter is not valid YAML: {exc}", start) from None


CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "ESC", 0x7F: "DEL"}


def _reader_error(exc: yaml.reader.ReaderError, chunk: str) -> tuple[int, str]:
    """Where in ``chunk`` the character YAML does not allow is, and a message in plain words.

    libyaml counts the position in UTF-8 bytes and the pure-Python reader in characters;
    the character reported is the first one not allowed, so its first occurrence is the place.
    """
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    char = chr(code)
    at = exc.position if 0 <= exc.position < len(chunk) and chunk[exc.position] == char else chunk.find(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        name = CONTROL_NAMES.get(code, "")
        what = f"the control character U+{code:04X}" + (f" ({name})" if name else "")
        fix = f'delete it, or write it as "\\x{code:02x}" inside double quotes'
    else:
        what, fix = f"the character U+{code:04X}", "delete it"
    return max(at, 0), f"{what} is not allowed in YAML: {fix}"


def _value(node: yaml.Node, guard: _Guard, depth: int = 0) -> Any:
    """What :func:`_convert` makes ``node``'s value."""
    guard.enter(node, depth)
    out: Any
    if isinstance(node, yaml.MappingNode):
        out = {str(_key(key, guard)): _value(item, guard, depth + 1) for key, item in node.value}
    elif isinstance(node, yaml.SequenceNode):
        out = [_value(item, guard, depth + 1) for item in node.value]
    else:
        assert isinstance(node, yaml.ScalarNode)
        out = _scalar(node)
    guard.leave(node)
    return out


def _key(node: yaml.Node, guard: _Guard) -> Any:
    """A mapping key as text: a scalar's value; a list or mapping used as a key (``? [a, b]``) is not walked."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    raise YAMLError(
        "front matter is not valid here: a key must be a plain value, not a list or mapping",
        guard.base + node.start_mark.index,
    )


def _convert(node: yaml.Node, source: str, base: int, path: str, guard: _Guard, depth: int = 0) -> Node:
    guard.enter(node, depth)
    try:
        return _convert_node(node, source, base, path, guard, depth)
    finally:
        guard.leave(node)


def _convert_node(node: yaml.Node, source: str, base: int, path: str, guard: _Guard, depth: int) -> Node:
    s, e = base + node.start_mark.index, base + node.end_mark.index
    if isinstance(node, yaml.MappingNode):
        children: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(_key(key_node, guard))
            child = _convert(value_node, source, base, f"{path}.{key}" if path else key, guard, depth + 1)
            child.key_start = base + key_node.start_mark.index
            child.key_end = base + key_node.end_mark.index
            children[key] = child
        return Node({k: v.value for k, v in children.items()}, s, e, children=children)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            child = _convert(item, source, base, f"{path}[{i}]", guard, depth + 1)
            child.key_start, child.key_end = child.start, child.end
            items.append(child)
        return Node([c.value for c in items], s, e, children=items)
    assert isinstance(node, yaml.ScalarNode)
    value = _scalar(node)
    text = None
    if isinstance(value, str):
        if node.style in ("'", '"') and value:  # an empty string stays at its quotes: "" is what is seen
            # the characters between the quotes: a value that begins with a quote, "\"TBD\"" or
            # '''TBD''', must not be aligned with the opening quote
            inside = source[s + 1 : e - 1]
            text = align(path, value, inside, s + 1, single_quoted=node.style == "'", escapes=node.style == '"')
            return string_node(value, s, e, text)
        text = align(path, value, source[s:e], s, escapes=False)
    return Node(value, s, e, text=text)


def _scalar(node: yaml.ScalarNode) -> Any:
    """The plain value of a scalar; dates stay as written so the schema sees them."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp":
        return str(node.value)
    if tag in (
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    ):
        try:
            return _SCALARS.construct_object(node)
        except (ValueError, yaml.YAMLError):
            return str(node.value)
    return str(node.value)


def text_of(node: Node | None) -> Text | None:
    return node.text if node is not None else None
