"""What a process keeps across runs: rule files and schemas parsed once per content.

A run (:class:`lint.run.Run`) loads its rule data afresh, so an edited rule file is always read
again; but a process that runs many times (the language server, ``--fix`` checking what it wrote,
the fuzz campaign) need not parse the same text twice.  The key holds the text itself, never a
file's path or time alone: what is kept is a pure function of the key, and an edit is a new key.
Kept values are shared, so they must not be changed by whoever receives them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

SIZE = 64  # entries kept; the oldest goes first
_kept: OrderedDict[Hashable, Any] = OrderedDict()


def kept(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, or what it returned for ``key`` before in this process.  An exception is not kept."""
    try:
        value: T = _kept[key]
    except KeyError:
        value = make()
        _kept[key] = value
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    return value


def clear() -> None:
    _kept.clear()
