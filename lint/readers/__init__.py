"""Read article files of every supported format into one :class:`Article` model."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lint import files
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


def read_path(path: Path, display: str | None = None, kind: str | None = None, date_order: str = "dmy") -> Article:
    """Read one file.  Problems go into ``article.problems``; this never raises for bad input.

    ``date_order`` ("dmy", "mdy" or "ymd") says how to read a numeric date such as 3/4/26.
    """
    name = display or str(path)
    kind = kind or EXTENSIONS.get(path.suffix.lower(), "text")
    try:
        data = files.read_bytes(path)  # never a FIFO or a device: they would block or never end
    except OSError as exc:
        article = Article(name, "", kind)
        article.problems.append(meta.problem(f"cannot read the file: {exc.strerror or exc}", 0, 0))
        return article
    return read_data(path, data, name, kind, date_order)


def read_data(
    path: Path, data: bytes, display: str | None = None, kind: str | None = None, date_order: str = "dmy"
) -> Article:
    """:func:`read_path` of a file whose bytes are ``data`` (read once: for the cache's key, then the article)."""
    name = display or str(path)
    kind = kind or EXTENSIONS.get(path.suffix.lower(), "text")
    text, problem = decode(name, data)
    if text is None:
        article = Article(name, "", kind)
        article.problems.append(meta.problem(problem, 0, 0))
        return article
    article = read_text(name, text, kind, date_order)
    article.bom = data.startswith(b"\xef\xbb\xbf")
    return article


def read_text(name: str, text: str, kind: str, date_order: str = "dmy") -> Article:
    article = Article(name, text, kind)
    if not text.strip():
        article.problems.append(meta.problem("the file is empty: there is no article to check", 0, 0))
        return article
    _reader(kind, date_order)(article)
    if "date" not in article.meta and article.tree is not None and kind != "text":
        m = FILENAME_DATE.match(Path(name).name)
        if m:  # Jekyll and Hugo take the date from the file name
            article.meta["date"] = m.group(1)
    return article
