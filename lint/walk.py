"""Walking a folder for article files: symbolic links followed only inside the project, never in a loop.

A symbolic link to a folder is followed when the folder it leads to is inside the
folder being walked or the project (the config file's folder, else the current
folder) and has not been walked already; a link that leads back to a folder above
it is a loop and is skipped with a notice, as is a link to a folder outside.
Files are yielded as they are met; :func:`outside` and :func:`why_skipped` say
which of them are not read (links leading out of the project, FIFOs, devices,
sockets, links to nothing).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lint import files

# folders no article lives in
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", "_site", ".tox", ".mypy_cache"}


def inside(target: Path, bases: Iterable[Path]) -> bool:
    """True when the resolved ``target`` is one of ``bases`` (resolved) or inside one."""
    return any(target == base or target.is_relative_to(base) for base in bases)


def walk(
    folder: Path,
    bases: tuple[Path, ...],
    notices: list[str],
    skip_dir: Callable[[Path], str] | None = None,
    skipped: list[str] | None = None,
) -> Iterator[Path]:
    """Every file under ``folder`` (sorted, folder by folder); ``bases``: where links may lead (resolved).

    ``skip_dir`` says why a folder below ``folder`` holds no article ("" to walk it); each such
    folder is left out and named in ``skipped`` with the reason.
    """
    scheduled = {Path(os.path.realpath(folder))}
    for here, dirs, names in os.walk(folder, followlinks=True):
        real_here = Path(os.path.realpath(here))
        keep = []
        for name in sorted(dirs):
            if name in SKIP_DIRS or name.startswith("."):
                continue
            sub = Path(here) / name
            why = skip_dir(sub) if skip_dir is not None else ""
            if why:
                if skipped is not None:
                    skipped.append(f"{sub}/: skipped: {why}")
                continue
            target = Path(os.path.realpath(sub))
            if os.path.islink(sub):
                if target == real_here or real_here.is_relative_to(target):
                    notices.append(f"{sub}: skipped: a symbolic link back to a folder above it (a loop)")
                    continue
                if not inside(target, bases):
                    notices.append(f"{sub}: skipped: a symbolic link to a folder outside the project ({target})")
                    continue
            if target in scheduled:  # reached twice through links: its files are checked once
                continue
            scheduled.add(target)
            keep.append(name)
        dirs[:] = keep
        for name in sorted(names):
            yield Path(here) / name


def why_skipped(path: Path, bases: tuple[Path, ...]) -> str:
    """Why a file met in a walk or a glob is not read, or "" when it is read."""
    what = files.special(path)
    if what:
        return f"{what}, not a regular file"
    if os.path.islink(path):
        if not os.path.exists(path):
            return f"a symbolic link to nothing ({os.readlink(path)} does not exist)"
        target = Path(os.path.realpath(path))
        if not inside(target, bases):
            return f"a symbolic link to a file outside the project ({target})"
    return ""
