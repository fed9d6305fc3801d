"""The word cache: looking words up one by one or many at once gives the same answers."""

from __future__ import annotations

import pytest

from lint.lexicon import Lexicon, _open

WORDS = ["goverment", "recieve", "Tacts", "drowpdown", "Herzog", "aliyev", "teh", "ofthe", "xqzvy", "café", "don't"]


def fresh() -> Lexicon:
    """A lexicon with nothing cached yet."""
    return Lexicon("en", _open("en"))


@pytest.mark.parametrize("distance", [1, 2])
def test_near_many_finds_what_near_finds(distance: int) -> None:
    one_by_one = fresh()
    expected = {w: one_by_one.near(w, distance) for w in WORDS}
    at_once = fresh()
    at_once.near_many(WORDS, distance)
    assert {w: at_once.near(w, distance) for w in WORDS} == expected
    assert expected["goverment"][0] == ("government", 1)


def test_prefetched_entries_are_the_entries() -> None:
    one_by_one = fresh()
    expected = {w: one_by_one.entry(w) for w in WORDS}
    at_once = fresh()
    at_once.prefetch(WORDS)
    assert {w: at_once.entry(w) for w in WORDS} == expected
    assert at_once.known("government") is one_by_one.known("government") is True
    assert not at_once.known("xqzvy")


def test_near_two_finds_words_two_edits_away() -> None:
    found = dict(fresh().near_two("govermant"))
    assert found.get("government") == 2
