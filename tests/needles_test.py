"""The words a rule's pattern cannot match without: a text without them is not searched."""

from __future__ import annotations

import re

import pytest

from lint.checks import placeholder, sources
from lint.config import Config
from lint.needles import may_match, required
from lint.run import Run

NEEDLES = [
    (r"\breportedly\b", re.IGNORECASE, ("reportedly",)),
    (r"\b(?:officials|authorities)\s+(?:say|said)\b", re.IGNORECASE, ("authorities", "officials")),
    (r"\b(?:your\s+|the\s+)?(?:answer|text)\s+goes\s+here\b", re.IGNORECASE, ("goes",)),
    (r"(?<!\w)TBD(?!\w)", 0, ("tbd",)),
    (r"\bciting\s+(?:\w+\s+){0,2}sources", re.IGNORECASE, ("sources",)),  # the longer word
    (r"(?:sources|a\s+source)\s+said", re.IGNORECASE, ("source", "sources")),  # one way or the other
    # nothing every match must hold
    (r"[\W_]+", 0, ()),
    (r"(?:foo|\w+)b", 0, ()),  # "b" is in every text: not worth a test
    (r"(?<![\w%])%[A-Z][A-Z0-9_]{2,}%(?![\w%])", 0, ("%",)),  # one "%" is
    (r"(?:lorem|\d+)\s+ipsum", re.IGNORECASE, ("ipsum",)),
    (r"x(?:ab)?", 0, ()),
    (r"(?:abc)*", 0, ()),
    (r"café", re.IGNORECASE, ("caf",)),  # the letters before the accent
    (r"(unclosed", 0, ()),  # not a pattern at all: no claim
]


@pytest.mark.parametrize("pattern,flags,expected", NEEDLES)
def test_needles_are_what_every_match_holds(pattern: str, flags: int, expected: tuple[str, ...]) -> None:
    assert required(pattern, flags) == expected


# (pattern, flags, text): the pattern matches the text, so the test must let it be searched
MATCHES = [
    (r"\breportedly\b", re.IGNORECASE, "The minister REPORTEDLY resigned."),
    (r"\bsources\s+said\b", re.IGNORECASE, "ſources said so"),  # long s: matched as "s", lower case is not "s"
    (r"\bsaid\b", re.IGNORECASE, "they saıd so"),  # dotless i
    (r"\bsaid\b", re.IGNORECASE, "THEY SAİD SO"),  # capital dotted I: its lower case is two characters
    (r"\bkelvin\b", re.IGNORECASE, "\u212aelvin"),  # Kelvin sign: its lower case is "k"
    (r"(?<!\w)TBD(?!\w)", 0, "Date: TBD"),
]


@pytest.mark.parametrize("pattern,flags,text", MATCHES)
def test_a_text_the_pattern_matches_is_searched(pattern: str, flags: int, text: str) -> None:
    assert re.search(pattern, text, flags)
    assert may_match(required(pattern, flags), text)


@pytest.mark.parametrize(
    "pattern,text",
    [
        (r"\breportedly\b", "The minister resigned, the paper said."),
        (r"\b(?:officials|authorities)\s+said\b", "Nobody said anything."),
    ],
)
def test_a_text_without_the_words_is_skipped(pattern: str, text: str) -> None:
    assert not may_match(required(pattern, re.IGNORECASE), text)


def test_skipping_never_hides_a_match_of_the_shipped_rules() -> None:
    """Every shipped placeholder and attribution pattern, on texts made of its own examples and near misses."""
    run = Run(Config())
    forms = placeholder.forms(run) + sources.forms(run)
    texts = [
        "According to local media reports, officials suggested the talks failed (Reuters).",
        "Answer goes here. TBD. Lorem ipsum dolor sit amet. [insert quote] {{ faq.answer }}",
        "People familiar with the matter said it is understood to be final. Citing two sources, AP said so.",
        "ſources ſay it is reported that ıt was claimed; İt is alleged. Skip to content. Back to top.",
        "Coming soon. N/A. Share this article. Sign up for our newsletter. Accept all cookies. Loading...",
    ]
    searched = 0
    for form in forms:
        for text in texts:
            if form.pattern.search(text):
                assert may_match(form.needles, text), (form.source, text)
                searched += 1
    assert searched > 20  # the texts do exercise the rules
