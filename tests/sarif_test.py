"""--format sarif: a log code scanning accepts, pointing at the flagged words, with fixes and stable fingerprints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lint.checks import rule_table
from tests.conftest import FIXTURES, SEEDS

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)

MARKDOWN = """---
title: "Council debates the goverment budget"
date: 2026-02-01
sources:
  - https://example.org/budget
---

The council met on Tuesday to discuss the budget.

Officials said the plan would be published in spring after the vote was anounced.
"""

# escapes before the typo in the same JSON string: the column counts the file's characters
JSON_ARTICLE = (
    '{\n  "title": "Council debates the budget",\n  "date": "2026-02-01",\n'
    '  "sources": ["https://example.org/budget"],\n'
    '  "body": "The caf\\u00e9 owner said \\"we wait\\".\\n\\nOfficials met the goverment on Friday."\n}\n'
)


def sarif(cli: Any, *args: str | Path) -> dict[str, Any]:
    result = cli("check", "--format", "sarif", *args)
    assert result.code in (0, 1), result.err
    doc: dict[str, Any] = json.loads(result.out)
    return doc


def results(doc: dict[str, Any], rule: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = doc["runs"][0]["results"]
    return [r for r in found if rule is None or r["ruleId"] == rule]


def region(r: dict[str, Any]) -> dict[str, Any]:
    reg: dict[str, Any] = r["locations"][0]["physicalLocation"]["region"]
    return reg


def region_text(source: str, reg: dict[str, Any]) -> str:
    """The characters of ``source`` a SARIF region covers, columns in code points, end exclusive."""
    lines = source.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    start = starts[reg["startLine"] - 1] + reg["startColumn"] - 1
    end = starts[reg["endLine"] - 1] + reg["endColumn"] - 1
    return source[start:end]


def test_the_seeds_give_a_schema_valid_log(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS.parent.parent.parent)
    doc = sarif(cli, "tests/fixtures/seeds")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(doc)]
    assert errors == []
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "copydesk"
    assert run["columnKind"] == "unicodeCodePoints"
    found = results(doc)
    assert {r["ruleId"].split(".")[0] for r in found} >= {"spelling", "placeholder", "sources", "names", "terms"}
    for r in found:  # every region covers the words its snippet shows, in the file itself
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        source = Path(location["artifactLocation"]["uri"]).read_text(encoding="utf-8")
        assert region_text(source, location["region"]) == location["region"]["snippet"]["text"]
    (tacts,) = [r for r in found if region(r)["snippet"]["text"] == "Tacts"]
    assert tacts["ruleId"] == "spelling.unknown"
    assert tacts["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("004_95c60ba5b8cee6dd.txt")


def test_the_schema_check_is_not_vacuous(cli: Any) -> None:
    doc = sarif(cli, SEEDS)
    results(doc)[0]["level"] = "info"  # SARIF says note
    del doc["runs"][0]["tool"]["driver"]["name"]
    assert len(list(VALIDATOR.iter_errors(doc))) == 2


def test_rules_describe_every_rule_and_results_point_at_theirs(cli: Any) -> None:
    doc = sarif(cli, SEEDS)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == set(rule_table())
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in rules:
        severity, description = rule_table()[rule["id"]]
        assert rule["shortDescription"]["text"] == description
        assert description in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == levels[severity.value]
    for r in results(doc):
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note")
        assert r["message"]["text"]


@pytest.mark.parametrize(
    ("name", "text", "word"),
    (
        pytest.param("budget.md", MARKDOWN, "goverment", id="yaml-string"),
        pytest.param("budget.md", MARKDOWN, "anounced", id="markdown-body"),
        pytest.param("budget.json", JSON_ARTICLE, "goverment", id="json-string-with-escapes"),
        pytest.param("cafe.md", MARKDOWN.replace("Officials", "🎉 Café officials"), "anounced", id="astral-char"),
    ),
)
def test_regions_point_at_the_word_in_the_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, word: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (r,) = [r for r in results(sarif(cli, name)) if region(r)["snippet"]["text"] == word]
    line_no = next(i for i, line in enumerate(text.split("\n"), 1) if word in line)
    line = text.split("\n")[line_no - 1]
    column = line.index(word) + 1  # code points, as columnKind says
    assert (region(r)["startLine"], region(r)["startColumn"]) == (line_no, column)
    assert (region(r)["endLine"], region(r)["endColumn"]) == (line_no, column + len(word))
    assert r["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": name, "uriBaseId": "%SRCROOT%"}


def test_paths_are_relative_to_the_folder_it_ran_in(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "news" / "2026 spring").mkdir(parents=True)
    (tmp_path / "news" / "2026 spring" / "budget.md").write_text(MARKDOWN, encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.md").write_text(MARKDOWN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "news")
    doc = sarif(cli, "2026 spring/budget.md", outside / "other.md")
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "news").resolve().as_uri() + "/"
    uris = {json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"]) for r in results(doc)}
    assert uris == {
        json.dumps({"uri": "2026%20spring/budget.md", "uriBaseId": "%SRCROOT%"}),
        json.dumps({"uri": (outside / "other.md").as_uri()}),
    }
    assert list(VALIDATOR.iter_errors(doc)) == []


def apply(source: str, replacements: list[dict[str, Any]]) -> str:
    """Apply SARIF replacements, last first so earlier regions keep their place."""
    lines = source.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    spans = [
        (
            offset(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
            offset(r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"]),
            r["insertedContent"]["text"],
        )
        for r in replacements
    ]
    for start, end, text in sorted(spans, reverse=True):
        source = source[:start] + text + source[end:]
    return source


def test_fixes_are_those_copydesk_fix_applies(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    doc = sarif(cli, "seeds")
    fixable = [d for d in cli("check", "--format", "json", "seeds").diagnostics if d["fixable"]]
    with_fixes = [r for r in results(doc) if "fixes" in r]
    assert len(with_fixes) == len(fixable) >= 3
    assert {r["ruleId"] for r in with_fixes} >= {"terms.substitution", "names.glossary"}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for r in with_fixes:
        (change,) = r["fixes"][0]["artifactChanges"]
        assert change["replacements"][0]["deletedRegion"]["startLine"] == region(r)["startLine"]
        by_file.setdefault(change["artifactLocation"]["uri"], []).extend(change["replacements"])
    expected = {uri: apply((tmp_path / uri).read_text(encoding="utf-8"), reps) for uri, reps in by_file.items()}
    cli("check", "--fix", "seeds")
    assert {uri: (tmp_path / uri).read_text(encoding="utf-8") for uri in by_file} == expected


def fingerprint_of(cli: Any, name: str, word: str) -> tuple[int, str]:
    (r,) = [r for r in results(sarif(cli, name)) if region(r)["snippet"]["text"] == word]
    return region(r)["startLine"], r["partialFingerprints"]["copydesk/v1"]


def test_fingerprints_survive_lines_moving(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "budget.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    line, before = fingerprint_of(cli, "budget.md", "anounced")
    moved = MARKDOWN.replace("The council met", "A paragraph added above.\n\nAnother one.\n\nThe council met")
    article.write_text(moved, encoding="utf-8")
    new_line, after = fingerprint_of(cli, "budget.md", "anounced")
    assert new_line == line + 4
    assert after == before
    # the words around it are part of its identity: rewording its sentence makes it a new finding
    article.write_text(moved.replace("the vote was", "it was"), encoding="utf-8")
    assert fingerprint_of(cli, "budget.md", "anounced")[1] != before


def test_the_same_words_twice_get_two_fingerprints(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = MARKDOWN + "\nOfficials said the plan would be published in spring after the vote was anounced.\n"
    (tmp_path / "budget.md").write_text(text, encoding="utf-8")
    prints = [
        r["partialFingerprints"]["copydesk/v1"]
        for r in results(sarif(cli, "budget.md"))
        if region(r)["snippet"]["text"] == "anounced"
    ]
    assert len(prints) == len(set(prints)) == 2
