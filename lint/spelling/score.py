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

from dataclasses import dataclass
from functools import lru_cache

from lint.lexicon import Lexicon, lexicon
from lint.spelling.evidence import ArticleEvidence, RunEvidence, WordUse
from lint.spelling.morphology import derived_from
from lint.spelling.suggest import Candidate, candidates, match_case
from lint.spelling.tokens import Token
from lint.spelling.variants import american

# weights (log-odds units); a positive total is a typo
PRIOR = 2.6
PER_ZIPF = -1.4  # each step of the word's own frequency
LOWER_CASE = 2.0  # unknown and in lower case inside a sentence
NAME_POSITION = -2.5  # capitalised inside a sentence
NEAR_ONE = 0.9  # per Zipf step a one-edit neighbour is more frequent (beyond the first half step)
NEAR_TWO = 0.45  # the same for a two-edit neighbour (beyond the first step)
NEAR_CAP = 3.5
SLIP = 1.3  # a near miss of a typical kind (swap, doubling, neighbouring key, same sound) weighs more
OTHER_SENTENCES = -0.8  # each other sentence using it capitalised inside the sentence (up to three)
AFTER_TITLE = -3.0
POSSESSIVE = -1.0
NAME_PARTNER = -1.5  # beside another capitalised word that is itself a name
SAID = -1.0
PLACE = -0.5
OTHER_ARTICLES = -1.0  # each other article of the run using it as a name (up to three)
INNER_APOSTROPHE = -2.0  # Sa'ar, O'Brien
DERIVED = -2.0
DERIVED_NEAR_MISS = -0.5
PREFIX_PART = -1.5  # "agri" in "agri-tech"


@dataclass(frozen=True)
class Facts:
    """What the lexicon says about one word (lower case), whatever its place."""

    word: str
    zipf: float
    near: tuple[Candidate, ...]
    derived: tuple[str, str] | None


@lru_cache(maxsize=50_000)
def facts(word: str, lang: str) -> Facts:
    lx = lexicon(lang)
    w = word.lower().replace("’", "'")
    return Facts(w, lx.zipf(w), tuple(candidates(w, lx)), derived_from(w, lambda s: _is_word(lx, s)))


def _is_word(lx: Lexicon, word: str) -> bool:
    if lx.known(word) or lx.zipf(word) >= 3.0:
        return True
    return any(lx.known(a) for a in american(word))


@dataclass(frozen=True)
class Verdict:
    flagged: bool
    score: float
    reasons: tuple[str, ...]
    suggestions: tuple[str, ...]  # written like the original (Tacts -> Facts)
    clear: bool  # one correction stands out: safe to fix


def _near_miss(f: Facts) -> tuple[float, str, Candidate | None]:
    """The weight of the strongest near miss, its reason, and the neighbour."""
    best, reason, which = 0.0, "", None
    for c in f.near:
        if c.distance > 1 and len(f.word) < 6:
            continue  # two edits in a short word make another word, not a slip
        gap = c.zipf - f.zipf
        if c.distance == 1:
            w = NEAR_ONE * max(0.0, gap - 0.5)
        else:
            w = NEAR_TWO * max(0.0, gap - 1.0)
        slip = c.kind not in ("", "one letter for another", "an extra letter", "a missing letter") or c.sounds_alike
        if slip:
            w *= SLIP
        w = min(w, NEAR_CAP)
        if w > best:
            edits = "1 edit" if c.distance == 1 else "2 edits"
            how = f", {c.kind}" if c.kind else ""
            alike = ", sounds the same" if c.sounds_alike else ""
            best, reason, which = w, f"{edits} from '{c.word}' (Zipf {c.zipf:.1f}{how}{alike})", c
    return best, reason, which


def judge(
    token: Token,
    f: Facts,
    article: ArticleEvidence,
    run: RunEvidence | None,
    partners_ok: int = 0,
) -> Verdict:
    """Weigh what is known about ``token`` into a verdict."""
    reasons = ["not in the dictionary", f"Zipf {f.zipf:.1f}"]
    score = PRIOR + PER_ZIPF * f.zipf
    near, near_reason, _ = _near_miss(f)
    if near:
        score += near
        reasons.append(near_reason)
    if token.case == "lower":
        score += LOWER_CASE
        reasons.append("lower case inside a sentence")
    elif token.case == "name":
        score += NAME_POSITION
        reasons.append("capitalised inside a sentence")
    elif token.capitalised:
        reasons.append("capital at a sentence start or in a title-case line (no weight)")
    use: WordUse = article.of(token.text)
    if token.capitalised or use.name_contexts:
        score += _name_evidence(token, use, run, partners_ok, reasons)
    if f.derived:
        stem, affix = f.derived
        strong_near = near >= NEAR_ONE * 1.0
        score += DERIVED_NEAR_MISS if strong_near else DERIVED
        reasons.append(f"'{stem}' with {affix}")
    if token.prefix and not token.capitalised and f.zipf >= 2.0:
        score += PREFIX_PART
        reasons.append(f"first part of '{token.compound}'")
    flagged = score > 0
    suggestions, clear = _suggest(token, f)
    return Verdict(flagged, round(score, 2), tuple(reasons), suggestions, clear)


def _name_evidence(token: Token, use: WordUse, run: RunEvidence | None, partners_ok: int, reasons: list[str]) -> float:
    score = 0.0
    others = len(use.name_contexts - {(token.before.lower(), token.after.lower())})
    if others:
        score += OTHER_SENTENCES * min(others, 3)
        reasons.append(f"capitalised in {others} other sentence{'s' if others > 1 else ''}")
    if use.titled:
        score += AFTER_TITLE
        reasons.append("after a title")
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
        elsewhere = run.as_name[token.text.lower()] - (1 if use.name_contexts else 0)
        if elsewhere > 0:
            score += OTHER_ARTICLES * min(elsewhere, 3)
            reasons.append(f"a name in {elsewhere} other article{'s' if elsewhere > 1 else ''} of the run")
    return score


def _suggest(token: Token, f: Facts) -> tuple[tuple[str, ...], bool]:
    if not f.near:
        return (), False
    ranked = list(f.near)
    clear = len(ranked) == 1 or ranked[0].rank - ranked[1].rank >= 1.0
    clear = clear and ranked[0].distance == 1 and ranked[0].zipf >= 3.0
    return tuple(match_case(c.word, token.text) for c in ranked[:5]), clear
