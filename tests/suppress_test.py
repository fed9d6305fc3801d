"""Suppressions an editor writes in an article, and the ones that suppress nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

HEAD = """---
title: "Council votes on the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
{extra}---

"""


def findings(cli: Any, tmp_path: Path, body: str, extra: str = "", *args: str) -> list[tuple[str, int, str]]:
    """(rule, line, the text pointed at) of each finding of an article made of ``body``."""
    source = HEAD.format(extra=extra) + body
    path = tmp_path / "article.md"
    path.write_text(source, encoding="utf-8")
    result = cli("check", "--format", "json", *args, path)
    assert result.code in (0, 1), result.err
    lines = source.splitlines()
    out = []
    for d in result.diagnostics:
        text = lines[d["line"] - 1][d["column"] - 1 : d["end_column"] - 1] if d["line"] == d["end_line"] else ""
        out.append((d["rule"], d["line"] - HEAD.count("\n") - extra.count("\n"), text))
    return out


TYPO = "The goverment announced a budget.\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        pytest.param(TYPO, [("spelling.unknown", 1, "goverment")], id="no suppression"),
        pytest.param(
            "<!-- copydesk-disable-next-line spelling -->\n" + TYPO + TYPO,
            [("spelling.unknown", 3, "goverment")],
            id="next line only",
        ),
        pytest.param("<!-- copydesk-disable-next-line -->\n" + TYPO, [], id="next line, every rule"),
        pytest.param(
            "<!-- copydesk-disable-next-line spelling.unknown -->\n\n" + TYPO, [], id="full id, blank between"
        ),
        pytest.param(
            "<!-- copydesk-disable-next-line names, spelling -->\nIshaq Herzog met the goverment.\n",
            [],
            id="comma separated",
        ),
        pytest.param(
            "<!-- copydesk-disable-next-line terms spelling -->\nThe Israelian goverment.\n", [], id="space separated"
        ),
        pytest.param(
            "<!-- copydesk-disable spelling -->\n" + TYPO + TYPO + "<!-- copydesk-enable spelling -->\n" + TYPO,
            [("spelling.unknown", 5, "goverment")],
            id="range",
        ),
        pytest.param(
            "<!-- copydesk-disable -->\n" + TYPO + "<!-- copydesk-enable -->\n" + TYPO,
            [("spelling.unknown", 4, "goverment")],
            id="bare range",
        ),
        pytest.param(
            TYPO + "<!-- copydesk-disable spelling -->\n" + TYPO + TYPO,
            [("spelling.unknown", 1, "goverment")],
            id="open to the end",
        ),
        pytest.param(
            "```\n<!-- copydesk-disable-next-line spelling -->\n```\n" + TYPO,
            [("spelling.unknown", 4, "goverment")],
            id="a comment shown in code is not a suppression",
        ),
        pytest.param(
            'He wrote "goverment" [sic] twice: the goverment.\n', [("spelling.unknown", 1, "goverment")], id="[sic]"
        ),
        pytest.param("He wrote goverment (sic) in it.\n", [], id="(sic)"),
        pytest.param("He met Ishaq Herzog [sic] in Baku.\n", [], id="[sic] after a name"),
        pytest.param(
            "He met Ishaq Herzog in Baku.\n", [("names.glossary", 1, "Ishaq Herzog")], id="the name without [sic]"
        ),
        pytest.param("An Israelian [sic] delegation came.\n", [], id="[sic] after a term"),
    ),
)
def test_suppressions_in_the_body(cli: Any, tmp_path: Path, body: str, expected: list[tuple[str, int, str]]) -> None:
    assert findings(cli, tmp_path, body) == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    (
        pytest.param("copydesk:\n  ignore: [spelling]\n", [], id="a check"),
        pytest.param("copydesk:\n  ignore: [spelling.unknown]\n", [], id="a rule"),
        pytest.param(
            "copydesk:\n  ignore: [spelling.rejected]\n", [("spelling.unknown", 1, "goverment")], id="another rule"
        ),
    ),
)
def test_front_matter_ignores_for_the_whole_article(
    cli: Any, tmp_path: Path, extra: str, expected: list[tuple[str, int, str]]
) -> None:
    got = findings(cli, tmp_path, TYPO, extra)
    assert [f for f in got if f[0] != "suppression.unused"] == expected


UNUSED = "suppression.unused"


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        pytest.param(
            "Intro.\n\n<!-- copydesk-disable-next-line spelling -->\nA clean line.\n",
            [(UNUSED, 3, "<!-- copydesk-disable-next-line spelling -->")],
            id="next line with nothing",
        ),
        pytest.param(
            "<!-- copydesk-disable-next-line names spelling -->\n" + TYPO,
            [(UNUSED, 1, "<!-- copydesk-disable-next-line names spelling -->")],
            id="one id of two unused",
        ),
        pytest.param(
            "<!-- copydesk-disable names -->\n" + TYPO + "<!-- copydesk-enable names -->\n",
            [(UNUSED, 1, "<!-- copydesk-disable names -->"), ("spelling.unknown", 2, "goverment")],
            id="range of another rule",
        ),
        pytest.param(
            "<!-- copydesk-disable-next-line speling -->\n" + TYPO,
            [(UNUSED, 1, "<!-- copydesk-disable-next-line speling -->"), ("spelling.unknown", 2, "goverment")],
            id="no such rule",
        ),
        pytest.param(
            "Text.\n<!-- copydesk-enable spelling -->\n",
            [(UNUSED, 2, "<!-- copydesk-enable spelling -->")],
            id="enable without disable",
        ),
        pytest.param(
            "<!-- copydesk-disable -->\nAll clean.\n<!-- copydesk-enable -->\n",
            [(UNUSED, 1, "<!-- copydesk-disable -->")],
            id="bare range",
        ),
    ),
)
def test_unused_suppressions_are_reported_at_the_comment(
    cli: Any, tmp_path: Path, body: str, expected: list[tuple[str, int, str]]
) -> None:
    assert findings(cli, tmp_path, body) == expected


def test_messages_say_what_is_unused(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(HEAD.format(extra="") + "<!-- copydesk-disable-next-line names spelling speling -->\n" + TYPO)
    (unknown, unused) = [d for d in cli("check", "--format", "json", path).diagnostics if d["rule"] == UNUSED]
    assert "speling" in unknown["message"] and unknown["suggestions"] == ["spelling"]
    assert unused["message"] == "Nothing to suppress: no names finding on the next line"
    assert unused["severity"] == "warning"


def test_unused_ignore_entry_points_at_the_entry(cli: Any, tmp_path: Path) -> None:
    got = findings(cli, tmp_path, TYPO, "copydesk:\n  ignore: [spelling, terms]\n")
    assert got == [(UNUSED, -2, "terms")]  # line 7 of the file: the entry, in the front matter


def test_checks_that_did_not_run_are_not_judged(cli: Any, tmp_path: Path) -> None:
    body = "<!-- copydesk-disable-next-line names -->\n" + TYPO
    assert findings(cli, tmp_path, body, "", "--ignore", "names") == [("spelling.unknown", 2, "goverment")]
    assert UNUSED in {f[0] for f in findings(cli, tmp_path, body)}


def test_unused_can_itself_be_ignored(cli: Any, tmp_path: Path) -> None:
    body = "<!-- copydesk-disable-next-line names -->\n" + TYPO
    assert findings(cli, tmp_path, body, "", "--ignore", "suppression") == [("spelling.unknown", 2, "goverment")]
    assert findings(cli, tmp_path, body, "copydesk:\n  ignore: [suppression]\n") == [
        ("spelling.unknown", 2, "goverment")
    ]
