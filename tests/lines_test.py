"""Positions follow the line ends an editor shows: CRLF, LF and a lone CR each end a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint.readers import read_path, read_text
from lint.text import LineIndex
from tests.conftest import TYPO_ARTICLE


@pytest.mark.parametrize(
    ("source", "offset", "expected"),
    (
        ("a\nb\nc", 4, (3, 1)),
        ("a\r\nb\r\nc", 6, (3, 1)),
        ("a\rb\rc", 4, (3, 1)),
        ("a\r\rb", 3, (3, 1)),  # two lone CRs: an empty line between
        ("a\r\n\nb", 4, (3, 1)),
        ("ab\rcd", 4, (2, 2)),
        ("a\r", 2, (2, 1)),
    ),
)
def test_positions(source: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(source).position(offset) == expected


@pytest.mark.parametrize("end", ("\n", "\r\n", "\r"))
def test_line_text_has_no_line_end(end: str) -> None:
    index = LineIndex(end.join(["first", "second", "third"]) + end)
    assert [index.line_text(n) for n in (1, 2, 3)] == ["first", "second", "third"]
    assert index.offset(2, 1) == len("first" + end)


@pytest.mark.parametrize("end", ("\n", "\r\n", "\r"))
def test_a_finding_has_the_line_an_editor_shows(cli: Any, tmp_path: Path, end: str) -> None:
    path = tmp_path / "budget.md"
    path.write_bytes(TYPO_ARTICLE.replace("\n", end).encode())
    result = cli("check", "--select", "spelling", path)
    assert f"{path}:8:36: error spelling.unknown 'goverment'" in result.out
    assert "    The council met on Tuesday and the goverment announced a new budget.\n" in result.out
    assert "\r" not in result.out


@pytest.mark.parametrize("end", ("\n", "\r\n", "\r"))
def test_json_and_plain_text_positions(cli: Any, tmp_path: Path, end: str) -> None:
    data = ["{", '"title": "Council votes",', '"body": "The goverment met."', "}", ""]
    (tmp_path / "a.json").write_bytes(end.join(data).encode())
    (tmp_path / "b.txt").write_bytes(end.join(["Council votes", "", "Tuesday: the goverment met.", ""]).encode())
    rows = {(d["path"][-6:], d["line"], d["column"]) for d in cli("check", "--format", "json", tmp_path).diagnostics}
    assert (f"{tmp_path}/a.json"[-6:], 3, 14) in rows
    assert (f"{tmp_path}/b.txt"[-6:], 3, 14) in rows


def test_a_utf8_error_in_a_cr_only_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"one\rtwo\rthr\xffee\r")
    (problem,) = read_path(path).problems
    assert problem.message.startswith("line 3, byte column 4: the file is not valid UTF-8")


@pytest.mark.parametrize(
    ("line", "column", "code", "name"),
    (
        ('title: "Bad \x1b[2J title"', 13, 0x1B, " (ESC)"),
        ('title: "Bell\x07"', 13, 0x07, " (BEL)"),
        ('title: "Zürich – ünïcödé €😀\x07"', 28, 0x07, " (BEL)"),  # libyaml counts bytes: not here
        ("title: Nul\x00here", 11, 0x00, " (NUL)"),
        ("title: C1\x9bhere", 10, 0x9B, ""),
    ),
)
def test_a_yaml_control_character_is_placed_at_itself(line: str, column: int, code: int, name: str) -> None:
    source = f"---\ndate: 2026-02-01\n{line}\n---\n\nText.\n"
    article = read_text("a.md", source, "markdown")
    (problem,) = article.problems
    assert LineIndex(source).position(problem.start) == (3, column)
    assert source[problem.start] == chr(code)
    assert problem.message == (
        f"front matter is not valid YAML: the control character U+{code:04X}{name} is not allowed in YAML: "
        f'delete it, or write it as "\\x{code:02x}" inside double quotes'
    )
    assert "position" not in problem.message and "<unicode string>" not in problem.message


def test_a_report_by_lines_keeps_the_lines_of_the_findings_where_they_were() -> None:
    from lint.text import LineIndex, only_lines

    source = "one\r\ntwo teh\rthree\nfour teh\n\nsix"
    kept = only_lines(source, {2, 4})
    whole, sparse = LineIndex(source), LineIndex(kept)
    assert len(sparse.starts) == len(whole.starts)  # the same lines, CRLF and a lone CR included
    assert [sparse.line_text(n) for n in (1, 2, 3, 4, 5, 6)] == [" ", "two teh", " ", "four teh", " ", ""]
    assert sparse.line_text(2)[4:7] == whole.line_text(2)[4:7] == "teh"  # the same columns
    assert len(kept) < len(source)


def test_text_and_json_reports_are_the_same_with_the_lines_of_the_findings_only(tmp_path: Path) -> None:
    import io

    from lint.config import Config
    from lint.report import REPORTERS
    from lint.run import run

    body = "\n\n".join(f"Paragraph {i} says the talks went well, " * 5 for i in range(200))
    (tmp_path / "a.md").write_text(f"---\ntitle: Talks\ndate: 2026-01-15\n---\n\n{body}\n\nThe goverment agreed.\n")
    (tmp_path / "b.md").write_text("---\ntitle: More talks\ndate: 2026-01-16\n---\n\nNothing to see, teh end.\n")
    config = Config(select=("spelling",))
    whole = run([str(tmp_path)], config, use_cache=False, keep_articles=False, whole_sources=True)
    lines = run([str(tmp_path)], config, use_cache=False, keep_articles=False, whole_sources=False)
    for fmt in ("text", "json", "github", "gitlab"):
        a, b = io.StringIO(), io.StringIO()
        REPORTERS[fmt](whole, a, False)
        REPORTERS[fmt](lines, b, False)
        assert a.getvalue() == b.getvalue(), fmt
    assert "    The goverment agreed.\n        ^^^^^^^^^\n" in a.getvalue() or fmt != "text"
    kept = {x.path: len(x.source) for x in lines.articles}
    assert sum(kept.values()) < sum(len(x.source) for x in whole.articles) / 10
