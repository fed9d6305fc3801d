"""README.md documents the tool as it is: every rule id, a config that loads."""

from __future__ import annotations

import re
from pathlib import Path

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
