"""Reporters: each writes a run's result to a stream it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from lint.report import json_report, text_report
from lint.run import Result

Reporter = Callable[[Result, IO[str], bool], None]

# name -> reporter(result, stream, colour); also the choices of --format
REPORTERS: dict[str, Reporter] = {
    "text": text_report.write,
    "json": json_report.write,
}
