"""The words of a text worth spell-checking, with what their place says about them.

Skipped: anything inside a URL, e-mail address, file name or path, handle (@name),
hashtag, code, template marker (``{{ … }}``, ``{% … %}``, ``${…}``), HTML tag;
words touching a digit or an underscore (``COVID19``, ``4pm``, ``snake_case``);
single letters and two-letter words; acronyms in capitals up to five letters;
words with a capital inside (``iPhone``, ``McDonald``, ``YouTube``); Roman numerals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.text import Text
from lint.words import WORD, Word, is_title_case, words

# spans that are not prose, in any text (the Markdown reader already blanks most of them in bodies)
NOT_PROSE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|<[^<>\n]*>|`[^`\n]*`"
    r"|(?:https?|ftp)://\S+|www\.\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@#])[@#][A-Za-z][\w-]*",
    re.DOTALL,
)
# inside one whitespace-delimited chunk: the marks of code, paths, domains and file names
CODE_MARKS = re.compile(r"[\w)]\.[^\W\d_]|[/\\=|<>{}~^$%+&*]|\w_\w|_\w|\w_|[^\W\d_]\d|\d[^\W\d_]|::")
EDGE_PUNCT = "\"'“”‘’()[]{}<>,.;:!?*_~`«»—–-…"
ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$", re.IGNORECASE)
# a sentence starts after these, even when an opening quote or bracket stands between
SENTENCE_GAP = re.compile(
    r"[.!?:…]['\"”’)\]*_]*\s+['\"“‘(\[*_]*$"  # after the end of a sentence, opening quotes allowed
    r"|\n[ \t]*\n"  # a new paragraph
    r"|\n[ \t]*(?:[-*+>#]+|\d+[.)])[ \t]"  # a list item, a quote, a heading
    r"|\|"  # a table cell
)
CONTRACTIONS = ("n't", "'s", "'ll", "'re", "'ve", "'d", "'m")


@dataclass(frozen=True)
class Token:
    """A word to check and what its place in the text says."""

    text: str  # the word as written, without a possessive 's
    start: int  # index into the Text's value
    end: int
    case: str  # "lower", "name" (capitalised inside a sentence), "neutral" (sentence start, headline, capitals)
    possessive: bool = False
    before: str = ""  # the word just before, when only a space stands between
    after: str = ""  # the word just after, when only a space stands between
    before2: str = ""  # the word before ``before``, when only a space stands between
    prefix: bool = False  # a hyphen and another word follow: "agri" in "agri-tech"
    compound: str = ""  # the hyphenated whole, hyphens removed ("agritech"), when there is one
    inner_apostrophe: bool = False  # Sa'ar, O'Brien

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def not_prose(value: str) -> list[tuple[int, int]]:
    """Spans of ``value`` that are markup, code or addresses."""
    return [m.span() for m in NOT_PROSE.finditer(value)]


def _chunk(value: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``value`` around ``start:end``, edge punctuation removed."""
    a = start
    while a > 0 and not value[a - 1].isspace():
        a -= 1
    b = end
    while b < len(value) and not value[b].isspace():
        b += 1
    return value[a:b].strip(EDGE_PUNCT)


def _in(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def _sentence_start(value: str, word: Word, previous_end: int | None) -> bool:
    """The first word of the text, of a sentence, paragraph, list item, heading or table cell."""
    if previous_end is None:
        return True
    return bool(SENTENCE_GAP.search(value[previous_end : word.start]))


def tokens(text: Text) -> Iterator[Token]:
    """The words of ``text`` worth checking."""
    value = text.value
    skip = not_prose(value)
    found = list(words(text))
    title_lines: dict[int, bool] = {}

    def line_is_title(i: int) -> bool:
        a = value.rfind("\n", 0, i) + 1
        if a not in title_lines:
            b = value.find("\n", i)
            line = value[a : b if b >= 0 else len(value)]
            letters = [c for c in line if c.isalpha()]
            shouting = len(letters) > 8 and all(c.isupper() for c in letters)
            title_lines[a] = shouting or (text.field in ("title", "heading") or _heading(line)) and is_title_case(line)
        return title_lines[a]

    previous_end: int | None = None
    for n, w in enumerate(found):
        starts = _sentence_start(value, w, previous_end)
        previous_end = w.end
        token = _token(text, value, found, n, w, starts, skip, line_is_title)
        if token is not None:
            yield token


def _heading(line: str) -> bool:
    """A Markdown heading, or a short line without final punctuation (a plain-text heading)."""
    stripped = line.strip()
    return stripped.startswith("#") or (0 < len(stripped) < 90 and stripped[-1:].isalnum())


def _token(
    text: Text,
    value: str,
    found: list[Word],
    n: int,
    w: Word,
    sentence_start: bool,
    skip: list[tuple[int, int]],
    line_is_title: object,
) -> Token | None:
    word = w.text
    if _in(skip, w.start):
        return None
    chunk = _chunk(value, w.start, w.end)
    if CODE_MARKS.search(chunk):
        return None
    before_ch = value[w.start - 1] if w.start else " "
    after_ch = value[w.end] if w.end < len(value) else " "
    if before_ch.isdigit() or after_ch.isdigit() or "_" in (before_ch, after_ch):
        return None
    possessive = False
    plain = word.replace("’", "'")
    if plain.lower().endswith("'s") and len(plain) > 3:
        word, possessive = word[:-2], True
    if len(word) <= 2 or ROMAN.match(word) and (word.isupper() or len(word) <= 4):
        return None
    letters = word.replace("'", "").replace("’", "")
    if letters.isupper():
        if len(letters) <= 5:
            return None  # an acronym
    elif any(c.isupper() for c in letters[1:]):
        return None  # iPhone, McDonald, YouTube: a brand or a name
    inner = "'" in word[1:] or "’" in word[1:]
    if sentence_start:
        case = "neutral"
    elif word[0].isupper():
        case = "neutral" if (letters.isupper() or line_is_title(w.start)) else "name"  # type: ignore[operator]
    else:
        case = "lower"
    if letters.isupper() and case == "name":
        case = "neutral"
    before = found[n - 1].text if n and value[found[n - 1].end : w.start] == " " else ""
    before2 = found[n - 2].text if before and n > 1 and value[found[n - 2].end : found[n - 1].start] == " " else ""
    after = found[n + 1].text if n + 1 < len(found) and value[w.end : found[n + 1].start] == " " else ""
    prefix = after_ch == "-" and n + 1 < len(found) and found[n + 1].start == w.end + 1
    compound = ""
    if prefix or before_ch == "-":
        a = w.start
        while a > 1 and value[a - 1] == "-" and value[a - 2].isalpha():
            a -= 1
            while a > 0 and (value[a - 1].isalpha() or value[a - 1] in "'’"):
                a -= 1
        b = w.end
        while b + 1 < len(value) and value[b] == "-" and value[b + 1].isalpha():
            b += 1
            while b < len(value) and (value[b].isalpha() or value[b] in "'’"):
                b += 1
        whole = value[a:b]
        if WORD.fullmatch(whole.replace("-", "")):
            compound = whole.replace("-", "")
    return Token(
        word,
        w.start,
        w.start + len(word),
        case,
        possessive,
        before,
        after,
        before2,
        prefix,
        compound,
        inner,
    )


def base_forms(word: str) -> list[str]:
    """``word`` and the word inside a contraction: "wouldn't" -> ["wouldn't", "would"]."""
    out = [word]
    plain = word.replace("’", "'")
    for ending in CONTRACTIONS:
        if plain.lower().endswith(ending) and len(plain) > len(ending) + 1:
            out.append(word[: -len(ending)])
    return out
