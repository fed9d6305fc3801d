"""Where the facts come from: every article lists its sources.

- ``sources.missing``: the article has no sources at all (no ``sources`` key in the front
  matter or JSON, no "Sources" section).  Reported once, on the first line of the file;
  the message says where to add them.
- ``sources.empty``: a sources list or section with nothing in it (``sources: []``, a
  "Sources" heading followed by the FAQ).  Reported on the key or heading.
- ``sources.invalid``: an entry that is neither a link nor a citation: "TBD", "link here",
  "see above", "sources".  A citation names who published what ("Jerusalem Post,
  26 January 2026", "Reuters report"): an entry without a link must hold a capitalised
  name or a date, and must not be one of the stand-ins of ``rules/attributions.yaml``.
- ``sources.unattributed``: a claim credited to someone else's reporting ("according to
  local media reports", "officials suggest", "(Reuters)", "(Source: wire services)") in an
  article that lists no usable source.  When the article lists a source, attributions are
  fine: that is how news is written, and the source list says where they come from.  An
  attribution whose sentence carries a link is attributed too.

``sources.unattributed`` is a warning, the others are errors: the missing or empty list is
already an error for the article, and the phrase only shows the editor which claims need the
source; "according to police" may be the reporter's own interview.

Examples::

    sources: []                       # sources.empty, on "sources"
    sources: ["link here"]            # sources.invalid
    ... the talks failed (Reuters).   # sources.unattributed when no source is listed
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from lint import rules as ruledata
from lint.article import Source
from lint.checks import placeholder
from lint.diagnostics import Finding, Severity
from lint.text import Text

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "sources"
RULE_FILES = ("attributions",)  # rules/attributions.yaml
RULES: dict[str, tuple[Severity, str]] = {
    "sources.missing": (Severity.ERROR, "The article lists no sources."),
    "sources.empty": (Severity.ERROR, "The sources list or section is empty."),
    "sources.invalid": (Severity.ERROR, "A source that is neither a link nor a citation: 'TBD', 'see above'."),
    "sources.unattributed": (
        Severity.WARNING,
        "A claim credited to reports, officials or media in an article that lists no usable source.",
    ),
}

# headings of a sources section in a Markdown body (the front matter has its own key)
SECTION_NAMES = {"sources", "source", "references", "bibliography", "citations", "sources and notes"}
LABEL = re.compile(r"^[ \t]*[*_]{0,2}(sources?|references)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*(.*?)[ \t]*$", re.I | re.M)
URL = re.compile(r"https?://\S+|www\.\S+|\bdoi:\s*\S+|\b10\.\d{4,}/\S+", re.IGNORECASE)
LINK = re.compile(r"https?://|www\.|\]\(|<a\s", re.IGNORECASE)
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
NAME_OR_DATE = re.compile(r"\b[A-Z][\w'’&.-]*|\d")


def forms(run: Run) -> list[placeholder.Form]:
    result: list[placeholder.Form] = run.cached(
        "sources:forms",
        lambda: placeholder.compile_forms(ruledata.entries(run, "attributions"), "sources.unattributed"),
    )
    return result


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Nothing to gather: each article answers for its own sources."""


def check(article: Article, run: Run) -> Iterable[Finding]:
    if article.problems:
        return []  # the metadata could not be read: whether it lists sources is unknown
    found = forms(run)
    stand_ins = [f for f in found if f.rule == "sources.invalid"]
    phrases = [f for f in found if f.rule != "sources.invalid"]
    sources, anchor = article.sources, article.sources_anchor
    if sources is None and article.format == "markdown":
        sources, anchor = _body_section(article)
    out: list[Finding] = []
    usable = False
    if sources is None:
        out.append(_missing(article))
    elif not sources:
        out.append(_empty(article, anchor))
    else:
        for source in sources:
            problem = _not_a_source(source, stand_ins, placeholder.forms(run))
            if problem:
                out.append(_invalid(article, source, problem))
            else:
                usable = True
    if not usable:
        out.extend(placeholder.without_overlaps(list(_unattributed(article, phrases))))
    return out


# ---- the list -----------------------------------------------------------------------------------


def _first_line(source: str) -> tuple[int, int]:
    m = re.search(r"\S[^\n]*", source)
    if m is None:
        return 0, 0
    return m.start(), m.start() + len(m.group().rstrip())


def _missing(article: Article) -> Finding:
    """On the front matter's opening line or the JSON brace; else at the very start (not on the headline)."""
    start, end = _first_line(article.source)
    head = article.source.lstrip("\ufeff")
    if article.source[start:end].strip() not in ("---", "+++", "{"):
        end = start
    if article.format == "json":
        where = 'add a "sources" list with a link or citation for each'
    elif head.startswith("+++"):
        where = "add sources = [...] to the front matter, with a link or citation for each"
    elif head.startswith("---"):
        where = "add a sources: list to the front matter, with a link or citation for each"
    elif article.format == "markdown":
        where = "add front matter with a sources: list, or a “Sources” section at the end"
    else:
        where = "add a “sources” section after the text, one link or citation a line"
    return Finding("sources.missing", f"The article lists no sources: {where}.", start, end)


def _empty(article: Article, anchor: int | None) -> Finding:
    if anchor is None:
        start, end = _first_line(article.source)
    else:
        m = re.compile(r"[\"']?[^\W\d_][\w -]*[\"']?").match(article.source, anchor)
        start, end = anchor, (anchor + len(m.group().rstrip())) if m else anchor + 1
    return Finding(
        "sources.empty", "The sources list is empty: add a link or citation for each source of the facts.", start, end
    )


def _not_a_source(source: Source, stand_ins: Sequence[placeholder.Form], forms: Sequence[placeholder.Form]) -> str:
    """What is wrong with ``source`` ("" when it is a link or a citation)."""
    if source.url or URL.search(source.raw):
        return ""
    raw = " ".join(source.raw.split()) or (source.title or "")
    core = raw.strip(placeholder.TRIM)
    if not any(ch.isalpha() for ch in raw):
        return "is not a source"
    if any(f.pattern.fullmatch(core) or f.pattern.fullmatch(raw) for f in stand_ins):
        return "names no source"
    if any(True for _ in placeholder.matches(raw, forms, "answers")):
        return "is placeholder text, not a source"
    if not NAME_OR_DATE.search(raw):
        return "names no publisher, title or date"
    return ""


def _invalid(article: Article, source: Source, why: str) -> Finding:
    raw = " ".join(source.raw.split())
    start, end = source.start, source.end
    text = article.source[start:end]
    lead = len(text) - len(text.lstrip())
    start, end = start + lead, start + len(text.rstrip())
    return Finding(
        "sources.invalid",
        f"“{raw}” {why}: give a link, or a citation such as “Jerusalem Post, 26 January 2026”.",
        start,
        max(end, start + 1),
    )


def _body_section(article: Article) -> tuple[list[Source] | None, int | None]:
    """A "Sources" section in a Markdown body: its entries and heading, or (None, None)."""
    body = article.body[0] if article.body else None
    if body is None:
        return None, None
    source = article.source
    body_end = body.end
    heads = sorted(article.headings, key=lambda t: t.start)
    for n, head in enumerate(heads):
        if head.value.strip(" :*_#").lower() not in SECTION_NAMES:
            continue
        line_end = source.find("\n", head.start)
        start = body_end if line_end < 0 else line_end + 1
        end = heads[n + 1].start if n + 1 < len(heads) else body_end
        end = source.rfind("\n", 0, end) + 1 if n + 1 < len(heads) else end
        anchor = source.rfind("\n", 0, head.start) + 1
        return _entries(source, start, max(start, end)), anchor
    for m in LABEL.finditer(body.value):
        anchor = body.span(m.start(1), m.end(1))[0]
        if m.group(2):
            a, b = body.span(m.start(2), m.end(2))
            return [_entry(source, a, b)], anchor
        start = body.span(m.end() - 1, m.end())[1] + 1
        stop = source.find("\n\n", start)
        return _entries(source, start, body_end if stop < 0 else stop), anchor
    return None, None


def _entries(source: str, start: int, end: int) -> list[Source]:
    out = []
    for m in re.finditer(r"[^\n]+", source[start:end]):
        mark = LIST_MARK.match(m.group())
        a = start + m.start() + (mark.end() if mark else 0)
        b = start + m.start() + len(m.group().rstrip())
        if a < b:
            out.append(_entry(source, a, b))
    return out


def _entry(source: str, start: int, end: int) -> Source:
    raw = source[start:end]
    url = URL.search(raw)
    return Source(raw, url.group() if url else None, None, start, end)


# ---- attributions in the text -------------------------------------------------------------------


def _unattributed(article: Article, phrases: Sequence[placeholder.Form]) -> Iterator[Finding]:
    for text in article.texts():
        value = text.value
        for form, i, j in placeholder.matches(value, phrases, "body"):
            if _linked(article.source, text, i, j):
                continue
            code = text.field == "body" and article.format == "markdown"
            if code and placeholder.in_code_span(article.source, text.span(i, j)[0]):
                continue
            shown = " ".join(value[i:j].split())
            said = (
                form.message.replace("%s", shown)
                if form.message
                else f"“{shown}”: the article lists no source for this claim. Add where it comes from to the "
                "sources, with a link or a citation."
            )
            start, end = text.span(i, j)
            yield Finding(form.rule, said, start, end, severity=form.level)


def _linked(source: str, text: Text, i: int, j: int) -> bool:
    """True when the sentence around ``value[i:j]`` carries a link in the file."""
    value = text.value
    before = max(value.rfind(". ", 0, i), value.rfind("\n\n", 0, i) + 1)
    after = [k for k in (value.find(". ", j), value.find("\n\n", j)) if k >= 0]
    a, b = text.span(before + 1, min(after) if after else len(value))
    return bool(LINK.search(source, a, b))
