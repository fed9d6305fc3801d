"""List items that are not an editor's prose: release-note entries and lists of names.

- A release-note entry is a list item that cites a commit, a pull request or an issue
  (``[`99fd1ec28d`](…/commit/99fd1ec28d)``, ``[#3920](…/pull/3920)``, ``(#123)``).  Its bold
  label (``**deps**:``, ``**module,repl**:``) names parts of the code, and the name in
  parentheses before the citation or at the end of the line (``(cjihrig)``, ``(Michaël Zasso)``)
  credits its author: neither is prose.  Its subject is a developer's commit message, full of
  code names (``util``, ``repl``, ``stdio``): a word there is a typo only as a clear slip of a
  common word (``occuring``, ``runnning``).
- A list of names is a list whose items are one word each, perhaps with a version
  (``* resolv``, ``* drb 2.0.5``): the names of packages, gems or modules, not words of a sentence;
  or five items or more of people's full names and handles (``* Mathijs van de Nes``,
  ``* Pweaver (Paul Weaver)``, ``* pweyck``): the contributors a release thanks; so is a sentence
  that lists eight full names or more, comma after comma, handles among them.
- A team line-up: a paragraph of a line that is names only, comma or semicolon after comma, six
  or more (``Dudek, Finnan, Hyypia, Carragher, Riise, Luis Garcia (Nunez 73), Gerrard …``,
  ``Replacements: Fortey, Murphy, Daly …``, ``G Intoppa, S Perugini, CA del Fava, D dal Maso …``):
  the sports pages print one for every match, and a surname there is no typo.

- A person's name heading or lead-in: a heading or a bold lead-in that is a name, with a role
  after it (``## Liane Peng, Service Designer``, ``* **Mikelyn Meyers** – U.S. Census Bureau``)
  or opening with a known given name (``## Thomas Sittmann``): the bios and bylines of a team
  page, where a name is no typo.

Offsets are the file's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(\S.*)$", re.MULTILINE)
CITES = re.compile(
    r"/(?:commit|commits|pull|issues|merge_requests)/\w"
    r"|\[#\d+\]|\(#\d+\)|(?<![\w&/])#\d+\b"
    r"|`(?=[0-9a-f]*\d)[0-9a-f]{7,40}`"
)
# a bold label in lower case at the start of the item, after a citation perhaps: "**deps**:", "**src:**"
LABEL = re.compile(r"\A(?:\\?\[.*?\]\)?\]?\s*[-–:]\s*)?\*\*([a-z0-9][a-z0-9 ,./_+-]{0,60}:?)\*\*:?")
# a name or handle in parentheses, before a citation or at the end of the line: the author's credit
CREDIT = re.compile(r"\(([^()\n\d][^()\n]{0,80})\)(?=\s*(?:\\?\[#|\\?\[`|\(#|#\d|,|;|$))")
CREDIT_TEXT = re.compile(r"[\w .,'’&@-]+")
# a credit that is people's names only: "Tom Hughes", "Koichi Kobayashi, Logan Smyth and Mickaël Delahaye"
_PERSON = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w'’.-]*){1,3}"
LAST_PARENS = re.compile(r"\(([^()\n]{1,600})\)$")
NAMES_CREDIT = re.compile(rf"{_PERSON}(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+){_PERSON})*")
NAME = r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+)){1,3}"
ROLE = r"[ \t]*(?:,|–|—|:|[ \t]-[ \t]|&mdash;|&ndash;)[ \t]*(?:\*\*)?[A-Z]"
HEADING_PERSON = re.compile(rf"^#{{1,6}}[ \t]+({NAME})(?P<role>{ROLE}.*)?[ \t]*#*[ \t]*$", re.MULTILINE)
BOLD_PERSON = re.compile(rf"^[ \t]*(?:[-*+][ \t]+)?\*\*({NAME})\*\*(?={ROLE})", re.MULTILINE)
ONE_NAME = re.compile(r"\A`?[\w.+-]+`?(?:\s+v?\d[\w.+-]*)?\Z")
# a person's full name, perhaps with a handle or a name in parentheses: a line of a list of contributors
# ("Mathijs van de Nes", "Pweaver (Paul Weaver)", "zhaixiaojuan (zhaixiaojuan)")
_PARTICLE = r"(?:van|von|de|der|den|del|della|dal|dalla|di|da|dos|du|le|la|ten|ter|bin|al|y)"
_FULL_NAME = rf"[A-Z][\w'’.-]*(?:[ \t]+(?:{_PARTICLE}[ \t]+)*[A-Z][\w'’.-]*){{1,4}}"
PERSON_ITEM = re.compile(rf"\A(?:{_FULL_NAME}|[\w.-]+)(?:[ \t]+\((?:{_FULL_NAME}|@?[\w.-]+)\))?\Z")
PEOPLE = 5  # items of a list whose full names make it a list of people (a few could be a list of titles)


def _within(starts: list[int], spans: list[tuple[int, int, str]], start: int, end: int) -> str:
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i][2]
    return ""


@dataclass
class ListItems:
    """The file's release-note entries, their labels and credits, and its lists of names."""

    parts: list[tuple[int, int, str]] = field(default_factory=list)  # labels, credits, one-name items; sorted
    entries: list[tuple[int, int, str]] = field(default_factory=list)  # release-note entries, sorted

    def __post_init__(self) -> None:
        self._parts = [a for a, _, _ in self.parts]
        self._entries = [a for a, _, _ in self.entries]

    def kind(self, start: int, end: int) -> str:
        """What file characters ``start:end`` lie in: "label", "credit", "names", "people", "person", "entry",
        or ""."""
        return _within(self._parts, self.parts, start, end) or _within(self._entries, self.entries, start, end)


def _people(source: str) -> list[tuple[int, int, str]]:
    """The names of people that headings and bold lead-ins give, with their role or a given name."""
    from lint.names.people import given_name

    found = []
    for m in HEADING_PERSON.finditer(source):
        if m.group("role") or given_name(m.group(1).split()[0]):
            found.append((m.start(1), m.end(1), "person"))
    found.extend((m.start(1), m.end(1), "person") for m in BOLD_PERSON.finditer(source))
    return found


# a piece: from a character that is no space, to the next comma, across the line breaks of wrapped text
# ("Don\nDenton"); it starts at a letter or sign, so a line of spaces is passed in linear time
PIECE = re.compile(r"[^,\s][^,\r\n]*(?:\r?\n[ \t]*[^,\s][^,\r\n]*)*")
SEPARATOR = re.compile(r"[ \t]*,[ \t]*(?:\r?\n[ \t]*)?")  # between two pieces: a comma, perhaps a line break
AND = re.compile(r"(?:^|(?<!\s)\s+)(?:and|&)\s+")  # "…, and tasken", "なつき and 林博仁 Buo-ren Lin", "Moore and\nPaul"
SHORT_NAME = re.compile(r"[^\s.?!;:()\[\]]+(?:[ \t]+[^\s.?!;:()\[\]]+){0,3}")  # four words at most, no sentence
HANDLE = re.compile(r"\A@?[\w.+-]+@[\w.-]+\Z")  # "jaybe@jekyll": a handle with its host
INLINE_PEOPLE = 8  # full names in one comma-separated run of a sentence: the contributors a post thanks
# a paragraph that thanks people: three full names make its run a list of them ("Thanks to Jordon Bedwell,
# chrisfinazzo, Kroum Tzanev, David Celis, and Alfred Xing for their commits")
THANKS = re.compile(r"\b(?:[Tt]hanks?|[Tt]hank you|[Cc]ontributors?|[Cc]redits?)\b")
THANKED_PEOPLE = 3
THANKS_LETTERS = ("hank", "ontributor", "redit")  # what every word of THANKS holds
# a lead-in that ends where the names begin: "… contributors:", "Thanks to", "Many thanks to"
THANKS_TO = re.compile(r"\A(?:.*\b)?(?:[Tt]hanks|[Tt]hank you)[ \t]+(?:go(?:es)? )?to[ \t]+")


BLANK_LINE = re.compile(r"\n[ \t\r]*\n")

PHYSICAL_LINE = re.compile(r"[^\n]+")
# a lead-in: "Replacements:", "Replacements (from):", "Subs not used:", "Liverpool:"
LINEUP_LEAD = re.compile(r"[ \t]*(?:[A-Z][\w'’]*[ \t]+){0,3}[A-Z]?[\w'’]+(?:[ \t]+\([a-z ]{1,20}\))?:[ \t]*")
_LETTERS = r"(?:[\w'’]|\\u[0-9a-fA-F]{4})*"  # a JSON string's escapes are letters too ("Hyypi\u00e4")
_SURNAME = rf"[A-Z]{_LETTERS}(?:-[ \t]?[A-Z]{_LETTERS})?"
# one player: initials, particles, one to three names; a role or a substitute in parentheses; minutes, an own goal
LINEUP_NAME = re.compile(
    rf"[ \t]*(?:[A-Z]{{1,3}}\.?[ \t]+)?(?:{_PARTICLE}[ \t]+)*{_SURNAME}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_SURNAME}){{0,2}}"
    r"(?:[ \t]+\((?:capt|c|gk|vc|[A-Z][^()\n]{0,40}?(?:[ \t]+\d{1,3})?)\))?(?:[ \t]+\d{1,3}(?:[ \t]+(?:og|pen))?)?"
    r"[ \t]*(?:\.[ \t]*)?"
)
SEMI_COMMA = re.compile(r"[,;]")
LINEUP = 6  # players a line names at least: a team's line-up, a bench, the scorers


def _thanks(source: str, start: int, end: int) -> bool:
    """True when ``source[start:end]`` thanks or credits (a plain search first: most paragraphs do not)."""
    cheap = any(source.find(k, start, end) >= 0 for k in THANKS_LETTERS)
    return cheap and THANKS.search(source, start, end) is not None


def _pieces(source: str) -> Iterator[tuple[int, bool, re.Match[str]]]:
    """The comma-separated pieces of the paragraphs that may list people, each with the full names that
    make a run of them a list (:data:`INLINE_PEOPLE`, or :data:`THANKED_PEOPLE` in a paragraph that
    thanks) and whether short names count among them (in a paragraph of :data:`INLINE_PEOPLE` commas or
    more: "naoki kodama" among the names; in a shorter one only names and handles do, so "the goverment
    press office" in "Thanks to Jane Smith, Bob Lee, Ann Wu, the goverment press office" is prose).
    Other paragraphs cannot list that many people: most are not looked at piece by piece."""
    start = 0
    for gap in [*BLANK_LINE.finditer(source), None]:
        end = gap.start() if gap is not None else len(source)
        commas = source.count(",", start, end)
        if commas >= INLINE_PEOPLE:
            need = THANKED_PEOPLE if _thanks(source, start, end) else INLINE_PEOPLE
        elif commas >= THANKED_PEOPLE - 1 and _thanks(source, start, end):
            need = THANKED_PEOPLE
        else:
            need = 0
        if need:
            for m in PIECE.finditer(source, start, end):
                yield need, commas >= INLINE_PEOPLE, m
        start = gap.end() if gap is not None else end


def _inline_people(source: str) -> list[tuple[int, int, str]]:
    """The names of a sentence that lists people, comma after comma ("Many thanks to the 132 contributors
    (in alphabetical order): AJ Acevedo, Adam Richeimer, …, takuti, and tasken."), across the lines of
    its paragraph: at least :data:`INLINE_PEOPLE` pieces are full names (:data:`THANKED_PEOPLE` in a
    paragraph that thanks), and the others handles or short names ("naoki kodama", "a story",
    "なつき and 林博仁 Buo-ren Lin")."""
    found: list[tuple[int, int, str]] = []
    if source.count(",") < THANKED_PEOPLE - 1:
        return found
    run: list[tuple[int, int]] = []
    people = 0
    need = INLINE_PEOPLE

    def close() -> None:
        nonlocal people
        if people >= need:
            found.extend((a, b, "people") for a, b in run)
        run.clear()
        people = 0

    last = -1
    for need_here, long, m in _pieces(source):
        a, b = m.span()
        if last < 0 or not SEPARATOR.fullmatch(source, last, a):
            close()  # a new line or paragraph, not the piece after a comma
        need = need_here
        last = b
        piece = m.group()
        if ":" in piece:  # the lead-in: "… (in alphabetical order): AJ Acevedo"
            close()
            a += piece.rindex(":") + 1
            piece = source[a:b]
        lead = THANKS_TO.match(piece) if not run else None
        if lead:  # "Thanks to Jordon Bedwell"
            a += lead.end()
            piece = source[a:b]
        cursor = 0
        for cut in [*AND.finditer(piece), None]:
            end = cut.start() if cut is not None else len(piece)
            part, at = piece[cursor:end], a + cursor
            cursor = cut.end() if cut is not None else len(piece)
            body = part.strip().rstrip(".!")
            at += len(part) - len(part.lstrip())
            if not body:
                continue
            flat = " ".join(body.split())  # a name wrapped across two lines is one name
            full = bool(PERSON_ITEM.match(flat)) and " " in flat
            short = long and SHORT_NAME.fullmatch(flat)  # "naoki kodama" among eight names
            if not (full or PERSON_ITEM.match(flat) or HANDLE.match(flat) or short):
                close()
                continue
            run.append((at, at + len(body)))
            people += full
    close()
    return found


def _lines(source: str) -> Iterator[tuple[int, int]]:
    """The spans of the lines of ``source`` that hold five commas or semicolons or more, a JSON string's
    escaped line breaks ("\\n\\nDudek, Finnan, …\\n\\n") ending lines too."""
    for m in PHYSICAL_LINE.finditer(source):
        a, b = m.span()
        if source.count(",", a, b) + source.count(";", a, b) < LINEUP - 1:
            continue
        for x, y in _split(source, a, b, "\\n"):
            yield from _split(source, x, y, '"')


def _split(source: str, a: int, b: int, sep: str) -> Iterator[tuple[int, int]]:
    """The spans of ``source[a:b]`` between the occurrences of ``sep``."""
    cut = source.find(sep, a, b)
    while cut >= 0:
        yield a, cut
        a = cut + len(sep)
        cut = source.find(sep, a, b)
    yield a, b


def _lineups(source: str) -> list[tuple[int, int, str]]:
    """The players of the team line-ups of ``source``: lines that are :data:`LINEUP` names or more,
    every piece between the commas and semicolons a name (see the module's text)."""
    found: list[tuple[int, int, str]] = []
    for a, b in _lines(source):
        if b - a > 2000 or source.count(",", a, b) + source.count(";", a, b) < LINEUP - 1:
            continue
        lead = LINEUP_LEAD.match(source, a, b)
        start = lead.end() if lead else a
        pieces = []
        for cut in [*SEMI_COMMA.finditer(source, start, b), None]:
            end = cut.start() if cut is not None else b
            if not LINEUP_NAME.fullmatch(source, start, end):
                break
            pieces.append((start, end))
            start = end + 1
        else:
            if len(pieces) >= LINEUP and not _common_words(source, pieces):
                found.extend((x, y, "lineup") for x, y in pieces)
    return found


COMMON_ZIPF = 4.0  # a piece that is one word this common: "Monday", "Politics" (surnames are rarer, or a few)


def _common_words(source: str, pieces: list[tuple[int, int]]) -> bool:
    """True when half the pieces or more are one common word each ("Monday, Tuesday, …", "Politics, Sport,
    …"): a list of days or of sections, not of players."""
    from lint.lexicon import lexicon

    lx = lexicon("en")
    common = 0
    for x, y in pieces:
        words = source[x:y].strip(" \t.").split()
        common += len(words) == 1 and lx.zipf(words[0].lower()) >= COMMON_ZIPF
    return common * 2 >= len(pieces)


@lru_cache(maxsize=16)  # the spelling and the names checks ask for the same article's
def list_items(source: str) -> ListItems:
    """The release-note entries and lists of names of ``source``."""
    if "\n" not in source and "\\n" not in source and not ITEM.match(source):
        return ListItems()
    spans: list[tuple[int, int, str]] = []
    run: list[tuple[int, int]] = []  # consecutive one-name items, or people's names
    people = 0  # items of the run that are full names

    def close_run() -> None:
        nonlocal people
        if len(run) >= (PEOPLE if people else 2):
            spans.extend((a, b, "people" if people else "names") for a, b in run)
        run.clear()
        people = 0

    last_end = -2
    for m in ITEM.finditer(source):
        body, start, end = m.group(1), m.start(1), m.end(1)
        if source.count("\n", last_end, m.start()) > 2:  # a paragraph between: another list
            close_run()
        last_end = end
        stripped = body.rstrip()
        if ONE_NAME.match(stripped):
            run.append((start, start + len(stripped)))
        elif PERSON_ITEM.match(stripped):
            run.append((start, start + len(stripped)))
            people += 1
        else:
            close_run()
        label = LABEL.match(body)
        cites = CITES.search(body)
        if label and (cites or label.end() >= len(stripped)):
            spans.append((start + label.start(1), start + label.end(1), "label"))
        if not cites:
            # an old-style entry without a citation credits its authors at its end:
            # "- udp: receive empty packets (Andrius Bentkus)", "(Koichi Kobayashi, Logan Smyth)"
            last = LAST_PARENS.search(stripped)
            if last is not None and NAMES_CREDIT.fullmatch(last.group(1)):
                spans.append((start + last.start(1), start + last.end(1), "credit"))
            continue
        spans.append((start, end, "entry"))
        for c in CREDIT.finditer(body):
            if CREDIT_TEXT.fullmatch(c.group(1)) and not CITES.search(c.group(1)):
                spans.append((start + c.start(1), start + c.end(1), "credit"))
    close_run()
    spans.extend(_inline_people(source))
    spans.extend(_lineups(source))
    if "#" in source or "**" in source:
        spans.extend(_people(source))
    return ListItems(sorted(s for s in spans if s[2] != "entry"), sorted(s for s in spans if s[2] == "entry"))
