"""README.md documents the tool as it is: every rule id, a config that loads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from lint.checks import rule_table
from lint.config import load

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_documented_and_no_other() -> None:
    documented = set(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", README, re.MULTILINE))
    assert documented == set(rule_table())


def test_documented_levels_match_the_code() -> None:
    rows = dict(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \| (\w+) \|", README, re.MULTILINE))
    assert rows == {rule: level.value for rule, (level, _) in rule_table().items()}


def test_the_configuration_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(\[tool\.copydesk\].*?)```", README, re.DOTALL)
    assert block is not None
    (tmp_path / "pyproject.toml").write_text(block.group(1), encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "newsroom-article.schema.json").write_text('{"type": "object"}', encoding="utf-8")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "accept.txt").write_text("Mittagong\n", encoding="utf-8")
    (tmp_path / "styles" / "terms.yaml").write_text("terms: []\n", encoding="utf-8")
    (tmp_path / "styles" / "names.yaml").write_text("names: []\n", encoding="utf-8")
    config = load(tmp_path / "pyproject.toml")
    assert config.language == "en-GB"
    assert config.enabled("sources") is False
    assert config.level("names.inconsistent", config.severity["names"]).value == "error"


def _block(after: str, lang: str = "") -> str:
    """The first fenced block of README after the text ``after``."""
    start = README.index(after)
    m = re.compile(rf"```{lang}\n(.*?)```", re.DOTALL).search(README, start)
    assert m is not None
    return m.group(1)


def test_the_copydesk_toml_example_loads_and_says_what_the_pyproject_one_says(tmp_path: Path) -> None:
    toml_block = _block("In `copydesk.toml` the settings are at the top level", "toml")
    pyproject_block = _block("In `pyproject.toml` the same settings go under", "toml")
    assert toml_block.startswith("# copydesk.toml\n") and pyproject_block.startswith("[tool.copydesk]\n")
    for folder in ("a", "b"):
        root = tmp_path / folder
        (root / "schemas").mkdir(parents=True)
        (root / "schemas" / "newsroom-article.schema.json").write_text('{"type": "object"}', encoding="utf-8")
        (root / "styles").mkdir()
        (root / "styles" / "accept.txt").write_text("Mittagong\n", encoding="utf-8")
        (root / "styles" / "terms.yaml").write_text("terms: []\n", encoding="utf-8")
        (root / "styles" / "names.yaml").write_text("names: []\n", encoding="utf-8")
    (tmp_path / "a" / "copydesk.toml").write_text(toml_block, encoding="utf-8")
    (tmp_path / "b" / "pyproject.toml").write_text(pyproject_block, encoding="utf-8")
    one, other = load(tmp_path / "a" / "copydesk.toml"), load(tmp_path / "b" / "pyproject.toml")
    assert one.enabled("sources") is False and one.baseline == tmp_path / "a" / "copydesk-baseline.json"
    assert one.templates == ("hugo",)
    for key in ("include", "exclude", "language", "date_order", "templates", "ignore", "checks", "severity", "options"):
        assert getattr(one, key) == getattr(other, key), key


def test_the_setup_runs_in_a_virtual_environment() -> None:
    setup = _block("## Set up", "sh")
    assert setup.startswith("python3 -m venv .venv && . .venv/bin/activate\n")
    assert "python -m pip install . && copydesk check examples/" in setup
    assert _block("## Development", "sh").startswith("python3 -m venv .venv && . .venv/bin/activate\n")


def test_the_init_example_is_what_init_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any) -> None:
    from tests.init_test import jekyll

    jekyll(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli("init")
    assert result.code == 0
    assert result.out == _block("it prints each decision and why, one a line:")


def test_the_no_engine_notice_is_the_one_copydesk_gives() -> None:
    from lint.checks.grammar import how_to_enable

    assert f"no grammar engine is available. To check grammar, {how_to_enable()}" in README
    assert "copydesk[" not in README
