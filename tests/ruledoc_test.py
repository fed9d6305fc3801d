"""``copydesk rules RULE``: every rule documented, and every example true of copydesk as it is.

Each example of ``lint/ruledoc/rules.yaml`` is piped into ``copydesk check - --stdin-filename NAME
--format json`` (in this process, through :func:`lint.cli.main`), in a folder that holds only the
rule's setup files: a failing example must draw exactly the findings its entry lists of that
rule (place, message, fix and its safety), a passing example none of that rule.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from lint import ruledoc
from lint.checks import rule_table
from lint.cli import main
from lint.readers.markdown import split_front_matter
from lint.resources import schema_path
from lint.ruledoc import Example, RuleDoc, render

DOCS = ruledoc.documentation()


def check_example(rule: str, setup: dict[str, str], explain: bool, name: str, text: str, folder: Path) -> list[Any]:
    """The JSON diagnostics of ``rule`` that ``copydesk check -`` gives for ``text`` named ``name`` in
    ``folder`` (which gets the setup files)."""
    for file, content in setup.items():
        (folder / file).write_text(content, encoding="utf-8")
    args = ["check", "-", "--stdin-filename", str(folder / name), "--format", "json", "--no-cache"]
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, *(["--explain"] if explain else [])])
    finally:
        sys.stdin = stdin
    assert code in (0, 1), err.getvalue()
    return [d for d in json.loads(out.getvalue())["diagnostics"] if d["rule"] == rule]


def run(doc: RuleDoc, example: Example, folder: Path, text: str | None = None) -> list[Any]:
    if doc.needs:
        pytest.importorskip(doc.needs, reason=f"the examples of {doc.rule} need {doc.needs}")
    return check_example(doc.rule, doc.setup, doc.explain, example.name, example.text if text is None else text, folder)


def shown(found: list[Any]) -> list[tuple[int, int, str, str, Any, Any]]:
    return [
        (
            d["line"],
            d["column"],
            d["severity"],
            d["message"],
            d["fix"] and d["fix"]["replacement"],
            d["fix"] and d["fix"]["applicability"],
        )
        for d in found
    ]


FAILING = [(r, n) for r, d in sorted(DOCS.items()) for n in range(len(d.fails))]
PASSING = [(r, n) for r, d in sorted(DOCS.items()) for n in range(len(d.passes))]


def test_every_rule_is_documented_and_nothing_else() -> None:
    assert set(DOCS) == set(rule_table())


def test_the_data_file_validates_and_ships_in_the_wheel() -> None:
    import tomllib

    assert schema_path("ruledoc.schema.json").is_file()
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "lint" in pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]  # lint/ruledoc/rules.yaml
    assert ruledoc.DATA.is_file() and ruledoc.DATA.parent.name == "ruledoc"


@pytest.mark.parametrize(("rule", "n"), FAILING)
def test_a_failing_example_draws_the_findings_it_shows(rule: str, n: int, tmp_path: Path) -> None:
    doc = DOCS[rule]
    example = doc.fails[n]
    expected = [
        (
            f.line,
            f.column,
            doc.level.value,
            f.message,
            f.fix,
            None if f.fix is None else ("safe" if f.safe else "unsafe"),
        )
        for f in example.findings
    ]
    assert shown(run(doc, example, tmp_path)) == expected


@pytest.mark.parametrize(("rule", "n"), PASSING)
def test_a_passing_example_draws_no_finding_of_its_rule(rule: str, n: int, tmp_path: Path) -> None:
    doc = DOCS[rule]
    assert run(doc, doc.passes[n], tmp_path) == []


def _suppressed(form: str, rule: str, example: Example, found: list[Any]) -> str:
    """The example's text with the suppression ``form`` of ``rule`` written in."""
    text = example.text
    if form == "metadata":
        if text.startswith("---\n"):
            return "---\n" + f"copydesk: {{ignore: [{rule}]}}\n" + text[4:]
        return f"---\ncopydesk: {{ignore: [{rule}]}}\n---\n" + text
    if form == "comment":
        body = split_front_matter(text)[3]
        return text[:body] + f"<!-- copydesk-disable {rule} -->\n" + text[body:]
    lines = text.split("\n")  # sic: right after each word reported, the last first
    for d in sorted(found, key=lambda d: (d["end_line"], d["end_column"]), reverse=True):
        line = lines[d["end_line"] - 1]
        lines[d["end_line"] - 1] = line[: d["end_column"] - 1] + " [sic]" + line[d["end_column"] - 1 :]
    return "\n".join(lines)


INLINE = [(r, form) for r, d in sorted(DOCS.items()) for form in d.inline]


@pytest.mark.parametrize(("rule", "form"), INLINE)
def test_each_suppression_the_documentation_names_silences_the_rule(rule: str, form: str, tmp_path: Path) -> None:
    doc = DOCS[rule]
    markdown = [e for e in doc.fails if e.name.endswith(".md")]
    assert markdown, f"{rule}: no Markdown example to try {form} on"
    left = []  # a suppression silences the findings of one place: of the rule's examples, one it covers
    for n, example in enumerate(markdown):
        (tmp_path / f"{n}-before").mkdir()
        (tmp_path / f"{n}-after").mkdir()
        found = run(doc, example, tmp_path / f"{n}-before")
        assert found
        left.append(run(doc, example, tmp_path / f"{n}-after", _suppressed(form, rule, example, found)))
    assert [] in left, f"{rule}: {form} silences no example: {left}"


def test_ignore_silences_every_rule_as_documented(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = DOCS["spelling.unknown"]
    article = tmp_path / "article.md"
    article.write_text(doc.fails[0].text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ways = dict((where, write) for write, where in render.turn_off(doc))
    assert ways["one run"] == "copydesk check --ignore spelling.unknown"
    assert [d["rule"] for d in cli("check", "--format", "json", "article.md").diagnostics].count("spelling.unknown")
    found = cli("check", "--format", "json", "--ignore", "spelling.unknown", "article.md").diagnostics
    assert "spelling.unknown" not in [d["rule"] for d in found]
    (tmp_path / "copydesk.toml").write_text(
        ways["every run, in copydesk.toml ([tool.copydesk] in pyproject.toml)"] + "\n"
    )
    assert "spelling.unknown" not in [d["rule"] for d in cli("check", "--format", "json", "article.md").diagnostics]


# ---- the command line ------------------------------------------------------------------------


def test_one_rule_in_text(cli: Any) -> None:
    result = cli("rules", "spelling.unknown")
    assert result.code == 0
    out = result.out
    assert out.startswith(
        "spelling.unknown  (error)\n\nA word no dictionary knows and nothing in the article vouches for.\n\n"
        "What it checks\n  A word that no dictionary knows"
    )
    assert (
        "Level and configuration\n  error by default. Set another level (error, warning or info) in copydesk.toml\n"
        "  ([tool.copydesk.severity] in pyproject.toml):\n"
        '      [severity]\n      "spelling.unknown" = "warning"\n'
    ) in out
    assert (
        "Fails (1 of 2): article.md\n"
        "      The council met and the goverment announced a new budget.\n"
        "  copydesk reports (this rule's findings):\n"
        "    article.md:1:25: error spelling.unknown 'goverment' is not a known word; did you mean 'government'?\n"
        "      fix (safe: applied by --fix): government\n"
    ) in out
    assert "fix (unsafe: applied only with --unsafe-fixes): Facts" in out
    assert "Passes (1 of 3): article.md\n      The council met and the government announced a new budget.\n" in out
    assert "\nFix safety\n  Safe only when no reading of the word is plausible but the slip" in out
    assert (
        "Turning it off\n"
        "  one run:\n      copydesk check --ignore spelling.unknown\n"
        '  every run, in copydesk.toml ([tool.copydesk] in pyproject.toml):\n      ignore = ["spelling.unknown"]\n'
        "  the whole spelling check, in copydesk.toml:\n      [checks]\n      spelling = false\n"
    ) in out
    assert "      <!-- copydesk-disable-next-line spelling.unknown -->\n" in out
    assert "      copydesk: {ignore: [spelling.unknown]}\n" in out
    assert "      [sic]\n" in out


def test_a_rule_without_inline_suppression_says_none(cli: Any) -> None:
    out = cli("rules", "schema.syntax").out
    assert "copydesk-disable" not in out and "copydesk: {ignore" not in out
    assert "No suppression inside the article can silence it" in out


def test_a_prefix_lists_its_rules(cli: Any) -> None:
    result = cli("rules", "spelling")
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()] == [
        "spelling.accepted",
        "spelling.rejected",
        "spelling.unknown",
        "spelling.variant",
    ]
    assert result.out.splitlines()[2] == (
        "spelling.unknown   error    A word no dictionary knows and nothing in the article vouches for."
    )
    rows = cli("rules", "placeholder", "--format", "json").json
    assert {r["rule"] for r in rows} == {r for r in rule_table() if r.startswith("placeholder.")}


@pytest.mark.parametrize(
    ("query", "nearest"),
    (
        ("spelling.unknwn", "spelling.unknown"),
        ("speling", "spelling"),
        ("names.glosary", "names.glossary"),
        ("schema.zzz", "schema"),
    ),
)
def test_an_unknown_rule_exits_2_naming_the_nearest(cli: Any, query: str, nearest: str) -> None:
    result = cli("rules", query)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"copydesk: no rule is called {query!r}; the nearest: {nearest}, ")
    assert result.err.endswith(". 'copydesk rules' lists every rule\n")


def test_the_unknown_rule_message_in_full(cli: Any) -> None:
    assert cli("rules", "names.glosary").err == (
        "copydesk: no rule is called 'names.glosary'; the nearest: names.glossary, names.archive. "
        "'copydesk rules' lists every rule\n"
    )


def test_an_unknown_rule_far_from_every_id_lists_the_checks(cli: Any) -> None:
    err = cli("rules", "qqqq").err
    assert "no rule is called 'qqqq' (checks: grammar, limits, names, placeholder, schema, sources, spelling" in err


def test_one_rule_in_json(cli: Any) -> None:
    result = cli("rules", "terms.substitution", "--format", "json")
    assert result.code == 0
    data = result.json
    assert data["rule"] == "terms.substitution" and data["level"] == "warning"
    first = data["examples"]["fail"][0]
    assert first["name"] == "article.md" and first["text"] == "The Israelian delegation arrived on Monday.\n"
    assert first["findings"] == [
        {
            "line": 1,
            "column": 5,
            "severity": "warning",
            "message": "'Israelian': house style is 'Israeli' (the adjective and demonym of Israel)",
            "fix": {"replacement": "Israeli", "applicability": "safe"},
        }
    ]
    assert data["examples"]["fail"][2]["findings"][0]["fix"]["applicability"] == "unsafe"
    assert data["fix_safety"].startswith("Safe for the errors the file lists")
    assert {"write": "copydesk check --ignore terms.substitution", "where": "one run"} in data["turn_off"]
    assert data["examples"]["pass"] == [{"name": "article.md", "text": "The Israeli delegation arrived on Monday.\n"}]


@pytest.mark.parametrize("rule", sorted(DOCS))
def test_every_rule_prints_in_text_and_json(cli: Any, rule: str) -> None:
    text = cli("rules", rule)
    assert text.code == 0 and text.out.startswith(f"{rule}  (") and "Turning it off" in text.out
    assert cli("rules", rule, "--format", "json").json["rule"] == rule


# ---- Markdown for the language server's hover -----------------------------------------------


def test_markdown_of_one_rule() -> None:
    md = ruledoc.markdown("spelling.unknown")
    assert md.startswith("### `spelling.unknown` (error)\n\nA word that no dictionary knows and that nothing in")
    assert "**Fails** (`article.md`):\n\n```markdown\nThe council met and the goverment announced" in md
    assert (
        "- 1:25: 'goverment' is not a known word; did you mean 'government'? — fix (safe: applied by --fix): government"
        in md
    )
    assert "- `copydesk check --ignore spelling.unknown`: one run" in md
    assert md.count("```") % 2 == 0


def test_markdown_fences_hold_backticks_in_an_example() -> None:
    assert render._fence("a ``` b\n") == "````\na ``` b\n````"


def test_markdown_of_an_unknown_rule_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match=re.escape("spelling.unknown")):
        ruledoc.markdown("spelling.unknwn")
    with pytest.raises(ruledoc.UnknownRule):
        ruledoc.markdown("grammar.HE_VERB_AGR")  # a LanguageTool id: no documentation of its own


def test_a_mistake_in_the_data_file_is_reported_with_its_line(tmp_path: Path) -> None:
    from lint.errors import FatalError
    from lint.rules import load_yaml

    bad = tmp_path / "rules.yaml"
    bad.write_text(
        "ruledoc:\n  - rule: spelling.unknown\n    checks: x\n    fix: y\n    examples:\n      fail:\n"
        "        - text: a\n          findings:\n            - at: 1:5\n"
        "              message: m\n      pass: [{text: b}]\n",
        encoding="utf-8",
    )
    with pytest.raises(FatalError, match=re.escape(":9:")):
        load_yaml(bad, "ruledoc")
