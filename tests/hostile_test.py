"""Hostile and broken files: a clear finding naming the file and line, the other files still reported.

Each file in ``tests/fixtures/hostile/`` once ended a whole run with a traceback (or ran away with
it); the fuzz test (``tests/fuzz_test.py``) adds a file here for every crash it finds.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
GOOD = (
    "---\ntitle: Budget approved\ndate: 2021-03-05\nsources: [https://example.org/budget]\n---\n\n"
    "The council met on Tuesday and the goverment announced a new budget.\n"
)

# file -> (line, start of the message) of its finding; None: the file reads, and is checked as usual
EXPECTED: dict[str, tuple[int, str] | None] = {
    "alias-self.md": (2, "front matter is not valid YAML: an alias refers to a value that holds it"),
    "alias-mapping.md": (2, "front matter is not valid YAML: an alias refers to a value that holds it"),
    "alias-bomb.md": (3, "front matter aliases repeat more than 10,000 values"),
    "deep-toml-arrays.md": (3, "front matter is nested more than 50 levels deep"),
    "deep-toml-tables.md": (2, "front matter is nested more than 50 levels deep"),
    "deep-yaml.md": (2, "front matter is not valid YAML: exceeded maximum nesting depth"),
    "deep.json": (1, "the file is not valid JSON: the values are nested more than 50 levels deep"),
    "long-integer.json": (1, "the file is not valid JSON: a number of 5,000 digits"),
    "long-integer-toml.md": (3, "front matter is not valid TOML: a number of more than 4,300 digits"),
    "cr-only-front-matter.md": None,
    "cr-only-fence.md": None,
    "lone-surrogate.json": None,
    "lone-surrogates.json": None,
}


def test_every_hostile_file_has_an_expectation() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_file_is_a_finding_and_the_run_goes_on(cli: Any, good: Path, name: str) -> None:
    started = time.monotonic()
    result = cli("check", "--format", "json", "--select", "schema,spelling,placeholder", HOSTILE / name, good)
    assert time.monotonic() - started < 30
    assert result.code == 1, result.err
    found = result.diagnostics
    assert any(d["path"] == str(good) and d["rule"] == "spelling.unknown" for d in found)  # the good file
    mine = [d for d in found if d["path"].endswith(name)]
    expected = EXPECTED[name]
    if expected is None:
        assert not any(d["rule"] == "schema.syntax" for d in mine)
    else:
        line, message = expected
        syntax = [d for d in mine if d["rule"] == "schema.syntax"]
        assert [(d["line"], d["message"][: len(message)]) for d in syntax] == [(line, message)]
    assert "internal error" not in result.out + result.err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "html"])
def test_lone_surrogates_survive_every_format_and_output(cli: Any, good: Path, tmp_path: Path, fmt: str) -> None:
    """A JSON article may write "\\ud800": no UTF-8 holds it, so every report writes it escaped."""
    target = tmp_path / f"report.{fmt}"
    shown = cli("check", "--format", fmt, HOSTILE / "lone-surrogates.json", good)
    written = cli("check", "--format", fmt, "--output", target, HOSTILE / "lone-surrogates.json", good)
    assert (shown.code, written.code) == (1, 1), shown.err + written.err
    text = target.read_text(encoding="utf-8")  # strict UTF-8: nothing raw
    assert "good.md" in shown.out and "good.md" in text
    if fmt == "text":
        assert "Tyop\\ud800s" in text  # the title, shown as escaped
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(text)  # still JSON


def test_cr_only_front_matter_and_fence_are_read_at_the_lines_an_editor_shows(cli: Any) -> None:
    result = cli("check", "--format", "json", "--select", "spelling,schema", HOSTILE / "cr-only-front-matter.md")
    places = [(d["rule"], d["line"], d["column"]) for d in result.diagnostics]
    # the title is read from the front matter (only the date is missing); the typo is on line 11
    assert ("spelling.unknown", 11, 6) in places
    assert [d["message"] for d in result.diagnostics if d["rule"] == "schema.required"] == [
        "date is missing: add the publication date (YYYY-MM-DD)"
    ]
    assert not any(d["rule"] == "spelling.unknown" and d["line"] == 8 for d in result.diagnostics)  # the fence


def test_diff_on_a_cr_only_file_keeps_its_line_ends(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "cr.md"
    path.write_bytes(b"---\rtitle: CR\rdate: 2021-03-05\r---\r\rThe goverment met.\r\rMore text.\r")
    result = cli("check", "--diff", path)
    assert result.code == 1
    assert "-The goverment met.\r" in result.out and "+The government met.\r" in result.out
    assert cli("check", "--fix", path).code in (0, 1)
    assert path.read_bytes() == b"---\rtitle: CR\rdate: 2021-03-05\r---\r\rThe government met.\r\rMore text.\r"


@pytest.mark.parametrize(
    "text",
    [
        "terms: &t\n  - id: x\n    instead_of: *t\n",  # the list holds itself
        "terms:\n  - &e {id: x, use: y, instead_of: [*e]}\n",
    ],
)
def test_a_self_referencing_rule_file_stops_the_run_naming_it(cli: Any, tmp_path: Path, text: str) -> None:
    (tmp_path / "styles.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('rules = ["styles.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    result = cli("check", "--config", tmp_path / "copydesk.toml", tmp_path / "a.md")
    assert result.code == 2
    assert "styles.yaml:" in result.err and "an alias refers to a value that holds it" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("styles.yaml", "- id: x\n  use: y\n  instead_of: [z]\n"),  # a bare list: terms? names?
        ("styles.yaml", "foo:\n  - 1\n"),
        ("styles.yaml", "terms: []\nnames: []\n"),  # two kinds in one file
    ],
)
def test_a_rule_file_whose_kind_cannot_be_told_is_a_mistake(cli: Any, tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text(f'rules = ["{name}"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    result = cli("check", "--config", tmp_path / "copydesk.toml", tmp_path / "a.md")
    assert result.code == 2
    assert f"{tmp_path / name}: cannot tell what kind of rule file this is" in result.err


def test_a_rule_file_of_a_known_kind_is_read(cli: Any, tmp_path: Path) -> None:
    text = "terms:\n  - id: budget\n    use: plan\n    instead_of: [budget]\n"
    (tmp_path / "house.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('rules = ["house.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    result = cli("check", "--format", "json", "--config", tmp_path / "copydesk.toml", tmp_path / "a.md")
    assert result.code == 1, result.err
    assert any(d["rule"].startswith("terms.") and "plan" in d["message"] for d in result.diagnostics)


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidi_overrides_are_shown_escaped_in_the_terminal(cli: Any, tmp_path: Path, char: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(GOOD.replace("goverment", f"gover{char}ment"), encoding="utf-8")
    result = cli("check", "--no-color", path)
    assert char not in result.out
    assert f"\\u{ord(char):04x}" in result.out


def test_the_names_report_escapes_control_characters(cli: Any, tmp_path: Path) -> None:
    for i, name in enumerate(["Aliyev", "Aliyev", "Ali\x1b[2Jyev"]):
        text = f"---\ntitle: Talks {i}\n---\n\nPresident {name} met President {name} in Baku on Monday.\n"
        (tmp_path / f"{i}.md").write_text(text, encoding="utf-8")
    result = cli("names", tmp_path)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out


def test_a_lone_surrogate_in_text_from_an_editor_is_one_finding_at_its_place() -> None:
    """An editor's buffer (the language server) can hold half a UTF-16 pair, which no file can."""
    import io

    from lint.config import Config
    from lint.readers import read_text
    from lint.report import REPORTERS
    from lint.run import Result, check_articles

    bad = read_text("bad.md", "---\ntitle: A\n---\n\nThe go\udb2dverment met.\n", "markdown")
    good = read_text("good.md", "---\ntitle: Good\n---\n\nThe goverment met.\n", "markdown")
    result = Result(check_articles([bad, good], Config()), [bad, good], [])
    mine = [(d.rule, d.line, d.column, d.message) for d in result.diagnostics if d.path == "bad.md"]
    assert mine == [
        ("schema.syntax", 5, 7, "U+DB2D is half of a character (a lone surrogate), not text: the file is not checked")
    ]
    assert any(d.path == "good.md" and d.rule == "spelling.unknown" for d in result.diagnostics)
    for name, report in REPORTERS.items():
        stream = io.StringIO()
        report(result, stream, False)
        stream.getvalue().encode("utf-8")  # strict: every format writes it
        assert "good.md" in stream.getvalue(), name


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(cli: Any, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "site"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.md")  # a Latin-1 name on a UTF-8 system: Python holds \udce9
    (folder / name).write_text("---\ntitle: Cafe\n---\n\nThe goverment met.\n", encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github", "gitlab", "html"):
        result = cli("check", "--format", fmt, folder)
        assert result.code == 1, (fmt, result.err)
        result.out.encode("utf-8")
        assert "caf" in result.out and "Traceback" not in result.err
