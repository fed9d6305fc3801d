"""Read article files of every supported format into one :class:`Article` model."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lint import files, limits
from lint.article import Article
from lint.readers import meta

EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mdx": "markdown",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
}

LINE_END = re.compile(rb"\r\n?|\n")
FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a UTF-16 pair: text from an editor or a pipe, never a file


def _reader(kind: str, date_order: str) -> Callable[[Article], None]:
    if kind == "markdown":
        from lint.readers import markdown

        return markdown.read
    if kind == "json":
        from lint.readers import jsonfile

        return jsonfile.read
    from lint.readers import plaintext

    return lambda article: plaintext.read(article, date_order)


def decode(path: str, data: bytes) -> tuple[str | None, str]:
    """(text, problem): the file's text, or why it is not a text article."""
    if b"\0" in data[:8192]:
        return None, "this is a binary file, not an article"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = len(LINE_END.findall(before)) + 1  # CRLF, LF and a lone CR each end a line
        col = exc.start - max(before.rfind(b"\n"), before.rfind(b"\r"))
        return None, f"line {line}, byte column {col}: the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})"


def _named(
    path: Path, display: str | None, kind: str | None, limits_: limits.Limits | None
) -> tuple[str, str, limits.Limits]:
    """The name findings carry, the format (from the extension unless given) and the limits that apply."""
    return display or str(path), kind or EXTENSIONS.get(path.suffix.lower(), "text"), limits_ or limits.current()


def read_path(
    path: Path,
    display: str | None = None,
    kind: str | None = None,
    date_order: str = "dmy",
    limits_: limits.Limits | None = None,
    templates: tuple[str, ...] | None = None,
) -> Article:
    """Read one file.  Problems go into ``article.problems``; this never raises for bad input.

    ``date_order`` ("dmy", "mdy" or "ymd") says how to read a numeric date such as 3/4/26; ``limits_``
    bound what the file may make the readers do (:mod:`lint.limits`; the current ones by default);
    ``templates`` the template syntaxes the site renders (the config's, :mod:`lint.templates`).
    """
    name, kind, bounds = _named(path, display, kind, limits_)
    try:
        data = files.read_bytes(path, bounds.max_file_bytes)  # never a FIFO or a device: they would block
    except files.TooLarge as exc:
        message = f"{exc.strerror} (the limit is {limits.key('max_file_mb')}): it is not checked"
        return _unread(name, kind, templates, message)
    except OSError as exc:
        return _unread(name, kind, templates, f"cannot read the file: {exc.strerror or exc}")
    return read_data(path, data, name, kind, date_order=date_order, limits_=bounds, templates=templates)


def read_data(
    path: Path,
    data: bytes,
    display: str | None = None,
    kind: str | None = None,
    date_order: str = "dmy",
    limits_: limits.Limits | None = None,
    templates: tuple[str, ...] | None = None,
) -> Article:
    """:func:`read_path` of a file whose bytes are ``data`` (read once: for the cache's key, then the article)."""
    name, kind, bounds = _named(path, display, kind, limits_)
    bom = data.startswith(b"\xef\xbb\xbf")
    text, problem = decode(name, data)
    if text is None:
        return _unread(name, kind, templates, problem)
    del data  # the text is all that is kept: a large file is not held twice
    article = read_text(name, text, kind, date_order, bounds, templates)
    article.bom = bom
    return article


def _unread(name: str, kind: str, templates: tuple[str, ...] | None, problem: str) -> Article:
    """An article with no text: the file could not be read, and ``problem`` says why."""
    article = Article(name, "", kind, templates=templates)
    article.problems.append(meta.problem(problem, 0, 0))
    return article


INTERNAL = "copydesk could not read this file (an internal error: {error}); the other files are checked"


def read_text(
    name: str,
    text: str,
    kind: str,
    date_order: str = "dmy",
    limits_: limits.Limits | None = None,
    templates: tuple[str, ...] | None = None,
) -> Article:
    bad = LONE_SURROGATE.search(text)
    if bad:  # no reader, check or report can take it: the position is kept, the character replaced
        failed = Article(name, LONE_SURROGATE.sub("\ufffd", text), kind, templates=templates)
        message = (
            f"U+{ord(bad.group()):04X} is half of a character (a lone surrogate), not text: the file is not checked"
        )
        failed.problems.append(meta.problem(message, bad.start(), bad.end()))
        return failed
    article = Article(name, text, kind, templates=templates)
    if not text.strip():
        article.problems.append(meta.problem("the file is empty: there is no article to check", 0, 0))
        return article
    with limits.using(limits_ or limits.current()):
        try:
            _reader(kind, date_order)(article)
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            # a reader's own bug, met on a file no test foresaw: this file gets a finding, the run goes on
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
            failed = Article(name, text, kind)
            failed.problems.append(meta.problem(INTERNAL.format(error=error), 0, 0))
            return failed
    if "date" not in article.meta and article.tree is not None and kind != "text":
        m = FILENAME_DATE.match(Path(name).name)
        if m:  # Jekyll and Hugo take the date from the file name
            article.meta["date"] = m.group(1)
    return article
