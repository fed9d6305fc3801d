"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, GitLab, editors' SARIF viewers).

One run: the tool with *every* rule copydesk has (not only those found, so a
rule's ``ruleIndex`` is the same from one run to the next and a viewer can show
what was checked), one result per finding with its region, the flagged text as
a snippet, a fix where the finding has a safe one, and a fingerprint that does
not change when lines move. Paths are relative to the folder copydesk ran in
(``%SRCROOT%``); columns count characters (``columnKind: unicodeCodePoints``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from lint import __version__, baseline
from lint.checks import rule_table
from lint.diagnostics import Diagnostic, Edit, Severity
from lint.report.visible import json_text
from lint.run import Result
from lint.text import LineIndex

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "copydesk/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
URL_LABELS = ("documentation", "homepage", "repository", "source")


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    stream.write(json_text(json.dumps(document(result, Path.cwd()), ensure_ascii=False, indent=2)))
    stream.write("\n")


def document(result: Result, root: Path) -> dict[str, Any]:
    """The SARIF log of ``result``; relative paths are taken from ``root``."""
    indexes = {a.path: LineIndex(a.source) for a in result.articles}
    rules = _rules(result.diagnostics)
    order = {rule["id"]: i for i, rule in enumerate(rules)}
    located = [(d, artifact(d.path, root), indexes.get(d.path) or LineIndex("")) for d in result.diagnostics]
    prints = fingerprints(result, root)
    results = [_result(d, loc, index, order[d.rule], fp) for (d, loc, index), fp in zip(located, prints, strict=True)]
    driver: dict[str, Any] = {"name": "copydesk", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = rules
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if result.notices:
        invocation["toolExecutionNotifications"] = [
            {"level": "warning", "message": {"text": notice}} for notice in result.notices
        ]
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": root.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def fingerprints(result: Result, root: Path) -> list[str]:
    """One fingerprint per diagnostic: a hash of its baseline key (rule, file, words, neighbours) and ``:n``.

    The key leaves the line number out, so a paragraph added above a finding
    keeps its fingerprint; ``n`` counts equal keys in file order, so the same
    words in the same context (a repeated "TBD") stay apart, as GitHub's own
    line hashes do.
    """
    sources = {a.path: a.source for a in result.articles}
    seen: Counter[baseline.Key] = Counter()
    out = []
    for key in baseline.keys(result.diagnostics, sources, root):
        seen[key] += 1
        digest = hashlib.sha256("\0".join(key).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        out.append(f"{digest}:{seen[key]}")
    return out


@cache  # the installed package's metadata: read once a process (a language server reports many times)
def information_uri() -> str | None:
    """The project's documentation or home page, as the installed package's metadata names it."""
    try:
        urls = metadata.metadata("copydesk").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    named = {}
    for entry in urls:
        label, _, url = str(entry).partition(",")
        named[label.strip().lower()] = url.strip()
    return next((named[label] for label in URL_LABELS if named.get(label)), None)


def artifact(path: str, root: Path) -> dict[str, str]:
    """A file's location: relative to ``%SRCROOT%`` when it lies under ``root``, else an absolute file URI."""
    p = Path(path)
    absolute = Path(os.path.normpath(p if p.is_absolute() else root / p))
    try:
        relative = absolute.relative_to(Path(os.path.normpath(root.absolute())))
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}


def _rules(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    table = dict(sorted(rule_table().items()))
    for d in diagnostics:  # a rule reported but not in the table (a plugin's): still described
        table.setdefault(d.rule, (d.severity, d.rule))
    return [_rule(rule, severity, description) for rule, (severity, description) in table.items()]


def _rule(rule: str, severity: Severity, description: str) -> dict[str, Any]:
    check = rule.split(".")[0]
    return {
        "id": rule,
        "shortDescription": {"text": description},
        "fullDescription": {"text": description},
        "help": {
            "text": f"{description} Rule {rule} of the {check} check; `copydesk rules` lists every rule.",
        },
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": [check]},
    }


def _result(d: Diagnostic, location: dict[str, str], index: LineIndex, rule_index: int, fp: str) -> dict[str, Any]:
    region = _region(d.line, d.column, d.end_line, d.end_column)
    region["snippet"] = {"text": _text(index, d)}
    out: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fp},
    }
    if d.safe_fix is not None:
        out["fixes"] = [_fix(d.safe_fix, location, index)]
    if d.suggestions:
        out["properties"] = {"suggestions": list(d.suggestions)}
    return out


def _fix(edit: Edit, location: dict[str, str], index: LineIndex) -> dict[str, Any]:
    line, column = index.position(edit.start)
    end_line, end_column = index.position(edit.end)
    old = index.source[edit.start : edit.end]
    return {
        "description": {"text": f"Replace '{old}' with '{edit.text}'"},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": _region(line, column, end_line, end_column),
                        "insertedContent": {"text": edit.text},
                    }
                ],
            }
        ],
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _text(index: LineIndex, d: Diagnostic) -> str:
    if not 1 <= d.line <= d.end_line <= len(index.starts):
        return ""
    return index.source[index.offset(d.line, d.column) : index.offset(d.end_line, d.end_column)]
