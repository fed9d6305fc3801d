"""``--output FILE``: a report written whole or not at all (a temporary file, then a rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from lint.errors import FatalError


def write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a reader sees the old file or the new one, never half."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FatalError(f"{path}: cannot write the report ({exc.strerror or exc})") from exc
    try:
        # every reporter escapes lone surrogates; "backslashreplace" keeps any other one from ending the run
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FatalError(f"{path}: cannot write the report ({exc.strerror or exc})") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
