"""Reporters: each writes a run's result to a stream it is given."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import IO

from lint.run import Result

Reporter = Callable[[Result, IO[str], bool], None]

# name -> the module of lint.report whose write(result, stream, colour) it is; also the choices of --format
MODULES = {
    "text": "text_report",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "html": "html_report",
}
WHOLE_SOURCES = ("sarif", "html")  # the reports that show or place by offset a file's whole text, not lines
FORMATS = (*MODULES, "auto")  # --format auto: github annotations inside GitHub Actions, else text


class _Reporters(Mapping[str, Reporter]):
    """name -> reporter(result, stream, colour); a reporter's module is imported when it is used (the
    SARIF and HTML reporters import much that a run writing JSON or text never needs)."""

    def __getitem__(self, name: str) -> Reporter:
        write: Reporter = import_module(f"lint.report.{MODULES[name]}").write
        return write

    def __iter__(self) -> Iterator[str]:
        return iter(MODULES)

    def __len__(self) -> int:
        return len(MODULES)


REPORTERS: Mapping[str, Reporter] = _Reporters()


def choose(fmt: str, environ: Mapping[str, str] | None = None) -> str:
    """The reporter ``fmt`` names; ``auto`` is ``github`` when ``GITHUB_ACTIONS`` is ``true``, else ``text``."""
    if fmt != "auto":
        return fmt
    env = os.environ if environ is None else environ
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
