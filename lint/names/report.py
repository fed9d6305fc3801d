"""The archive's index of names (``copydesk names``): variant clusters, then every name by use.

A *cluster* is one name spelled more than one way in the articles.  Spellings join a
cluster on the names check's own evidence, never on likeness alone: one article spelling a
name two ways (``names.inconsistent``), an article spelling it one way where the others
agree on another (``names.archive``), a variant of the house glossary or of a names file
written from the archive.  So the index lists what the check reports, and nothing the check
keeps apart (two people, a nickname, a word).

The spelling to use is the house glossary's; else the one of a names file written from the
archive; else the one most articles use (then most mentions).  Each spelling comes with the
articles and mentions that use it.

The *names* are whole names (``"Michelle Hertzfeld"``, ``"General Services Administration"``)
counted by articles and mentions (:mod:`lint.names.fullnames`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from lint.names import fullnames, glossary

if TYPE_CHECKING:
    from lint.article import Article
    from lint.config import Config
    from lint.run import Run

GLOSSARY, NAMES_FILE, MAJORITY = "glossary", "names file", "majority"  # why a cluster's name is the one to use
HOUSE = "the house glossary lists it"  # the reason of a variant the house glossary lists


@dataclass(frozen=True)
class Form:
    """One spelling of a cluster."""

    spelling: str
    articles: int
    mentions: int
    paths: tuple[str, ...]
    reason: str = ""  # why it is a variant of the cluster's name ("" for the name itself)


@dataclass(frozen=True)
class Cluster:
    name: str  # the spelling to use
    basis: str  # GLOSSARY, NAMES_FILE or MAJORITY
    forms: tuple[Form, ...]  # the name's own form first, then the variants by use

    @property
    def variants(self) -> tuple[Form, ...]:
        return self.forms[1:]


@dataclass(frozen=True)
class Name:
    name: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class Report:
    articles: int
    clusters: tuple[Cluster, ...]
    names: tuple[Name, ...]


class _Links:
    """Spellings joined by the check's evidence (union-find), with the reason for each variant."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, str] = {}

    def find(self, s: str) -> str:
        self.parent.setdefault(s, s)
        while self.parent[s] != s:
            self.parent[s] = self.parent[self.parent[s]]
            s = self.parent[s]
        return s

    def join(self, odd: str, main: str, reason: str) -> None:
        self.reasons.setdefault(odd, reason)
        self.reasons.setdefault(main, reason)  # the likeness goes both ways, should the main lose the vote
        a, b = self.find(odd), self.find(main)
        if a != b:
            self.parent[a] = b

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for s in self.parent:
            out[self.find(s)].append(s)
        return [g for g in out.values() if len(g) > 1]


def index(paths: Sequence[str], config: Config) -> tuple[Report, list[str]]:
    """Read the articles named by ``paths`` (as ``copydesk check`` finds them) and index their names."""
    from lint.readers import read_path
    from lint.run import Run, discover

    notices: list[str] = []
    articles = [read_path(p, shown, date_order=config.date_order) for p, shown in discover(paths, config, notices)]
    readable = []
    for article in articles:
        if article.source.strip() and article.readable:
            readable.append(article)
        else:
            notices.append(f"{article.path}: not an article copydesk can read (copydesk check says why); left out")
    return build(readable, Run(config)), notices


def build(articles: Sequence[Article], run: Run) -> Report:
    """The index of ``articles`` (readable ones) as the names check sees them in ``run``."""
    from lint.checks import names as check

    check.prepare(articles, run)
    index = run.state[check.STATE]
    entries = check.glossary_entries(run)
    links = _Links()
    phrases: dict[str, Counter[str]] = defaultdict(Counter)  # glossary spellings -> path -> n
    basis: dict[str, str] = {}
    name_articles: Counter[str] = Counter()
    name_mentions: Counter[str] = Counter()
    for article in articles:
        taken: list[tuple[int, int]] = []  # where the glossary speaks (file offsets), as in the check
        for text in article.texts():
            for hit in glossary.find(entries, text):
                entry = hit.entry
                found = next((v for v in entry.variants if v.lower() == hit.found.lower()), hit.found)
                phrases[found][article.path] += 1
                why = "the archive's names file lists it" if entry.archive else HOUSE
                links.join(found, entry.name, why)
                basis.setdefault(entry.name, NAMES_FILE if entry.archive else GLOSSARY)
                taken.append(text.span(hit.start, hit.end))
        for v in check.variants(article, run):
            if any(not m.sic and not _overlaps(m.text.span(m.start, m.end), taken) for m in v.spelling.mentions):
                links.join(v.spelling.text, v.main, v.reason)
        mentions = check.mentions_of(article, run)
        texts = (t.value for t in article.texts())
        lang = article.lang or run.config.language
        whole = fullnames.names(mentions, texts, lambda w: index.proper[w] > 0, lang)
        for name, n in whole.items():
            name_articles[name] += 1
            name_mentions[name] += n
            if " " in name and article.path in phrases.get(name, ()):
                phrases[name][article.path] = n  # the person's mentions, as the list counts them
    for name in basis:
        if name not in index.counts:
            phrases[name] = _occurrences(name, articles)
    house = glossary.canonical_tokens(e for e in entries if not e.archive)
    for token in house:
        basis.setdefault(token, GLOSSARY)

    def counts(s: str) -> Counter[str]:
        found: Counter[str] | None = index.counts.get(s)
        return found if found is not None else phrases.get(s, Counter())

    clusters = [_cluster(group, counts, basis, links.reasons) for group in links.groups()]
    clusters.sort(key=lambda c: (-sum(f.articles for f in c.forms), c.name))
    names = [Name(n, name_articles[n], name_mentions[n]) for n in name_articles]
    names.sort(key=lambda n: (-n.articles, -n.mentions, n.name))
    return Report(len(articles), tuple(clusters), tuple(names))


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _occurrences(phrase: str, articles: Iterable[Article]) -> Counter[str]:
    pattern = re.compile(glossary.phrase_pattern(phrase), re.IGNORECASE)
    out: Counter[str] = Counter()
    for article in articles:
        n = sum(len(pattern.findall(t.value)) for t in article.texts())
        if n:
            out[article.path] = n
    return out


def _cluster(
    group: list[str], counts: Callable[[str], Counter[str]], basis: dict[str, str], reasons: dict[str, str]
) -> Cluster:
    def use(s: str) -> tuple[int, int, int, str]:
        c = counts(s)
        rank = {GLOSSARY: 2, NAMES_FILE: 1}.get(basis.get(s, ""), 0)
        return (-rank, -len(c), -sum(c.values()), s)

    ranked = sorted(group, key=use)
    forms = []
    for s in ranked:
        c = counts(s)
        reason = "" if s == ranked[0] else reasons.get(s, "")
        forms.append(Form(s, len(c), sum(c.values()), tuple(sorted(c)), reason))
    return Cluster(ranked[0], basis.get(ranked[0], MAJORITY), tuple(forms))


# ---- output -----------------------------------------------------------------------------------


def to_json(report: Report) -> dict[str, Any]:
    return {
        "articles": report.articles,
        "clusters": [
            {
                "name": c.name,
                "basis": c.basis,
                "spellings": [
                    {
                        "spelling": f.spelling,
                        "use": f is c.forms[0],
                        "articles": f.articles,
                        "mentions": f.mentions,
                        **({"reason": f.reason} if f.reason else {}),
                        "paths": list(f.paths),
                    }
                    for f in c.forms
                ],
            }
            for c in report.clusters
        ],
        "names": [{"name": n.name, "articles": n.articles, "mentions": n.mentions} for n in report.names],
    }


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _where(paths: Sequence[str], shown: int = 3) -> str:
    more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
    return ", ".join(paths[:shown]) + more


def write_text(report: Report, stream: IO[str]) -> None:
    """The index as a table: variant clusters first, then the names by number of articles."""
    spellings = [f.spelling for c in report.clusters for f in c.forms]
    width = min(40, max((len(s) + 2 for s in [*spellings, *(n.name for n in report.names)]), default=10))
    head = f"{'articles':>8}  {'mentions':>8}"
    print(
        f"{_plural(report.articles, 'article')}: {_plural(len(report.clusters), 'variant cluster')}, "
        f"{_plural(len(report.names), 'name')}",
        file=stream,
    )
    if report.clusters:
        print(f"\nNames spelled more than one way (* the spelling to use)\n  {'spelling':<{width}}{head}", file=stream)
        for c in report.clusters:
            for f in c.forms:
                mark = "*" if f is c.forms[0] else " "
                note = c.basis if f is c.forms[0] else _where(f.paths)
                print(f"{mark} {f.spelling:<{width}}{f.articles:>8}  {f.mentions:>8}  {note}", file=stream)
    if report.names:
        print(f"\nNames by number of articles\n  {'name':<{width}}{head}", file=stream)
        for n in report.names:
            print(f"  {n.name:<{width}}{n.articles:>8}  {n.mentions:>8}", file=stream)
