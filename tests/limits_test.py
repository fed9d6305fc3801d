"""[limits]: what one file may make copydesk do, seen and changed in the config, a finding when reached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint import limits

GOOD = "---\ntitle: Budget approved\ndate: 2021-03-05\n---\n\nThe council met on Tuesday and the goverment agreed.\n"


def faq(n: int) -> str:
    items = "".join(f"  - question: What is item {i}?\n    answer: Item {i} is a road.\n" for i in range(n))
    return f"---\ntitle: Roads\ndate: 2021-03-05\nfaq:\n{items}---\n\nThe roads.\n"


def project(tmp_path: Path, table: str, files: dict[str, str]) -> Path:
    (tmp_path / "copydesk.toml").write_text(f"[limits]\n{table}\n", encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "copydesk.toml"


@pytest.mark.parametrize(
    ("table", "name", "text", "line", "message"),
    [
        (
            "max_depth = 3",
            "deep.md",
            "---\ntitle: T\nx: [[[[1]]]]\n---\n\nText.\n",
            3,
            "front matter is nested more than 3 levels deep (the limit is [limits] max_depth)",
        ),
        (
            "max_depth = 3",
            "deep.json",
            '{"title": "T", "body": "Text.", "x": [[[[1]]]]}',
            1,
            "the file is not valid JSON: the values are nested more than 3 levels deep",
        ),
        (
            "max_depth = 3",
            "deep.md",
            "+++\ntitle = 'T'\nx = [[[[1]]]]\n+++\n\nText.\n",
            3,
            "front matter is nested more than 3 levels deep",
        ),
        (
            "max_alias_nodes = 5",
            "alias.md",
            "---\ntitle: T\na: &a [1, 2, 3]\nb: [*a, *a]\n---\n\nText.\n",
            3,
            "front matter aliases repeat more than 5 values",
        ),
        (
            "max_faq_entries = 3",
            "faq.md",
            faq(5),
            11,
            "the FAQ has 5 entries, more than the 3 copydesk reads (the limit is [limits] max_faq_entries)",
        ),
    ],
)
def test_a_limit_reached_is_a_finding_naming_its_key(
    cli: Any, tmp_path: Path, table: str, name: str, text: str, line: int, message: str
) -> None:
    config = project(tmp_path, table, {name: text, "good.md": GOOD})
    result = cli("check", "--format", "json", "--config", config, tmp_path / name, tmp_path / "good.md")
    assert result.code == 1, result.err
    mine = [d for d in result.diagnostics if d["path"].endswith(name) and d["rule"] == "schema.syntax"]
    assert [(d["line"], d["message"][: len(message)]) for d in mine] == [(line, message)]
    assert any(d["path"].endswith("good.md") and d["rule"] == "spelling.unknown" for d in result.diagnostics)


def test_under_the_default_limits_the_same_files_read(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "faq.md").write_text(faq(5), encoding="utf-8")
    (tmp_path / "alias.md").write_text("---\ntitle: T\na: &a [1, 2, 3]\nb: [*a, *a]\n---\n\nText.\n", "utf-8")
    result = cli("check", "--format", "json", "--select", "schema.syntax", tmp_path)
    assert result.diagnostics == []


def test_an_faq_over_the_limit_is_still_checked_up_to_it(cli: Any, tmp_path: Path) -> None:
    text = faq(4).replace("answer: Item 0 is a road.", "answer:")  # an empty answer in the first entry
    config = project(tmp_path, "max_faq_entries = 2", {"faq.md": text})
    result = cli("check", "--format", "json", "--config", config, tmp_path / "faq.md")
    rules = {d["rule"] for d in result.diagnostics}
    assert {"schema.syntax", "placeholder.empty-answer"} <= rules


def test_a_file_over_the_size_limit_is_not_read(cli: Any, tmp_path: Path) -> None:
    big = GOOD + ("The council met again. " * 50_000) + "\n"  # about 1.1 MB
    config = project(tmp_path, "max_file_mb = 1", {"big.md": big, "good.md": GOOD})
    result = cli("check", "--format", "json", "--config", config, tmp_path / "big.md", tmp_path / "good.md")
    assert result.code == 1
    mine = [d for d in result.diagnostics if d["path"].endswith("big.md")]
    assert [d["message"] for d in mine] == [
        "the file is 1.1 MB, larger than the 1 MB copydesk reads (the limit is [limits] max_file_mb): it is not checked"
    ]
    assert any(d["path"].endswith("good.md") for d in result.diagnostics)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("max_depth = 0", "limits.max_depth: 0 is less than the minimum of 1"),
        ("max_deep = 3", "limits.max_deep: unknown setting 'max_deep'; did you mean 'max_depth'?"),
        ('max_file_mb = "64"', "limits.max_file_mb: should be a whole number, not the string '64'"),
    ],
)
def test_a_wrong_limit_is_a_config_mistake(cli: Any, tmp_path: Path, table: str, message: str) -> None:
    config = project(tmp_path, table, {"good.md": GOOD})
    result = cli("check", "--config", config, tmp_path / "good.md")
    assert result.code == 2
    assert message in result.err


@pytest.mark.parametrize(
    ("value", "limit", "deeper"),
    [({}, 1, False), ({"a": [1]}, 1, True), ({"a": [1]}, 2, False), ([[[[]]]], 3, True), ("x", 0, False)],
)
def test_depth_exceeded(value: object, limit: int, deeper: bool) -> None:
    assert limits.depth_exceeded(value, limit) is deeper


RUNAWAY = {  # kind -> a rule file with an expression that backtracks without end on a long run of a's
    "terms": "terms:\n  - use: ah\n    regex: true\n    instead_of: ['(a|aa)+h']\n",
    "placeholders": "placeholders:\n  - text: '(a|aa)+h'\n    regex: true\n",
    "attributions": "attributions:\n  - text: '(a|aa)+h'\n    regex: true\n",
}
SCREAM = "---\ntitle: T\ndate: 2021-03-05\n---\n\nShe said: " + "a" * 200 + "!\n"


@pytest.mark.parametrize("kind", sorted(RUNAWAY))
def test_an_editors_expression_that_runs_away_is_stopped_with_a_finding(cli: Any, tmp_path: Path, kind: str) -> None:
    """Python's re would never return here: the search is stopped at the limit, the article gets one
    finding at the text searched, and the other files are checked as usual."""
    files = {"scream.md": SCREAM, "good.md": GOOD, "r.yaml": RUNAWAY[kind]}
    config = project(tmp_path, "max_regex_seconds = 0.05", files)
    config.write_text('rules = ["r.yaml"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("check", "--format", "json", "--config", config, tmp_path / "scream.md", tmp_path / "good.md")
    assert result.code == 1, result.err
    slow = [d for d in result.diagnostics if d["rule"] == "limits.regex"]
    assert [(d["path"].endswith("scream.md"), d["severity"]) for d in slow] == [(True, "error")]
    assert "ran longer than 0.05 s on this text (the limit is [limits] max_regex_seconds)" in slow[0]["message"]
    assert (slow[0]["line"], slow[0]["column"]) == (5, 1)  # the start of the body it was searching
    assert any(d["path"].endswith("good.md") and d["rule"] == "spelling.unknown" for d in result.diagnostics)


def test_an_editors_expression_within_the_limit_works_as_before(cli: Any, tmp_path: Path) -> None:
    config = project(tmp_path, "max_regex_seconds = 5", {"a.md": GOOD.replace("Tuesday", "Tuesday, aaah,")})
    config.write_text('rules = ["r.yaml"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "r.yaml").write_text(RUNAWAY["terms"], encoding="utf-8")
    result = cli("check", "--format", "json", "--config", config, tmp_path / "a.md")
    found = [(d["rule"], d["message"]) for d in result.diagnostics if d["rule"].startswith(("terms", "limits"))]
    assert found == [("terms.substitution", "'aaah': house style is 'ah'")]


def test_the_time_limit_takes_fractions_and_refuses_nothing_or_less(cli: Any, tmp_path: Path) -> None:
    assert limits.Limits.from_table({"max_regex_seconds": 0.25}).max_regex_seconds == 0.25
    config = project(tmp_path, "max_regex_seconds = 0", {"good.md": GOOD})
    result = cli("check", "--config", config, tmp_path / "good.md")
    assert result.code == 2
    assert "limits.max_regex_seconds: 0 is less than or equal to the minimum of 0" in result.err


def test_the_time_limit_is_a_search_s_not_a_long_text_s(cli: Any, tmp_path: Path) -> None:
    """An expression with many quick matches in a long article is no runaway; and a runaway term leaves
    the other terms' findings in place."""
    terms = (
        "terms:\n  - use: \\1ise\n    regex: true\n    instead_of: ['(\\w+)ize']\n"
        "  - use: Zorblatt\n    instead_of: [Zorblat]\n  - use: ah\n    regex: true\n    instead_of: ['(a|aa)+h']\n"
    )
    body = "We organize the Zorblat. " * 20_000 + "She said: " + "a" * 200 + "!\n"
    files = {"long.md": "---\ntitle: T\ndate: 2021-03-05\n---\n\n" + body, "r.yaml": terms}
    config = project(tmp_path, "max_regex_seconds = 0.2", files)
    config.write_text('rules = ["r.yaml"]\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "terms,limits", "--config", config, tmp_path / "long.md")
    rules = [d["rule"] for d in result.diagnostics]
    assert rules.count("limits.regex") == 1
    assert rules.count("terms.substitution") == 40_000  # organize -> organise, Zorblat -> Zorblatt


@pytest.mark.parametrize(
    ("value", "message"), [("nan", "nan is not a number"), ("inf", "inf is greater than the maximum of 3600")]
)
def test_a_limit_that_is_no_number_is_a_config_mistake(cli: Any, tmp_path: Path, value: str, message: str) -> None:
    """nan passes every comparison of the config's schema, and would switch the limit off."""
    config = project(tmp_path, f"max_regex_seconds = {value}", {"good.md": GOOD})
    result = cli("check", "--config", config, tmp_path / "good.md")
    assert result.code == 2
    assert f"limits.max_regex_seconds: {message}" in result.err
