"""Harper: an offline English grammar checker in process (``pip install harper-py``), no Java, no network.

One ``Linter`` per English dialect is built on first use (about a second) and kept
for the run.  Harper's spelling lints are never reported (the spelling check owns
typos): its ``SpellCheck`` and ``SplitWords`` rules are off and lints of kind
``Spelling`` are dropped.  Rules that fire on good news copy are off too
(:data:`OFF`, measured on news articles and edited blog posts); editors turn
any Harper rule on or off by name::

    [tool.copydesk.grammar]
    harper_rules = { OxfordComma = true, PassiveVoice = false }
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from lint.grammar import Match
from lint.spelling import word_set
from lint.words import WORD

if TYPE_CHECKING:
    import harper

# Spelling is the spelling check's: these rules and kinds never speak here.
SPELLING_RULES = ("SpellCheck", "SplitWords")
SPELLING_KINDS = frozenset({"Spelling"})

# Rules that flag good copy, found on news articles and on 509 edited blog posts: house-style
# opinions (serial comma, sentence length, en dashes, "under way", "all of the", "and also",
# "roadmap", "code base"), American regionalisms in other Englishes, names of Automattic products
# ("from day one"), and heuristics that misread ordinary sentences ("some 250 soldiers", "the
# innings", "Al Qaeda", "Is there value", "what new things", "the network effect", "all of whom").
OFF = (
    *SPELLING_RULES,
    # style and typography
    "OxfordComma",
    "LongSentences",
    "UnclosedQuotes",  # a quote running over several paragraphs opens each one without closing
    "NumericRangeEnDash",
    "Dashes",
    "UseEllipsisCharacter",
    "DisjointPrefixes",
    "Regionalisms",
    "DiscourseMarkers",
    "Excellent",
    "PreferSneaked",
    "AvoidCurses",
    "CondenseAllThe",
    "AvoidAndAlso",
    "RedundantFirsts",
    "LitotesDirectPositive",
    "TheHowWhy",
    "AsSoonAsPossible",
    "IncludingButNotLimitedToPunctuation",
    "RoadMap",
    "Codebase",
    "FindOut",
    "QuantifierNeedsOf",
    "ExpandMemoryShorthands",
    # product names of Harper's makers
    "DayOneNames",
    "JetpackNames",
    "PocketCastsNames",
    "TumblrNames",
    # heuristics that misread good sentences
    "OrthographicConsistency",
    "QuantifierNumeralConflict",
    "MassNouns",
    "CompoundNouns",
    "MergeWords",
    "TheProperNounPossessive",
    "MissingPreposition",
    "MissingTo",
    "HowTo",
    "PhrasalVerbAsCompoundNoun",
    "PronounKnew",
    "ToTwoToo",
    "ThereToTheir",
    "MissingDeterminer",
    "InflectedVerbAfterTo",
    "TheyToThem",
    "OutOfDate",
    "MakeupCompoundNoun",
    "Everyone",
    "ModalBeAdjective",
    "ToAdverb",
    "QuiteQuiet",
    "OneOfTheSingular",
    "BuiltIn",
    "Worldwide",
    "RegularIrregulars",
    "ProgressiveNeedsBe",
    "AWhile",
    "WillNonLemma",
    "NounVerbConfusion",
    "WhomSubjectOfVerb",
    "SentenceCapitalization",  # a sentence that starts with blanked code, a list item, a brand like myUSCIS
    "Spaces",  # "end in .gov"
    "ThatThan",
    "VeryLess",
    "Codebases",
    "ToDoHyphen",
    "GoogleNames",
    "TheirToTheyre",
    "WereWhere",
    "SingleBe",
    "PronounInflectionBe",
    "WellBeing",
    "MultipleFrequencyAdverbs",
    "SubjunctiveWasToWere",
    "ArriveTo",
    "PluralDecades",
    "ThisTypeOfThing",
    "ViciousCircle",
    "WayTooAdjective",
    "UpdatePlaceNames",  # East Timor, Bangalore, Turkey: what the news of the day called them
    "WrongNegative",  # Det Norske Veritas
    "TransposedSpace",  # Gul Lali
)
OFF_PREFIXES = ("Expand",)  # "spell out ctrl, legit, GB": informal short forms are a house-style matter

DIALECTS = {"gb": "BRITISH", "uk": "BRITISH", "ie": "BRITISH", "au": "AUSTRALIAN", "nz": "AUSTRALIAN"}
DIALECTS |= {"ca": "CANADIAN", "in": "INDIAN", "us": "AMERICAN"}


def available() -> bool:
    """Whether harper-py is installed (without importing it)."""
    return importlib.util.find_spec("harper") is not None


def kind_id(kind: str) -> str:
    """Harper's lint kind as a rule-id part: ``WordChoice`` -> ``word-choice``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind).lower()


# Built linters, kept for the process: building one takes most of a second (a second run in
# the same process, such as --fix checking again, reuses it).
_LINTERS: dict[tuple[str, tuple[tuple[str, bool], ...]], harper.Linter] = {}


ARTICLES = frozenset({"a", "an"})
# how words spelt with a "u" start when "u" sounds "you" (a unit, a useful, a unanimous, a Ukrainian)
YOU_SOUNDS = ("uni", "unan", "use", "usu", "usa", "ure", "uri", "uro", "ura", "uti", "ubi", "uku", "ukr", "uga", "ufo")
# before "it's", words after which it opens a clause ("I think it's time"): "it is", not "its"
CLAUSE_OPENERS = word_set("""
    think thought believe believes say says said know knew hope guess suppose feel feels that because
    but and so if when while as although though whether mean means meant show shows showed suggest
    suggests seem seems realise realize realised realized find found see saw hear heard learn learned
    assume argue argued sure glad once since unless until where what how why now then maybe perhaps
    """)


def misread(text: str, start: int, end: int, kind: str) -> bool:
    """Lints of rules that are right elsewhere but misread these places, measured on news:

    - "a"/"an" before a word spelt with a "u", where the word's sound contradicts Harper: it
      asked for "a unidentified boat" ("un-" is a prefix here) and "an unanimous verdict";
    - "it's" taken for "its" where it opens a clause ("It's important John Howard delivers",
      "I don't think it's lack of bowling"), not after a verb ("wagged it's tail" stays);
    - a lone "i" inside a hyphenated name ("Jamiat Ulema-i-Islam") is no pronoun to capitalise;
    - a repeated word whose first copy ends a hyphenated word ("the line-up up to an hour").
    """
    word = text[start:end]
    if word.lower() in ARTICLES:
        following = WORD.search(text, end)
        if following is None or text[end : following.start()].strip() or following.group()[:1] not in "uU":
            return False
        return _you_sound(following.group().lower()) == (word.lower() == "a")  # Harper misheard the word
    if word.lower().replace("’", "'") == "it's":
        before = text[:start].rstrip()
        if not before or before[-1] in '.!?"“':
            return True
        return before.split()[-1].strip("\"“”'‘’(,;:").lower() in CLAUSE_OPENERS
    if word == "i":
        return text[start - 1 : start] == "-" or text[end : end + 1] == "-"
    if kind == "Repetition":
        return text[start - 1 : start] == "-"
    return False


def _you_sound(word: str) -> bool:
    """Whether a word spelt with a "u" starts with the sound "you": "un-" + a word is a vowel ("unidentified")."""
    from lint.lexicon import lexicon

    if word.startswith("un") and len(word) >= 6 and lexicon("en").known(word[2:]):
        return False
    return word.startswith(YOU_SOUNDS)


class Harper:
    name = "Harper"

    def __init__(self, rules: Mapping[str, bool] | None = None) -> None:
        self.rules = tuple(sorted((k, v) for k, v in (rules or {}).items() if k not in SPELLING_RULES))

    def supports(self, lang: str) -> bool:
        return lang.lower().split("-")[0] == "en"

    def check(self, text: str, lang: str) -> list[Match]:
        from harper import Language, SuggestionKind

        out = []
        for lint in self._linter(lang).lint(text, language=Language.PLAINTEXT):
            if lint.lint_kind in SPELLING_KINDS:
                continue
            replacements = []
            for s in lint.suggestions:
                if s.kind == SuggestionKind.INSERT_AFTER:
                    replacements.append(lint.problem_text + s.replacement_text)
                elif s.kind == SuggestionKind.REPLACE and s.replacement_text:
                    replacements.append(s.replacement_text)
            span = lint.span
            if misread(text, span.start, span.end, lint.lint_kind):
                continue
            out.append(
                Match(kind_id(lint.lint_kind), lint.message, span.start, span.end - span.start, tuple(replacements))
            )
        return out

    def close(self) -> None:
        pass  # the linters stay for the next run in this process

    def _linter(self, lang: str) -> harper.Linter:
        from harper import Dialect, Linter

        parts = lang.lower().replace("_", "-").split("-")
        dialect = DIALECTS.get(parts[1] if len(parts) > 1 else "us", "AMERICAN")
        linter = _LINTERS.get((dialect, self.rules))
        if linter is None:
            linter = Linter(Dialect[dialect])
            config: dict[str, bool | None] = dict(linter.get_default_lint_config())
            config.update(dict.fromkeys(OFF, False))
            config.update({k: False for k in config if k.startswith(OFF_PREFIXES)})
            config.update(self.rules)
            linter.set_lint_config(config)
            _LINTERS[dialect, self.rules] = linter
        return linter
