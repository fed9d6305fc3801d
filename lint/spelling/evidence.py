"""What an article, and the other articles of the run, say about a word.

A name leaves traces a typo does not: it comes back in other sentences, follows
a title ("President Ilham Aliyev"), takes a possessive ("Herzog's"), stands
next to other capitalised words, and is used by other articles of the same run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lint.lexicon import normal
from lint.names.people import given_name
from lint.names.similar import edits
from lint.spelling import word_set
from lint.spelling.tokens import Token

TITLES = word_set("""
    mr mrs ms miss mx dr prof professor sir dame lady lord president vice premier minister senator sen
    rep representative congressman congresswoman governor gov mayor councillor councilor king queen prince
    princess sheikh sheik emir sultan imam rabbi pope bishop archbishop cardinal father reverend rev pastor
    sister brother saint st general gen colonel col major captain capt lieutenant lt sergeant sgt corporal
    admiral commander commodore marshal officer constable inspector detective superintendent commissioner
    chief judge justice magistrate coach chancellor ambassador envoy secretary treasurer speaker chairman
    chairwoman chair director ceo founder spokesman spokeswoman spokesperson leader deputy mp mla mep
    dr. mr. mrs. ms. prof. sen. gov. rep. gen. col. capt. lt. sgt. st. agent attorney counsel
    """)
SAID = word_set("""
    said says say told tells added adds explained explains wrote writes argued argues claimed claims
    announced announces warned warns insisted insists stated states noted notes asked asks replied replies
    confirmed confirms denied denies urged urges
    """)
PLACE_BEFORE = word_set("in at from near outside across into towards toward via")
# capitalised words that start sentences or headlines and say nothing about a neighbour being a name
NOT_PARTNERS = word_set("""
    the a an in on at for but and or if when while as it this that these those he she they we i you his her
    their our its my your from to of by with after before under over since until because although though so
    yet not no all some many most meanwhile however also then there here what who why how where which
    """)


@dataclass
class WordUse:
    """Every use of one word (by its lower-case form) in one article."""

    name_contexts: set[tuple[str, str]] = field(default_factory=set)  # capitalised inside a sentence
    capital_contexts: set[tuple[str, str]] = field(default_factory=set)  # capitalised anywhere
    capital_uses: int = 0  # how often it is written capitalised (the contexts may repeat: "Embil said")
    lower_contexts: set[tuple[str, str]] = field(default_factory=set)  # in lower case
    titled: bool = False  # after a title: "President Ilham Aliyev"
    given: bool = False  # after a given name: "Mark Headd"
    initialled: bool = False  # beside a given name's initials: "Harold S. Geneen", "Druin, A." (see Token)
    forename: bool = False  # a known given name before a capitalised word: "Elka Graham", "Bernetta Reese"
    possessive: bool = False
    said: bool = False  # next to "said", "says", "told" …
    place: bool = False  # capitalised after "in", "from", "near" …
    partners: set[str] = field(default_factory=set)  # capitalised neighbours (lower-case forms)
    outside_headline: bool = False  # used anywhere but the headline

    @property
    def introduced(self) -> bool:
        """Written as a person's name is: after a title, a given name or initials, or as a given name."""
        return self.titled or self.given or self.initialled or self.forename


@dataclass
class ArticleEvidence:
    uses: dict[str, WordUse] = field(default_factory=dict)
    hyphenated: set[str] = field(default_factory=set)  # "agritech" when the article writes "agri-tech"
    shows_code: bool = False  # the article holds code (a code span or block): a short code word may be one
    code_names: frozenset[str] = frozenset()  # users, projects, packages its addresses name (links.code_names)
    # what the two properties below are made from, when first asked (most words are never judged)
    capital_words: Callable[[], Iterable[str]] = tuple
    all_words: Callable[[], Iterable[str]] = tuple

    def of(self, word: str) -> WordUse:
        return self.uses.get(normal(word)) or WordUse()

    @cached_property
    def capitals(self) -> dict[str, Counter[str]]:
        """The dictionary words the article writes with a capital inside a sentence ("House"), by first letter."""
        out: dict[str, Counter[str]] = {}
        for word in self.capital_words():
            w = normal(word)
            out.setdefault(w[:1], Counter())[w] += 1
        return out

    @cached_property
    def words(self) -> Counter[str]:
        """Every word of the article, in lower case, with how often it is used."""
        out: Counter[str] = Counter()
        for word, n in Counter(self.all_words()).items():  # each word written once normalised, not each use
            out[normal(word)] += n
        return out

    @cached_property
    def families(self) -> dict[str, set[tuple[str, str]]]:
        """The lower-case contexts of the article's words, by stem ("protosketch": protosketch, protosketching …)."""
        out: dict[str, set[tuple[str, str]]] = {}
        for w, use in self.uses.items():
            if use.lower_contexts:
                out.setdefault(stem(w), set()).update(use.lower_contexts)
        return out

    def terms(self) -> frozenset[str]:
        """The stems whose forms the article writes in lower case in :data:`TERM_SENTENCES` sentences or more."""
        return frozenset(st for st, contexts in self.families.items() if len(contexts) >= TERM_SENTENCES)

    def family_sentences(self, word: str) -> int:
        """The sentences (told apart by the words around) that write ``word`` or another form of its stem."""
        return len(self.families.get(stem(normal(word)), ()))

    def twin(self, word: str) -> tuple[str, int] | None:
        """The dictionary word this article writes with a capital elsewhere that ``word`` is a slip of.

        "The White Houes says" in an article that writes "White House" too: the capital does not
        make "Houes" a name.  Same first letter, one edit for words under eight letters, two above;
        the word used most often wins.
        """
        w = normal(word)
        near = self.capitals.get(w[:1])
        if not near or len(w) < 4:
            return None
        reach = 1 if len(w) < 8 else 2
        best: tuple[int, str, int] | None = None
        for other, n in near.items():
            if abs(len(other) - len(w)) > reach or other == w:
                continue
            d = edits(w, other)
            if d <= reach and (best is None or (n, -d) > (best[0], -best[2])):
                best = (n, other, d)
        return (best[1], best[2]) if best else None


def _capital(word: str) -> bool:
    return word[:1].isupper()


# from the start of a run of letters only, and never giving letters back: matches start there anyway,
# and trying every letter of every word is quadratic in the word's length
HYPHENATED = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")


# regular endings of English, longest first; a final "e" goes too, as it does before them ("demerge",
# "demerged", "demerger": one stem)
ENDINGS = ("ings", "ers", "ing", "er", "es", "ed", "s", "d", "e")
STEM = 5  # the shortest stem a word is grouped under
TERM_SENTENCES = 3  # sentences (told apart by the words around) writing a lower-case word alike: a term


def stem(word: str) -> str:
    """``word`` without its regular ending: "protosketching", "protosketcher" and "protosketches" -> "protosketch";
    "demerge", "demerged" and "demerger" -> "demerg"."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM:
            return word[: -len(ending)]
    return word


def collect(
    tokens: Iterable[tuple[str, Token]],
    texts: Iterable[str] = (),
    capitals: Callable[[], Iterable[str]] = tuple,
    words: Callable[[], Iterable[str]] = tuple,
) -> ArticleEvidence:
    """What the tokens of one article (with the field each comes from) and its ``texts`` say about each word.

    ``capitals``: gives every dictionary word the article writes with a capital inside a sentence, once
    per use; ``words``: every word of the article, once per use (each called when first needed).
    """
    ev = ArticleEvidence(capital_words=capitals, all_words=words)
    for value in texts:
        if "-" in value:
            ev.hyphenated.update(m.group().replace("-", "").lower() for m in HYPHENATED.finditer(value))
    for where, t in tokens:
        use = ev.uses.setdefault(normal(t.text), WordUse())
        if where != "title":
            use.outside_headline = True
        context = (t.before.lower(), t.after.lower())
        if not t.capitalised:
            use.lower_contexts.add(context)
            continue
        use.capital_contexts.add(context)
        use.capital_uses += 1
        if t.case == "name":
            use.name_contexts.add(context)
        if t.possessive:
            use.possessive = True
        before = t.before.lower().rstrip(".")
        if (
            before in TITLES
            or before + "." in TITLES
            or (_capital(t.before) and t.before2.lower().rstrip(".") in TITLES)
        ):
            use.titled = True
        if _capital(t.before) and given_name(t.before) and where != "title":
            use.given = True  # not in a title-case headline: "Producer Will Thak Part"
        if t.initialled and where != "title":
            use.initialled = True
        if _capital(t.after) and where != "title" and not t.headline and given_name(t.text):
            use.forename = True
        if t.after.lower() in SAID or before in SAID:
            use.said = True
        if t.case == "name" and before in PLACE_BEFORE:
            use.place = True
        if not t.headline:
            for other in (t.before, t.after):
                if _capital(other) and other.lower() not in NOT_PARTNERS and other.lower() not in TITLES:
                    use.partners.add(normal(other))
    return ev


@dataclass
class RunEvidence:
    """Across the articles of a run: in how many each word is used as a name, or in lower case."""

    as_name: Counter[str] = field(default_factory=Counter)  # capitalised inside a sentence
    as_capital: Counter[str] = field(default_factory=Counter)  # capitalised anywhere
    as_lower: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)  # articles whose term each stem is (see ArticleEvidence)
    code_names: Counter[str] = field(default_factory=Counter)  # articles whose addresses name each (links.code_names)
    articles: int = 0
    showing_code: int = 0  # articles that hold code: a site that writes about software
    # every article's words, counted only when a decision asks (see articles_with)
    _sources: list[tuple[Callable[[], Iterable[str]], Callable[[], Iterable[str]]]] = field(default_factory=list)
    _every: Counter[str] | None = None
    _capitalised: Counter[str] | None = None  # articles writing each dictionary word with a capital in a sentence

    @property
    def any(self) -> bool:
        """True when the run has articles (what a decision asks, not how many: see lint.pipeline.reads)."""
        return self.articles > 0

    def about_software(self, share: float) -> bool:
        """True when at least ``share`` of the run's articles (and two) hold code."""
        return self.showing_code >= max(2.0, share * self.articles)

    def capitalised_in(self, word: str) -> int:
        """In how many articles of the run the dictionary word ``word`` is written with a capital inside a
        sentence ("the World Cup"; not "This" opening one): the archive's index of capitalised words, made
        in the same pass as :meth:`articles_with`'s."""
        self._index()
        assert self._capitalised is not None
        return self._capitalised[normal(word)]

    def articles_with(self, word: str) -> int:
        """In how many articles of the run ``word`` (any case) is written: the archive's index of words."""
        self._index()
        assert self._every is not None
        return self._every[normal(word)]

    def _index(self) -> None:
        if self._every is not None:
            return
        every: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        for words, capitals in self._sources:
            every.update({normal(w) for w in words()})
            capitalised.update({normal(w) for w in capitals()})
        self._every, self._capitalised = every, capitalised

    def add(self, ev: ArticleEvidence) -> None:
        self.articles += 1
        self.showing_code += ev.shows_code
        self._sources.append((ev.all_words, ev.capital_words))
        self._every = self._capitalised = None
        self.code_names.update(ev.code_names)
        for word, use in ev.uses.items():
            if use.name_contexts:
                self.as_name[word] += 1
            if use.capital_contexts:
                self.as_capital[word] += 1
            if use.lower_contexts:
                self.as_lower[word] += 1
