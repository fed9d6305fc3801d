"""Limits on what one file may make copydesk do: a user sees each one and can change it.

A hostile or broken file must not end the run or run away with it: a file too
large, metadata nested too deeply, YAML aliases that expand without end (an
"alias bomb": nine levels of nine aliases are 387 million values), an FAQ with
more entries than any page shows.  Each limit is a key of the config's
``[limits]`` table; a file that reaches one gets a finding naming the key.

The readers run inside :func:`using`, which makes the run's limits the
:func:`current` ones, so every reader sees the same limits without passing them
down through every parse function.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import Any

from lint.errors import FatalError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_mb: int = 10  # a larger file is not read (one finding names it): no article is nearly as large
    max_depth: int = 50  # lists and tables inside one another in the metadata
    max_alias_nodes: int = 10_000  # values YAML aliases may add to one document
    max_faq_entries: int = 100_000  # FAQ entries read in one article; the rest are not checked
    max_regex_seconds: float = 1.0  # one search by a rule file's regular expression (lint.patterns)

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * MB

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Limits:
        kinds = {f.name: float if f.type in (float, "float") else int for f in fields(cls)}
        values: dict[str, Any] = {k: kinds[k](v) for k, v in table.items() if k in kinds}
        for k, v in values.items():
            if not math.isfinite(v):  # nan passes every comparison of the schema, and would switch a limit off
                raise FatalError(f"limits.{k}: {v} is not a number (give a number of {k.rsplit('_', 1)[-1]})")
        return cls(**values)


DEFAULT = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("copydesk_limits", default=DEFAULT)


def current() -> Limits:
    """The limits of the file being read."""
    return _CURRENT.get()


def set_current(limits: Limits) -> None:
    """Make ``limits`` the current ones for the rest of this command (the config's ``[limits]``)."""
    _CURRENT.set(limits)


@contextlib.contextmanager
def using(limits: Limits) -> Iterator[None]:
    token = _CURRENT.set(limits)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def key(name: str) -> str:
    """How the config names limit ``name``: ``[limits] max_depth``."""
    return f"[limits] {name}"


def depth_exceeded(value: Any, limit: int) -> bool:
    """True when ``value`` (plain dicts and lists) nests deeper than ``limit``; iterative, never recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            items: Any = item.values()
        elif isinstance(item, list):
            items = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in items)
    return False
