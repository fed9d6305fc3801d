"""The command-line contract: exit status, both output formats, bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS, TYPO_ARTICLE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    folder = tmp_path / "clean"
    shutil.copytree(EXAMPLES / "clean", folder)
    return folder


def test_clean_articles_exit_zero(cli: Any, clean: Path) -> None:
    result = cli("check", clean)
    assert result.code == 0, result.out
    assert "3 files checked: no problems found" in result.out


def test_defects_exit_one(cli: Any) -> None:
    assert cli("check", SEEDS).code == 1


def test_json_contract(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "budget.md"
    article.write_text(TYPO_ARTICLE, encoding="utf-8")
    result = cli("check", "--format", "json", article)
    assert result.code == 1
    doc = result.json
    assert set(doc) == {"diagnostics", "summary"}
    (d,) = [d for d in doc["diagnostics"] if d["rule"].startswith("spelling")]
    assert {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "suggestions"} <= set(d)
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (8, 36, 8, 45)  # 1-based, end exclusive
    line = TYPO_ARTICLE.splitlines()[d["line"] - 1]
    assert line[d["column"] - 1 : d["end_column"] - 1] == "goverment"
    assert d["suggestions"][0] == "government"
    assert d["severity"] == "error"
    assert doc["summary"]["files"] == 1
    assert doc["summary"]["errors"] >= 1


def test_text_output_underlines_the_word(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "budget.md"
    article.write_text(TYPO_ARTICLE, encoding="utf-8")
    result = cli("check", article)
    lines = result.out.splitlines()
    (i,) = [k for k, ln in enumerate(lines) if "spelling" in ln]
    assert re.match(rf"{re.escape(str(article))}:8:36: error spelling\.\S+ .*goverment", lines[i])
    assert lines[i + 1].strip() == TYPO_ARTICLE.splitlines()[7].strip()
    assert lines[i + 2].index("^") - lines[i + 1].index("The") == 35
    assert lines[i + 2].count("^") == len("goverment")
    assert "government" in lines[i + 3]
    assert "\033[" not in result.out  # no colour when not on a terminal
    assert re.search(r"1 file checked: \d+ errors?", lines[-1])


def test_select_and_ignore(cli: Any) -> None:
    rules = {
        d["rule"].split(".")[0] for d in cli("check", "--format", "json", "--select", "spelling", SEEDS).diagnostics
    }
    assert rules == {"spelling"}
    rules = {
        d["rule"].split(".")[0]
        for d in cli("check", "--format", "json", "--ignore", "spelling,names", SEEDS).diagnostics
    }
    assert rules and not rules & {"spelling", "names"}


def test_quiet_keeps_only_errors(cli: Any, tmp_path: Path) -> None:
    result = cli("check", "--quiet", "--format", "json", SEEDS)
    assert {d["severity"] for d in result.diagnostics} == {"error"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "no/such/file.md"), "no/such/file.md: no such file or directory"),
        (("check", "--format", "xml", "."), "Invalid value for '--format'"),
        (("check", "--bogus"), "No such option"),
        (("frobnicate",), "No such command"),
    ],
)
def test_usage_errors_exit_two(cli: Any, args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_bad_config_exits_two_with_file_and_line(cli: Any, tmp_path: Path) -> None:
    config = tmp_path / "copydesk.toml"
    config.write_text('language = "en"\nspeling = true\n', encoding="utf-8")
    result = cli("check", "--config", config, SEEDS)
    assert result.code == 2
    assert f"{config}:2" in result.err
    assert "speling" in result.err


BAD_INPUT = [
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "binary file"),
    ("latin1.md", "---\ntitle: Caf\xe9\n---\n".encode("latin-1"), 1, "not valid UTF-8"),
    ("broken.md", b'---\ntitle: "unclosed\ndate: 2026-01-01\n---\nBody.\n', 2, "not valid YAML"),
    ("broken-toml.md", b'+++\ntitle = "x"\ndate = \n+++\nBody.\n', 3, "TOML"),
    ("broken.json", b'{"title": "x",\n "date": "2026-01-01"\n "body": "y"}\n', 3, "JSON"),
    ("empty.md", b"", 1, "empty"),
    ("unclosed.md", b"---\ntitle: x\n\nBody text.\n", 1, "never closed"),
]


@pytest.mark.parametrize(("name", "data", "line", "message"), BAD_INPUT)
def test_bad_input_is_one_clear_finding_and_the_run_goes_on(
    cli: Any, tmp_path: Path, name: str, data: bytes, line: int, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "budget.md"
    good.write_text(TYPO_ARTICLE, encoding="utf-8")
    result = cli("check", "--format", "json", tmp_path)
    assert "Traceback" not in result.err
    mine = [d for d in result.diagnostics if d["path"] == str(bad)]
    assert len(mine) == 1, mine
    assert mine[0]["line"] == line
    assert message in mine[0]["message"]
    assert mine[0]["severity"] == "error"
    assert any(d["path"] == str(good) for d in result.diagnostics)  # the other file was still checked
    assert result.code == 1
    assert bad.read_bytes() == data  # never written to


def test_folder_without_articles(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    result = cli("check", tmp_path)
    assert result.code == 2  # a folder named by mistake is no green run
    assert f"{tmp_path}: no article files here (article files end in" in result.err


def test_glob_paths(cli: Any, clean: Path) -> None:
    result = cli("check", "--format", "json", str(clean / "*.md"))
    assert result.json["summary"]["files"] == 2


def test_python_dash_m_lint(clean: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(clean)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no problems found" in proc.stdout


def test_explain_says_why_only_when_asked(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "budget.md"
    article.write_text(TYPO_ARTICLE, encoding="utf-8")
    plain = cli("check", article)
    assert "why:" not in plain.out
    explained = cli("check", "--explain", article)
    (why,) = [ln for ln in explained.out.splitlines() if ln.strip().startswith("why:")]
    assert "goverment" in explained.out
    assert "dictionary" in why


def test_explain_also_says_why_a_name_was_accepted(cli: Any) -> None:
    seed = SEEDS / "004_95c60ba5b8cee6dd.txt"
    assert not [d for d in cli("check", "--format", "json", seed).diagnostics if d["rule"] == "spelling.accepted"]
    result = cli("check", "--format", "json", "--explain", seed)
    accepted = {d["message"].split("'")[1]: d for d in result.diagnostics if d["rule"] == "spelling.accepted"}
    assert {"Herzog", "Aliyev"} <= set(accepted)
    assert all(d["severity"] == "info" for d in accepted.values())
    assert result.code == 1  # info findings change nothing


@pytest.mark.parametrize(
    ("args", "message"),
    (
        (("--select", "speling"), "--select 'speling' names no check; did you mean 'spelling'?"),
        (("--select", "schema,sorces"), "--select 'sorces' names no check; did you mean 'sources'?"),
        (("--ignore", "spelling.unknwn"), "--ignore 'spelling.unknwn' names no rule; did you mean 'spelling.unknown'?"),
        (
            ("--select", "grammar.agreemnt"),
            "--select 'grammar.agreemnt' names no rule; did you mean 'grammar.agreement'?",
        ),
    ),
)
def test_an_unknown_rule_id_is_a_mistake(cli: Any, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    (tmp_path / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    result = cli("check", *args, tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"copydesk: {message}")


@pytest.mark.parametrize("args", (("--select", "spelling.unknown"), ("--select", "all"), ("--ignore", "names.archive")))
def test_a_known_rule_id_runs(cli: Any, tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    assert cli("check", *args, tmp_path).code == 1


@pytest.mark.parametrize(
    ("pattern", "message"),
    (
        ("nothing/*.md", "nothing/*.md: the pattern matches no file"),
        ("*.py", "*.py: the pattern matches no article (1 file skipped as not articles; --verbose says why)"),
    ),
)
def test_a_glob_without_articles_is_a_mistake(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "setup.py").write_text("x = 1\n")
    (tmp_path / "README.md").write_text("# x\n")
    result = cli("check", pattern if pattern != "*.py" else "*.md")
    assert result.code == 2
    assert result.err == f"copydesk: {message.replace('*.py', '*.md')}\n"


def test_quiet_shows_errors_only_and_counts_everything(cli: Any, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    full = cli("check", "--format", "json", seeds).json["summary"]
    assert full["warnings"] > 0
    quiet = cli("check", "--quiet", seeds)
    assert {ln.split()[1] for ln in quiet.out.splitlines() if ": " in ln and ln.startswith(str(seeds))} == {"error"}
    summary = quiet.out.splitlines()[-1]
    hidden = full["warnings"] + full["info"]
    assert summary == (
        f"2 files checked: {full['errors']} errors, {full['warnings']} warnings, {full['info']} info in 2 files"
        f" ({hidden} below error level not shown: --quiet)"
    )
    assert cli("check", "--quiet", "--format", "json", seeds).json["summary"] == full
