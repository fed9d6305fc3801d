"""The words of a text worth spell-checking, with what their place says about them.

Skipped: anything inside a URL, e-mail address (also one written out, "jo (at) irs (dot) gov"), file
name or path, handle (@name),
hashtag, code, template marker (``{{ … }}``, ``{% … %}``, ``${…}``), HTML tag,
lorem ipsum filler (the placeholder check reports it); words touching a digit or
an underscore (``COVID19``, ``4pm``, ``snake_case``); one- and two-letter words;
words in capitals (``NATO``, ``USEITI``) unless the whole line shouts; words with
a capital inside (``iPhone``, ``McDonald``, ``YouTube``); Roman numerals.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lint.lexicon import straight
from lint.spelling import word_set
from lint.text import Text
from lint.words import WORD, title_case_words

# an e-mail address written out against spam: "beth (dot) a (dot) krappweis (at) irs (dot) gov"
_AT, _DOT = r"\s*[(\[]\s*(?:at|AT)\s*[)\]]\s*", r"\s*[(\[]\s*(?:dot|DOT)\s*[)\]]\s*"
OBFUSCATED_ADDRESS = re.compile(  # from a word's start, each part of bounded length: no quadratic retries
    rf"(?<![\w+-])[\w+-]{{1,64}}(?:(?:{_DOT}|\.)[\w+-]{{1,64}}){{0,8}}{_AT}[\w-]{{1,64}}(?:(?:{_DOT}|\.)[\w-]{{1,64}}){{1,8}}"
)
# a photo credit: the photographer's name or handle beside a picture agency or a licence ("goldy / iStock /
# Thinkstock", "Rafal Olechowski, Getty Images", "by mkhmarketing CC BY 2.0"): names, not words to spell
_AGENCY = (
    r"(?:iStock(?:photo)?|Thinkstock|Getty[ \t]+Images|Getty|Shutterstock|Alamy|Unsplash|Pexels|Pixabay|[Ff]lickr"
    r"|Adobe[ \t]+Stock|Dreamstime|Wikimedia[ \t]+Commons|CC[ \t]+BY(?:-[A-Z]{2})*(?:[ \t]+\d\.\d)?)\b"
)
# a name of up to three capitalised words, or one handle in lower case: not a clause of prose
_SEGMENT = r"(?:[A-Z][\w'’.-]*+(?:[ \t]+[A-Z][\w'’.-]*+){0,2}|[a-z][\w.-]*+)"
_SEPARATOR = r"[ \t]*[,/|][ \t]*"
_NAME_SEGMENT = r"[A-Z][\w'’.-]*+(?:[ \t]+[A-Z][\w'’.-]*+){0,2}"  # after the agency: names, no handles
PHOTO_CREDIT = re.compile(
    rf"(?:{_SEGMENT}{_SEPARATOR}){{0,3}}{_AGENCY}(?:{_SEPARATOR}{_NAME_SEGMENT}){{0,3}}"
    rf"|\bby[ \t]+[\w.-]++[ \t]+(?:on[ \t]+|via[ \t]+)?{_AGENCY}"  # "by mkhmarketing CC BY 2.0": one word
)
CREDIT_MARKS = ("tock", "Getty", "lickr", "CC BY", "Alamy", "Unsplash", "Pexels", "Pixabay", "Dreamstime", "Wikimedia")
# spans that are not prose, in any text (the Markdown reader already blanks most of them in bodies);
# each pattern runs only when its mark is in the text
NOT_PROSE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("{",), re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}", re.DOTALL)),
    (("<",), re.compile(r"</?[A-Za-z!][^<>\n]*>")),
    (("`",), re.compile(r"`[^`\n]*`")),
    (("://",), re.compile(r"(?:https?|ftp)://\S+")),
    (("www.",), re.compile(r"www\.\S+")),
    (("@",), re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@[A-Za-z]\w*")),
    (("#",), re.compile(r"(?<![\w#&])#[A-Za-z][\w-]*")),
    (("(at)", "[at]", "(AT)", "[AT]"), OBFUSCATED_ADDRESS),
    (CREDIT_MARKS, PHOTO_CREDIT),
    (("orem ipsum",), re.compile(r"\b[Ll]orem ipsum\b[^\n.]*")),
)
AFTER_INITIALS = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]?){1,3}[ \t]$")  # a given name, checked after
BEFORE_INITIALS = re.compile(
    r"^(?:,[ \t]*(?:[A-Z]\.[ \t]?){1,3}(?=[,;:(\s]|$)"  # "Druin, A., Foss"
    r"|[ \t][A-Z]{1,2},[ \t]+[A-Z]"  # "Hudders L, De Jans S"
    r"|,[ \t]+[A-Z][a-z]+\.[ \t]+\(?(?:1[89]|20)\d\d\b)"  # "Bohns, Vanessa. 2017"
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
    headline: bool = False  # in a title-case or all-capitals line: capitals say nothing there
    entry: bool = False  # in a release-note entry's subject (see lint.spelling.entries)
    elided: bool = False  # a final letter dropped and marked with an apostrophe: "learnin’", "changin'"
    # a surname by its initials: after a given name and an initial ("Harold S. Geneen", "Bridget C.E. Dooling"),
    # or before the initials or given name of a reference ("Druin, A., Foss, E.", "Hudders L,", "Bohns, Vanessa. 2017")
    initialled: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


class _Lines:
    """Which lines of a text are headlines in title case, or shout in capitals."""

    def __init__(self, text: Text, words: list[str], word_starts: list[int]) -> None:
        """``words``: the text's words (as ``WORD`` finds them), starting at ``word_starts``."""
        self.text = text
        self.value = text.value
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.value)]
        self.cache: dict[int, tuple[bool, bool]] = {}
        self.words = words
        self.word_starts = word_starts

    def kind(self, i: int) -> tuple[bool, bool]:
        """(title case, shouting) of the line holding character ``i``."""
        n = bisect.bisect_right(self.starts, i) - 1
        if n not in self.cache:
            a = self.starts[n]
            b = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.value)
            line = self.value[a:b]
            # the line's words: those of the text starting inside it (no word runs over a line break)
            inside = self.words[bisect.bisect_left(self.word_starts, a) : bisect.bisect_left(self.word_starts, b)]
            long_words = [w for w in inside if len(w) >= 5]
            shouting = len(long_words) >= 2 and all(w.isupper() for w in long_words)
            headline = self.text.field in ("title", "heading") or self._heading(n, line)
            self.cache[n] = (headline and title_case_words(inside), shouting)
        return self.cache[n]

    def _line(self, n: int) -> str:
        if n < 0 or n >= len(self.starts):
            return ""
        b = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.value)
        return self.value[self.starts[n] : b]

    def _heading(self, n: int, line: str) -> bool:
        """A Markdown heading, or a plain-text heading: a short line of its own, without final punctuation."""
        stripped = line.strip()
        if stripped.startswith("#"):
            return True
        alone = not self._line(n - 1).strip() and not self._line(n + 1).strip()
        return alone and 0 < len(stripped) < 90 and stripped[-1:].isalnum() and "," not in stripped


def not_prose(value: str) -> list[tuple[int, int]]:
    """Spans of ``value`` that are markup, code, addresses or filler."""
    return [
        m.span()
        for marks, pattern in NOT_PROSE
        if any(mark in value for mark in marks)
        for m in pattern.finditer(value)
    ]


TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>\n]*>")
BLOCK_TAGS = word_set("""
    p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr td th section article figure figcaption
    header footer aside hr pre
    """)


def without_tags(value: str) -> str:
    """``value`` with its HTML tags blanked, the same length: "<strong>aproved</strong>" is a word
    between spaces, and a block tag (``</p>``, ``<br>``) ends a paragraph; ``value`` itself when it has none."""
    if "<" not in value or not TAG.search(value):
        return value

    def blank(m: re.Match[str]) -> str:
        size = len(m.group())
        return "\n\n" + " " * (size - 2) if m.group(2).lower() in BLOCK_TAGS else " " * size

    return TAG.sub(blank, value)


def _chunk(value: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``value`` around ``start:end``, edge punctuation removed."""
    a = start
    while a > 0 and not value[a - 1].isspace():
        a -= 1
    b = end
    while b < len(value) and not value[b].isspace():
        b += 1
    return value[a:b].strip(EDGE_PUNCT)


def tokens(
    text: Text, wanted: Callable[[str], bool] | None = None, found: list[re.Match[str]] | None = None
) -> Iterator[Token]:
    """The words of ``text`` worth checking (of those, only the ``wanted`` ones).

    ``found``: ``list(WORD.finditer(text.value))``, when the caller has it already.
    """
    value = text.value
    view = without_tags(value)
    if view is not value:  # HTML in a JSON or YAML string: read the words between the tags
        value, found = view, None
    if found is None:
        found = list(WORD.finditer(value))
    words = [m.group() for m in found]
    if wanted is not None:
        keep = {w for w in set(words) if len(w) > 2 and wanted(w)}
        if not keep:
            return
        checked = [n for n, w in enumerate(words) if w in keep]
    else:
        checked = [n for n, w in enumerate(words) if len(w) > 2]
    skip = not_prose(text.value)
    lines = _Lines(text, words, [m.start() for m in found])
    for n in checked:
        m = found[n]
        if any(a <= m.start() < b for a, b in skip):
            continue
        token = _token(value, found, n, lines)
        if token is not None:
            yield token


def inner_capitals(text: Text, found: list[re.Match[str]]) -> Iterator[str]:
    """The capitalised words of ``text`` that stand inside a sentence: not opening one, not in a headline
    ("This" opening a sentence says nothing of "Theis"; "White House" inside one does of "Houes")."""
    if text.field in ("title", "heading"):
        return
    value = text.value
    lines: _Lines | None = None
    for n in range(1, len(found)):
        m = found[n]
        if not m.group()[:1].isupper():
            continue
        gap = value[found[n - 1].end() : m.start()]
        if gap != " " and (any(c in gap for c in ".!?:…\n|") or SENTENCE_GAP.search(gap)):
            continue  # a sentence may start here (what SENTENCE_GAP says, and a little more)
        if lines is None:
            lines = _Lines(text, [f.group() for f in found], [f.start() for f in found])
        if not any(lines.kind(m.start())):
            yield m.group()


def _after_initials(value: str, start: int) -> bool:
    """After a given name and its initials: "Harold S. Geneen", "Bridget C.E. Dooling" (not "Plan B. Tomorow",
    "The U.K. Parliment")."""
    m = AFTER_INITIALS.search(value, max(0, start - 40), start)
    if m is None:
        return False
    from lint.names.people import given_name

    return given_name(m.group(1))


def _token(value: str, found: list[re.Match[str]], n: int, lines: _Lines) -> Token | None:
    m = found[n]
    word, start, end = m.group(), m.start(), m.end()
    before_ch = value[start - 1] if start else " "
    after_ch = value[end] if end < len(value) else " "
    if before_ch.isdigit() or after_ch.isdigit() or "_" in (before_ch, after_ch):
        return None
    if CODE_MARKS.search(_chunk(value, start, end)):
        return None
    if before_ch in ".-" and (start < 2 or value[start - 2].isspace() or value[start - 2] in "([\"'“‘,-"):
        return None  # a file's extension or a dotfile (".docx", ".env"); a command's option ("-Zself-profile")
    possessive = False
    plain = straight(word).lower()
    if plain.endswith("'s") and len(word) > 3:
        word, possessive = word[:-2], True
    else:
        for ending in ("'re", "'ve", "'ll", "'d", "'m"):  # "Thrar're": the word is "Thrar"
            if plain.endswith(ending) and len(word) > len(ending) + 2:
                word = word[: -len(ending)]
                break
    letters = word.replace("'", "").replace("’", "")
    if len(letters) <= 2 or (ROMAN.match(letters) and (letters.isupper() or len(letters) <= 4)):
        return None
    title_line, shouting = lines.kind(start)
    if letters.isupper() and not shouting:
        return None  # an acronym: NATO, USEITI
    if not letters.isupper() and any(c.isupper() for c in letters[1:]):
        return None  # iPhone, McDonald, YouTube: a brand or a name
    if n == 0 or SENTENCE_GAP.search(value[found[n - 1].end() : start]):
        case = "neutral"
    elif word[0].isupper():
        case = "neutral" if (title_line or shouting) else "name"
    else:
        case = "lower"
    before = found[n - 1].group() if n and value[found[n - 1].end() : start] == " " else ""
    after = found[n + 1].group() if n + 1 < len(found) and value[end : found[n + 1].start()] == " " else ""
    before2 = ""
    if before and n > 1 and value[found[n - 2].end() : found[n - 1].start()] == " ":
        before2 = found[n - 2].group()
    prefix = after_ch == "-" and n + 1 < len(found) and found[n + 1].start() == end + 1
    compound = _compound(value, start, end) if prefix or before_ch == "-" else ""
    inner = "'" in word[1:] or "’" in word[1:]
    elided = after_ch in "'’" and word[-2:].lower() == "in" and not value[end + 1 : end + 2].isalpha()
    initialled = word[0].isupper() and (
        _after_initials(value, start) or bool(BEFORE_INITIALS.match(value[end : end + 30]))
    )
    return Token(
        word,
        start,
        start + len(word),
        case,
        possessive,
        before,
        after,
        before2,
        prefix,
        compound,
        inner,
        title_line or shouting,
        elided=elided,
        initialled=initialled,
    )


def _compound(value: str, start: int, end: int) -> str:
    """The hyphenated word around ``start:end`` with its hyphens removed: "agri-tech" -> "agritech"."""
    a, b = hyphen_span(value, start, end)
    whole = value[a:b].replace("-", "")
    return whole if WORD.fullmatch(whole) else ""


def hyphen_span(value: str, start: int, end: int) -> tuple[int, int]:
    """Where the hyphenated compound around the word at ``start:end`` begins and ends in ``value``."""
    a, b = start, end
    while a > 1 and value[a - 1] == "-" and value[a - 2].isalpha():
        a -= 1
        while a > 0 and (value[a - 1].isalpha() or value[a - 1] in "'’"):
            a -= 1
    while b + 1 < len(value) and value[b] == "-" and value[b + 1].isalpha():
        b += 1
        while b < len(value) and (value[b].isalpha() or value[b] in "'’"):
            b += 1
    return a, b


def hyphen_pieces(value: str, start: int, end: int) -> list[str]:
    """The words of the hyphenated compound around ``start:end``: "how-tos" -> ["how", "tos"]."""
    a, b = hyphen_span(value, start, end)
    return value[a:b].split("-")


def base_forms(word: str) -> list[str]:
    """``word`` and the word inside a contraction: "wouldn't" -> ["wouldn't", "would"]."""
    out = [word]
    plain = straight(word)
    for ending in CONTRACTIONS:
        if plain.lower().endswith(ending) and len(plain) > len(ending) + 1:
            out.append(word[: -len(ending)])
    return out
