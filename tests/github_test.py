"""--format github: workflow commands GitHub turns into annotations; --format auto picks them inside Actions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from lint.report.github import escape_data, escape_property
from tests.conftest import SEEDS

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")
ARTICLE = """---
title: "Council debates the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
---

Officials said 100% of the plan was anounced.
"""


def unescape(text: str) -> str:
    """What the runner does with a command (the inverse of @actions/core's escaping)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse(out: str) -> list[dict[str, str]]:
    """Each annotation as its properties plus level and message; every line but the summary is a command."""
    *commands, summary = out.rstrip("\n").split("\n")
    assert not summary.startswith("::")
    parsed = []
    for line in commands:
        match = COMMAND.match(line)
        assert match is not None, line
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        parsed.append(
            {key: unescape(value) for key, value in props.items()}
            | {"level": match["level"], "message": unescape(match["message"])}
        )
    return parsed


def test_one_annotation_per_finding_at_its_place(cli: Any) -> None:
    result = cli("check", "--format", "github", SEEDS)
    assert result.code == 1
    annotations = parse(result.out)
    diagnostics = cli("check", "--format", "json", SEEDS).diagnostics
    assert len(annotations) == len(diagnostics) > 10
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for a, d in zip(annotations, diagnostics, strict=True):
        assert a["file"] == d["path"]
        assert (a["line"], a["col"], a["endLine"], a["endColumn"]) == tuple(
            str(d[k]) for k in ("line", "column", "end_line", "end_column")
        )
        assert (a["title"], a["level"]) == (d["rule"], levels[d["severity"]])
        assert a["message"].startswith(d["message"])
    glossary = [a for a in annotations if a["title"] == "names.glossary"]
    assert glossary
    assert all(a["message"].endswith("\nfix: Isaac Herzog") for a in glossary)


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    (
        ("plain words", "plain words", "plain words"),
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A literally", "%250A literally", "%250A literally"),
        ("::error file=x::y", "::error file=x::y", "%3A%3Aerror file=x%3A%3Ay"),
    ),
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)
    assert unescape(prop) == text


def test_awkward_paths_and_messages_survive(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "budget, 2026: final.md"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (a,) = [a for a in parse(cli("check", "--format", "github", name).out) if a["title"] == "spelling.unknown"]
    assert a["file"] == name
    assert (a["line"], a["col"]) == ("8", str(ARTICLE.split("\n")[7].index("anounced") + 1))
    assert "'anounced'" in a["message"]
    assert a["message"].endswith("\nfix: announced")


@pytest.mark.parametrize(
    ("env", "github"),
    (
        pytest.param("true", True, id="in-actions"),
        pytest.param(None, False, id="unset"),
        pytest.param("false", False, id="false"),
    ),
)
def test_auto_picks_github_inside_actions(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str | None, github: bool
) -> None:
    if env is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", env)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "budget.md").write_text(ARTICLE, encoding="utf-8")
    result = cli("check", "--format", "auto", "budget.md")
    assert result.code == 1
    first = result.out.split("\n")[0]
    if github:
        assert first.startswith("::error file=budget.md,line=8,")
    else:
        assert first.startswith("budget.md:8:")


def test_every_reporter_is_a_format_choice(cli: Any) -> None:
    result = cli("check", "--help")
    for name in ("text", "json", "sarif", "github", "auto"):
        assert name in result.out


README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
CI_SECTION = README.split("## Running it in CI", 1)[1].split("\n## ", 1)[0]


def test_the_readme_annotation_example_is_what_copydesk_prints(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (example,) = [line for line in CI_SECTION.split("\n") if line.startswith("::")]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "budget.md").write_text(
        ARTICLE.replace(
            "Officials said 100% of the plan was anounced.", "Officials said the plan was anounced on Tuesday."
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("check", "--format", "auto", "content/").out.split("\n")[0] == example


def test_the_readme_ci_configurations_read(tmp_path: Path) -> None:
    import yaml

    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", CI_SECTION, re.DOTALL)]
    workflow, annotations, gitlab = blocks
    steps = workflow["jobs"]["copydesk"]["steps"]
    check = next(s for s in steps if "--format sarif" in s.get("run", ""))
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert check["run"].endswith("> " + upload["with"]["sarif_file"])
    assert upload["if"] == "always()"
    assert workflow["permissions"]["security-events"] == "write"
    assert "--format auto" in annotations[0]["run"]
    assert "copydesk.sarif" in gitlab["copydesk"]["artifacts"]["paths"]
