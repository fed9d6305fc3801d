"""What tells a name from a word, and one person from another.

Titles ("President", "Mr", "Dr"), speech verbs ("said"), words that start a
sentence but are no names, and given names: nicknames (Robert/Bob, from the
``nicknames`` package's hand-curated table), the given names of other countries
(``rules/given-names.txt``: Dominik, Jelena, Guillermo) and distinct given names that
differ by a letter (Steven/Stephen, Catherine/Katherine): neither kind is a typo of the other.
"""

from __future__ import annotations

from functools import lru_cache

from lint.resources import rules_path
from lint.rules import read_words

GIVEN_NAMES = "given-names.txt"  # other countries' given names (Faker's lists; see the file's notes)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam madame monsieur herr frau
    president vice-president premier chancellor minister secretary senator sen rep representative
    congressman congresswoman congressmember councillor councilor alderman mayor governor gov
    judge justice magistrate attorney-general attorney solicitor-general prosecutor commissioner
    ambassador envoy consul spokesman spokeswoman spokesperson chairman chairwoman chair
    director chief executive ceo founder treasurer speaker leader deputy
    general gen colonel col lieutenant lt major maj captain capt sergeant sgt corporal cpl
    private pte admiral adm commander cmdr marshal brigadier commodore officer constable
    inspector detective superintendent sheriff
    king queen prince princess emperor empress emir sultan sheikh shaikh crown archduke duke duchess
    earl count countess baron baroness
    pope cardinal archbishop bishop reverend rev father fr pastor rabbi imam ayatollah mullah
    sister brother mother saint st
    coach manager striker midfielder defender goalkeeper captain skipper
    """
)

# verbs of attribution: "Hewitt said", "said Hewitt"
SPEECH = _words(
    """
    said says say told tells added adds asked asks explained explains noted notes wrote writes
    argued argues warned warns announced announces stated states insisted insists replied replies
    claimed claims confirmed confirms denied denies admitted admits acknowledged acknowledges
    urged urges described describes recalled recalls suggested suggests believes believed
    thinks thought agreed agrees declined declines testified testifies tweeted tweets posted
    """
)

# capitalised words that are grammar, not names ("The", "But", "When" …)
FUNCTION_WORDS = _words(
    """
    the a an and or but nor so yet for of in on at by to from with without into onto about above
    below after before during since until while when where why how what which who whom whose that
    this these those there here then than if unless because although though as also however
    meanwhile moreover furthermore instead still just only even not no yes all any each every
    some many most much more few both either neither other another such its his her their our
    your my we you they he she it i me him us them one two three four five six seven eight nine ten
    is are was were be been being has have had do does did will would can could should may might
    must shall let via per over under between among against through across within around near
    """
)


# proper nouns that are never a given name before a surname ("on Monday Hewitt said")
NOT_GIVEN_NAMES = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow
    """
)


NICKNAMES_CSV = "names.csv"  # the nicknames package's table: name1,relationship,name2 (its documented format)


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    """Each name with its nicknames (robert: bob, rob …), from the ``nicknames`` package's table.

    The table is read as the package documents it (``nicknames.with_names_csv_path``), from the
    installed package's folder, without importing the package: its import reads its own version
    from the installed metadata, which cost a third of a one-article run.  Where the file is not
    found (another layout), the package's own reader is used."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("nicknames")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = next((Path(f) / NICKNAMES_CSV for f in folders if (Path(f) / NICKNAMES_CSV).is_file()), None)
    if path is None:
        from nicknames import NickNamer

        return {k: frozenset(v) for k, v in NickNamer().nickname_lookup.items()}
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = [p.strip().lower() for p in line.split(",")]
        if len(parts) == 3 and parts[1] == "has_nickname" and parts[0] and parts[2]:
            out.setdefault(parts[0], set()).add(parts[2])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _canonicals() -> dict[str, frozenset[str]]:
    """Each nickname with the names it is a nickname of (bob: robert)."""
    out: dict[str, set[str]] = {}
    for name, nicks in _nicknames().items():
        for nick in nicks:
            out.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    names = set(_nicknames()) | set(_canonicals())
    names.update(n for group in DISTINCT_GIVEN_NAMES for n in group)
    names.update(read_words(rules_path(GIVEN_NAMES)))  # the given names of other countries
    return frozenset(names)


def given_name(word: str) -> bool:
    """True for a known given name (English names and nicknames, and the distinct-names table)."""
    return word.lower() in _given_names()


def nickname_related(a: str, b: str) -> bool:
    """True when one given name is a nickname of the other, or both of one name (Bob/Rob)."""
    nicks, canon = _nicknames(), _canonicals()
    la, lb = a.lower().strip(), b.lower().strip()
    if lb in nicks.get(la, ()) or la in nicks.get(lb, ()):
        return True
    return bool((canon.get(la, frozenset()) | {la}) & (canon.get(lb, frozenset()) | {lb}))


# Given names that differ by a letter or two and belong to different people as often as not.
DISTINCT_GIVEN_NAMES: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "john jon",
        "steven stephen stephan stefan",
        "catherine katherine kathryn katharine catharine",
        "sara sarah",
        "ann anne anna",
        "alan allan allen",
        "philip phillip",
        "geoffrey jeffrey jeffery",
        "mohammed mohamed muhammad mohammad mohamad muhammed",
        "hannah hanna",
        "carl karl",
        "eric erik",
        "marc mark marco marko",
        "louis lewis luis",
        "sean shaun shawn",
        "jane jayne",
        "claire clare clara",
        "deborah debra",
        "rebecca rebekah",
        "isabel isobel isabelle",
        "teresa theresa",
        "jeremy jeremie",
        "nicholas nicolas nikolas",
        "matthew mathew",
        "michael micheal",
        "elizabeth elisabeth",
        "caroline carolyn",
        "frances francis",
        "jordan jordon",
        "kristen kirsten kristin",
        "lindsay lindsey",
        "megan meghan",
        "natalie nathalie",
        "brian bryan",
        "gray grey",
        "aaron aron",
        "alexander alexandre aleksandr alexandr",
        "andrew andrei andrey",
        "ali aly",
        "ahmed ahmad",
        "hussein husain hussain",
        "yusuf yousef youssef",
        "ibrahim ebrahim",
    )
)


def distinct_given_names(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are two given names in their own right (John/Jon)."""
    la, lb = a.lower(), b.lower()
    return any(la in g and lb in g for g in DISTINCT_GIVEN_NAMES)


def same_person_names(a: str, b: str) -> bool:
    """True when two given names may name one person: equal, or nickname and name."""
    return a.lower() == b.lower() or nickname_related(a, b)
