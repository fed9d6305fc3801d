"""The sources check: every article says where its facts come from."""

from __future__ import annotations

import json

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
