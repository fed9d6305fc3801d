"""README.md documents the tool as it is: every rule id, a config that loads."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from lint.checks import rule_table
from lint.config import load

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def _run(cli: Any, monkeypatch: pytest.MonkeyPatch, command: str, cwd: Path = ROOT) -> str:
    monkeypatch.chdir(cwd)
    assert command.startswith("copydesk ")
    args = shlex.split(command)[1:]
    return str(cli(*args, *(["--no-color"] if args[0] == "check" else [])).out)


def _shown(block: str) -> tuple[str, str]:
    """(the command on the block's first line, after ``$ ``, without a comment; the lines after it)."""
    first, _, rest = block.partition("\n")
    assert first.startswith("$ "), first
    return first[2:].split("   #")[0].strip(), rest


def test_the_text_output_example_is_what_copydesk_prints(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    command, shown = _shown(_block("### Text output"))
    assert _run(cli, monkeypatch, command) == shown


def test_the_explain_example_is_what_copydesk_prints(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    command, shown = _shown(_block("`copydesk check --explain` prints the reasons under each finding:"))
    out = _run(cli, monkeypatch, command, ROOT / "examples" / "defects").splitlines()
    lines = shown.splitlines()
    at = out.index(lines[0])  # the finding, then its suggestions and reasons as printed (the source line left out)
    assert [line for line in out[at : at + 5] if line.strip().startswith(("suggestions", "why"))] == lines[1:]


def test_the_json_example_is_what_copydesk_prints(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    m = re.search(r"\(here `(copydesk check\s+--format json[^`]*)`", README)
    assert m is not None
    shown = json.loads(_block("`copydesk check --format json` prints one object", "json"))
    monkeypatch.chdir(ROOT)
    out = json.loads(cli(*shlex.split(" ".join(m.group(1).split()))[1:]).out)
    assert shown["summary"] == out["summary"]
    assert all(d in out["diagnostics"] for d in shown["diagnostics"])


def test_the_seed_example_is_what_copydesk_prints(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _block("Every\ndefect in them is reported").splitlines()
    out = _run(cli, monkeypatch, "copydesk check .", ROOT / "examples" / "defects").splitlines()
    findings = [line for line in out if not line.startswith(" ")]
    for line in shown:
        if line.startswith(" "):
            continue  # the abridging note
        head = line.removesuffix(" …")
        assert any(f == line or (line.endswith(" …") and f.startswith(head)) for f in findings), line
    assert shown[-1] == findings[-1]  # the summary, exact


def test_the_baseline_figures_are_what_copydesk_does(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    m = re.search(
        r"`--write-baseline` says `(copydesk: wrote \d+ findings to copydesk-baseline\.json)`.*?"
        r"`--baseline` says `(\d+ files checked: no problems\s+found)`.*?\(\"(\w+)\"\)",
        README,
        re.DOTALL,
    )
    assert m is not None
    wrote, clean, typo = m.group(1), " ".join(m.group(2).split()), m.group(3)
    (tmp_path / "articles").mkdir()
    for post in sorted((ROOT / "tests" / "fixtures" / "init" / "18f").glob("*.md")):
        (tmp_path / "articles" / post.name).write_text(post.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = cli("check", "--write-baseline", "copydesk-baseline.json", "articles/")
    assert first.code == 0 and wrote in first.err
    again = cli("check", "--no-color", "--baseline", "copydesk-baseline.json", "articles/")
    assert again.code == 0 and again.out.strip().endswith(clean)
    post = sorted((tmp_path / "articles").glob("*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8") + f"\nThe {typo} said so.\n", encoding="utf-8")
    new = cli("check", "--format", "json", "--baseline", "copydesk-baseline.json", "articles/")
    assert [d["rule"] for d in new.diagnostics] == ["spelling.unknown"] and typo in new.diagnostics[0]["message"]


def test_the_lang_example_is_what_copydesk_prints(cli: Any, tmp_path: Path) -> None:
    m = re.search(r"\(`(post\.md:4:7: error schema\.format lang: 'en-XX'.*?)`\)", README, re.DOTALL)
    assert m is not None
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: The council meets\ndate: 2024-01-02\nlang: en-XX\n---\nThe council met.\n")
    out = cli("check", "--no-color", "--select", "schema", post).out
    assert " ".join(m.group(1).split()) in out.replace(str(tmp_path) + "/", "")


def test_the_names_example_is_what_copydesk_prints(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command, shown = _shown(_block("whose names are each spelled one way"))
    (tmp_path / "content").mkdir()
    for folder in ("init", "schema"):
        for post in sorted((ROOT / "tests" / "fixtures" / folder / "18f").glob("*.md")):
            (tmp_path / "content" / post.name).write_text(post.read_text(encoding="utf-8"), encoding="utf-8")
    lines = shown.splitlines()
    assert lines[-1] == "  …"
    assert _run(cli, monkeypatch, command, tmp_path).splitlines()[: len(lines) - 1] == lines[:-1]


def test_the_rules_example_is_what_copydesk_prints(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The abridged ``copydesk rules RULE`` block: each stretch between "…" lines is printed as shown, in order."""
    command, shown = _shown(_block("### One rule: `copydesk rules RULE`"))
    out = _run(cli, monkeypatch, command)
    at = 0
    stretches = shown.split("…\n")
    assert all(stretches[:-1]), "two … lines in a row"
    for stretch in stretches:
        found = out.find(stretch, at)
        assert found >= 0 and (at > 0 or found == 0), stretch
        at = found + len(stretch)
    m = re.search(r"\(`(copydesk: no rule is called '(\S+)'; the nearest: [^`]*?),\n…`\)", README)
    assert m is not None
    assert cli("rules", m.group(2)).err.startswith(" ".join(m.group(1).split()))
