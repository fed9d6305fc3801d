"""House-style terms: a form the desk does not use, with the one it does.

Entries come from ``rules/terms.yaml`` (and configured rule files of kind ``terms``)::

    terms:
      - use: Israeli
        instead_of: [Israelian]
        note: The adjective and demonym of Israel.

Forms match as whole words and phrases, in any case; the suggestion takes the
case of what was written ("israelian" -> "israeli", "ISRAELIAN" -> "ISRAELI").
``fix: suggestion`` marks a preference (website for web site) whose fix ``--fix`` does not
apply; a form inside a quotation is never fixed for the speaker either.
``case_sensitive: true`` matches the case exactly and suggests ``use`` as written;
``regex: true`` makes ``instead_of`` regular expressions (``use`` may say ``\\1``).
A finding's rule is ``terms.substitution``, or ``terms.<id>`` when the entry has an ``id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lint import rules
from lint.diagnostics import Edit, Finding, Severity
from lint.errors import FatalError
from lint.patterns import EditorPattern, TooSlow
from lint.text import Text, longest_first
from lint.words import WORD, in_quotation

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "terms"
RULES: dict[str, tuple[Severity, str]] = {
    "terms.substitution": (Severity.WARNING, "A word or phrase the house style replaces with another."),
}

# words a note may open with that read better in lower case inside the message's brackets
_OPENERS = """
    the a an this that these those it its used use not only outdated archaic formerly once
    spelling common plural singular adjective noun demonym currency capital house our since
    in on for as older old one two three no never always avoid prefer write do don't
"""
_LOWER_OPENERS = frozenset(_OPENERS.split())


@dataclass(frozen=True)
class Term:
    use: str
    source: str  # the whole expression (every form, between word edges)
    flags: int
    editor: bool  # an editor's expression (regex: true): run within a time limit (lint.patterns)
    shown: str  # the forms, as the editor wrote them (for the time limit's message)
    note: str
    case_sensitive: bool
    regex: bool
    rule: str
    level: Severity | None
    safe: bool  # ``fix: suggestion`` in the rule file: a house preference, applied by --unsafe-fixes only
    # the lower-case words of each literal form: a text that lacks a word of every form cannot match
    needles: tuple[frozenset[str], ...]

    @cached_property
    def pattern(self) -> re.Pattern[str] | EditorPattern:
        """Compiled on first use: most terms are never searched for in a given article (see ``needles``)."""
        if self.editor:
            return EditorPattern(self.source, self.flags, shown=self.shown)
        return re.compile(self.source, self.flags)


@dataclass(frozen=True)
class Hit:
    term: Term
    start: int
    end: int
    found: str
    replacement: str


def _phrase(form: str) -> str:
    return r"\s+".join(re.escape(p) for p in form.split())


def _bad_regex(run: Run | None, form: str, err: re.error) -> FatalError:
    where = "rules/terms.yaml"
    if run is not None:
        for path in rules.rule_files(run, "terms"):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                continue
            for n, line in enumerate(lines, 1):
                if form in line:
                    return FatalError(f"{path}:{n}: instead_of: {form!r} is not a valid regular expression: {err}")
            where = str(path)
    return FatalError(f"{where}: instead_of: {form!r} is not a valid regular expression: {err}")


def compile_terms(raw: Sequence[dict[str, Any]], run: Run | None = None) -> list[Term]:
    out = []
    for item in raw:
        regex = bool(item.get("regex", False))
        case_sensitive = bool(item.get("case_sensitive", False))
        forms = [str(f) for f in item["instead_of"]]
        alternatives = sorted(forms, key=len, reverse=True)  # longest first: "web sites" before "web site"
        shipped = isinstance(item, rules.Shipped)  # copydesk's own: tested, not checked on every run
        for form in forms:
            if regex and not shipped:
                try:
                    re.compile(form)
                except re.error as err:
                    raise _bad_regex(run, form, err) from None
        body = "|".join(f"(?:{f})" if regex else _phrase(f) for f in alternatives)
        flags = 0 if case_sensitive else re.IGNORECASE
        whole = rf"(?<![\w'’])(?:{body})(?!\w)"
        level = item.get("level")
        needles = () if regex else tuple({frozenset(WORD.findall(f.lower())) for f in forms})
        out.append(
            Term(
                use=str(item["use"]),
                source=whole,
                flags=flags,
                editor=regex and not shipped,
                shown=" | ".join(forms),
                note=str(item.get("note", "")).strip(),
                case_sensitive=case_sensitive,
                regex=regex,
                rule=f"terms.{item['id']}" if item.get("id") else "terms.substitution",
                level=Severity(level) if level else None,
                safe=item.get("fix", "safe") == "safe",
                needles=needles,
            )
        )
    return out


def match_case(found: str, replacement: str) -> str:
    """``replacement`` in the case ``found`` was written in: capitals, capitalised or lower case."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if found[:1].islower():
        return replacement[:1].lower() + replacement[1:]
    return replacement


def find(terms: Sequence[Term], text: Text) -> Iterator[Hit]:
    """Every term in ``text``, in order; where two overlap, the earlier and longer one."""
    hits: list[Hit] = []
    slow: TooSlow | None = None
    words = frozenset(WORD.findall(text.value.lower()))
    for term in terms:
        if term.needles and not any(n <= words for n in term.needles):
            continue
        try:
            matches = list(term.pattern.finditer(text.value))
        except TooSlow as exc:  # this term is left out here; the others still report
            slow = slow or exc.at(text.start)
            continue
        for m in matches:
            found = m.group()
            replacement = m.expand(term.use) if term.regex else term.use
            if not term.case_sensitive:
                replacement = match_case(found, replacement)
            if replacement != found:
                hits.append(Hit(term, m.start(), m.end(), found, replacement))
    yield from longest_first(hits)
    if slow is not None:
        raise slow  # after the other terms' hits: the check reports them, and the limit


def note_text(note: str) -> str:
    """A note as it reads inside the message's brackets: no final stop, a common opening word in lower case."""
    note = note.strip().rstrip(".").strip()
    first = note.split(" ", 1)[0]
    if first.lower() in _LOWER_OPENERS and first[:1].isupper() and first[1:].islower():
        note = note[:1].lower() + note[1:]
    return note


def message(hit: Hit) -> str:
    note = note_text(hit.term.note)
    return f"'{hit.found}': house style is '{hit.replacement}'" + (f" ({note})" if note else "")


def _terms(run: Run) -> list[Term]:
    result: list[Term] = run.cached("terms:compiled", lambda: compile_terms(rules.entries(run, "terms"), run))
    return result


PREFERENCE = "a house preference (fix: suggestion in the rule file), not an error"
QUOTED = "inside a quotation: the speaker's words are changed by hand, if at all"


def prepare(articles: Sequence[Article], run: Run) -> None:
    _terms(run)  # a broken rule file stops the run before any article is read


def check(article: Article, run: Run) -> Iterator[Finding]:
    terms = _terms(run)
    accepted = {w.lower() for w in article.vocabulary}
    for text in article.texts():
        for hit in find(terms, text):
            if hit.found.lower() in accepted:
                continue
            start, end = text.span(hit.start, hit.end)
            fix = None
            if text.is_verbatim(article.source, hit.start, hit.end):
                why = "" if hit.term.safe else PREFERENCE
                why = QUOTED if in_quotation(text.value, hit.start) else why
                fix = Edit(start, end, hit.replacement, safe=not why, why=why)
            yield Finding(
                hit.term.rule,
                message(hit),
                start,
                end,
                (hit.replacement,),
                severity=hit.term.level,
                fix=fix,
                explanation=f"the house style lists '{hit.found}' among the forms to replace with '{hit.term.use}'",
            )
