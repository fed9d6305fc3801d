"""--format gitlab: a Code Quality report GitLab shows on the merge request, valid against GitLab's schemas."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lint.report import MODULES
from tests.conftest import FIXTURES, SEEDS

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = FIXTURES / "gitlab"
# GitLab's own schema of one entry (its parser stops at the first entry it rejects) ...
ENTRY = jsonschema.Draft7Validator(json.loads((SCHEMAS / "codeclimate.json").read_text(encoding="utf-8")))
# ... and the whole report as GitLab's and Code Climate's pages describe it (README.md in that folder)
REPORT = jsonschema.Draft202012Validator(
    json.loads((SCHEMAS / "code-quality-report.schema.json").read_text(encoding="utf-8"))
)
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}

# a Markdown article with its FAQ in the YAML front matter: a typo in an answer, a placeholder answer,
# and a house-style term in the body (set to info by the copydesk.toml below)
ARTICLE = """---
title: "Council debates the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
faq:
  - question: "When does the work start?"
    answer: "The council aproved the plan on Tuesday."
  - question: "Who pays for it?"
    answer: "TBD"
---

The council met on Tuesday with Israelian officials.
"""
CONFIG = '[severity]\n"terms" = "info"\n'


def errors(report: Any) -> list[str]:
    """Every way ``report`` breaks either schema (empty: GitLab reads all of it)."""
    found = [f"{list(e.absolute_path)}: {e.message}" for e in REPORT.iter_errors(report)]
    for n, entry in enumerate(report if isinstance(report, list) else []):
        found += [f"[{n}] {list(e.absolute_path)}: {e.message} (GitLab)" for e in ENTRY.iter_errors(entry)]
    return found


def gitlab(cli: Any, *args: str | Path) -> list[dict[str, Any]]:
    result = cli("check", "--format", "gitlab", *args)
    assert result.code in (0, 1), result.err
    report: list[dict[str, Any]] = json.loads(result.out)
    assert errors(report) == []
    return report


def begin(issue: dict[str, Any]) -> tuple[str, int, int]:
    location = issue["location"]
    return location["path"], location["positions"]["begin"]["line"], location["positions"]["begin"]["column"]


def position(text: str, word: str, occurrence: int = 1) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the ``occurrence``-th ``word`` in ``text``."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(word, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout: the two seed articles, a Markdown article with a YAML FAQ, and a copydesk.toml."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "budget.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_one_issue_per_finding_at_its_place(cli: Any, newsroom: Path) -> None:
    report = gitlab(cli, "seeds", "news")
    diagnostics = cli("check", "--format", "json", "seeds", "news").diagnostics
    assert len(report) == len(diagnostics) > 20
    for issue, d in zip(report, diagnostics, strict=True):
        assert issue["type"] == "issue"
        assert issue["check_name"] == d["rule"]
        assert issue["severity"] == SEVERITIES[d["severity"]]
        assert issue["description"].startswith(d["message"])
        assert issue["location"]["path"] == d["path"]  # relative already, with /
        assert issue["location"]["positions"] == {
            "begin": {"line": d["line"], "column": d["column"]},
            "end": {"line": d["end_line"], "column": d["end_column"]},
        }
    assert {issue["severity"] for issue in report} == {"major", "minor", "info"}


@pytest.mark.parametrize(
    ("path", "word", "occurrence", "rule", "severity", "description"),
    (
        pytest.param(
            "seeds/004_95c60ba5b8cee6dd.txt", "Tacts", 1, "spelling.unknown", "major", "'Tacts'", id="seed-typo"
        ),
        pytest.param(
            "seeds/004_95c60ba5b8cee6dd.txt",
            "Ishaq Herzog",
            2,
            "names.glossary",
            "minor",
            "(fix: Isaac Herzog)",
            id="seed-name-on-line-2",
        ),
        pytest.param(
            "seeds/000_18c8a299e144d0a2.txt",
            "Klark",
            3,
            "spelling.unknown",
            "major",
            "(suggestions: Clark,",
            id="third-faq",
        ),
        pytest.param("news/budget.md", "aproved", 1, "spelling.unknown", "major", "(fix: approved)", id="yaml-faq"),
        pytest.param("news/budget.md", "TBD", 1, "placeholder.text", "major", "“TBD”", id="placeholder-answer"),
        pytest.param("news/budget.md", "Israelian", 1, "terms.substitution", "info", "(fix: Israeli)", id="body"),
    ),
)
def test_findings_point_at_the_words_in_the_file(
    cli: Any, newsroom: Path, path: str, word: str, occurrence: int, rule: str, severity: str, description: str
) -> None:
    text = (newsroom / path).read_text(encoding="utf-8")
    line, column = position(text, word, occurrence)
    (issue,) = [i for i in gitlab(cli, "seeds", "news") if begin(i) == (path, line, column) and i["check_name"] == rule]
    assert issue["severity"] == severity
    assert issue["location"]["positions"]["end"] == {"line": line, "column": column + len(word)}
    assert description in issue["description"]
    assert "\n" not in issue["description"]


def test_severities_follow_the_configured_level(cli: Any, newsroom: Path) -> None:
    (newsroom / "copydesk.toml").write_text('[severity]\n"terms" = "error"\n"spelling" = "warning"\n', encoding="utf-8")
    levels = {(i["check_name"], i["severity"]) for i in gitlab(cli, "news")}
    assert levels == {("spelling.unknown", "minor"), ("placeholder.text", "major"), ("terms.substitution", "major")}


def test_fingerprints_are_unique_and_survive_a_blank_line_above(cli: Any, newsroom: Path) -> None:
    before = gitlab(cli, "seeds", "news")
    prints = [i["fingerprint"] for i in before]
    assert len(set(prints)) == len(prints)  # GitLab shows findings with one fingerprint as one
    # the four identical "Drowpdown Klark" answers are four findings each
    assert len({i["fingerprint"] for i in before if i["description"].startswith("'Klark'")}) == 4

    budget = newsroom / "news" / "budget.md"
    budget.write_text(ARTICLE.replace('\n    answer: "The council aproved', '\n\n    answer: "The council aproved'))
    seed = newsroom / "seeds" / "004_95c60ba5b8cee6dd.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    seed.write_text("\n".join([*lines[:3], "", *lines[3:]]), encoding="utf-8")
    after = gitlab(cli, "seeds", "news")

    moved = {"news/budget.md": 8, "seeds/004_95c60ba5b8cee6dd.txt": 4}  # first line that moved down
    expected = {}
    for issue in before:
        path, line, column = begin(issue)
        expected[issue["fingerprint"]] = (path, line + (line >= moved.get(path, sys.maxsize)), column)
    assert {i["fingerprint"]: begin(i) for i in after} == expected
    assert sum(begin(i)[1] != expected[i["fingerprint"]][1] for i in before) >= 5  # lines did move


def test_a_clean_run_is_an_empty_array(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples" / "clean", tmp_path / "clean")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "gitlab", "clean")
    assert result.code == 0
    assert result.out == "[]\n"
    assert errors(json.loads(result.out)) == []


@pytest.mark.parametrize(
    ("article", "code"),
    (
        pytest.param(ARTICLE, 1, id="errors"),
        pytest.param(ARTICLE.replace("aproved", "approved").replace('"TBD"', '"The city."'), 0, id="info-only"),
        pytest.param(
            ARTICLE.replace("aproved", "approved").replace('"TBD"', '"The city."') + "\nBack to top\n",
            0,
            id="warnings",
        ),
    ),
)
def test_the_exit_status_is_that_of_every_format(cli: Any, newsroom: Path, article: str, code: int) -> None:
    (newsroom / "news" / "budget.md").write_text(article, encoding="utf-8")
    assert {cli("check", "--format", fmt, "news").code for fmt in MODULES} == {code}


def test_paths_are_relative_to_where_it_ran(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo" / "content" / "2026 spring").mkdir(parents=True)
    (tmp_path / "repo" / "content" / "2026 spring" / "budget.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    given = ("./content/2026 spring/budget.md", "content/2026 spring", tmp_path / "repo" / "content")
    for path in given:  # however the file was named, GitLab gets the same path from the repository root
        paths = {i["location"]["path"] for i in gitlab(cli, path)}
        assert paths == {"content/2026 spring/budget.md"}


def test_the_report_is_valid_json_with_notices_on_stderr(newsroom: Path) -> None:
    (newsroom / "empty").mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "gitlab", "empty", "news", "nothing/*.md"],
        capture_output=True,
        text=True,
        cwd=newsroom,
        check=False,
    )
    assert proc.returncode == 2  # a folder or a pattern that holds no article is a mistake: no report
    assert "copydesk: empty: no article files here" in proc.stderr
    assert "\nnothing/*.md: the pattern matches no file\n" in proc.stderr  # each mistake named, one a line
    assert proc.stdout == ""
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "gitlab", "news", "--select", "speling"],
        capture_output=True,
        text=True,
        cwd=newsroom,
        check=False,
    )
    assert proc.returncode == 2
    assert "did you mean 'spelling'?" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "gitlab", "news"],
        capture_output=True,
        text=True,
        cwd=newsroom,
        check=False,
    )
    report = json.loads(proc.stdout)
    assert errors(report) == []
    assert {i["location"]["path"] for i in report} == {"news/budget.md"}


@pytest.mark.parametrize(
    ("mutate", "problem"),
    (
        pytest.param(lambda i: i.update(severity="error"), "severity", id="copydesk-level"),
        pytest.param(lambda i: i["location"].update(path="/abs/budget.md"), "path", id="absolute-path"),
        pytest.param(lambda i: i["location"].pop("positions"), "location", id="no-line"),
        pytest.param(lambda i: i.update(description="two\nlines"), "description", id="line-break"),
        pytest.param(lambda i: i.pop("fingerprint"), "fingerprint", id="no-fingerprint"),
        pytest.param(lambda i: i["location"]["positions"]["begin"].update(line="8"), "line", id="line-as-text"),
    ),
)
def test_the_schemas_catch_a_broken_report(cli: Any, newsroom: Path, mutate: Any, problem: str) -> None:
    report = gitlab(cli, "news")
    mutate(report[0])
    found = errors(report)
    assert found
    assert any(problem in e for e in found), found


README = (ROOT / "README.md").read_text(encoding="utf-8")
GITLAB_SECTION = README.split("### GitLab CI", 1)[1].split("\n## ", 1)[0]


def test_the_readme_gitlab_job_writes_the_report_it_declares() -> None:
    import yaml

    (block,) = re.findall(r"```yaml\n(.*?)```", GITLAB_SECTION, re.DOTALL)
    job = yaml.safe_load(block)["copydesk"]
    report_file = job["artifacts"]["reports"]["codequality"]
    (command,) = [line for line in job["script"] if "--format gitlab" in line]
    assert command.split("#")[0].removesuffix("|| true").strip().endswith(f"> {report_file}")
    # some step prints the findings in the job's log and fails the job on an error
    logged = [line for line in job["script"] if line.startswith("copydesk check") and ">" not in line]
    assert logged and all("|| true" not in line for line in logged)
    assert "`gitlab` for GitLab's Code Quality report" in README.split("## Running it in CI", 1)[1].split("###", 1)[0]
