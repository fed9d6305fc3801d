"""Language tags as editors write them: read one way, and a tag that names no language is a mistake."""

from __future__ import annotations

import pytest

from lint.languages import language_tag, tag_problem


@pytest.mark.parametrize(
    ("tag", "expected"),
    (("English", "en"), ("en_GB", "en-GB"), ("eng-US", "en-US"), ("sw", "sw"), ("fr-CA", "fr-CA")),
)
def test_language_tag(tag: str, expected: str) -> None:
    assert language_tag(tag) == expected


@pytest.mark.parametrize(
    ("tag", "problem"),
    (
        ("en", ""),
        ("en-GB", ""),
        ("en-us", ""),
        ("en-419", ""),  # Latin America
        ("sw", ""),  # no dictionary, but a language: the spelling check says so itself
        ("zh-Hant-TW", ""),
        ("English", ""),
        ("en-XX", "'en-XX': 'XX' is no country or region code"),
        ("en-QQ", "'en-QQ': 'QQ' is no country or region code"),  # private use
        ("en-UK", "the United Kingdom is GB: en-GB"),
        ("xx", "'xx': 'xx' is no language code"),
        ("qaa", "'qaa': 'qaa' is no language code"),  # private use
        ("zh-Hxxx", "'zh-Hxxx': 'Hxxx' is no script code"),
        ("e--n", "'e--n' is not a language code"),
    ),
)
def test_tag_problem(tag: str, problem: str) -> None:
    assert (problem in tag_problem(tag)) if problem else tag_problem(tag) == ""
