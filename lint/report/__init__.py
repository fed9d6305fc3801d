"""Reporters: each writes a run's result to a stream it is given."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import IO

from lint.report import github, html_report, json_report, sarif, text_report
from lint.run import Result

Reporter = Callable[[Result, IO[str], bool], None]

# name -> reporter(result, stream, colour); also the choices of --format
REPORTERS: dict[str, Reporter] = {
    "text": text_report.write,
    "json": json_report.write,
    "sarif": sarif.write,
    "github": github.write,
    "html": html_report.write,
}
FORMATS = (*REPORTERS, "auto")  # --format auto: github annotations inside GitHub Actions, else text


def choose(fmt: str, environ: Mapping[str, str] | None = None) -> str:
    """The reporter ``fmt`` names; ``auto`` is ``github`` when ``GITHUB_ACTIONS`` is ``true``, else ``text``."""
    if fmt != "auto":
        return fmt
    env = os.environ if environ is None else environ
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
