"""What git ignores: the ``.gitignore`` files of a folder walk, matched as git matches them (with pathspec).

The ``.gitignore`` of every folder from the repository's top (the nearest folder above
holding ``.git``) down to the file count, each for the paths below its own folder, the
deeper one deciding; so does ``.git/info/exclude``.  A folder git ignores is not walked.
Outside a repository the ``.gitignore`` files from the folder walked (or the project's folder) down count.
"""

from __future__ import annotations

import os
from pathlib import Path

import pathspec

from lint import files


class Ignored:
    """The ignore rules met so far in one run, by folder (resolved)."""

    def __init__(self) -> None:
        self._specs: dict[Path, tuple[pathspec.GitIgnoreSpec, str] | None] = {}
        self._tops: dict[Path, Path | None] = {}

    def _top(self, folder: Path) -> Path | None:
        """The folder of the repository holding ``folder`` (with ``.git``), if any."""
        if folder not in self._tops:
            top = None
            for candidate in (folder, *folder.parents):
                if os.path.exists(candidate / ".git"):
                    top = candidate
                    break
            self._tops[folder] = top
        return self._tops[folder]

    def _spec(self, folder: Path, top: Path | None) -> tuple[pathspec.GitIgnoreSpec, str] | None:
        if folder not in self._specs:
            lines: list[str] = []
            names = [".gitignore"] + ([".git/info/exclude"] if folder == top else [])
            shown = ""
            for name in names:
                candidate = folder / name
                if not candidate.is_file():
                    continue
                try:
                    text = files.read_text(candidate)
                except (OSError, UnicodeDecodeError, ValueError):
                    continue
                lines.extend(text.splitlines())
                shown = shown or str(candidate)
            self._specs[folder] = (pathspec.GitIgnoreSpec.from_lines(lines), shown) if lines else None
        return self._specs[folder]

    def why(self, path: Path, is_dir: bool = False, base: Path | None = None) -> str:
        """Which ``.gitignore`` ignores ``path`` ("" when none does).

        ``base``: the folder walked; outside a repository the ``.gitignore`` files from it down count.
        """
        try:
            real = Path(os.path.realpath(path))
        except (OSError, RuntimeError):
            return ""
        parent = real.parent
        top = self._top(parent)
        stop = top if top is not None else Path(os.path.realpath(base)) if base is not None else parent
        folders = [f for f in (parent, *parent.parents) if f == stop or f.is_relative_to(stop)]
        verdict: tuple[bool, str] | None = None
        for folder in reversed(folders):  # the top first: a deeper .gitignore overrides it
            entry = self._spec(folder, top)
            if entry is None:
                continue
            spec, shown = entry
            rel = real.relative_to(folder).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                verdict = (result.include, shown)
        return f"ignored by git ({verdict[1]})" if verdict and verdict[0] else ""
