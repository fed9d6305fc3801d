"""``--format json``: the stable, documented contract (see README, "JSON output")."""

from __future__ import annotations

import json
from collections import Counter
from typing import IO

from lint.diagnostics import Severity
from lint.report.visible import json_text
from lint.run import Result


def summary(result: Result) -> dict[str, object]:
    """The counts of every finding, also those --quiet leaves out of the list."""
    found = (*result.diagnostics, *result.hidden)
    return {
        "files": result.files,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
        "by_check": dict(sorted(Counter(d.rule.split(".")[0] for d in found).items())),
        "by_rule": dict(sorted(Counter(d.rule for d in found).items())),
    }


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    doc = {"diagnostics": [d.to_json() for d in result.diagnostics], "summary": summary(result)}
    stream.write(json_text(json.dumps(doc, ensure_ascii=False, indent=2)))
    stream.write("\n")
