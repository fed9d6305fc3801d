"""One project the language server checks articles of: its config, loaded checks and archive index.

A project is the folder of a config file (found from an article's folder as the CLI finds it,
:func:`lint.config.find_config`), or, with no config, the workspace folder that holds the
article.  Its archive index (names and words across every article the CLI would check there,
:mod:`lint.pipeline.index`) is loaded once, from the facts cache when its entries are there, and
kept fresh one article at a time: each check of an open document replaces that article's share
with the one of the text being edited, closing it puts back the share of the file on disk, and a
file changed on disk (``workspace/didChangeWatchedFiles``) replaces its share.

Before each check the config is looked at again (the modification time and size of the config file
and of every file it names): a changed vocabulary reloads the config and the checks and keeps the
index; a changed config file, rule file or schema loads everything again, the index too.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from lint import config as config_mod
from lint import limits
from lint.article import Article
from lint.config import Config
from lint.diagnostics import Diagnostic, Severity
from lint.errors import FatalError
from lint.pipeline.decide import decide, use_index
from lint.pipeline.facts import Context, compute, read
from lint.pipeline.index import ArchiveIndex, Part, part
from lint.pipeline.runner import Task, make_facts
from lint.pipeline.store import Store
from lint.run import discover

CONFIG_RULE = "config"  # the rule id of the one finding a broken config gives


@dataclass
class Checked:
    """What one check of a document found."""

    article: Article
    diagnostics: list[Diagnostic]


Stamp = tuple[tuple[str, int, int], ...]


def _stamp(paths: Iterable[Path]) -> Stamp:
    """When and how large each file (or each file in a folder) is, to see a change."""
    out: list[tuple[str, int, int]] = []
    for path in paths:
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        for p in found:
            try:
                st = p.stat()
            except OSError:
                out.append((str(p), -1, -1))
                continue
            out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


class Project:
    """A config's folder (or a workspace folder without one) and what checking its articles needs."""

    def __init__(self, config_path: Path | None, folder: Path) -> None:
        self.config_path = config_path
        self.folder = folder
        self.problem = ""  # why the config cannot be used (a FatalError's message)
        self.config = Config(root=folder)
        self.ctx: Context | None = None
        self.explain_ctx: Context | None = None
        self.index = ArchiveIndex()
        self.parts: dict[str, Part] = {}  # article name -> its share of the index
        self.on_disk: set[str] = set()  # the articles the CLI would check in the folder
        self.config_stamp: Stamp = ()
        self.vocabulary_stamp: Stamp = ()
        self.loaded_in = 0.0  # seconds the last full load took
        self.load()

    # ---- loading ------------------------------------------------------------------------------

    def _config_files(self) -> list[Path]:
        files = [self.config_path] if self.config_path is not None else []
        return [*files, *self.config.rules, self.config.schema]

    def load(self) -> None:
        """Read the config, load the checks and the archive index (everything again)."""
        began = time.monotonic()
        self.index, self.parts, self.on_disk = ArchiveIndex(), {}, set()
        self.ctx = self.explain_ctx = None
        if self._load_config():
            self._load_index()
        self.config_stamp = _stamp(self._config_files())
        self.vocabulary_stamp = _stamp(self.config.vocabulary)
        self.loaded_in = time.monotonic() - began

    def _load_config(self) -> bool:
        try:
            cfg = config_mod.load(self.config_path) if self.config_path is not None else Config(root=self.folder)
            limits.set_current(cfg.limits)
            ctx = Context.make(cfg)
        except FatalError as exc:
            self.problem = str(exc)
            self.config = Config(root=self.folder, path=self.config_path)
            return False
        self.problem = ""
        self.config, self.ctx = cfg, ctx
        return True

    def _load_index(self) -> None:
        assert self.ctx is not None
        notices: list[str] = []
        files = discover([str(self.folder)], self.config, notices)
        store = Store.open(self.config, False, use_cache=True)
        try:
            for number, (path, _) in enumerate(files):
                name = self.name_of(path)
                try:
                    made = make_facts(Task(number, str(path), name), self.ctx, store)
                except Exception:  # one article that breaks a check leaves the others indexed
                    continue
                self._put(name, made.part)
                self.on_disk.add(name)
        finally:
            store.close()
        use_index(self.ctx, self.index)

    def refresh(self) -> str:
        """Load again what changed on disk since the last look: "config", "vocabulary" or ""."""
        if _stamp(self._config_files()) != self.config_stamp:
            self.load()
            return "config"
        if _stamp(self.config.vocabulary) != self.vocabulary_stamp:
            self.vocabulary_stamp = _stamp(self.config.vocabulary)
            if self.problem or not self._load_config():  # the words are read with the checks
                self.load()
                return "config"
            self.explain_ctx = None
            assert self.ctx is not None
            use_index(self.ctx, self.index)  # the index is kept: see the module's docstring
            return "vocabulary"
        return ""

    # ---- the index, one article at a time ------------------------------------------------------

    def name_of(self, path: Path) -> str:
        """The name findings carry: the path from the project's folder (as ``copydesk check .`` run there
        shows it), or the whole path of a file outside it."""
        try:
            return (
                Path(os.path.relpath(path, self.folder)).as_posix() if path.is_relative_to(self.folder) else str(path)
            )
        except ValueError:
            return str(path)

    def _put(self, name: str, new: Part | None) -> None:
        old = self.parts.pop(name, None)
        if old is not None:
            self.index.remove(old)
        if new is not None:
            self.parts[name] = new
            self.index.add(new)

    def file_changed(self, path: Path, deleted: bool = False) -> None:
        """A file changed on disk: its share of the index is made again from the file (or taken out)."""
        if self.ctx is None:
            return
        name = self.name_of(path)
        if deleted or not path.is_file():
            self._put(name, None)
            self.on_disk.discard(name)
            return
        if name not in self.on_disk:
            found = discover([str(path.parent)], self.config, [])
            if not any(p.resolve() == path.resolve() for p, _ in found):
                return  # not an article the CLI would check here
            self.on_disk.add(name)
        self._put(name, part(compute(read(path, name, None, self.ctx), self.ctx)))

    def closed(self, path: Path) -> None:
        """The editor closed the document: the file on disk speaks for it again (or nothing does)."""
        if self.ctx is None:
            return
        name = self.name_of(path)
        if name in self.on_disk and path.is_file():
            self._put(name, part(compute(read(path, name, None, self.ctx), self.ctx)))
        else:
            self._put(name, None)

    # ---- checking --------------------------------------------------------------------------------

    def _explain_ctx(self) -> Context:
        if self.explain_ctx is None:
            self.explain_ctx = Context.make(self.config, explain=True)
        return self.explain_ctx

    def check(self, path: Path, text: str, explain: bool = False) -> Checked:
        """The findings of ``text``, the document for the file ``path``: the three steps of a run
        (:mod:`lint.pipeline`), with the project's index in which this text speaks for the file."""
        name = self.name_of(path)
        data = text.encode("utf-8", "surrogatepass")
        if self.ctx is None:  # the config is broken: one finding says where
            article = Article(name, text, "text")
            return Checked(article, [Diagnostic(name, 1, 1, 1, 1, CONFIG_RULE, Severity.ERROR, self.problem)])
        limits.set_current(self.config.limits)
        ctx = self._explain_ctx() if explain else self.ctx
        article = read(path, name, data, ctx)
        facts = compute(article, ctx)
        if not explain:
            self._put(name, part(facts))
        use_index(ctx, self.index)
        found = decide(facts, ctx).diagnostics
        found.sort(key=Diagnostic.sort_key)
        if not explain:
            found = [replace(d, explanation="") if d.explanation else d for d in found]  # as the CLI shows them
        return Checked(facts.article, found)
