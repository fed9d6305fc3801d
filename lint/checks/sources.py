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

Which keys hold the sources is configurable, the first one an article has being read::

    [tool.copydesk.sources]
    keys = ["sources", "source", "references"]     # the default

Other keys (``authors``, ``agency``) are never read as citations, and a value that is a slug
into the site's own registry (``source: doj``, ``sources: [gsa-18f]``: one lower-case token, no
spaces, no address) is a reference the site resolves, not an invalid citation.

Credits are not claims: an attribution phrase in a credit ("Reported by Keita Yamaguchi",
"Written by …", "Contributed by …", "Thanks to …", "Photo: …", "(Credit: …)") is not reported,
nor one in a sentence that carries a link (``[according to the GAO](https://gao.gov/…)``).  A
stop after an abbreviation does not end a sentence (:mod:`lint.sentences`): "according to
Dr. Watts" is one attribution, not "according to Dr".

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
from lint.patterns import TooSlow
from lint.readers import meta
from lint.sentences import ends_sentence, sentence_around
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
# a key into the site's own registry of sources: "doj", "gsa-18f", "data/census" (lower case, one token)
SLUG = re.compile(r"(?=[a-z0-9/._-]{1,40}$)[a-z0-9]+(?:[-_./][a-z0-9]+)*")
# a credit: who reported, wrote, photographed or helped; not a claim of the article
CREDIT = re.compile(
    r"(?:(?:additional|with|further)\s+)?reporting\s+by\b"
    r"|(?:reported|written|contributed|edited|compiled|produced|photographed|illustrated|translated|researched)"
    r"\s+by\b"
    r"|(?:with\s+|special\s+|many\s+)?thanks\s+(?:to|go\s+to)\b|acknowledge?ments?\s*:"
    r"|(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video|map|chart|art(?:work)?)"
    r"(?:\s+credits?)?\s*(?::|\bby\b|\bcourtesy\b)"
    r"|credits?\s*:|courtesy\s+(?:of\b|:)?|h/t\b|hat\s+tip\b",
    re.IGNORECASE,
)
CREDIT_END = re.compile(r"[,;)\n]")
CREDIT_LEAD = re.compile(r"[\s*_>#|(\[—–-]*")  # markup and brackets before a credit line


def forms(run: Run) -> list[placeholder.Form]:
    result: list[placeholder.Form] = run.cached(
        "sources:forms",
        lambda: placeholder.compile_forms(ruledata.entries(run, "attributions"), "sources.unattributed"),
    )
    return result


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Nothing to gather: each article answers for its own sources."""


def keys(run: Run) -> tuple[str, ...]:
    """The metadata keys that hold the sources (``[tool.copydesk.sources] keys``), first found first."""
    options = run.config.options.get(NAME, {})
    given = options.get("keys") if isinstance(options, dict) else None
    return tuple(given) if isinstance(given, list) and given else meta.SOURCE_KEYS


def check(article: Article, run: Run) -> Iterable[Finding]:
    if article.problems:
        return []  # the metadata could not be read: whether it lists sources is unknown
    found = forms(run)
    stand_ins = [f for f in found if f.rule == "sources.invalid"]
    phrases = [f for f in found if f.rule != "sources.invalid"]
    sources, anchor = article.sources, article.sources_anchor
    wanted = keys(run)
    if wanted != meta.SOURCE_KEYS and article.tree is not None and article.format != "text":
        sources, anchor = meta.sources_of(article.tree, wanted)  # a plain-text article's section is no key
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
            try:
                problem = _not_a_source(source, stand_ins, placeholder.forms(run))
            except TooSlow as slow:  # an editor's expression: placed at the source it ran on
                raise slow.at(source.start) from None
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
    if not NAME_OR_DATE.search(raw) and not SLUG.fullmatch(raw):  # a slug is a reference: the site knows it
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
        f"“{raw}” {why}: give a link, or a citation naming who published it and when (“Publisher, title, date”).",
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
        try:
            found = list(placeholder.matches(value, phrases, "body"))
        except TooSlow as slow:  # an editor's expression: placed at the text it ran on
            raise slow.at(text.start) from None
        for form, i, j in found:
            if form.clause:
                j = _past_abbreviations(value, j)
            if _linked(article.source, text, i, j) or _credit(value, i, j):
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
    """True when the sentence around ``value[i:j]`` carries a link in the file (the attribution may be
    the link's own text: ``[according to the GAO](https://gao.gov/…)``)."""
    a, b = text.span(*sentence_around(text.value, i, j))
    return bool(LINK.search(source, a, b))


def _credit(value: str, i: int, j: int) -> bool:
    """True when ``value[i:j]`` is in a credit, not a claim: "Reported by Keita Yamaguchi", "Thanks to
    the team", "Photo: Reuters", "(Credit: Jane Doe)" opening a sentence, a line or a bracket.  The credit
    runs to the next comma, semicolon, closing bracket or line end: in "Thanks to the team, officials
    suggest …" the claim after the comma is still one."""
    start, end = sentence_around(value, i, j)
    line = value.rfind("\n", 0, i) + 1
    bracket = value.rfind("(", start, i + 1)
    heads = [start, line] + ([bracket + 1] if bracket >= 0 and value.find(")", bracket, i) < 0 else [])
    for head in heads:
        lead = CREDIT_LEAD.match(value, head)
        m = CREDIT.match(value, lead.end() if lead else head)
        if m is None:
            continue
        stop = CREDIT_END.search(value, m.end(), end)
        if i < (stop.start() if stop else end):
            return True
    return False


def _past_abbreviations(value: str, j: int, most: int = 6) -> int:
    """The end of a clause cut short at an abbreviation ("according to Dr" of "according to Dr. Watts"):
    over the stop and on, word by word, as the rule's ``clause`` does."""
    words = 0
    while j < len(value) and value[j] == "." and not ends_sentence(value, j) and words < most:
        j += 1
        while words < most and (m := placeholder.CLAUSE_WORD.match(value, j)) is not None:
            j, words = m.end(), words + 1
    return j
