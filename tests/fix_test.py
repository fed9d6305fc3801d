"""``copydesk check --fix`` and ``--diff``: safe fixes, written byte-exact and atomically."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from lint import fix
from lint.config import Config
from lint.diagnostics import Diagnostic, Edit, Severity
from lint.readers import read_path
from lint.run import run
from tests.conftest import SEEDS, TYPO_ARTICLE

SEED_004 = SEEDS / "004_95c60ba5b8cee6dd.txt"
BOM = b"\xef\xbb\xbf"


# one typo ("goverment") in files whose other bytes a careless writer would change
AWKWARD = (
    pytest.param(
        "story.md",
        BOM
        + (
            '---\r\ntitle: "Café owners meet in Zürich"\r\ndate: 2026-02-01\r\nsources:\r\n'
            "  - https://example.org/cafe\r\n---\r\n\r\n"
            "The owners of the cafés met on Tuesday.\tThe goverment said prices rose — by 4\u00a0%.\r\n"
            "Señora Núñez said the rise was “too much”.\r\n"
        ).encode(),
        id="markdown-bom-crlf",
    ),
    pytest.param(
        "story.txt",
        (
            "Café owners meet in Zürich\r\n26/1/26\r\n"
            "The owners of the cafés met on Tuesday.\tThe goverment said prices rose — by 4\u00a0%.\r\n"
            "Señora Núñez said the rise was “too much”."
        ).encode(),
        id="text-crlf-no-final-newline",
    ),
    pytest.param(
        "story.json",
        BOM
        + (
            '{\n\t"title": "Café owners meet in Zürich",\n\t"date": "2026-02-01",\n'
            '\t"body": "The owners of the caf\\u00e9s met on Tuesday.\\tThe goverment said \\"no\\" \u2014 twice.",\n'
            '\t"sources": ["https://example.org/cafe"]\n}\n'
        ).encode(),
        id="json-bom-tabs-escapes",
    ),
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(("name", "data"), AWKWARD)
def test_only_the_fixed_word_changes(cli: Any, tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    assert data.count(b"goverment") == 1
    result = cli("check", "--fix", path)
    assert path.read_bytes() == data.replace(b"goverment", b"government")
    assert "fixed 1 finding in 1 file" in result.err


@pytest.mark.parametrize("mode", (0o600, 0o644, 0o664, 0o755))
def test_permissions_are_kept_and_no_temporary_file_is_left(cli: Any, tmp_path: Path, mode: int) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE)
    path.chmod(mode)
    assert cli("check", "--fix", path).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert "government announced" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["budget.md"]


def test_a_symbolic_link_stays_a_link(cli: Any, tmp_path: Path) -> None:
    real = write(tmp_path, "real.md", TYPO_ARTICLE)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    cli("check", "--fix", link)
    assert link.is_symlink()
    assert "government announced" in real.read_text(encoding="utf-8")


def _modify(path: Path) -> bytes:
    """An editor saves the file: same size, and even the old modification time put back."""
    before = path.stat()
    data = path.read_bytes().replace(b"Tuesday", b"Tuesdey")
    path.write_bytes(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    return data


def test_a_file_changed_since_it_was_read_is_not_touched(tmp_path: Path) -> None:
    changed = write(tmp_path, "changed.md", TYPO_ARTICLE)
    other = write(tmp_path, "other.md", TYPO_ARTICLE)
    config = Config()
    result = run([str(changed), str(other)], config)  # read before the editor saved
    saved = _modify(changed)
    after, messages = fix.fix(result, config)
    assert changed.read_bytes() == saved
    assert any(m.startswith(f"{changed}: not fixed: the file changed since copydesk read it") for m in messages)
    assert "government announced" in other.read_text(encoding="utf-8")  # the run goes on
    assert "fixed 1 finding in 1 file" in messages
    remaining = {d.path for d in after.diagnostics if d.rule == "spelling.unknown"}
    assert remaining == {str(changed)}


def test_write_refuses_a_changed_file(tmp_path: Path) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE)
    (change,) = fix.plans(run([str(path)], Config()))
    saved = _modify(path)
    with pytest.raises(fix.FileChanged):
        fix.write(change)
    assert path.read_bytes() == saved


def test_diff_shows_the_change_and_writes_nothing(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE)
    before = path.stat()
    result = cli("check", "--diff", path)
    assert result.code == 1
    name = path.as_posix().lstrip("/")
    assert result.out.splitlines()[:2] == [f"--- a/{name}", f"+++ b/{name}"]
    assert "-The council met on Tuesday and the goverment announced a new budget.\n" in result.out
    assert "+The council met on Tuesday and the government announced a new budget.\n" in result.out
    assert "would fix 1 finding in 1 file" in result.err
    assert path.read_text(encoding="utf-8") == TYPO_ARTICLE
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_diff_marks_a_last_line_without_newline(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE.rstrip("\n"))
    out = cli("check", "--diff", path).out
    assert out.endswith(
        "+The council met on Tuesday and the government announced a new budget.\n\\ No newline at end of file\n"
    )


@pytest.mark.parametrize(
    ("edits", "kept", "skipped"),
    (
        ([Edit(0, 5, "A"), Edit(3, 8, "B")], [Edit(0, 5, "A")], 1),
        ([Edit(3, 8, "B"), Edit(0, 5, "A")], [Edit(0, 5, "A")], 1),  # the first in the file is kept
        ([Edit(0, 3, "x"), Edit(3, 6, "y")], [Edit(0, 3, "x"), Edit(3, 6, "y")], 0),  # touching is not overlapping
        ([Edit(0, 3, "x"), Edit(0, 3, "x")], [Edit(0, 3, "x")], 0),  # two findings, the same fix
        ([Edit(0, 3, "x"), Edit(0, 3, "y")], [Edit(0, 3, "x")], 1),
        ([Edit(0, 9, "x"), Edit(2, 4, "y"), Edit(5, 7, "z")], [Edit(0, 9, "x")], 2),
        ([Edit(0, 3, "abc")], [], 0),  # changes nothing
        ([Edit(5, 99, "x")], [], 0),  # beyond the end of the text
    ),
)
def test_overlapping_edits(edits: list[Edit], kept: list[Edit], skipped: int) -> None:
    assert fix.select("abcdefghij", edits) == (kept, skipped)


def test_an_overlapping_fix_is_left_for_the_next_run(tmp_path: Path) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE)
    config = Config()
    result = run([str(path)], config)
    (typo,) = [d for d in result.diagnostics if d.fix is not None]
    assert typo.fix is not None
    start = typo.fix.start
    clash = Diagnostic(
        str(path), 1, 1, 1, 1, "terms.substitution", Severity.WARNING, "m", fix=Edit(start + 2, start + 5, "X")
    )
    result.diagnostics.append(clash)
    _, messages = fix.fix(result, config)
    assert "government announced" in path.read_text(encoding="utf-8")
    assert f"{path}: 1 fix overlapping another fix left out; run copydesk check --fix again to apply them" in messages


@pytest.mark.parametrize(
    ("written", "fixed"),
    (
        ("the Israelian delegation", "the Israeli delegation"),
        ("Israelian officials said", "Israeli officials said"),
        ("two israelian ministers", "two israeli ministers"),
        ("the ISRAELIAN DELEGATION", "the ISRAELI DELEGATION"),
    ),
)
def test_a_term_fix_keeps_the_case(cli: Any, tmp_path: Path, written: str, fixed: str) -> None:
    path = write(tmp_path, "talks.md", TYPO_ARTICLE.replace("the goverment", written))
    cli("check", "--fix", "--select", "terms", path)
    assert path.read_text(encoding="utf-8") == TYPO_ARTICLE.replace("the goverment", fixed)


def test_the_seed_headline_is_fixed_and_what_remains_is_reported_where_it_now_is(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / SEED_004.name
    shutil.copy(SEED_004, path)
    original = SEED_004.read_text(encoding="utf-8")
    result = cli("check", "--fix", "--format", "json", path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "Israeli President Isaac Herzog to Visit Azerbaijan to Strengthen Regional Tacts"
    assert lines[1].startswith("Israeli President Isaac Herzog is set to embark")
    assert text == original.replace("Israelian", "Israeli", 1).replace("Ishaq Herzog", "Isaac Herzog")
    assert "fixed 3 findings in 1 file" in result.err
    rows = result.diagnostics
    assert not [d for d in rows if d["rule"].split(".")[0] in ("terms", "names")]
    (tacts,) = [d for d in rows if d["rule"] == "spelling.unknown" and d["line"] == 1]
    assert lines[0][tacts["column"] - 1 : tacts["end_column"] - 1] == "Tacts"
    assert result.code == 1  # the typo without one clear correction and the missing date remain


def test_exit_status_follows_what_remains(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "budget.md", TYPO_ARTICLE)
    assert cli("check", path).code == 1
    assert cli("check", "--diff", path).code == 1
    fixed = cli("check", "--fix", path)
    assert fixed.code == 0
    assert "1 file checked: no problems found" in fixed.out
    assert cli("check", path).code == 0
    again = cli("check", "--diff", path)
    assert (again.code, again.out) == (0, "")


FRONT_MATTER = """---
title: "Council approves the new budget"
date: 2026-03-14
sources:
  - https://example.org/budget
faq:
  - question: "When will the work start?"
    answer: "The \\"plan\\" says the goverment will start in June.\\tIt lasts four months at the caf\\u00e9."
---

The council voted on Thursday to approve the budget of the city.
"""

JSON_ARTICLE = """{
  "title": "Council approves the new budget",
  "date": "2026-03-14",
  "body": "The council voted on Thursday.\\nThe goverment said the \\"plan\\" was ready.",
  "sources": ["https://example.org/budget"]
}
"""


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    (
        (
            "faq.md",
            FRONT_MATTER,
            {
                "faq": [
                    {"answer": 'The "plan" says the government will start in June.\tIt lasts four months at the café.'}
                ]
            },
        ),
        (
            "story.json",
            JSON_ARTICLE,
            {"body": 'The council voted on Thursday.\nThe government said the "plan" was ready.'},
        ),
    ),
)
def test_a_fix_inside_yaml_or_json_strings_keeps_the_metadata_valid(
    cli: Any, tmp_path: Path, name: str, data: str, expected: dict[str, Any]
) -> None:
    path = write(tmp_path, name, data)
    assert cli("check", "--fix", path).code == 0
    assert path.read_text(encoding="utf-8") == data.replace("goverment", "government")
    again = read_path(path)
    assert again.problems == []
    for key, value in expected.items():
        if key == "faq":
            assert again.faq is not None and again.faq[0].answer is not None
            assert again.faq[0].answer.value == value[0]["answer"]
        else:
            assert again.meta[key] == value


def test_a_fix_that_would_break_the_front_matter_is_left_out(cli: Any, tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "terms.yaml").write_text("terms:\n  - use: O'Brien\n    instead_of: [OBrien]\n", encoding="utf-8")
    config = write(tmp_path, "copydesk.toml", 'rules = ["house/"]\n')
    article = TYPO_ARTICLE.replace('title: "Council votes on the budget"', "title: 'OBrien and the budget'")
    path = write(tmp_path, "budget.md", article.replace("on Tuesday", "with OBrien on Tuesday"))
    result = cli("check", "--config", config, "--fix", path)
    text = path.read_text(encoding="utf-8")
    assert "title: 'OBrien and the budget'" in text  # "'O'Brien and …'" would not be YAML
    assert "with O'Brien on Tuesday and the government" in text  # the body's fixes are made
    assert f"{path}: 1 fix left out: written as is, it would break the metadata; make it by hand" in result.err
    assert read_path(path).problems == []


@pytest.mark.parametrize(
    ("replacement", "applied"),
    (
        ("decides", True),
        ("votes: yes", False),  # a plain YAML value with ": " in it is not YAML
        ("votes #1", False),  # " #" starts a comment: the title would lose its end
        ("'votes'", True),  # quotes inside a plain value are just characters
    ),
)
def test_a_metadata_fix_must_read_back_as_the_same_value_but_the_word(
    tmp_path: Path, replacement: str, applied: bool
) -> None:
    path = write(
        tmp_path, "budget.md", TYPO_ARTICLE.replace('"Council votes on the budget"', "Council votes on the budget")
    )
    article = read_path(path)
    start = article.source.index("votes")
    wanted = Diagnostic(
        str(path), 2, 16, 2, 21, "terms.substitution", Severity.WARNING, "m", fix=Edit(start, start + 5, replacement)
    )
    change = fix.plan(article, [wanted])
    assert (change.changed, change.breaking) == (applied, 0 if applied else 1)


def test_a_fixed_file_is_read_again_with_the_site_s_templates(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the site renders Liquid: after the fix, the re-read article still reads {{ site.url }} as code
    (tmp_path / "copydesk.toml").write_text('templates = ["liquid"]\nselect = ["spelling", "placeholder"]\n')
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: News\n---\n\nThe goverment site is at {{ site.url }} for all to read.\n")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--fix", "--format", "json", "post.md")
    assert post.read_text().count("government site is at {{ site.url }}") == 1
    assert result.code == 0, result.err
    assert result.diagnostics == []
