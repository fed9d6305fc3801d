"""Fix tiers for spelling: when a correction cannot be wrong.

``copydesk check --fix`` applies only *safe* fixes; every other correction is a
suggestion an editor picks (``--unsafe-fixes`` applies those too).  A wrong fix
is worse than a missed typo, so a spelling fix is safe only when every piece of
evidence says the word was not written on purpose and only one word was meant:

- **Written on purpose.**  A capitalised word may be a name (names are fixed only
  from the house glossary); a word with letters outside a–z may be another
  language ("trabajaré"); a word another article of the run uses, or this article
  uses in another sentence, is the writer's or the trade's ("committers",
  "mixins"); a word derived from a word the web uses ("refactors", "researchy")
  is a coinage.
- **Used on the web.**  wordfreq counts what people write.  A word it has seen
  ("hardcode", "cruft", "designee", "voila", "endian") is somebody's word, unless
  it is a known *kind* of misspelling of a far more frequent word: a letter doubled
  or not doubled, two letters swapped ("commited", "recieve", "untill", "thier"), or a
  typical slip of a word the web writes thousands of times as often ("abouy", "taht"),
  or, in a long word, a letter left out ("goverment").
- **Not another language's word, nor the article's own.**  A word common in Spanish, French,
  German, Portuguese, Italian or Dutch ("tarde", "profesional" in a glossary of an English page)
  may be quoted in that language; a word written alike in three sentences of the article is
  more likely a word of the trade than a slip typed three times ("cloze tests").
- **Only one word meant.**  The first correction is one edit away, a common word
  of the dictionary, and well ahead of every other candidate; in a short word (under
  nine letters) the edit must also be a typical slip (two letters swapped, a
  doubled letter, a neighbouring key: "deisgn", "auality"; a vowel too many or too
  few of a very common word: "befor", "comeing"), since a short word is one letter
  from many others ("stdio" / "studio", "semver" / "server").  Under five letters only
  two letters swapped in a very common word is sure ("taht", "wiht").
- **Nothing at the edges.**  An edit at the first or last letter adds or drops an affix
  or a code name's mark ("truthy", "ccache", "wstring", "kingsd") or changes an ending
  ("encounted" meant "encountered", not "encounter"); only a swap may stand there.
- **In prose, in the file as written.**  The word is not touching code, a path, a
  file name or markup in the file ("`.env`", "docker-compose.yml", a link that ends
  inside the word), is not a word quoted on its own ("fix 'transfered' typo" mentions
  the slip) or a credit ("- cui fliter (cuishuang)"), and the file holds it literally (no entity or escape in it).

Figures behind these choices are in README.md (fix safety).
"""

from __future__ import annotations

import re

from lint.lexicon import lexicon
from lint.spelling.evidence import TERM_SENTENCES, ArticleEvidence, RunEvidence
from lint.spelling.morphology import derived_from
from lint.spelling.suggest import Candidate
from lint.spelling.wordlist import in_word_list

# a correction a word the web uses may still be a misspelling of, when the web writes it far more often
WEB_KINDS = frozenset({"a doubled letter", "a letter not doubled", "swapped letters"})
WEB_GAP = 1.8  # Zipf steps between the word and its correction (about 60 times as frequent)
WEB_MAX = 3.2  # above this the web writes the word too often for it to be a mere slip ("alright")
# slips typical enough to be the one meant in a short word
SHORT_KINDS = frozenset(
    {"swapped letters", "a doubled letter", "a letter not doubled", "a neighbouring key", "an extra neighbouring key"}
)
# … and, when the correction is a very common word ("befor", "comeing"), a vowel too many or too few
VOWEL_KINDS = frozenset({"an extra vowel", "a missing vowel"})
VERY_COMMON = 5.0
SHORT = 9  # letters
MIN_LENGTH = 5  # shorter words are one letter from too many others ("sys" / "says", "env" / "end") …
SWAP_LENGTH = 4  # … but two letters swapped in a very common word ("taht", "wiht") is that word
REPEAT_MAX = 2.5  # … and the web seldom writes ("taht" 2.2; a trade's own word is written more)
WEB_FAR = 3.5  # a typical slip of a word the web writes this many Zipf steps more often ("abouy", "taht")
CORRECTION_ZIPF = 3.5  # a common word
STEM_ZIPF = 2.0  # a stem the web uses: a word made from it is a coinage, not a slip ("strategizes")
COINAGE_STEM = 7  # letters: shorter strings the web writes are often fragments and names ("engin", "gover")
COINAGE_GAP = 3.0  # … unless the correction is far more common than the stem ("goverment" is no coinage of "gover")
ARCHIVE_MIN = 3  # articles: fewer say little ("goverment" twice in a run of two is still a slip)
ARCHIVE_RATIO = 3  # a word the run writes in several articles is a slip only if the correction is far more written
MARGIN = 1.5  # how far the correction must rank above the next candidate
LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch"}
# characters that, touching a word in the file, say it is code, a path or markup, not prose
QUOTES_BEFORE = set("'\"‘“«")
QUOTES_AFTER = set("'\"’”»")
CODE_BEFORE = set("`./\\_@#$%&*=<[{|~^+-:")
CODE_AFTER = set("`/\\_@#$%&*=>]}|~^+([-")  # a hyphen after: the first part of a compound ("researchy-type")


def why_unsafe(
    word: str,
    capitalised: bool,
    ranked: list[Candidate],
    article: ArticleEvidence,
    run: RunEvidence | None,
    derived: tuple[str, str] | None,
    compound: tuple[str, str] | None,
    lang: str,
) -> str:
    """ "" when the first of ``ranked`` (the corrections, best first) is a safe fix for ``word``, else why not."""
    if capitalised:
        return "capitalised: it may be a name (names are fixed only from the house glossary)"
    if not word.isascii() or not word.isalpha():
        return "letters outside a-z: it may be another language's word"
    if lang != "en":
        return "safe fixes are made in English only"
    if in_word_list(word.lower(), lang):
        return "a word of the large English word list (SCOWL): a slip of another word only by context"
    if not ranked:
        return "no correction"
    best = ranked[0]
    swap = best.kind == "swapped letters" and best.zipf >= VERY_COMMON and len(word) >= SWAP_LENGTH
    if len(word) < MIN_LENGTH and not swap:
        return f"shorter than {MIN_LENGTH} letters: one letter from too many words"
    if best.distance != 1 or " " in best.word or best.kind in ("", "a missing space") or not best.listed:
        return "the correction is not one plain edit to a dictionary word"
    # a finger on the next key is a slip wherever it falls ("auality"); an extra or missing letter
    # or another letter at the end is not
    edge_ok = best.kind == "swapped letters" or (best.kind == "a neighbouring key" and word[-1:] == best.word[-1:])
    if not edge_ok and at_edge(word, best.word):
        return "the edit is at the word's edge: an affix or a code name's mark ('truthy', 'ccache'), or another ending"
    lx = lexicon(lang)
    if best.zipf < CORRECTION_ZIPF:
        return f"the correction '{best.word}' is not a common word"
    # two letters swapped is one slip, less than any two edits ("taht": "that", not "the")
    rival = next((c for c in ranked[1:] if c.distance == 1 or best.kind != "swapped letters"), None)
    if rival is not None and best.rank - rival.rank < MARGIN:
        return f"'{rival.word}' is nearly as likely"
    typical = best.kind in SHORT_KINDS or (best.kind in VOWEL_KINDS and best.zipf >= VERY_COMMON)
    if len(word) < SHORT and not typical:
        return f"a short word, and {best.kind} is no typical slip"
    z = lx.zipf(word)
    kinds = WEB_KINDS | {"a missing letter"} if len(word) >= SHORT else WEB_KINDS  # "goverment"
    misspelling = best.kind in kinds and z <= WEB_MAX and best.zipf - z >= WEB_GAP
    if z > 0 and not misspelling and not (typical and best.zipf - z >= WEB_FAR):
        return f"the web uses '{word}' (Zipf {z:.1f})"
    if (derived or compound) and best.kind not in WEB_KINDS:  # "stoped" is no coinage from "stop"
        return "made from words the web uses"

    # a coinage from a word only the web knows ("strategizes" from "strategize", Zipf 2.4): no slip of it
    def web_stem(s: str) -> bool:
        return len(s) >= COINAGE_STEM and not lx.known(s) and lx.zipf(s) >= STEM_ZIPF

    stem = None if derived else derived_from(word.lower(), web_stem)
    if stem and best.zipf - lx.zipf(stem[0]) < COINAGE_GAP:  # "goverment" is no coinage from "gover" (Zipf 2.1)
        return f"'{stem[0]}' with {stem[1]}: a word the web uses, with a regular ending or prefix"
    # the archive's own word: other articles write it, and seldom or never the correction ("deopt", "depot")
    if run is not None:
        key = word.lower()
        writing = run.as_lower[key] + run.as_capital[key]
        if writing >= ARCHIVE_MIN and (meant := run.articles_with(best.word)) < ARCHIVE_RATIO * writing:
            return f"{writing} articles of the run write '{word}', {meant} write '{best.word}': the archive's own word"
    # written again, here or in other articles: on purpose, unless it is a known kind of misspelling
    # ("goverment") or a typical slip of a very common word that no trade writes ("taht", "mroe")
    use = article.of(word)
    sentences = len(use.lower_contexts | use.capital_contexts)
    if sentences >= TERM_SENTENCES:
        # written alike in three sentences: a slip is seldom retyped so, a word of the trade is ("cloze"
        # tests, beside "close"); a suggestion the editor picks, not a fix
        return f"the article writes it alike in {sentences} sentences: it may be a word of the trade"
    other = lx.foreign(word.lower())
    if other:  # "tarde" in a Spanish glossary of an English page is no slip of "trade"
        return f"a common word of {LANGUAGE_NAMES.get(other, other)}: it may be quoted in that language"
    if misspelling or (typical and best.zipf >= VERY_COMMON and z <= REPEAT_MAX):
        return ""
    if len(use.lower_contexts) > 1 or use.capital_contexts:
        return "the article writes it in more than one sentence"
    if run is not None and run.as_lower[word.lower()] + run.as_capital[word.lower()] > 1:
        return "other articles of the run write it"
    return ""


def mentions(source: str, start: int, end: int, correction: str) -> bool:
    """True when ``correction`` is written close to ``source[start:end]`` on its line, or the line speaks of
    a typo: a changelog's "fix typo funciton -> function" or "(vulnerabile -&gt; vulnerable)" names the
    slip, it does not make it."""
    line_start, line_end = _line(source, start, end)
    if TYPO_TALK.search(source, line_start, line_end):
        return True
    near = source[max(line_start, start - MENTION_REACH) : min(line_end, end + MENTION_REACH)]
    return re.search(rf"(?<![^\W\d_]){re.escape(correction)}(?![^\W\d_])", near, re.IGNORECASE) is not None


MENTION_REACH = 25  # characters either side of the word
TYPO_TALK = re.compile(r"(?i)\b(?:typos?|misspell(?:ed|ings?|s)?|spelling)\b")


def at_edge(typed: str, meant: str) -> bool:
    """True when the one edit from ``meant`` to ``typed`` can stand at the first or the last letter."""
    if len(typed) == len(meant) + 1:
        return typed[1:] == meant or typed[:-1] == meant
    if len(meant) == len(typed) + 1:
        return meant[1:] == typed or meant[:-1] == typed
    return typed[:1] != meant[:1] or typed[-1:] != meant[-1:]


def in_prose(source: str, start: int, end: int) -> bool:
    """True when the file characters touching ``source[start:end]`` are prose, not code or markup."""
    before = source[start - 1] if start > 0 else " "
    after = source[end] if end < len(source) else " "
    if after == "&" and ENTITY.match(source, end):
        after = " "  # an entity is a character: "goverment&#8217;s"
    if before in QUOTES_BEFORE and after in QUOTES_AFTER:
        return False  # a word in quotes of its own is mentioned, not used: "fix 'transfered' typo"
    if before in CODE_BEFORE or after in CODE_AFTER or before.isalnum() or after.isalnum():
        return False
    # a file name or a dotted identifier: "docker-compose.yml", "site.url"
    if after == "." and end + 1 < len(source) and source[end + 1].isalnum():
        return False
    # a credit: a list item naming a person and a handle ("- cui fliter (cuishuang)")
    return not CREDIT_LINE.match(source, *_line(source, start, end))


def _line(source: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the line holding ``source[start:end]`` (``\n``, ``\r\n`` or ``\r`` ends a line)."""
    line_start = max(source.rfind("\n", 0, start), source.rfind("\r", 0, start)) + 1
    ends = [i for i in (source.find("\n", end), source.find("\r", end)) if i >= 0]
    return line_start, min(ends) if ends else len(source)


ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
CREDIT_LINE = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+[^\s()]+(?:[ \t]+[^\s()]+){0,3}[ \t]*\(@?[^\s()]+\)[ \t]*\r?$")
