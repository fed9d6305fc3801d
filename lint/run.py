"""One run of copydesk: find the files, read them, run the checks, place the findings."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import checks as registry
from lint import skip, walk
from lint.article import Article
from lint.config import Config
from lint.diagnostics import Diagnostic, Severity
from lint.errors import FatalError
from lint.gitignore import Ignored
from lint.readers import EXTENSIONS

if TYPE_CHECKING:
    from lint.pipeline.runner import Progress


@dataclass
class Run:
    """What checks share during one run: the config, loaded rule data, cross-article state."""

    config: Config
    explain: bool = False
    state: dict[str, Any] = field(default_factory=dict)  # per-check data built in prepare()
    cache: dict[str, Any] = field(default_factory=dict)  # loaded rule files
    notices: list[str] = field(default_factory=list)  # messages for stderr from the checks

    def cached(self, key: str, make: Any) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]


@dataclass
class Result:
    diagnostics: list[Diagnostic]
    articles: list[Article]
    notices: list[str]  # messages for stderr (empty folders …)
    unwritten: tuple[str, ...] = ()  # files --fix had fixes for but could not write (read-only …)
    hidden: list[Diagnostic] = field(default_factory=list)  # found but not shown (--quiet): still counted
    skipped: list[str] = field(default_factory=list)  # files met in folders that are not articles, and why

    @property
    def files(self) -> int:
        return len(self.articles)

    def count(self, severity: Severity) -> int:
        """Findings at ``severity``, shown or hidden by --quiet: a summary's counts stay true."""
        return sum(1 for d in (*self.diagnostics, *self.hidden) if d.severity == severity)


def discover(
    paths: Sequence[str],
    config: Config,
    notices: list[str],
    skipped: list[str] | None = None,
    strict: bool = False,
) -> list[tuple[Path, str]]:
    """Article files named by ``paths`` (files, folders searched recursively, globs).

    A file met in a folder or a glob that is not a regular file (a FIFO, a device, a
    socket, a link to one), or a symbolic link leading out of the folder and the
    project, is skipped with a notice; so is, named in ``skipped`` with the reason, a
    file that is not an article (:mod:`lint.skip`) or that git ignores.  A file named
    on the command line is always taken, and the reader says why it cannot be read.
    A folder or a glob that holds no article is a notice, or with ``strict`` a mistake
    (:class:`FatalError`, after the notices met so far).
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    own = {config.schema, *config.vocabulary, *config.rules, *config.outputs}
    own = {p.resolve() for p in own}
    root = config.root.resolve()
    ignored = Ignored()
    skipped = skipped if skipped is not None else []
    empty: list[str] = []

    def add(p: Path, explicit: bool, bases: tuple[Path, ...] = (), top: Path | None = None) -> None:
        if not explicit and p.suffix.lower() not in EXTENSIONS:
            return
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a loop of symbolic links
            notices.append(f"{p}: skipped: a symbolic link that leads back to itself")
            return
        if key in seen:
            return
        if key in own:
            return
        chosen = explicit and not config.force_exclude  # --force-exclude: a named file is chosen as in a folder
        if not chosen and _excluded(p, key, root, config):
            return
        why = "" if explicit else walk.why_skipped(p, bases)
        if why:
            notices.append(f"{p}: skipped: {why}")
            return
        if not chosen:
            below = p.parent.relative_to(top).parts if top is not None and p.parent.is_relative_to(top) else ()
            why = ignored.why(p, base=top) or skip.reason(
                p, () if config.include else below
            )  # include names the folders
            if why:
                skipped.append(f"{p}: skipped: {why}")
                return
        seen.add(key)
        found.append((p, str(p)))

    def not_article_dir(top: Path) -> Callable[[Path], str]:
        return lambda sub: (
            ignored.why(sub, is_dir=True, base=top) or ("" if config.include else skip.reason_dir(sub.name))
        )

    for raw in paths:
        p = Path(raw)
        before, skipped_before = len(found), len(skipped)
        if p.is_dir():
            bases = (p.resolve(), root)
            for path in walk.walk(p, bases, notices, not_article_dir(p), skipped):
                add(path, explicit=False, bases=bases, top=p)
            if len(found) == before:
                empty.append(f"{raw}: no article files here{_why_none(len(skipped) - skipped_before)}")
        elif os.path.exists(p):
            add(p, explicit=True)  # a file, or a FIFO or device named on purpose: the reader says why not
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            hits = [Path(m) for m in matches if not Path(m).is_dir()]
            fixed = _fixed_part(raw)
            bases = (fixed.resolve(), root)
            for hit in hits:
                add(hit, explicit=False, bases=bases, top=fixed)
            if not hits:
                empty.append(f"{raw}: the pattern matches no file")
            elif len(found) == before:
                empty.append(f"{raw}: the pattern matches no article{_why_none(len(skipped) - skipped_before)}")
        else:
            raise FatalError(f"{raw}: no such file or directory")
    if empty and strict:
        raise FatalError("\n".join([*notices, *empty]))
    notices.extend(empty)
    return found


def _why_none(skipped: int) -> str:
    kinds = ", ".join(sorted(EXTENSIONS))
    if not skipped:
        return f" (article files end in {kinds})"
    return f" ({skipped} file{'s' if skipped != 1 else ''} skipped as not articles; --verbose says why)"


def _fixed_part(pattern: str) -> Path:
    """The folder a glob pattern searches: its parts before the first wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _excluded(path: Path, key: Path, root: Path, config: Config) -> bool:
    """``key``: ``path`` resolved; ``root``: the config's root, resolved."""
    try:
        rel = key.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()

    def matches(globs: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.as_posix(), g) for g in globs)

    return matches(config.exclude) or bool(config.include and not matches(config.include))


def enabled_checks(config: Config) -> list[str]:
    out = []
    for name in registry.CHECKS:
        named = any(s.split(".")[0] == name for s in config.select)  # --select grammar turns it on
        if not config.enabled(name, name not in registry.OFF_BY_DEFAULT or named):
            continue
        if config.select and not any(s.split(".")[0] == name or s in ("all", "") for s in config.select):
            continue
        if name in config.ignore and not any(s.startswith(name + ".") for s in config.select):
            continue
        out.append(name)
    return out


def check_articles(
    articles: list[Article], config: Config, explain: bool = False, notices: list[str] | None = None
) -> list[Diagnostic]:
    """The findings of articles already read, in this process (``--fix`` rechecks what it wrote)."""
    from lint.pipeline.facts import Context
    from lint.pipeline.runner import in_memory

    return in_memory(articles, Context.make(config, explain, notices))


def run(
    paths: Sequence[str],
    config: Config,
    explain: bool = False,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    keep_articles: bool = True,
    whole_sources: bool = True,
    progress: Progress | None = None,
) -> Result:
    """Check the files ``paths`` name (see :mod:`lint.pipeline`).

    ``jobs``: processes for the per-article passes (None: one a core); ``use_cache``: keep and reuse
    each article's facts in the cache folder; ``keep_articles``: the result holds every article as
    read (``--fix`` needs them), not only the path and, for a file with findings, its text
    (``whole_sources``; else the lines of its findings, see :func:`lint.pipeline.runner.check_files`).
    """
    from lint.pipeline.facts import Context
    from lint.pipeline.runner import check_files

    notices: list[str] = []
    skipped: list[str] = []
    files = discover(paths or ["."], config, notices, skipped, strict=True)
    ctx = Context.make(config, explain, notices)  # a broken schema or rule file stops the run before a file is read
    outcome = check_files(
        files, ctx, jobs=jobs, use_cache=use_cache, keep=keep_articles, whole_sources=whole_sources, progress=progress
    )
    return Result(outcome.diagnostics, outcome.articles, notices, skipped=skipped)
