"""The house glossary of names: canonical spellings and the variants to replace.

``rules/names.yaml`` (and configured rule files of kind ``names``)::

    names:
      - name: Isaac Herzog
        variants: [Ishaq Herzog]
        note: President of Israel

An entry written by ``copydesk names --write`` also says how many articles of the archive
use each spelling (``archive: {Blair: 41, Blaire: 1}``): the names check reports its variants
as the archive's spelling (``names.archive``), not as a house decision.

A variant matches as whole words, across line breaks, capitalised or in capitals; the
canonical form is suggested in the variant's case (all capitals stay capitals).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lint.text import Text, longest_first


@dataclass(frozen=True)
class Entry:
    name: str
    variants: tuple[str, ...]
    note: str
    needles: tuple[str, ...]  # lower-case first words: a text without any of them cannot match
    archive: tuple[tuple[str, int], ...] = ()  # (spelling, articles using it) when written from an archive

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The variants, longest first ("Ilham Aliev" before "Aliev"); compiled when a text has a needle."""
        alternatives = sorted(self.variants, key=len, reverse=True)
        return re.compile("|".join(phrase_pattern(v) for v in alternatives), re.IGNORECASE)

    def articles(self, spelling: str) -> int:
        """In how many articles of the archive ``spelling`` was found (0 when not known)."""
        low = spelling.lower()
        return next((n for s, n in self.archive if s.lower() == low), 0)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    start: int  # index into the text's value
    end: int
    found: str  # the variant as written
    suggestion: str


def phrase_pattern(phrase: str) -> str:
    """A whole-word pattern for ``phrase``: any run of spaces or one line break between words."""
    parts = [re.escape(p) for p in phrase.split()]
    return r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w-])"


def compile_entries(raw: Iterable[dict[str, Any]]) -> list[Entry]:
    out = []
    for item in raw:
        name = str(item["name"]).strip()
        variants = tuple(
            v.strip()
            for v in (str(x) for x in item.get("variants", ()))
            if v.strip() and v.strip().lower() != name.lower()
        )
        if not variants:
            continue
        needles = tuple(sorted({v.split()[0].lower() for v in variants}))
        archive = tuple((str(k), int(n)) for k, n in dict(item.get("archive") or {}).items())
        out.append(Entry(name, variants, str(item.get("note", "")).strip(), needles, archive))
    return out


def canonical_tokens(entries: Iterable[Entry]) -> frozenset[str]:
    """Every word of every canonical name ("Isaac", "Herzog" …): spellings known to be right."""
    return frozenset(w for e in entries for w in re.findall(r"[^\W\d_][\w'’-]*", e.name))


def _in_case_of(found: str, name: str) -> str:
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return name.upper()
    return name


def find(entries: Iterable[Entry], text: Text) -> Iterator[Hit]:
    """Glossary variants in ``text``, in order; overlapping hits keep the earliest, longest."""
    hits: list[Hit] = []
    lowered = text.value.lower()
    for entry in entries:
        if not any(n in lowered for n in entry.needles):
            continue
        for m in entry.pattern.finditer(text.value):
            found = m.group()
            if not found[:1].isupper():
                continue  # "ishaq" in lower case is not written as a name
            hits.append(Hit(entry, m.start(), m.end(), found, _in_case_of(found, entry.name)))
    yield from longest_first(hits)
