"""The placeholder check: stand-in text where content should be, and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint.article import Article
from lint.checks import placeholder
from lint.config import Config
from lint.diagnostics import Finding, Severity
from lint.errors import FatalError
from lint.readers import read_path, read_text
from lint.run import Run
from lint.text import LineIndex
from tests.conftest import SEEDS

REAL_ANSWER = "The council will vote on the plan in June."


def markdown(answers: list[str], body: str = "The council met on Monday.", **fields: str) -> Article:
    lines = ["---", f"title: {json.dumps(fields.get('title', 'Council approves the harbour plan'))}"]
    if "summary" in fields:
        lines.append(f"summary: {json.dumps(fields['summary'])}")
    lines += ["date: 2026-03-14", "faq:"]
    questions = ["What did the council decide?", "When will work start?", "Who pays for it?", "What happens next?"]
    for q, a in zip(questions, answers, strict=False):
        lines += [f"  - question: {json.dumps(q)}", f"    answer: {json.dumps(a)}"]
    return read_text("article.md", "\n".join([*lines, "---", "", body, ""]), "markdown")


def findings(article: Article, config: Config | None = None) -> list[Finding]:
    return list(placeholder.check(article, Run(config or Config())))


def shown(article: Article, f: Finding) -> str:
    return article.source[f.start : f.end]


@pytest.mark.parametrize(
    ("answer", "rule"),
    (
        ("TBD", "placeholder.text"),
        ("TK", "placeholder.text"),
        ("TODO", "placeholder.text"),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "placeholder.text"),
        ("Lorem ipsum", "placeholder.text"),
        ("Coming soon", "placeholder.text"),
        ("Answer goes here.", "placeholder.text"),
        ("Add your answer here", "placeholder.text"),
        ("Sample answer", "placeholder.text"),
        ("N/A", "placeholder.text"),
        ("...", "placeholder.text"),
        ("Text", "placeholder.text"),
        ("xxx", "placeholder.text"),
        ("Placeholder", "placeholder.text"),
        ("Click to expand", "placeholder.text"),
        ("Accordion Item", "placeholder.text"),
        ("Dropdown Clark", "placeholder.text"),
        ("[insert answer]", "placeholder.template"),
        ("{{ faq.answer }}", "placeholder.template"),
        ("<placeholder>", "placeholder.template"),
        ("", "placeholder.empty-answer"),
        ("   ", "placeholder.empty-answer"),
        ("Drowpdown Klark", "placeholder.gibberish"),
        ("Qwxlo Zvrtak Mmbrel", "placeholder.gibberish"),
        ("What did the council decide?", "placeholder.echoed-question"),
        ("what did the council decide", "placeholder.echoed-question"),
        # real answers
        (REAL_ANSWER, None),
        ("Yes.", None),
        ("Harbour Street.", None),
        ("Ingrid Halvorsen", None),  # a name the article uses: not gibberish
        ("The text of the plan is on the council's website.", None),
        ("Not applicable to residents: the plan covers businesses only.", None),
        ("42", None),
    ),
)
def test_answers(answer: str, rule: str | None) -> None:
    article = markdown([answer], body="Councillor Ingrid Halvorsen voted for the plan on Harbour Street.")
    got = findings(article)
    assert [f.rule for f in got] == ([rule] if rule else [])


@pytest.mark.parametrize("answer", ("TBD", "Drowpdown Klark", "{{ faq.answer }}", "Coming soon.", "N/A"))
def test_a_placeholder_answer_is_pointed_at_whole(answer: str) -> None:
    article = markdown([REAL_ANSWER, answer])
    (f,) = findings(article)
    assert shown(article, f) == answer
    assert LineIndex(article.source).position(f.start) == (8, 14)  # inside the quotes of line 8
    assert f"“{answer.rstrip('.')}”" in f.message  # the message quotes what was found


def test_an_empty_answer_points_at_the_empty_string() -> None:
    article = markdown([REAL_ANSWER, ""])
    (f,) = findings(article)
    assert (f.rule, shown(article, f)) == ("placeholder.empty-answer", '""')
    assert "no answer" in f.message


def test_a_null_answer_is_empty() -> None:
    source = "---\ntitle: Harbour plan\nfaq:\n  - question: When?\n    answer:\n---\n\nText.\n"
    article = read_text("a.md", source, "markdown")
    (f,) = findings(article)
    assert f.rule == "placeholder.empty-answer"
    assert LineIndex(source).position(f.start)[0] == 5


def test_every_copy_of_a_repeated_answer_is_reported_with_the_count() -> None:
    article = markdown([REAL_ANSWER, REAL_ANSWER, "The city pays for it.", REAL_ANSWER])
    got = findings(article)
    assert [f.rule for f in got] == ["placeholder.repeated-answer"] * 3
    assert all("3 FAQ questions" in f.message for f in got)
    assert len({f.start for f in got}) == 3


def test_a_repeated_placeholder_is_one_finding_per_answer_saying_how_many_share_it() -> None:
    article = markdown(["TBD", "TBD"])
    got = findings(article)
    assert [f.rule for f in got] == ["placeholder.text", "placeholder.text"]
    assert all("2 questions share this answer" in f.message for f in got)


def test_short_common_answers_may_repeat() -> None:
    assert findings(markdown(["Yes.", "Yes.", "No."])) == []


def test_seed_000_four_gibberish_answers_at_their_exact_spans() -> None:
    article = read_path(SEEDS / "000_18c8a299e144d0a2.txt")
    got = [f for f in findings(article) if f.rule != "placeholder.chrome"]
    index = LineIndex(article.source)
    assert [(index.position(f.start), shown(article, f)) for f in got] == [
        ((line, 1), "Drowpdown Klark") for line in (32, 34, 36, 38)
    ]
    assert all(f.rule == "placeholder.gibberish" and "4 questions share" in f.message for f in got)
    assert all(placeholder.RULES[f.rule][0] == Severity.ERROR for f in got)


def test_seed_000_chrome_line_is_reported() -> None:
    article = read_path(SEEDS / "000_18c8a299e144d0a2.txt")
    chrome = [f for f in findings(article) if f.rule == "placeholder.chrome"]
    assert [shown(article, f) for f in chrome] == ["Back to the articles"]


def test_real_seed_004_draws_nothing() -> None:
    assert findings(read_path(SEEDS / "004_95c60ba5b8cee6dd.txt")) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        ("The minister will arrive at TODO.", "TODO"),
        ("Turnout was TK per cent.", "TK"),
        ("The hearing date is TBD.", "TBD"),
        ("Lorem ipsum dolor sit amet.", "Lorem ipsum dolor sit amet."),
        ("Lorem ipsum", "Lorem ipsum"),
        ("Read the statement: [insert quote from the mayor].", "[insert quote from the mayor]"),
        ("The mayor said {{ quote }} on Monday.", "{{ quote }}"),
        ("Advertisement", "Advertisement"),
        # not placeholders
        ("An example of fake text is the famous Lorem Ipsum text.", None),
        ("Build a todo list first.", None),
        ("It became our security “TODO” list.", None),
        ("Shoppers queued at TK Maxx.", None),
        ("The text of the bill is short.", None),
        ("Coming soon: a new library for the east side.", None),
        ("N/A", None),  # a whole answer, not a line of text
        ('Our [team]({{ "/about/" | url }}) and [blog]({{site.baseurl}}/blog) are open.', None),
        ("Write `{{ your password }}` where the guide says.", None),
        ("| 2 | TODO: formula for the visitor rate | 513 |", None),
        ("Read the [insert guide](https://example.org/guide) first.", None),
        ("The Super Bowl XXX was played in Arizona.", None),
    ),
)
def test_body(body: str, expected: str | None) -> None:
    article = markdown([REAL_ANSWER], body=body)
    got = findings(article)
    assert [shown(article, f) for f in got] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    (
        ("title", "TBD", "TBD"),
        ("title", "Lorem ipsum", "Lorem ipsum"),
        ("title", "[Insert headline]", "[Insert headline]"),
        ("title", "Coming soon", None),  # a real headline
        ("title", "Coming soon: the harbour plan", None),
        ("summary", "Text", "Text"),
        ("summary", "Coming soon!", None),
        ("summary", "The text was approved by seven votes to two.", None),
    ),
)
def test_title_and_summary(field: str, value: str, expected: str | None) -> None:
    article = markdown([REAL_ANSWER], **{field: value})
    assert [shown(article, f) for f in findings(article)] == ([expected] if expected else [])


def test_plain_text_answers_are_found_at_their_lines() -> None:
    source = "\n".join(
        [
            "Council approves the harbour plan",
            "14/3/26",
            "",
            "The council voted on Monday.",
            "",
            "Frequently asked questions",
            "",
            "When will work start?",
            "Coming soon",
            "Who pays?",
            "The city pays for it.",
        ]
    )
    article = read_text("a.txt", source + "\n", "text")
    (f,) = findings(article)
    assert (f.rule, LineIndex(source).position(f.start), shown(article, f)) == (
        "placeholder.text",
        (9, 1),
        "Coming soon",
    )


def test_json_answer_inside_its_string() -> None:
    doc = {
        "title": "Harbour plan",
        "faq": [{"question": "When?", "answer": "In June."}, {"question": "Who?", "answer": "[insert name]"}],
        "body": "The council met.",
    }
    source = json.dumps(doc, indent=2)
    article = read_text("a.json", source, "json")
    (f,) = findings(article)
    assert (f.rule, shown(article, f)) == ("placeholder.template", "[insert name]")


def test_an_editor_adds_a_placeholder_in_a_rule_file(tmp_path: Path) -> None:
    extra = tmp_path / "placeholders.yaml"
    extra.write_text("placeholders:\n  - text: to be written\n    whole: true\n", encoding="utf-8")
    article = markdown([REAL_ANSWER, "To be written."])
    assert findings(article) == []
    (f,) = findings(article, Config(rules=(extra,)))
    assert (f.rule, shown(article, f)) == ("placeholder.text", "To be written.")


def test_a_rule_file_entry_sets_its_own_message_and_level(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "placeholders:\n  - text: [Copy to come]\n    level: warning\n    message: 'Still to write: %s'\n",
        encoding="utf-8",
    )
    article = markdown([REAL_ANSWER], body="Copy to come on the budget.")
    (f,) = findings(article, Config(rules=(extra,)))
    assert (f.message, f.severity) == ("Still to write: Copy to come", Severity.WARNING)


def test_a_broken_regular_expression_stops_the_run(tmp_path: Path) -> None:
    extra = tmp_path / "placeholders.yaml"
    extra.write_text("placeholders:\n  - text: '[unclosed'\n    regex: true\n", encoding="utf-8")
    with pytest.raises(FatalError, match="unclosed"):
        findings(markdown([REAL_ANSWER]), Config(rules=(extra,)))


def test_a_rule_file_mistake_is_reported_with_its_line(tmp_path: Path) -> None:
    extra = tmp_path / "placeholders.yaml"
    extra.write_text("placeholders:\n  - text: lorem\n    hole: true\n", encoding="utf-8")
    with pytest.raises(FatalError, match=r"placeholders\.yaml:2:\d+: .*hole"):
        findings(markdown([REAL_ANSWER]), Config(rules=(extra,)))


# --- a marker the text talks about; lorem ipsum as one finding a run ---------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        ("This release removes outdated FIXME comments.", None),
        ("Search the code for the word TODO before you ship.", None),
        ("The worm copies itself to the %USERPROFILE% folder.", None),
        ("It writes to %APPDATA%\\Microsoft on every start.", None),
        ("Add TODO markers where facts are missing.", None),
        # still placeholders: the marker stands in for text
        ("The minister will visit TODO.", "TODO"),
        ("FIXME: add the vote count.", "FIXME"),
        ("Contact %REPORTER_NAME% for details.", "%REPORTER_NAME%"),
    ),
)
def test_a_marker_the_sentence_talks_about_is_no_placeholder(body: str, expected: str | None) -> None:
    article = markdown([REAL_ANSWER], body=body)
    assert [shown(article, f) for f in findings(article)] == ([expected] if expected else [])


LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore et\n"
    "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.\n"
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."
)


@pytest.mark.parametrize(
    ("body", "runs"),
    (
        (LOREM, [LOREM]),
        (f"The council met.\n\n{LOREM}\n\nThe vote is on Monday.", [LOREM]),
        (f"{LOREM}\n\n{LOREM}", [LOREM, LOREM]),  # one finding a paragraph
        ("Vestibulum ante ipsum primis in faucibus orci luctus et ultrices posuere cubilia.", None),
        ("Designers fill mock-ups with lorem ipsum until the copy arrives.", []),
    ),
)
def test_lorem_ipsum_is_one_finding_a_run(body: str, runs: list[str] | None) -> None:
    article = markdown([REAL_ANSWER], body=body)
    got = [shown(article, f) for f in findings(article)]
    if runs is None:  # a run without the classic words: still one finding
        assert len(got) == 1 and got[0].startswith("Vestibulum")
    else:
        assert got == runs


def test_no_spelling_findings_inside_lorem_ipsum(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        f'---\ntitle: "Council votes"\ndate: 2026-02-01\nsources:\n  - https://example.org/\n---\n\n{LOREM}\n\n'
        "The goverment met.\n",
        encoding="utf-8",
    )
    found = cli("check", "--format", "json", path).diagnostics
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("placeholder.text", 8, 1),
        ("spelling.unknown", 12, 5),
    ]


@pytest.mark.parametrize(
    ("name", "title", "reported"),
    (
        ("Title.md", "Title", False),  # a reference page about the .Title method
        ("Summary.md", "Summary", False),
        ("post.md", "Title", True),  # a headline never written
        ("Title.md", "TBD", True),
    ),
)
def test_a_page_named_for_its_one_word_title_is_no_placeholder(
    cli: Any, tmp_path: Path, name: str, title: str, reported: bool
) -> None:
    (tmp_path / name).write_text(f"---\ntitle: {title}\n---\n\nReturns the page title.\n", encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "placeholder", tmp_path / name)
    assert bool(result.diagnostics) is reported


def test_a_long_lived_process_keeps_a_bounded_number_of_form_indexes() -> None:
    """A language server checks thousands of times: each check's forms must not stay in memory to the end."""
    import gc

    from lint.run import check_articles

    article = read_text("a.md", "---\ntitle: T\n---\n\nLorem ipsum dolor sit amet. TBD.\n", "markdown")

    def live_forms_after(runs: int) -> int:
        for _ in range(runs):
            assert check_articles([article], Config(select=("placeholder",)))
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, placeholder.Form))

    first = live_forms_after(placeholder.INDEXES_KEPT + 20)
    assert len(placeholder._INDEXES) <= placeholder.INDEXES_KEPT
    assert live_forms_after(placeholder.INDEXES_KEPT + 20) <= first * 1.05
