"""When two spellings are variants of one name.

Three kinds of evidence, strongest first:

1. *Transliteration and doubling patterns*: both spellings reduce to the same
   skeleton once y/i, ph/f, ck/k, q/k, c/k, ie/ei, ou/u, ee/i, w/v, z/s, -off/-ov,
   dh/gh/kh/th, a final e or h and doubled letters are levelled
   ("Aliyev"/"Aliev", "Hewitt"/"Hewit", "Gadhafi"/"Gaddafi", "Blair"/"Blaire").
2. *One letter apart and sounding alike* (Metaphone or NYSIIS keys agree):
   "Qaddafi"/"Gaddafi", "Medvedev"/"Medvedyev".
3. *Two letters apart* in a long name whose Metaphone and NYSIIS keys both agree:
   "Mohammed"/"Muhammad".

Inflections are never variants: "Israel"/"Israeli", "Australia"/"Australian",
"Hama"/"Hamas", "Ivanov"/"Ivanova".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# endings that make another word (plural, possessive, demonym, feminine form, derivation)
INFLECTIONS = (
    "s", "es", "n", "an", "ans", "ian", "ians", "i", "is", "a", "al", "ese", "ish", "ic", "ics",
    "er", "ers", "ed", "d", "ing", "ism", "ist", "ists", "ite", "ites", "ns", "ly", "ness", "ov", "ova",
)  # fmt: skip

_SIBLING_ENDINGS = frozenset(("s", "es", "i", "is", "a", "an", "ans", "n", "ns", "ian", "ians"))

# ordered rewrites that level transliteration and typing variants
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"['’`\-.]", ""),
        (r"(?<=..)ee$", "e"),  # first, so "Housee" levels with "House" before ee -> i
        (r"d?zh|dj", "j"),
        (r"sch", "sh"),
        (r"tch", "ch"),
        (r"ph", "f"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"x", "ks"),
        (r"c(?![eiyh])", "k"),
        (r"(?<=[bdgkt])h", ""),
        (r"w", "v"),
        (r"y", "i"),
        (r"^ie(?=[^aeiou])", "e"),  # "Yevgeny", "Evgeny"
        (r"ou|oo", "u"),
        (r"ee", "i"),
        (r"ei", "ie"),
        (r"z", "s"),
        (r"(.)\1+", r"\1"),
        (r"(?<=[oe])f$", "v"),
        (r"(?<=[aeiou])h$", ""),
        (r"(?<=...)e$", ""),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower case without diacritics: "Erdoğan" -> "erdogan"."""
    low = word.lower().replace("’", "'")
    if low.isascii():
        return low  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ı", "i")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _umlauts(word: str) -> str:
    """German umlauts written out, the rest folded: "Stöbich" -> "stoebich", "Schünemann" -> "schuenemann"."""
    return fold(word.lower().translate(_UMLAUTS))


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The spelling with transliteration and doubling differences levelled out."""
    out = fold(word)
    for pattern, repl in _REWRITES:
        out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=100_000)
def _keys(word: str) -> tuple[str, str]:
    import jellyfish

    folded = fold(word)
    return jellyfish.metaphone(folded), jellyfish.nysiis(folded)


def edits(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of neighbouring letters between ``a`` and ``b``."""
    import jellyfish

    return int(jellyfish.damerau_levenshtein_distance(a, b))


def inflected(a: str, b: str) -> bool:
    """True when one word is the other plus an ending ("Israel", "Israeli"), or both are one
    stem with two plural or demonym endings ("Afghani", "Afghans")."""
    a, b = fold(a), fold(b)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.startswith(short) and long[len(short) :] in INFLECTIONS:
        return True
    if short.endswith("y") and long == short[:-1] + "ies":  # "Kennedy", "Kennedies"
        return True
    for ending in _SIBLING_ENDINGS:
        if a.endswith(ending) and len(a) - len(ending) >= 4:
            stem = a[: len(a) - len(ending)]
            if b.startswith(stem) and b[len(stem) :] in _SIBLING_ENDINGS:
                return True
    return False


PATTERN = "the two spellings differ only by a transliteration or doubled-letter pattern"
ACCENTS = "the two spellings differ only by accents"


def variant_reason(a: str, b: str) -> str | None:
    """Why ``a`` and ``b`` look like spellings of one name; None when they do not."""
    if a.lower().replace("’", "'") == b.lower().replace("’", "'"):
        return None  # capitals or apostrophes only: not a spelling
    la, lb = fold(a), fold(b)
    if la == lb or _umlauts(a) == _umlauts(b):
        return ACCENTS  # "Díaz", "Diaz"; "Stöbich", "Stoebich"
    if inflected(la, lb):
        return None
    shortest = min(len(la), len(lb))
    if shortest < 3 or abs(len(la) - len(lb)) > 3:
        return None
    if skeleton(la) == skeleton(lb):
        return PATTERN
    distance = edits(la, lb)
    if distance > 2:
        return None
    ka, kb = _keys(la), _keys(lb)
    sounds = (ka[0] == kb[0]) + (ka[1] == kb[1])
    if distance == 1 and shortest >= 5 and sounds:
        return "the two spellings are one letter apart and sound alike"
    if distance == 1 and shortest >= 8:
        return "the two spellings are one letter apart"
    if distance == 2 and shortest >= 7 and sounds == 2:
        return "the two spellings are two letters apart and sound alike"
    if edits(skeleton(la), skeleton(lb)) == 1 and shortest >= 6 and sounds == 2:
        return "the two spellings differ by a transliteration pattern and one letter"
    return None


@lru_cache(maxsize=100_000)
def blocking_keys(word: str) -> frozenset[str]:
    """Keys shared by any two spellings :func:`variant_reason` may pair (for indexes)."""
    low = fold(word)
    keys = {"s:" + skeleton(low), "m:" + _keys(low)[0], "n:" + _keys(low)[1]}
    keys.update("d:" + low[:i] + low[i + 1 :] for i in range(len(low)))
    keys.add("d:" + low)
    return frozenset(keys)
