"""Spellings of names counted over every article of a run.

``prepare()`` of the names check fills one :class:`NameIndex` and keeps it in
``run.state["names"]``: for each capitalised spelling, the articles it occurs
in (with counts), the given names seen before it, and how often it stands in a
place that proves it a name.  Lookups of close spellings go through blocking
keys (:func:`lint.names.similar.blocking_keys`), never over every pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lint.names.extract import Mention
from lint.names.similar import blocking_keys, variant_reason


@dataclass
class NameIndex:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # spelling -> path -> n
    firsts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # given names before it
    proper: Counter[str] = field(default_factory=Counter)  # mentions that prove it a name
    leads: Counter[str] = field(default_factory=Counter)  # mentions as a given name before another name
    # spelling -> path -> the given names before it there
    given: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(dict))
    nexts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # names after a given name
    paths: list[str] = field(default_factory=list)
    _blocks: dict[str, set[str]] | None = None
    _neighbours: dict[str, frozenset[str]] = field(default_factory=dict)  # asked before, since the last add()

    def add(self, path: str, mentions: Iterable[Mention]) -> None:
        self.paths.append(path)
        for m in mentions:
            self.counts[m.spelling][path] += 1
            if m.first:
                self.firsts[m.spelling][m.first] += 1
                self.given[m.spelling].setdefault(path, set()).add(m.first)
            if m.proper:
                self.proper[m.spelling] += 1
            if m.lead:
                self.leads[m.spelling] += 1
                if m.next:
                    self.nexts[m.spelling][m.next] += 1
        self._blocks = None
        self._neighbours.clear()

    def remove(self, path: str, mentions: Iterable[Mention]) -> None:
        """Take back what :meth:`add` added for ``path`` and its ``mentions``."""
        if path in self.paths:
            self.paths.remove(path)
        for m in mentions:
            _less(self.counts, m.spelling, path)
            if m.first:
                _less(self.firsts, m.spelling, m.first)
                given = self.given.get(m.spelling)
                if given is not None:
                    given.pop(path, None)
                    if not given:
                        del self.given[m.spelling]
            if m.proper:
                _drop(self.proper, m.spelling)
            if m.lead:
                _drop(self.leads, m.spelling)
                if m.next:
                    _less(self.nexts, m.spelling, m.next)
        self._blocks = None
        self._neighbours.clear()

    def several(self) -> bool:
        """True when two articles or more are indexed: an archive to compare an article with."""
        return len(self.paths) >= 2

    def articles(self, spelling: str, besides: str | None = None) -> int:
        """In how many articles ``spelling`` occurs (not counting ``besides``)."""
        found = self.counts.get(spelling)
        if not found:
            return 0
        return len(found) - (1 if besides is not None and besides in found else 0)

    def person_articles(self, spelling: str, same: Callable[[set[str]], bool], besides: str | None = None) -> int:
        """In how many articles ``spelling`` names the same person: with a given name ``same``
        accepts, or with none at all (not counting ``besides``)."""
        given = self.given.get(spelling, {})
        return sum(
            1 for path in self.counts.get(spelling, ()) if path != besides and (path not in given or same(given[path]))
        )

    def total(self, spelling: str) -> int:
        found = self.counts.get(spelling)
        return sum(found.values()) if found else 0

    def neighbours(self, spelling: str) -> set[str]:
        """Indexed spellings that may be variants of ``spelling`` (a superset: check each)."""
        found = self._neighbours.get(spelling)
        if found is None:
            found = self._neighbours[spelling] = frozenset(self._find_neighbours(spelling))
        return set(found)

    def _find_neighbours(self, spelling: str) -> set[str]:
        if self._blocks is None:
            blocks: dict[str, set[str]] = defaultdict(set)
            for s in self.counts:
                for key in blocking_keys(s):
                    blocks[key].add(s)
            self._blocks = blocks
        out: set[str] = set()
        for key in blocking_keys(spelling):
            out |= self._blocks.get(key, set())
        out.discard(spelling)
        return out

    def clusters(self, min_articles: int = 1) -> list[list[str]]:
        """Groups of close spellings (each group's most used spelling first), largest groups first."""
        seen: set[str] = set()
        out: list[list[str]] = []
        ranked = sorted(self.counts, key=lambda s: (-self.articles(s), -self.total(s), s))
        for s in ranked:
            if s in seen or self.articles(s) < min_articles:
                continue
            others = (o for o in self.neighbours(s) if o not in seen and variant_reason(o, s))
            group = [s, *sorted(others, key=lambda o: (-self.articles(o), -self.total(o), o))]
            seen.update(group)
            if len(group) > 1:
                out.append(group)
        out.sort(key=lambda g: -sum(self.articles(s) for s in g))
        return out


def _drop(counter: Counter[str], key: str) -> None:
    if counter[key] > 1:
        counter[key] -= 1
    else:
        counter.pop(key, None)


def _less(table: dict[str, Counter[str]], key: str, inner: str) -> None:
    found = table.get(key)
    if found is None:
        return
    _drop(found, inner)
    if not found:
        del table[key]
