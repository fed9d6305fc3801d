"""Where sentences end: a stop after an abbreviation does not end one."""

from __future__ import annotations

import pytest

from lint.sentences import ends_sentence, sentence_around
from lint.text import Text
from lint.words import words


@pytest.mark.parametrize(
    ("text", "ends"),
    (
        ("Ask Dr. Watts.", [False, True]),
        ("Mr. and Mrs. Li met Ms. Wu and Prof. Ode.", [False, False, False, False, True]),
        ("The St. Louis office, e.g. this one, i.e. ours.", [False, False, False, True]),
        ("Roe vs. Wade", [False]),
        ("See No. 10 now.", [False, True]),
        ("He said no. Then he left.", [True, True]),
        ("The U.S. Census and the U.K. Office", [False, False]),
        ("It grew in the U.S. The end.", [True, True]),  # "The" opens a sentence
        ("At 9 a.m. The doors opened at 5 p.m. sharp.", [True, False, True]),
        ("Acme Inc. Chairman Bob Smith Jr. spoke.", [False, False, True]),
        ("George W. Bush", [False]),
        ("Plan B. The end.", [True, True]),
        ("Smith et al. found it.", [False, True]),
        ("Made by Acme Inc.", [True]),
    ),
)
def test_which_stops_end_a_sentence(text: str, ends: list[bool]) -> None:
    stops = [k for k, ch in enumerate(text) if ch == "." and (k + 1 == len(text) or text[k + 1].isspace())]
    assert [ends_sentence(text, k) for k in stops] == ends


@pytest.mark.parametrize(
    ("text", "phrase", "sentence"),
    (
        ("One. According to Dr. Watts, it works. Two.", "According", "According to Dr. Watts, it works."),
        ("One! It grew in the U.S. at 9 a.m. daily. Two.", "grew", "It grew in the U.S. at 9 a.m. daily."),
        ("One.\n\nNo stop here\n\nTwo.", "stop", "No stop here"),
    ),
)
def test_the_sentence_around_a_phrase(text: str, phrase: str, sentence: str) -> None:
    i = text.index(phrase)
    a, b = sentence_around(text, i, i + len(phrase))
    assert text[a:b].strip() == sentence


def test_words_after_an_abbreviation_do_not_start_a_sentence() -> None:
    value = "Ask Dr. Watts now. Then at 9 a.m. The end, U.S. Census. Mr. Li met Ms. Wu. Done! Ok: yes"
    starts = [w.text for w in words(Text("body", value, 0)) if w.sentence_start]
    assert starts == ["Ask", "Then", "The", "Mr", "Done", "Ok", "yes"]
