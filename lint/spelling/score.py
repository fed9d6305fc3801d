"""Is an unknown word a typo or a real word (a name, a term)?  A score with its reasons.

The score is a sum of log-odds-like weights; above zero the word is reported.

- How often the word is written (wordfreq's Zipf scale): names in the news are
  seen a few times per million words (Zipf 2-3), most typos far less.
- Near misses: a word one or two slips away from a far more frequent word
  ("goverment", Zipf 2.7, one letter from "government", Zipf 5.6) is a typo
  even when it is frequent itself, as common misspellings are.
- Capitals: in lower case inside a sentence an unknown word is likely a typo;
  capitalised inside a sentence it is likely a name; at the start of a sentence,
  in a title-case headline or in capitals, the capital says nothing.
- Evidence from the article and the run: a capitalised word used again in other
  sentences, after a title, with a possessive, beside other capitalised words,
  next to "said", or in other articles of the run is a name.
- A regular derivation of a known word ("reupload") is a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from lint.lexicon import Lexicon, base_language, folded, lexicon, straight
from lint.names.people import given_name
from lint.names.similar import edits
from lint.spelling import word_set
from lint.spelling.evidence import TERM_SENTENCES, TITLES, ArticleEvidence, RunEvidence, WordUse, stem
from lint.spelling.misspellings import misspelling
from lint.spelling.morphology import CLOSED_COMPOUNDS, closed_compound, compound_of, derived_from
from lint.spelling.safety import why_unsafe
from lint.spelling.suggest import Candidate, candidates, corrections, edit_kind, match_case
from lint.spelling.tokens import Token
from lint.spelling.variants import american
from lint.spelling.wordlist import PROPER, SOFTWARE, english, listed_in, word_list
from lint.words import without_possessive

# weights (log-odds units); a positive total is a typo
PRIOR = 2.6
PER_ZIPF = -1.5  # each step of the word's own frequency
LOWER_CASE = 2.0  # unknown and in lower case inside a sentence
LOWER_CASE_OTHER = 1.0  # … in languages whose inflections this check does not know (a Spanish subjunctive)
# … and there, a form the web writes this often, and no typical slip of a far more common word, is a form:
# pyspellchecker's Spanish dictionary lacks 37% of the 3,000 words wordfreq finds most common in Spanish
# ("todos", "tiene", "fue"), its Russian one 14% and most case forms ("ключу", "сертификате")
WEB_FORM_ZIPF, WEB_FORM = 1.5, -2.0
NAME_POSITION = -3.5  # capitalised inside a sentence
NAME_IN_PHRASE = -1.5  # … beside a capitalised common word: in a title-case phrase ("Detroit Motor Sho")
NAME_PARTICLES = frozenset(("bin", "ibn", "ben", "abu", "van", "von", "del", "der", "den", "dos", "das", "san"))
# the words that follow a name in the names of places and bodies
NAME_HEADS = word_set("""
    park street road avenue lane river lake county city town island islands bridge square station valley hill
    hills mountain mountains beach bay airport stadium castle palace abbey cathedral church college university
    school hospital group bank securities international holdings capital partners foundation institute trust
    company corporation associates media records studios entertainment hotels airlines motors
    prison association council party society club league union committee commission department ministry
    office agency service court theatre theater museum gallery library festival awards cup championship
    """)
PHRASE_WORD_ZIPF = 4.0  # a capitalised neighbour this common is a word of such a phrase (see rules/names-en.txt)
NEAR_ONE = 0.9  # per Zipf step a one-edit neighbour is more frequent (beyond the first steps)
NEAR_ONE_FROM = 1.5
NEAR_TWO = 0.45  # the same for a two-edit neighbour (beyond the first step)
NEAR_CAP = 3.5
NEAR_CAP_UNLISTED = 1.5  # a neighbour only seen on the web ("dropdown") says less
NEAR_AS_NAME = 0.5  # names are often a letter away from a word (Ruto, Hegde): near misses count half
COMMON_FROM, COMMON_SPAN = 2.0, 2.0  # a neighbour weighs in full from Zipf 4, not at all below Zipf 2
NO_NEIGHBOUR = -2.8  # capitalised and no word within reach: a rare name (Ngarewa)
FULL_NAME_OPENING = -2.5  # … and its weight as a name's evidence (inside a sentence a capital weighs NAME_POSITION)
FULL_NAME_PARTNER = 3.5  # Zipf below which a capitalised word after a sentence's first word makes a full name
WEB_WORD_ZIPF = 1.5  # … in lower case, a word the web writes this often and no word within reach is a word
SLIP = 1.3  # a near miss of a typical kind (swap, doubling, neighbouring key, same sound) weighs more
STRONG_NEAR_TWO = 1.5  # … and a near miss this heavy of a word unknown even on the web, however far
STRONG_NEAR = 1.0  # a one-edit near miss at least this heavy makes a derivation or repetition suspect
FIRST_LETTER = 0.6  # a slip at the first letter ("funder" for "under") weighs less
OTHER_SENTENCES = -0.8  # each other sentence using it capitalised inside the sentence (up to three)
REPEATED = -0.6  # each other sentence using it capitalised (up to two)
REPEATED_WORD = -0.8  # each other sentence using it in lower case (up to five)
MANY_SENTENCES = 4  # other sentences of the article that make a word common on the web, suspect of a slip,
# a term after all ("dat"); a misspelling ("goverment", Zipf 2.9) stays one however often it is written
INSIDE_ZIPF = 4.0  # a word this common, slipped inside, is no term however often the slip is written
TERM = -9.0  # … ("pserver" in six sentences of one report): slips are not retyped alike, misspellings are listed
WIDE_USE = 4  # other articles of the run that make a word suspect of a slip a term after all
INSIDE_TERM_ARTICLES = 2  # other articles whose term a slip inside a common word must be to be a term here
INSIDE_MIN = 5  # letters: a shorter word is one letter from many ("cgo", "ceo"), inside or not
AFTER_TITLE = -3.0
AFTER_INITIAL = -7.0  # "Harold S. Geneen", "Druin, A., Foss, E." (a reference, even at a line start): a surname
AFTER_GIVEN_NAME = -4.0  # after a known given name ("Vincent Spadea"), also in a list line of names: a surname
AFTER_GIVEN_NAME_SUSPECT = -2.0  # … when it is a typical slip of a word the web knows well ("Jameson Dempesy")
POSSESSIVE = -1.0
NAME_PARTNER = -1.5  # beside another capitalised word that is itself a name
SAID = -1.0
PLACE = -0.5
OTHER_ARTICLES = -1.0  # each other article of the run using it as a name (up to three)
OTHER_ARTICLES_CAPITAL = -0.7  # … or capitalised at a sentence start (up to two)
OTHER_ARTICLES_LOWER = -1.2  # … or in lower case, when no near miss makes it suspect (up to three)
INNER_APOSTROPHE = -2.0  # Sa'ar, O'Brien
HEADLINE_ONLY = 1.5  # capitalised in the headline and nowhere else
OWN_NAME_SENTENCES = 3  # a capitalised word written this often, more than its twin, is no slip of it
SIBLING_STEM = 6  # letters of a stem whose derivation's near misses may be its siblings' ("redactions")
HEAD_SLIP = 3.0  # capitalised after a name, a slip of a word names of bodies are made with ("Barlinnie Prision")
TWIN = 3.0  # capitalised, and a slip of a word the article writes with a capital elsewhere ("Houes", "House")
RUN_TWIN = 2.5  # … a word other articles of the run write with a capital ("Worde Cup", "World Cup")
CALENDAR = 4.0  # capitalised, and a slip of a day or a month ("Wensday", "Febuary")
CALENDAR_MAX_ZIPF = 2.5  # … unless the web writes it as often as a name
LONG_SLIP = 9  # a capitalised word this long, unknown even on the web, a letter from a word: weighed as a word
RUN_TWIN_ARTICLES = 2  # … in at least this many other articles
TWIN_ZIPF = 3.0  # … a word of at least this frequency
RUN_TWIN_MAX_ZIPF = 1.0  # … and the word itself unknown on the web (names and common misspellings are seen there)
NOUNS_CAPITALISED = ("de",)  # languages that capitalise every noun: a capital says nothing of a name
DERIVED = -5.0  # a known word with a regular ending
PREFIXED = -5.0  # a known word with a prefix
COMPOUND = -4.8  # two content words written as one
DERIVED_NEAR_MISS = -0.5  # … when it is also a near miss of a more frequent word (arguement, truely)
PREFIX_PART = -1.5  # "agri" in "agri-tech"
HYPHENATED = -4.0  # written with a hyphen elsewhere in the article: "agritech" and "agri-tech"
IN_WORD_LIST = -6.0  # in a shipped word list (SCOWL's, the software trade's): a word, unless a strong slip
ENTRY_WORD = -9.0  # in a release-note entry's subject, full of code names, and no clear slip of a common word
ENTRY_SLIP_LENGTH, ENTRY_SLIP_ZIPF = 7, 4.0  # … a long word one edit from a common word is one
LISTED_SHORT = 5  # a software word shorter than this counts only where the article or the site shows code
CODE_SHARE = 0.05  # … a site where this share of the articles shows code
IN_ARTICLE = 1.5  # a correction the article uses elsewhere (Zipf units)
ELIDED = -9.0  # "learnin’", "a-changin'": a word with its final g dropped on purpose, the apostrophe says so
KNOWN_MISSPELLING = 3.0  # in lower case, on codespell's list of common misspellings ("occurance", "teh")


@dataclass(frozen=True)
class Facts:
    """What the lexicon says about one word (lower case), whatever its place."""

    word: str
    lang: str
    zipf: float
    near: tuple[Candidate, ...]
    derived: tuple[str, str] | None  # (known word, affix)
    compound: tuple[str, str] | None  # two content words


@lru_cache(maxsize=50_000)
def facts(word: str, lang: str) -> Facts:
    f = plain_facts(word, lang)
    return replace(f, near=tuple(candidates(f.word, lexicon(lang))))


@lru_cache(maxsize=50_000)
def plain_facts(word: str, lang: str) -> Facts:
    """:func:`facts` without the near misses (``near`` is empty): what :func:`ceiling` needs."""
    lx = lexicon(lang)
    w = straight(word.lower())
    derived = derived_from(w, lambda s: _is_word(lx, s))
    compound = None if derived else compound_of(w, lambda s: _content_word(lx, s))
    if compound is None and derived is None and base_language(lang) in CLOSED_COMPOUNDS:
        compound = closed_compound(w, lambda s: _modifier_word(lx, s), lambda s: _head_word(lx, s))
    return Facts(w, lang, lx.zipf(w), (), derived, compound)


def _modifier_word(lx: Lexicon, word: str) -> bool:
    """The first part of a closed compound: a common word of the language, or of the trade's English."""
    return (lx.known(word) and lx.zipf(word) >= 3.0) or _trade_english(word)


def _head_word(lx: Lexicon, word: str) -> bool:
    """The last part: any word of the dictionary that the language writes (it carries the ending)."""
    return (lx.known(word) and lx.zipf(word) >= 2.0) or _trade_english(word)


def _trade_english(word: str) -> bool:
    return english(word, 3.5)


@lru_cache(maxsize=10_000)
def deepened(f: Facts) -> Facts:
    """``f`` with every word two edits away among its neighbours ("govermant": "government")."""
    near = tuple(candidates(f.word, lexicon(f.lang), deep=True))
    return Facts(f.word, f.lang, f.zipf, near, f.derived, f.compound)


DEEP_MIN_LENGTH = 7  # shorter words have too many neighbours two edits away
SHORT_STEM_COUNT = 50  # pyspellchecker's count for the rarest words it lists


def _is_word(lx: Lexicon, word: str) -> bool:
    """A stem a derivation may be made from: a word, not an abbreviation ("ind" + "-ed" is no word)."""
    entry = lx.entry(word)
    if len(word) < 5:  # short stems must be common words ("amer" is in the dictionary, but no word to derive from)
        return entry.count > SHORT_STEM_COUNT and entry.zipf >= (4.0 if len(word) < 4 else 3.0)
    return entry.count > 0 or entry.zipf >= 3.0 or any(lx.known(a) for a in american(word))


def _content_word(lx: Lexicon, word: str) -> bool:
    return lx.zipf(word) >= 3.0 and (lx.known(word) or lx.zipf(word) >= 4.0)


@dataclass(frozen=True)
class Verdict:
    flagged: bool
    score: float
    reasons: tuple[str, ...]
    suggestions: tuple[str, ...]  # written like the original (Tacts -> Facts)
    clear: bool  # the first suggestion cannot be wrong: a safe fix (see lint.spelling.safety)
    unsafe: str = ""  # when not clear: why the first suggestion is no safe fix


NOT_SLIPS = ("", "one letter for another", "an extra letter", "a missing letter")


def _near_miss(f: Facts, as_name: bool) -> tuple[float, str, float]:
    """The weight of the strongest near miss, its reason, and the weight of the strongest one-edit miss."""
    best, reason, best_one = 0.0, "", 0.0
    stem = f.derived[0] if f.derived else ""
    for c in f.near:
        if (c.distance > 1 and len(f.word) < 6) or len(c.word) < 3:
            continue  # two edits in a short word make another word, not a slip; so does a letter and "at"
        if c.word == stem or (as_name and (not c.listed or c.kind == "a missing space")):
            continue
        if _other_ending(f, c.word):
            continue  # "sentencers" beside "sentences": two forms of one stem, no slip of one for the other
        if stem and c.distance > 1:
            continue  # a regular derivation two letters from another word is still a derivation
        gap = c.zipf - f.zipf
        if c.kind == "a missing space":
            w = NEAR_ONE * max(0.0, gap - 2.0)
        elif c.distance == 1:
            w = NEAR_ONE * max(0.0, gap - NEAR_ONE_FROM)
        else:
            w = NEAR_TWO * max(0.0, gap - 1.5)
        slip = c.kind not in NOT_SLIPS or c.sounds_alike
        if slip:
            w *= SLIP
        if c.distance == 1 and c.word[:1] != f.word[:1]:
            w *= FIRST_LETTER  # slips at the first letter are rare
        w *= min(1.0, max(0.0, (c.zipf - COMMON_FROM) / COMMON_SPAN))  # a slip from a common word
        w = min(w, NEAR_CAP if c.listed else NEAR_CAP_UNLISTED)
        if as_name:
            w *= NEAR_AS_NAME if slip else NEAR_AS_NAME / 2
        if f.compound and c.distance > 1 and w < STRONG_NEAR_TWO:
            continue  # two content words, two letters from a word too rare to make them suspect, are a
            # compound ("planemaker" beside "pacemaker"), unlike "differcult" beside "difficult"
        if c.distance == 1:
            best_one = max(best_one, w)
        if w > best:
            edits = "1 edit" if c.distance == 1 else "2 edits"
            how = f", {c.kind}" if c.kind else ""
            alike = ", sounds the same" if c.sounds_alike else ""
            best = w
            reason = f"{edits} from '{c.word}' (Zipf {c.zipf:.1f}{how}{alike})"
    return best, reason, best_one


OTHER_ENDING_STEM = 6  # letters of a stem whose other forms are no evidence of a slip


def _other_ending(f: Facts, other: str) -> bool:
    """``other`` is the stem of ``f``'s derivation with another regular ending ("sentences" and "sentenced"
    for "sentencers", both of "sentence"); the same ending is a slip ("committed" for "commited")."""
    if not f.derived or len(f.derived[0]) < OTHER_ENDING_STEM:
        return False  # a short stem makes endings by chance: "latist" is no "lat" + "-ist" beside "latest"
    theirs = plain_facts(other, f.lang).derived
    return theirs is not None and theirs[0] == f.derived[0] and theirs[1] != f.derived[1]


def _slip_from_common(f: Facts) -> bool:
    """One typical slip from a common word much more frequent than it: a misspelling, however often written."""
    stem = f.derived[0] if f.derived else ""
    return any(
        c.distance == 1
        and c.listed
        and c.word != stem
        and not _other_ending(f, c.word)
        and c.kind != "a missing space"
        and len(c.word) >= 3
        and c.zipf >= 3.5
        and c.zipf - f.zipf >= 1.5
        and c.word[:1] == f.word[:1]
        and (c.kind not in NOT_SLIPS or c.sounds_alike)
        for c in f.near
    )


def _ending_of(word: str, other: str) -> bool:
    """``word`` is ``other`` with another or a further ending ("ключу", "ключ"; "сертификате",
    "сертификата"): an inflection in a language that inflects, where the slip looks the same."""
    return len(other) >= 3 and (word.startswith(other) or (len(word) == len(other) and word[:-1] == other[:-1]))


def _without_accent(f: Facts) -> bool:
    """A word the web writes more often with an accent ("tipicamente" for "típicamente"): a slip."""
    return any(c.distance == 1 and c.zipf > f.zipf and folded(c.word) == f.word for c in f.near)


def _slip_unknown_to_the_web(f: Facts) -> bool:
    """A word the web never writes, two letters swapped from a word it knows well, with the same first
    letter ("Dempesy" for "Dempsey"): a slip even after a given name (an extra vowel may be
    the name's own: "Spadea", "Spade")."""
    return f.zipf == 0.0 and any(
        c.distance == 1 and c.listed and c.zipf >= 3.0 and c.word[:1] == f.word[:1] and c.kind == "swapped letters"
        for c in f.near
    )


def _slip_inside_common(f: Facts) -> bool:
    """One edit inside a common word, its first and last letters kept ("seurity" for "security"): the
    slip a writer may make every time, unlike a code name or a coinage, which differ at the edges
    ("pserver", "cgit")."""
    return any(
        c.distance == 1
        and c.listed
        and c.kind != "a missing space"
        and c.zipf >= INSIDE_ZIPF
        and c.word[:1] == f.word[:1]
        and c.word[-1:] == f.word[-1:]
        for c in f.near
    )


def _one_edit_from_common(f: Facts) -> bool:
    """A listed word of Zipf 3.5 or more one edit away, with the same first letter."""
    return any(
        c.distance == 1 and c.listed and c.kind != "a missing space" and c.zipf >= 3.5 and c.word[:1] == f.word[:1]
        for c in f.near
    )


def _entry_slip(f: Facts) -> bool:
    """A clear slip in a commit's subject: a typical slip of a common word, or a long word one edit
    from a common word with the same first letter ("variale"); short code names ("util", "repl") are not,
    whatever they sound like."""
    if len(f.word) < ENTRY_SLIP_LENGTH - 1:
        return False
    if _slip_from_common(f):
        return True
    stem = f.derived[0] if f.derived else ""
    return len(f.word) >= ENTRY_SLIP_LENGTH and any(
        c.distance == 1
        and c.listed
        and c.word != stem
        and c.kind != "a missing space"
        and c.zipf >= ENTRY_SLIP_ZIPF
        and c.word[:1] == f.word[:1]
        for c in f.near
    )


def _has_neighbour(f: Facts) -> bool:
    """A word one slip away, or a common word two slips away from a long word."""
    return any(
        (c.distance == 1 and (c.listed or c.zipf >= 2.5)) or (len(f.word) >= 6 and c.listed and c.zipf >= 3.0)
        for c in f.near
        if c.kind != "a missing space"
    )


def judge(
    token: Token,
    f: Facts,
    article: ArticleEvidence,
    run: RunEvidence | None,
    partners_ok: int = 0,
    headline: bool = False,
) -> Verdict:
    """Weigh what is known about ``token`` into a verdict (``headline``: the token is in the article's title)."""
    score, reasons, f, named, twin = _weigh(token, f, article, run, partners_ok, headline)
    if score <= 0:
        return Verdict(False, round(score, 2), tuple(reasons), (), False)
    suggestions, ranked, chosen = _suggest(token, f, twin, article.words)
    unsafe = "" if chosen else "the article's own words chose the correction"
    known = () if token.capitalised else misspelling(f.word, f.lang)
    if known and not twin:
        listed = tuple(match_case(w, token.text) for w in known)
        if suggestions[:1] != listed[:1]:
            unsafe = unsafe or "the list of common misspellings and the nearest word disagree"
        elif len(known) > 1:
            unsafe = unsafe or f"the list of common misspellings gives {len(known)} corrections"
        suggestions = (*listed, *(w for w in suggestions if w not in listed))[:5]
    if not unsafe:
        unsafe = why_unsafe(f.word, token.capitalised or named, ranked, article, run, f.derived, f.compound, f.lang)
    if not suggestions:
        unsafe = "no correction"
    return Verdict(True, round(score, 2), tuple(reasons), suggestions, not unsafe, unsafe)


def _twin(token: Token, article: ArticleEvidence) -> tuple[str, int] | None:
    """The word the article writes with a capital that ``token`` is a slip of, unless a title or a given
    name stands before it somewhere ("Mark Headd" is no slip of the article's "Head"), or the article
    writes it more often than that word, in three sentences or more."""
    if not token.capitalised:
        return None
    use = article.of(token.text)
    if use.introduced:
        return None
    twin = article.twin(token.text)
    own = use.capital_uses
    often = twin is not None and own >= OWN_NAME_SENTENCES and own > article.capitals[twin[0][:1]][twin[0]]
    if twin and often and not _typical_slip(token.text, twin[0]):
        return None  # "Contrack" seven times, "Contract" once: the article's name, not its slip
    return twin


CALENDAR_WORDS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "august",
    "september",
    "october",
    "november",
    "december",
]  # the days and the months of six letters or more: a slip of one is no name ("Wensday", "Febuary")


def _calendar(word: str) -> tuple[str, int] | None:
    """The day or month ``word`` (lower case) is a slip of: one edit, or two letters dropped from a long one."""
    if len(word) < 5:
        return None
    reach = 2 if len(word) >= 7 else 1
    best = min(((edits(word, c), c) for c in CALENDAR_WORDS if abs(len(c) - len(word)) <= reach), default=None)
    if not best or not 0 < best[0] <= reach or best[1][0] != word[0]:
        return None
    if best[0] == 2 and len(word) >= len(best[1]):
        return None  # two letters added make a coinage ("Nodevember"); two dropped, a slip ("Wensday")
    return best[1], best[0]


def _run_twin(
    token: Token, f: Facts, use: WordUse, article: ArticleEvidence, run: RunEvidence
) -> tuple[str, int] | None:
    """The word one edit from ``token`` that other articles of the run write with a capital, with how many
    write it ("Athaletics" where the archive writes "Athletics"): a listed word of Zipf 3 or more with the
    same first letter; unless a title or a given name stands before the token, or other articles use it
    as a name too."""
    if use.introduced or run.as_name[token.text.lower()] - (1 if use.name_contexts else 0) > 0:
        return None
    if use.capital_uses >= OWN_NAME_SENTENCES and not misspelling(f.word, f.lang):
        near = [c for c in f.near if c.distance == 1 and c.listed]
        if not any(_typical_slip(f.word, c.word) for c in near):
            return None  # "Embil" eight times in one article: its name, whatever other articles write
    best: tuple[int, str] | None = None
    for c in f.near:
        if c.distance != 1 or not c.listed or c.kind == "a missing space" or c.zipf < TWIN_ZIPF:
            continue
        if len(c.word) < 4 or c.word[:1] != f.word[:1]:
            continue
        n = run.capitalised_in(c.word) - (1 if article.words.get(c.word) else 0)
        if n >= RUN_TWIN_ARTICLES and (best is None or n > best[0]):
            best = (n, c.word)
    return (best[1], best[0]) if best else None


def ceiling(
    token: Token,
    f: Facts,
    article: ArticleEvidence,
    run: RunEvidence | None,
    headline: bool = False,
    near_known: bool = False,
) -> float:
    """The highest score :func:`judge` can give ``token``, whatever its near misses and name partners.

    ``f`` may come from :func:`plain_facts`: the score then counts the heaviest near miss there
    can be, and every weight that depends on one (a suspect word loses its evidence) as if there
    were one.  With ``near_known`` ``f`` comes from :func:`facts` and only the deep search for
    words two edits away is left unmade: it finds no word one edit away, so only the weight of
    the near miss is unknown.  At or below zero the word is accepted, without the search.
    """
    return _weigh(token, f, article, run, 0, headline, bound="deep" if near_known else "plain")[0]


def _weigh(
    token: Token,
    f: Facts,
    article: ArticleEvidence,
    run: RunEvidence | None,
    partners_ok: int,
    headline: bool,
    bound: str = "",
) -> tuple[float, list[str], Facts, bool, tuple[str, int] | None]:
    """The score with its reasons, the facts it used, whether the word stands where names stand, and its twin.

    ``bound``: "plain" for the ceiling of the score over every possible set of near misses
    (``f.near`` is not read); "deep" for its ceiling over whatever the deep search adds to ``f.near``.
    """
    reasons = ["not in the dictionary", f"Zipf {f.zipf:.1f}"]
    score = PRIOR + PER_ZIPF * f.zipf
    case = token.case
    if case == "name" and f.lang in NOUNS_CAPITALISED:
        case = "neutral"
    use: WordUse = article.of(token.text)
    as_name = case == "name" or ((bool(use.name_contexts) or use.given) and f.lang not in NOUNS_CAPITALISED)
    # a sentence that opens with a full name: "Parul Jain, deputy chief economist", "Stilian Petrov slid"
    # (a rare capitalised word after it; not "Teh Government", "Presidnet Obama")
    after = token.after
    opens_name = (
        case == "neutral"
        and token.capitalised
        and not token.headline
        and f.lang not in NOUNS_CAPITALISED
        and len(after) > 2
        and after[:1].isupper()
        and after[1:].islower()
        and lexicon(f.lang).zipf(without_possessive(after)) < FULL_NAME_PARTNER  # "Saturday's" as "Saturday"
    )
    as_name = as_name or opens_name
    twin = _twin(token, article)
    # (plain: the near misses unknown, so the ceiling counts a head wherever one may stand)
    head = _misspelt_head(token, f, use, bound == "plain") if twin is None and case == "name" else ""
    run_twin = None
    # a capitalised word the web writes is a name as often as a slip, unless it is a listed misspelling
    # of the word other articles write ("in Parliment" where the archive writes "Parliament")
    misspelt = misspelling(f.word, f.lang) if token.capitalised else ()
    if twin is None and run is not None and token.capitalised and (f.zipf < RUN_TWIN_MAX_ZIPF or misspelt):
        if bound == "plain":  # the near misses are unknown: a twin there may be
            run_twin = None if use.introduced else ("", 0)
        else:
            run_twin = _run_twin(token, f, use, article, run)
            if run_twin is not None and f.zipf >= RUN_TWIN_MAX_ZIPF and run_twin[0] not in misspelt:
                run_twin = None
    calendar = None
    # (plain: the run's twin is only possible, so the ceiling counts a calendar slip too)
    no_twin = run_twin is None or (bound == "plain" and run_twin == ("", 0))
    if twin is None and no_twin and token.capitalised and f.zipf < CALENDAR_MAX_ZIPF:
        calendar = None if use.introduced else _calendar(f.word)
    named = as_name  # stands where names stand (no safe fix for it, whatever the twin says)
    # a word it is a slip of is shown, or it is a long word unknown even on the web: weighed as a word
    long_slip = len(f.word) >= LONG_SLIP and f.zipf < RUN_TWIN_MAX_ZIPF
    long_slip = long_slip and (bound == "plain" or _one_edit_from_common(f))  # (plain: the near misses unknown)
    as_name = as_name and twin is None and run_twin is None and calendar is None and not long_slip
    deep = bound != "plain" and not as_name and len(f.word) >= DEEP_MIN_LENGTH
    deep = deep and not any(c.distance == 1 for c in f.near)
    if bound == "plain" or (bound == "deep" and deep):
        # the heaviest near miss; the deep search finds words two edits away only: no one-edit miss
        heaviest = max(NEAR_CAP, NEAR_CAP_UNLISTED) * (max(NEAR_AS_NAME, NEAR_AS_NAME / 2) if as_name else 1.0)
        near, near_reason, near_one = heaviest, "", STRONG_NEAR if bound == "plain" else 0.0
    else:
        if deep:
            f = deepened(f)
        near, near_reason, near_one = _near_miss(f, as_name)
    known = () if token.capitalised else misspelling(f.word, f.lang)  # the list holds names too (Shepard, Somme)
    if known:
        score += KNOWN_MISSPELLING
        reasons.append(f"a common misspelling of '{known[0]}' (codespell's list)")
    if near:
        score += near
        reasons.append(near_reason)
    elif known:
        pass
    elif token.capitalised and not _has_neighbour(f) and not (headline and not use.outside_headline):
        score += NO_NEIGHBOUR
        reasons.append("no word within two letters")
    elif not token.capitalised and not _has_neighbour(f) and f.zipf >= WEB_WORD_ZIPF:
        score += NO_NEIGHBOUR  # "hackathon", "modafinil": a slip is a letter or two from the word meant
        reasons.append("no word within two letters, and the web writes it")
    if headline and token.capitalised and not use.outside_headline:
        score += HEADLINE_ONLY
        reasons.append("in the headline only (a name would come back in the text)")
    if case == "lower":
        score += LOWER_CASE if f.lang == "en" else LOWER_CASE_OTHER
        reasons.append("lower case inside a sentence")
        # not a typical slip of a far more common word, nor a word the web writes with accents ("tipicamente");
        # for the ceiling (plain: the near misses unknown) the weight may not apply, so it is left out
        if (
            f.lang != "en"
            and f.zipf >= WEB_FORM_ZIPF
            and bound != "plain"
            and not _slip_from_common(replace(f, near=tuple(c for c in f.near if not _ending_of(f.word, c.word))))
            and not (f.word.isascii() and lexicon(f.lang).accented(f.word))
            and not _without_accent(f)
        ):
            score += WEB_FORM
            reasons.append("a form the web writes in this language, whose dictionary lacks many inflected forms")
    elif case == "name":
        score += NAME_POSITION
        reasons.append("capitalised inside a sentence")
    elif opens_name:
        score += FULL_NAME_OPENING
        reasons.append(f"opens the sentence before '{after}', a capitalised word seldom written: a full name")
    elif token.capitalised:
        reasons.append("capital at a sentence start or in a title-case line (no weight)")
    if head == "?":  # (plain)
        score += HEAD_SLIP
    elif head:
        score += HEAD_SLIP
        reasons.append(f"after a name, one edit from '{head.capitalize()}', a word names of bodies are made with")
        twin = (head, 1)
    if twin and not head:
        score += TWIN
        reasons.append(f"the article writes '{match_case(twin[0], token.text)}' elsewhere ({_plural(twin[1], 'edit')})")
    if calendar:
        score += CALENDAR
        reasons.append(f"{_plural(calendar[1], 'edit')} from '{calendar[0].capitalize()}'")
        twin = calendar
    if run_twin is not None and bound == "plain":
        score += RUN_TWIN
    elif run_twin:
        score += RUN_TWIN
        reasons.append(
            f"{_plural(run_twin[1], 'other article')} of the run write '{match_case(run_twin[0], token.text)}'"
        )
        twin = (run_twin[0], 1)
    suspect = bound == "plain" or near_one >= STRONG_NEAR or _slip_from_common(f) or twin is not None or bool(known)
    suspect = suspect or (near >= STRONG_NEAR_TWO and f.zipf == 0.0)  # "beeteen", two slips from "between"
    # a slip of a common word, or a word unknown even to the web two letters from one ("Counsall")
    slip = suspect or (f.zipf == 0.0 and any(c.zipf >= PHRASE_WORD_ZIPF for c in f.near))
    if case == "name" and slip and _in_title_phrase(token, f.lang):
        score += NAME_IN_PHRASE - NAME_POSITION  # a slip of a common word, where a title's capital explains it
        reasons.append("beside a capitalised common word ('Motor Show'): the capital may be the title's")
    if token.capitalised:
        # a day or a month misspelt in other articles too is still misspelt: no name the run could know
        after_slip = suspect or (bound != "plain" and _slip_unknown_to_the_web(f))
        partners = 0 if head else partners_ok  # the name the head follows is no sign of another
        score += _name_evidence(token, use, None if calendar else run, partners, after_slip, reasons)
        if case != "name" and not twin:  # "Gopls" opening a sentence, where the site writes "gopls"
            inside = bound == "plain" or _slip_inside_common(f)
            others_term = _others_term(f, article, run)
            blocked = _blocked(f, bool(misspelling(f.word, f.lang)), inside, others_term)
            term = "" if blocked else _term(f, article, others_term)
            if term:
                score += TERM
                reasons.append(term + ", in lower case")
    else:
        inside = bound == "plain" or _slip_inside_common(f)  # (plain: the near misses unknown, so it may be)
        score += _word_evidence(token, f, use, article, run, suspect, bool(known), inside, reasons)
    if f.derived:
        sibling = suspect and bound != "plain" and _sibling_of_near_miss(f)
        score += DERIVED_NEAR_MISS if suspect and not sibling else DERIVED if f.derived[1][0] == "-" else PREFIXED
        reasons.append(f"'{f.derived[0]}' with {f.derived[1]}")
        if sibling:
            reasons.append("its near misses are the same ending on other dictionary words")
    elif f.compound:
        score += DERIVED_NEAR_MISS if suspect else COMPOUND
        reasons.append(f"'{f.compound[0]}' + '{f.compound[1]}'")
    listed = listed_in(f.word, f.lang)
    if listed == SOFTWARE and len(f.word) < LISTED_SHORT and not _about_software(article, run):
        listed = ""  # "guid" in a news story is "guide"; on a site that shows code, a GUID
    if listed:
        score += IN_WORD_LIST
        reasons.append(listed)
    if f.word in article.hyphenated:
        score += HYPHENATED
        reasons.append("written with a hyphen elsewhere in the article")
    if token.entry and bound != "plain" and not _entry_slip(f):
        score += ENTRY_WORD
        reasons.append("in a release-note entry, whose code names are no typos, and no clear slip of a common word")
    if token.elided and lexicon(f.lang).known(f.word + "g"):
        score += ELIDED
        reasons.append(f"'{f.word}g' with its final g dropped, as the apostrophe shows")
    if token.prefix and not token.capitalised and f.zipf >= 2.0:
        score += PREFIX_PART
        reasons.append(f"first part of '{token.compound}'")
    return score, reasons, f, named, twin


TYPICAL_SLIPS = frozenset(("swapped letters", "a neighbouring key", "an extra neighbouring key", "a doubled letter"))


def _typical_slip(word: str, other: str) -> bool:
    """``word`` is ``other`` with a slip of the fingers: two letters swapped, a neighbouring key, a letter
    doubled ("Houes" for "House"), which a writer may repeat; not a letter for another ("Embil", "Email")."""
    return edit_kind(word.lower(), other.lower()) in TYPICAL_SLIPS


def _sibling_of_near_miss(f: Facts) -> bool:
    """Every common word one edit from ``f.word`` is the same ending on another dictionary word, and the
    stem is a dictionary word too: "redactions" beside "reactions" is "redaction" beside "reaction", both
    words; not "commited" beside "committed" ("committ" is none), nor "truely" beside "truly"."""
    assert f.derived is not None
    stem, affix = f.derived
    if affix[:1] != "-":
        return False
    lx = lexicon(f.lang)
    ending = affix[1:]
    if lx.entry(stem).count == 0 or len(stem) < SIBLING_STEM:  # "Bigest", "Leting", "Seeked" are slips
        return False
    near = [c for c in f.near if c.distance == 1 and c.zipf > f.zipf and not c.word.startswith(stem)]
    return bool(near) and all(
        c.word.endswith(ending) and c.word[: -len(ending)] != stem and lx.known(c.word[: -len(ending)]) for c in near
    )


def _misspelt_head(token: Token, f: Facts, use: WordUse, unknown_near: bool = False) -> str:
    """The word after a name in the names of places and bodies, or a title, that ``token`` is one edit from,
    standing where that word stands: after a capitalised word that is no given name or title ("Barlinnie
    Prision", "Gibraltar's Cheif Minister", "Leisure Software Publishers Assocation")."""
    before = token.before
    if use.introduced or not before[:1].isupper() or len(before) < 3:
        return ""
    if before.lower() in TITLES or given_name(before.lower()):
        return ""
    if unknown_near:
        return "?"
    near = [c for c in f.near if c.distance == 1 and c.word[:1] == f.word[:1]]
    return next((c.word for c in near if c.word in NAME_HEADS or c.word in TITLES), "")


def _in_title_phrase(token: Token, lang: str) -> bool:
    """``token`` stands beside a capitalised common word that is no title, given name or name (the word lists
    write "Murphy", "Golden" with a capital too): in the name of an
    event, a work or a body made of words ("Detroit Motor Sho", "Best Solow Female", "Publishers Assocation"),
    where its capital says little of a name."""
    # the word before only when a word stands before it too: not one that opens the sentence ("Often Pipex")
    # the word after not when names stand before it: "Igorville Park", "Calyon Securities"
    for other in (token.before if token.before2 else "", token.after):
        if len(other) > 2 and other[:1].isupper() and other[1:].islower():
            key = other.lower()
            if key in TITLES or key in NAME_PARTICLES or given_name(key) or key in word_list(PROPER):
                continue  # "President", "Peter", "Murphy": a name's neighbour
            if other is token.after and key in NAME_HEADS:
                continue
            if lexicon(lang).zipf(key) >= PHRASE_WORD_ZIPF:
                return True
    return False


def _about_software(article: ArticleEvidence, run: RunEvidence | None) -> bool:
    return article.shows_code or (run is not None and run.about_software(CODE_SHARE))


def _plural(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _name_evidence(
    token: Token, use: WordUse, run: RunEvidence | None, partners_ok: int, suspect: bool, reasons: list[str]
) -> float:
    score = 0.0
    here = (token.before.lower(), token.after.lower())
    others = len(use.name_contexts - {here})
    if others:
        score += OTHER_SENTENCES * min(others, 3)
        reasons.append(f"capitalised inside {_plural(others, 'other sentence')}")
    elif len(use.capital_contexts - {here}) > 0:
        again = len(use.capital_contexts - {here})
        score += REPEATED * min(again, 2)
        reasons.append(f"used again in {_plural(again, 'other sentence')}")
    if use.titled:
        score += AFTER_TITLE
        reasons.append("after a title")
    if use.initialled and not use.given:
        score += AFTER_INITIAL
        reasons.append("beside a given name's initials ('S. Geneen', 'Druin, A.'): a surname")
    if use.given or use.forename:
        score += AFTER_GIVEN_NAME_SUSPECT if suspect else AFTER_GIVEN_NAME
        where = "after a given name" if use.given else "a given name before a capitalised word"
        reasons.append(where + (" (weighed less: a slip of a known word)" if suspect else ""))
    if use.possessive:
        score += POSSESSIVE
        reasons.append("takes a possessive")
    if partners_ok:
        score += NAME_PARTNER
        reasons.append("beside another name")
    if use.said:
        score += SAID
        reasons.append("next to 'said'")
    if use.place:
        score += PLACE
        reasons.append("after 'in', 'from' …")
    if token.inner_apostrophe:
        score += INNER_APOSTROPHE
        reasons.append("an apostrophe inside a capitalised word")
    if run is not None:
        key = token.text.lower()
        as_name = run.as_name[key] - (1 if use.name_contexts else 0)
        as_capital = run.as_capital[key] - (1 if use.capital_contexts else 0) - as_name
        if as_name > 0:
            score += OTHER_ARTICLES * min(as_name, 3)
            reasons.append(f"a name in {_plural(as_name, 'other article')} of the run")
        elif as_capital > 0 and not suspect:
            score += OTHER_ARTICLES_CAPITAL * min(as_capital, 2)
            reasons.append(f"capitalised in {_plural(as_capital, 'other article')} of the run")
    return score


def _others_term(f: Facts, article: ArticleEvidence, run: RunEvidence | None) -> int:
    """How many other articles of the run have the stem of ``f.word`` as their term."""
    if run is None or f.lang != "en":
        return 0
    key = stem(f.word)
    return run.terms[key] - (len(article.families.get(key, ())) >= TERM_SENTENCES)


def _blocked(f: Facts, listed: bool, inside: bool, others_term: int) -> bool:
    """No term, however often written: a listed misspelling, or a slip inside a common word that is not
    the term of :data:`INSIDE_TERM_ARTICLES` other articles too (see :func:`_word_evidence`)."""
    return listed or (inside and len(f.word) >= INSIDE_MIN and others_term < INSIDE_TERM_ARTICLES)


def _term(f: Facts, article: ArticleEvidence, others_term: int) -> str:
    """Why ``f.word``'s stem is a term of this article or of the run ("" when it is not); ``others_term``:
    :func:`_others_term`, the caller having checked :func:`_blocked`."""
    family = article.family_sentences(f.word) if f.lang == "en" else 0
    if family >= TERM_SENTENCES:
        return f"it and other forms of '{stem(f.word)}' are written in {family} sentences of the article"
    if others_term > 0:
        return f"'{stem(f.word)}' and its forms are the term of {_plural(others_term, 'other article')} of the run"
    return ""


def _word_evidence(
    token: Token,
    f: Facts,
    use: WordUse,
    article: ArticleEvidence,
    run: RunEvidence | None,
    suspect: bool,
    listed: bool,
    inside: bool,
    reasons: list[str],
) -> float:
    """A word used again and again, in this article and others, is a term, not a slip.

    A misspelling can be repeated too: for a word one slip from a more frequent one
    only wide use counts (a common word of the web used in several articles), or its use
    in :data:`TERM_SENTENCES` sentences of the article when no list holds it as a misspelling and it is
    no slip inside a common word (``known``: either): a slip of the fingers at a word's edge is not
    made alike in three sentences, where code names and coinages differ ("pserver", "cgit"); a word
    the writer does not know how to spell is ("goverment", "seurity"), and the lists hold many.
    A slip inside a common word (``inside``) of five letters or more is a term only when it is the
    term of :data:`INSIDE_TERM_ARTICLES` other articles of the run too: one writer may retype
    "seurity", a site does not write "gopls" (beside "goals") in article after article by mistake.
    ``listed``: a list holds it as a misspelling (never a term).
    """
    score = 0.0
    elsewhere = 0
    if run is not None:
        elsewhere = run.as_lower[token.text.lower()] - (1 if use.lower_contexts else 0)
    others_term = _others_term(f, article, run)
    known = _blocked(f, listed, inside, others_term)
    again = len(use.lower_contexts - {(token.before.lower(), token.after.lower())})
    if not known and again + 1 >= TERM_SENTENCES:
        reasons.append(f"written alike in {again + 1} sentences of the article, and no list holds it as a misspelling")
        return TERM
    term = "" if known else _term(f, article, others_term)
    if term:
        reasons.append(term)
        return TERM
    if suspect and (f.zipf < 3.3 or (elsewhere < WIDE_USE and again < MANY_SENTENCES)):
        return 0.0
    if again:
        score += REPEATED_WORD * min(again, 5)
        reasons.append(f"used again in {_plural(again, 'other sentence')}")
    if elsewhere > 0:
        score += OTHER_ARTICLES_LOWER * min(elsewhere, 3)
        reasons.append(f"used in {_plural(elsewhere, 'other article')} of the run")
    return score


def _suggest(
    token: Token, f: Facts, twin: tuple[str, int] | None = None, article_words: Mapping[str, int] | None = None
) -> tuple[tuple[str, ...], list[Candidate], bool]:
    """Corrections written like the word, the ranked candidates behind them, and whether the first
    correction is the first candidate of the word alone (the article's words did not choose it).

    ``twin``: the word the article writes elsewhere that this one is a slip of, and how many edits
    away: the first correction ("Worl" in an article that writes "World" is not "Work"), unless
    a word fewer edits away ranks first ("Australain": "Australian", not the article's "Australia").
    A word the article uses elsewhere ranks higher (``article_words``): "sed" in an article that
    says "said" ten times.
    """
    usable = [c for c in f.near if not (token.capitalised and " " in c.word)]
    # the article's words may make a fix surer, never choose it: the fix is the first correction of
    # the word alone too ("sed" in an article that writes "sad" once is no safe fix to "sad")
    alone = corrections(usable, lexicon(f.lang))
    ranked = alone
    if article_words:
        boosted = (c._replace(rank=c.rank + IN_ARTICLE) if article_words.get(c.word) else c for c in usable)
        ranked = corrections(sorted(boosted, key=lambda c: (-c.rank, c.word)), lexicon(f.lang))
    words = [c.word for c in ranked]
    if twin and not (ranked and ranked[0].distance < twin[1]):
        words = [twin[0], *(w for w in words if w != twin[0])]
    if not words:
        return (), ranked, False
    chosen = bool(ranked) and words[0] == ranked[0].word == alone[0].word
    return tuple(match_case(w, token.text) for w in words[:5]), ranked, chosen
