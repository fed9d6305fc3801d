"""The grammar check: Harper for real; LanguageTool through language-tool-python and real HTTP servers started here."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import language_tool_python
import pytest

from lint.grammar import languagetool
from lint.grammar.prose import segments
from lint.readers import read_text
from lint.text import LineIndex
from tests.conftest import FIXTURES, SEEDS

pytest.importorskip("harper", reason="the offline engine: pip install harper-py (in the test extra)")

REAL_LANGUAGETOOL = os.environ.get("LANGUAGETOOL_URL", "")
RECORDED = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "languagetool").glob("*.json"))]
CHECK_ANSWERS = [r for r in RECORDED if "text" in r["request"]]  # POST /v2/check
(LANGUAGES,) = [r["response"] for r in RECORDED if r["request"].get("path") == "/v2/languages"]
SENTENCES = "He have visited Baku. The the talks continue."

MARKDOWN_YAML = f"""---
title: "Talks in Baku"
date: 2026-01-26
sources:
  - "https://example.org/baku"
faq:
  - question: "What happened?"
    answer: "{SENTENCES}"
  - question: "And then?"
    answer: >-
      Officials met again on Tuesday.
      He have visited Baku.
---

The minister arrived on Monday. {SENTENCES}

## What is next

- He have visited Baku, and *the the* talks continue.
"""

MARKDOWN_TOML = f"""+++
title = "Talks in Baku"
date = 2026-01-26
sources = ["https://example.org/baku"]

[[faq]]
question = "What happened?"
answer = "He said: \\"He have visited Baku.\\" The the talks continue."
+++

The minister arrived on Monday. {SENTENCES}
"""

JSON_ARTICLE = json.dumps(
    {
        "title": "Talks in Baku",
        "date": "2026-01-26",
        "sources": ["https://example.org/baku"],
        "body": f'The minister arrived on Monday.\n\n"Yes," he said. {SENTENCES}',
        "faq": [{"question": "What happened?", "answer": SENTENCES}],
    },
    indent=2,
)

PLAIN_TEXT = f"""Talks in Baku

26/1/26

The minister arrived on Monday. {SENTENCES}

Sources

https://example.org/baku

Frequently asked questions

What happened?
{SENTENCES}
"""

FORMATS = {"story.md": MARKDOWN_YAML, "toml.md": MARKDOWN_TOML, "story.json": JSON_ARTICLE, "story.txt": PLAIN_TEXT}


@pytest.fixture(autouse=True)
def no_languagetool_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No LanguageTool unless a test starts one: no server in the environment, none installed."""
    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    empty = tmp_path / "no-languagetool"
    empty.mkdir()
    monkeypatch.setenv("LTP_PATH", str(empty))


def config(folder: Path, **grammar: Any) -> Path:
    """A copydesk.toml turning grammar on, with ``grammar`` as its [grammar] table."""
    lines = ["[checks]", "grammar = true", "", "[grammar]"]
    lines += [f"{key} = {toml(value)}" for key, value in grammar.items()]
    path = folder / "copydesk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)  # strings, numbers and booleans are written alike


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def placed(
    folder: Path, diagnostics: list[dict[str, Any]], prefix: str = "grammar"
) -> set[tuple[str, str, int, int, str]]:
    """(file, rule, line, column, the text of the file there) of each finding whose rule starts with ``prefix``."""
    out = set()
    for d in diagnostics:
        if d["rule"].startswith(prefix):
            line = (folder / Path(d["path"]).name).read_text(encoding="utf-8").splitlines()[d["line"] - 1]
            out.add(
                (Path(d["path"]).name, d["rule"], d["line"], d["column"], line[d["column"] - 1 : d["end_column"] - 1])
            )
    return out


def occurrences(name: str, source: str) -> set[tuple[str, str, int, int, str]]:
    """Where the two mistakes are written in ``source``: "have" after "He", and "The the" (any case)."""
    index = LineIndex(source)
    out = set()
    for m in re.finditer(r"\bHe (have)\b", source):
        out.add((name, "grammar.agreement", *index.position(m.start(1)), "have"))
    for m in re.finditer(r"\b[Tt]he the\b", source):
        out.add((name, "grammar.repetition", *index.position(m.start()), m.group()))
    return out


# ---- Harper, the offline engine, for real ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_harper_finds_both_mistakes_where_they_are_written_in_every_format(cli: Any, tmp_path: Path, name: str) -> None:
    folder = write(tmp_path / "articles", {name: FORMATS[name]})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), folder)
    assert placed(folder, result.diagnostics) == occurrences(name, FORMATS[name])
    assert result.err == ""


def test_a_finding_suggests_the_correction(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"story.txt": PLAIN_TEXT})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), folder)
    suggestions = {d["rule"]: d["suggestions"] for d in result.diagnostics if d["rule"].startswith("grammar")}
    assert suggestions == {"grammar.agreement": ["has"], "grammar.repetition": ["The"]}


def test_grammar_is_off_unless_turned_on(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    plain = cli("check", "--format", "json", folder)
    assert not [d for d in plain.diagnostics if d["rule"].startswith("grammar")]
    assert plain.err == ""
    selected = cli("check", "--format", "json", "--select", "grammar", folder)
    assert placed(folder, selected.diagnostics) == occurrences("story.md", MARKDOWN_YAML)


def test_spelling_is_left_to_the_spelling_check(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML.replace("arrived", "arived")})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), folder)
    at_typo = {(d["rule"], d["line"]) for d in result.diagnostics if d["line"] == 15 and d["column"] < 35}
    assert at_typo == {("spelling.unknown", 15)}


@pytest.mark.parametrize(
    ("rules", "flagged"),
    (
        ({}, False),  # the serial comma is a house-style choice: off
        ({"OxfordComma": True}, True),
    ),
)
def test_harper_rules_are_turned_on_and_off_by_name(
    cli: Any, tmp_path: Path, rules: dict[str, bool], flagged: bool
) -> None:
    text = "Talks in Baku\n\n26/1/26\n\nThey discussed trade, energy and security in Baku.\n"
    folder = write(tmp_path / "articles", {"story.txt": text})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper", harper_rules=rules), folder)
    assert bool([d for d in result.diagnostics if d["rule"] == "grammar.style"]) is flagged


def test_an_unknown_harper_rule_stops_the_run_with_a_suggestion(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"story.txt": PLAIN_TEXT})
    result = cli("check", "--config", config(tmp_path, harper_rules={"OxfordComa": True}), folder)
    assert result.code == 2
    assert "'OxfordComa' is not a Harper rule; did you mean 'OxfordComma'?" in result.err


def test_harper_leaves_other_languages_alone_and_says_so(cli: Any, tmp_path: Path) -> None:
    french = MARKDOWN_YAML.replace("---\ntitle", "---\nlang: fr\ntitle", 1)
    folder = write(tmp_path / "articles", {"fr.md": french, "en.md": MARKDOWN_YAML})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), folder)
    assert {f for f, *_ in placed(folder, result.diagnostics)} == {"en.md"}
    assert result.err.strip() == "copydesk: grammar: Harper checks English only: 1 file in fr not checked"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    (
        # found on news: Harper is right here
        ("Talks ended without agreement on the deployment of a international force.", ["a"]),
        ("Arafat was barred during an security cabinet meeting.", ["an"]),
        # good copy it misread, left alone
        ("The Coast Guard has sunk an unidentified boat after an exchange of fire.", []),
        ("A British man has been found guilty by a unanimous verdict.", []),
        ("He is head of the Jamiat Ulema-i-Islam Party, a long time ally.", []),
        ("Changes can be made to the line-up up to an hour before the match.", []),
        ('"It\'s important John Howard delivers the message," he said.', []),
        ("Don't think this fadeout means it's time to leave.", []),
        # … but the same rules are kept where they are right
        ("Fans held a umbrella in the rain.", ["a"]),
        ("It is an unique case, the judge said.", ["an"]),
        ("The dog wagged it's tail at the crowd.", ["it's"]),
    ),
)
def test_harper_on_news_sentences(cli: Any, tmp_path: Path, sentence: str, expected: list[str]) -> None:
    folder = write(tmp_path / "articles", {"story.txt": f"Talks\n\n26/1/26\n\n{sentence}\n"})
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), folder)
    found = [d for d in result.diagnostics if d["rule"].startswith("grammar")]
    assert [sentence[d["column"] - 1 : d["end_column"] - 1] for d in found] == expected


def test_the_seed_articles_have_no_grammar_findings(cli: Any, tmp_path: Path) -> None:
    # Harper's only lints on the seeds are spelling ones (Tacts, Drowpdown …), which the spelling check owns.
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="harper"), SEEDS)
    assert placed(SEEDS, result.diagnostics) == set()
    assert result.err == ""


# ---- what the engines read ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        ("# A heading\n\nA *bold* claim and _an emphasis_ here.", ["A heading", "A bold claim and an emphasis here."]),
        ("- one item\n- two items\n  continued", ["one item", "two items continued"]),
        ("1. first\n2. second", ["first", "second"]),
        ("> A quote\n> that runs on.", ["A quote that runs on."]),
        ("| a | b |\n|---|---|\n| c | d |", []),
        ("See [the list](https://example.org/list).", ["See the list."]),
        ("Run `copydesk check` now, then stop.", ["Run now, then stop."]),
        ("Read the `README`.", ["Read the."]),
        ("snake_case names stay", ["snake_case names stay"]),
        ("```\ncode here\n```\n\nText after.", ["Text after."]),
        ("Title\n=====\n\nBody text.", ["Title", "Body text."]),
        ("A note[^1] here.\n\n[^1]: The note.", ["A note here."]),
        ("Some {{ site.title }} text {: .lead}", ["Some text"]),
        ("~~Struck~~ and \\*escaped\\*.", ["Struck and *escaped*."]),
    ),
)
def test_markdown_reaches_the_engine_as_plain_sentences(body: str, expected: list[str]) -> None:
    article = read_text("a.md", "---\ntitle: T\n---\n" + body + "\n", "markdown")
    (text,) = article.body
    found = list(segments(text, markdown=True, source=article.source))
    assert [s.value for s in found] == expected
    for segment in found:  # every character an engine reads is that character of the file
        for k, ch in enumerate(segment.value):
            if ch != " ":
                start, end = segment.span(k, k + 1)
                assert article.source[start:end] == ch


# ---- LanguageTool through language-tool-python: real HTTP servers on this computer -------------


@dataclass(frozen=True)
class Asked:
    """One request a server received."""

    method: str
    path: str
    form: dict[str, str]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client gave up on a slow answer: nothing to report


def replay(text: str) -> dict[str, Any]:
    """What LanguageTool answered to each recorded request inside ``text``, offsets in UTF-16 as Java counts."""
    matches = []
    answer: dict[str, Any] = {"matches": matches}
    for recorded in CHECK_ANSWERS:
        answer = {**recorded["response"], "matches": matches}
        for m in re.finditer(re.escape(recorded["request"]["text"]), text):
            shift = len(text[: m.start()].encode("utf-16-le")) // 2
            matches += [{**match, "offset": match["offset"] + shift} for match in recorded["response"]["matches"]]
    return answer


# how a broken server answers: (HTTP status, content type, body)
BROKEN: dict[str, tuple[int, str, bytes]] = {
    "error": (500, "text/plain", b"Error: java.lang.OutOfMemoryError: Java heap space"),
    "gateway": (502, "application/json", b'{"message": "Internal server error"}'),
    "not json": (200, "text/html", b"<html><body>Welcome to nginx!</body></html>"),
    "other json": (200, "application/json", b'{"status": "ok"}'),
}


def leave_out(answer: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``answer`` without ``keys`` (``context``, ``rule.issueType``) in its first match, as another server may send."""
    if not keys:
        return answer
    first, *others = answer["matches"]
    first = {**first, "rule": dict(first["rule"])}
    for key in keys:
        owner, _, name = key.rpartition(".")
        (first[owner] if owner else first).pop(name)
    return {**answer, "matches": [first, *others]}


@contextlib.contextmanager
def languagetool_server(
    behaviour: str = "replay", fails: str = "/v2/check", delay: float = 2.0, missing: tuple[str, ...] = ()
) -> Iterator[tuple[str, list[Asked]]]:
    """A LanguageTool on 127.0.0.1: "replay" answers as recorded; the others fail as named at ``fails``.

    The first match of each ``/v2/check`` answer is sent without the ``missing`` keys (see :func:`leave_out`).
    """
    asked: list[Asked] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            self.answer(url.path, dict(urllib.parse.parse_qsl(url.query)))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            self.answer(urllib.parse.urlsplit(self.path).path, dict(urllib.parse.parse_qsl(body)))

        def answer(self, path: str, form: dict[str, str]) -> None:
            asked.append(Asked(self.command, path, form))
            status, kind, body = 200, "application/json", b""
            if path == "/v2/languages":
                body = json.dumps(LANGUAGES).encode()
            elif path != "/v2/check":
                status, kind, body = 404, "text/plain", b"Error: not found"
            elif not form["language"].startswith("en"):  # as LanguageTool 6 answers an unknown language
                status, kind = 400, "text/plain"
                body = f"Error: '{form['language']}' is not a language code known to LanguageTool.".encode()
            else:
                body = json.dumps(leave_out(replay(form["text"]), missing)).encode()
            if path == fails and behaviour == "slow":
                time.sleep(delay)
            elif path == fails and behaviour in BROKEN:
                status, kind, body = BROKEN[behaviour]
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    if behaviour == "refused":  # a port nothing listens on
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        yield f"http://127.0.0.1:{port}", asked
        return
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", asked
    finally:
        httpd.shutdown()
        httpd.server_close()


def three_articles(folder: Path) -> Path:
    """Three articles with grammar mistakes, and an FAQ answer another check reports (TBD)."""
    stories = {f"story{n}.md": MARKDOWN_YAML for n in (1, 2)}
    stories["story3.md"] = MARKDOWN_YAML.replace(
        'answer: "He have visited Baku. The the talks continue."', 'answer: "TBD"'
    )
    return write(folder, stories)


def with_lang(lang: str) -> str:
    return MARKDOWN_YAML.replace("---\ntitle", f"---\nlang: {lang}\ntitle", 1)


OOM = "answered HTTP 500 Internal Server Error: Error: java.lang.OutOfMemoryError: Java heap space"
NOT_JSON = "answered with something that is not JSON (is it a LanguageTool server?)"
ENDPOINTS = ["/v2/languages", "/v2/check"]  # what language-tool-python asks, in order


@pytest.mark.parametrize(
    ("behaviour", "fails", "why"),
    (
        ("refused", "", "refused the connection (is the server running?)"),
        ("slow", "/v2/languages", "did not answer within 0.3 seconds"),
        ("slow", "/v2/check", "did not answer within 0.3 seconds"),
        ("error", "/v2/languages", OOM),
        ("error", "/v2/check", OOM),
        ("gateway", "/v2/check", 'answered HTTP 502 Bad Gateway: {"message": "Internal server error"}'),
        ("not json", "/v2/languages", NOT_JSON),
        ("not json", "/v2/check", NOT_JSON),
        ("other json", "/v2/languages", "answered JSON without a list of languages (is it a LanguageTool server?)"),
        ("other json", "/v2/check", "answered JSON without a list of matches (is it a LanguageTool server?)"),
    ),
)
def test_a_failing_server_gives_one_notice_and_the_other_checks_still_run(
    cli: Any, tmp_path: Path, behaviour: str, fails: str, why: str
) -> None:
    folder = three_articles(tmp_path / "articles")
    without = cli("check", "--format", "json", folder)
    with languagetool_server(behaviour, fails) as (url, asked):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url, timeout=0.3)
        result = cli("check", "--format", "json", "--config", cfg, folder)
    assert result.code == without.code == 1  # the TBD answer; grammar changes nothing
    assert result.diagnostics == without.diagnostics
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} {why}; 3 of 3 files were not checked for grammar"
    ]
    # a broken server is asked once, not once per file, and never twice the same thing
    expected = [] if behaviour == "refused" else ENDPOINTS[: ENDPOINTS.index(fails) + 1]
    assert [a.path for a in asked] == expected


@pytest.mark.parametrize("fails", ENDPOINTS)
def test_a_slow_server_is_given_up_on_after_the_configured_timeout(cli: Any, tmp_path: Path, fails: str) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("slow", fails, delay=30) as (url, _):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url, timeout=0.3)
        started = time.monotonic()
        result = cli("check", "--config", cfg, folder)
        took = time.monotonic() - started
    assert took < 5  # language-tool-python on its own waits 300 seconds, twice
    assert "did not answer within 0.3 seconds" in result.err


def test_when_languagetool_fails_harper_checks_instead(cli: Any, tmp_path: Path) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("error") as (url, _):
        result = cli("check", "--format", "json", "--languagetool-url", url, "--select", "grammar", folder)
    assert {(f, rule) for f, rule, *_ in placed(folder, result.diagnostics)} >= {
        ("story1.md", "grammar.agreement"),
        ("story3.md", "grammar.repetition"),
    }
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} {OOM}; Harper checked 3 of 3 files instead"
    ]


@pytest.mark.parametrize("address", ["http://[::1", "http://localhost:99999", "ftp://example.org", "http://a b"])
def test_an_address_no_server_can_have_is_one_notice_not_a_traceback(cli: Any, tmp_path: Path, address: str) -> None:
    folder = three_articles(tmp_path / "articles")
    result = cli("check", "--format", "json", "--languagetool-url", address, "--select", "grammar", folder)
    assert result.code == 0  # grammar findings are warnings: the exit status is what it would be without
    assert {rule for _, rule, *_ in placed(folder, result.diagnostics)} == {"grammar.agreement", "grammar.repetition"}
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {languagetool.base_url(address)} is not an address a LanguageTool "
        "server can have (expected http://host:port or https://host); Harper checked 3 of 3 files instead"
    ]


def test_the_server_is_asked_its_languages_once_per_run_and_each_file_once(cli: Any, tmp_path: Path) -> None:
    files = {"a.md": MARKDOWN_YAML, "b.md": with_lang("en_gb"), "c.md": with_lang("en-IN"), "d.md": with_lang("en-US")}
    folder = write(tmp_path / "articles", files)
    with languagetool_server() as (url, asked):
        result = cli("check", "--select", "grammar", "--languagetool-url", url, folder)
    assert result.err == ""
    assert [(a.method, a.path) for a in asked] == [("GET", "/v2/languages")] + [("POST", "/v2/check")] * 4
    # each text in its article's language, as the server names it: it lists en-GB and en-US, not en-IN
    assert sorted(a.form["language"] for a in asked[1:]) == ["en", "en", "en-GB", "en-US"]
    assert {a.form["disabledCategories"] for a in asked[1:]} == {"TYPOS"}


def test_a_language_the_server_does_not_know_skips_that_file_only(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML, "b.md": with_lang("tlh"), "c.md": MARKDOWN_YAML})
    with languagetool_server() as (url, asked):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--select", "grammar", "--config", cfg, folder)
    assert [a.path for a in asked] == ["/v2/languages"] + ["/v2/check"] * 3
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} answered HTTP 400 Bad Request: Error: 'tlh' is not a language "
        f"code known to LanguageTool.; LanguageTool at {url} checked 2 of 3 files; "
        "1 of 3 files was not checked for grammar"
    ]


def test_the_environment_names_the_server(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server() as (url, asked):
        monkeypatch.setenv("LANGUAGETOOL_URL", url + "/v2/")
        result = cli("check", "--config", config(tmp_path, engine="languagetool"), folder)
    assert [a.path for a in asked] == ["/v2/languages"] + ["/v2/check"] * 3  # one request per article
    assert "grammar" not in result.err


def test_recorded_answers_become_findings_at_the_right_places(cli: Any, tmp_path: Path) -> None:
    text = textwrap.dedent("""\
        Talks in Baku

        26/1/26

        Crowds cheered 🎉 in the square.

        LanguageTool Extensin is the best onee there shud be.

        Frequently asked questions

        What is this?
        a simple test
        """)
    folder = write(tmp_path / "articles", {"story.txt": text})
    with languagetool_server() as (url, asked):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--format", "json", "--select", "grammar", "--config", cfg, folder)
    (d,) = result.diagnostics  # the three spelling matches of the second recording are dropped
    line = text.splitlines()[d["line"] - 1]
    assert (d["rule"], line, d["column"], d["end_column"]) == (
        "grammar.UPPERCASE_SENTENCE_START",
        "a simple test",
        1,
        2,
    )
    assert d["message"] == "This sentence does not start with an uppercase letter"
    assert d["suggestions"] == ["A"]
    assert d["severity"] == "warning"
    (form,) = [a.form for a in asked if a.path == "/v2/check"]  # one request for the whole article
    assert form["disabledCategories"] == "TYPOS"  # spelling turned off in it
    assert form["language"] == "en"
    assert "a simple test" in form["text"] and "Crowds cheered" in form["text"]


SIMPLE_TESTS = textwrap.dedent("""\
    Talks in Baku

    26/1/26

    a simple test

    Frequently asked questions

    What is this?
    a simple test
    """)


@pytest.mark.parametrize(
    ("missing", "lines"),
    (
        ((), [5, 10]),
        # what language-tool-python's Match reads but a finding does not need: filled in, the match kept
        (("context", "rule.issueType"), [5, 10]),
        (("rule.category", "replacements", "message"), [5, 10]),
        # what a finding needs: that match alone is dropped
        (("offset",), [10]),
        (("rule.id", "context"), [10]),
    ),
)
def test_a_match_without_what_a_finding_needs_costs_only_that_match(
    cli: Any, tmp_path: Path, missing: tuple[str, ...], lines: list[int]
) -> None:
    folder = write(tmp_path / "articles", {"story.txt": SIMPLE_TESTS})
    with languagetool_server(missing=missing) as (url, asked):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--format", "json", "--select", "grammar", "--config", cfg, folder)
    assert [a.path for a in asked] == ["/v2/languages", "/v2/check"]
    assert result.err == ""
    assert [(d["rule"], d["line"], d["column"], d["end_column"]) for d in result.diagnostics] == [
        ("grammar.UPPERCASE_SENTENCE_START", line, 1, 2) for line in lines
    ]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    ("text", "flagged"),
    (
        ("He have visited Baku.", "have"),
        ("Crowds 🎉 cheered. He have visited Baku.", "have"),  # before it: the offset moves
        ("He have🎉 visited Baku.", "have🎉"),  # inside it: the length moves
        ("🎉🎉 He 𝐡𝐚𝐯𝐞 visited 🎉 Baku.", "𝐡𝐚𝐯𝐞"),  # both
    ),
)
def test_languagetool_utf16_offsets_become_python_indices_once(text: str, flagged: str) -> None:
    start = text.index(flagged)
    answer = {  # one match as LanguageTool sends it: offset and length in UTF-16 code units
        "message": "The pronoun 'He' must be used with a third-person verb.",
        "replacements": [{"value": "has"}],
        "offset": utf16(text[:start]),
        "length": utf16(flagged),
        "context": {"text": text, "offset": utf16(text[:start]), "length": utf16(flagged)},
        "rule": {"id": "HE_VERB_AGR", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
    }
    (match,) = languagetool.matches([language_tool_python.Match(answer, text)], text)
    assert text[match.offset : match.offset + match.length] == flagged


@pytest.mark.parametrize(
    ("url", "base"),
    (
        ("http://localhost:8081", "http://localhost:8081"),
        ("http://localhost:8081/", "http://localhost:8081"),
        ("http://localhost:8081/v2", "http://localhost:8081"),
        ("https://api.languagetool.org/v2/check", "https://api.languagetool.org"),
        ("lt.example.org:8010", "http://lt.example.org:8010"),
    ),
)
def test_a_server_address_is_accepted_in_its_usual_forms(url: str, base: str) -> None:
    assert languagetool.base_url(url) == base


@pytest.mark.skipif(not REAL_LANGUAGETOOL, reason="set LANGUAGETOOL_URL to a LanguageTool server to run this test")
def test_a_real_languagetool_finds_both_mistakes(cli: Any, tmp_path: Path) -> None:
    folder = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    cfg = config(tmp_path, engine="languagetool", languagetool_url=REAL_LANGUAGETOOL, timeout=30)
    result = cli("check", "--format", "json", "--select", "grammar", "--config", cfg, folder)
    assert result.err == ""
    found = placed(folder, result.diagnostics)
    flagged = {(line, text) for _, _, line, _, text in found}
    for _, _, line, _, text in occurrences("story.md", MARKDOWN_YAML):
        assert any(at == line and text in words for at, words in flagged), (line, text, found)
    assert not [rule for _, rule, *_ in found if rule.startswith(("grammar.MORFOLOGIK", "grammar.HUNSPELL"))]


# ---- no engine at all ---------------------------------------------------------------------------


def test_no_engine_gives_one_notice_and_changes_nothing_else(cli: Any, tmp_path: Path) -> None:
    folder = three_articles(tmp_path / "articles")
    without = cli("check", "--format", "json", folder)
    result = cli("check", "--format", "json", "--config", config(tmp_path, engine="languagetool"), folder)
    assert (result.code, result.diagnostics) == (without.code, without.diagnostics)
    (notice,) = result.err.splitlines()
    assert notice.startswith("copydesk: grammar: grammar was not checked: no LanguageTool server is configured")
    assert "pip install harper-py" in notice and "LANGUAGETOOL_URL" in notice


def test_require_grammar_without_an_engine_exits_2(cli: Any, tmp_path: Path) -> None:
    folder = three_articles(tmp_path / "articles")
    result = cli("check", "--require", "grammar", "--config", config(tmp_path, engine="languagetool"), folder)
    assert result.code == 2
    assert "--require grammar" in result.err and "LANGUAGETOOL_URL" in result.err
    assert result.out == ""


@pytest.mark.parametrize("fails", ENDPOINTS)
def test_require_grammar_with_a_failing_server_exits_2(cli: Any, tmp_path: Path, fails: str) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("error", fails) as (url, _):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--require", "grammar", "--config", cfg, folder)
    assert result.code == 2
    assert f"LanguageTool at {url} {OOM}; --require grammar stops the run" in result.err


# ---- a LanguageTool installed on this computer ---------------------------------------------------


def install(folder: Path, jar: str | None = "languagetool-server.jar") -> Path:
    """A LanguageTool folder, with its server jar (empty: found, not started) unless ``jar`` is None."""
    folder.mkdir(parents=True)
    if jar is not None:
        (folder / jar).write_bytes(b"")
    return folder


def test_the_newest_installed_languagetool_is_found_and_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "ltp"
    for version in ("5.9", "6.6", "6.6-SNAPSHOT"):  # a snapshot of 6.6 comes before 6.6
        install(cache / f"LanguageTool-{version}")
    install(cache / "LanguageTool-6.7", jar=None)  # an unfinished download
    install(cache / "libexec")  # only LanguageTool-<version> folders are looked at here
    monkeypatch.setenv("LTP_PATH", str(cache))
    found = languagetool.find_local()
    assert found is not None and (found.version, found.jar) == (
        "6.6",
        cache / "LanguageTool-6.6/languagetool-server.jar",
    )
    install(cache / "LanguageTool-6.8-SNAPSHOT")  # as LanguageTool's snapshot zips unpack
    found = languagetool.find_local()
    assert found is not None and (found.version, found.jar) == (
        "6.8-SNAPSHOT",
        cache / "LanguageTool-6.8-SNAPSHOT/languagetool-server.jar",
    )
    install(cache / "LanguageTool-20250301", jar="languagetool.jar")  # snapshots come after releases, as it orders them
    found = languagetool.find_local()
    assert found is not None and (found.version, found.jar) == (
        "20250301",
        cache / "LanguageTool-20250301/languagetool.jar",
    )
    found = languagetool.find_local(cache / "LanguageTool-5.9" / "languagetool-server.jar")
    assert found is not None and found.folder == cache / "LanguageTool-5.9"
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(cache / "LanguageTool-5.9"))
    found = languagetool.find_local()
    assert found is not None and found.version == "5.9"
    monkeypatch.delenv("LTP_JAR_DIR_PATH")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    assert languagetool.find_local() is None
    assert not (tmp_path / "nothing-here").exists()  # looking never creates the download folder


@pytest.mark.parametrize(
    ("folder", "jar"),
    (
        ("LanguageTool-6.6", None),
        ("libexec", "languagetool-commandline.jar"),  # not the server
        ("nowhere", None),
    ),
)
def test_a_configured_languagetool_that_is_not_there_is_reported(
    cli: Any, tmp_path: Path, folder: str, jar: str | None
) -> None:
    if folder != "nowhere":
        install(tmp_path / folder, jar)
    articles = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    result = cli("check", "--config", config(tmp_path, engine="languagetool", languagetool_path=folder), articles)
    assert result.err.startswith(
        f"copydesk: grammar: there is no LanguageTool at {tmp_path / folder} (languagetool_path);"
    )


@pytest.mark.skipif(not shutil.which("java"), reason="needs Java")
def test_a_server_java_cannot_start_is_reported_with_what_java_said(cli: Any, tmp_path: Path) -> None:
    jar = install(tmp_path / "libexec") / "languagetool-server.jar"  # empty: no server class in it
    articles = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    before = _java_servers()
    result = cli("check", "--config", config(tmp_path, engine="languagetool", languagetool_path="libexec"), articles)
    (notice,) = result.err.splitlines()
    assert notice.startswith(
        f"copydesk: grammar: the LanguageTool at {jar} could not be started: Java stopped (exit code"
    )
    assert "org.languagetool.server.HTTPServer" in notice  # Java's words: the class it could not find
    assert notice.endswith("; 1 of 1 file was not checked for grammar")
    assert _java_servers() == before


def test_an_installed_languagetool_without_java_is_reported(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jar = install(tmp_path / "LanguageTool-6.6") / "languagetool-server.jar"
    folder = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    cfg = config(tmp_path, engine="languagetool", languagetool_path="LanguageTool-6.6")
    result = cli("check", "--config", cfg, folder)
    assert result.err.splitlines() == [
        f"copydesk: grammar: the LanguageTool at {jar} needs Java, which is not installed here; "
        "1 of 1 file was not checked for grammar"
    ]


STAND_IN = """\
package org.languagetool.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** Answers like LanguageTool's HTTPServer: "have" after "He" is HE_VERB_AGR, offsets in Java chars. */
public class HTTPServer {
  public static void main(String[] args) throws Exception {
    String delay = System.getenv("STAND_IN_DELAY");  // seconds before it listens, as a cold LanguageTool takes
    if (delay != null) Thread.sleep((long) (Double.parseDouble(delay) * 1000));
    List<String> argv = Arrays.asList(args);
    int at = argv.contains("-p") ? argv.indexOf("-p") : argv.indexOf("--port");
    int port = Integer.parseInt(args[at + 1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    log("started");
    server.createContext("/v2/healthcheck", ex -> reply(ex, "OK"));
    server.createContext("/v2/languages", ex -> {
      log("/v2/languages");
      reply(ex, "[{\\"name\\": \\"English\\", \\"code\\": \\"en\\", \\"longCode\\": \\"en\\"}]");
    });
    server.createContext("/v2/check", ex -> {
      log("/v2/check");
      String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String text = "";
      for (String pair : form.split("&")) {
        if (pair.startsWith("text=")) text = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
      StringBuilder matches = new StringBuilder();
      for (int i = text.indexOf("He have"); i >= 0; i = text.indexOf("He have", i + 1)) {
        if (matches.length() > 0) matches.append(",");
        matches.append("{\\"message\\": \\"The pronoun 'He' must be used with a third-person verb.\\", "
            + "\\"replacements\\": [{\\"value\\": \\"has\\"}], \\"offset\\": " + (i + 3) + ", \\"length\\": 4, "
            + "\\"context\\": {\\"text\\": \\"\\", \\"offset\\": 0, \\"length\\": 4}, "
            + "\\"rule\\": {\\"id\\": \\"HE_VERB_AGR\\", \\"issueType\\": \\"grammar\\", "
            + "\\"category\\": {\\"id\\": \\"GRAMMAR\\"}}}");
      }
      reply(ex, "{\\"matches\\": [" + matches + "]}");
    });
    server.start();
  }

  /** One line per start and per request, in the file STAND_IN_LOG names. */
  static void log(String line) {
    String path = System.getenv("STAND_IN_LOG");
    if (path == null) return;
    try {
      Files.writeString(Path.of(path), line + "\\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new RuntimeException(e);
    }
  }

  static void reply(HttpExchange ex, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
"""

HAS_JDK = bool(shutil.which("javac") and shutil.which("jar"))
needs_jdk = pytest.mark.skipif(not HAS_JDK, reason="needs a JDK to build the stand-in")


def stand_in(tmp_path: Path, where: str = "ltp/LanguageTool-6.6") -> Path:
    """A stand-in for LanguageTool's server class, in ``languagetool-server.jar`` in ``where`` under ``tmp_path``.

    By default in the folder layout language-tool-python downloads to.
    """
    src = tmp_path / "src" / "HTTPServer.java"
    src.parent.mkdir()
    src.write_text(STAND_IN, encoding="utf-8")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True, capture_output=True)
    folder = tmp_path / where
    folder.mkdir(parents=True)
    subprocess.run(["jar", "cf", str(folder / "languagetool-server.jar"), "-C", str(classes), "."], check=True)
    return folder


@needs_jdk
def test_an_installed_languagetool_is_started_once_and_stopped_at_the_end(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = stand_in(tmp_path)  # 6.6, where language-tool-python would download 6.8
    log = tmp_path / "stand-in.log"
    monkeypatch.setenv("LTP_PATH", str(installed.parent))
    monkeypatch.setenv("STAND_IN_LOG", str(log))
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML, "b.txt": PLAIN_TEXT})
    before = _java_servers()
    result = cli("check", "--format", "json", "--select", "grammar", "--config", config(tmp_path), folder)
    assert result.err == ""
    expected = {
        f for f in occurrences("a.md", MARKDOWN_YAML) | occurrences("b.txt", PLAIN_TEXT) if f[1].endswith("agreement")
    }
    assert placed(folder, result.diagnostics) == {(f, "grammar.HE_VERB_AGR", *rest) for f, _, *rest in expected}
    assert log.read_text().split() == ["started", "/v2/languages", "/v2/check", "/v2/check"]
    assert _java_servers() == before  # the server started for the run is gone
    assert sorted(p.name for p in installed.parent.rglob("*")) == ["LanguageTool-6.6", "languagetool-server.jar"]


@needs_jdk
def test_a_languagetool_in_any_folder_is_started(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = stand_in(tmp_path, "Cellar/languagetool/6.6/libexec")  # as Homebrew installs it
    log = tmp_path / "stand-in.log"
    monkeypatch.setenv("STAND_IN_LOG", str(log))
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML})
    before = _java_servers()
    cfg = config(tmp_path, languagetool_path=str(installed.relative_to(tmp_path)))
    result = cli("check", "--format", "json", "--select", "grammar", "--config", cfg, folder)
    assert result.err == ""
    expected = {f for f in occurrences("a.md", MARKDOWN_YAML) if f[1].endswith("agreement")}
    assert placed(folder, result.diagnostics) == {(f, "grammar.HE_VERB_AGR", *rest) for f, _, *rest in expected}
    assert log.read_text().split() == ["started", "/v2/languages", "/v2/check"]
    assert _java_servers() == before


@needs_jdk
@pytest.mark.parametrize(
    ("ltp_waits", "copydesk_waits", "takes", "started"),
    (
        (1, languagetool.START_TIMEOUT, 2.5, True),  # past what language-tool-python would wait: still started
        (15, 2, 4, False),  # past what copydesk waits: given up on then, and stopped
    ),
)
def test_a_slow_starting_server_is_waited_for_copydesk_s_start_timeout(
    cli: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ltp_waits: int,
    copydesk_waits: int,
    takes: float,
    started: bool,
) -> None:
    installed = stand_in(tmp_path)
    jar = installed / "languagetool-server.jar"
    monkeypatch.setattr(language_tool_python.LanguageTool._wait_for_server_ready, "__defaults__", (ltp_waits,))
    monkeypatch.setattr(languagetool, "START_TIMEOUT", copydesk_waits)
    monkeypatch.setenv("STAND_IN_DELAY", str(takes))
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML})
    before = _java_servers()
    cfg = config(tmp_path, engine="languagetool", languagetool_path=str(installed.relative_to(tmp_path)))
    begun = time.monotonic()
    result = cli("check", "--format", "json", "--select", "grammar", "--config", cfg, folder)
    took = time.monotonic() - begun
    assert _java_servers() == before
    if started:
        assert result.err == ""
        assert {rule for _, rule, *_ in placed(folder, result.diagnostics)} == {"grammar.HE_VERB_AGR"}
    else:
        assert result.err.splitlines() == [
            f"copydesk: grammar: the LanguageTool at {jar} did not start within 2 seconds; "
            "1 of 1 file was not checked for grammar"
        ]
        assert took < takes


def _java_servers() -> set[str]:
    """Process ids of running LanguageTool server classes."""
    out = set()
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if b"org.languagetool.server.HTTPServer" in (proc / "cmdline").read_bytes():
                out.add(proc.name)
    return out


@contextlib.contextmanager
def download_host() -> Iterator[tuple[str, list[str]]]:
    """A stand-in for the hosts language-tool-python downloads LanguageTool from: notes every request, has nothing."""
    paths: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            self.send_error(404)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", paths
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    "installed",
    (
        "no download folder",
        "an empty download folder",
        "an unfinished download",  # LanguageTool-6.8, language-tool-python's own version, without its jar
        pytest.param("LanguageTool 6.6", marks=needs_jdk),  # not language-tool-python's version: started as is
        pytest.param("LanguageTool 6.8-SNAPSHOT", marks=needs_jdk),  # a name language-tool-python does not read
    ),
)
def test_language_tool_python_is_never_left_to_download_languagetool(tmp_path: Path, installed: str) -> None:
    ltp = tmp_path / "ltp"
    if installed.startswith("LanguageTool "):
        stand_in(tmp_path, "ltp/" + installed.replace(" ", "-"))
    elif installed != "no download folder":
        ltp.mkdir()
    if installed == "an unfinished download":
        (ltp / "LanguageTool-6.8").mkdir()
    before = sorted(ltp.rglob("*")) if ltp.exists() else None
    folder = write(tmp_path / "articles", {"story.md": MARKDOWN_YAML})
    cfg = config(tmp_path, engine="languagetool")
    with download_host() as (host, downloads):
        env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGETOOL_URL", "LTP_JAR_DIR_PATH")}
        env["LTP_PATH"] = str(ltp)
        for kind in ("SNAPSHOT", "NEW_RELEASES", "RELEASE", "ARCHIVE"):  # read by language-tool-python when imported
            env[f"LTP_DOWNLOAD_HOST_{kind}"] = f"{host}/{kind.lower()}/"
        run = subprocess.run(
            [sys.executable, "-m", "lint", "check", "--format", "json", "--config", str(cfg), str(folder)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert downloads == []
    assert (sorted(ltp.rglob("*")) if ltp.exists() else None) == before
    rules = {d["rule"] for d in json.loads(run.stdout)["diagnostics"]}
    if installed.startswith("LanguageTool "):
        assert "grammar.HE_VERB_AGR" in rules and run.stderr == ""
    else:
        assert "none is installed here" in run.stderr
