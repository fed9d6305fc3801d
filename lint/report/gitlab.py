"""``--format gitlab``: a GitLab Code Quality report, which GitLab shows on the merge request.

A JSON array with one issue per finding, in the subset of the Code Climate
issue format GitLab reads (https://docs.gitlab.com/ci/testing/code_quality/)::

    {"type": "issue", "check_name": "spelling.unknown",
     "description": "'anounced' is not a known word; did you mean 'announced'? (fix: announced)",
     "categories": ["Clarity"], "severity": "major", "fingerprint": "…:1",
     "location": {"path": "content/budget.md",
                  "positions": {"begin": {"line": 8, "column": 29}, "end": {"line": 8, "column": 37}}}}

The fingerprint is SARIF's (it survives lines moving); the path is relative to
the folder copydesk ran in, with ``/``; columns count characters and the end is
just past the flagged words, as in every other format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

from lint.baseline import relative
from lint.diagnostics import Diagnostic, Severity
from lint.report.sarif import fingerprints
from lint.report.visible import json_text, visible
from lint.run import Result

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
# a Code Climate category per check (GitLab shows none; other Code Climate readers do)
CATEGORIES = {
    "placeholder": "Bug Risk",  # unfinished text would be published
    "schema": "Bug Risk",  # metadata the site cannot use
    "sources": "Bug Risk",
    "terms": "Style",
    "suppression": "Style",
}
DEFAULT_CATEGORY = "Clarity"  # spelling, names, grammar, and a plugin's checks
SPACE = re.compile(r"\s+")


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    stream.write(json_text(json.dumps(report(result, Path.cwd()), ensure_ascii=False, indent=2)))
    stream.write("\n")


def report(result: Result, root: Path) -> list[dict[str, Any]]:
    """The Code Quality issues of ``result``; paths are relative to ``root``."""
    return [issue(d, root, fp) for d, fp in zip(result.diagnostics, fingerprints(result, root), strict=True)]


def issue(d: Diagnostic, root: Path, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": d.rule,
        "description": description(d),
        "categories": [CATEGORIES.get(d.rule.split(".")[0], DEFAULT_CATEGORY)],
        "severity": SEVERITIES[d.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": relative(d.path, root),
            "positions": {
                "begin": {"line": d.line, "column": d.column},
                "end": {"line": d.end_line, "column": d.end_column},
            },
        },
    }


def description(d: Diagnostic) -> str:
    """The message with the fix or the suggestions, on one line (Code Climate wants no line breaks)."""
    text = d.message
    if d.safe_fix is not None and d.safe_fix.text:
        text += f" (fix: {d.safe_fix.text})"
    elif d.suggestions:
        text += f" ({'suggestion' if len(d.suggestions) == 1 else 'suggestions'}: {', '.join(d.suggestions[:5])})"
    return visible(SPACE.sub(" ", text).strip())  # shown in the merge request: no control character
