"""Paragraphs written in another language than the article's (a quote in Spanish, a bilingual post).

Checked against the article's dictionary every word of them would be reported;
they are recognised by their words being common in another language (wordfreq's
small lists, of the words used at least once per million: loaded only when a
paragraph looks foreign, a hundredth of a second and a few megabytes each) and
left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.lexicon import lexicon
from lint.words import WORD

# languages looked for, most likely in English-language news first
OTHERS = ("es", "fr", "de", "pt", "it", "nl", "en")
PARAGRAPH = re.compile(r"\n[ \t]*\n")
MIN_WORDS = 8  # shorter stretches are names and quotes, not paragraphs
UNKNOWN_SHARE = 0.4  # a paragraph is looked at when this share of its words is unknown
KNOWN_SHARE = 0.7  # … and is foreign when this share of its words is common in another language
COMMON = 3.0  # Zipf frequency from which a word is common in a language (the floor of wordfreq's small lists)


@lru_cache(maxsize=100_000)
def common_in(word: str, lang: str) -> bool:
    """True when ``word`` (lower case) is common in ``lang`` (wordfreq's small list)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang, wordlist="small")) >= COMMON


def paragraphs(value: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``value`` (separated by blank lines)."""
    out = []
    start = 0
    for m in PARAGRAPH.finditer(value):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(value)))
    return out


def language_of(words: list[str], own: str) -> str | None:
    """The language other than ``own`` most of ``words`` are common in, or None."""
    lowered = [w.lower() for w in words]
    lx = lexicon(own)  # the article's own language: the lexicon the spelling check has open
    own_share = sum(1 for w in lowered if lx.zipf(w) >= COMMON) / len(lowered)
    if own_share + 0.2 > 1.0:
        return None  # no other language can beat it: do not load their word lists
    best, best_share = None, 0.0
    for lang in OTHERS:
        if lang == own:
            continue
        share = sum(1 for w in lowered if common_in(w, lang)) / len(lowered)
        if share > best_share:
            best, best_share = lang, share
    if best is None or best_share < KNOWN_SHARE:
        return None
    return best if best_share >= own_share + 0.2 else None


def foreign_spans(value: str, unknown: list[int], own: str) -> list[tuple[int, int, str]]:
    """Paragraphs of ``value`` in another language: (start, end, language).

    ``unknown`` holds the start of each word the article's dictionary does not know.
    """
    if len(unknown) < MIN_WORDS * UNKNOWN_SHARE:
        return []
    out = []
    for a, b in paragraphs(value):
        inside = sum(1 for i in unknown if a <= i < b)
        if inside < MIN_WORDS * UNKNOWN_SHARE:
            continue
        words = WORD.findall(value, a, b)
        if len(words) >= MIN_WORDS and inside >= UNKNOWN_SHARE * len(words):
            lang = language_of(words, own)
            if lang:
                out.append((a, b, lang))
    return out


@lru_cache(maxsize=10_000)
def foreign_word(word: str, own: str) -> str:
    """The other language an accented word (one the article's dictionary lacks) is a common word of, or "".

    English writes few accents, and a typo rarely makes one: "señora" in an English post is Spanish.
    A word in plain letters is never taken for a foreign one here (a slip can make one).  wordfreq's
    small lists, as for paragraphs: a rare inflection ("trabajaré") is left to the spelling check.
    """
    if word.isascii():
        return ""
    lowered = word.lower()
    return next((lang for lang in OTHERS if lang != own and common_in(lowered, lang)), "")


NEIGHBOURS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PHRASE_REACH = 3  # words either side


def phrase_word(value: str, start: int, end: int, own: str) -> str:
    """The other language of a phrase the plain word at ``value[start:end]`` stands in, or "": an accented
    word of that language within three words, in the same clause, and the word common in it too
    ("información sobre mi caso": "sobre" and "caso" are Spanish, as "información" shows)."""
    word = value[start:end].lower()
    before, after = value[max(0, start - 80) : start], value[end : end + 80]
    if not (_accented(before) or _accented(after)):
        return ""  # no accented letter near: no phrase of another language (curly quotes are no accents)
    left = re.split(r"[.,;:!?()\[\]\n\"“”]", before)[-1]
    right = re.split(r"[.,;:!?()\[\]\n\"“”]", after)[0]
    near = NEIGHBOURS.findall(left)[-PHRASE_REACH:] + NEIGHBOURS.findall(right)[:PHRASE_REACH]
    for other in near:
        lang = foreign_word(other, own) if _accented(other) else ""
        if lang and common_in(word, lang) and _more_common_in(word, lang, own):
            return lang
    return ""


def _accented(text: str) -> bool:
    """A letter outside ASCII in ``text`` (a curly apostrophe is none)."""
    return not text.isascii() and any(c.isalpha() and not c.isascii() for c in text)


FOREIGN_MARGIN = 2.5  # Zipf steps: "sobre" is Spanish (6.2 against 2.7), "adn" beside "García" is no "ADN" (4.2, 2.4)


def _more_common_in(word: str, lang: str, own: str) -> bool:
    """``word`` is far more common in ``lang`` than in the article's language."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang)) >= float(zipf_frequency(word, own)) + FOREIGN_MARGIN
