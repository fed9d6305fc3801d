"""Plain-text articles, as they come out of a CMS export or a copied web page.

The shape read here::

    Back to the articles          <- page chrome: never the title, kept in ``article.chrome``
    Israel, Azerbaijan: strategic cooperation      <- the headline (first line of text)
    26/1/26                       <- a date line (day/month/year unless ``date_order`` says)
    Key diplomatic meeting        <- short lines without final punctuation: headings
    On January 26, 2026, ...      <- paragraphs
    sources                       <- a sources section: one URL or citation a line
    Frequently asked questions    <- an FAQ: a line ending in "?" is a question,
    What does it involve?            the lines after it are its answer
    ...

Every piece keeps its exact place in the file, and a located :class:`Node` tree
is built from what was read so the schema check places its findings on the
title, date, source or answer line, as it does for YAML and JSON metadata.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lint.article import Article, Node
from lint.readers import markdown, meta
from lint.resources import rules_path
from lint.text import Text

SOURCE_HEADINGS = {"sources", "source", "references", "sources and references"}
FAQ_HEADINGS = {
    "frequently asked questions",
    "faq",
    "faqs",
    "f a q",
    "frequently asked questions faq",
    "questions and answers",
    "q&a",
}
INLINE_SOURCES = re.compile(r"(?i)^(sources?|references)[ \t]*:[ \t]*(?=\S)")
QUESTION_PREFIX = re.compile(r"(?i)^(?:q|question)[ \t]*[:.)][ \t]*")
ANSWER_PREFIX = re.compile(r"(?i)^(?:a|answer)[ \t]*[:.)][ \t]*")
FINAL_PUNCTUATION = ".!?;:,…"
CLOSERS = "\"'”’)]»"
URLISH = re.compile(r"https?://|www\.|\S@\S", re.IGNORECASE)
BYLINE = re.compile(r"^By[ \t]+(?P<name>[^\W\d_][^.!?;:]{1,78})$")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
DATE_FORMS = (
    re.compile(
        r"(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{1,4})"
        r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # an ISO date-time: its date
    ),
    re.compile(rf"{_MONTH}[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?", re.IGNORECASE),
    re.compile(rf"{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}(?:,?[ \t]+{_YEAR})?", re.IGNORECASE),
)
DATE_LINE = re.compile(
    r"(?i)^(?:(?:published|posted|updated|last[ \t]+updated|date|dated)(?:[ \t]+on)?[ \t]*:?[ \t]*)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+)?"
    r"(?P<date>.+?)"
    r"(?:,?[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,5})?)?$"
)


@dataclass(frozen=True)
class Line:
    text: str  # without the line break
    start: int
    end: int

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def stripped(self, field: str, skip: int = 0) -> Text:
        """The line's text without surrounding blanks (and ``skip`` leading characters)."""
        lead = skip + len(self.text[skip:]) - len(self.text[skip:].lstrip())
        value = self.text[lead:].rstrip()
        return Text(field, value, self.start + lead)


@dataclass
class _Question:
    line: Line
    skip: int  # length of a "Q:" prefix
    answer: list[Line] = field(default_factory=list)


@lru_cache(maxsize=1)
def chrome_forms() -> frozenset[str]:
    """The page-chrome lines of ``rules/chrome.txt``, normalised."""
    from lint.rules import read_words

    path = rules_path("chrome.txt")
    return frozenset(_norm(w) for w in read_words(path)) if path.exists() else frozenset()


def _norm(text: str) -> str:
    text = re.sub(r"^[\W_]+|[\W_]+$", "", text.lower())
    return " ".join(text.split())


def is_chrome(text: str) -> bool:
    """A line that is only navigation or sharing labels ("Back to the articles", "Share | Tweet")."""
    parts = [_norm(p) for p in re.split(r"[|·•/]", text)]
    forms = chrome_forms()
    return bool(text.strip()) and all(p in forms for p in parts if p) and any(parts)


def parse_date(text: str, order: str = "dmy") -> str | None:
    """``text`` as an ISO date when it is a real date, ``None`` when it does not look like one.

    An impossible or incomplete date (``32/13/2021``, ``March 5th``) comes back
    as written, so the schema check reports it.
    """
    m = DATE_LINE.match(text.strip())
    if m is None:
        return None
    raw = m.group("date")
    for form in DATE_FORMS:
        d = form.fullmatch(raw)
        if d is None:
            continue
        if "a" in d.groupdict():
            a, b, c = d.group("a"), d.group("b"), d.group("c")
            if len(a) == 4 or order == "ymd":
                y, mo, day = a, b, c
            elif order == "mdy":
                mo, day, y = a, b, c
            else:
                day, mo, y = a, b, c
        else:
            if d.group("year") is None:
                return raw
            y, mo, day = d.group("year"), str(MONTHS[d.group("month").lower()]), d.group("day")
        year = int(y)
        if len(y) <= 2:
            year += 2000 if year < 70 else 1900
        try:
            return datetime.date(year, int(mo), int(day)).isoformat()
        except ValueError:
            return raw
    return None


def _lines(source: str) -> list[Line]:
    out = []
    pos = 0
    for chunk in source.split("\n"):
        text = chunk[:-1] if chunk.endswith("\r") else chunk
        out.append(Line(text, pos, pos + len(text)))
        pos += len(chunk) + 1
    return out


def _section(text: str) -> str | None:
    norm = " ".join(re.sub(r"[^\w&]+", " ", text.lower()).split())
    if norm in SOURCE_HEADINGS:
        return "sources"
    if norm in FAQ_HEADINGS:
        return "faq"
    return None


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS)[-1:] in tuple(FINAL_PUNCTUATION)


def heading_shaped(text: str) -> bool:
    """A short line without final punctuation: a heading (or a headline)."""
    t = text.strip()
    return bool(t) and len(t) <= 120 and len(t.split()) <= 14 and not _ends_sentence(t) and not URLISH.search(t)


def _question(text: str) -> int | None:
    """The length of the question prefix ("Q: ") when the line is a question, else None."""
    t = text.strip()
    prefix = QUESTION_PREFIX.match(t)
    if prefix:
        return len(text) - len(text.lstrip()) + prefix.end()
    if t.rstrip(CLOSERS).endswith("?"):
        return 0
    return None


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def read(article: Article, date_order: str = "dmy") -> None:
    lines = _lines(article.source)
    last = max((i for i, ln in enumerate(lines) if not ln.blank and not is_chrome(ln.text)), default=-1)
    kids: dict[str, Node] = {}
    i = _header(article, lines, kids, date_order)

    body: list[Line | None] = []  # None: a break between blocks
    sources: list[Line] = []
    sources_at: Line | None = None
    questions: list[_Question] = []
    faq_at: Line | None = None
    state = "body"
    gap = False  # a blank line since the last line of the section
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.blank:
            gap = True
            if state == "body":
                body.append(None)
            continue
        if is_chrome(line.text) and (state != "faq" or i - 1 > last):
            article.chrome.append(line.stripped("chrome"))
            continue
        section = _section(line.text)
        if section == "sources" and not gap and (state == "faq" or (state == "sources" and not sources)):
            section = None  # an answer or a (junk) entry that reads "sources"
        if section is not None:
            state, gap = section, False
            if section == "faq":
                faq_at = faq_at or line
            else:
                sources_at = sources_at or line
            body.append(None)
            continue
        inline = INLINE_SOURCES.match(line.text.strip()) if state == "body" else None
        if inline is not None and sources_at is None:
            lead = len(line.text) - len(line.text.lstrip())
            sources_at = Line(line.text[: lead + inline.end()], line.start, line.start + lead + inline.end())
            sources.append(Line(line.text[lead + inline.end() :], line.start + lead + inline.end(), line.end))
            state, gap = "sources", False
            continue
        if state == "sources":
            ends = gap and (heading_shaped(line.text) or len(line.text.split()) >= 20)
            if not ends:
                sources.append(line)
                gap = False
                continue
            state = "body"
            body.append(None)
        if state == "faq":
            skip = _question(line.text)
            current = questions[-1] if questions else None
            echo = current is not None and not current.answer and not gap and _same(line.text, current.line.text)
            if skip is not None and not echo:
                questions.append(_Question(line, skip))
            elif current is not None:
                current.answer.append(line)
            else:
                body.append(line)  # text between the FAQ heading and its first question
            gap = False
            continue
        body.append(line)
        gap = False

    _body(article, body)
    if sources_at is not None:
        kids["sources"] = _sources_node(sources_at, sources)
    if faq_at is not None:
        kids["faq"] = _faq_node(article.source, faq_at, questions)
    root = Node({k: v.value for k, v in kids.items()}, 0, len(article.source), children=kids)
    meta.fill(article, root)


def _header(article: Article, lines: list[Line], kids: dict[str, Node], order: str) -> int:
    """Read chrome, headline, date line and byline at the top; the index of the next line."""
    i = 0
    seen = 0  # content lines looked at after the headline
    while i < len(lines) and seen < 3:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if is_chrome(line.text):
            article.chrome.append(line.stripped("chrome"))
            i += 1
            continue
        if _section(line.text) or INLINE_SOURCES.match(line.text.strip()):
            break
        date = parse_date(line.text, order) if "date" not in kids else None
        if date is not None:
            text = line.stripped("date")
            kids["date"] = _leaf(date, text, text if text.value == date else None)
        elif "title" not in kids and (heading_shaped(line.text) or (not kids and not _paragraph(line.text))):
            text = line.stripped("title")
            kids["title"] = _leaf(text.value, text, text)
        elif "author" not in kids and (byline := BYLINE.match(line.text.strip())) and len(line.text.split()) <= 9:
            text = line.stripped("author", len(line.text) - len(line.text.lstrip()) + byline.start("name"))
            kids["author"] = _leaf(text.value, text, text)
        else:
            break
        if "title" in kids:
            seen += 1
        i += 1
    return i


def _paragraph(text: str) -> bool:
    """A long line ending a sentence: prose, not a headline."""
    return len(text.split()) > 30 and _ends_sentence(text)


def _leaf(value: str, place: Text, text: Text | None) -> Node:
    start, end = place.start, place.start + len(place.value)
    return Node(value, start, end, start, end, text=text)


def _body(article: Article, lines: list[Line | None]) -> None:
    """Paragraphs and headings from the body lines (``None`` separates blocks)."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None:
            run.append(line)
            continue
        segment: list[Line] = []
        for k, ln in enumerate(run):
            nxt = run[k + 1] if k + 1 < len(run) else None
            if heading_shaped(ln.text) and (nxt is None or _starts_block(ln, nxt)):
                _paragraphs(article, segment)
                segment = []
                heading = ln.stripped("heading")
                article.headings.append(heading)
                article.body.append(heading)
            else:
                segment.append(ln)
        _paragraphs(article, segment)
        run = []


def _starts_block(line: Line, nxt: Line) -> bool:
    """A heading-shaped line followed, without a blank line, by the paragraph it heads."""
    first = nxt.text.strip()[:1]
    return (first.isupper() or first.isdigit() or first in "\"'“‘") and len(line.text) < 0.7 * len(nxt.text)


def _paragraphs(article: Article, segment: list[Line]) -> None:
    if not segment:
        return
    if all(_ends_sentence(ln.text) or len(ln.text) > 150 for ln in segment[:-1]):  # one paragraph a line
        blocks = [[ln] for ln in segment]
    else:  # hard-wrapped text: the lines make one paragraph
        blocks = [segment]
    for block in blocks:
        first = block[0].stripped("body")
        end = block[-1].start + len(block[-1].text.rstrip())
        value = article.source[first.start : end]
        article.body.append(markdown.decode_entities(Text("body", markdown.mask_addresses(value), first.start)))


def _sources_node(heading: Line, entries: list[Line]) -> Node:
    place = heading.stripped("sources")
    children = []
    for line in entries:
        bullet = re.match(r"[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?", line.text)
        text = line.stripped("sources", bullet.end() if bullet else 0)
        children.append(_leaf(text.value, text, text))
    start, key_end = place.start, place.start + len(place.value)
    end = max([key_end, *(c.end for c in children)])
    return Node([c.value for c in children], start, end, start, key_end, children=children)


def _faq_node(source: str, heading: Line, questions: list[_Question]) -> Node:
    place = heading.stripped("faq")
    items = []
    for n, q in enumerate(questions):
        question = q.line.stripped(f"faq[{n}].question", q.skip)
        q_node = _leaf(question.value, question, question)
        if q.answer:
            first = q.answer[0]
            prefix = ANSWER_PREFIX.match(first.text.strip())
            lead = len(first.text) - len(first.text.lstrip()) + (prefix.end() if prefix else 0)
            start = first.start + lead
            end = q.answer[-1].start + len(q.answer[-1].text.rstrip())
            answer = Text(f"faq[{n}].answer", source[start:end], start)
        else:  # no answer: an empty one, just after the question
            answer = Text(f"faq[{n}].answer", "", q.line.start + len(q.line.text.rstrip()))
        a_node = Node(answer.value, answer.start, answer.start + len(answer.value), text=answer)
        kids = {"question": q_node, "answer": a_node}
        start, end = q_node.start, max(q_node.end, a_node.end)
        items.append(Node({k: v.value for k, v in kids.items()}, start, end, start, end, children=kids))
    start, key_end = place.start, place.start + len(place.value)
    end = max([key_end, *(c.end for c in items)])
    return Node([c.value for c in items], start, end, start, key_end, children=items)
