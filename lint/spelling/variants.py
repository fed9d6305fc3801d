"""British and American spellings of the same word.

pyspellchecker's English dictionary is American; plain ``en`` accepts both
varieties, ``en-GB`` and ``en-US`` report the other one with the house form.
Regular patterns (colour/color, organise/organize, centre/center, travelled/
traveled, defence/defense, paediatric/pediatric, programme/program) are rules;
irregular pairs are listed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.spelling import word_set

# a vowel and one or two consonants before "our": colour, honour, neighbour (not four, your, flour)
_OUR = r"(?:(?<=[aeiou][b-df-hj-np-tv-z])|(?<=[aeiou][b-df-hj-np-tv-z]{2})|(?<=vi))"
# two syllables before a doubled l: travelled, counsellor, marvellous (not filled, called)
_LL = r"(?<=[aeiou][b-df-hj-np-tv-z]{1,2}[aeiou])"

# British pattern -> American replacement, tried one at a time and two together (manoeuvre)
RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (
            _OUR
            + r"our(?=(?:s|ed|ing|ings|ful|fully|ite|ites|itism|able|ably|er|ers|less|ism|ist|ists|hood|hoods|ly|y)?$)",
            "or",
        ),
        (r"(?<=[a-z]{2})is(?=(?:e|ed|es|ing|ation|ations|ational|er|ers|able)$)", "iz"),
        (r"(?<=[a-z]{2})isation", "ization"),
        (r"ys(?=(?:e|ed|ing|er|ers)$)", "yz"),
        (r"([tb])re(?=s?$)", r"\1er"),
        (r"([tb])red$", r"\1ered"),
        (r"([tb])ring$", r"\1ering"),
        (r"vre(?=s?$)", "ver"),
        (r"ogue(?=s?$)", "og"),
        (_LL.replace("{1,2}", "") + r"ll(?=(?:ed|ing|ings|er|ers|or|ors|ous|ously|ery)$)", "l"),
        (_LL.replace("{1,2}", "{2}") + r"ll(?=(?:ed|ing|ings|er|ers|or|ors|ous|ously|ery)$)", "l"),
        (r"(?<=[a-z]{3})ence(?=s?$)", "ense"),
        (r"gramme(?=s?$)", "gram"),
    )
)
# inside the word: paediatric, foetus, oestrogen (also how "haer" looks like "her": used with care)
INNER_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[a-z])ae(?=[a-z])", "e"),
        (r"(?<=[a-z])oe(?=[a-z]{2})", "e"),
        (r"^oe", "e"),
    )
)
# American pattern -> British replacement
INVERSE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (_OUR + r"or(?=(?:s|ed|ing|ful|ite|ites|able|ably|er|ers|less|ism|ist|hood|ly)?$)", "our"),
        (r"(?<=[a-z]{3})iz(?=(?:e|ed|es|ing|ation|ations|ational|er|ers|able)$)", "is"),
        (r"(?<=[a-z]{3})ization", "isation"),
        (r"yz(?=(?:e|ed|ing|er|ers)$)", "ys"),
        (r"([tb])er(?=s?$)", r"\1re"),
        (r"([tb])ered$", r"\1red"),
        (_LL.replace("{1,2}", "") + r"l(?=(?:ed|ing|er|ers)$)", "ll"),
        (_LL.replace("{1,2}", "{2}") + r"l(?=(?:ed|ing|er|ers)$)", "ll"),
        (r"(?<=[a-z]{3})ense(?=s?$)", "ence"),
        (r"^(catal|anal)og(?=s?$)", r"\1ogue"),  # not "dialog": a window on a screen in British English too
        (r"(?<=[a-z])e(?=(?:mia|diatric|morrh|sthes|tiolog))", "ae"),
        (r"^e(?=strogen|sophag)", "oe"),
    )
)

# irregular pairs: British -> American.  Pairs marked one-way are both right in British
# English ("tire", "draft", "story", "check" have their own meanings), so en-GB does not
# report the American form.
PAIRS: dict[str, tuple[str, bool]] = {
    # the past tense in -t that is chiefly British, of these verbs only (a rule would make "gaint" a
    # spelling of "gained"; "burnt", "dreamt", "knelt", "spilt" are American English too; "spelt" is a grain)
    **{
        b: (a, False)
        for b, a in (
            ("leant", "leaned"),
            ("learnt", "learned"),
            ("unlearnt", "unlearned"),
            ("misspelt", "misspelled"),
        )
    },
    "aluminium": ("aluminum", True),
    "jewellery": ("jewelry", True),
    "grey": ("gray", False),
    "tyre": ("tire", False),
    "tyres": ("tires", False),
    "kerb": ("curb", False),
    "cheque": ("check", False),
    "cheques": ("checks", False),
    "plough": ("plow", True),
    "mould": ("mold", True),
    "moult": ("molt", True),
    "smoulder": ("smolder", True),
    "storey": ("story", False),
    "storeys": ("stories", False),
    "sceptic": ("skeptic", True),
    "sceptical": ("skeptical", True),
    "scepticism": ("skepticism", True),
    "draught": ("draft", False),
    "pyjamas": ("pajamas", True),
    "artefact": ("artifact", True),
    "sulphur": ("sulfur", True),
    "cosy": ("cozy", True),
    "practise": ("practice", False),
    "practised": ("practiced", True),
    "practising": ("practicing", True),
    "licence": ("license", False),
    "programme": ("program", False),
    "programmes": ("programs", False),
    "whisky": ("whiskey", False),
    "enrol": ("enroll", True),
    "enrolment": ("enrollment", True),
    "fulfil": ("fulfill", True),
    "fulfilment": ("fulfillment", True),
    "instalment": ("installment", True),
    "skilful": ("skillful", True),
    "wilful": ("willful", True),
    "judgement": ("judgment", False),
    "ageing": ("aging", False),
    "acknowledgement": ("acknowledgment", False),
    "manoeuvre": ("maneuver", True),
    "manoeuvres": ("maneuvers", True),
    "gaol": ("jail", False),
    "kilometre": ("kilometer", True),
    "kilometres": ("kilometers", True),
    "metre": ("meter", False),
    "metres": ("meters", False),
}
# American words en-GB leaves alone although a rule makes a British form of them
NOT_AMERICAN = word_set(
    "meter meters program programs license licensed licensing practice tire tires curb check checks story "
    "stories draft drafts gray mom prize prizes seize seized size sizes capsize capsized"
)


def _apply(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> set[str]:
    out = set()
    for pattern, repl in rules:
        new = pattern.sub(repl, word, count=1)
        if new != word:
            out.add(new)
    return out


def attested(word: str) -> bool:
    """True when ``word``, a British form a rule makes, is one: SCOWL's British list or the listed pairs
    have it (``rules/british-en.txt``); "sobre" is Spanish, "Saeed" a name."""
    from lint.spelling.wordlist import word_list

    w = word.lower()
    return w in PAIRS or w in word_list("british-en.txt")


def american(word: str, inner: bool = True) -> list[str]:
    """American spellings ``word`` may be the British form of (lower case; unverified).

    ``inner``: also by the rules for letters inside the word (ae, oe), which turn
    many a typo into a word; without them only endings and listed pairs count.
    """
    return list(_american(word.lower(), inner))


@lru_cache(maxsize=50_000)
def _american(w: str, inner: bool) -> tuple[str, ...]:
    rules = RULES + INNER_RULES if inner else RULES
    out: set[str] = set()
    if w in PAIRS:
        out.add(PAIRS[w][0])
    first = _apply(w, rules)
    out |= first
    for step in first:
        out |= _apply(step, rules)
    out.discard(w)
    return tuple(sorted(out))


def british(word: str) -> list[str]:
    """British spellings of the American ``word`` (lower case; unverified)."""
    w = word.lower()
    if w in NOT_AMERICAN:
        return []
    out = {b for b, (a, two_way) in PAIRS.items() if a == w and two_way}
    for pattern, repl in INVERSE:
        new = pattern.sub(repl, w, count=1)
        if new != w:
            out.add(new)
    return sorted(out - {w})
