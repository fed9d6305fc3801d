"""Step 2: the archive's evidence, merged from every article's share of its facts.

An article adds one :class:`Part` (a few sets of words and its name mentions' spellings);
:class:`ArchiveIndex` merges parts in the run's order.  Its size is the archive's vocabulary and
names, not its text.  Two indexes made over different articles could be merged the same way
(the counts add up), which is what a run on a cluster would do (README, "Archives beyond one machine").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from lint.names.index import NameIndex
from lint.pipeline.facts import Facts
from lint.spelling.evidence import RunEvidence


class Seen(NamedTuple):
    """What the index keeps of a name mention (what :meth:`NameIndex.add` reads)."""

    spelling: str
    first: str | None
    proper: bool
    lead: bool
    next: str | None  # the capitalised word after it, when it leads (the names after a given name)


@dataclass
class Words:
    """An article's share of the run's word evidence (see :class:`RunEvidence`)."""

    as_name: frozenset[str]  # words it capitalises inside a sentence
    as_capital: frozenset[str]  # … anywhere
    as_lower: frozenset[str]  # … writes in lower case
    every: frozenset[str]  # every word it writes, lower case
    capitalised: frozenset[str]  # the dictionary words it writes with a capital inside a sentence, lower case
    shows_code: bool
    terms: frozenset[str] = frozenset()  # stems whose forms it writes in lower case in many sentences
    code_names: frozenset[str] = frozenset()  # people, projects and packages its addresses name


@dataclass
class Part:
    path: str
    words: Words | None = None  # None: the spelling check did not read it
    names: list[Seen] | None = None  # None: the names check did not read it


def part(facts: Facts) -> Part:
    """The article's share of the index."""
    out = Part(facts.article.path)
    sp = facts.spelling
    if sp is not None:
        uses = sp.read.evidence.uses
        out.words = Words(
            frozenset(w for w, u in uses.items() if u.name_contexts),
            frozenset(w for w, u in uses.items() if u.capital_contexts),
            frozenset(w for w, u in uses.items() if u.lower_contexts),
            sp.words,
            sp.capitalised,
            sp.read.evidence.shows_code,
            sp.read.evidence.terms(),
            sp.read.evidence.code_names,
        )
    if facts.mentions is not None:
        out.names = [Seen(m.spelling, m.first, m.proper, m.lead, m.next) for m in facts.mentions]
    return out


@dataclass
class ArchiveIndex:
    evidence: RunEvidence = field(default_factory=lambda: RunEvidence(_every=Counter(), _capitalised=Counter()))
    names: NameIndex = field(default_factory=NameIndex)

    def add(self, p: Part) -> None:
        w = p.words
        if w is not None:
            ev = self.evidence
            ev.articles += 1
            ev.showing_code += w.shows_code
            ev.as_name.update(w.as_name)
            ev.as_capital.update(w.as_capital)
            ev.as_lower.update(w.as_lower)
            ev.terms.update(w.terms)
            ev.code_names.update(w.code_names)
            assert ev._every is not None and ev._capitalised is not None
            ev._every.update(w.every)
            ev._capitalised.update(w.capitalised)
        if p.names is not None:
            self.names.add(p.path, p.names)  # type: ignore[arg-type]  # Seen has what Mention gives

    def remove(self, p: Part) -> None:
        """Take back what :meth:`add` added for ``p`` (the language server replaces an edited article's part)."""
        w = p.words
        if w is not None:
            ev = self.evidence
            ev.articles -= 1
            ev.showing_code -= w.shows_code
            assert ev._every is not None and ev._capitalised is not None
            for counter, words in (
                (ev.as_name, w.as_name),
                (ev.as_capital, w.as_capital),
                (ev.as_lower, w.as_lower),
                (ev.terms, w.terms),
                (ev.code_names, w.code_names),
                (ev._every, w.every),
                (ev._capitalised, w.capitalised),
            ):
                _subtract(counter, words)
        if p.names is not None:
            self.names.remove(p.path, p.names)  # type: ignore[arg-type]  # Seen has what Mention gives


def _subtract(counter: Counter[str], words: frozenset[str]) -> None:
    for word in words:
        left = counter[word] - 1
        if left > 0:
            counter[word] = left
        else:
            del counter[word]
