"""Add a word to the project's vocabulary, as a user would: one word a line in the vocabulary file.

The file is the first one the config lists (``vocabulary = ["styles/accept.txt"]``).  A config that
lists none gets ``vocabulary = ["copydesk-vocabulary.txt"]`` (the name ``copydesk init`` gives it)
and the file; a project without a config gets a ``copydesk.toml`` that says only that.  The config is
changed by adding that one line, and written only when it reads back as before with the vocabulary
added, and when copydesk loads it; files are replaced atomically (:mod:`lint.rewrite`), never left
half written.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from lint import config as config_mod
from lint import rewrite
from lint.config import Config
from lint.errors import FatalError
from lint.rules import read_words

FILE = "copydesk-vocabulary.txt"
HEADER = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*copydesk[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)


class CannotAdd(Exception):
    """The word could not be added; the message says why (nothing was written)."""


def add(word: str, config: Config, folder: Path) -> Path:
    """Add ``word`` to the vocabulary of the project ``config`` (found in ``folder``): the file written."""
    word = word.strip()
    if not word or "\n" in word or "#" in word:
        raise CannotAdd(f"{word!r} cannot be a vocabulary entry")
    if config.vocabulary:
        target = config.vocabulary[0]
        _append(target, word)
        return target
    target = (config.path.parent if config.path is not None else folder) / FILE
    created = not target.exists()
    _append(target, word)
    try:
        _declare(config, folder)
    except BaseException:
        if created:
            target.unlink(missing_ok=True)
        raise
    return target


def _append(path: Path, word: str) -> None:
    if path.exists():
        try:
            if word in read_words(path):
                return
            old = path.read_bytes()
        except (OSError, FatalError) as exc:
            raise CannotAdd(f"{path}: cannot read the vocabulary: {exc}") from None
        end = b"\r\n" if b"\r\n" in old else b"\n"
        new = old + (end if old and not old.endswith((b"\n", b"\r")) else b"") + word.encode("utf-8") + end
        try:
            rewrite.replace(path, old, new)
        except (OSError, rewrite.FileChanged) as exc:
            raise CannotAdd(f"{path}: cannot write the vocabulary: {exc}") from None
        return
    _create(path, (word + "\n").encode("utf-8"))


def _create(path: Path, data: bytes) -> None:
    """A new file, whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=rewrite.SUFFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CannotAdd(f"{path}: cannot write: {exc.strerror or exc}") from None


def _declare(config: Config, folder: Path) -> None:
    """Name the vocabulary file in the config (a new copydesk.toml when there is none)."""
    line = f'vocabulary = ["{FILE}"]'
    if config.path is None:
        path = folder / "copydesk.toml"
        if path.exists():
            raise CannotAdd(f"{path}: a config copydesk did not find: add {line} to it yourself")
        _create(path, f"{line}  # words the spelling check accepts, one a line\n".encode())
        _loads(path)
        return
    path = config.path
    try:
        old = path.read_bytes()
        text = old.decode("utf-8")
        before = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CannotAdd(f"{path}: cannot read the config: {exc}") from None
    end = "\r\n" if "\r\n" in text else "\n"
    pyproject = path.name == "pyproject.toml"
    new = _with_line(text, line, end, pyproject)
    try:
        after = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        after = None
    if after != _expected(before, pyproject):
        raise CannotAdd(f"{path}: could not add {line} to the config safely: add it yourself")
    try:
        rewrite.replace(path, old, new.encode("utf-8"))
    except (OSError, rewrite.FileChanged) as exc:
        raise CannotAdd(f"{path}: cannot write the config: {exc}") from None
    try:
        _loads(path)
    except CannotAdd:
        rewrite.replace(path, new.encode("utf-8"), old)
        raise


def _with_line(text: str, line: str, end: str, pyproject: bool) -> str:
    """``text`` with ``line`` where its table's keys go."""
    if pyproject:
        m = HEADER.search(text)
        if m is None:  # only [tool.copydesk.checks] and the like: the table itself comes at the end
            sep = "" if not text or text.endswith(("\n", "\r")) else end
            return f"{text}{sep}{end}[tool.copydesk]{end}{line}{end}"
        at = m.end()
        return text[:at] + end + line + text[at:]
    lines = text.splitlines(keepends=True)
    at = 0  # after the comments and blank lines that open the file
    while at < len(lines) and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
        at += 1
    return "".join(lines[:at]) + line + end + "".join(lines[at:])


def _expected(before: dict[str, Any], pyproject: bool) -> dict[str, Any]:
    out = dict(before)
    if pyproject:
        tool = dict(out.get("tool", {}))
        tool["copydesk"] = {**tool.get("copydesk", {}), "vocabulary": [FILE]}
        out["tool"] = tool
    else:
        out["vocabulary"] = [FILE]
    return out


def _loads(path: Path) -> None:
    try:
        config_mod.load(path)
    except FatalError as exc:
        raise CannotAdd(str(exc)) from None
