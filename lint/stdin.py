"""``copydesk check -``: one article read from the standard input (editors and CMS hooks pipe text).

``--stdin-filename PATH`` names it: the name's extension decides the format, its folder the config
(as for a file there), and findings are reported with that name.  The file itself is never read
nor written: ``--fix`` writes the fixed text to the standard output instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.article import Article
from lint.config import Config
from lint.readers import read_data
from lint.run import Result, check_articles

NAME = "<stdin>"  # the name shown when --stdin-filename is not given (read as Markdown)


def read_stdin() -> bytes:
    """Every byte of the standard input (decoded later, as a file's bytes are)."""
    buffer = getattr(sys.stdin, "buffer", None)
    return bytes(buffer.read()) if buffer is not None else sys.stdin.read().encode("utf-8")


def name_of(stdin_filename: str | None) -> str:
    return stdin_filename if stdin_filename else NAME


def config_start(stdin_filename: str | None) -> Path | None:
    """Where the config is searched from: the named file's folder (None: the current folder)."""
    return Path(stdin_filename).parent if stdin_filename else None


def read(data: bytes, name: str, config: Config) -> Article:
    kind = "markdown" if name == NAME else None  # a name's extension decides, as for a file
    return read_data(
        Path(name), data, name, kind, date_order=config.date_order, limits_=config.limits, templates=config.templates
    )


def check(data: bytes, name: str, config: Config, explain: bool = False) -> Result:
    """The run's result for the one article ``data`` (the same three steps as a run over files)."""
    notices: list[str] = []
    article = read(data, name, config)
    return Result(check_articles([article], config, explain, notices), [article], notices)
