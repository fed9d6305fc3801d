"""The sources check: every article says where its facts come from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint.article import Article
from lint.checks import sources
from lint.config import Config
from lint.diagnostics import Finding, Severity
from lint.readers import read_path, read_text
from lint.run import Run
from lint.text import LineIndex
from tests.conftest import SEEDS

BODY = "The council voted 7-2 on Thursday to build the bike lanes."
LISTED = ['"https://example.org/council/minutes"']


def markdown(body: str = BODY, source_lines: list[str] | None = None) -> Article:
    lines = ["---", 'title: "Council approves bike lanes"', "date: 2026-03-14"]
    if source_lines is not None:
        lines += ["sources:", *(f"  - {s}" for s in source_lines)] if source_lines else ["sources: []"]
    return read_text("article.md", "\n".join([*lines, "---", "", body, ""]), "markdown")


def findings(article: Article) -> list[Finding]:
    return list(sources.check(article, Run(Config())))


def place(article: Article, f: Finding) -> tuple[str, int, int, str]:
    line, col = LineIndex(article.source).position(f.start)
    return f.rule, line, col, article.source[f.start : f.end]


@pytest.mark.parametrize(
    ("article", "message"),
    (
        (markdown(), "front matter"),
        (read_text("a.md", "# Bike lanes\n\nThe council voted.\n", "markdown"), "Sources"),
        (read_text("a.json", json.dumps({"title": "Bike lanes", "body": BODY}), "json"), '"sources"'),
        (read_text("a.txt", "Bike lanes\n14/3/26\n\n" + BODY + "\n", "text"), "“sources” section"),
    ),
)
def test_no_sources_at_all_is_one_finding_at_the_start_saying_where_to_add_them(article: Article, message: str) -> None:
    (f,) = findings(article)
    assert f.rule == "sources.missing"
    assert LineIndex(article.source).position(f.start) == (1, 1)
    assert message in f.message


def test_an_empty_list_points_at_its_key() -> None:
    article = markdown(source_lines=[])
    assert [place(article, f) for f in findings(article)] == [("sources.empty", 4, 1, "sources")]


def test_an_empty_json_list_points_at_its_key() -> None:
    source = json.dumps({"title": "Bike lanes", "sources": [], "body": BODY}, indent=2)
    article = read_text("a.json", source, "json")
    assert [place(article, f) for f in findings(article)] == [("sources.empty", 3, 3, '"sources"')]


def test_seed_000_empty_sources_section_points_at_its_heading() -> None:
    article = read_path(SEEDS / "000_18c8a299e144d0a2.txt")
    assert [place(article, f) for f in findings(article)] == [("sources.empty", 27, 1, "sources")]


def test_an_empty_markdown_sources_section_points_at_its_heading() -> None:
    article = markdown(body=BODY + "\n\n## Sources\n\n## Related\n\nMore to read.")
    assert [place(article, f)[:3] for f in findings(article)] == [("sources.empty", 8, 1)]


@pytest.mark.parametrize(
    "section",
    (
        "## Sources\n\n- [Council minutes](https://example.org/minutes)",
        "## References\n\n1. Harbour Street traffic count, City of Westport, 2025",
        "Source: City council minutes, 13 March 2026",
    ),
)
def test_a_sources_section_in_a_markdown_body_counts(section: str) -> None:
    assert findings(markdown(body=BODY + "\n\n" + section)) == []


@pytest.mark.parametrize(
    ("entry", "bad"),
    (
        ('"TBD"', True),
        ('"link here"', True),
        ('"Link here"', True),
        ('"see above"', True),
        ('"sources"', True),
        ('"N/A"', True),
        ('"—"', True),
        ('"[insert link]"', True),
        ('"the internet"', True),
        ('"reuters report"', True),  # no name: lowercase, no date
        ('"Jerusalem Post, 26 January 2026"', False),
        ('"Reuters report"', False),
        ('"Interview with Deputy Mayor Tomás Herrera"', False),
        ('"https://example.org/report.pdf"', False),
        ('"www.example.org/report"', False),
        ('"doi:10.1145/362384.362685"', False),
        ('{title: "Annual report", url: "https://example.org/r.pdf"}', False),
    ),
)
def test_entries_that_are_neither_link_nor_citation(entry: str, bad: bool) -> None:
    article = markdown(source_lines=[entry])
    got = [place(article, f) for f in findings(article)]
    if bad:  # on the value, not on its quotes
        quoted = entry.startswith('"')
        assert got == [("sources.invalid", 5, 6 if quoted else 5, entry[1:-1] if quoted else entry)]
    else:
        assert got == []


def test_attributions_count_when_every_listed_source_is_invalid() -> None:
    article = markdown(body="Reports indicate the talks will continue.", source_lines=['"see above"'])
    assert [f.rule for f in findings(article)] == ["sources.invalid", "sources.unattributed"]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    (
        ("The visit is on. (Jerusalem Post attribution)", "(Jerusalem Post attribution)"),
        ("The talks failed, according to local media reports.", "according to local media reports"),
        ("Reports indicate the talks will continue.", "Reports indicate"),
        ("Officials suggest more details will follow.", "Officials suggest"),
        ("Prices rose again. (Source: wire services)", "(Source: wire services)"),
        ("The talks will resume next week (Reuters).", "(Reuters)"),
        ("Sources say the minister will resign.", "Sources say"),
        ("Local media reported a second blast.", "Local media reported"),
        ("The plant will close, according to the company.", "according to the company"),
        # not attributions
        ("The work went according to plan.", None),
        ("The Associated Press (AP) style guide was updated.", None),
        ("Officials met on Monday to agree the budget.", None),
        ("According to [the council minutes](https://example.org/minutes), the vote was 7-2.", None),
        ("Reports indicate a fall, says a [new study](https://example.org/study).", None),
        ("Use `according to reports` as an example.", None),
    ),
)
def test_attributions_in_an_article_without_sources(sentence: str, phrase: str | None) -> None:
    article = markdown(body=sentence)
    got = [place(article, f)[3] for f in findings(article) if f.rule == "sources.unattributed"]
    assert got == ([phrase] if phrase else [])


@pytest.mark.parametrize(
    "sentence",
    (
        "The talks failed, according to local media reports.",
        "Reports indicate the talks will continue. (Reuters)",
        "Sources say the minister will resign.",
    ),
)
def test_attributions_are_fine_when_the_article_lists_a_source(sentence: str) -> None:
    assert findings(markdown(body=sentence, source_lines=LISTED)) == []


def test_attributions_are_found_in_faq_answers_too() -> None:
    source = "\n".join(
        [
            "---",
            "title: Bike lanes",
            "faq:",
            '  - question: "Who decided?"',
            '    answer: "The council, according to local media reports."',
            "---",
            "",
            BODY,
        ]
    )
    article = read_text("a.md", source, "markdown")
    got = [place(article, f) for f in findings(article) if f.rule == "sources.unattributed"]
    assert got == [("sources.unattributed", 5, 27, "according to local media reports")]


def test_seed_004_missing_sources_and_its_unlinked_attributions() -> None:
    article = read_path(SEEDS / "004_95c60ba5b8cee6dd.txt")
    got = [place(article, f) for f in findings(article)]
    assert got[0][:3] == ("sources.missing", 1, 1)
    assert ("sources.unattributed", 6, 524, "(Jerusalem Post attribution)") in got
    assert {g[3] for g in got[1:]} == {"Officials suggest", "Reports indicate", "(Jerusalem Post attribution)"}


def test_severities() -> None:
    assert sources.RULES["sources.missing"][0] == Severity.ERROR
    assert sources.RULES["sources.empty"][0] == Severity.ERROR
    assert sources.RULES["sources.invalid"][0] == Severity.ERROR
    assert sources.RULES["sources.unattributed"][0] == Severity.WARNING


def test_real_articles_with_sources_draw_nothing() -> None:
    source = "\n".join(
        [
            "---",
            'title: "Council approves bike lanes"',
            "sources:",
            '  - title: "City council minutes, 13 March 2026"',
            '    url: "https://example.org/council/minutes/2026-03-13"',
            '  - "Interview with Deputy Mayor Tomás Herrera, 13 March 2026"',
            "---",
            "",
            "About forty spaces will move, according to the council's transport plan. Officials suggest",
            "the work will take four months.",
        ]
    )
    assert findings(read_text("a.md", source, "markdown")) == []


def test_unreadable_metadata_is_not_also_missing_sources() -> None:
    article = read_text("a.md", '---\ntitle: "unclosed\n---\n\nReports indicate a deal.\n', "markdown")
    assert article.problems
    assert findings(article) == []


# -- through the command line: what an editor sees ------------------------------------------------


def cli_rows(cli: Any, path: Path, *args: str) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, the text under the finding) of the sources findings for ``path``."""
    result = cli("check", "--format", "json", "--select", "sources", *args, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for d in result.diagnostics:
        line = lines[d["line"] - 1]
        end = d["end_column"] if d["end_line"] == d["line"] else len(line) + 1
        out.append((d["rule"], d["line"], d["column"], line[d["column"] - 1 : end - 1]))
    return out


def post(tmp_path: Path, *front_lines: str, body: str = BODY) -> Path:
    path = tmp_path / "post.md"
    lines = ["---", "title: Bike lanes", "date: 2026-03-14", *front_lines, "---", "", body, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("front_lines", "expected"),
    (
        # a slug into the site's own registry is a reference, not an invalid citation
        (('source: "doj"',), []),
        (("source: doj",), []),
        (("sources: [doj, gsa-18f]",), []),
        (("sources:", "  - 'usds'"), []),
        # other keys of the site are never citations
        (("sources: [doj]", "authors: [porta]", "agency: gsa", "component: civil-rights"), []),
        # stand-ins stay invalid, pointed at the value and not at its quote
        (('source: "tbd"',), [("sources.invalid", 4, 10, "tbd")]),
        (("source: 'see above'",), [("sources.invalid", 4, 10, "see above")]),
        (('sources: ["\\"TBD\\""]',), [("sources.invalid", 4, 12, '\\"TBD\\"')]),
        (("sources: ['link ''here''']",), [("sources.invalid", 4, 12, "link ''here''")]),
        (("sources: ['''TBD''']",), [("sources.invalid", 4, 12, "''TBD''")]),  # begins with a quote
        (('sources: ["reuters report"]',), [("sources.invalid", 4, 12, "reuters report")]),
    ),
)
def test_slugs_are_references_and_findings_point_at_the_value(
    cli: Any, tmp_path: Path, front_lines: tuple[str, ...], expected: list[tuple[str, int, int, str]]
) -> None:
    assert cli_rows(cli, post(tmp_path, *front_lines)) == expected


def test_an_invalid_citation_gets_an_example_that_fits_any_site(cli: Any, tmp_path: Path) -> None:
    result = cli("check", "--format", "json", "--select", "sources", post(tmp_path, "sources: [TBD]"))
    (d,) = result.diagnostics
    assert d["message"] == (
        "“TBD” names no source: give a link, or a citation naming who published it and when (“Publisher, title, date”)."
    )


@pytest.mark.parametrize(
    ("keys", "front_lines", "expected"),
    (
        # the configured key is read ...
        ('["citations"]', ("citations: [TBD]",), [("sources.invalid", 4, 13, "TBD")]),
        ('["citations"]', ("citations: [https://example.org/a]",), []),
        # ... and the default ones are not: "source" here is the site's component
        ('["citations"]', ("source: TBD",), [("sources.missing", 1, 1, "---")]),
        # the first key present wins
        ('["citations", "sources"]', ("sources: [TBD]", "citations: [https://example.org/a]"), []),
    ),
)
def test_the_keys_that_hold_citations_are_configurable(
    cli: Any, tmp_path: Path, keys: str, front_lines: tuple[str, ...], expected: list[tuple[str, int, int, str]]
) -> None:
    config = tmp_path / "copydesk.toml"
    config.write_text(f"[sources]\nkeys = {keys}\n", encoding="utf-8")
    assert cli_rows(cli, post(tmp_path, *front_lines), "--config", str(config)) == expected


@pytest.mark.parametrize(
    ("keys", "message"),
    (
        ("[]", "2:8: sources.keys: [] should be non-empty"),
        ('"sources"', "2:9: sources.keys: should be a list, not the string 'sources'"),
        ('[""]', "2:9: sources.keys[0]: is empty"),
    ),
)
def test_a_bad_keys_setting_stops_the_run(cli: Any, tmp_path: Path, keys: str, message: str) -> None:
    config = tmp_path / "copydesk.toml"
    config.write_text(f"[sources]\nkeys = {keys}\n", encoding="utf-8")
    result = cli("check", "--config", config, post(tmp_path))
    assert result.code == 2
    assert f"copydesk.toml:{message}\n" in result.err


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        # credits are not claims
        ("Reported by Keita Yamaguchi.", []),
        ("Reported by Keita Yamaguchi and Ann Lee in Tokyo.", []),
        ("*Written by Ann Lee. Thanks to the team at Acme Inc. for the photos.*", []),
        ("Contributed by Bob Hart.", []),
        ("Thanks to Dr. Watts, according to whom the data was shared.", []),
        ("Photo: Reuters", []),
        ("The bridge at dawn (Credit: wire services).", []),
        ("The bridge at dawn (Photo: Reuters/Reported by Jo Bloggs).", []),
        # a linked attribution has its source
        ("The audit, [according to the GAO](https://gao.gov/products/x), found gaps.", []),
        ('The audit, <a href="https://gao.gov/x">according to the GAO</a>, found gaps.', []),
        # a credit ends at its comma: the claim after it is still one
        (
            "Thanks to the team, officials suggest more will follow.",
            [("sources.unattributed", 6, 21, "officials suggest")],
        ),
        ("It was reported by the Guardian.", [("sources.unattributed", 6, 1, "It was reported")]),
        # abbreviations do not end the sentence
        ("According to Dr. Watts, the plan works.", [("sources.unattributed", 6, 1, "According to Dr. Watts")]),
        ("The plan works, according to Mr. Li.", [("sources.unattributed", 6, 17, "according to Mr. Li")]),
        (
            "Growth slowed, according to the U.S. Census Bureau.",
            [("sources.unattributed", 6, 16, "according to the U.S. Census Bureau")],
        ),
        ("According to Prof. Li, it works.", [("sources.unattributed", 6, 1, "According to Prof. Li")]),
        # the sentence of a link runs past an abbreviation
        ("According to Dr. Watts of [the institute](https://example.org/i), it works.", []),
        ("According to St. Mary's [annual report](https://example.org/r), it grew.", []),
        # ... and a link in the next sentence is not this one's
        (
            "Officials suggest a rise at 9 a.m. The [minutes](https://example.org/m) follow.",
            [("sources.unattributed", 6, 1, "Officials suggest")],
        ),
    ),
)
def test_credits_links_and_abbreviations(
    cli: Any, tmp_path: Path, body: str, expected: list[tuple[str, int, int, str]]
) -> None:
    got = cli_rows(cli, post(tmp_path, body=body))
    assert got[0][0] == "sources.missing"
    assert got[1:] == expected


def test_a_real_jekyll_post_with_a_tag_string_and_a_source_slug_is_clean(cli: Any, tmp_path: Path) -> None:
    """An 18F post (tests/fixtures/schema/18f, CC0) written the other ways Jekyll allows."""
    real = Path(__file__).parent / "fixtures" / "schema" / "18f" / "2015-03-19-18f-by-the-numbers.md"
    text = real.read_text(encoding="utf-8")
    text = text.replace("tags:\n- how we work\n", 'tags: how-we-work culture\nsource: "gsa"\nagency: gsa\n')
    text = text.replace("authors:\n- melody\n- kate\n- erica\n", "authors: melody\n")
    assert 'source: "gsa"' in text and "authors: melody" in text
    path = tmp_path / real.name
    path.write_text(text, encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "schema,sources", path)
    assert result.diagnostics == []
