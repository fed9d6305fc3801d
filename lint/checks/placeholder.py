"""Placeholder text where content should be.

Looks everywhere prose is: FAQ answers first, then FAQ questions, the headline,
the summary and other metadata prose, and the body.

- ``placeholder.text``: words that stand in for content, from ``rules/placeholders.yaml``:
  lorem ipsum, TBD, TODO, TK, "Answer goes here", "Coming soon" as a whole answer …
  Some forms count anywhere ("TODO", "lorem ipsum dolor"), others only as a whole
  answer or field ("N/A", "Text", "…"), so the word "text" inside a sentence is fine.
- ``placeholder.template``: template markers left in: ``{{ faq.answer }}``, ``[insert quote]``,
  ``<placeholder>``.  Template code a site generator renders (``{{ site.baseurl }}``,
  ``{{ "/" | url }}``, ``{{ .Date }}``) is not a marker: :mod:`lint.templates` tells them apart.
- ``placeholder.empty-answer``: an FAQ question whose answer is empty or blank.
- ``placeholder.repeated-answer``: one answer given to several questions; every copy is
  reported and the message says how many questions share it.
- ``placeholder.echoed-question``: an answer that only repeats its question.
- ``placeholder.gibberish``: a short answer made mostly of unknown words, with no sentence
  shape ("Drowpdown Klark"); words the article uses elsewhere count as known.
- ``placeholder.chrome``: page furniture copied with the text ("Back to the articles",
  "Skip to content"), recorded by the plain-text reader or matched as a whole line.

Each FAQ answer gets at most one finding: the first that applies in the order above
(a repeated answer that is also "TBD" is reported as placeholder text, and the message
says how many questions share it).  In the body, tables, code spans, link texts and
quoted mentions ("the “TODO” list") are not searched, and a marker in capitals the
sentence talks about ("remove outdated FIXME comments") is no placeholder.  A run of
lorem ipsum (:mod:`lint.filler`) is one finding, however many sentences it has.

Examples::

    answer: "TBD"                      # placeholder.text
    answer: "{{ faq.answer }}"         # placeholder.template
    answer: ""                         # placeholder.empty-answer
    body: The famous Lorem Ipsum text  # fine: a mention, not dummy text
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lint import lexicon, templates
from lint import rules as ruledata
from lint.diagnostics import Finding, Severity
from lint.errors import FatalError
from lint.needles import Haystack, required
from lint.patterns import EditorPattern, TooSlow
from lint.spelling import word_set
from lint.text import Text
from lint.words import WORD, word_list

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "placeholder"
RULE_FILES = ("placeholders",)  # rules/placeholders.yaml
RULES: dict[str, tuple[Severity, str]] = {
    "placeholder.text": (Severity.ERROR, "Placeholder text where content should be: lorem ipsum, TBD, TODO, TK, N/A."),
    "placeholder.template": (Severity.ERROR, "A template marker left in the text: {{ … }}, [insert …], <placeholder>."),
    "placeholder.empty-answer": (Severity.ERROR, "An FAQ question with an empty answer."),
    "placeholder.repeated-answer": (Severity.ERROR, "The same answer given to several FAQ questions."),
    "placeholder.echoed-question": (Severity.ERROR, "An FAQ answer that only repeats its question."),
    "placeholder.gibberish": (Severity.ERROR, "A short answer made of unknown words, with no sentence shape."),
    # warning: chrome lines are found by layout (a short line the reader took for navigation), not by meaning
    "placeholder.chrome": (Severity.WARNING, "Page furniture copied with the text: 'Back to top', 'Skip to content'."),
}

# where a form looks; an entry without ``scope`` looks everywhere
SCOPES = ("answers", "questions", "title", "summary", "body")

WHAT = {
    "answers": "an answer",
    "questions": "a question",
    "title": "a headline",
    "summary": "a summary",
    "body": "article text",
}

QUOTES_BEFORE = "\"'“‘«"
QUOTES_AFTER = "\"'”’»"
TRIM = " \t\r\n.!?…:;,\"'“”‘’«»"
TABLE_ROW = re.compile(r"^\s*\|")
LINE_MARKUP = re.compile(r"^\s*(?:[-*+>]\s+|\d+[.)]\s+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Form:
    """One compiled rule entry: a phrase (or pattern) and where and how it counts."""

    rule: str
    source: str  # the regular expression (a literal phrase already escaped)
    flags: int
    whole: bool = False  # only as the whole answer, field or line
    max_words: int = 0  # only in texts of at most this many words (0: any length)
    scopes: frozenset[str] = frozenset(SCOPES)
    message: str = ""  # %s is the text found
    level: Severity | None = None
    clause: bool = False  # extend the match over the words that follow, up to punctuation
    keyword: str | None = None  # a literal phrase's first word (lower case): no match without it
    editor: bool = False  # an editor's expression (regex: true): run within a time limit (lint.patterns)

    @cached_property
    def pattern(self) -> re.Pattern[str] | EditorPattern:
        """Compiled on first use: most phrases are never tried on a given article."""
        return EditorPattern(self.source, self.flags) if self.editor else re.compile(self.source, self.flags)

    @cached_property
    def needles(self) -> tuple[str, ...]:
        """Words one of which every match holds (lower case): a text with none of them is not searched."""
        return required(self.source, self.flags)


def literal(phrase: str) -> str:
    """A regular expression for ``phrase`` as written: whole words, any run of spaces between them."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    head = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    tail = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return head + body + tail


def compile_forms(entries: Iterable[dict[str, Any]], default_rule: str) -> list[Form]:
    """Rule-file entries (already validated by their schema) as :class:`Form` values."""
    forms = []
    for entry in entries:
        phrases = entry["text"] if isinstance(entry["text"], list) else [entry["text"]]
        flags = 0 if entry.get("case") else re.IGNORECASE
        level = entry.get("level")
        for phrase in phrases:
            source = phrase if entry.get("regex") else literal(phrase)
            if entry.get("regex") and not isinstance(entry, ruledata.Shipped):
                # an editor's expression: check it now, not on the first article it meets (copydesk's own are tested)
                try:
                    re.compile(source, flags)
                except re.error as exc:
                    raise FatalError(f"rule {phrase!r}: not a valid regular expression: {exc}") from None
            forms.append(
                Form(
                    rule=entry.get("rule", default_rule),
                    source=source,
                    flags=flags,
                    whole=bool(entry.get("whole")),
                    max_words=int(entry.get("max_words", 0)),
                    scopes=frozenset(entry.get("scope", SCOPES)),
                    message=entry.get("message", ""),
                    level=Severity(level) if level else None,
                    clause=bool(entry.get("clause")),
                    keyword=None if entry.get("regex") else _first_word(phrase),
                    editor=bool(entry.get("regex")) and not isinstance(entry, ruledata.Shipped),
                )
            )
    return forms


def _first_word(phrase: str) -> str | None:
    """The first word of a literal phrase, as WORD finds it; None when the phrase has none."""
    first = WORD.search(phrase)
    return first.group().lower() if first is not None and first.start() == 0 else None


def forms(run: Run) -> list[Form]:
    """The placeholder forms of this run (shipped and configured rule files)."""
    result: list[Form] = run.cached(
        "placeholder:forms", lambda: compile_forms(ruledata.entries(run, "placeholders"), "placeholder.text")
    )
    return result


def trimmed(value: str) -> tuple[int, int]:
    """``value`` without surrounding whitespace: (start, end)."""
    start = len(value) - len(value.lstrip())
    return start, max(start, len(value.rstrip()))


@dataclass(frozen=True)
class _Index:
    """The forms of one scope: those to try always, and the literal ones by their first word."""

    forms: tuple[Form, ...]
    always: list[tuple[int, Form]]
    by_word: dict[str, list[int]]


# by the forms' ids: a kept index holds its forms, so no id in a key can be another object's; the
# oldest go first, else every run of a long-lived process (a language server, the fuzz campaign)
# and every article's own choice of forms would be kept to the end
_INDEXES: OrderedDict[tuple[tuple[int, ...], str], _Index] = OrderedDict()
INDEXES_KEPT = 256


def _index(found_in: Sequence[Form], scope: str) -> _Index:
    forms = tuple(found_in)
    key = (tuple(map(id, forms)), scope)
    if key in _INDEXES:
        _INDEXES.move_to_end(key)
    else:
        always: list[tuple[int, Form]] = []
        by_word: dict[str, list[int]] = {}
        for i, form in enumerate(forms):
            if scope not in form.scopes:
                continue
            if form.keyword is None:
                always.append((i, form))
            else:
                by_word.setdefault(form.keyword, []).append(i)
        _INDEXES[key] = _Index(forms, always, by_word)
        while len(_INDEXES) > INDEXES_KEPT:
            _INDEXES.popitem(last=False)
    return _INDEXES[key]


def matches(
    value: str, found_in: Sequence[Form], scope: str, syntax: frozenset[str] = templates.DEFAULT
) -> Iterator[tuple[Form, int, int]]:
    """Every form of ``scope`` found in ``value``: (form, start, end) in ``value``.  ``syntax``: the
    template syntaxes the site renders; a tag of one of them is code, not a marker."""
    return _matches(value, _index(found_in, scope), syntax)


def _matches(value: str, index: _Index, syntax: frozenset[str] = templates.DEFAULT) -> Iterator[tuple[Form, int, int]]:
    a, b = trimmed(value)
    core = value[a:b].strip(TRIM)
    found_words = word_list(value)
    count = len(found_words)
    # a literal phrase whose first word is not in the text cannot match: look only at the others
    by_word = index.by_word
    hits = {i for w in {w.lower() for w in set(found_words)} if (found := by_word.get(w)) for i in found}
    tried = sorted([*index.always, *((i, index.forms[i]) for i in hits)], key=_first) if hits else index.always
    hay = Haystack(value)
    for _, form in tried:
        if form.whole:
            if a < b and (form.pattern.fullmatch(value[a:b]) or (core and form.pattern.fullmatch(core))):
                yield form, a, b
            continue
        if form.max_words and count > form.max_words:
            continue
        if not hay.may_hold(form.needles):
            continue  # it cannot match: no need to search
        for m in form.pattern.finditer(value):
            alone = (m.start(), m.end()) == (a, b)  # a whole field that is one expression: nothing was filled in
            code = _code(form, m.group(), syntax)
            if m.end() > m.start() and not (code and not alone) and not mention(value, *m.span()):
                yield form, m.start(), _clause_end(value, m.end()) if form.clause else m.end()


def _code(form: Form, found: str, syntax: frozenset[str] = templates.DEFAULT) -> bool:
    """``{{ site.url }}``: template code the site's generator renders, not a marker (see :mod:`lint.templates`)."""
    return form.rule == "placeholder.template" and found.startswith("{") and templates.rendered(found, syntax)


# words that make a marker in capitals the thing talked about: "remove the FIXME comments",
# "the %USERPROFILE% variable", "the word TODO"
DETERMINERS = word_set("""
    the a an this that these those each every any all no some our your their its his her my outdated old
    stale remaining leftover word term string keyword marker tag label
    """)
MENTION_NOUNS = word_set("""
    comment comments note notes marker markers tag tags item items list lists line lines entry entries
    variable variables placeholder placeholders keyword keywords annotation annotations directory folder
    path value values setting settings field fields string strings token tokens flag flags macro macros
    section sections label labels file files environment
    """)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([^\W\d_]+)")


def mention(value: str, i: int, j: int) -> bool:
    """A marker in capitals that the sentence talks about ("remove outdated FIXME comments"), not one
    standing in for text: after a determiner or "the word", before a noun that names it, or in a path."""
    found = value[i:j]
    letters = [c for c in found if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or any(c.isspace() for c in found):
        return False
    before = _WORD_BEFORE.search(value, max(0, i - 40), i)
    after = _WORD_AFTER.match(value[j : j + 40])
    if before is not None and before.group(1).lower() in DETERMINERS:
        return True
    if after is not None and after.group(1).lower() in MENTION_NOUNS:
        return True
    return value[j : j + 1] in ("\\", "/")  # %APPDATA%\Microsoft: a path


def _first(pair: tuple[int, Form]) -> int:
    return pair[0]


CLAUSE_STOP = r"(?:that|which|who|when|while|and|but|because|after|before|in|on|at|to)\b"
CLAUSE_WORD = re.compile(rf"(?:[ \t]+|[ \t]*\n[ \t]*(?=\S))(?!{CLAUSE_STOP})[\w'’-]+")


def _clause_end(value: str, end: int, most: int = 6) -> int:
    """Extend a match over the next few words ("according to local media reports"), up to punctuation."""
    for _ in range(most):
        m = CLAUSE_WORD.match(value, end)
        if m is None:
            break
        end = m.end()
    return end


def message(form: Form, found: str, scope: str, syntax: frozenset[str] = templates.DEFAULT) -> str:
    """The entry's own message (``%s``: the text found), else the rule's, naming what was expected."""
    if form.message:
        return form.message.replace("%s", found)
    if form.rule == "placeholder.template" and _shown_as_written(found):
        said = ", ".join(sorted(syntax)) or "none"
        return (
            f"“{found}” is template code this site does not render in an article (templates = {said}):"
            " the page shows it as written; delete it or write the text it stands for."
        )
    if form.rule == "placeholder.template":
        return f"“{found}” is a template marker, not {WHAT[scope]}: write the text it stands for."
    if form.rule == "placeholder.chrome":
        return chrome_message(found)
    return f"“{found}” is placeholder text, not {WHAT[scope]}: write the real text."


def _shown_as_written(found: str) -> bool:
    """Template code by its shape (a tag, a shortcode, ``{{ .Date }}``), which a site not rendering it shows."""
    if found.startswith(("{%", "{{<", "{{%", "{#")):
        return True
    return found.startswith("{{") and templates.is_code(found[2:-2])


def chrome_message(found: str) -> str:
    return f"“{found}” is page furniture copied with the article: delete it."


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Nothing to gather: repeated answers are compared within one article."""


def check(article: Article, run: Run) -> Iterable[Finding]:
    found = forms(run)
    try:
        out: list[Finding] = list(_answers(article, found, run))
    except TooSlow as slow:  # an editor's expression: placed at the FAQ it ran on
        faq = next((i.answer for i in article.faq or () if i.answer is not None), None)
        raise slow.at(faq.start if faq is not None else 0) from None
    for scope, text in _places(article):
        try:
            if scope == "body":
                out.extend(_body(article, text, found))
            elif scope == "title" and _named_for(article, text):
                continue  # a reference page named for its subject: Title.md, "Title" (the .Title method)
            else:
                out.extend(_field(text, scope, found, templates.syntaxes(article.templates)))
        except TooSlow as slow:  # an editor's expression: placed at the text it ran on
            raise slow.at(text.start) from None
    for text in getattr(article, "chrome", None) or ():  # lines the reader took for page chrome
        a, b = trimmed(text.value)
        if a < b:
            out.append(_finding(text, a, b, "placeholder.chrome", chrome_message(text.value[a:b])))
    return without_overlaps(out)


def _named_for(article: Article, title: Text) -> bool:
    """The headline is the file's own name (``Title.md`` titled "Title"): the page is about that word."""
    name = article.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(name) and title.value.strip() == name


def _places(article: Article) -> Iterator[tuple[str, Text]]:
    """Every prose text but the FAQ answers, with the scope rule entries name it by."""
    if article.title is not None:
        yield "title", article.title
    if article.summary is not None:
        yield "summary", article.summary
    for text in article.other_texts:
        yield "summary", text
    for text in article.body:
        yield "body", text
    for item in article.faq or ():
        if item.question is not None:
            yield "questions", item.question


def _finding(text: Text, i: int, j: int, rule: str, said: str, level: Severity | None = None, why: str = "") -> Finding:
    start, end = text.span(i, j) if j > i else (text.start, text.start)
    return Finding(rule, said, start, end, severity=level, explanation=why)


LOREM = "“%s” is dummy text (lorem ipsum): write the real text."


def _filler(text: Text) -> Iterator[Finding]:
    """One finding for each run of lorem ipsum in ``text``, however many sentences it has."""
    for i, j in text.filler:
        shown = text.value[i:j]
        words = shown.split()
        if len(words) > 5:
            shown = " ".join(words[:5]).rstrip(",.;:") + " …"
        yield _finding(text, i, j, "placeholder.text", LOREM.replace("%s", shown))


def _in_filler(text: Text, i: int, j: int) -> bool:
    return any(a < j and i < b for a, b in text.filler)


def _field(text: Text, scope: str, found: Sequence[Form], syntax: frozenset[str]) -> Iterator[Finding]:
    value = text.value
    yield from _filler(text)
    for form, i, j in matches(value, found, scope, syntax):
        if (not form.whole and _quoted(value, i, j)) or _in_filler(text, i, j):
            continue
        yield _finding(text, i, j, form.rule, message(form, value[i:j], scope, syntax), form.level)


def _body(article: Article, text: Text, found: Sequence[Form]) -> Iterator[Finding]:
    value = text.value
    markdown = article.format in ("markdown", "json")  # a JSON body is Markdown too
    table_rows = [(m.start(), m.end()) for m in re.finditer(r"^[ \t]*\|.*$", value, re.MULTILINE)] if markdown else []
    syntax = templates.syntaxes(article.templates)
    yield from _filler(text)
    for form, i, j in matches(value, [f for f in found if not f.whole], "body", syntax):
        if _quoted(value, i, j) or any(a <= i < b for a, b in table_rows) or _in_filler(text, i, j):
            continue
        if markdown and (in_code_span(article.source, text.span(i, j)[0]) or _link_text(article.source, text, j)):
            continue
        yield _finding(text, i, j, form.rule, message(form, value[i:j], "body", syntax), form.level)
    # forms that must be a whole line: only those whose words the text has can match any line
    hay = Haystack(value)
    whole = _index([f for f in found if f.whole and "body" in f.scopes and hay.may_hold(f.needles)], "body")
    if not whole.always and not whole.by_word:
        return
    tried = [f for _, f in whole.always] + [whole.forms[i] for ids in whole.by_word.values() for i in ids]
    lines = _lines_with(value, hay, tried)
    for m in re.finditer(r"[^\n]+", value):
        if lines is not None and m.start() not in lines:
            continue  # … and only on the lines that have them
        line = m.group()
        if line.lstrip().startswith("#") or TABLE_ROW.match(line):
            continue
        skip = LINE_MARKUP.match(line)
        offset = m.start() + (skip.end() if skip else 0)
        for form, i, j in _matches(value[offset : m.end()], whole, syntax):
            if _in_filler(text, offset + i, offset + j):
                continue
            shown = value[offset + i : offset + j]
            yield _finding(text, offset + i, offset + j, form.rule, message(form, shown, "body", syntax), form.level)


def _lines_with(value: str, hay: Haystack, forms: Sequence[Form]) -> set[int] | None:
    """The starts of the lines of ``value`` that hold a needle of one of ``forms`` (None: maybe every line)."""
    if any(not f.needles for f in forms) or hay.folds or len(hay.lowered) != len(value):
        return None
    out: set[int] = set()
    for needle in {n for f in forms for n in f.needles}:
        i = hay.lowered.find(needle)
        while i >= 0:
            out.add(value.rfind("\n", 0, i) + 1)
            i = hay.lowered.find(needle, i + 1)
    return out


def _quoted(value: str, i: int, j: int) -> bool:
    """A mention in quotes (the “TODO” list), not a placeholder."""
    return i > 0 and j < len(value) and value[i - 1] in QUOTES_BEFORE and value[j] in QUOTES_AFTER


def in_code_span(source: str, offset: int) -> bool:
    line_start = source.rfind("\n", 0, offset) + 1
    return source.count("`", line_start, offset) % 2 == 1


def _link_text(source: str, text: Text, j: int) -> bool:
    """``[insert name](…)``: the text of a link, not a bracketed marker."""
    if j == 0 or text.value[j - 1] != "]":
        return False
    end = text.span(j - 1, j)[1]
    return source[end : end + 1] in ("(", "[")


# ---- FAQ answers ------------------------------------------------------------------------------


def _normal(value: str) -> str:
    return " ".join(w.lower() for w in word_list(value))


def _answers(article: Article, found: Sequence[Form], run: Run) -> Iterator[Finding]:
    yield from _null_answers(article)
    items = [item for item in article.faq or () if item.answer is not None]
    copies: dict[str, int] = {}
    for item in items:
        assert item.answer is not None
        key = _normal(item.answer.value)
        if key and not _too_common_to_repeat(key, article.lang):
            copies[key] = copies.get(key, 0) + 1
    known = _article_words(article) if items else set()  # the words of the text, for the answers
    for item in items:
        answer = item.answer
        assert answer is not None
        value = answer.value
        a, b = trimmed(value)
        if a == b:
            yield _empty(article, answer)
            continue
        shared = copies.get(_normal(value), 0)
        also = f" ({shared} questions share this answer.)" if shared > 1 else ""
        finding = _answer_finding(article, item.question, answer, found, known, run)
        if finding is not None:
            if also:
                finding = replace(finding, message=finding.message + also)
            yield finding
            continue
        if shared > 1:
            yield _finding(
                answer,
                a,
                b,
                "placeholder.repeated-answer",
                f"The same answer is given to {shared} FAQ questions: each question needs its own answer.",
            )


def _answer_finding(
    article: Article, question: Text | None, answer: Text, found: Sequence[Form], known: set[str], run: Run
) -> Finding | None:
    value = answer.value
    a, b = trimmed(value)
    syntax = templates.syntaxes(article.templates)
    for form, i, j in matches(value, found, "answers", syntax):
        if not form.whole and _quoted(value, i, j) and (i, j) != (a + 1, b - 1):
            continue
        rest = value[a:i] + value[j:b]
        if form.whole or form.max_words or not any(ch.isalnum() for ch in rest):
            i, j = a, b  # the placeholder is the whole answer: point at all of it
        shown = value[i:j].strip(TRIM) or value[i:j]
        return _finding(answer, i, j, form.rule, message(form, shown, "answers", syntax), form.level)
    if question is not None and _echoes(value, question.value):
        return _finding(
            answer,
            a,
            b,
            "placeholder.echoed-question",
            "The answer only repeats the question: write the answer.",
        )
    unknown = _gibberish(answer, known, article.lang)
    if unknown:
        why = f"unknown words: {', '.join(unknown)}; no sentence shape" if run.explain else ""
        return _finding(
            answer,
            a,
            b,
            "placeholder.gibberish",
            f"“{value[a:b]}” is not an answer: the words are unknown and do not make a sentence.",
            why=why,
        )
    return None


EMPTY = "This FAQ question has no answer: write one or remove the question."


def _empty(article: Article, answer: Text) -> Finding:
    start = answer.start
    end = start
    if answer.value:  # blank: point at the blanks
        start, end = answer.span(0, len(answer.value))
    elif (
        article.source[start : start + 1] in ("'", '"')
        and article.source[start + 1 : start + 2] == article.source[start]
    ):
        end = start + 2  # the empty string ""
    return Finding("placeholder.empty-answer", EMPTY, start, end)


def _null_answers(article: Article) -> Iterator[Finding]:
    """``answer:`` or ``"answer": null``: written but empty (a missing or non-text answer is the schema's)."""
    faq = article.tree.child("faq") or article.tree.child("faqs") if article.tree is not None else None
    for n, item in enumerate(article.faq or ()):
        node = faq.child(n) if faq is not None and item.answer is None else None
        answer = (node.child("answer") or node.child("a")) if node is not None else None
        if answer is not None and answer.value is None:
            written = article.source[answer.start : answer.end].strip()  # "null" or "~"; nothing at all
            yield Finding("placeholder.empty-answer", EMPTY, answer.start, answer.end if written else answer.start)


def _too_common_to_repeat(key: str, lang: str | None) -> bool:
    """'Yes.' may answer two questions; one common word is not a copied answer."""
    return " " not in key and lexicon.zipf(key, lang or "en") >= 4.0


def _echoes(answer: str, question: str) -> bool:
    aw, qw = _normal(answer).split(), _normal(question).split()
    if not aw or not qw:
        return False
    if aw == qw:
        return True
    return len(aw) >= 3 and abs(len(aw) - len(qw)) <= 2 and SequenceMatcher(None, aw, qw).ratio() >= 0.9


def _article_words(article: Article) -> set[str]:
    """Words the article uses outside its FAQ answers: names there are not unknown."""
    texts: list[Text] = [t for t in (article.title, article.summary) if t is not None]
    texts += article.other_texts + article.body + [i.question for i in article.faq or () if i.question is not None]
    out = {w.lower() for t in texts for w in set(word_list(t.value))}
    out.update(w.lower() for w in article.vocabulary)
    return out


def _gibberish(answer: Text, known: set[str], lang: str | None) -> list[str]:
    """The unknown words when ``answer`` is mostly unknown words with no sentence shape, else []."""
    found = list(word_list(answer.value))
    if not found or len(found) > 6:
        return []
    if len(found) >= 3 and SENTENCE_END.search(answer.value):
        return []
    code = lang or "en"
    if any(lexicon.zipf(w, code) >= 5.0 for w in found):  # "the", "is", "of": a sentence, however short
        return []
    unknown = [
        w for w in found if w.lower() not in known and not lexicon.known(w, code) and lexicon.zipf(w, code) < 3.0
    ]
    return unknown if 2 * len(unknown) > len(found) else []


def without_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per span: the first reported wins (answers are reported first).

    The spans kept never overlap, so sorted by start they are sorted by end too: a new span overlaps one of
    them exactly when it overlaps the last one starting before it ends (linear-ish: an FAQ of 100,000
    entries is not 10^10 comparisons)."""
    kept: list[Finding] = []
    starts: list[int] = []  # of the kept spans, sorted
    ends: list[int] = []  # their ends, in the same order
    for f in findings:
        a, b = f.start, max(f.end, f.start + 1)
        i = bisect.bisect_left(starts, b)
        if i and ends[i - 1] > a:
            continue
        starts.insert(i, a)
        ends.insert(i, b)
        kept.append(f)
    return kept
