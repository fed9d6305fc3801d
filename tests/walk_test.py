"""Folder walks and named files: never a read of a FIFO, a device or a socket; links followed only inside."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lint import files
from tests.conftest import TYPO_ARTICLE

CLEAN = TYPO_ARTICLE.replace("goverment", "government")
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")


def copydesk(*args: str | Path, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A real process with a deadline: a read that blocks fails the test instead of hanging it."""
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """Two articles, a FIFO, a socket, links to /dev/zero, to a FIFO and to nothing."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "good.md").write_text(CLEAN, encoding="utf-8")
    (content / "typo.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    os.mkfifo(content / "pipe.md")
    (content / "zero.md").symlink_to("/dev/zero")
    (content / "to-pipe.txt").symlink_to(content / "pipe.md")
    (content / "gone.md").symlink_to(content / "missing.md")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(content / "sock.md"))
    yield content
    sock.close()


def test_special_files_in_a_folder_are_skipped_with_a_notice(folder: Path) -> None:
    proc = copydesk(folder.name, cwd=folder.parent)
    assert proc.returncode == 1, proc.stderr  # the typo; the special files are no error
    assert "2 files checked" in proc.stdout
    assert "content/typo.md:8:36: error spelling.unknown" in proc.stdout
    notices = proc.stderr.splitlines()
    assert "copydesk: content/pipe.md: skipped: a named pipe (FIFO), not a regular file" in notices
    assert "copydesk: content/sock.md: skipped: a socket, not a regular file" in notices
    assert (
        "copydesk: content/zero.md: skipped: a symbolic link to a character device (/dev/zero), not a regular file"
        in notices
    )
    assert any(n.startswith("copydesk: content/to-pipe.txt: skipped: a symbolic link to a named pipe") for n in notices)
    assert any(n.startswith("copydesk: content/gone.md: skipped: a symbolic link to nothing") for n in notices)


def test_a_glob_skips_them_too(folder: Path) -> None:
    proc = copydesk("content/*.md", cwd=folder.parent)
    assert proc.returncode == 1
    assert "2 files checked" in proc.stdout
    assert "content/pipe.md: skipped: a named pipe (FIFO)" in proc.stderr


@pytest.mark.parametrize(
    ("name", "what"),
    (
        ("pipe.md", "a named pipe (FIFO)"),
        ("zero.md", "a symbolic link to a character device (/dev/zero)"),
        ("/dev/zero", "a character device"),
        ("sock.md", "a socket"),
    ),
)
def test_a_special_file_named_on_the_command_line_is_an_error_naming_it(folder: Path, name: str, what: str) -> None:
    proc = copydesk(name, "good.md", cwd=folder)
    assert proc.returncode == 1  # as for a file that cannot be read; the other file is still checked
    assert f"{name}:1:1: error schema.syntax cannot read the file: {what}, not a regular file" in proc.stdout
    assert "2 files checked" in proc.stdout


def test_read_bytes_refuses_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    with pytest.raises(files.NotAFile, match="a named pipe"):
        files.read_bytes(fifo)  # an open() of a FIFO with no writer would block here
    with pytest.raises(files.NotAFile, match="a folder"):
        files.read_bytes(tmp_path)
    (tmp_path / "a.md").write_bytes(b"text")
    assert files.read_bytes(tmp_path / "a.md") == b"text"


def test_links_to_files_are_followed_inside_the_project_only(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "shared").mkdir()
    (project / "shared" / "typo.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    (project / "content" / "linked.md").symlink_to(project / "shared" / "typo.md")
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text(TYPO_ARTICLE, encoding="utf-8")
    (project / "content" / "outside.md").symlink_to(elsewhere)
    monkeypatch.chdir(project)
    result = cli("check", "content")
    assert "content/linked.md:8:36: error spelling.unknown" in result.out  # inside the project: followed
    assert "1 file checked" in result.out
    assert (
        f"copydesk: content/outside.md: skipped: a symbolic link to a file outside the project ({elsewhere.resolve()})"
        in (result.err)
    )


def test_links_to_folders_never_loop(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    (content / "a" / "b").mkdir(parents=True)
    (content / "a" / "b" / "typo.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    (content / "a" / "b" / "up").symlink_to(content / "a")  # a loop
    (content / "again").symlink_to(content / "a")  # the same folder a second time
    (content / "self").symlink_to(".")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "content")
    assert result.code == 1
    assert "1 file checked" in result.out
    assert "copydesk: content/a/b/up: skipped: a symbolic link back to a folder above it (a loop)" in result.err
    assert "copydesk: content/self: skipped: a symbolic link back to a folder above it (a loop)" in result.err


def test_a_link_to_a_folder_outside_is_skipped(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "project" / "content").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "typo.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    (tmp_path / "project" / "content" / "other").symlink_to(tmp_path / "other")
    (tmp_path / "project" / "content" / "good.md").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "project")
    result = cli("check", "content")
    assert result.code == 0
    assert (
        f"content/other: skipped: a symbolic link to a folder outside the project ({(tmp_path / 'other').resolve()})"
        in (result.err)
    )


def test_a_word_list_that_is_a_fifo_stops_the_run_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "words.txt")
    (tmp_path / "copydesk.toml").write_text('vocabulary = ["words.txt"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    proc = copydesk("a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "words.txt: cannot read the word list: a named pipe (FIFO), not a regular file" in proc.stderr
