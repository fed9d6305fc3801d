"""Readers: every format gives the same article model, with exact places in the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lint.article import Article
from lint.readers import read_path, read_text, yamltree
from lint.readers.markdown import mask_text
from lint.readers.plaintext import is_chrome, parse_date
from lint.text import LineIndex, Text

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def where(article: Article, text: Text | None, word: str) -> tuple[int, int]:
    """(line, column) of ``word`` inside ``text``; the file must hold the word right there."""
    assert text is not None
    i = text.value.index(word)
    start, end = text.span(i, i + len(word))
    assert article.source[start:end] == word
    return LineIndex(article.source).position(start)


def line_of(article: Article, offset: int | None) -> int:
    assert offset is not None
    return LineIndex(article.source).position(offset)[0]


def title(a: Article) -> Text | None:
    return a.title


def summary(a: Article) -> Text | None:
    return a.summary


def body(a: Article) -> Text | None:
    return a.body[0] if a.body else None


def last_body(a: Article) -> Text | None:
    return a.body[-1] if a.body else None


def answer(n: int) -> Callable[[Article], Text | None]:
    def get(a: Article) -> Text | None:
        assert a.faq is not None
        return a.faq[n].answer

    return get


def question(n: int) -> Callable[[Article], Text | None]:
    def get(a: Article) -> Text | None:
        assert a.faq is not None
        return a.faq[n].question

    return get


@pytest.mark.parametrize(
    ("name", "source", "get", "word", "expected"),
    (
        pytest.param(
            "a.md",
            '---\ntitle: "Caf\\u00e9 \\"quoted\\" \\t Drowpdown"\n---\nBody.\n',
            title,
            "Drowpdown",
            (2, 33),
            id="yaml-double-quoted-escapes",
        ),
        pytest.param(
            "a.md",
            "---\ntitle: 'It''s a Tacts day'\n---\nBody.\n",
            title,
            "Tacts",
            (2, 17),
            id="yaml-single-quoted",
        ),
        pytest.param(
            "a.md",
            "---\ntitle: T\nsummary: >\n  The first line\n  then Tacts here\n---\nBody.\n",
            summary,
            "Tacts",
            (5, 8),
            id="yaml-folded-scalar",
        ),
        pytest.param(
            "a.md",
            "---\ntitle: T\nfaq:\n  - question: Why?\n    answer: |\n      One line.\n      Then Klark.\n---\nB.\n",
            answer(0),
            "Klark",
            (7, 12),
            id="yaml-literal-block-answer",
        ),
        pytest.param(
            "a.md",
            "---\ntitle: T\n---\n# Heading\n\nSome `code` and the Tacts word.\n",
            body,
            "Tacts",
            (6, 21),
            id="markdown-body",
        ),
        pytest.param(
            "a.json",
            '{\n  "title": "T",\n  "body": "Line one\\n\\"Quoted\\" caf\\u00e9 Drowpdown here"\n}\n',
            body,
            "Drowpdown",
            (3, 43),
            id="json-escapes-before-word",
        ),
        pytest.param(
            "a.json",
            '{"title": "\\ud83d\\ude00 \\/ Tacts", "body": "x"}',
            title,
            "Tacts",
            (1, 28),
            id="json-surrogate-pair",
        ),
        pytest.param(
            "a.json",
            '{"title": "T", "faq": [{"question": "Why?", "answer": "Tab\\there Klark"}], "body": "x"}',
            answer(0),
            "Klark",
            (1, 66),
            id="json-faq-answer",
        ),
        pytest.param(
            "a.md",
            '+++\ntitle = "Caf\\u00e9 \\"q\\" Drowpdown"\n+++\nBody.\n',
            title,
            "Drowpdown",
            (2, 26),
            id="toml-basic-string",
        ),
        pytest.param(
            "a.md",
            '+++\ntitle = "T"\nsummary = """\nFirst line \\\n    then Tacts"""\n+++\nBody.\n',
            summary,
            "Tacts",
            (5, 10),
            id="toml-multi-line-string",
        ),
        pytest.param(
            "a.md",
            "+++\ntitle = 'C:\\path Tacts'\n+++\nBody.\n",
            title,
            "Tacts",
            (2, 18),
            id="toml-literal-string",
        ),
        pytest.param(
            "a.md",
            '+++\ntitle = "T"\n[[faq]]\nquestion = "Why?"\nanswer = """\nBecause Klark."""\n+++\nB.\n',
            answer(0),
            "Klark",
            (6, 9),
            id="toml-array-of-tables",
        ),
        pytest.param(
            "a.txt",
            "Title here\n\nBody text.\n\nFAQ\n\nWhat now?\nThe answer is Klark.\n",
            answer(0),
            "Klark",
            (8, 15),
            id="text-faq-answer",
        ),
        pytest.param(
            "a.txt",
            "Title here\r\n\r\nFirst paragraph.\r\n\r\nSecond with Tacts.\r\n",
            last_body,
            "Tacts",
            (5, 13),
            id="text-crlf",
        ),
    ),
)
def test_word_positions(
    name: str, source: str, get: Callable[[Article], Text | None], word: str, expected: tuple[int, int]
) -> None:
    kind = {"md": "markdown", "json": "json", "txt": "text"}[name.rsplit(".", 1)[1]]
    article = read_text(name, source, kind)
    assert article.problems == []
    assert where(article, get(article), word) == expected


@pytest.mark.parametrize(
    ("name", "source"),
    (
        pytest.param("a.json", '{"title": "caf\\u00e9 \\ud83d\\ude00 \\\\ \\"x\\" \\n end"}', id="json"),
        pytest.param("a.md", '+++\ntitle = "caf\\u00e9 \\U0001F600 \\\\ \\"x\\" \\n end"\n+++\n', id="toml"),
    ),
)
def test_every_decoded_character_has_its_own_escape(name: str, source: str) -> None:
    article = read_text(name, source, "json" if name.endswith(".json") else "markdown")
    text = article.title
    assert text is not None
    pieces = [article.source[slice(*text.span(i, i + 1))] for i in range(len(text.value))]
    assert pieces[:4] == ["c", "a", "f", "\\u00e9"]
    assert "\\\\" in pieces
    assert '\\"' in pieces
    assert "\\n" in pieces
    assert pieces[-3:] == ["e", "n", "d"]


def test_json_body_is_masked_like_markdown() -> None:
    source = '{"title": "T", "body": "## A Heading\\n\\nSee `code_wrd` at https://exmple.org and Tacts."}'
    article = read_text("a.json", source, "json")
    (body_text,) = article.body
    assert "code_wrd" not in body_text.value
    assert "exmple" not in body_text.value
    assert len(body_text.value) == len("## A Heading\n\nSee `code_wrd` at https://exmple.org and Tacts.")
    assert [h.value for h in article.headings] == ["A Heading"]
    assert where(article, article.headings[0], "Heading") == (1, 30)
    assert where(article, body_text, "Tacts") == (1, 82)


def test_json_article_fields() -> None:
    source = (
        "{\n"
        '  "title": "Headline",\n'
        '  "date": "2026-01-26",\n'
        '  "sources": ["https://example.org/a"],\n'
        '  "faq": [{"question": "Why?", "answer": "Because."}],\n'
        '  "body": "Text."\n'
        "}\n"
    )
    article = read_text("a.json", source, "json")
    assert article.meta["date"] == "2026-01-26"
    assert article.sources is not None
    assert [s.url for s in article.sources] == ["https://example.org/a"]
    assert line_of(article, article.sources_anchor) == 4
    assert article.tree is not None
    assert line_of(article, article.tree.find(("faq", 0, "answer")).start) == 5


def test_toml_values_dates_and_places() -> None:
    source = (
        "+++\n"
        'title = "Headline"\n'
        "date = 2026-01-26\n"
        "updated = 2026-01-27T10:30:00Z\n"
        "sources = []\n"
        "[[faq]]\n"
        'question = "Why?"\n'
        "answer = 42\n"
        "+++\n"
        "Body.\n"
    )
    article = read_text("a.md", source, "markdown")
    assert article.problems == []
    assert article.meta["date"] == "2026-01-26"
    assert article.meta["updated"] == "2026-01-27T10:30:00+00:00"
    assert article.sources == []
    assert line_of(article, article.sources_anchor) == 5
    assert line_of(article, article.faq_anchor) == 6
    assert article.tree is not None
    node = article.tree.find(("faq", 0, "answer"))
    assert node.value == 42
    assert line_of(article, node.key_start) == 8


def test_seed_000() -> None:
    article = read_path(SEEDS / "000_18c8a299e144d0a2.txt")
    assert article.problems == []
    assert article.title is not None
    assert article.title.value == "Israel, Azerbaijan: strategic cooperation"
    assert where(article, article.title, "Israel") == (3, 1)
    assert [where(article, t, "Back") for t in article.chrome] == [(1, 1)]
    assert article.meta["date"] == "2026-01-26"
    assert article.meta["title"] == article.title.value
    assert "Key diplomatic meeting January 26, 2026" in [h.value for h in article.headings]
    assert article.sources == []
    assert article.meta["sources"] == []
    assert line_of(article, article.sources_anchor) == 27
    assert article.faq is not None
    assert [item.answer.value if item.answer else None for item in article.faq] == ["Drowpdown Klark"] * 4
    assert [where(article, item.answer, "Drowpdown") for item in article.faq] == [(32, 1), (34, 1), (36, 1), (38, 1)]
    assert where(article, article.faq[3].question, "agri") == (37, 10)
    assert len(article.meta["faq"]) == 4
    assert article.meta["faq"][0] == {
        "question": "What does Israel-Azerbaijan cooperation involve?",
        "answer": "Drowpdown Klark",
    }
    assert all("Drowpdown" not in t.value for t in article.body)  # the FAQ is not body text


def test_seed_004() -> None:
    article = read_path(SEEDS / "004_95c60ba5b8cee6dd.txt")
    assert article.problems == []
    assert where(article, article.title, "Tacts") == (1, 77)
    assert "date" not in article.meta
    assert article.sources is None
    assert "sources" not in article.meta
    assert article.faq is None
    assert len(article.body) == 5
    assert where(article, article.body[-1], "Jerusalem Post attribution") == (6, 525)
    assert where(article, article.body[1], "Aliyev") == (3, 90)


def test_seeds_located_tree_places_schema_errors() -> None:
    article = read_path(SEEDS / "000_18c8a299e144d0a2.txt")
    assert article.tree is not None
    assert line_of(article, article.tree.find(("title",)).start) == 3
    assert line_of(article, article.tree.find(("date",)).start) == 5
    assert line_of(article, article.tree.find(("faq", 2, "answer")).start) == 36
    assert line_of(article, article.tree.find(("sources",)).key_start) == 27


PLAIN = """\
Skip to content
Home
A headline for the test

Published: January 26, 2026
By Jane Reporter

First paragraph of the story.

A short heading

Second paragraph, with https://example.org/page in it.

Sources
https://example.org/report
- Jerusalem Post, 12 March 2023

Frequently asked questions

What is it?
It is a test.
It spans two lines.
Who wrote it?
Who wrote it?
What next?

Share | Tweet
"""


def test_plain_text_article() -> None:
    article = read_text("a.txt", PLAIN, "text")
    assert article.problems == []
    assert [t.value for t in article.chrome] == ["Skip to content", "Home", "Share | Tweet"]
    assert article.title is not None
    assert article.title.value == "A headline for the test"
    assert article.meta["date"] == "2026-01-26"
    assert article.meta["author"] == "Jane Reporter"
    assert [h.value for h in article.headings] == ["A short heading"]
    assert [b.value[:5] for b in article.body] == ["First", "A sho", "Secon"]
    assert "example" not in article.body[-1].value  # addresses are not prose
    assert article.sources is not None
    assert [(s.raw, s.url) for s in article.sources] == [
        ("https://example.org/report", "https://example.org/report"),
        ("Jerusalem Post, 12 March 2023", None),
    ]
    assert line_of(article, article.sources_anchor) == 14
    assert article.faq is not None
    assert [(i.question.value if i.question else None) for i in article.faq] == [
        "What is it?",
        "Who wrote it?",
        "What next?",
    ]
    answers = [i.answer for i in article.faq]
    assert answers[0] is not None
    assert answers[0].value == "It is a test.\nIt spans two lines."
    assert answers[1] is not None
    assert where(article, answers[1], "Who wrote it?") == (24, 1)  # an answer that repeats its question
    assert answers[2] is not None
    assert answers[2].value == ""
    assert LineIndex(PLAIN).position(answers[2].start) == (25, 11)  # just after "What next?"
    assert article.meta["faq"][2] == {"question": "What next?", "answer": ""}


@pytest.mark.parametrize(
    ("source", "expected"),
    (
        pytest.param("Title\n\nBody.\n\nsources\n\nFAQ\n\nWhy?\nBecause.\n", []),
        pytest.param("Title\n\nBody.\n\nReferences:\nTBD\n", ["TBD"]),
        pytest.param("Title\n\nBody.\n\nsources\nsources\n", ["sources"]),
        pytest.param("Title\n\nBody.\n\nSource: Reuters\n", ["Reuters"]),
        pytest.param("Title\n\nBody.\n", None),
    ),
)
def test_plain_text_sources(source: str, expected: list[str] | None) -> None:
    article = read_text("a.txt", source, "text")
    got = None if article.sources is None else [s.raw for s in article.sources]
    assert got == expected
    assert article.meta.get("sources") == expected


@pytest.mark.parametrize(
    ("source", "title", "date"),
    (
        pytest.param("A headline\n26/1/26\n\nBody.\n", "A headline", "2026-01-26", id="title-then-date"),
        pytest.param("26/1/26\nA headline\n\nBody.\n", "A headline", "2026-01-26", id="date-then-title"),
        pytest.param("26/1/26\n\nA first paragraph that ends.\n", None, "2026-01-26", id="no-title"),
        pytest.param("Home\nBack to the articles\nA headline\n\nBody.\n", "A headline", None, id="chrome-first"),
    ),
)
def test_plain_text_headline_and_date(source: str, title: str | None, date: str | None) -> None:
    article = read_text("a.txt", source, "text")
    assert (article.title.value if article.title else None) == title
    assert article.meta.get("title") == title
    assert article.meta.get("date") == date


@pytest.mark.parametrize("heading", ("FAQ", "Frequently Asked Questions (FAQ)", "## FAQs:", "Q&A"))
def test_plain_text_faq_headings(heading: str) -> None:
    article = read_text("a.txt", f"Title\n\nBody.\n\n{heading}\n\nWhy?\nBecause.\n", "text")
    assert article.faq is not None
    assert [(i.question.value if i.question else "", i.answer.value if i.answer else "") for i in article.faq] == [
        ("Why?", "Because.")
    ]


def test_plain_text_sources_section_ends_at_a_heading() -> None:
    source = "Title\n\nsources\nhttps://a.example\n\nMore news\n\nA last paragraph.\n"
    article = read_text("a.txt", source, "text")
    assert article.sources is not None
    assert [s.raw for s in article.sources] == ["https://a.example"]
    assert [b.value for b in article.body] == ["More news", "A last paragraph."]


@pytest.mark.parametrize(
    ("line", "order", "expected"),
    (
        ("26/1/26", "dmy", "2026-01-26"),
        ("1/26/26", "mdy", "2026-01-26"),
        ("26/1/26", "ymd", "2026-01-26"),
        ("1/26/26", "dmy", "1/26/26"),
        ("26.01.2026", "dmy", "2026-01-26"),
        ("2026-01-26", "mdy", "2026-01-26"),
        ("January 26, 2026", "dmy", "2026-01-26"),
        ("Monday, 26 January 2026", "dmy", "2026-01-26"),
        ("Jan. 26, 2026 at 10:30 am", "dmy", "2026-01-26"),
        ("Updated: 5/3/99", "dmy", "1999-03-05"),
        ("2026-01-26T10:30:00Z", "dmy", "2026-01-26"),
        ("32/13/2021", "dmy", "32/13/2021"),
        ("2021-02-30", "dmy", "2021-02-30"),
        ("March 5th", "dmy", "March 5th"),
        ("Key diplomatic meeting January 26, 2026", "dmy", None),
        ("Economic and energy impacts", "dmy", None),
    ),
)
def test_parse_date(line: str, order: str, expected: str | None) -> None:
    assert parse_date(line, order) == expected


def test_date_order_reaches_the_plain_text_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n1/26/26\n\nBody.\n", encoding="utf-8")
    assert read_path(path, date_order="mdy").meta["date"] == "2026-01-26"
    assert read_path(path).meta["date"] == "1/26/26"  # not a date, day first: the schema check says so


@pytest.mark.parametrize(
    ("line", "expected"),
    (
        ("Back to the articles", True),
        ("← Back to articles", True),
        ("Share | Tweet | Email", True),
        ("SKIP TO CONTENT", True),
        ("Share prices rose", False),
        ("Home affairs minister resigns", False),
        ("", False),
    ),
)
def test_is_chrome(line: str, expected: bool) -> None:
    assert is_chrome(line) is expected


@pytest.mark.parametrize(
    ("name", "source", "line", "says"),
    (
        pytest.param("a.md", "---\ntitle: ok\nsummary: a\n  b: c\n---\nBody.\n", 4, "not valid YAML", id="yaml"),
        pytest.param(
            "a.md", '---\ntitle: "unclosed\ndate: 2020-01-01\n---\nB.\n', 2, "not valid YAML", id="yaml-quote"
        ),
        pytest.param("a.md", '+++\ntitle = "ok"\ndate = Hello world\n+++\nB.\n', 3, "not valid TOML", id="toml"),
        pytest.param("a.md", "+++\n[a]\nb = 1\n[a]\nc = 2\n+++\nB.\n", 4, "declared twice", id="toml-table"),
        pytest.param(
            "a.json", '{\n  "title": "x",\n  "date": "y"\n  "body": "z"\n}\n', 4, "comma is missing", id="json"
        ),
        pytest.param("a.json", '{\n  "title": "x",\n}\n', 2, "comma before '}'", id="json-trailing"),
        pytest.param("a.json", "{\n  'title': 'x'\n}\n", 2, "double quotes", id="json-single-quotes"),
        pytest.param("a.json", '{\n  "title": "x\n"}\n', 2, "line break", id="json-newline-in-string"),
        pytest.param("a.json", '{\n  "title": "x"\n', 3, "ends before", id="json-unclosed"),
        pytest.param("a.json", '[\n  {"title": "x"}\n]\n', 1, "not an article", id="json-list"),
        pytest.param("a.md", "---\ntitle: x\n\nBody without a closing fence.\n", 1, "never closed", id="unclosed-fm"),
        pytest.param("a.txt", " \n\n", 1, "empty", id="empty"),
    ),
)
def test_unreadable_metadata_is_one_located_problem(name: str, source: str, line: int, says: str) -> None:
    kind = {"md": "markdown", "json": "json", "txt": "text"}[name.rsplit(".", 1)[1]]
    article = read_text(name, source, kind)
    (problem,) = article.problems
    assert problem.rule == "schema.syntax"
    assert says in problem.message
    assert LineIndex(source).position(problem.start)[0] == line


@pytest.mark.parametrize(
    ("data", "says"),
    (
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
        pytest.param("Title\n\nA caf\u00e9 \xff line.\n".encode("latin-1"), "line 3", id="invalid-utf8"),
    ),
)
def test_files_that_are_not_text(tmp_path: Path, data: bytes, says: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_path(path)
    (problem,) = article.problems
    assert says in problem.message
    assert not article.readable


def test_jekyll_date_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2024-03-05-hello.md"
    path.write_text("---\ntitle: Hello\n---\nBody.\n", encoding="utf-8")
    article = read_path(path)
    assert article.problems == []
    assert article.meta["date"] == "2024-03-05"


def test_front_matter_date_wins_over_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2024-03-05-hello.md"
    path.write_text("---\ntitle: Hello\ndate: 2024-03-06\n---\nBody.\n", encoding="utf-8")
    assert read_path(path).meta["date"] == "2024-03-06"


# --- rule files read without positions -----------------------------------------------------------

YAML_VALUES = [
    "terms:\n  - use: website\n    instead_of: [web site, 'web-site']\n    regex: false\n",
    'date: 2026-01-15\ncount: 3\nratio: 0.5\nflag: yes\nnothing: ~\ntext: "a \\"quoted\\" line"\n',
    "- one\n- two: 2\n  three: [3, '3']\n",
    "key: first\nkey: second\n",  # the last of two equal keys
    "",
    "folded: >\n  one\n  two\nliteral: |\n  one\n  two\n",
]


@pytest.mark.parametrize("source", YAML_VALUES)
def test_yaml_values_without_positions_are_the_values(source: str) -> None:
    assert yamltree.value(source) == yamltree.parse(source, 0, len(source)).value


def test_yaml_values_without_positions_report_the_same_error() -> None:
    source = "terms:\n  - use: [unclosed\n"
    with pytest.raises(yamltree.YAMLError) as parsed:
        yamltree.parse(source, 0, len(source))
    with pytest.raises(yamltree.YAMLError) as valued:
        yamltree.value(source)
    assert (valued.value.message, valued.value.offset) == (parsed.value.message, parsed.value.offset)


# --- code, fences, and the tags of HTML blocks in Markdown bodies are not prose ---------------

BLOCKS = [
    ("Text.\n\n```\nsecretword\n```\n", True),
    ("Text.\n\n~~~\nsecretword\n~~~\n", True),
    ("Text.\n\n    secretword indented\n", True),
    ("Text with `x`.\n\n\tsecretword after a tab\n", True),
    ("> Quoted:\n>\n> ~~~\n> secretword\n> ~~~\n", True),
    ("- ~~~\n  secretword\n  ~~~\n", True),
    # the text of an HTML block is published prose: only its tags, code, scripts and styles are not
    ("1. <div>\n   secretword\n   </div>\n", False),
    ("Text.\n\n<div>\nsecretword\n</div>\n", False),
    ('Text.\n\n<p class="lead">The <strong>secretword</strong> passed.</p>\n', False),
    ("Text.\n\n<div>\n<pre>\nsecretword\n</pre>\n</div>\n", True),
    ("Text.\n\n<div>\n<script>var secretword = 1;</script>\n</div>\n", True),
    ('Text.\n\n<div>\n<img alt="x" src="secretword.png">\n</div>\n', True),
    ("Text.\n\n<!--\nsecretword\n-->\n", True),
    ("His book <i>secretword</i> sold well, says `code` here.\n", False),  # inline: the words stay
]


@pytest.mark.parametrize("body,hidden", BLOCKS)
def test_code_and_html_markup_are_blanked(body: str, hidden: bool) -> None:
    masked = mask_text(body)
    assert len(masked) == len(body)
    assert ("secretword" not in masked) is hidden
