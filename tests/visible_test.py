"""Control characters in an article or a file name are shown escaped, never written raw."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from lint.report.visible import json_text, visible
from tests.conftest import TYPO_ARTICLE

# clear the screen, set the window title, a hyperlink, a bell, an 8-bit CSI
HOSTILE = "\x1b[2J\x1b]0;owned\x07 \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ \x9b31m"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what must never reach the terminal


@pytest.mark.parametrize(
    ("text", "shown"),
    (
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("bell\x07", "bell\\x07"),
        ("tab\tkept", "tab\tkept"),
        ("line\nend", "line\\x0aend"),
        ("csi\x9b1m del\x7f", "csi\\x9b1m del\\x7f"),
        ("naïve – ok", "naïve – ok"),
    ),
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_json_text_reads_back_the_same() -> None:
    value = {"m": "a\x9bb\x7fc\x1bd"}
    text = json_text(json.dumps(value, ensure_ascii=False))
    assert RAW.search(text) is None
    assert json.loads(text) == value


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An article named with escape sequences, holding them beside a typo."""
    path = tmp_path / "news\x1b[31m\x07.md"
    path.write_text(TYPO_ARTICLE.replace("a new budget.", "a new budget. " + HOSTILE), encoding="utf-8")
    return path


def test_text_output_shows_them_escaped(cli: Any, hostile: Path) -> None:
    result = cli("check", "--color", hostile)
    ours = result.out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[2m", "")
    ours = re.sub(r"\x1b\[3[136]m", "", ours)  # copydesk's own colours: the only escapes written
    assert RAW.search(ours) is None
    assert "news\\x1b[31m\\x07.md:8:36:" in ours
    assert "budget. \\x1b[2J\\x1b]0;owned\\x07 \\x1b]8;;https://evil.example/\\x1b\\here" in ours


def test_the_underline_stays_under_the_word(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(TYPO_ARTICLE.replace("The council", "\x1b[2J The council"), encoding="utf-8")
    lines = cli("check", "--no-color", path).out.splitlines()
    (i,) = [k for k, line in enumerate(lines) if "spelling.unknown" in line]
    shown, marks = lines[i + 1], lines[i + 2]
    assert shown[marks.index("^") : marks.rindex("^") + 1] == "goverment"


@pytest.mark.parametrize("fmt", ("json", "sarif", "gitlab"))
def test_json_formats_stay_valid_and_raw_free(cli: Any, hostile: Path, fmt: str) -> None:
    result = cli("check", "--format", fmt, hostile)
    assert RAW.search(result.out) is None
    doc = json.loads(result.out)
    if fmt == "json":
        assert doc["diagnostics"][0]["path"] == str(hostile)  # the same name, escaped only as JSON


def test_github_annotations_show_them_escaped(cli: Any, hostile: Path) -> None:
    result = cli("check", "--format", "github", hostile)
    assert RAW.search(result.out) is None
    assert "file=" in result.out and "news\\x1b[31m\\x07.md" in result.out


def test_stderr_notices_show_them_escaped(cli: Any, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "\x1b]0;title\x07.md")
    result = cli("check", tmp_path)
    assert RAW.search(result.err) is None
    assert "\\x1b]0;title\\x07.md: skipped: a named pipe (FIFO)" in result.err


def test_a_missing_path_with_escapes(cli: Any) -> None:
    result = cli("check", "\x07\x1b]0;nowhere.md")
    assert result.code == 2
    assert result.err == "copydesk: \\x07\\x1b]0;nowhere.md: no such file or directory\n"


def test_diff_is_escaped_on_a_terminal_and_exact_in_a_pipe(tmp_path: Path) -> None:
    import pty
    import subprocess
    import sys

    path = tmp_path / "a.md"
    path.write_text(TYPO_ARTICLE.replace("a new budget.", "a new \x1b]0;title\x07 budget."), encoding="utf-8")
    command = [sys.executable, "-m", "lint", "check", "--diff", "--select", "spelling", path.name]
    piped = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert b"+The council met on Tuesday and the government announced a new \x1b]0;title\x07 budget." in piped.stdout
    leader, follower = pty.openpty()
    with subprocess.Popen(command, cwd=tmp_path, stdout=follower, stderr=subprocess.DEVNULL) as proc:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            shown += chunk
        proc.wait(timeout=120)
    os.close(leader)
    assert b"announced a new \\x1b]0;title\\x07 budget." in shown
    assert b"\x1b" not in shown and b"\x07" not in shown
