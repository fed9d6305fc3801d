"""Suppressions: what an editor writes in an article to silence a finding on purpose.

- ``<!-- copydesk-disable-next-line spelling -->`` in a Markdown body: the findings of those
  rules (rule-id prefixes, separated by commas or spaces; none = every rule) on the next
  line that is not blank;
- ``<!-- copydesk-disable names -->`` … ``<!-- copydesk-enable names -->``: a range (to the
  end of the file when never enabled again); a bare ``copydesk-disable`` is ended by a bare
  ``copydesk-enable``;
- ``copydesk: {ignore: [terms, names.inconsistent]}`` in the metadata: the whole article;
- ``[sic]`` (or ``(sic)``) right after a word: spelling, names and terms findings on it.

A comment or ``ignore`` entry that suppresses nothing is itself reported, as
``suppression.unused``, pointing at it (as ruff's RUF100 reports an unused ``noqa``). It is
judged only for checks that ran on the article: ``--select spelling`` does not make a
``names`` comment look unused.  ``[sic]`` is part of the published text, never reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lint.article import Article, Node
from lint.checks import CHECKS, OFF_BY_DEFAULT, RUNNER_RULES
from lint.checks.suppression import RULES
from lint.diagnostics import Finding, Severity

RULE = "suppression.unused"
__all__ = ["RULE", "RULES", "apply", "parse"]

DIRECTIVE = re.compile(r"<!--\s*copydesk-(disable-next-line|disable|enable)(?=\s|-->)(.*?)-->", re.DOTALL)
RULE_ID = re.compile(r"^[a-z][a-z-]*(?:\.[a-z][a-z0-9-]*)*$")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
# [sic] after a word: closing quotes or punctuation between, brackets or parentheses, maybe
# escaped or in italics: "Ishaq Herzog [sic]", "goverment” (sic)", "Tacts \[*sic*\]"
SIC = re.compile(r"\W{0,3}?\\?[\[(][*_]?sic[*_]?\\?[\])]", re.IGNORECASE)
SIC_CHECKS = ("spelling", "names", "terms")
EVERY = ""  # the id of a suppression that names no rule


@dataclass
class Suppression:
    """One comment or metadata entry, and where each of its ids applies (file offsets)."""

    kind: str  # "next-line", "range", "article"
    start: int  # the comment or entry itself
    end: int
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> [start, end) it covers
    used: set[str] = field(default_factory=set)

    def matches(self, finding: Finding) -> list[str]:
        return [
            i
            for i, (a, b) in self.spans.items()
            if a <= finding.start < b and (i == EVERY or finding.rule == i or finding.rule.startswith(i + "."))
        ]


def apply(
    article: Article,
    findings: Sequence[Finding],
    ran: Iterable[str],
    rules: dict[str, tuple[Severity, str]],
) -> list[Finding]:
    """``findings`` without the suppressed ones, plus a ``suppression.unused`` finding for each
    suppression that suppressed nothing.  ``ran``: the checks that ran on this article;
    ``rules``: their rule ids."""
    suppressions, problems = parse(article)
    kept: list[Finding] = []
    for f in findings:
        if f.rule.split(".")[0] in SIC_CHECKS and SIC.match(article.source, f.end, f.end + 14):
            continue
        hit = False
        for s in suppressions:
            for i in s.matches(f):
                s.used.add(i)
                hit = True
        if not hit:
            kept.append(f)
    ran = set(ran)
    problems.extend(_unused(suppressions, ran, rules))
    whole = [s for s in suppressions if s.kind == "article"]
    kept.extend(p for p in problems if not any(s.matches(p) for s in whole))
    return kept


def parse(article: Article) -> tuple[list[Suppression], list[Finding]]:
    """The article's suppressions, and findings for enable comments that end nothing."""
    out = _metadata(article)
    problems: list[Finding] = []
    if article.format != "markdown":
        return out, problems
    source = article.source
    end_of_file = len(source) + 1
    open_ranges: list[Suppression] = []
    for m in _directives(article):
        kind, ids = m.group(1), _ids(m.group(2))
        if kind == "disable-next-line":
            line = _next_line(source, m.end())
            out.append(Suppression("next-line", m.start(), m.end(), dict.fromkeys(ids or [EVERY], line)))
        elif kind == "disable":
            s = Suppression("range", m.start(), m.end(), {i: (m.end(), end_of_file) for i in ids or [EVERY]})
            out.append(s)
            open_ranges.append(s)
        else:
            ended = False
            for s in open_ranges:
                for i in ids or list(s.spans):
                    if i in s.spans and s.spans[i][1] == end_of_file:
                        s.spans[i] = (s.spans[i][0], m.start())
                        ended = True
            if not ended:
                what = f"copydesk-disable {' '.join(ids)}" if ids else "bare copydesk-disable"
                problems.append(
                    Finding(
                        RULE,
                        f"This copydesk-enable comment ends nothing: no {what} comment is open before it",
                        m.start(),
                        m.end(),
                    )
                )
    return out, problems


def _directives(article: Article) -> Iterable[re.Match[str]]:
    """The copydesk comments of a Markdown body, leaving out those shown in code."""
    from lint.readers.markdown import _parser, split_front_matter

    source = article.source
    body = split_front_matter(source)[3]
    text = source[body:]
    if "copydesk-" not in text:
        return
    code: list[tuple[int, int]] = [(body + m.start(), body + m.end()) for m in CODE_SPAN.finditer(text)]
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"] + [len(text) + 1]
    for token in _parser().parse(text):
        if token.type in ("fence", "code_block") and token.map:
            code.append((body + starts[token.map[0]], body + starts[token.map[1]]))
    for m in DIRECTIVE.finditer(source, body):
        if not any(a <= m.start() < b for a, b in code):
            yield m


def _ids(raw: str) -> list[str]:
    ids = [p for p in re.split(r"[\s,]+", raw.strip()) if p]
    return [EVERY if i.lower() == "all" else i for i in ids]


def _next_line(source: str, offset: int) -> tuple[int, int]:
    """The span of the first line after ``offset``'s line that holds more than blanks."""
    i = source.find("\n", offset)
    while i >= 0:
        start = i + 1
        j = source.find("\n", start)
        end = len(source) if j < 0 else j
        if source[start:end].strip():
            return start, end + 1
        i = j
    return len(source) + 1, len(source) + 1  # nothing follows: covers nothing


def _metadata(article: Article) -> list[Suppression]:
    """``copydesk: {ignore: [...]}``: one suppression per entry, for the whole article."""
    if article.tree is None:
        return []
    own = article.tree.child("copydesk")
    entries = own.child("ignore") if own is not None else None
    if entries is None or not isinstance(entries.children, list):
        return []
    out = []
    whole = (0, len(article.source) + 1)
    for node in entries.children:
        if isinstance(node.value, str) and node.value.strip():
            i = _ids(node.value)[0] if _ids(node.value) else EVERY
            out.append(Suppression("article", *_where(node), {i: whole}))
    return out


def _where(node: Node) -> tuple[int, int]:
    if node.text is not None and node.text.value:
        return node.text.span(0, len(node.text.value))
    return node.start, node.end


def _unused(
    suppressions: list[Suppression], ran: set[str], rules: dict[str, tuple[Severity, str]]
) -> Iterable[Finding]:
    checks = set(CHECKS) | set(RUNNER_RULES)
    complete = ran >= set(CHECKS) - OFF_BY_DEFAULT  # every default check ran: a bare comment can be judged
    for s in suppressions:
        unknown, unused = [], []
        for i in s.spans:
            if i == EVERY:
                if complete and not s.used:
                    unused.append(i)
                continue
            check = i.split(".")[0]
            if (
                not RULE_ID.match(i)
                or check not in checks
                or (check in ran and not any(r == i or r.startswith(i + ".") for r in rules))
            ):
                unknown.append(i)
            elif check in ran and i not in s.used:
                unused.append(i)
        if unknown:
            known = sorted(checks | set(rules))
            close = tuple(c for i in unknown for c in difflib.get_close_matches(i, known, n=1))
            names = _join(unknown)
            yield Finding(
                RULE, f"No rule is called {names}: this suppression suppresses nothing", s.start, s.end, close
            )
        if unused:
            yield Finding(RULE, _message(s, unused), s.start, s.end)


def _message(s: Suppression, ids: list[str]) -> str:
    what = "no finding" if ids == [EVERY] else f"no {_join(ids, quote=False)} finding"
    if s.kind == "next-line":
        return f"Nothing to suppress: {what} on the next line"
    if s.kind == "range":
        return f"Nothing to suppress: {what} between this comment and its copydesk-enable (or the end)"
    return f"Nothing to suppress: {what} in this article"


def _join(ids: list[str], quote: bool = True) -> str:
    words = [f"“{i}”" if quote else i for i in ids]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
