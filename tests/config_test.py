"""Configuration: every setting takes effect, every mistake stops the run at its file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint import config as config_mod
from lint.checks import CHECKS
from lint.config import Config
from lint.rules import words
from lint.run import Run

# Two schema findings: the title is missing (1:1) and the date is not a date (2:7).
BAD = "---\ndate: 32/13/2021\n---\n\nThe council met on Tuesday.\n"
GOOD = "---\ntitle: Budget approved\ndate: 2021-03-05\n---\n\nThe council met on Tuesday.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, made the current folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(result: Any) -> list[tuple[str, str, int, str]]:
    """(file name, rule, line, severity) of each finding."""
    return [(Path(d["path"]).name, d["rule"], d["line"], d["severity"]) for d in result.diagnostics]


# -- where the configuration is found -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    (
        ("pyproject.toml", '[project]\nname = "paper"\n\n[tool.copydesk]\nseverity = { schema = "info" }\n'),
        ("copydesk.toml", '[severity]\nschema = "info"\n'),
        (".copydesk.toml", '[severity]\nschema = "info"\n'),
    ),
)
def test_the_config_is_found_from_the_current_folder_upward(
    cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    write(project, name, text)
    article = write(project, "desk/news/a.md", BAD)
    monkeypatch.chdir(project / "desk" / "news")
    result = cli("check", "--format", "json", "--select", "schema", article)
    assert found(result) == [("a.md", "schema.required", 1, "info"), ("a.md", "schema.format", 2, "info")]
    assert result.code == 0  # nothing is an error any more


def test_a_pyproject_without_our_table_is_passed_over(cli: Any, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, "copydesk.toml", '[severity]\nschema = "info"\n')
    write(project, "desk/pyproject.toml", '[project]\nname = "desk"\n')
    article = write(project, "desk/a.md", BAD)
    monkeypatch.chdir(project / "desk")
    assert {severity for *_, severity in found(cli("check", "--format", "json", "--select", "schema", article))} == {
        "info"
    }


def test_no_config_means_the_defaults(project: Path) -> None:
    config = config_mod.load(None, project)
    assert (config.path, config.language, config.date_order, config.select) == (None, "en", "dmy", ())


# -- each setting takes effect ----------------------------------------------------------------


def test_schema_replaces_the_article_schema(cli: Any, project: Path) -> None:
    team = {"type": "object", "required": ["section"], "properties": {"section": {"enum": ["News", "Sport"]}}}
    write(project, "schemas/team.json", json.dumps(team))
    write(project, "copydesk.toml", 'schema = "schemas/team.json"\nselect = ["schema"]\n')
    write(project, "articles/a.md", GOOD)
    write(project, "articles/b.md", BAD.replace("date:", "section: News\ndate:"))
    result = cli("check", "--format", "json", "articles")
    assert [(f, d["message"]) for f, d in zip(found(result), result.diagnostics, strict=True)] == [
        (("a.md", "schema.required", 1, "error"), "section is missing")
    ]  # b.md has no title and a bad date, but the team schema asks for neither


@pytest.mark.parametrize(("on", "expected"), ((True, 2), (False, 0)))
def test_checks_turn_a_check_on_or_off(cli: Any, project: Path, on: bool, expected: int) -> None:
    write(project, "copydesk.toml", f'select = ["schema"]\n\n[checks]\nschema = {str(on).lower()}\n')
    write(project, "a.md", BAD)
    result = cli("check", "--format", "json", ".")
    assert len(result.diagnostics) == expected
    assert result.code == (1 if on else 0)


def test_severity_by_rule_prefix_the_most_specific_wins(cli: Any, project: Path) -> None:
    write(
        project, "copydesk.toml", 'select = ["schema"]\n\n[severity]\nschema = "warning"\n"schema.required" = "info"\n'
    )
    write(project, "a.md", BAD)
    result = cli("check", "--format", "json", ".")
    assert found(result) == [("a.md", "schema.required", 1, "info"), ("a.md", "schema.format", 2, "warning")]
    assert result.code == 0


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    (
        (["schema"], [], ["schema.required", "schema.format"]),
        (["schema"], ["schema.format"], ["schema.required"]),
        (["schema.format"], ["schema"], ["schema.format"]),
        (["schema"], ["schema.required", "schema.format"], []),
        (["schema.required", "schema.format"], ["schema.format"], ["schema.required"]),
    ),
)
def test_select_and_ignore_the_most_specific_prefix_wins(
    cli: Any, project: Path, select: list[str], ignore: list[str], expected: list[str]
) -> None:
    write(project, "copydesk.toml", f"select = {json.dumps(select)}\nignore = {json.dumps(ignore)}\n")
    write(project, "a.md", BAD)
    assert [rule for _, rule, _, _ in found(cli("check", "--format", "json", "."))] == expected


def test_ignore_on_the_command_line_adds_to_the_config(cli: Any, project: Path) -> None:
    write(project, "copydesk.toml", 'select = ["schema"]\n')
    write(project, "a.md", BAD)
    result = cli("check", "--format", "json", "--ignore", "schema.required", ".")
    assert [rule for _, rule, _, _ in found(result)] == ["schema.format"]


def test_vocabulary_files_are_read_relative_to_the_config(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, "style/words.txt", "# the paper's own words\nAliyev\nKoperberg  # a fire commissioner\n")
    write(project, "copydesk.toml", 'vocabulary = ["style/words.txt"]\n')
    monkeypatch.chdir(write(project, "desk/.keep", "").parent)
    config = config_mod.load(None)
    assert config.vocabulary == (project.resolve() / "style" / "words.txt",)
    accepted = words(Run(config), "accept.txt", configured=True)
    assert {"Aliyev", "Koperberg"} <= set(accepted)


@pytest.mark.parametrize(
    ("settings", "expected"),
    (
        ("", ["articles/a.md", "drafts/b.md", "notes/c.md"]),
        ('exclude = ["drafts/*"]', ["articles/a.md", "notes/c.md"]),
        ('include = ["articles/*.md"]', ["articles/a.md"]),
        ('include = ["articles/*", "drafts/*"]\nexclude = ["drafts/b.md"]', ["articles/a.md"]),
    ),
)
def test_include_and_exclude_globs(cli: Any, project: Path, settings: str, expected: list[str]) -> None:
    write(project, "copydesk.toml", f'select = ["schema.required"]\n{settings}\n')
    for name in ("articles/a.md", "drafts/b.md", "notes/c.md"):
        write(project, name, BAD)
    result = cli("check", "--format", "json", ".")
    assert sorted(Path(d["path"]).relative_to(".").as_posix() for d in result.diagnostics) == expected


@pytest.mark.parametrize("language", ("en", "en-GB", "fr", "pt-BR"))
def test_language(project: Path, language: str) -> None:
    write(project, "copydesk.toml", f'language = "{language}"\n')
    assert config_mod.load(None).language == language


@pytest.mark.parametrize(("order", "expected"), (("dmy", "2019-02-08"), ("mdy", "2019-08-02")))
def test_date_order_decides_how_a_numeric_date_is_read(cli: Any, project: Path, order: str, expected: str) -> None:
    write(project, "copydesk.toml", f'date_order = "{order}"\nselect = ["schema"]\n')
    write(project, "a.md", "---\ntitle: Budget\ndate: 8/2/2019\n---\n\nThe council met.\n")
    (d,) = cli("check", "--format", "json", ".").diagnostics
    assert (d["rule"], d["suggestions"]) == ("schema.format", [expected])


def test_per_check_tables_reach_their_check(project: Path) -> None:
    write(project, "copydesk.toml", "[spelling]\nmin_length = 3\n\n[checks]\nnames = false\n")
    config = config_mod.load(None)
    assert config.options == {"spelling": {"min_length": 3}}
    assert (config.enabled("names"), config.enabled("spelling")) == (False, True)


def test_every_check_can_be_configured() -> None:
    schema = config_mod.config_schema()
    assert set(CHECKS) <= set(schema["properties"]["checks"]["properties"])
    assert set(CHECKS) - {"schema"} <= set(schema["properties"])  # an options table for each


# -- each kind of mistake: exit status 2, the file, line and column ---------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    (
        pytest.param(
            "pyproject.toml",
            '[project]\nname = "paper"\n\n[tool.copydesk]\nlanguage = en\n',
            "pyproject.toml:5:12: not valid TOML: a value is not valid here (text must be in quotes)",
            id="bad-toml",
        ),
        pytest.param(
            "copydesk.toml",
            'select = ["schema"\nlanguage = "en"\n',
            "copydesk.toml:2:1: not valid TOML",
            id="unclosed-array",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool.copydesk]\nselect = ["schema"]\nlanguag = "en"\n',
            "pyproject.toml:3:1: tool.copydesk.languag: unknown setting 'languag'; did you mean 'language'? "
            "(known: baseline, checks, date_order, exclude, grammar, ignore, include, language, limits, names, "
            "placeholder, rules, schema, schema_refs, select, severity, sources, spelling, templates, terms, "
            "vocabulary)",
            id="unknown-setting",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool.copydesk]\nselect = ["schema"]\n\n[tool.copydesk.checks]\nschema = true\nnames = "no"\n',
            "pyproject.toml:6:10: tool.copydesk.checks.names: should be true or false, not the string 'no'",
            id="nested-table",
        ),
        pytest.param(
            "copydesk.toml",
            "checks.names = 1\n",
            "copydesk.toml:1:16: checks.names: should be true or false, not the number 1",
            id="dotted-key",
        ),
        pytest.param(
            "copydesk.toml",
            "[checks]\nspellling = true\n",
            "copydesk.toml:2:1: checks.spellling: unknown check 'spellling'; did you mean 'spelling'?",
            id="unknown-check",
        ),
        pytest.param(
            "copydesk.toml",
            'exclude = [\n  "drafts/*",\n  3,\n]\n',
            "copydesk.toml:3:3: exclude[1]: should be a string, not the number 3",
            id="multi-line-array",
        ),
        pytest.param(
            "copydesk.toml",
            'date_order = "dym"\n',
            "copydesk.toml:1:15: date_order: 'dym' is not one of 'dmy', 'mdy', 'ymd'",
            id="enum",
        ),
        pytest.param(
            "copydesk.toml",
            'language = "English"\n',
            "copydesk.toml:1:13: language: 'English' is not valid (a language code such as en, en-US, en-GB, fr)",
            id="language",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool.copydesk]\nseverity = { schema = "warning", spelling = "loud" }\n',
            "pyproject.toml:2:46: tool.copydesk.severity.spelling: 'loud' is not one of 'error', 'warning', 'info'",
            id="inline-table",
        ),
        pytest.param(
            "copydesk.toml",
            '[severity]\n"spelin.unknown" = "info"\n',
            "copydesk.toml:2:1: severity.\"spelin.unknown\": 'spelin.unknown' names no check; did you mean 'spelling'?",
            id="severity-prefix",
        ),
        pytest.param(
            "copydesk.toml",
            'select = ["schema", "sourcs"]\n',
            "copydesk.toml:1:22: select[1]: 'sourcs' names no check; did you mean 'sources'?",
            id="select-prefix",
        ),
        pytest.param(
            "copydesk.toml",
            'ignore = ["spelling.unknwn"]\n',
            "copydesk.toml:1:12: ignore[0]: 'spelling.unknwn' names no rule; did you mean 'spelling.unknown'?",
            id="ignore-rule",
        ),
        pytest.param(
            "copydesk.toml",
            '[severity]\n"names.glosary" = "info"\n',
            "copydesk.toml:2:1: severity.\"names.glosary\": 'names.glosary' names no rule;"
            " did you mean 'names.glossary'?",
            id="severity-rule",
        ),
        pytest.param(
            "copydesk.toml",
            'language = "en-XX"\n',
            "copydesk.toml:1:13: language: 'en-XX': 'XX' is no country or region code (such as en-GB, en-US, fr-CA)",
            id="language-region",
        ),
        pytest.param(
            "copydesk.toml",
            'language = "en-UK"\n',
            "copydesk.toml:1:13: language: 'en-UK': 'UK' is no country or region code (such as en-GB, en-US, fr-CA);"
            " the United Kingdom is GB: en-GB",
            id="language-uk",
        ),
        pytest.param(
            "copydesk.toml",
            'language = "xx"\n',
            "copydesk.toml:1:13: language: 'xx': 'xx' is no language code (such as en, fr, de, sw)",
            id="language-code",
        ),
        pytest.param(
            "pyproject.toml",
            '[project]\nname = "site"\n\n[tool.copydesk\nlanguage = "en-GB"\n',
            "pyproject.toml:4:15: not valid TOML: expected ']' at the end of a table declaration",
            id="table-header-without-bracket",
        ),
        pytest.param(
            "copydesk.toml",
            '# words\nvocabulary = ["words.txt"]\n',
            "copydesk.toml:2:16: vocabulary[0]: file 'words.txt' not found",
            id="missing-vocabulary",
        ),
        pytest.param(
            "copydesk.toml",
            'schema = "team.json"\n',
            "copydesk.toml:1:11: schema: schema file 'team.json' not found",
            id="missing-schema",
        ),
        pytest.param(
            "copydesk.toml",
            "[[checks]]\nschema = true\n",
            "copydesk.toml:1:1: checks: should be a table, not a list",
            id="array-of-tables",
        ),
    ),
)
def test_a_mistake_stops_the_run_at_its_line(cli: Any, project: Path, name: str, text: str, expected: str) -> None:
    write(project, name, text)
    write(project, "a.md", GOOD)
    result = cli("check", ".")
    assert result.code == 2
    assert result.out == ""
    assert f"copydesk: {project.resolve() / expected}" in result.err


def test_every_mistake_is_reported_at_once_in_file_order(cli: Any, project: Path) -> None:
    config = write(project, "copydesk.toml", 'language = 5\nlanguag = "en"\n\n[checks]\nnames = "no"\n')
    result = cli("check", ".")
    assert result.code == 2
    lines = result.err.removeprefix("copydesk: ").splitlines()
    assert [line.removeprefix(f"{config.resolve()}:").split(": ")[:2] for line in lines] == [
        ["1:12", "language"],
        ["2:1", "languag"],
        ["5:10", "checks.names"],
    ]


def test_a_config_file_named_on_the_command_line_must_exist(cli: Any, project: Path) -> None:
    result = cli("check", "--config", "nowhere.toml", ".")
    assert (result.code, result.err.strip()) == (2, "copydesk: nowhere.toml: config file not found")


def test_a_broken_team_schema_stops_the_run(cli: Any, project: Path) -> None:
    write(project, "team.json", '{"type": "object", "required": "title"}')
    write(project, "copydesk.toml", 'schema = "team.json"\nselect = ["schema"]\n')
    write(project, "a.md", GOOD)
    result = cli("check", ".")
    assert result.code == 2
    assert f"{project.resolve() / 'team.json'}: not a valid JSON Schema: at required:" in result.err


def test_config_paths_are_relative_to_the_config_file(project: Path) -> None:
    write(project, "team.json", "{}")
    write(project, "copydesk.toml", 'schema = "team.json"\nrules = "rules"\n')
    (project / "rules").mkdir()
    config = config_mod.load(project / "copydesk.toml")
    assert (config.schema, config.rules) == (project / "team.json", (project / "rules",))
    assert Config().schema.name == "article.schema.json"
