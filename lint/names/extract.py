"""The capitalised words of an article that may be names, with what surrounds them.

A mention is a capitalised word (possessive ``'s`` dropped) with its context:
a title before it ("President Herzog"), a first name before it ("Ilham Aliyev"),
a capitalised word after it (so it may itself be a first name), a speech verb
next to it ("Hewitt said"), whether it starts a sentence or stands in a
title-case headline (where capitals prove nothing), and ``[sic]`` after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.article import Article
from lint.lexicon import zipf
from lint.names.people import FUNCTION_WORDS, NOT_GIVEN_NAMES, SPEECH, TITLES, given_name
from lint.text import Text
from lint.words import Word, is_title_case, words

POSSESSIVE = re.compile(r"['’]s$")
CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$|n['’]t$", re.IGNORECASE)
SIC = re.compile(r"^\W{0,3}[\[(]sic[\])]", re.IGNORECASE)
# what ends a sentence before a word: a stop (with closing quotes or brackets), a blank line,
# or a line that opens with list, heading or quote markup
SENTENCE_GAP = re.compile(r"[.!?:…]['\"”’)\]]*\s*$|\n\s*\n\s*$|\n\s*(?:[-*+>#|]+|\d+[.)])?\s*['\"“‘(\[*_]*$")
LINE_OPENING = re.compile(r"\s*(?:[-*+>#|]+|\d+[.)])?\s*['\"“‘(\[*_]*")
ADJACENT = re.compile(r"^[ \t]*(?:\n[ \t]*)?$")  # one space or line break, nothing else
AFTER_TITLE = re.compile(r"^\.?[ \t]*(?:\n[ \t]*)?$")  # "Dr. Smith", "Dr Smith"


@dataclass(frozen=True)
class Mention:
    spelling: str  # as written, possessive dropped: "Herzog" for "Herzog’s"
    text: Text
    start: int  # index into text.value
    end: int
    sentence_start: bool
    headline: bool  # inside a title-case line: capitals prove nothing there
    title: str | None  # "president", "mr" … just before
    first: str | None  # the capitalised given name just before: "Ilham" for "Aliyev"
    next: str | None  # the capitalised word just after: "Aliyev" for "Ilham"
    said: bool  # next to a speech verb
    sic: bool  # followed by [sic]: quoted as written

    @property
    def proper(self) -> bool:
        """Capitalised for a reason of its own: a proper noun, not a sentence opening."""
        if self.title or self.said:
            return True
        if self.headline:
            return self.first is not None  # only known given names count as first names there
        return not self.sentence_start or self.first is not None

    @property
    def lead(self) -> bool:
        """Stands as a given name before another name ("Ilham" in "Ilham Aliyev")."""
        return self.next is not None and not self.headline


def _headline_ranges(text: Text, whole: bool) -> list[tuple[int, int]]:
    """Ranges of ``text.value`` that are title-case lines."""
    if whole:
        return [(0, len(text.value))] if is_title_case(text.value) else []
    out = []
    pos = 0
    for line in text.value.split("\n"):
        if line.strip() and is_title_case(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _gap(value: str, a: Word, b: Word) -> str:
    return value[a.end : b.start]


def _name_like(word: Word) -> bool:
    w = word.text
    return w[:1].isupper() and w.lower() not in FUNCTION_WORDS and not (len(w) > 1 and w.isupper())


def _given_name_like(word: Word, opening: bool) -> bool:
    """Could stand as the given name before a surname (not "Monday", not a sentence's "Yesterday")."""
    if not _name_like(word) or word.text.lower() in NOT_GIVEN_NAMES:
        return False
    if opening and len(word.text) > 1:
        return given_name(word.text) or zipf(word.text) < 4.0
    return True


def _opens(gap: str) -> bool:
    """``SENTENCE_GAP.search(gap)``, in linear time (gaps over blanked code blocks can be long)."""
    if gap.rstrip().rstrip("'\"”’)]").endswith((".", "!", "?", ":", "…")):
        return True
    if "\n" not in gap:
        return False
    if gap[len(gap.rstrip()) :].count("\n") >= 2:
        return True
    return LINE_OPENING.fullmatch(gap.rsplit("\n", 1)[1]) is not None


def _sentence_starts(value: str, ws: list[Word]) -> list[bool]:
    """For each word, whether it opens a sentence, a line or a list item."""
    out = []
    last = 0
    for k, w in enumerate(ws):
        gap = value[last : w.start]
        if k == 0:
            out.append(True)
        elif "\n" not in gap and not any(c in gap for c in ".!?:…"):
            out.append(False)  # the usual case, a space or a comma: no regular expression needed
        else:
            out.append(_opens(gap))
        last = w.end
    return out


def text_mentions(text: Text, headline: bool = False) -> Iterator[Mention]:
    """Mentions in one piece of prose; ``headline`` when the whole text is a headline."""
    value = text.value
    ws = list(words(text))
    opens = _sentence_starts(value, ws)
    ranges = _headline_ranges(text, headline)
    for k, w in enumerate(ws):
        if not w.capitalised:
            continue
        if CONTRACTION.search(w.text):
            continue  # "We're", "I’ve", "Don't"
        spelling = POSSESSIVE.sub("", w.text)
        if len(spelling) < 3 or spelling.isupper() or spelling.lower() in FUNCTION_WORDS:
            continue
        in_headline = any(a <= w.start < b for a, b in ranges)
        prev = ws[k - 1] if k else None
        before = ws[k - 2] if k > 1 else None
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        title = None
        first = None
        if prev is not None and AFTER_TITLE.match(_gap(value, prev, w)):
            low = prev.text.lower()
            if low in TITLES:
                title = low
            elif (
                POSSESSIVE.search(prev.text) is None
                and _given_name_like(prev, opens[k - 1])
                and (not in_headline or given_name(prev.text))
            ):
                first = prev.text
                if len(first) == 1 and before is not None and _name_like(before):
                    first = before.text  # "George W. Bush"
                if first.lower() in TITLES:
                    title, first = first.lower(), None
        following = None
        if (
            nxt is not None
            and not in_headline
            and POSSESSIVE.search(w.text) is None
            and ADJACENT.match(_gap(value, w, nxt))
            and _name_like(nxt)
            and nxt.text.lower() not in TITLES
        ):
            following = POSSESSIVE.sub("", nxt.text)
        said_after = nxt is not None and nxt.text in SPEECH and re.match(r"^,?[ \t]+$", _gap(value, w, nxt))
        said_before = prev is not None and prev.text in SPEECH and re.match(r"^[ \t]+$", _gap(value, prev, w))
        said = bool(said_after or said_before)
        yield Mention(
            spelling=spelling,
            text=text,
            start=w.start,
            end=w.start + len(spelling),
            sentence_start=opens[k],
            headline=in_headline,
            title=title,
            first=first,
            next=following,
            said=said,
            sic=bool(SIC.match(value[w.end : w.end + 12])),
        )


def mentions(article: Article) -> list[Mention]:
    """Every capitalised mention in the article's prose, headline first."""
    out: list[Mention] = []
    for text in article.texts():
        out.extend(text_mentions(text, headline=text is article.title))
    return out
