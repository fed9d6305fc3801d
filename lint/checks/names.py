"""Names spelled one way: the house glossary, within an article, and across the run.

- ``names.glossary``: a known variant of a name in ``rules/names.yaml`` ("Ishaq Herzog"),
  with the canonical form ("Isaac Herzog") as suggestion and fix.
- ``names.inconsistent``: one name spelled two ways in an article ("Aliyev", then "Aliev");
  the odd spelling is reported with the main one and its count.
- ``names.archive``: a spelling used in one article where the other articles of the run
  agree on a close spelling ("'Blaire' here; 'Blair' in 41 other articles"); also a variant
  listed in a names file written from the archive by ``copydesk names --write``, so that a
  run on one article knows the archive's spellings ("'Blaire' here; 'Blair' in 41 articles
  of the archive ('Blaire' in 1)").

``prepare()`` keeps the run's :class:`~lint.names.index.NameIndex` in ``run.state["names"]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from lint import rules
from lint.diagnostics import Edit, Finding, Severity
from lint.lexicon import language_code, zipf
from lint.names import consistency, extract, glossary
from lint.names.index import NameIndex
from lint.names.similar import fold

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run
    from lint.text import Text

NAME = "names"
RULES: dict[str, tuple[Severity, str]] = {
    "names.glossary": (Severity.WARNING, "A name spelled as a known variant of the house glossary's form."),
    "names.inconsistent": (Severity.WARNING, "A name spelled two ways in one article."),
    "names.archive": (Severity.INFO, "A name spelled one way here and another way in the rest of the articles."),
}

STATE = "names"  # run.state key of the NameIndex
MENTIONS = "names.mentions"  # run.state key: article path -> its mentions


def glossary_entries(run: Run) -> list[glossary.Entry]:
    result: list[glossary.Entry] = run.cached(
        "names:glossary", lambda: glossary.compile_entries(rules.entries(run, "names"))
    )
    return result


def mentions_of(article: Article, run: Run) -> list[extract.Mention]:
    cache: dict[str, list[extract.Mention]] = run.state.setdefault(MENTIONS, {})
    if article.path not in cache:
        cache[article.path] = extract.mentions(article)
    return cache[article.path]


def prepare(articles: Sequence[Article], run: Run) -> None:
    index = NameIndex()
    for article in articles:
        index.add(article.path, mentions_of(article, run))
    run.state[STATE] = index


NOT_GLOSSARY = "names are fixed only from the house glossary (rules/names.yaml or a names file of the house)"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _finding(article: Article, m: extract.Mention, rule: str, message: str, fix_text: str, why: str) -> Finding:
    start, end = m.text.span(m.start, m.end)
    fix = None
    if m.text.is_verbatim(article.source, m.start, m.end):  # a suggestion: only the house glossary is sure
        fix = Edit(start, end, fix_text, safe=False, why=NOT_GLOSSARY)
    return Finding(rule, message, start, end, (fix_text,), fix=fix, explanation=why)


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _glossary_finding(article: Article, text: Text, hit: glossary.Hit) -> Finding:
    start, end = text.span(hit.start, hit.end)
    entry = hit.entry
    fix = None
    if text.is_verbatim(article.source, hit.start, hit.end):
        # the archive's spelling is a majority, not a decision: a suggestion, never applied by --fix
        fix = Edit(start, end, hit.suggestion, safe=not entry.archive, why=NOT_GLOSSARY if entry.archive else "")
    if entry.archive:  # written by ``copydesk names --write``: the archive's spelling, not a house decision
        theirs, mine = entry.articles(entry.name), entry.articles(hit.found)
        where = "1 article" if theirs == 1 else f"{theirs} articles"
        also = f" ('{hit.found}' in {mine})" if mine else ""
        return Finding(
            "names.archive",
            f"'{hit.found}' here; '{hit.suggestion}' in {where} of the archive{also}",
            start,
            end,
            (hit.suggestion,),
            fix=fix,
            explanation=f"the archive's names file (copydesk names --write) lists '{hit.found}' "
            f"as a variant of '{entry.name}'",
        )
    note = f" ({entry.note})" if entry.note else ""
    return Finding(
        "names.glossary",
        f"'{hit.found}': the house spelling is '{hit.suggestion}'{note}",
        start,
        end,
        (hit.suggestion,),
        fix=fix,
        explanation=f"rules/names.yaml lists '{hit.found}' as a variant of '{entry.name}'",
    )


def variants(article: Article, run: Run) -> list[consistency.Variant]:
    """The spellings of names in ``article`` that vary from the article's own or the run's."""
    entries = glossary_entries(run)
    accepted = {w.lower() for w in article.vocabulary}
    mentions = [m for m in mentions_of(article, run) if not m.credit and m.spelling.lower() not in accepted]
    spellings = consistency.group(mentions)
    index: NameIndex | None = run.state.get(STATE)
    lang = article.lang or run.config.language

    def freq(word: str) -> float:
        return zipf(word, lang)

    def archive(word: str) -> int:
        return index.articles(word, besides=article.path) if index is not None else 0

    gloss = glossary.canonical_tokens(entries)
    found = consistency.within(spellings, freq, gloss, archive)
    settled = {v.spelling.text for v in found}
    if index is not None:
        found += consistency.against_archive(spellings, article.path, index, freq, settled | set(gloss))
    if language_code(lang) not in ("en", ""):
        # most languages inflect names and nouns ("Japonia", "Japonii"; "Schlüsselwortargumente"):
        # two spellings apart only in their last letters are two forms of one word
        found = [v for v in found if not inflected(v.spelling.text, v.main)]
    # a spelling quoted with [sic] once is quoted as written throughout ("Codeing [sic]", and the
    # image's description of the same note)
    return [v for v in found if not any(m.sic for m in v.spelling.mentions)]


ENDING = 3  # the letters an inflection may change at a word's end


def inflected(a: str, b: str) -> bool:
    """Two forms of one word: the same but for their last letters ("Montrealu", "Montréal")."""
    x, y = fold(a), fold(b)
    common = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        common += 1
    return common >= 3 and len(x) - common <= ENDING and len(y) - common <= ENDING


def check(article: Article, run: Run) -> Iterator[Finding]:
    entries = glossary_entries(run)
    taken: list[tuple[int, int]] = []
    for text in article.texts():
        for hit in glossary.find(entries, text):
            finding = _glossary_finding(article, text, hit)
            taken.append((finding.start, finding.end))
            yield finding

    for v in variants(article, run):
        for m in v.spelling.mentions:
            if m.sic or _overlaps(m.text.span(m.start, m.end), taken):
                continue
            if v.archive:
                others = "1 other article" if v.main_count == 1 else f"{v.main_count} other articles"
                message = f"'{m.spelling}' here; '{v.main}' in {others}"
                rule = "names.archive"
            else:
                message = f"'{m.spelling}' here, but '{v.main}' {_times(v.main_count)} in this article"
                rule = "names.inconsistent"
            yield _finding(article, m, rule, message, v.main, v.reason)
