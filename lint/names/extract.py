"""The capitalised words of an article that may be names, with what surrounds them.

A mention is a capitalised word (possessive ``'s`` dropped) with its context:
a title before it ("President Herzog"), a first name before it ("Ilham Aliyev"),
a capitalised word after it (so it may itself be a first name), a speech verb
next to it ("Hewitt said"), whether it starts a sentence or stands in a
title-case headline (where capitals prove nothing), and ``[sic]`` after it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from lint.article import Article
from lint.lexicon import zipf
from lint.names.people import FUNCTION_WORDS, NOT_GIVEN_NAMES, SPEECH, TITLES, given_name
from lint.text import Text
from lint.words import POSSESSIVES, WORD, title_case_words, without_possessive

POSSESSIVE = re.compile(r"['’]s$")
CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$|n['’]t$", re.IGNORECASE)
# letters of a script written without spaces (Hangul, kana, CJK) after a Latin name: a particle or an
# ending of that language joined to the name ('Ractor가', 'Rubyの'), not part of its spelling
PARTICLE = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$")
SIC = re.compile(r"^\W{0,3}[\[(]sic[\])]", re.IGNORECASE)
# what ends a sentence before a word: a stop (with closing quotes or brackets), a blank line,
# or a line that opens with list, heading or quote markup
SENTENCE_GAP = re.compile(r"[.!?:…]['\"”’)\]]*\s*$|\n\s*\n\s*$|\n\s*(?:[-*+>#|]+|\d+[.)])?\s*['\"“‘(\[*_]*$")
LINE_OPENING = re.compile(r"\s*(?:[-*+>#|]+|\d+[.)])?\s*['\"“‘(\[*_]*")
ADJACENT = re.compile(r"^[ \t]*(?:\n[ \t]*)?$")  # one space or line break, nothing else
AFTER_TITLE = re.compile(r"^\.?[ \t]*(?:\n[ \t]*)?$")  # "Dr. Smith", "Dr Smith"


class Mention(NamedTuple):  # a named tuple: made for every capitalised word, faster than a dataclass
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
    credit: bool = False  # in a list item's author credit: the archive's evidence, no prose to report

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


class _Headlines:
    """Whether a place in a text is inside a title-case line (each line judged once, when first asked).

    ``words`` and ``starts`` are the text's words and where each starts: a line's words are those
    of the text that start inside it (no word runs over a line break).
    """

    def __init__(self, value: str, whole: bool, words: list[str], starts: list[int]) -> None:
        self.value = value
        self.whole: bool | None = title_case_words(words) if whole else None
        self.words = words
        self.starts = starts
        self.lines: dict[int, bool] = {}

    def __contains__(self, i: int) -> bool:
        if self.whole is not None:
            return self.whole
        a = self.value.rfind("\n", 0, i) + 1
        found = self.lines.get(a)
        if found is None:
            b = self.value.find("\n", i)
            b = b if b >= 0 else len(self.value)
            inside = self.words[bisect.bisect_left(self.starts, a) : bisect.bisect_left(self.starts, b)]
            found = self.lines[a] = bool(self.value[a:b].strip()) and title_case_words(inside)
        return found


def _name_like(w: str) -> bool:
    return w[:1].isupper() and w.lower() not in FUNCTION_WORDS and not (len(w) > 1 and w.isupper())


def _given_name_like(word: str, opening: bool) -> bool:
    """Could stand as the given name before a surname (not "Monday", not a sentence's "Yesterday")."""
    if not _name_like(word) or word.lower() in NOT_GIVEN_NAMES:
        return False
    if opening and len(word) > 1:
        return given_name(word) or zipf(word) < 4.0
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


STOPS = re.compile(r"[\n.!?:…]")


def _opens_at(value: str, found: list[re.Match[str]], k: int) -> bool:
    """Whether the ``k``-th word opens a sentence, a line or a list item."""
    if k == 0:
        return True
    gap = value[found[k - 1].end() : found[k].start()]
    if STOPS.search(gap) is None:
        return False  # the usual case, a space or a comma: no regular expression needed
    return _opens(gap)


SAID_AFTER = re.compile(r"^,?[ \t]+$")
SAID_BEFORE = re.compile(r"^[ \t]+$")


def text_mentions(text: Text, headline: bool = False, lines: bool = True) -> Iterator[Mention]:
    """Mentions in one piece of prose; ``headline`` when the whole text is a headline; ``lines``:
    whether a title-case line is one (not in a list of names, where every word has a capital)."""
    value = text.value
    found = list(WORD.finditer(value))
    words = [w.group() for w in found]
    headlines = _Headlines(value, headline, words, [w.start() for w in found])
    if not lines and not headline:
        headlines.whole = False
    capitalised = [k for k, word in enumerate(words) if word[0].isupper()]
    for k in capitalised:
        w = found[k]
        word = w.group()
        tail = PARTICLE.search(word)
        if tail is not None:  # 'Ractor가', 'OpenSSL의': a Korean or Japanese particle written onto the name
            word = word[: tail.start()]
        if ("'" in word or "’" in word) and CONTRACTION.search(word):
            continue  # "We're", "I’ve", "Don't"
        written = without_possessive(word)
        spelling = _nfc(written)  # "König", however the file saved its accents
        if len(spelling) < 3 or spelling.isupper() or spelling.lower() in FUNCTION_WORDS:
            continue
        start = w.start()
        if start and value[start - 1] == "-" and (start < 2 or value[start - 2].isspace() or value[start - 2] in "(-"):
            continue  # a command's option: "-Zself-profile", "--Werror"
        end = start + len(word)
        in_headline = start in headlines
        prev = found[k - 1] if k else None
        before = found[k - 2] if k > 1 else None
        nxt = found[k + 1] if k + 1 < len(found) else None
        title = None
        first = None
        if prev is not None and _after_title(value[prev.end() : start]):
            previous = prev.group()
            low = previous.lower()
            if low in TITLES:
                title = low
            elif (
                not previous.endswith(POSSESSIVES)
                and (len(previous) == 1 or "." not in value[prev.end() : start])  # "New Delhi. Police say"
                and _given_name_like(previous, _opens_at(value, found, k - 1))
                and (not in_headline or given_name(previous))
            ):
                first = _nfc(previous)
                if (
                    len(first) == 1
                    and before is not None
                    and _name_like(before.group())
                    and value[before.end() : prev.start()] == " "
                ):
                    first = _nfc(before.group())  # "George W. Bush"; not "R Sidoli; J Thomas"
                if first.lower() in TITLES:
                    title, first = first.lower(), None
        following = None
        said_after = False
        if nxt is not None:
            after = nxt.group()
            gap = value[end : nxt.start()]
            if (
                not in_headline
                and not word.endswith(POSSESSIVES)
                and (gap == " " or ADJACENT.match(gap))
                and _name_like(after)
                and after.lower() not in TITLES
            ):
                following = _nfc(without_possessive(after))
            said_after = after in SPEECH and SAID_AFTER.match(gap) is not None
        said_before = prev is not None and prev.group() in SPEECH and SAID_BEFORE.match(value[prev.end() : start])
        said = bool(said_after or said_before)
        yield Mention(
            spelling=spelling,
            text=text,
            start=start,
            end=start + len(written),
            sentence_start=_opens_at(value, found, k),
            headline=in_headline,
            title=title,
            first=first,
            next=following,
            said=said,
            sic=_sic(value[end : end + 12]),
        )


def _nfc(word: str) -> str:
    """``word`` with its accents composed: "Ko\u0308nig" (decomposed, as macOS may save it) is "König"."""
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def _after_title(gap: str) -> bool:
    """``AFTER_TITLE.match(gap)``, the usual single space first."""
    return gap == " " or AFTER_TITLE.match(gap) is not None


def _sic(after: str) -> bool:
    """``SIC.match(after)``, which needs a bracket."""
    return ("[" in after or "(" in after) and SIC.match(after) is not None


# what is no editor's prose in a list item (:mod:`lint.spelling.entries`): a release-note entry
# (a developer's commit subject, full of code names), its bold label, one-name items
NOT_PROSE = frozenset(("entry", "label", "names", "people"))


def mentions(article: Article) -> list[Mention]:
    """Every capitalised mention in the article's prose, headline first, and in its credits.

    A name in a release-note entry, its label or a list of one-word items is no mention: commit
    subjects hold code names ("BigUint").  A name in an entry's author credit ("(Refael
    Ackermann)") is marked ``credit``: contributors spell their own names, so a credit is the
    archive's evidence of a spelling but never reported, and never a mention in prose.
    """
    from lint.spelling.entries import list_items

    items = list_items(article.source)
    out: list[Mention] = []
    for text in article.texts():
        found = text_mentions(text, headline=text is article.title)
        if not (items.parts or items.entries):
            out.extend(found)
            continue
        credits = None
        for m in found:
            kind = items.kind(*text.span(m.start, m.end))
            if kind == "credit":
                if credits is None:  # read again, as names: a line of credits is no title-case headline
                    credits = {c.start: c for c in text_mentions(text, lines=False)}
                c = credits.get(m.start, m)
                out.append(c._replace(credit=True, sentence_start=False))
            elif kind not in NOT_PROSE:
                out.append(m)
    return out
