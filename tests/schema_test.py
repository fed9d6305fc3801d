"""The schema check: every metadata problem, placed on its key or value, in an editor's words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint.article import Article
from lint.checks import schema
from lint.config import Config
from lint.errors import FatalError
from lint.readers import read_path, read_text
from lint.run import check_articles

FIXTURES = Path(__file__).parent / "fixtures" / "schema"

Row = tuple[str, int, int, str]


def findings(source: str, kind: str = "markdown", **settings: Any) -> list[Row]:
    """(rule, line, column, message) of the schema findings for one article."""
    ext = {"markdown": "md", "json": "json", "text": "txt"}[kind]
    article = read_text(f"article.{ext}", source, kind)
    return rows(article, **settings)


def rows(article: Article, **settings: Any) -> list[Row]:
    config = Config(select=("schema",), **settings)
    return [(d.rule, d.line, d.column, d.message) for d in check_articles([article], config)]


def front(*lines: str) -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\nThe body.\n"


OK = ("title: Council votes on the budget", "date: 2021-03-05")


@pytest.mark.parametrize(
    ("source", "expected"),
    (
        pytest.param(
            front("date: 2021-03-05"),
            [("schema.required", 1, 1, "title is missing: every article needs a headline")],
            id="missing-title",
        ),
        pytest.param(
            front("title: Budget"),
            [("schema.required", 1, 1, "date is missing: add the publication date (YYYY-MM-DD)")],
            id="missing-date",
        ),
        pytest.param(
            front("author: Ana Ruiz"),
            [
                (
                    "schema.required",
                    1,
                    1,
                    "title and date are missing: every article needs a headline; add the publication date (YYYY-MM-DD)",
                )
            ],
            id="missing-title-and-date",
        ),
        pytest.param(
            front(*OK, "faq:", "  - {}"),
            [
                (
                    "schema.required",
                    5,
                    5,
                    "FAQ 1: question and answer are missing",
                )
            ],
            id="faq-item-empty",
        ),
        pytest.param(
            front("title: Budget", "date: 32/13/2021"),
            [("schema.format", 3, 7, "date: '32/13/2021' is not a date (expected YYYY-MM-DD)")],
            id="day-and-month-out-of-range",
        ),
        pytest.param(
            front("title: Budget", "date: yesterday"),
            [("schema.format", 3, 7, "date: 'yesterday' is not a date (expected YYYY-MM-DD)")],
            id="yesterday",
        ),
        pytest.param(
            front("title: Budget", "date: March 5th"),
            [("schema.format", 3, 7, "date: 'March 5th' is not a date (expected YYYY-MM-DD)")],
            id="no-year",
        ),
        pytest.param(
            front("title: Budget", "date: 2021-02-30"),
            [("schema.format", 3, 7, "date: '2021-02-30' is not a real date (February 2021 has 28 days)")],
            id="february-30",
        ),
        pytest.param(
            front("title: Budget", 'date: "2021-13-01"'),
            [("schema.format", 3, 8, "date: '2021-13-01' is not a real date (there is no month 13)")],
            id="month-13",
        ),
        pytest.param(
            front("title: Budget", "date: 2021"),
            [("schema.type", 3, 7, "date: the number 2021 is not a date (expected YYYY-MM-DD)")],
            id="date-as-number",
        ),
        pytest.param(
            front(*OK, "faq:", "  - question: Who?", "    answer: Them.", "  - question: When?", "    answer: 42"),
            [("schema.type", 8, 13, "FAQ 2, answer: should be text, not the number 42")],
            id="faq-answer-number",
        ),
        pytest.param(
            front(*OK, "faq:", "  - question: Who?"),
            [("schema.required", 5, 5, "FAQ 1, answer is missing: every FAQ entry needs an answer")],
            id="faq-answer-missing",
        ),
        pytest.param(
            front(*OK, "faq:", '  - question: ""', "    answer: Them."),
            [("schema.empty", 5, 15, "FAQ 1, question is empty")],
            id="faq-question-empty",
        ),
        pytest.param(
            front('title: ""', "date: 2021-03-05"),
            [("schema.empty", 2, 8, "title is empty: every article needs a headline")],
            id="title-empty",
        ),
        pytest.param(
            front("title:", "date: 2021-03-05"),
            [("schema.empty", 2, 1, "title is empty: every article needs a headline")],
            id="title-without-value",
        ),
        pytest.param(
            front(*OK, "author: 42"),
            [("schema.type", 4, 9, "author: should be text or a list, not the number 42")],
            id="author-number",
        ),
        pytest.param(
            front(*OK, "author: [Ana Ruiz, 7]"),
            [("schema.type", 4, 20, "author 2: should be text, not the number 7")],
            id="author-list-item",
        ),
        pytest.param(
            front(*OK, "tags: {politics: true}"),
            [("schema.type", 4, 7, "tags: should be text or a list, not a set of fields (politics)")],
            id="tags-not-a-list",
        ),
        pytest.param(
            front(*OK, "sources:", "  - title: The report"),
            [("schema.required", 5, 5, "source 1, url is missing: add the link")],
            id="source-without-url",
        ),
        pytest.param(
            front(*OK, "sources: 42"),
            [("schema.type", 4, 10, "sources: should be a list, not the number 42")],
            id="sources-number",
        ),
        pytest.param(
            front(*OK, "sources:", "  - https://example.org/report", "  - true"),
            [("schema.type", 6, 5, "source 2: should be text or a set of fields, not the value true")],
            id="source-item-boolean",
        ),
    ),
)
def test_markdown_front_matter(source: str, expected: list[Row]) -> None:
    assert findings(source) == expected


@pytest.mark.parametrize(
    "date",
    (
        "2021-03-05",
        "'2021-03-05'",
        "2021-03-05T14:30:00Z",
        "'2014-03-12T10:11:00-04:00'",
        "2020-07-07T00:00:00.000Z",
        "2015-03-17 10:00:00 -4",  # Jekyll, and a YAML timestamp
        "2016-03-23 9:00:00 -4",
        "2021-03-05 14:30",
        "2016-12-31T23:59:60Z",  # a leap second
    ),
)
def test_dates_that_are_dates(date: str) -> None:
    assert findings(front("title: Budget", f"date: {date}")) == []


def test_every_problem_is_reported_in_file_order() -> None:
    source = front("date: 32/13/2021", "author: 42", "faq:", "  - question: Who?", "    answer: 42", "  - answer: x")
    assert [(rule, line) for rule, line, _, _ in findings(source)] == [
        ("schema.required", 1),  # title, at the front matter's opening line
        ("schema.format", 2),
        ("schema.type", 3),
        ("schema.type", 6),
        ("schema.required", 7),  # FAQ 2 has no question
    ]


def test_json_article_places_the_value() -> None:
    source = json.dumps({"title": "Budget", "date": "2021-02-30", "faq": [{"question": "Q?", "answer": 42}]}, indent=2)
    assert findings(source, "json") == [
        ("schema.format", 3, 12, "date: '2021-02-30' is not a real date (February 2021 has 28 days)"),
        ("schema.type", 7, 17, "FAQ 1, answer: should be text, not the number 42"),
    ]


def test_article_without_a_located_tree_falls_back_to_the_first_character() -> None:
    article = Article("article.txt", "\n  Budget talks\n\nThe council met.\n", "text", meta={"title": "Budget talks"})
    assert rows(article) == [("schema.required", 2, 3, "date is missing: add the publication date (YYYY-MM-DD)")]


# -- one defect, one finding: empty sources and empty answers belong to other checks ---------


@pytest.mark.parametrize(
    ("lines", "owner", "expected"),
    (
        (
            ("sources: []",),
            "sources",
            ("schema.empty", 4, 10, "sources: the list is empty (add at least one link or citation)"),
        ),
        (("sources:",), "sources", ("schema.empty", 4, 1, "sources is empty: add at least one link or citation")),
        (
            ("faq:", "  - question: Who?", '    answer: ""'),
            "placeholder",
            ("schema.empty", 6, 13, "FAQ 1, answer is empty"),
        ),
        (
            ("faq:", "  - question: Who?", "    answer:"),
            "placeholder",
            ("schema.empty", 6, 5, "FAQ 1, answer is empty"),
        ),
    ),
)
def test_empty_sources_and_answers_are_left_to_their_own_check(
    lines: tuple[str, ...], owner: str, expected: Row
) -> None:
    source = front(*OK, *lines)
    assert findings(source) == []  # the sources / placeholder check reports it
    assert findings(source, checks={owner: False}) == [expected]  # that check is off: the schema speaks


# -- the date formats ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "date", "date_time", "timestamp"),
    (
        ("2021-03-05", True, False, False),
        ("2024-02-29", True, False, False),
        ("2023-02-29", False, False, False),
        ("20210305", False, False, False),  # fromisoformat takes it; the schema wants YYYY-MM-DD
        ("2021-W10-5", False, False, False),
        ("2021-03-05T14:30:00Z", False, True, True),
        ("2021-03-05t14:30:00.25+05:30", False, True, True),
        ("2021-03-05T24:00:00Z", False, False, False),
        ("2021-03-05T14:30:00", False, False, True),  # no time zone: not RFC 3339
        ("2021-03-05 14:30:00 -0500", False, False, True),
        ("2021-03-05T14:30:00+25:00", False, False, False),
        ("2021-02-30T10:00:00Z", False, False, False),
        ("March 5, 2021", False, False, False),
    ),
)
def test_format_checkers(value: str, date: bool, date_time: bool, timestamp: bool) -> None:
    assert (schema.is_date(value), schema.is_date_time(value), schema.is_timestamp(value)) == (
        date,
        date_time,
        timestamp,
    )


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    (
        ("8/2/2019", "dmy", "2019-02-08"),
        ("8/2/2019", "mdy", "2019-08-02"),
        ("5 March 2021", "mdy", "2021-03-05"),
        ("March 5th, 2021", "dmy", "2021-03-05"),
    ),
)
def test_a_date_in_another_form_gets_its_iso_form_suggested(value: str, order: str, expected: str) -> None:
    article = read_text("a.md", front("title: Budget", f"date: {value}"), "markdown")
    (d,) = check_articles([article], Config(select=("schema",), date_order=order))
    assert d.rule == "schema.format"
    assert d.message.endswith(f"did you mean {expected}?")
    assert d.suggestions == (expected,)


def test_a_date_with_the_month_in_words_has_a_safe_fix() -> None:
    source = front("title: Budget", "date: March 5, 2021")
    (d,) = check_articles([read_text("a.md", source, "markdown")], Config(select=("schema",)))
    assert d.fix is not None
    assert source[: d.fix.start] + d.fix.text + source[d.fix.end :] == front("title: Budget", "date: 2021-03-05")
    (ambiguous,) = check_articles(
        [read_text("a.md", front("title: B", "date: 8/2/2019"), "markdown")], Config(select=("schema",))
    )
    assert ambiguous.fix is None  # day and month could be either way round


# -- team schemas ---------------------------------------------------------------------------------

TEAM = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title", "section"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "maxLength": 20},
        "date": {"type": "string", "format": "date"},
        "section": {"description": "The desk the article belongs to", "enum": ["News", "Sport", "Culture"]},
        "contact": {"type": "string", "format": "email"},
        "rating": {"type": "integer", "minimum": 1},
    },
}


@pytest.fixture
def team_schema(tmp_path: Path) -> Path:
    path = tmp_path / "team.schema.json"
    path.write_text(json.dumps(TEAM), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "expected"),
    (
        (
            ("title: Budget",),
            [("schema.required", 1, 1, "section is missing: The desk the article belongs to")],
        ),
        (
            ("title: Budget", "section: Sprot"),
            [
                (
                    "schema.enum",
                    3,
                    10,
                    "section: 'Sprot' is not one of the allowed values (News, Sport, Culture); did you mean Sport?",
                )
            ],
        ),
        (
            ("title: Council votes on the budget again", "section: News"),
            [("schema.length", 2, 8, "title is too long: 33 characters, at most 20")],
        ),
        (
            ("title: Budget", "section: News", "sectoin: Sport"),
            [
                (
                    "schema.unknown",
                    4,
                    1,
                    "sectoin: the schema has no such field; did you mean section? "
                    "(known: contact, date, rating, section, title)",
                )
            ],
        ),
        (
            ("title: Budget", "section: News", "contact: desk at example.org"),
            [("schema.format", 4, 10, "contact: 'desk at example.org' is not an e-mail address")],
        ),
        (
            ("title: Budget", "section: News", "rating: 0"),
            [("schema.invalid", 4, 9, "rating: the number 0 is below the minimum, 1")],
        ),
    ),
)
def test_team_schema(team_schema: Path, lines: tuple[str, ...], expected: list[Row]) -> None:
    assert findings(front(*lines), schema=team_schema) == expected


def test_enum_suggests_and_fixes_the_close_value(team_schema: Path) -> None:
    source = front("title: Budget", "section: Sprot")
    (d,) = check_articles([read_text("a.md", source, "markdown")], Config(select=("schema",), schema=team_schema))
    assert d.suggestions == ("Sport",)
    assert d.fix is not None
    assert source[d.fix.start : d.fix.end] == "Sprot"
    assert d.fix.text == "Sport"


@pytest.mark.parametrize(
    ("content", "expected"),
    (
        ('{"type": "object",\n  "required": ["title"', "team.schema.json:2:23: the article schema is not valid JSON"),
        ('{"type": "strnig"}', "team.schema.json: not a valid JSON Schema: at type:"),
        ("[1, 2]", "team.schema.json: the article schema must be a JSON object"),
    ),
)
def test_a_broken_schema_stops_the_run_naming_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "team.schema.json"
    path.write_text(content, encoding="utf-8")
    article = read_text("a.md", front(*OK), "markdown")
    with pytest.raises(FatalError) as exc:
        check_articles([article], Config(select=("schema",), schema=path))
    assert expected in str(exc.value)


def test_an_unresolvable_ref_stops_the_run(tmp_path: Path) -> None:
    path = tmp_path / "team.schema.json"
    path.write_text(json.dumps({"properties": {"title": {"$ref": "#/$defs/missing"}}}), encoding="utf-8")
    with pytest.raises(FatalError, match=r"team\.schema\.json: cannot resolve a \$ref"):
        check_articles([read_text("a.md", front(*OK), "markdown")], Config(select=("schema",), schema=path))


def test_the_schema_is_read_once_per_run(tmp_path: Path) -> None:
    path = tmp_path / "team.schema.json"
    path.write_text(json.dumps(TEAM), encoding="utf-8")
    articles = [read_text(f"{i}.md", front("title: Budget"), "markdown") for i in range(3)]
    from lint.run import Run

    run = Run(Config(select=("schema",), schema=path))
    schema.prepare(articles, run)
    path.write_text("not json", encoding="utf-8")  # a second read would fail
    assert [len(list(schema.check(a, run))) for a in articles] == [1, 1, 1]


# -- real articles draw nothing -------------------------------------------------------------------


@pytest.mark.parametrize("post", sorted((FIXTURES / "18f").glob("*.md")), ids=lambda p: p.name[:30])
def test_real_jekyll_posts_are_clean(post: Path) -> None:
    assert rows(read_path(post)) == []


def test_every_rule_is_documented() -> None:
    assert all(rule.startswith("schema.") and description for rule, (_, description) in schema.RULES.items())
    assert schema.__doc__ is not None
    for rule in schema.RULES:
        assert f"``{rule}``" in schema.__doc__


# -- list-ish keys take one value or a list, as Jekyll does ---------------------------------------

NOT_ALLOWED = "is not one of the allowed values (security, privacy)"
NOT_LOWER = "is not in the expected form (it should match ^[a-z]+$)"
TEAM_LISTS = {
    "type": "object",
    "properties": {
        "tags": {"type": "array", "items": {"enum": ["security", "privacy"]}},
        "categories": {"type": "array", "maxItems": 1},
        "authors": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
        "title": {"type": "array"},
    },
}


def cli_rows(cli: Any, path: Path, *args: str) -> list[Row]:
    result = cli("check", "--format", "json", "--select", "schema", *args, path)
    return [(d["rule"], d["line"], d["column"], d["message"]) for d in result.diagnostics]


@pytest.mark.parametrize(
    ("line", "expected"),
    (
        ("tags: security", []),
        ("tags: security privacy", []),
        ("tags: [security, privacy]", []),
        ("categories: news", []),
        ("keywords: cloud", []),
        ("tags: 42", [("schema.type", 4, 7, "tags: should be text or a list, not the number 42")]),
    ),
)
def test_default_schema_takes_tags_as_text_or_a_list(cli: Any, tmp_path: Path, line: str, expected: list[Row]) -> None:
    path = tmp_path / "post.md"
    path.write_text(front(*OK, line), encoding="utf-8")
    assert cli_rows(cli, path) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    (
        ("tags: security", []),
        ("tags: security privacy", []),  # two tags, as Jekyll splits them
        ("authors: porta", []),
        ("tags: security cloud", [("schema.enum", 2, 16, f"tag 2: 'cloud' {NOT_ALLOWED}")]),
        ('tags: "security cloud"', [("schema.enum", 2, 17, f"tag 2: 'cloud' {NOT_ALLOWED}")]),
        ("categories: news tech", [("schema.length", 2, 13, "categories: 2 items, at most 1")]),
        ("authors: Ana Ruiz", [("schema.invalid", 2, 10, f"author 1: the text 'Ana Ruiz' {NOT_LOWER}")]),
        ("title: X", [("schema.type", 2, 8, "title: should be a list, not the text 'X'")]),  # not a list-ish key
    ),
)
def test_a_team_schema_that_wants_lists_takes_text_too(
    cli: Any, tmp_path: Path, line: str, expected: list[Row]
) -> None:
    (tmp_path / "team.schema.json").write_text(json.dumps(TEAM_LISTS), encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('schema = "team.schema.json"\n', encoding="utf-8")
    path = tmp_path / "post.md"
    path.write_text(f"---\n{line}\n---\n\nThe body.\n", encoding="utf-8")
    assert cli_rows(cli, path, "--config", str(tmp_path / "copydesk.toml")) == expected


# -- a finding on a quoted value points at the value, not at its opening quote ---------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    (
        ("plain.md", "---\ntitle: X\ndate: 2021-13-01\n---\n", (3, 7)),
        ("double.md", '---\ntitle: X\ndate: "2021-13-01"\n---\n', (3, 8)),
        ("single.md", "---\ntitle: X\ndate: '2021-13-01'\n---\n", (3, 8)),
        ("escaped.md", '---\ntitle: X\ndate: "\\u0032021-13-01"\n---\n', (3, 8)),  # at the escape
        ("spaced.md", '---\ntitle: X\ndate:    "2021-13-01"   \n---\n', (3, 11)),
        ("toml.md", '+++\ntitle = "X"\ndate = "2021-13-01"\n+++\n', (3, 9)),
        ("article.json", '{"title": "X",\n "date": "2021-13-01"}\n', (2, 11)),
    ),
)
def test_a_finding_on_a_quoted_value_points_at_the_value(
    cli: Any, tmp_path: Path, name: str, content: str, expected: tuple[int, int]
) -> None:
    path = tmp_path / name
    path.write_text(content + "\nThe body.\n" if name.endswith(".md") else content, encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "schema", path)
    (d,) = result.diagnostics
    assert (d["rule"], d["line"], d["column"]) == ("schema.format", *expected)
    assert d["end_column"] - d["column"] == len("2021-13-01") or name == "escaped.md"


@pytest.mark.parametrize(
    ("lang", "message"),
    (
        ("en-XX", "lang: 'en-XX': 'XX' is no country or region code"),
        ("xx", "lang: 'xx': 'xx' is no language code"),
        ("en-UK", "lang: 'en-UK': 'UK' is no country or region code"),
        ("en-GB", None),
        ("english", None),
        ("zh_tw", None),
        ("sw", None),  # a language with no dictionary is a notice of the spelling check, not a mistake
    ),
)
def test_an_articles_language_code_that_names_no_language_is_a_finding_at_its_line(
    cli: Any, tmp_path: Path, lang: str, message: str | None
) -> None:
    post = tmp_path / "post.md"
    post.write_text(f"---\ntitle: The council meets\ndate: 2024-01-02\nlang: {lang}\n---\nThe council met.\n")
    result = cli("check", "--select", "schema", "--no-color", post)
    if message is None:
        assert result.code == 0, result.out
    else:
        assert result.code == 1 and f"post.md:4:7: error schema.format {message}" in result.out, result.out


def test_every_shipped_schema_is_a_valid_json_schema() -> None:
    # a run does not check copydesk's own schemas again (a tenth of a one-article run): this does
    import json as _json

    import jsonschema

    from lint.resources import data_dir

    shipped = sorted(data_dir("schemas").glob("*.json"))
    assert len(shipped) >= 7
    for path in shipped:
        schema = _json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator).check_schema(schema)
