"""What one decision read of the archive's index, so that the next run can tell whether it still holds.

An article's decision (:mod:`lint.pipeline.decide`) reads the index through two objects: the
spelling check's :class:`~lint.spelling.evidence.RunEvidence` (in how many articles a word is
written, as a name, in lower case …) and the names check's :class:`~lint.names.index.NameIndex`
(the spellings of names and the articles they are in).  While it decides, both are replaced by
stand-ins that answer as they would and write down each question with its answer (:class:`Reads`).
The decision is kept with those reads; a later run whose index differs (a file was edited, added
or removed) asks the same questions of its own index, and when every answer is the same the
decision is the same: it is read back instead of made again.  A question the stand-ins do not
know (an attribute they were not built for) makes the reads unusable: that decision is always
made again, never wrongly kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from lint.run import Run


@dataclass
class Reads:
    """The questions one decision asked of the index, with the answers it got."""

    asked: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (object, question, key, answer)
    usable: bool = True

    def note(self, where: str, question: str, key: Any, answer: Any) -> Any:
        self.asked.append((where, question, key, _snapshot(answer)))
        return answer

    def hold(self, evidence: Any, names: Any) -> bool:
        """True when ``evidence`` and ``names`` (this run's index) answer every question as before."""
        if not self.usable:
            return False
        objects = {"evidence": evidence, "names": names}
        for where, question, key, answer in self.asked:
            target = objects[where]
            if target is None:
                return False
            if _snapshot(_ask(target, question, key)) != answer:
                return False
        return True


def _snapshot(value: Any) -> Any:
    """An answer as a value that compares by content and survives pickling."""
    if isinstance(value, Mapping):
        return tuple(sorted((k, _snapshot(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return frozenset(value)
    return value


_MISSING = object()


def _ask(target: Any, question: str, key: Any) -> Any:
    kind, _, name = question.partition(":")
    if kind == "attr":
        return getattr(target, name)
    if kind == "len":
        return len(getattr(target, name))
    if kind == "item":
        return getattr(target, name)[key]
    if kind == "get":
        found = getattr(target, name).get(key, _MISSING)
        return None if found is _MISSING else found
    if kind == "call":
        return getattr(target, name)(*key)
    raise ValueError(question)


class _Counter:
    """A stand-in for one counter or table of the index: ``[key]`` and ``.get(key)`` are noted."""

    def __init__(self, inner: Any, where: str, name: str, reads: Reads) -> None:
        self._inner, self._where, self._name, self._reads = inner, where, name, reads

    def __getitem__(self, key: Any) -> Any:
        return self._reads.note(self._where, f"item:{self._name}", key, self._inner[key])

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._inner.get(key, _MISSING)
        self._reads.note(self._where, f"get:{self._name}", key, None if found is _MISSING else found)
        return default if found is _MISSING else found

    def __len__(self) -> int:
        return int(self._reads.note(self._where, f"len:{self._name}", None, len(self._inner)))

    def __getattr__(self, name: str) -> Any:
        self._reads.usable = False  # a question not foreseen: the decision cannot be checked later
        return getattr(self._inner, name)


class _Stand:
    """A stand-in for the run's evidence or the names index."""

    COUNTERS: tuple[str, ...] = ()
    ATTRIBUTES: tuple[str, ...] = ()
    CALLS: tuple[str, ...] = ()

    def __init__(self, inner: Any, where: str, reads: Reads) -> None:
        self._inner, self._where, self._reads = inner, where, reads

    def __getattr__(self, name: str) -> Any:
        inner, where, reads = self._inner, self._where, self._reads
        if name in self.COUNTERS:
            return _Counter(getattr(inner, name), where, name, reads)
        if name in self.ATTRIBUTES:
            return reads.note(where, f"attr:{name}", None, getattr(inner, name))
        if name in self.CALLS:
            method: Callable[..., Any] = getattr(inner, name)

            def call(*args: Any) -> Any:
                return reads.note(where, f"call:{name}", args, method(*args))

            return call
        reads.usable = False
        return getattr(inner, name)


class EvidenceReads(_Stand):
    COUNTERS = ("as_name", "as_capital", "as_lower", "terms", "code_names")
    ATTRIBUTES = ("any", "articles", "showing_code")
    CALLS = ("about_software", "capitalised_in", "articles_with")


class NameReads(_Stand):
    COUNTERS = ("firsts", "nexts", "proper", "leads", "paths")
    CALLS = ("several", "total", "neighbours")  # articles and person_articles: below (the checks pass keywords)

    def articles(self, spelling: str, besides: str | None = None) -> int:  # keywords as the checks pass them
        found = self._inner.articles(spelling, besides)
        return int(self._reads.note(self._where, "call:articles", (spelling, besides), found))

    def person_articles(self, spelling: str, same: Callable[[set[str]], bool], besides: str | None = None) -> int:
        found = self._inner.person_articles(spelling, same, besides)
        return int(self._reads.note(self._where, "call:person_articles", (spelling, same, besides), found))


@contextmanager
def recording(run: Run, reads: Reads) -> Iterator[None]:
    """While deciding: the run's evidence and names index replaced by stand-ins noting into ``reads``."""
    from lint.checks import names, spelling

    state = spelling._state(run)
    evidence, index = state.run_evidence, run.state.get(names.STATE)
    state.run_evidence = EvidenceReads(evidence, "evidence", reads)  # type: ignore[assignment]
    if index is not None:
        run.state[names.STATE] = NameReads(index, "names", reads)
    try:
        yield
    finally:
        state.run_evidence = evidence
        if index is not None:
            run.state[names.STATE] = index


def current(run: Run) -> tuple[Any, Any]:
    """The run's evidence and names index, as :meth:`Reads.hold` asks them."""
    from lint.checks import names, spelling

    return spelling._state(run).run_evidence, run.state.get(names.STATE)
