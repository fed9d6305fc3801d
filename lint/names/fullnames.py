"""Whole names from an article's mentions: "Foreign Minister Alexander Downer" -> "Alexander Downer".

Capitalised words next to each other make one name ("General Services Administration",
"Michelle Hertzfeld"), also across a particle or an initial ("Osama bin Laden", "George W.
Bush"), and after an institution's head word across "of" and then "and" ("Department of the
Interior", "Office of Management and Budget").  A title before a person's name is no part of
it ("President Bush" -> "Bush"); neither is a day, a month or a very common word opening the
sentence ("Later Aliev" -> "Aliev").  A name counts only where something shows it is one: a
capital inside a sentence, a given name or a title before it, a verb of speech next to an
uncommon word ("Hewitt said", not "Officials said").  A single word the article also writes in
lower case ("Design" beside "design") is a word; so is a plural acronym ("URLs").  A later
mention of the surname alone ("Mr Downer", "Downer said") counts for the full name the
article gave, when only one of its full names ends with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from lint.lexicon import zipf
from lint.names.extract import ADJACENT, Mention
from lint.names.people import NOT_GIVEN_NAMES, TITLES, given_name
from lint.names.similar import fold

WORD = 4.0  # Zipf frequency from which a word is above all an everyday word ("Officials")
EVERYDAY = 5000  # pyspellchecker's count from which a word is above all a lower-case word ("joint", not "diego")
ROLE = 3.0  # Zipf frequency from which a word opening a sentence before a name may be a role or an adjective
OPENER = 5.0  # Zipf frequency of the words ("Later", "Former") that open sentences more than names do
ACRONYMS = re.compile(r"[A-Z]{2,}s")  # "URLs", "PDFs": no names
# what may stand between two words of one name
PARTICLES = re.compile(
    r"(?:[ \t]+(?:bin|ibn|bint|al|el|abu|de|da|di|du|dos|das|del|della|van|von|der|den|ter|ten|la|le))+[ \t]+"
)
INITIALS = re.compile(r"(?:[ \t]+[A-Z]\.?)+[ \t]+")  # "George W. Bush"
OF = re.compile(r"[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+")  # "Department of the Interior"
AND = re.compile(r"[ \t]+(?:and|&)[ \t]+")  # "Office of Management and Budget"
PREFIX = re.compile(r"\b(?:[Aa]l|[Ee]l)[- ]$")  # "al-Qaeda", "al Qaeda"
# the words that head an institution's name: "Department of …", "University of …"
HEADS = frozenset(
    word
    for line in (
        "department office bureau ministry university institute college school academy museum library",
        "center centre council commission committee board agency administration authority service",
        "court bank fund foundation society association federation union league party church republic",
        "kingdom chamber house secretary minister director division corps embassy hospital city county",
        "province district trust organisation organization alliance coalition",
    )
    for word in line.split()
)


# titles that also open the names of things: "General Motors", "Chief Seattle", "Crown Resorts"
NAMES_TOO = frozenset(
    (
        "general", "major", "private", "chief", "crown", "sister", "brother", "mother", "father", "saint", "st",
        "speaker", "leader", "chair", "director", "manager", "executive", "officer", "deputy", "founder",
        "coach", "skipper", "captain", "count", "duke", "earl", "lady", "lord", "king", "queen", "prince",
    )
)  # fmt: skip


def _head(word: str) -> bool:
    low = word.lower()
    return low in HEADS or low.removesuffix("s") in HEADS  # "Centers for Medicare"


def _joins(run: list[Mention], m: Mention, of: bool, alone: Callable[[str], bool] = lambda w: False) -> str | None:
    """How ``m`` continues ``run`` ("next", "of", "and"), or None when it starts another name.

    A hyphen joins a double-barrelled name ("Diego Mayer-Cantu", "Jean-Pierre"), not two names
    one of which the article writes alone ("Israel-Azerbaijan projects": ``alone`` says which)."""
    prev = run[-1]
    if prev.text is not m.text or m.start <= prev.end:
        return None
    gap = m.text.value[prev.end : m.start]
    if gap == "-":
        person = given_name(fold(run[0].spelling))  # "Jean-Pierre", "Diego Mayer-Cantu"
        return "next" if person or not (alone(prev.spelling) or alone(m.spelling)) else None
    if ADJACENT.match(gap) and not (prev.headline or m.headline):
        return "next"
    if PARTICLES.fullmatch(gap) or INITIALS.fullmatch(gap):
        return "next"
    if OF.fullmatch(gap) and any(_head(r.spelling) for r in run):
        return "of"
    if of and AND.fullmatch(gap):
        return "and"
    return None


def _runs(mentions: Sequence[Mention], alone: Callable[[str], bool] = lambda w: False) -> Iterator[list[Mention]]:
    """Mentions that make one name together, in article order.  In a title-case headline, where
    every word has a capital, two words make one name only as they do in the text ("Ishaq Herzog")."""
    pairs = {(m.spelling, m.next) for m in mentions if m.next and not m.headline}
    run: list[Mention] = []
    of = False
    for m in mentions:
        how = _joins(run, m, of, alone) if run else None
        if how is None and run and (run[-1].spelling, m.spelling) in pairs and _headline_pair(run[-1], m):
            how = "next"
        if run and how is None:
            yield run
            run, of = [], False
        of = of or how == "of"
        run.append(m)
    if run:
        yield run


def _opener(word: str, named: Callable[[str], bool], lang: str) -> bool:
    """A very common word that opens a sentence before a name and is written as a name nowhere."""
    return zipf(word, lang) >= OPENER and not given_name(word) and not named(word)


def _trim(run: list[Mention], named: Callable[[str], bool], lang: str) -> list[Mention]:
    """Drop what opens the sentence but is no name, and a title before a person's name."""
    while len(run) > 1 and (
        run[0].spelling.lower() in NOT_GIVEN_NAMES  # "Monday", "Yesterday"
        or (run[0].sentence_start and not run[0].proper and _opener(run[0].spelling, named, lang))  # "Later Aliev"
    ):
        run = run[1:]
    titled = False
    for i, m in enumerate(run[:-1]):
        if titled and given_name(m.spelling):
            return run[i:]  # "Prime Minister John Howard", "Secretary of State Hillary Clinton"
        titled = titled or m.spelling.lower() in TITLES
    last = max((i for i, m in enumerate(run[:-1]) if m.spelling.lower() in TITLES), default=None)
    if last is not None and run[last].spelling.lower() not in NAMES_TOO:
        rest = run[last + 1 :]
        if len(rest) <= 2 and not any(_head(m.spelling) for m in rest):
            return rest  # "President Bush", "President Ilham Aliyev"
    return run


def _headline_pair(a: Mention, b: Mention) -> bool:
    return a.text is b.text and (a.headline or b.headline) and a.text.value[a.end : b.start] == " "


def _text(run: list[Mention]) -> str:
    value = run[0].text.value
    start = run[0].start
    prefix = PREFIX.search(value, max(0, start - 3), start)
    if prefix is not None:
        start = prefix.start()
    return " ".join(value[start : run[-1].end].split())


def _glued(run: list[Mention], named: Callable[[str], bool], lang: str) -> bool:
    """The run opens with a common word of the sentence, not of the name: a role ("Organiser
    Lucía Fernández") or an adjective ("Joint Israel"), neither a given name nor a name elsewhere."""
    if len(run) < 2 or not run[0].sentence_start or run[0].title or run[0].headline:
        return False
    word = run[0].spelling
    if given_name(fold(word)) or named(word) or zipf(word, lang) < ROLE:
        return False
    return run[1].text.value[run[0].end : run[1].start].strip() == ""


def _everyday(m: Mention, lang: str) -> bool:
    """Above all a lower-case word of the language ("Joint"; not "Diego", "Paris", "Jordan")."""
    from lint.lexicon import count

    return count(m.spelling.lower(), lang) >= EVERYDAY


def _stands_alone(mentions: Sequence[Mention]) -> set[str]:
    """Spellings written with no hyphen joining them to another word."""
    out = set()
    for m in mentions:
        value = m.text.value
        if value[m.start - 1 : m.start] != "-" and value[m.end : m.end + 1] != "-":
            out.add(m.spelling)
    return out


def _shown(m: Mention, lang: str) -> bool:
    """Written where only a name is capitalised; a verb of speech speaks only for an uncommon word
    ("Hewitt said", not "Officials said")."""
    if m.title or m.first or not (m.sentence_start or m.headline):
        return True
    return m.said and not m.headline and zipf(m.spelling, lang) < WORD


def _is_name(run: list[Mention], lang: str) -> bool:
    if not any(_shown(m, lang) for m in run):
        return False  # only ever a sentence opening or a word of a title-case headline
    if run[-1].spelling.lower() in TITLES:
        return False  # a post, not a name: "Prime Minister", "Chief Information Officer"
    if len(run) > 1:
        return True
    word = run[0].spelling
    return word.lower() not in NOT_GIVEN_NAMES and ACRONYMS.fullmatch(word) is None


def names(
    mentions: Sequence[Mention],
    texts: Iterable[str],
    named: Callable[[str], bool] = lambda word: False,
    lang: str = "en",
) -> Counter[str]:
    """How often each name is mentioned in one article (``texts``: the article's prose; ``named``:
    whether a word is written as a name anywhere in the archive)."""
    counts: Counter[str] = Counter()
    bare: list[list[Mention]] = []  # single words with nothing to show they are names, yet
    headed: list[str] = []  # names of two words or more with nothing to show they are names, yet
    alone = _stands_alone(mentions)
    runs = [_trim(run, named, lang) for run in _runs(mentions, alone.__contains__)]
    glued = [_glued(run, named, lang) for run in runs]
    elsewhere = {_text(run) for run, g in zip(runs, glued, strict=True) if not g}
    for run, g in zip(runs, glued, strict=True):
        # "Organiser Lucía Fernández": a given name follows; "Joint Israel": the article names Israel
        if g and (given_name(fold(run[1].spelling)) or (_text(run[1:]) in elsewhere and _everyday(run[0], lang))):
            run = run[1:]
        if _is_name(run, lang):
            counts[_text(run)] += 1
        elif len(run) == 1:
            bare.append(run)
        else:
            headed.append(_text(run))
    for name in headed:  # joined in a title-case line as the text writes it: the same name
        if name in counts:
            counts[name] += 1
    full: dict[str, set[str]] = {}
    for name in counts:
        parts = name.split(" ")
        if len(parts) > 1:
            full.setdefault(parts[-1], set()).add(name)

    def owner(word: str) -> str | None:
        owners = full.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else None

    for run in bare:  # "Blair said", opening a sentence after "Tony Blair"
        whole = owner(run[0].spelling)
        if whole is not None:
            counts[whole] += 1
    singles = [n for n in counts if " " not in n]
    for name in singles:
        whole = owner(name)
        if whole is not None:
            counts[whole] += counts.pop(name)
    singles = [n for n in singles if n in counts]
    if singles:  # one pass over the text for the lower-case forms of all of them
        alternatives = "|".join(sorted((re.escape(n.lower()) for n in singles), key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")
        lower = {w for value in texts for w in pattern.findall(value)}
        for name in singles:
            if name.lower() in lower:
                del counts[name]
    return counts
