"""Runs the three steps of :mod:`lint.pipeline` over the files of a run, in worker processes.

Pass one makes (or finds in the cache) every article's facts and merges each article's share
into the index as it comes; pass two decides on each article from its facts (read back from the
cache or the spool) and the index.  Results are taken in the run's order, whatever the number of
processes, so the output is the same with ``--jobs 1`` and ``--jobs 8``.  Neither pass keeps an
article's facts after its turn: the run holds the index, the findings and, for files with
findings, the text the report quotes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from lint import files as files_mod
from lint.article import Article
from lint.diagnostics import Diagnostic
from lint.pipeline.decide import Decided, decide, finish, use_index
from lint.pipeline.facts import Context, Facts, compute, read
from lint.pipeline.index import ArchiveIndex, Part, part
from lint.pipeline.reads import Reads, current, recording
from lint.pipeline.store import Store, index_digest
from lint.text import only_lines

T = TypeVar("T")
R = TypeVar("R")
MIN_FILES_A_WORKER = 8  # fewer files than this for each process: starting them costs more than it saves


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Task:
    number: int
    path: str
    display: str


@dataclass
class Made:
    key: str  # where the facts are in the store ("" when they travel in ``inline``)
    part: Part
    inline: Facts | None = None  # facts of a file that could not be read: a problem, no text


# ---- what a process does (in the run's process, or in a worker) --------------------------------

_WORKER: tuple[Context, Store, ArchiveIndex | None, bool] | None = None


def _start_worker(ctx: Context, store: Store, index: ArchiveIndex | None, keep: bool) -> None:
    global _WORKER
    from lint import lexicon

    lexicon._lexicon.cache_clear()  # an SQLite connection must not cross a fork: each worker opens its own
    _WORKER = (ctx, store, index, keep)


def make_facts(task: Task, ctx: Context, store: Store) -> Made:
    """The facts of one file: from the cache when its entry is there, else made and stored."""
    path = Path(task.path)
    try:
        data: bytes | None = files_mod.read_bytes(path, ctx.config.limits.max_file_bytes)
    except OSError:
        data = None  # the reader says why (a FIFO, a folder, no permission, over the size limit …)
    if data is None:
        facts = compute(read(path, task.display, None, ctx), ctx)
        return Made("", part(facts), facts)
    key = store.key(task.display, data)
    if not store.spool:
        found = store.part(key)
        if found is not None:
            return Made(key, found)
    facts = compute(read(path, task.display, data, ctx), ctx)
    p = part(facts)
    store.put(key, p, facts)
    return Made(key, p)


def _facts_in_worker(task: Task) -> Made:
    assert _WORKER is not None
    ctx, store, _, _ = _WORKER
    return make_facts(task, ctx, store)


@dataclass
class Judged:
    decided: Decided
    article: Article  # the article (--fix), or its path and, when it has findings, its text


def judge(task: Task, made: Made, ctx: Context, store: Store, keep: bool) -> Judged:
    """The article's findings: kept from the last run when its facts and the whole index are the same."""
    cacheable = bool(store.index) and not keep and ctx.pure and made.inline is None
    if not cacheable:
        return _judge(task, made, ctx, store, keep)
    kept = store.decision(made.key)
    if kept is not None:
        made_with, payload = kept
        if isinstance(payload, tuple) and len(payload) == 2 and isinstance(payload[1], Judged):
            reads, before = payload
            assert isinstance(before, Judged)
            if made_with == store.index:
                return before  # the same index: the same decision
            if isinstance(reads, Reads) and reads.hold(*current(ctx.run)):
                store.put_decision(made.key, store.index, payload)  # holds with this index too
                return before
    reads = Reads()
    with recording(ctx.run, reads):
        judged = _judge(task, made, ctx, store, keep)
    store.put_decision(made.key, store.index, (reads, judged))
    return judged


def _judge(task: Task, made: Made, ctx: Context, store: Store, keep: bool) -> Judged:
    facts = made.inline or store.facts(made.key)
    if facts is None:  # the entry went (another run trimmed the cache): made again
        path = Path(task.path)
        facts = compute(read(path, task.display, None, ctx), ctx)
    decided = decide(facts, ctx)
    a = facts.article
    shown = a if keep else Article(a.path, a.source if decided.diagnostics else "", a.format, templates=a.templates)
    return Judged(decided, shown)


def _judge_in_worker(job: tuple[Task, Made]) -> Judged:
    assert _WORKER is not None
    ctx, store, _, keep = _WORKER  # forked after use_index(): the worker's checks have the index
    return judge(job[0], job[1], ctx, store, keep)


# ---- the run ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    diagnostics: list[Diagnostic]
    articles: list[Article]


def check_files(
    found: list[tuple[Path, str]],
    ctx: Context,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    keep: bool = False,
    whole_sources: bool = True,
    progress: Progress | None = None,
) -> Outcome:
    """Every finding of the files ``found`` (path, as shown), sorted, and the articles for the report.

    ``whole_sources``: a file with findings keeps its whole text for the report (a SARIF or HTML
    report shows it, and places fixes by offset); else only the lines its findings are on, so the
    run's memory does not grow with the archive's text (the text, JSON, GitHub and GitLab reports
    and the baseline read findings by line)."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if len(found) < MIN_FILES_A_WORKER * 2:
        jobs = 1
    if jobs > 1 and not _can_fork():
        jobs = 1  # worker processes share the run's loaded checks and index by fork
    store = Store.open(ctx.config, ctx.run.explain, use_cache)
    try:
        tasks = [Task(i, str(p), shown) for i, (p, shown) in enumerate(found)]
        index = ArchiveIndex()
        made: list[Made] = []
        if progress:
            progress.start("reading", len(tasks))
        for m in _map(_facts_in_worker, tasks, jobs, (ctx, store, None, keep), lambda t: make_facts(t, ctx, store)):
            index.add(m.part)
            m.part = _EMPTY
            made.append(m)
            if progress:
                progress.step()
        use_index(ctx, index)
        # an unreadable file has no key: its place in the digest says so, by its name
        store.index = index_digest(m.key or f"unread:{t.display}" for t, m in zip(tasks, made, strict=True))
        diagnostics: list[Diagnostic] = []
        articles: list[Article] = []
        unchecked: dict[str, list[str]] = {}
        if progress:
            progress.start("checking", len(tasks))
        decide_jobs = jobs if ctx.pure else 1  # the grammar check talks to its engine from this process
        jobs_in = list(zip(tasks, made, strict=True))
        del made
        for j in _map(
            _judge_in_worker, jobs_in, decide_jobs, (ctx, store, None, keep), lambda job: judge(*job, ctx, store, keep)
        ):
            diagnostics.extend(j.decided.diagnostics)
            articles.append(j.article if keep or whole_sources else _lines_only(j.article, j.decided.diagnostics))
            for code, paths in j.decided.unchecked.items():
                unchecked.setdefault(code, []).extend(paths)
            if progress:
                progress.step()
        if progress:
            progress.done()
        finish(ctx, unchecked)
    finally:
        store.close()
    diagnostics.sort(key=Diagnostic.sort_key)
    return Outcome(diagnostics, articles)


_EMPTY = Part("")


def _lines_only(article: Article, found: list[Diagnostic]) -> Article:
    """``article`` keeping of its text only the lines of its findings (see :func:`check_files`)."""
    if not article.source:
        return article
    lines = {n for d in found for n in range(d.line, max(d.line, d.end_line) + 1)}
    kept = only_lines(article.source, lines)
    return Article(article.path, kept, article.format, templates=article.templates)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _map(
    in_worker: Callable[[T], R], items: list[T], jobs: int, state: tuple[Any, ...], here: Callable[[T], R]
) -> Iterator[R]:
    """``here`` of each item in this process (one job), else ``in_worker`` in ``jobs`` forked workers; in order."""
    if jobs <= 1:
        yield from map(here, items)
        return
    import multiprocessing  # only for a run with workers

    context = multiprocessing.get_context("fork")
    chunk = max(1, min(32, len(items) // (jobs * 8)))
    with context.Pool(jobs, initializer=_start_worker, initargs=state) as pool:
        yield from pool.imap(in_worker, items, chunksize=chunk)


def in_memory(articles: Iterable[Article], ctx: Context) -> list[Diagnostic]:
    """The findings of articles already read (``--fix`` checks what it wrote; ``init`` what it found): the
    same three steps, in this process, nothing cached."""
    facts = [compute(a, ctx) for a in articles]
    index = ArchiveIndex()
    for f in facts:
        index.add(part(f))
    use_index(ctx, index)
    out: list[Diagnostic] = []
    unchecked: dict[str, list[str]] = {}
    for f in facts:
        d = decide(f, ctx)
        out.extend(d.diagnostics)
        for code, paths in d.unchecked.items():
            unchecked.setdefault(code, []).extend(paths)
    finish(ctx, unchecked)
    out.sort(key=Diagnostic.sort_key)
    return out


class Progress:
    """Files done of all and the rate, on one line of stderr rewritten in place; shown once a pass has
    taken ``after`` seconds (a short run prints nothing)."""

    def __init__(self, stream: IO[str] | None = None, after: float = 2.0, every: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.after, self.every = after, every
        self.began = time.monotonic()
        self.shown = False
        self.label, self.total, self.count, self.pass_began, self.last = "", 0, 0, self.began, 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.count = label, total, 0
        self.pass_began = time.monotonic()

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.began < self.after or (now - self.last < self.every and self.count < self.total):
            return
        self.last = now
        rate = self.count / max(now - self.pass_began, 1e-6)
        self.stream.write(f"\rcopydesk: {self.label} {self.count}/{self.total} files ({rate:,.0f}/s)\033[K")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
