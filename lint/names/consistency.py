"""Which spelling of a name is the odd one out: within one article, and against the archive.

Within an article, the spellings of capitalised words are grouped when they are
variants of one another (:func:`lint.names.similar.variant_reason`) and nothing
says they belong to different people or things:

- a spelling used only as a given name is not grouped with one used only as a surname;
- two spellings whose given names differ ("Gordon Brown", "Des Browne") name two people;
- nicknames (Bob/Rob) are never variants; distinct given names (John/Jon, Steven/Stephen)
  only when the same surname follows both;
- two well-known words or names ("Allen"/"Allan", "Center"/"Centre") need the same given
  name before both, or one of them given in full and the other never (news style names a
  person in full first: "David Payne", then "Mr Paine"); names under four letters need the
  same given name or surname next to both;
- a close misspelling of an everyday word ("Partey" for "Party") is left to the spelling
  check unless it is a pattern variant used as a name ("United Stattes");
- a spelling the article keeps to (three times or more, and at least twice as often as the
  other: "La Fenice" ten times, "Venice" twice) is the writer's choice, not a slip;
- the group's main spelling must be used as a name here (not only to open sentences or in
  a title-case headline), or be the spelling the other articles use.

In each group the main spelling is the glossary's; else the one the other articles of the
run use; else one the language knows at all (wordfreq); then the most used here, the one the
archive uses most, the better-known one, the one given in full ("Ilham Aliyev"), the first.
Every other spelling of the group is reported.

Against the archive, a spelling found in one article (or a few) is reported when the other
articles agree on a close spelling, by a wide margin, or as the same full name, or as a
spelling the language knows where this one is unknown; a well-known spelling ("Erdogan",
"Herzfeld") only when many times more articles give the same full name another way
("Recep Erdoğan"); never an everyday word, nor somebody else by their given name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from lint.names.extract import Mention
from lint.names.index import NameIndex
from lint.names.people import (
    NOT_GIVEN_NAMES,
    distinct_given_names,
    given_name,
    nickname_related,
    same_person_names,
)
from lint.names.similar import ACCENTS, PATTERN, blocking_keys, fold, variant_reason

COMMON = 3.0  # Zipf frequency from which a spelling is a well-known word or name in its own right
WORD = 4.0  # … and from which it is above all an everyday word ("States", "People", "Government")
OPENER = 5.0  # Zipf frequency from which a word opening a sentence is no given name ("Later", "Former")
ARCHIVE_MIN = 3  # articles that must agree before the archive speaks
KNOWN_FULL_MIN = 2  # … when they give the same full name, spelt as the language knows it and this one not
ARCHIVE_RATIO = 5  # … and how many times more articles than the odd spelling
FAMOUS_GAP = 1.0  # Zipf points by which the archive's spelling is better known than this one, for one article to speak
ARCHIVE_WORD_MIN = 10  # articles that must agree when the spelling is also an everyday word ("States")
CHOSEN_MIN = 3  # mentions from which a spelling the article keeps to is the writer's choice ("La Fenice" ten
CHOSEN_RATIO = 2  # times, "Venice" twice): at least this many times the other's, no slip of it


@dataclass
class Spelling:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    # words opening the sentence just before it that may be given names the extractor could not
    # be sure of ("Gordon" in "Gordon Brown met…"): enough to tell two people apart, never to join them
    openers: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def proper(self) -> bool:
        return any(m.proper for m in self.mentions)

    @property
    def placed(self) -> bool:
        """Capitalised where only a name would be: inside a sentence, or after a given name or title
        ("United Stattes"; not "Pollice say" opening a sentence)."""
        return any(m.first or m.title or not (m.sentence_start or m.headline) for m in self.mentions)

    @property
    def firsts(self) -> set[str]:
        return {m.first for m in self.mentions if m.first}

    @property
    def nexts(self) -> set[str]:
        return {m.next for m in self.mentions if m.next and m.lead}

    @property
    def lead_only(self) -> bool:
        """Only ever a given name before another name."""
        named = [m for m in self.mentions if not m.headline]
        return bool(named) and all(m.lead and not m.first for m in named)

    @property
    def person(self) -> bool:
        """Referred to as a person somewhere: "Mr Paine", "Paine said"."""
        return any(m.title or m.said for m in self.mentions)

    @property
    def full(self) -> bool:
        """Given in full somewhere: with a given name or a title before it."""
        return any(m.first or m.title for m in self.mentions)


@dataclass(frozen=True)
class Variant:
    spelling: Spelling  # the odd one out
    main: str  # the spelling to use
    main_count: int  # its mentions in this article (inconsistent) or articles (archive)
    reason: str
    archive: bool = False


def _initial(a: str, b: str) -> bool:
    """One is the other's initial: "J" and "John"."""
    return (len(a) == 1) != (len(b) == 1) and a[:1].upper() == b[:1].upper()


def _compatible_firsts(a: Iterable[str], b: Iterable[str]) -> bool:
    return any(same_person_names(x, y) or _initial(x, y) or variant_reason(x, y) for x in a for y in b)


def _personal(firsts: Iterable[str], zipf: Callable[[str], float]) -> set[str]:
    """The words before a name that make it a person's: given names, and words too rare to be anything
    else; not a capitalised everyday word ("Interior Minnister", "about End Bushe 'denial'"), which may
    be shared as evidence, but whose difference from the other spelling's given names says nothing."""
    return {f for f in firsts if given_name(f) or zipf(f) < WORD}


def _apart(odd: set[str], main: set[str], zipf: Callable[[str], float]) -> bool:
    """Whether the words before two spellings, none shared, set them apart: a given name before one and
    anything before the other ("Mel Choyce", "Consumer Choice"), or on both sides words that make
    a person's name; not an everyday word before one ("about End Bushe", "President George Bush") nor
    a rare word before a thing's name ("Mellon Banke", "Central Bank")."""
    if not (odd and main):
        return False
    if any(given_name(f) for f in odd):
        return True
    return bool(_personal(odd, zipf) and _personal(main, zipf))


def _folded(names: Iterable[str]) -> set[str]:
    return {fold(n) for n in names}


def same_thing(
    odd: Spelling,
    main: Spelling,
    zipf: Callable[[str], float],
    main_firsts: set[str] | None = None,
    main_nexts: set[str] | None = None,
    main_lead: bool | None = None,
) -> str | None:
    """Why ``odd`` is a variant spelling of ``main``; None when they may be two names."""
    reason = variant_reason(odd.text, main.text)
    if reason is None:
        return None
    given = given_name(odd.text) or given_name(main.text)
    lead = main.lead_only if main_lead is None else main_lead
    if given and odd.lead_only != lead:
        return None  # one is only ever a given name, the other never
    firsts_main = main.firsts if main_firsts is None else main_firsts
    shared_first = bool(odd.firsts and firsts_main and _compatible_firsts(odd.firsts, firsts_main))
    if _apart(odd.firsts, firsts_main, zipf) and not shared_first:
        return None  # "Gordon Brown" and "Des Browne": two people; "Mel Choyce" is not "Consumer Choice"
    odd_full, main_full = odd.firsts | odd.openers, firsts_main | main.openers
    if _apart(odd_full, main_full, zipf) and not (shared_first or _compatible_firsts(odd_full, main_full)):
        return None  # the same, with "Gordon" opening the sentence
    shared_next = bool(_folded(odd.nexts) & _folded(main.nexts if main_nexts is None else main_nexts))
    if nickname_related(odd.text, main.text):
        return None
    nexts_main = main.nexts if main_nexts is None else main_nexts
    # two given names, the odd one never written as a surname (no given name or title before it): two
    # people ("Dawid's project" beside "David Lattimore"), unless a shared name says otherwise
    # ("Mr Perri" beside "Ian Perry" is a surname, and may be a slip)
    as_given = not odd.full and given_name(odd.text) and given_name(main.text)
    if as_given and not (shared_first or shared_next):
        return None
    # both stand before other names, never after a given name, and never before the same one
    both_given = bool(odd.nexts and nexts_main and not odd.firsts and not firsts_main)
    both_lead = odd.lead_only and lead
    if (
        both_lead or both_given or (given and odd.lead_only) or distinct_given_names(odd.text, main.text)
    ) and not shared_next:
        # two given names (or first words of names: "Suth Australia") are one only before the same
        # name: "Refael Ackermann" and "Rafael Gonzaga" are two people, "Mattias" and "Mathias" two names
        return None
    if min(len(odd.text), len(main.text)) < 4 and not (shared_first or shared_next):
        return None
    # news style gives a person's full name first: of two close surnames only one of which is
    # ever given with a first name, the other is a later reference to the same person
    # ("Austin, Texas" beside "Jane Austen" is no such reference: it needs a title or a verb of speech)
    bare = odd if not odd.firsts else main
    introduced_once = bool(odd_full) != bool(main_full) and bare.person
    if zipf(odd.text) >= COMMON and zipf(main.text) >= COMMON and not (shared_first or shared_next or introduced_once):
        return None  # two well-known words or names
    if not odd.proper and zipf(odd.text) >= 2.5:
        return None  # a real word that only opens sentences
    if zipf(main.text) >= WORD and (not odd.placed or reason not in (PATTERN, ACCENTS)):
        return None  # most likely a plain typo of an everyday word: the spelling check's to report
    return reason


def _opener(word: str, zipf: Callable[[str], float], named: Spelling) -> bool:
    """May be a given name, though it opens the sentence: a known one, or no very common word; never the
    title the name is given with ("Lady Boothroyde said", "Baroness Boothroyd, who")."""
    if any(m.title == word.lower() for m in named.mentions):
        return False
    return word.lower() not in NOT_GIVEN_NAMES and (given_name(word) or zipf(word) < OPENER)


def _priority(
    s: Spelling, gloss: frozenset[str], archive: Callable[[str], int], zipf: Callable[[str], float]
) -> tuple[int, ...]:
    first = min((m.text.start + m.start for m in s.mentions), default=0)
    backed = archive(s.text) >= ARCHIVE_MIN  # the other articles use it
    seen = zipf(s.text) > 0  # the language knows the spelling at all
    return (s.text in gloss, backed, seen, s.count, archive(s.text), round(zipf(s.text)), s.full, -first)


def _chosen(s: Spelling, main: Spelling, gloss: frozenset[str]) -> bool:
    """The article writes ``s`` many times, and many times more than ``main``: a writer slips once or twice,
    not ten times against two ("La Fenice" in a report on the opera house of Venice); the house glossary
    still speaks."""
    return s.text not in gloss and s.count >= CHOSEN_MIN and s.count >= CHOSEN_RATIO * main.count


def group(mentions: Iterable[Mention]) -> dict[str, Spelling]:
    spellings: dict[str, Spelling] = {}
    for m in mentions:
        spellings.setdefault(m.spelling, Spelling(m.spelling)).mentions.append(m)
    return spellings


def within(
    spellings: dict[str, Spelling],
    zipf: Callable[[str], float],
    gloss: frozenset[str] = frozenset(),
    archive: Callable[[str], int] = lambda s: 0,
) -> list[Variant]:
    """Spellings that vary from a more established spelling of the same name in this article."""
    for sp in spellings.values():
        for m in sp.mentions:
            if (
                m.next in spellings
                and m.sentence_start
                and not m.first
                and _opener(m.spelling, zipf, spellings[m.next])
            ):
                spellings[m.next].openers.add(m.spelling)
    ranked = sorted(spellings.values(), key=lambda s: _priority(s, gloss, archive, zipf), reverse=True)
    order: dict[int, int] = {}  # id of a main spelling -> its rank (mains.index was quadratic)
    blocks: dict[str, list[Spelling]] = {}
    out: list[Variant] = []
    for s in ranked:
        keys = blocking_keys(s.text)
        candidates = {id(c): c for k in keys for c in blocks.get(k, ())}
        chosen = None
        for main in sorted(candidates.values(), key=lambda c: order[id(c)]):
            if not (main.proper or archive(main.text) >= ARCHIVE_MIN):
                continue  # neither a name here nor one the other articles use
            if _chosen(s, main, gloss):
                continue  # the article keeps to this spelling: another name, not a slip of that one
            reason = same_thing(s, main, zipf)
            if reason:
                chosen = Variant(s, main.text, main.count, reason)
                break
        if chosen is not None:
            out.append(chosen)
            continue
        order[id(s)] = len(order)
        for k in keys:
            blocks.setdefault(k, []).append(s)
    return out


def against_archive(
    spellings: dict[str, Spelling], path: str, index: NameIndex, zipf: Callable[[str], float], skip: set[str]
) -> list[Variant]:
    """Spellings of this article that the rest of the run's articles spell another way."""
    if not index.several():
        return []
    out = []
    for s in spellings.values():
        if s.text in skip or zipf(s.text) >= WORD:
            continue
        common = zipf(s.text) >= COMMON  # a well-known spelling: only the same full name elsewhere speaks against it
        mine = index.articles(s.text)
        if not (s.proper or zipf(s.text) < 1.0):
            continue
        best: tuple[int, str, str] | None = None
        for other in index.neighbours(s.text):
            theirs = index.articles(other, besides=path)
            if other in spellings:
                continue
            # the same full name elsewhere: "Northern Aliance" here, "Northern Alliance" there
            same_name = bool(s.firsts and _compatible_firsts(s.firsts, index.firsts.get(other, ())))
            # the language knows the other spelling well and this one hardly ("Nelson Mandella",
            # "Angela Merkle"): one other article giving the same full name speaks
            famous = same_name and zipf(other) >= COMMON and zipf(other) - zipf(s.text) >= FAMOUS_GAP
            # the same full name in two other articles, spelt as the language knows it, where this
            # spelling is unknown to it ("Tim Henmane" here, "Tim Henman" in two others)
            known_full = same_name and zipf(s.text) < 1.0 <= zipf(other)
            least = 1 if famous else KNOWN_FULL_MIN if known_full else ARCHIVE_MIN
            if theirs < least:
                continue
            personal = _personal(s.firsts, zipf)
            if personal and index.firsts.get(other):
                # a person here: only the articles naming the same person speak ("Ben Smyth" here is
                # not "Jacob Smith" in 80 others), by a given name that may be the same, or none
                theirs = index.person_articles(other, partial(_compatible_firsts, personal), besides=path)
                if theirs < least:
                    continue
            if zipf(other) >= WORD and theirs < ARCHIVE_WORD_MIN and not same_name:
                continue  # an everyday word ("Ship") needs many articles to speak for it
            # the other articles agree by a wide margin; or they are more and say the same full
            # name; or at least as many agree on a spelling the language knows, this one unknown
            known = zipf(s.text) < 1.0 <= zipf(other)
            wide = theirs >= ARCHIVE_RATIO * mine
            if common and not (same_name and wide):
                continue
            # a spelling that ARCHIVE_MIN articles write is the archive's own too (Refael and Rafael are
            # two people): only a wide margin, or the famous name the language knows, speaks against it
            own = mine >= ARCHIVE_MIN
            if not (
                wide
                or (famous and theirs >= mine)
                or (not own and ((same_name and theirs > mine) or (known and theirs >= mine)))
            ):
                continue
            if index.proper[other] * 2 < index.total(other):
                continue  # mostly a sentence opener elsewhere: a word, not a name
            if zipf(s.text) >= zipf(other) and zipf(s.text) >= 1.5 and not (same_name and wide):
                continue  # the better-known spelling, unless many more articles give the same full name
            main = Spelling(other)
            lead = index.leads[other] * 2 > index.total(other)
            if (given_name(s.text) or given_name(other)) and s.lead_only != lead:
                continue
            if s.firsts and not index.firsts.get(other):
                continue  # a person's surname here, never one elsewhere ("Walid Saadi", "Saudi")
            reason = same_thing(
                s,
                main,
                zipf,
                main_firsts=set(index.firsts.get(other, ())),
                main_nexts=set(index.nexts.get(other, ())),
                main_lead=lead,
            )
            if reason and (best is None or theirs > best[0]):
                best = (theirs, other, reason)
        if best is not None:
            out.append(Variant(s, best[1], best[0], best[2], archive=True))
    return out
