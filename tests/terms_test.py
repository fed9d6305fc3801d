"""The terms check: house-style substitutions with the case of what was written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.article import Article
from lint.checks.terms import match_case, note_text
from lint.config import Config
from lint.diagnostics import Diagnostic, Severity
from lint.errors import FatalError
from lint.readers import read_path, read_text
from lint.rules import entries
from lint.run import Run, check_articles
from tests.conftest import SEEDS


def article(body: str, title: str = "Council news", front: str = "") -> Article:
    text = f'---\ntitle: "{title}"\ndate: 2026-01-15\n{front}---\n\n{textwrap.dedent(body).strip()}\n'
    return read_text("story.md", text, "markdown")


def findings(art: Article, config: Config | None = None) -> list[Diagnostic]:
    return check_articles([art], config or Config(select=("terms",)))


def fixed(art: Article, found: list[Diagnostic]) -> str:
    out = art.source
    for d in sorted(found, key=lambda d: -(d.fix.start if d.fix else 0)):
        assert d.fix is not None
        out = out[: d.fix.start] + d.fix.text + out[d.fix.end :]
    return out.split("---\n", 2)[2].strip()


@pytest.mark.parametrize(
    ("found", "use", "expected"),
    (
        ("Israelian", "Israeli", "Israeli"),
        ("israelian", "Israeli", "israeli"),
        ("ISRAELIAN", "Israeli", "ISRAELI"),
        ("Irregardless", "regardless", "Regardless"),
        ("Web site", "website", "Website"),
        ("e-mail", "email", "email"),
    ),
)
def test_the_suggestion_keeps_the_case_of_what_was_written(found: str, use: str, expected: str) -> None:
    assert match_case(found, use) == expected


@pytest.mark.parametrize(
    ("body", "after"),
    (
        ("The Israelian delegation landed.", "The Israeli delegation landed."),
        ("israelian officials agreed.", "israeli officials agreed."),
        ("THE ISRAELIAN PRESS", "THE ISRAELI PRESS"),
        ("An Israelian-backed plan.", "An Israeli-backed plan."),
        ("Send an e-mail or two e-mails.", "Send an email or two emails."),
        ("Most web\nsites were down.", "Most websites were down."),
        ("Talks in Kiev, then Phillipines.", "Talks in Kyiv, then Philippines."),
    ),
)
def test_a_term_is_fixed_in_place(body: str, after: str) -> None:
    art = article(body)
    found = findings(art)
    assert found, body
    assert fixed(art, found) == after


@pytest.mark.parametrize(
    "body",
    (
        "The Israeli delegation landed.",
        "Kievan Rus was a medieval state.",  # whole words only
        "Prices rose to 500 afghanis.",  # the currency, in lower case (a case-sensitive entry)
        "Their website and emails were fine.",
    ),
)
def test_house_forms_and_longer_words_pass(body: str) -> None:
    assert findings(article(body)) == []


def test_message_names_the_form_the_house_form_and_why() -> None:
    (d,) = findings(article("The Israelian delegation landed."))
    assert d.rule == "terms.substitution"
    assert d.message == "'Israelian': house style is 'Israeli' (the adjective and demonym of Israel)"
    assert d.suggestions == ("Israeli",)
    assert d.severity == Severity.WARNING


@pytest.mark.parametrize(
    ("note", "expected"),
    (
        ("The adjective and demonym of Israel.", "the adjective and demonym of Israel"),
        ("One word, no hyphen.", "one word, no hyphen"),
        ("AP style since 2019.", "AP style since 2019"),
        ("Ukraine's capital.", "Ukraine's capital"),
    ),
)
def test_notes_read_as_part_of_the_message(note: str, expected: str) -> None:
    assert note_text(note) == expected


def test_a_term_inside_a_yaml_string_has_its_exact_position() -> None:
    art = article("Nothing here.", title="Caf\\u00e9 for Israelian visitors")
    (d,) = findings(art)
    line = art.source.splitlines()[d.line - 1]
    assert (d.line, line[d.column - 1 : d.end_column - 1]) == (2, "Israelian")
    assert d.fix is not None and art.source[d.fix.start : d.fix.end] == "Israelian"


def test_an_accepted_word_is_not_reported() -> None:
    art = article("The Israelian Society met.", front="copydesk:\n  accept: [Israelian]\n")
    assert findings(art) == []


def desk_rules(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "desk-terms.yaml"
    path.write_text(textwrap.dedent(text))
    return Config(select=("terms",), rules=(path,))


def test_desk_rules_add_regular_expressions_ids_and_levels(tmp_path: Path) -> None:
    config = desk_rules(
        tmp_path,
        r"""
        terms:
          - use: '\1 percent'
            instead_of: ['(\d+) per cent']
            regex: true
            id: percent
            level: info
            note: AP style.
          - use: iPhone
            instead_of: [IPhone, i-Phone]
            case_sensitive: true
        """,
    )
    art = article("Sales rose 40 per cent, mostly of the IPhone. An iphone is fine.")
    found = findings(art, config)
    assert [(d.rule, d.severity, d.suggestions) for d in found] == [
        ("terms.percent", Severity.INFO, ("40 percent",)),
        ("terms.substitution", Severity.WARNING, ("iPhone",)),
    ]
    assert fixed(art, found) == "Sales rose 40 percent, mostly of the iPhone. An iphone is fine."


def test_a_broken_rule_file_names_its_file_and_line(tmp_path: Path) -> None:
    config = desk_rules(tmp_path, "terms:\n  - use: Kyiv\n    instead_of: [Kiev]\n  - instead_of: [Odessa]\n")
    with pytest.raises(FatalError) as err:
        entries(Run(config), "terms")
    assert f"{tmp_path / 'desk-terms.yaml'}:4:" in str(err.value)
    assert "'use' is a required property" in str(err.value)


def test_a_bad_regular_expression_names_its_file_and_line(tmp_path: Path) -> None:
    config = desk_rules(tmp_path, "terms:\n  - use: x\n    regex: true\n    instead_of: ['(unclosed']\n")
    with pytest.raises(FatalError) as err:
        findings(article("Anything."), config)
    assert f"{tmp_path / 'desk-terms.yaml'}:4:" in str(err.value)
    assert "not a valid regular expression" in str(err.value)


def test_the_seed_headline_gets_israeli() -> None:
    seed = read_path(SEEDS / "004_95c60ba5b8cee6dd.txt")
    (d,) = findings(seed)
    assert (d.rule, d.line, d.column, d.end_column, d.suggestions) == ("terms.substitution", 1, 1, 10, ("Israeli",))
    assert d.fix is not None and seed.source[d.fix.start : d.fix.end] == "Israelian"


def test_a_rule_file_edited_between_two_runs_of_one_process_is_read_again(tmp_path: Path) -> None:
    """A language server checks many times in one process: each check sees the rule file as it is now,
    and a rule file broken by the edit is reported, even though its earlier text was loaded fine."""
    article = read_text("a.md", "---\ntitle: T\n---\n\nWe met Zorblat and Quuxly.\n", "markdown")
    config = desk_rules(tmp_path, "terms:\n  - use: Zorblatt\n    instead_of: [Zorblat]\n")
    assert [d.message for d in check_articles([article], config)] == ["'Zorblat': house style is 'Zorblatt'"]
    desk_rules(tmp_path, "terms:\n  - use: Quuxley\n    instead_of: [Quuxly]\n")
    assert [d.message for d in check_articles([article], config)] == ["'Quuxly': house style is 'Quuxley'"]
    desk_rules(tmp_path, "terms:\n  - use: Quuxley\n")
    with pytest.raises(FatalError, match=r"desk-terms\.yaml:2:"):
        check_articles([article], config)
    # the first text again: kept from the first run, the same answer
    desk_rules(tmp_path, "terms:\n  - use: Zorblatt\n    instead_of: [Zorblat]\n")
    assert [d.message for d in check_articles([article], config)] == ["'Zorblat': house style is 'Zorblatt'"]
