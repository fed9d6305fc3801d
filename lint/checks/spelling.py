"""spelling: words no dictionary knows and nothing in the article vouches for.

Every prose text of an article is checked: headline, summary, other metadata
prose, body, FAQ questions and answers.  A word is accepted when the dictionary
of the article's language knows it (British and American spellings both, for
plain ``en``), when ``rules/accept.txt``, a configured vocabulary or the
article's own ``copydesk: {accept: [...]}`` lists it, or when the evidence says
it is a name or a real word (see :mod:`lint.spelling.score`).  Words on
``rules/reject.txt`` are always reported.

Pass::

    President Ilham Aliyev met Herzog in Baku.

Fail::

    Herzog to Visit Azerbaijan to Strengthen Regional Tacts      # did you mean 'Facts'?

Rules: ``spelling.unknown`` (likely a typo), ``spelling.variant`` (the other
variety of English than the house's: ``language = "en-GB"`` or ``"en-US"``),
``spelling.rejected`` (a word on the reject list).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lint import rules
from lint.diagnostics import Edit, Finding, Severity
from lint.lexicon import (
    SPELLCHECKER_LANGUAGES,
    Lexicon,
    base_language,
    folded,
    language_code,
    lexicon,
    normal,
    straight,
)
from lint.names.people import given_name
from lint.sentences import sentence_around
from lint.spelling import word_set
from lint.spelling.code import code_words
from lint.spelling.entries import ListItems, list_items
from lint.spelling.evidence import ArticleEvidence, RunEvidence, collect
from lint.spelling.foreign import foreign_spans, foreign_word, phrase_word
from lint.spelling.links import Links, code_names, links
from lint.spelling.misspellings import misspelling
from lint.spelling.morphology import PREFIXES, derivations
from lint.spelling.safety import in_prose, mentions
from lint.spelling.score import PHRASE_WORD_ZIPF, Verdict, ceiling, facts, judge, plain_facts
from lint.spelling.suggest import match_case
from lint.spelling.tokens import Token, base_forms, hyphen_pieces, hyphen_span, inner_capitals, tokens
from lint.spelling.variants import american, attested, british
from lint.spelling.wordlist import english, listed_in
from lint.text import Text
from lint.words import WORD, in_quotation

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "spelling"
RULES: dict[str, tuple[Severity, str]] = {
    "spelling.unknown": (Severity.ERROR, "A word no dictionary knows and nothing in the article vouches for."),
    "spelling.variant": (Severity.WARNING, "A British spelling in American English, or an American one in British."),
    "spelling.rejected": (Severity.ERROR, "A word on the reject list (rules/reject.txt)."),
    "spelling.accepted": (Severity.INFO, "With --explain only: a word no dictionary holds that was accepted, and why."),
}
# language tags whose house spelling is British, or American
BRITISH = ("en-gb", "en-au", "en-nz", "en-ie", "en-za", "en-in", "en-uk")
AMERICAN = ("en-us",)
TWIN_ZIPF = 3.0  # a capitalised dictionary word a name-like word may be a slip of ("House" for "Houes")
NOT_PROSE = "it touches code, a path or markup in the file"  # why a fix there is no safe one
MENTIONED = "the correction is written beside it, or the line speaks of a typo: the slip is mentioned, not made"
LIST_PARTS = {
    "label": "the label of a release-note entry: the part of the code it changes",
    "credit": "the author's credit in a release-note entry",
    "names": "an item of a list of names (one word an item: packages, modules)",
    "people": "a name in a list of people (the contributors a post thanks)",
    "lineup": "a name in a team line-up (a line of names, comma after comma)",
    "person": "a person's name in a heading or a bold lead-in, with a role or a given name (a bio, a byline)",
}
# code in a file: a code span or block in Markdown, a code or pre element, a Liquid highlight block
CODE = re.compile(r"`[^`\n]+`|^ {0,3}(?:```|~~~)|<(?:code|pre)\b|\{%-?\s*highlight\b", re.MULTILINE)
BRITISH_MIN_ZIPF = 2.0  # paediatric, foetus: common on the web (while "haer" is no spelling of "her")


@dataclass
class WordList:
    """Accepted words and phrases: an entry with a capital matches that case only."""

    exact: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)
    phrases: list[re.Pattern[str]] = field(default_factory=list)  # one pattern per case rule
    phrase_text: str = ""  # every phrase, in lower case, straight apostrophes

    @classmethod
    def of(cls, entries: Iterable[str]) -> WordList:
        out = cls()
        phrases: dict[bool, list[str]] = {True: [], False: []}  # ignore case -> patterns
        for entry in entries:
            entry = entry.strip()
            if not entry:
                continue
            if " " in entry or "-" in entry:
                pattern = r"\s+".join(re.escape(part) for part in entry.split()).replace("'", "['’]")
                phrases[entry == entry.lower()].append(pattern)
                out.phrase_text += "\n" + normal(entry)
            elif entry == entry.lower():
                out.folded.add(normal(entry))
            else:
                out.exact.add(straight(entry))
        for ignore_case, patterns in phrases.items():
            if patterns:
                joined = r"(?<!\w)(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + r")(?!\w)"
                out.phrases.append(re.compile(joined, re.IGNORECASE if ignore_case else 0))
        return out

    def has(self, word: str) -> bool:
        plain = straight(word)
        return plain in self.exact or normal(plain) in self.folded

    def spans(self, value: str) -> list[tuple[int, int]]:
        return [m.span() for p in self.phrases for m in p.finditer(value)]

    def may_cover(self, word: str) -> bool:
        """False only when no phrase can hold ``word``: a phrase holds the letters of the words it covers
        (an accented or curly word may be matched by other letters: it may be covered)."""
        return bool(self.phrases) and (not word.isascii() or word.lower() in self.phrase_text)


@dataclass
class Decision:
    """What the check decided about one word outside the dictionary, and why."""

    text: Text
    token: Token
    rule: str  # "" when accepted
    reasons: tuple[str, ...]
    verdict: Verdict | None = None
    correction: str = ""  # the rule's correction (reject list, dialect)


@dataclass
class Read:
    """An article's words outside the dictionary (but in paragraphs of another language), and what they say."""

    texts: list[tuple[Text, list[Token]]]
    evidence: ArticleEvidence


@dataclass
class Screen:
    """An article's words outside the dictionary, sorted: decided at once, or left to judge."""

    decided: list[Decision]  # listed, rejected, known in another form, British, part of a compound
    pending: list[tuple[Text, Token]]  # to judge, in order
    ceilings: dict[int, float]  # id(token) -> the highest score it can get whatever its near misses (not --explain)
    ceiled: bool = False  # the ceilings are made (they need the run's evidence)


@dataclass
class State:
    accept: WordList
    reject: dict[str, str]  # lower-case word -> correction ("" when none)
    run_evidence: RunEvidence = field(default_factory=RunEvidence)
    articles: dict[int, Read] = field(default_factory=dict)
    screens: dict[int, Screen] = field(default_factory=dict)
    outside: dict[str, Outside] = field(default_factory=dict)  # language -> "not a known word"
    no_dictionary: dict[str, list[str]] = field(default_factory=dict)  # language -> articles not checked

    def wanted(self, lang: str) -> Outside:
        """Which words to look at in ``lang``: the ones outside the dictionary (every word for en-GB/en-US)."""
        if lang not in self.outside:
            self.outside[lang] = Outside(lang, self.reject)
        return self.outside[lang]


# the script each shipped dictionary's language is written in (the others: Latin)
SCRIPTS = {"ru": "CYRILLIC", "uk": "CYRILLIC", "bg": "CYRILLIC", "ar": "ARABIC", "fa": "ARABIC", "el": "GREEK"}


def script(word: str) -> str:
    """The script of ``word``'s first letter, as Unicode names it ("LATIN", "CYRILLIC", "CJK" …)."""
    for ch in word:
        if ch.isalpha():
            if ch.isascii():
                return "LATIN"
            name = unicodedata.name(ch, "")
            return name.split(" ", 1)[0] if name else ""
    return ""


class Outside:
    """Tells whether a word is outside the dictionary of a language (each word asked once)."""

    def __init__(self, lang: str, reject: dict[str, str]) -> None:
        self.lang = lang
        self.lx = lexicon(base_language(lang))
        self.every = lang in BRITISH + AMERICAN
        self.script = SCRIPTS.get(base_language(lang), "LATIN")
        self.reject = reject
        self.seen: dict[str, bool] = {}
        self.forms: dict[str, list[str]] = {}  # of words prefetched, not yet asked

    def _forms(self, word: str) -> list[str]:
        forms = base_forms(word)
        if self.lang.startswith("en") and not word.isascii():
            forms += [folded(f) for f in forms]
        return forms

    def __call__(self, word: str) -> bool:
        answer = self.seen.get(word)
        if answer is None:
            forms = self.forms.pop(word, None) or self._forms(word)
            lx = self.lx
            answer = self.every or not any(lx.known(f) for f in forms) or any(normal(f) in self.reject for f in forms)
            # a word in another script ("石博文" in an English post, "Москва" in a French one) is no word of
            # this language's dictionary to misspell: a name or a quotation, as the page shows it
            answer = answer and script(word) == self.script
            self.seen[word] = answer
        return answer

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up the dictionary forms of ``words`` at once (one query instead of one a word)."""
        if not self.every:
            new = [w for w in words if w not in self.seen and w not in self.forms]
            for word in new:
                self.forms[word] = self._forms(word)
            self.lx.prefetch(f for word in new for f in self.forms[word])


def _state(run: Run) -> State:
    state = run.state.get(NAME)
    if state is None:
        accept = WordList.of(rules.words(run, "accept.txt", configured=True))
        rejected: dict[str, str] = {}
        for line in rules.words(run, "reject.txt"):
            word, _, fix = line.partition("->")
            rejected[normal(word.strip())] = fix.strip()
        state = State(accept, rejected)
        run.state[NAME] = state
    assert isinstance(state, State)
    return state


def _read(article: Article, run: Run, state: State) -> Read:
    key = id(article)
    if key not in state.articles:
        lang = language(article, run)
        wanted = state.wanted(lang)
        words = [(text, list(WORD.finditer(text.value))) for text in article.texts()]
        wanted.prefetch({w for _, found in words for m in found if len(w := m.group()) > 2})  # one query
        texts = []
        for text, found in words:
            toks = list(tokens(text, wanted, found))
            spans = foreign_spans(text.value, [t.start for t in toks], base_language(lang))
            if spans:
                toks = [t for t in toks if not any(a <= t.start < b for a, b, _ in spans)]
            if text.filler:  # lorem ipsum: dummy text the placeholder check reports, not words to spell
                toks = [t for t in toks if not any(a <= t.start < b for a, b in text.filler)]
            texts.append((text, toks))
        lx = wanted.lx

        sources = [text for text, _ in words]  # the words are found again if needed, not kept for the run

        def capitals() -> list[str]:
            return [
                w
                for text in sources
                for w in inner_capitals(text, list(WORD.finditer(text.value)))
                if len(w) > 3 and (e := lx.entry(w)).count > 0 and e.zipf >= TWIN_ZIPF
            ]

        def every() -> Iterator[str]:
            return (w for text in sources for w in WORD.findall(text.value))

        evidence = collect(
            ((text.field, tok) for text, toks in texts for tok in toks), (t.value for t, _ in texts), capitals, every
        )
        evidence.shows_code = bool(CODE.search(article.source))
        evidence.code_names = code_names(article.source)
        state.articles[key] = Read(texts, evidence)
    return state.articles[key]


@dataclass
class Facts:
    """What the spelling check learns from one article alone (:mod:`lint.pipeline.facts`): its words
    outside the dictionary with what the article says of them, and those decided at once."""

    read: Read
    screen: Screen  # without ceilings: they need the run's evidence
    words: frozenset[str]  # every word of the article, lower case: its part of the run's index of words
    capitalised: frozenset[str]  # the dictionary words it writes with a capital inside a sentence ("House")


def article_facts(article: Article, run: Run) -> Facts | None:
    """:class:`Facts` of ``article`` (None when no dictionary of its language ships): made from the article
    and the config alone, so they can be kept between runs and made in another process."""
    if not has_dictionary(article, run):
        return None
    state = _state(run)
    read = _read(article, run, state)
    screen = _sort(article, run, state)
    state.articles.pop(id(article), None)
    ev = read.evidence
    written = set(ev.all_words())
    _ = (ev.capitals, ev.words)  # made now: the functions behind them cannot travel
    ev.capital_words = ev.all_words = tuple
    return Facts(
        read,
        screen,
        frozenset(normal(w) for w in written),
        frozenset(w for words in ev.capitals.values() for w in words),
    )


def adopt(article: Article, facts: Facts, run: Run) -> None:
    """Decide on ``article`` from its :class:`Facts` (see :func:`forget`)."""
    state = _state(run)
    state.articles[id(article)] = facts.read
    state.screens[id(article)] = facts.screen


def forget(article: Article, run: Run) -> None:
    """Let go of what :func:`adopt` gave: a run keeps the index, not every article."""
    state = _state(run)
    state.articles.pop(id(article), None)
    state.screens.pop(id(article), None)


def use_evidence(run: Run, evidence: RunEvidence) -> None:
    """The run's evidence, made by :mod:`lint.pipeline.index` from every article's facts."""
    _state(run).run_evidence = evidence


def prepare(articles: Sequence[Article], run: Run) -> None:
    """Count, over the run, the articles that use each word as a name; look up the near misses of the
    words to judge, for every article at once."""
    state = _state(run)
    articles = [a for a in articles if has_dictionary(a, run)]
    for article in articles:
        state.run_evidence.add(_read(article, run, state).evidence)
    words: dict[str, list[str]] = {}
    for article in articles:
        screen = _screen(article, run, state)
        judged = [tok.text for _, tok in screen.pending if screen.ceilings.get(id(tok), 1.0) > 0]
        words.setdefault(base_language(language(article, run)), []).extend(judged)
    for base, found in words.items():
        lexicon(base).near_many(found)


def language(article: Article, run: Run) -> str:
    """The article's language tag in lower case ("en-gb"); the readers and the config made it a tag."""
    return (article.lang or run.config.language or "en").lower()


def decisions(article: Article, run: Run) -> Iterator[Decision]:
    """Every word of ``article`` outside the dictionary, accepted or not, with the reasons.

    ``check`` reports the flagged ones; ``--explain`` can show the others.
    """
    state = _state(run)
    screen = _screen(article, run, state)
    yield from screen.decided
    pending = screen.pending
    evidence = _read(article, run, state).evidence
    base = base_language(language(article, run))
    lx = lexicon(base)
    run_evidence = state.run_evidence if state.run_evidence.any else None
    # the near misses of the words to judge (prepare() looked them up for the whole run at once)
    lx.near_many(tok.text for _, tok in pending if screen.ceilings.get(id(tok), 1.0) > 0)
    # a word whose score stays at or below zero whatever words two edits away the deep search would add
    # is accepted without that search
    ceilings = dict(screen.ceilings)
    for text, tok in pending:
        if ceilings.get(id(tok), 0.0) > 0:
            f = facts(tok.text, base)
            ceilings[id(tok)] = ceiling(tok, f, evidence, run_evidence, text.field == "title", near_known=True)
    judged = [(text, tok) for text, tok in pending if ceilings.get(id(tok), 1.0) > 0]
    # a capitalised neighbour vouches for a name only when it is not itself a typo
    first = {
        id(tok): judge(tok, facts(tok.text, base), evidence, run_evidence, headline=text.field == "title")
        for text, tok in judged
    }
    typos = {normal(tok.text) for _, tok in judged if first[id(tok)].flagged}
    final: list[Decision] = []
    for text, tok in pending:
        verdict = first.get(id(tok))
        if verdict is None:
            why = f"score at most {ceilings[id(tok)]:+.1f} whatever the near misses"
            final.append(Decision(text, tok, "", ("not in the dictionary", why)))
            continue
        use = evidence.of(tok.text)
        partners = sum(1 for p in use.partners if p not in typos and _vouches(p, lx, evidence))
        if partners:
            verdict = judge(tok, facts(tok.text, base), evidence, run_evidence, partners, text.field == "title")
        rule = "spelling.unknown" if verdict.flagged else ""
        reasons = (*verdict.reasons, f"score {verdict.score:+.1f}")
        named = (_name_made_verb(tok.text, evidence) or _code_name(tok.text, evidence, run_evidence)) if rule else ""
        if named:
            rule, reasons = "", (*reasons, named)
        final.append(Decision(text, tok, rule, reasons, verdict))
    # one word, one decision: a name accepted inside a sentence ("designer Erica Deahl shared") is
    # the same name where it opens one ("Deahl said"), though a sentence start says nothing of names
    names = {normal(d.token.text) for d in final if not d.rule and d.token.case == "name"}
    names |= {normal(d.token.text) for d in screen.decided if d.reasons == (LIST_PARTS["person"],)}
    for d in final:
        if d.rule and d.token.case != "name" and d.token.capitalised and normal(d.token.text) in names:
            d.rule = ""
            d.reasons = (*d.reasons, "accepted where the article uses it inside a sentence, as a name")
        yield d


def _vouches(partner: str, lx: Lexicon, evidence: ArticleEvidence) -> bool:
    """A capitalised neighbour says a word is a name when it is a name itself: a given name, an initial, a
    word the dictionary lacks, a rare word ("Peter", "J", "Caruana"); not a common word of a title-case phrase ("Chief
    Minister", "Four Seasons", "Publishers Association"), in which a slip of a common word stands as often."""
    if partner in evidence.uses or len(partner) == 1:  # an initial: "J Thion", "N Speaight"
        return True
    return lx.known(partner) and (given_name(partner) or lx.zipf(partner) < PHRASE_WORD_ZIPF)


def _code_name(word: str, evidence: ArticleEvidence, run: RunEvidence | None) -> str:
    """Why a word is the name of a person, a project or a package that addresses of the run name (the
    user in "github.com/nikic", a repository, a crate; a handle written "@nikic"), or "": the site
    writes "nikic is the team's LLVM expert" where another post links to the profile. Never a
    word on the list of common misspellings."""
    w = normal(word)
    if misspelling(w):
        return ""
    if w in evidence.code_names:
        return "the name of a person, project or package the article's addresses name"
    n = run.code_names[w] if run is not None else 0
    if n:
        return f"the name of a person, project or package the addresses of {n} article{'s' * (n > 1)} of the run name"
    return ""


NAME_VERB_ENDINGS = ("-ing", "-ed", "-er", "-ers")
NAME_VERB_USES = 2  # sentences writing the name inside them


def _name_made_verb(word: str, evidence: ArticleEvidence) -> str:
    """Why a word is a name the article writes, made a verb or a noun ("Tocking time" in a post that
    writes "Tock", the time-tracking tool, a dozen times; "Googling"), or ""."""
    for stem, affix in derivations(word):
        if affix in NAME_VERB_ENDINGS and len(evidence.of(stem).name_contexts) >= NAME_VERB_USES:
            return f"'{stem.capitalize()}', a name the article writes, with {affix}"
    return ""


def _screen(article: Article, run: Run, state: State) -> Screen:
    """The words of ``article`` outside the dictionary: those decided at once, those left to judge.

    Of these, a word whose score stays at or below zero whatever its near misses is accepted
    without looking them up (the slow part); --explain judges every word, to give every reason.
    """
    key = id(article)
    if key not in state.screens:
        state.screens[key] = _sort(article, run, state)
    screen = state.screens[key]
    if not run.explain and not screen.ceiled:  # sorted without the run's evidence
        screen.ceiled = True
        evidence = _read(article, run, state).evidence
        base = base_language(language(article, run))
        run_evidence = state.run_evidence if state.run_evidence.any else None
        for text, tok in screen.pending:
            f = plain_facts(tok.text, base)
            screen.ceilings[id(tok)] = ceiling(tok, f, evidence, run_evidence, text.field == "title")
    return screen


def _sort(article: Article, run: Run, state: State) -> Screen:
    """:func:`_screen`'s words, sorted; no ceilings yet (they need the run's evidence)."""
    read = _read(article, run, state)
    texts = read.texts
    lang = language(article, run)
    base = base_language(lang)
    lx = lexicon(base)
    vocabulary = WordList.of(article.vocabulary)
    decided: list[Decision] = []
    pending: list[tuple[Text, Token]] = []
    linked: Links | None = None  # the article's links, read when a word first needs them
    items: ListItems | None = None  # its release-note entries and lists of names, read when first needed
    for text, toks in texts:
        if not toks:
            continue
        # the phrases are searched only when a word may be one of theirs
        listed = []
        if any(state.accept.may_cover(t.text) or vocabulary.may_cover(t.text) for t in toks):
            listed = state.accept.spans(text.value) + vocabulary.spans(text.value)
        for tok in toks:
            if any(a <= tok.start and tok.end <= b for a, b in listed):
                decided.append(Decision(text, tok, "", ("in a listed phrase",)))
                continue
            if vocabulary.has(tok.text):
                decided.append(Decision(text, tok, "", ("in the article's vocabulary",)))
                continue
            if state.accept.has(tok.text):
                decided.append(Decision(text, tok, "", ("in the accept list or a configured vocabulary",)))
                continue
            fix = state.reject.get(normal(tok.text)) if base == "en" else None  # the list is English ("dont" is French)
            if fix is not None:
                decided.append(Decision(text, tok, "spelling.rejected", ("on the reject list",), correction=fix))
                continue
            forms = base_forms(tok.text)
            if base == "en" and not tok.text.isascii():
                forms += [folded(f) for f in forms]  # façade, café, naïve, rôle
            if any(lx.known(f) for f in forms):
                other = _dialect(tok, lang, base)
                if other:
                    decided.append(
                        Decision(text, tok, "spelling.variant", (f"the other spelling of '{other}'",), None, other)
                    )
                continue
            if base == "en":
                inner = lx.zipf(tok.text) >= BRITISH_MIN_ZIPF
                us = next((a for f in forms for a in american(f, inner) if lx.known(a) and attested(f)), "")
                if us:
                    if lang in AMERICAN and tok.case != "name" and not _in_a_name(tok):
                        decided.append(
                            Decision(text, tok, "spelling.variant", (f"British spelling of '{us}'",), None, us)
                        )
                    else:
                        decided.append(Decision(text, tok, "", (f"British spelling of '{us}'",)))
                    continue
            other = foreign_word(tok.text, base) if base == "en" else ""
            if other:
                decided.append(Decision(text, tok, "", (f"an accented word of another language ({other})",)))
                continue
            other = phrase_word(text.value, tok.start, tok.end, base) if base == "en" else ""
            if other:
                why = f"a word of another language ({other}) in a phrase an accented word of it shows"
                decided.append(Decision(text, tok, "", (why,)))
                continue
            joined = _split_by_markup(tok, text, article.source, lx)
            if joined:
                why = f"'{joined}' as a browser shows it: inline markup splits the word, no space"
                decided.append(Decision(text, tok, "", (why,)))
                continue
            if _handle_of_name(tok, text.value):
                why = "the handle of the person named just before ('Sergey Bobrov (bobrov)')"
                decided.append(Decision(text, tok, "", (why,)))
                continue
            if _unit(tok, text.value):
                decided.append(Decision(text, tok, "", ("a unit after a number, as the web writes it ('2 hrs')",)))
                continue
            elided = _elided(tok, text.value, lx, base) or _h_dropped(tok, text.value, lx, base)
            if elided:
                decided.append(Decision(text, tok, "", (elided,)))
                continue
            if base != "en" and _english(tok.text):
                decided.append(Decision(text, tok, "", ("an English word, as posts in other languages quote them",)))
                continue
            plain = tok.text.lower()
            # English writes its loanwords with or without their accents; French or Spanish without is a slip
            accented = lx.accented(plain) if base == "en" and plain.isascii() and not tok.capitalised else ()
            if accented:
                why = f"'{accented[0]}' written without its accents, as English often writes it"
                decided.append(Decision(text, tok, "", (why,)))
                continue
            drawn = _drawn_out(tok.text, lx, in_quotation(text.value, tok.start)) if base == "en" else ""
            if drawn:
                decided.append(Decision(text, tok, "", (drawn,)))
                continue
            verbed = _verbed(tok, lx, base)
            if verbed:
                decided.append(Decision(text, tok, "", (verbed,)))
                continue
            if tok.compound and (lx.known(tok.compound) or lx.zipf(tok.compound) >= 3.0):
                decided.append(Decision(text, tok, "", (f"part of '{tok.compound}'",)))
                continue
            if tok.prefix and tok.compound:
                why = _prefix_piece(tok.text, hyphen_pieces(text.value, tok.start, tok.end))
                if why:
                    decided.append(Decision(text, tok, "", (why,)))
                    continue
            if tok.compound and not tok.prefix:
                why = _last_piece(hyphen_pieces(text.value, tok.start, tok.end), lx) or _name_piece(text.value, tok, lx)
                if why:
                    decided.append(Decision(text, tok, "", (why,)))
                    continue
            if linked is None:
                linked = links(article.source)
            where = text.span(tok.start, tok.end)
            if linked.names(*where, tok.text):
                decided.append(Decision(text, tok, "", ("the link's address spells it: the name of what it links to",)))
                continue
            if tok.text.lower() in code_words(article.source) and not misspelling(tok.text.lower(), base):
                decided.append(Decision(text, tok, "", ("the article's code spells it: the name of a piece of code",)))
                continue
            if items is None:
                items = list_items(article.source)
            kind = items.kind(*where)
            if kind == "person" and not tok.capitalised:
                kind = ""
            if kind in ("lineup", "people") and misspelling(tok.text.lower(), base):
                kind = ""  # a common misspelling is one in a list of names too ("Wendesday", "goverment")
            if kind in LIST_PARTS:
                decided.append(Decision(text, tok, "", (LIST_PARTS[kind],)))
                continue
            if kind == "entry":
                tok = replace(tok, entry=True)
            pending.append((text, tok))
    return Screen(decided, pending, {})


ELISIONS = {  # the words a language writes elided before a vowel, with an apostrophe: l'adresse, dell'anno
    "fr": frozenset(("l", "d", "n", "s", "j", "m", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu")),
    "it": frozenset(
        ("l", "d", "c", "s", "m", "t", "v", "n", "un", "dell", "all", "nell", "dall", "sull", "coll", "quest", "quell")
    ),
    "ca": frozenset(("l", "d", "n", "s", "m", "t")),
}


CLOSING_QUOTE = re.compile(r"(?<=[^\W\d_])['’](?![^\W\d_])")  # after a letter, before no letter: a quote closes


_INLINE_MARKS = r"(?:\*++|_++|~~|</?[A-Za-z][^<>\n]{0,200}+>)++"  # possessive: a run of marks is read once
MARK_ENDS = frozenset("*_~<>")
MARKUP_BEFORE = re.compile(rf"([^\W\d_]+)({_INLINE_MARKS})$")
MARKUP_AFTER = re.compile(rf"^({_INLINE_MARKS})([^\W\d_]+)")


def _split_by_markup(tok: Token, text: Text, source: str, lx: Lexicon) -> str:
    """The word a browser shows where inline markup, with no space, splits it and ``tok`` is a piece of it
    ("**m**<span id=…></span>**ake sure": "make"; "<em>Un</em>believable"), when the dictionary knows it."""
    a, b = text.span(tok.start, tok.end)
    if (source[a - 1 : a] not in MARK_ENDS and source[b : b + 1] not in MARK_ENDS) or source[a:b] != tok.text:
        return ""  # no mark of markup touches the word
    before = MARKUP_BEFORE.search(source, max(0, a - 240), a)
    after = MARKUP_AFTER.match(source[b : b + 240])
    joined = (before.group(1) if before else "") + tok.text + (after.group(2) if after else "")
    return joined if joined != tok.text and lx.known(joined.lower()) else ""


FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:[A-Z]\.[ \t]+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
HANDLE_REACH = 120  # characters before the word where the name may stand


def _handle_of_name(tok: Token, value: str) -> bool:
    """A lower-case word made of the name of a person written just before it: a user name or an address's
    local part ("Sergey Bobrov (bobrov)", "Noriaki Iwasaki (niwasaki)", "Rich Panzer | rpanzer")."""
    word = tok.text.lower()
    if not tok.text.islower() or len(word) < 4:
        return False
    for m in FULL_NAME.finditer(value, max(0, tok.start - HANDLE_REACH), tok.start):
        given, family = m.group(1).lower(), m.group(2).lower().replace("-", "")
        if word in (given + family, given[0] + family, given + family[0], family + given[0]):
            return True
        if word == family and value[tok.start - 1 : tok.start] == "(":  # "Sergey Bobrov (bobrov)"
            return True
    return False


AFTER_NUMBER = re.compile(r"\d[\d.,]*[ \u00a0]?$")
# the abbreviations of units written after a number (a closed class: "whe", "befor" there are slips)
UNITS = word_set("""
    hrs hr mins secs yrs wks mos kbps mbps gbps tbps kbit mbit ppi dpi mph kph kmh lbs ozs sqft sqm ghz mhz khz
    kwh mwh gwh tbsp tsp pts bps fps rpm psi
    """)


def _unit(tok: Token, value: str) -> bool:
    """A unit's abbreviation right after a number: "2 hrs", "56 kbps", "70 mph"."""
    return tok.text in UNITS and bool(AFTER_NUMBER.search(value, max(0, tok.start - 24), tok.start))


def _h_dropped(tok: Token, value: str, lx: Lexicon, base: str) -> str:
    """Why a word written after an apostrophe is a word with its h dropped, as speech drops it
    ("It's 'orrible", "'ello", "'ave a go"), or ""."""
    if base != "en" or tok.start < 1 or value[tok.start - 1] not in "'’" or tok.text[:1] not in "aeiouAEIOU":
        return ""
    if tok.start >= 2 and value[tok.start - 2].isalnum():
        return ""  # inside a word: "o'clock", "rock'n'roll"
    word = "h" + straight(tok.text).lower()
    if not lx.known(word):
        return ""
    if CLOSING_QUOTE.search(value, tok.end, sentence_around(value, tok.start, tok.end)[1]):
        return ""  # the apostrophe opens a quotation: "the 'ospital' staff" is a slip in quotes
    return f"'{word}' with its h dropped, as the apostrophe shows"


def _elided(tok: Token, value: str, lx: Lexicon, base: str) -> str:
    """Why a token is an elided word or a word after one ("l’intégration", the "l" of "l'adresse"), or ""."""
    elisions = ELISIONS.get(base)
    if not elisions:
        return ""
    word = straight(tok.text).lower()
    if word in elisions and value[tok.end : tok.end + 1] in ("'", "’"):
        return f"'{tok.text}' elided before the next word"
    head, apostrophe, rest = word.partition("'")
    if apostrophe and head in elisions and rest and lx.known(rest):
        return f"'{rest}' after the elided '{head}'"
    return ""


ENGLISH_ZIPF = 2.0  # an English word this common, in an article in another language, is quoted English


def _english(word: str) -> bool:
    """An English word in another language's article: an untranslated sentence in a German post
    ("provided", "scheduled", "stragglers"; "symlinks", "segfault")."""
    return english(word.lower(), ENGLISH_ZIPF)


# the interjections a writer draws out at their final h ("Nahh"); a word ("withh") is a slip
BREATHS = frozenset(
    [
        "ah",
        "aah",
        "oh",
        "ooh",
        "uh",
        "nah",
        "yeah",
        "huh",
        "meh",
        "shh",
        "eh",
        "bah",
        "pah",
        "hah",
        "duh",
        "yah",
        "feh",
        "ugh",
        "phew",
    ]
)
DRAWN = re.compile(r"([aeiouyshmrz])\1{2,}", re.IGNORECASE)  # a sound held: "Booo", "pleeease", "hisss"
DRAWN_LONG = re.compile(r"([aeiouyshmrz])\1{3,}", re.IGNORECASE)  # held past three letters: "sooooo"


def _drawn_out(word: str, lx: Lexicon, quoted: bool) -> str:
    """Why a word with a sound drawn out is no typo, or "": in quoted speech ("pleeease come back", a
    voice written), held longer than a key held down makes it ("sooooo"), or an interjection ("Hmmm",
    "Ohhh"); in a reporter's own prose a tripled letter is a slip ("croooner", "noteboook", "seeen", as
    published news has them)."""
    if word[-2:].lower() == "hh":  # a breath held at the end of an interjection: "Nahh", "Ohhh", "Yeahh"
        plain = word.rstrip("hH").lower() + "h"
        if plain in BREATHS:
            return f"'{plain}' drawn out, as a voice says it"
    if not DRAWN.search(word):
        return ""
    for keep in (r"\1\1", r"\1"):
        plain = DRAWN.sub(keep, word).lower()
        if plain in BREATHS or plain in HUMS or (lx.known(plain) and (quoted or DRAWN_LONG.search(word))):
            return f"'{plain}' drawn out, as a voice says it"
    return ""


HUMS = frozenset(["hmm", "mm", "umm", "brr", "grr", "zzz", "boo", "whee", "yay", "wow", "shh"])  # any length


VERBED = re.compile(r"([^\W\d_]{2,})['’](ed|d|ing|er|ers)", re.IGNORECASE)


def _verbed(tok: Token, lx: Lexicon, base: str) -> str:
    """Why a word with an apostrophe before its ending is no typo, or "": a noun or a name of a
    tool made a verb ("tar’ed", "gzip’ed", "OK'd", "cc'ing"), its stem a word or the trade's."""
    if base != "en" or not tok.inner_apostrophe:
        return ""
    m = VERBED.fullmatch(straight(tok.text))
    if not m:
        return ""
    stem = m.group(1)
    if lx.known(stem) or lx.zipf(stem) >= 3.0 or listed_in(stem.lower(), base):
        return f"'{stem}' with the ending '{m.group(2)}' after an apostrophe"
    return ""


PIECE_ZIPF = 4.0  # the common words a hyphenated compound's plural is made of ("how-tos", "add-ons")


def _last_piece(pieces: list[str], lx: Lexicon) -> str:
    """Why the last piece of a hyphenated compound is no typo, or "": the plural of a compound of
    common words ("how-tos", "if-thens", "clay-courters"), or a rhyming pair ("willy-nilly")."""
    words = [straight(p).lower() for p in pieces]
    *first, last = words
    if not first or not all(lx.known(w) for w in first):
        if len(words) == 2 and _rhyme(*words) and (lx.known(words[0]) or lx.zipf(words[0]) >= 3.0):
            return f"the second half of a rhyming pair ('{'-'.join(pieces)}')"
        return ""
    for ending in ("s", "es", "ers"):
        stem = last[: -len(ending)]
        if last.endswith(ending) and len(stem) >= 2 and lx.known(stem) and lx.zipf(stem) >= PIECE_ZIPF:
            return f"the plural of the compound '{'-'.join(pieces)}'"
    if len(words) == 2 and _rhyme(*words):
        return f"the second half of a rhyming pair ('{'-'.join(pieces)}')"
    return ""


# a prefix before a hyphen: the word-forming ones, and the "ker-" of a sound ("ker-chunk", "ker-ching")
HYPHEN_PREFIXES = frozenset(PREFIXES) | {"ker"}


def _prefix_piece(piece: str, pieces: list[str]) -> str:
    """Why the first piece of a hyphenated compound is no typo, or "": a prefix ("mis-issuance",
    "Mis-issued"); the words after it are judged on their own."""
    words = [straight(p).lower() for p in pieces]
    first, *rest = words
    if first != straight(piece).lower() or first not in HYPHEN_PREFIXES or not all(rest):
        return ""
    return f"the prefix '{first}-' of '{'-'.join(pieces)}'"


NAME_PIECE_ZIPF = 3.5  # a capitalised first piece this common is a word ("Labour-led", "Paris-based")
NAME_BESIDE_BEFORE = re.compile(r"[A-Z][^\W\d_]+[ \t]$")  # "Chung Mong-koo"
NAME_BESIDE_AFTER = re.compile(r"[ \t][A-Z][^\W\d_]+")  # "the Dai-ichi Life Research Institute"


def _name_piece(value: str, tok: Token, lx: Lexicon) -> str:
    """Why the lower-case end of a hyphenated name is no typo, or "": the compound begins with a
    capitalised word no more common than a name, beside another capitalised word ("Chung Mong-koo", "the Dai-ichi
    Life Research Institute"), as Korean, Japanese and Chinese names are written in English."""
    a, b = hyphen_span(value, tok.start, tok.end)
    first, *rest = value[a:b].split("-")
    if not rest or not first[:1].isupper() or not first[1:].islower() or lx.zipf(first.lower()) >= NAME_PIECE_ZIPF:
        return ""
    if not all(p.islower() for p in rest):
        return ""
    beside = NAME_BESIDE_BEFORE.search(value, max(0, a - 30), a) or NAME_BESIDE_AFTER.match(value, b)
    return f"part of the name '{value[a:b]}'" if beside else ""


def _rhyme(a: str, b: str) -> bool:
    """Two words that differ only before their last three or more letters: "willy" and "nilly"."""
    return len(a) >= 4 and len(b) >= 4 and a[0] != b[0] and a[-3:] == b[-3:] and abs(len(a) - len(b)) <= 1


def _in_a_name(tok: Token) -> bool:
    """A capitalised word beside another: part of a name, whose spelling is the name's ("UK Centre for
    Challenge Prizes", "Pearl Harbor", "Labour Party"), not the house's variety."""
    if not tok.capitalised:
        return False
    # the word after counts only inside a sentence: "Organise Slack channels" opens one with a verb
    return tok.before[:1].isupper() or (tok.case == "name" and tok.after[:1].isupper())


def _dialect(tok: Token, lang: str, base: str) -> str:
    """The house form of a known word written in the other variety of English, or ""."""
    if base != "en" or tok.case == "name" or lang not in BRITISH + AMERICAN or _in_a_name(tok):
        return ""
    lx = lexicon(base)
    word = tok.text.lower()
    if lang in AMERICAN:
        for us in american(word):
            if lx.known(us) and lx.entry(us).count > lx.entry(word).count and len(word) >= 4:
                return us
        return ""
    z = lx.zipf(word)
    for gb in british(word):
        gz = lx.zipf(gb)
        if gz >= 3.0 and gz >= z - 1.5:
            return gb
    return ""


def has_dictionary(article: Article, run: Run) -> bool:
    """True when a dictionary of the article's language ships with copydesk (pyspellchecker's)."""
    return language_code(language(article, run)) in SPELLCHECKER_LANGUAGES


def finish(run: Run) -> None:
    """One notice for each language of the run that has no dictionary: its articles were not checked."""
    state = run.state.get(NAME)
    if not isinstance(state, State):
        return
    for code, paths in sorted(state.no_dictionary.items()):
        files = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        run.notices.append(
            f"spelling: no dictionary for the language '{code}', so the spelling of {files} was not checked "
            f"(copydesk has dictionaries for {', '.join(sorted(SPELLCHECKER_LANGUAGES))})"
        )


def check(article: Article, run: Run) -> Iterable[Finding]:
    if not has_dictionary(article, run):
        paths = _state(run).no_dictionary.setdefault(language_code(language(article, run)), [])
        paths.append(article.path)
        return
    for d in decisions(article, run):
        if d.rule:
            yield _finding(article, d, run.explain)
    if run.explain:  # say why each name-like word passed, too
        yield from accepted(article, run)


def accepted(article: Article, run: Run) -> Iterator[Finding]:
    """The words outside the dictionary that the check accepted, each with why (for ``--explain``).

    Findings of rule ``spelling.accepted`` at info level; ``check`` reports them only under ``--explain``.
    """
    for d in decisions(article, run):
        if not d.rule:
            start, end = d.text.span(d.token.start, d.token.end)
            why = "; ".join(d.reasons)
            yield Finding(
                "spelling.accepted", f"'{d.token.text}' accepted: {why}", start, end, (), Severity.INFO, None, why
            )


def _finding(article: Article, d: Decision, explain: bool) -> Finding:
    word = d.token.text
    start, end = d.text.span(d.token.start, d.token.end)
    verbatim = d.text.is_verbatim(article.source, d.token.start, d.token.end)
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = None
    if d.rule == "spelling.unknown" and d.verdict is not None:
        suggestions = d.verdict.suggestions
        if suggestions:
            message = f"'{word}' is not a known word; did you mean '{suggestions[0]}'?"
        else:
            message = f"'{word}' is not a known word"
        if suggestions and verbatim:
            why = d.verdict.unsafe
            if not why and not in_prose(article.source, start, end):
                why = NOT_PROSE
            if not why and mentions(article.source, start, end, suggestions[0]):
                why = MENTIONED
            fix = Edit(start, end, suggestions[0], safe=not why, why=why)
    else:
        if d.rule == "spelling.variant":
            suggestions = (match_case(d.correction, word),)
            message = f"'{word}' is spelt the other way in this article's English: write '{suggestions[0]}'"
        else:
            suggestions = (match_case(d.correction, word),) if d.correction else ()
            message = f"'{word}' is on the list of words to avoid" + (
                f"; write '{suggestions[0]}'" if suggestions else ""
            )
        if suggestions and verbatim and " " not in d.correction:
            # the house's own lists: safe, where the word is prose ("why-dont-you-use-rust" is a slug)
            why = "" if in_prose(article.source, start, end) else NOT_PROSE
            fix = Edit(start, end, suggestions[0], safe=not why, why=why)
    explanation = "; ".join(d.reasons) if explain else ""
    return Finding(d.rule, message, start, end, suggestions, None, fix, explanation)
