"""--fix writes only files the user could write, keeps hard links, leaves no temporary file behind."""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lint import rewrite
from tests.conftest import TYPO_ARTICLE

fcntl = pytest.importorskip("fcntl")

# a house-term fix (a warning, so the exit status shows the write, not the finding)
TERM = TYPO_ARTICLE.replace("goverment", "government").replace("The council", "The Israelian council")
FIXED = TERM.replace("Israelian", "Israeli")


def article(folder: Path, name: str, text: str = TERM) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_read_only_file_is_not_written_and_the_others_are(cli: Any, tmp_path: Path) -> None:
    locked = article(tmp_path, "locked.md")
    locked.chmod(0o444)
    other = article(tmp_path, "other.md")
    result = cli("check", "--select", "terms", "--fix", locked, other)
    assert locked.read_text(encoding="utf-8") == TERM  # not even a superuser's run rewrites it
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == FIXED
    assert (
        f"copydesk: {locked}: not fixed: the file is read-only (mode 0444); copydesk writes only files you can write"
        in result.err.splitlines()
    )
    assert "fixed 1 finding in 1 file" in result.err
    assert result.code == 1  # a fix asked for was not made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.md", "other.md"]


def test_a_hard_link_is_kept(cli: Any, tmp_path: Path) -> None:
    first = article(tmp_path, "first.md")
    second = tmp_path / "second.md"
    os.link(first, second)
    first.chmod(0o640)
    inode = first.stat().st_ino
    result = cli("check", "--select", "terms", "--fix", first)
    assert result.code == 0, result.err
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert first.stat().st_nlink == 2
    assert second.read_text(encoding="utf-8") == FIXED  # the other name sees the fix too
    assert stat.S_IMODE(first.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.md", "second.md"]


@pytest.mark.parametrize("end", ("\r\n", "\r"))
def test_line_ends_and_mode_are_kept(cli: Any, tmp_path: Path, end: str) -> None:
    path = article(tmp_path, "budget.md", TERM.replace("\n", end))
    path.chmod(0o604)
    assert cli("check", "--select", "terms", "--fix", path).code == 0
    assert path.read_bytes() == FIXED.replace("\n", end).encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))


@pytest.mark.parametrize("links", (1, 2))
def test_a_failed_write_leaves_the_file_and_no_temporary_file(tmp_path: Path, links: int) -> None:
    """A real failure: the process may write no file longer than 200 bytes (the article is longer)."""
    long = TERM + "The vote is on Friday, and the public may speak before it for three minutes each.\n" * 3
    path = article(tmp_path, "budget.md", long)
    if links == 2:
        os.link(path, tmp_path / "also.md")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--select", "terms", "--fix", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert "budget.md: not fixed: cannot write the file: File too large" in proc.stderr
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == long  # as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["budget.md", "also.md"][:links])


@pytest.mark.skipif(os.geteuid() == 0, reason="a superuser writes into a read-only folder")
def test_a_read_only_folder_leaves_the_file_as_it_was(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = article(folder, "budget.md")
    folder.chmod(0o555)
    try:
        result = cli("check", "--select", "terms", "--fix", path)
    finally:
        folder.chmod(0o755)
    assert "not fixed: cannot write the file: Permission denied" in result.err
    assert result.code == 1
    assert [p.name for p in folder.iterdir()] == ["budget.md"]


def test_a_temporary_file_a_killed_run_left_is_removed_by_the_next(cli: Any, tmp_path: Path) -> None:
    path = article(tmp_path, "budget.md")
    stale = tmp_path / ".budget.md.k2j4x9.copydesk"
    stale.write_text("half a file", encoding="utf-8")
    busy = tmp_path / ".budget.md.busy01.copydesk"  # another run is writing this one
    busy.write_text("being written", encoding="utf-8")
    with open(busy, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert cli("check", "--select", "terms", "--fix", path).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [busy.name, "budget.md"]


def test_replace_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="a named pipe"):
        rewrite.replace(fifo, b"", b"x")
