"""Writing a fixed file over the one that was read: only a file the user could write, nothing left behind.

- A file without write permission (mode 0444, say) is not written, not even by a
  superuser who could: :class:`ReadOnly` says so.  Neither is a file that is not a
  regular file, nor one whose bytes changed since they were read (:class:`FileChanged`).
- A file with one name is replaced atomically: the new bytes go to a temporary
  file in the same folder (``.<name>.<random>.copydesk``) with the original's mode
  and owner, flushed to disk, then renamed over the original (through a
  symbolic link, not over it).  If anything fails the temporary file is removed.
- A file with more than one hard link is written in place, so every name keeps
  seeing the same file (a rename would leave the other names on the old bytes):
  the new bytes are written over the old ones and the file cut to their length;
  if that fails the old bytes are put back.
- A temporary file is locked while it is written; one that no process holds (left
  by a run that was killed) is removed by the next run that fixes the file.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from pathlib import Path

from lint import files

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".copydesk"


class FileChanged(Exception):
    """The file on disk is no longer what was read: it is not written."""


class ReadOnly(OSError):
    """The file has no write permission for whoever runs copydesk: it is not written."""


def replace(path: str | Path, old: bytes, new: bytes) -> None:
    """Write ``new`` over the file at ``path``, which must still hold ``old``.

    Raises :class:`FileChanged`, :class:`ReadOnly`, ``OSError`` (and ``NotAFile``).
    """
    target = Path(os.path.realpath(path))  # through a symbolic link, not over it
    before = target.stat()
    if not stat.S_ISREG(before.st_mode):
        raise files.NotAFile(0, f"{files.kind(before.st_mode)}, not a regular file", str(path))
    mode = stat.S_IMODE(before.st_mode)
    if not before.st_mode & 0o222:
        why = f"the file is read-only (mode {mode:04o}); copydesk writes only files you can write"
        raise ReadOnly(0, why, str(path))
    if not os.access(target, os.W_OK):
        raise ReadOnly(0, f"you may not write the file (mode {mode:04o}, or a read-only file system)", str(path))
    if files.read_bytes(target) != old:
        raise FileChanged(str(path))
    _clean_stale(target)
    if before.st_nlink > 1:
        _in_place(target, before, old, new, str(path))
    else:
        _atomic(target, before, new, str(path))
    _sync_folder(target.parent)


def _unchanged(target: Path, before: os.stat_result, shown: str) -> None:
    now = target.stat()
    if (now.st_mtime_ns, now.st_size, now.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
        raise FileChanged(shown)


def _atomic(target: Path, before: os.stat_result, data: bytes, shown: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=SUFFIX, dir=target.parent)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held until the rename: not stale
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.chmod(tmp, stat.S_IMODE(before.st_mode))
        if hasattr(os, "chown") and (before.st_uid, before.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # only the owner's superuser may give it back
                os.chown(tmp, before.st_uid, before.st_gid)
        _unchanged(target, before, shown)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)


def _in_place(target: Path, before: os.stat_result, old: bytes, new: bytes, shown: str) -> None:
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if os.fstat(fd).st_ino != before.st_ino:
            raise FileChanged(shown)
        _unchanged(target, before, shown)
        try:
            _write_all(fd, new)
        except BaseException:
            with contextlib.suppress(OSError):  # put the old bytes back: they fitted before
                _write_all(fd, old)
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _clean_stale(target: Path) -> None:
    """Remove temporary files of ``target`` that a killed run left: those no process holds locked."""
    if fcntl is None:
        return
    pattern = os.path.join(glob.escape(str(target.parent)), f".{glob.escape(target.name)}.*{SUFFIX}")
    for leftover in glob.glob(pattern, include_hidden=True):
        try:
            fd = os.open(leftover, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # another run is writing it
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(leftover)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
