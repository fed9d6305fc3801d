"""A baseline lets an old archive adopt copydesk: only findings made after it are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES

POSTS = FIXTURES / "schema" / "18f"  # three real 18F posts (CC0, see NOTICE.txt there)
NUMBERS = "2015-03-19-18f-by-the-numbers.md"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The posts in ``posts/`` of the working folder."""
    folder = tmp_path / "posts"
    folder.mkdir()
    for post in POSTS.glob("*.md"):
        shutil.copy(post, folder / post.name)
    monkeypatch.chdir(tmp_path)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_baseline_makes_the_next_run_pass(cli: Any, archive: Path) -> None:
    before = cli("check", "--format", "json", "posts")
    assert before.code == 1 and before.json["summary"]["errors"] >= 3
    written = cli("check", "--write-baseline", "baseline.json", "posts")
    assert (written.code, written.out) == (0, "")
    assert f"wrote {len(before.diagnostics)} findings to baseline.json" in written.err
    after = cli("check", "--format", "json", "--baseline", "baseline.json", "posts")
    assert (after.code, after.diagnostics) == (0, [])


def test_one_new_typo_is_the_one_finding(cli: Any, archive: Path) -> None:
    cli("check", "--write-baseline", "baseline.json", "posts")
    edit(archive / NUMBERS, "during our first year. \n", "during our frist year. \n")  # the body, not the excerpt
    result = cli("check", "--format", "json", "--baseline", "baseline.json", "posts")
    assert result.code == 1
    ((d,),) = [result.diagnostics]
    assert (d["path"], d["rule"], d["line"], d["column"]) == (f"posts/{NUMBERS}", "spelling.unknown", 19, 136)


def test_a_paragraph_above_does_not_make_a_finding_new(cli: Any, archive: Path) -> None:
    cli("check", "--write-baseline", "baseline.json", "posts")
    post = archive / NUMBERS
    old = {(d["rule"], d["line"]) for d in cli("check", "--format", "json", post).diagnostics}
    edit(post, "## By the projects", "A new paragraph.\n\nAnd a second one.\n\n## By the projects")
    moved = {(d["rule"], d["line"]) for d in cli("check", "--format", "json", post).diagnostics}
    assert moved == {(rule, line + 4 if line > 1 else line) for rule, line in old}  # the lines did move
    result = cli("check", "--format", "json", "--baseline", "baseline.json", "posts")
    assert (result.code, result.diagnostics) == (0, [])


def test_rewriting_drops_fixed_findings(cli: Any, archive: Path) -> None:
    edit(archive / NUMBERS, "Number of stars", "Numbr of stars")
    cli("check", "--write-baseline", "baseline.json", "posts")
    first = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e for e in first if e["text"] == "Numbr"]
    edit(archive / NUMBERS, "Numbr of stars", "Number of stars")
    assert cli("check", "--write-baseline", "baseline.json", "posts").code == 0
    second = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e for e in first if e["text"] != "Numbr"] == second


DOUBLE = """---
title: "Council votes on the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
---

The goverment met.

The goverment met.
"""


def test_the_same_finding_twice_is_counted(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = Path("budget.md")
    article.write_text(DOUBLE, encoding="utf-8")
    cli("check", "--write-baseline", "baseline.json", article)
    (entry,) = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert (entry["file"], entry["text"], entry["count"]) == ("budget.md", "goverment", 2)
    assert cli("check", "--baseline", "baseline.json", article).code == 0
    article.write_text(DOUBLE + "\nThe goverment met.\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--baseline", "baseline.json", article)
    assert result.code == 1
    assert [(d["rule"], d["line"]) for d in result.diagnostics] == [("spelling.unknown", 12)]


def test_the_file_is_stable_and_has_no_line_numbers(cli: Any, archive: Path) -> None:
    cli("check", "--write-baseline", "one.json", "posts")
    cli("check", "--write-baseline", "two.json", f"posts/{NUMBERS}", "posts")
    one = Path("one.json").read_bytes()
    assert one == Path("two.json").read_bytes()
    doc = json.loads(one)
    assert (doc["copydesk"], doc["version"]) == ("baseline", 1)
    entries = doc["findings"]
    assert all(set(e) == {"file", "rule", "text", "before", "after", "count"} for e in entries)
    assert entries == sorted(entries, key=lambda e: (e["file"], e["rule"], e["text"], e["before"], e["after"]))
    assert sorted(p.name for p in Path().iterdir()) == ["one.json", "posts", "two.json"]  # no temporary file left


def test_paths_are_relative_to_the_baseline(cli: Any, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("check", "--write-baseline", "baseline.json", "posts")
    monkeypatch.chdir(archive)
    edit(archive / NUMBERS, "## By the projects", "## By the prjects")
    result = cli("check", "--format", "json", "--baseline", "../baseline.json", ".")
    assert [d["message"].split("'")[1] for d in result.diagnostics] == ["prjects"]


@pytest.mark.parametrize(
    ("content", "says"),
    (
        (None, "no such baseline file"),
        ("{not json", "baseline.json:1:2: not a copydesk baseline"),
        ('{"findings": []}', "not a copydesk baseline"),
        ('{"copydesk": "baseline", "version": 9, "findings": []}', "baseline version 9"),
        ('{"copydesk": "baseline", "version": 1, "findings": [{"file": "a.md"}]}', "finding 1 of the baseline"),
        (
            '{"copydesk": "baseline", "version": 1, "findings": [{"file": "a.md", "rule": "spelling.unknown",'
            ' "text": "x", "before": "", "after": "", "count": 0}]}',
            "count",
        ),
    ),
)
def test_a_bad_baseline_is_a_usage_error(cli: Any, archive: Path, content: str | None, says: str) -> None:
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    result = cli("check", "--baseline", "baseline.json", "posts")
    assert result.code == 2
    assert result.err.startswith("copydesk: baseline.json") and says in result.err


def test_reading_and_writing_at_once_is_refused(cli: Any, archive: Path) -> None:
    result = cli("check", "--baseline", "a.json", "--write-baseline", "b.json", "posts")
    assert result.code == 2 and "cannot be used together" in result.err
