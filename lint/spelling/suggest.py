"""Corrections for a misspelt word, ranked by how likely a writer meant each.

A candidate is a dictionary word within two edits.  Its rank adds the word's
frequency (wordfreq's Zipf scale) to what the edit looks like: the slips people
make — two letters swapped, a letter doubled or not, a neighbouring key, one
vowel for another, a word that sounds the same — cost less than arbitrary edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from lint.lexicon import Lexicon, straight
from lint.spelling import word_set

KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _key_positions() -> dict[str, tuple[int, float]]:
    pos: dict[str, tuple[int, float]] = {}
    for row, keys in enumerate(KEYBOARD):
        for col, key in enumerate(keys):
            pos[key] = (row, col + 0.5 * row)
    return pos


def adjacent_keys(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are neighbouring keys on a QWERTY keyboard."""
    pos = _key_positions()
    if a not in pos or b not in pos or a == b:
        return False
    (r1, c1), (r2, c2) = pos[a], pos[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1.0


def edit_kind(typed: str, meant: str) -> str:
    """What single edit turns ``meant`` into ``typed``: a name for the slip, or "" when not one edit."""
    if len(typed) == len(meant):
        diff = [i for i, (x, y) in enumerate(zip(typed, meant, strict=True)) if x != y]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == meant[diff[1]]
            and typed[diff[1]] == meant[diff[0]]
        ):
            return "swapped letters"
        if len(diff) == 1:
            x, y = typed[diff[0]], meant[diff[0]]
            if x in VOWELS and y in VOWELS:
                return "one vowel for another"
            if adjacent_keys(x, y):
                return "a neighbouring key"
            return "one letter for another"
        return ""
    if abs(len(typed) - len(meant)) != 1:
        return ""
    longer, shorter = (typed, meant) if len(typed) > len(meant) else (meant, typed)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            ch = longer[i]
            doubled = (i > 0 and longer[i - 1] == ch) or (i + 1 < len(longer) and longer[i + 1] == ch)
            extra = len(typed) > len(meant)
            if doubled:
                return "a doubled letter" if extra else "a letter not doubled"
            if ch in VOWELS:
                return "an extra vowel" if extra else "a missing vowel"
            if extra and (
                (i > 0 and adjacent_keys(ch, longer[i - 1]))
                or (i + 1 < len(longer) and adjacent_keys(ch, longer[i + 1]))
            ):
                return "an extra neighbouring key"
            return "an extra letter" if extra else "a missing letter"
    return ""


# how much likelier a slip of each kind is than an arbitrary single edit (in Zipf units)
SLIP_BONUS = {
    "swapped letters": 1.0,
    "a doubled letter": 1.0,
    "a letter not doubled": 1.0,
    "one vowel for another": 0.8,
    "a neighbouring key": 0.7,
    "an extra neighbouring key": 0.6,
    "an extra vowel": 0.5,
    "a missing vowel": 0.5,
    "a missing letter": 0.3,
    "an extra letter": 0.2,
    "one letter for another": 0.0,
    "": 0.0,
}


class Candidate(NamedTuple):  # a named tuple: made for every neighbour of every word, faster than a dataclass
    word: str  # lower case; two words for a missing space
    distance: int
    zipf: float
    kind: str  # the slip, for one-edit candidates
    sounds_alike: bool
    rank: float
    listed: bool  # in the dictionary, or very frequent (not only seen on the web)


def sounds_alike(a: str, b: str) -> bool:
    return _metaphone(a) == _metaphone(b)


@lru_cache(maxsize=100_000)
def _metaphone(word: str) -> str:
    from jellyfish import metaphone

    return str(metaphone(word))


# words that run into the next one when a space is missed ("ofthe", "alot")
GLUE_WORDS = word_set(
    "a i the and of to in on at is was for with that this it he she they we you but or as by from has have had "
    "be been are were will would can could not also said says its their his her our an who which"
)


def listed(word: str, lexicon: Lexicon) -> bool:
    """In the dictionary, or frequent enough that it cannot be a mere slip of the web."""
    entry = lexicon.entry(word)
    return entry.count > 0 or entry.zipf >= 4.0


def candidates(word: str, lexicon: Lexicon, limit: int = 12, deep: bool = False) -> list[Candidate]:
    """Words ``word`` may be a misspelling of, likeliest first (``deep``: every two-edit word too).

    Some may be misspellings themselves, frequent on the web: :func:`corrections` leaves them out.
    """
    typed = straight(word.lower())
    out = []
    near = lexicon.near(typed)
    if deep:
        near = near + [pair for pair in lexicon.near_two(typed) if pair not in near]
    for meant, distance in near:
        z = lexicon.zipf(meant)
        kind = edit_kind(typed, meant) if distance == 1 else ""
        alike = sounds_alike(typed, meant)
        is_listed = listed(meant, lexicon)
        rank = z - 2.2 * (distance - 1) + SLIP_BONUS.get(kind, 0.0) + (0.8 if alike else 0.0)
        rank += (0.5 if meant[:1] == typed[:1] else 0.0) - (0.0 if is_listed else 1.0)
        out.append(Candidate(meant, distance, z, kind, alike, rank, is_listed))
    split = missing_space(typed, lexicon)
    if split:
        z = min(lexicon.zipf(part) for part in split.split())
        out.append(Candidate(split, 1, z, "a missing space", False, z - 1.0, True))
    out.sort(key=lambda c: (-c.rank, c.word))
    return out[:limit]


def corrections(found: Iterable[Candidate], lexicon: Lexicon, limit: int = 5) -> list[Candidate]:
    """The candidates worth offering: words, not other misspellings ("goverment" is on the web too)."""
    kept: list[Candidate] = []
    for c in found:
        if len(kept) == limit:
            break
        if c.listed or (c.zipf >= 2.0 and not _misspelling(c.word, c.zipf, lexicon)):
            kept.append(c)
    return kept


def _misspelling(word: str, z: float, lexicon: Lexicon) -> bool:
    """An unlisted word one slip from a far more frequent listed word: a common misspelling."""
    return any(
        d == 1 and listed(other, lexicon) and lexicon.zipf(other) >= z + 1.5 for other, d in lexicon.near(word, 1)
    )


def missing_space(word: str, lexicon: Lexicon) -> str:
    """ "of the" for "ofthe": two frequent words, one of them a small word that runs into others."""
    best = ""
    best_z = 0.0
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if a not in GLUE_WORDS and (b not in GLUE_WORDS or len(b) < 3):
            continue  # "ofthe", "forthe"; not "Israeli an"
        if len(a) + len(b) < 4 or (len(a) < 2 and a not in ("a", "i")) or (len(b) < 2 and b not in ("a", "i")):
            continue
        if not (listed(a, lexicon) and listed(b, lexicon)):
            continue
        z = min(lexicon.zipf(a), lexicon.zipf(b))
        if z >= 4.0 and z > best_z:
            best, best_z = f"{a} {b}", z
    return best


def match_case(suggestion: str, original: str) -> str:
    """Write ``suggestion`` the way ``original`` is written: Tacts -> Facts, TACTS -> FACTS."""
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
