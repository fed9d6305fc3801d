"""Regular derivations of known words: "reupload", "tweeting", "cryptocurrencies".

Dictionaries list the common forms only.  A word made from a known word by a
regular ending or prefix, spelt by the rules (a final e dropped before a vowel,
y turned to i, a final consonant doubled), is most likely a real word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lint.spelling import word_list, word_set

VOWELS = "aeiou"
# endings that begin with a vowel drop a final e and may double a final consonant
VOWEL_ENDINGS = word_list("""
    ing ings ed er ers est able ably ism isms ist ists ish ize ized izes izing ise ised ises ising
    ization isation ability ity ee ees
    """)
CONSONANT_ENDINGS = word_list("""
    s ly ness nesses ment ments ful fully less lessly ship ships hood hoods dom like wise ward wards
    """)
# words that take no endings: "somes", "haves", "thes" are typos
CLOSED_CLASS = word_set("""
    the a an and or but nor of to in on at by for with from into onto upon about above below over under after
    before since until while though although because unless whether than then once ever never always often
    again still already yet soon some any many much more most few all each every both either neither such own
    same other another what which who whom whose this that these those there here where when why how very just
    only even also too not yes is was are were be been being has have had do does did will would shall should
    can could may might must its his her their our your my mine yours him them they she he we you it
    """)
PREFIXES = word_list("""
    un re de pre non co anti dis mis over under out sub super inter multi post semi mid cyber micro mega
    ultra eco bio geo tele trans counter hyper mini auto cross pro neo pseudo quasi self up down
    """)


def derivations(word: str) -> Iterator[tuple[str, str]]:
    """(stem, affix) pairs a regular derivation could make ``word`` from; stems are unverified."""
    w = word.lower()
    for ending in sorted(VOWEL_ENDINGS + CONSONANT_ENDINGS, key=len, reverse=True):
        if not w.endswith(ending) or len(w) - len(ending) < 3:
            continue
        stem = w[: -len(ending)]
        if ending == "s" and stem.endswith("y") and stem[-2:-1] not in tuple(VOWELS):
            continue  # "injurys": a consonant and y take -ies
        e_kept = ending in VOWEL_ENDINGS and stem.endswith("e") and not stem.endswith(("ee", "ye", "oe"))
        if not e_kept:  # "useing" is not how "use" takes -ing
            yield stem, "-" + ending
        if ending in VOWEL_ENDINGS:
            if stem[-1] not in VOWELS:
                yield stem + "e", "-" + ending  # make -> making
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
                yield stem[:-1], "-" + ending  # stop -> stopped
        if stem.endswith("i") and ending not in ("ing", "ings", "ism", "ist"):
            yield stem[:-1] + "y", "-" + ending  # busy -> business, try -> tried
        if ending == "s" and stem.endswith("e") and stem[-2:-1] in ("s", "x", "z", "h"):
            yield stem[:-1], "-es"  # boxes
        if ending == "s" and stem.endswith("ie"):
            yield stem[:-2] + "y", "-ies"  # currencies
    if w.endswith("ically") and len(w) >= 9:
        yield w[:-4], "-ally"  # an adjective in -ic takes -ally: cinematographic -> cinematographically
    for prefix in PREFIXES:
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            yield w[len(prefix) :], prefix + "-"


def derived_from(word: str, is_word: Callable[[str], bool]) -> tuple[str, str] | None:
    """The known word (and affix) ``word`` is regularly made from, or None."""
    for stem, affix in derivations(word):
        if len(stem) >= 3 and stem not in CLOSED_CLASS and is_word(stem):
            return stem, affix
    # a prefix and an ending together: "reuploaded"
    for stem, affix in derivations(word):
        if affix.endswith("-") and len(stem) >= 5:
            for inner, ending in derivations(stem):
                if ending.startswith("-") and len(inner) >= 3 and inner not in CLOSED_CLASS and is_word(inner):
                    return inner, affix + ending
    return None


# small words that make no compound: "ofthe" is a missing space, not a word
FUNCTION_WORDS = word_set(
    "the and of to in on at is was for with that this it he she they we you but or as by from has have had be "
    "been are were will would can could not also said says its their his her our an who which than then"
)


def compound_of(word: str, is_content_word: Callable[[str], bool]) -> tuple[str, str] | None:
    """Two content words ``word`` is written from: "goalkicker" -> ("goal", "kicker"), or None."""
    w = word.lower()
    best: tuple[str, str] | None = None
    for i in range(3, len(w) - 2):
        a, b = w[:i], w[i:]
        if a in FUNCTION_WORDS or b in FUNCTION_WORDS:
            continue
        longer = best is None or min(len(a), len(b)) > min(len(best[0]), len(best[1]))
        if longer and is_content_word(a) and is_content_word(b):
            best = (a, b)
    return best


CLOSED_COMPOUNDS = frozenset({"de", "nl", "sv", "da", "nb", "no", "fi", "is"})  # write compounds as one word
LINKS = ("s", "es", "n", "en", "e")  # the linking letters between the parts (Entwicklung-s-zweig)
PART = 4  # the shortest part: shorter ones ("nung", "disk") match too much by chance


def closed_compound(
    word: str, is_modifier: Callable[[str], bool], is_head: Callable[[str], bool], depth: int = 1
) -> tuple[str, str] | None:
    """The modifier and head ``word`` is written from in a language that closes its compounds
    ("entwicklungszweig" -> ("entwicklungs", "zweig"), "positionsgebundenes" -> ("positions",
    "gebundenes")), or None.  The modifier may end in a linking letter or be a verb's stem
    (``is_modifier`` sees both forms); the head may be a compound itself, ``depth`` levels deep."""
    w = word.lower()
    for i in range(len(w) - PART, PART - 1, -1):  # the longest modifier first
        a, b = w[:i], w[i:]
        if not _modifier(a, is_modifier):
            continue
        if is_head(b) or (depth > 1 and len(b) >= 2 * PART and closed_compound(b, is_modifier, is_head, depth - 1)):
            return a, b
    return None


def _modifier(a: str, is_modifier: Callable[[str], bool]) -> bool:
    if is_modifier(a) or is_modifier(a + "en") or is_modifier(a + "n"):  # a verb's stem: "programmier-"
        return True
    return any(a.endswith(k) and len(a) - len(k) >= PART and is_modifier(a[: -len(k)]) for k in LINKS)
