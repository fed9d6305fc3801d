"""``copydesk check -``: an article piped in, named by --stdin-filename, as a user sees the run."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TYPO_ARTICLE


@pytest.fixture
def piped(cli: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """piped(text, *args): copydesk check - *args, with ``text`` on stdin."""

    def run(text: str, *args: str | Path) -> Any:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
        return cli("check", "-", *args)

    return run


def test_findings_carry_the_stdin_filename(piped: Any) -> None:
    result = piped(TYPO_ARTICLE, "--stdin-filename", "content/budget.md")
    assert result.code == 1
    assert result.out.startswith("content/budget.md:8:36: error spelling.unknown 'goverment'")


def test_without_a_name_the_text_is_markdown_named_stdin(piped: Any) -> None:
    result = piped(TYPO_ARTICLE, "--format", "json")
    (d,) = result.diagnostics
    assert (d["path"], d["line"], d["column"], d["rule"]) == ("<stdin>", 8, 36, "spelling.unknown")


JSON_ARTICLE = json.dumps(
    {
        "title": "Council votes on the budget",
        "date": "2026-02-01",
        "sources": ["https://example.org/budget"],
        "body": "The council met and the goverment announced a budget.",
    }
)
TEXT_ARTICLE = "Council votes on the budget\n1/2/26\n\nThe council met and the goverment announced a budget.\n"


@pytest.mark.parametrize(
    ("name", "text", "rules"),
    (
        ("a.json", JSON_ARTICLE, {"spelling.unknown"}),  # read as a JSON article: the body is checked
        ("a.md", JSON_ARTICLE, {"schema.required", "sources.missing", "spelling.unknown"}),  # as Markdown: no metadata
        ("a.txt", TEXT_ARTICLE, {"sources.missing", "spelling.unknown"}),  # a plain-text article: title, date, text
    ),
)
def test_the_name_decides_the_format(piped: Any, name: str, text: str, rules: set[str]) -> None:
    result = piped(text, "--stdin-filename", name, "--format", "json")
    assert {d["rule"] for d in result.diagnostics} >= rules
    assert "spelling.unknown" in {d["rule"] for d in result.diagnostics}
    if name == "a.json":
        assert not {d["rule"] for d in result.diagnostics} & {"schema.required", "sources.missing"}


def test_the_config_is_found_from_the_names_folder(piped: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "copydesk.toml").write_text('vocabulary = ["words.txt"]\n', encoding="utf-8")
    (site / "words.txt").write_text("goverment\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no config here: only the name's folder has one
    assert piped(TYPO_ARTICLE, "--stdin-filename", "site/content/budget.md").out.endswith("no problems found\n")
    assert piped(TYPO_ARTICLE, "--stdin-filename", "elsewhere/budget.md").code == 1


def test_fix_writes_the_fixed_text_to_stdout_and_no_file(piped: Any, tmp_path: Path) -> None:
    named = tmp_path / "budget.md"
    named.write_text("the file on disk, not the text piped in\n", encoding="utf-8")
    result = piped(TYPO_ARTICLE, "--stdin-filename", named, "--fix")
    assert result.out == TYPO_ARTICLE.replace("goverment", "government")
    assert result.code == 0
    assert "fixed 1 finding in 1 file" in result.err and "no problems found" in result.err
    assert named.read_text(encoding="utf-8") == "the file on disk, not the text piped in\n"


def test_fix_with_nothing_to_fix_gives_the_text_back(piped: Any) -> None:
    text = TYPO_ARTICLE.replace("goverment", "government")
    result = piped(text, "--stdin-filename", "a.md", "--fix")
    assert (result.out, result.code) == (text, 0)


def test_diff_names_the_stdin_filename(piped: Any) -> None:
    result = piped(TYPO_ARTICLE, "--stdin-filename", "content/budget.md", "--diff")
    assert result.code == 1
    assert "+++ b/content/budget.md" in result.out and "+The council met on Tuesday and the government" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    (
        (("-", "other.md"), "'-' (read an article from stdin) cannot be given with other paths"),
        (("other.md", "--stdin-filename", "a.md"), "--stdin-filename goes with the path '-'"),
        (("-", "--fix", "--diff"), "cannot be used with --write-baseline or with --fix and --diff together"),
    ),
)
def test_mistakes_exit_2_with_a_message(cli: Any, args: tuple[str, ...], message: str) -> None:
    result = cli("check", *args)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
