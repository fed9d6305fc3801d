"""Reading a file only when it is a regular file: never a FIFO, a device or a socket.

A named pipe blocks the reader until something writes to it, ``/dev/zero`` never
ends and a socket cannot be read like a file; a symbolic link may lead to any of
them.  :func:`special` tells what a path is when it is not a regular file, and
:func:`read_bytes` reads one without ever blocking on such a file: the path is
looked at with ``os.stat`` first, opened with ``O_NONBLOCK`` (so a FIFO swapped in
between cannot block the open) and checked again on the open descriptor.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotAFile(OSError):
    """The path is not a regular file (``strerror`` says what it is): it is not read."""


def kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words, or "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


def special(path: Path) -> str:
    """Why ``path`` is not read as a file ("a named pipe (FIFO)", "a symbolic link to a socket: /run/x"),
    or "" for a regular file or a path that does not exist."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return ""
    what = kind(mode)
    if not what or stat.S_ISDIR(mode):
        return ""
    if os.path.islink(path):
        return f"a symbolic link to {what} ({os.path.realpath(path)})"
    return what


class TooLarge(OSError):
    """The file is larger than the limit it was read with (``strerror`` says how large): it is not read."""


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``; :class:`NotAFile` for anything else, :class:`TooLarge` for a
    file of more than ``limit`` bytes, ``OSError`` as usual."""
    what = special(path)
    if what:
        raise NotAFile(0, f"{what}, not a regular file", str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        what = kind(os.fstat(fd).st_mode)
        if what:  # swapped for a FIFO or a device since the look above
            raise NotAFile(0, f"{what}, not a regular file", str(path))
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise TooLarge(0, _too_large(size, limit), str(path))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)  # it may grow while read
        if limit is not None and len(data) > limit:
            raise TooLarge(0, _too_large(len(data), limit), str(path))
        return data
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return f"the file is {size / mb:,.1f} MB, larger than the {limit / mb:,.0f} MB copydesk reads"


def read_text(path: Path) -> str:
    """The UTF-8 text of the regular file ``path`` (``UnicodeDecodeError`` when it is not UTF-8)."""
    return read_bytes(path).decode("utf-8")
