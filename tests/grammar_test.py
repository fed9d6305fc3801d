"""The grammar check: Harper for real, LanguageTool through real HTTP servers started here."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from lint.grammar import languagetool
from lint.grammar.prose import segments
from lint.readers import read_text
from lint.text import LineIndex
from tests.conftest import FIXTURES, SEEDS

pytest.importorskip("harper", reason="the offline engine: pip install harper-py (in the test extra)")

REAL_LANGUAGETOOL = os.environ.get("LANGUAGETOOL_URL", "")
RECORDED = sorted((FIXTURES / "languagetool").glob("*.json"))
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


# ---- LanguageTool: real HTTP servers on this computer ------------------------------------------


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client gave up on a slow answer: nothing to report


def replay(text: str) -> dict[str, Any]:
    """What LanguageTool answered to each recorded request inside ``text``, offsets in UTF-16 as Java counts."""
    matches = []
    answer: dict[str, Any] = {"matches": matches}
    for path in RECORDED:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        answer = {**recorded["response"], "matches": matches}
        for m in re.finditer(re.escape(recorded["request"]["text"]), text):
            shift = len(text[: m.start()].encode("utf-16-le")) // 2
            matches += [{**match, "offset": match["offset"] + shift} for match in recorded["response"]["matches"]]
    return answer


@contextlib.contextmanager
def languagetool_server(behaviour: str, delay: float = 2.0) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A LanguageTool on 127.0.0.1: "replay" answers as recorded, the others fail as named."""
    requests: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            requests.append(form)
            status, body = 200, b""
            if behaviour == "slow":
                time.sleep(delay)
                body = b'{"matches": []}'
            elif behaviour == "error":
                status, body = 500, b"Error: java.lang.OutOfMemoryError: Java heap space"
            elif behaviour == "not json":
                body = b"<html><body>Welcome to nginx!</body></html>"
            elif behaviour == "other json":
                body = b'{"status": "ok"}'
            elif not form["language"].startswith("en"):  # as LanguageTool 6 answers an unknown language
                status, body = (
                    400,
                    f"Error: '{form['language']}' is not a language code known to LanguageTool.".encode(),
                )
            else:
                body = json.dumps(replay(form["text"])).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    if behaviour == "refused":  # a port nothing listens on
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        yield f"http://127.0.0.1:{port}", requests
        return
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", requests
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


@pytest.mark.parametrize(
    ("behaviour", "why"),
    (
        ("refused", "refused the connection (is the server running?)"),
        ("slow", "did not answer within 0.3 seconds"),
        ("error", "answered HTTP 500 Internal Server Error: Error: java.lang.OutOfMemoryError: Java heap space"),
        ("not json", "answered with something that is not JSON (is it a LanguageTool server?)"),
        ("other json", "answered JSON without a list of matches (is it a LanguageTool server?)"),
    ),
)
def test_a_failing_server_gives_one_notice_and_the_other_checks_still_run(
    cli: Any, tmp_path: Path, behaviour: str, why: str
) -> None:
    folder = three_articles(tmp_path / "articles")
    without = cli("check", "--format", "json", folder)
    with languagetool_server(behaviour) as (url, requests):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url, timeout=0.3)
        result = cli("check", "--format", "json", "--config", cfg, folder)
    assert result.code == without.code == 1  # the TBD answer; grammar changes nothing
    assert result.diagnostics == without.diagnostics
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} {why}; 3 of 3 files were not checked for grammar"
    ]
    assert len(requests) == (0 if behaviour == "refused" else 1)  # a broken server is asked once, not per file


def test_when_languagetool_fails_harper_checks_instead(cli: Any, tmp_path: Path) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("error") as (url, _):
        result = cli("check", "--format", "json", "--languagetool-url", url, "--select", "grammar", folder)
    assert {(f, rule) for f, rule, *_ in placed(folder, result.diagnostics)} >= {
        ("story1.md", "grammar.agreement"),
        ("story3.md", "grammar.repetition"),
    }
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} answered HTTP 500 Internal Server Error: "
        "Error: java.lang.OutOfMemoryError: Java heap space; Harper checked 3 of 3 files instead"
    ]


def test_a_language_the_server_does_not_know_skips_that_file_only(cli: Any, tmp_path: Path) -> None:
    unknown = MARKDOWN_YAML.replace("---\ntitle", "---\nlang: tlh\ntitle", 1)
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML, "b.md": unknown, "c.md": MARKDOWN_YAML})
    with languagetool_server("replay") as (url, requests):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--select", "grammar", "--config", cfg, folder)
    assert len(requests) == 3
    assert result.err.splitlines() == [
        f"copydesk: grammar: LanguageTool at {url} answered HTTP 400 Bad Request: Error: 'tlh' is not a language "
        f"code known to LanguageTool.; LanguageTool at {url} checked 2 of 3 files; "
        "1 of 3 files was not checked for grammar"
    ]


def test_the_environment_names_the_server(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("replay") as (url, requests):
        monkeypatch.setenv("LANGUAGETOOL_URL", url + "/v2/")
        cli("check", "--config", config(tmp_path, engine="languagetool"), folder)
    assert len(requests) == 3  # one request per article


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
    with languagetool_server("replay") as (url, requests):
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
    (form,) = requests  # one request for the whole article, spelling turned off in it
    assert form["disabledCategories"] == "TYPOS"
    assert form["language"] == "en"
    assert "a simple test" in form["text"] and "Crowds cheered" in form["text"]


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


def test_require_grammar_with_a_failing_server_exits_2(cli: Any, tmp_path: Path) -> None:
    folder = three_articles(tmp_path / "articles")
    with languagetool_server("refused") as (url, _):
        cfg = config(tmp_path, engine="languagetool", languagetool_url=url)
        result = cli("check", "--require", "grammar", "--config", cfg, folder)
    assert result.code == 2
    assert f"LanguageTool at {url} refused the connection" in result.err


# ---- a LanguageTool installed on this computer ---------------------------------------------------


def test_the_newest_installed_languagetool_is_found_and_nothing_is_downloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "ltp"
    for version, jar in (("5.9", True), ("6.6", True), ("6.7", False)):
        (cache / f"LanguageTool-{version}").mkdir(parents=True)
        if jar:
            (cache / f"LanguageTool-{version}" / "languagetool-server.jar").write_bytes(b"")
    monkeypatch.setenv("LTP_PATH", str(cache))
    assert languagetool.find_local() == cache / "LanguageTool-6.6" / "languagetool-server.jar"
    assert languagetool.find_local(cache / "LanguageTool-5.9") == cache / "LanguageTool-5.9" / "languagetool-server.jar"
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    assert languagetool.find_local() is None
    assert not (tmp_path / "nothing-here").exists()  # looking never creates the download folder


def test_an_installed_languagetool_without_java_is_reported(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jar = tmp_path / "LanguageTool-6.6" / "languagetool-server.jar"
    jar.parent.mkdir()
    jar.write_bytes(b"")
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

/** Answers like LanguageTool's HTTPServer: "have" after "He" is HE_VERB_AGR, offsets in Java chars. */
public class HTTPServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[java.util.Arrays.asList(args).indexOf("--port") + 1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/v2/languages", ex -> reply(ex, "[{\\"code\\": \\"en\\", \\"longCode\\": \\"en-US\\"}]"));
    server.createContext("/v2/check", ex -> {
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
            + "\\"rule\\": {\\"id\\": \\"HE_VERB_AGR\\", \\"category\\": {\\"id\\": \\"GRAMMAR\\"}}}");
      }
      reply(ex, "{\\"matches\\": [" + matches + "]}");
    });
    server.start();
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


@pytest.mark.skipif(not (shutil.which("javac") and shutil.which("jar")), reason="needs a JDK to build the stand-in")
def test_an_installed_languagetool_is_started_once_and_stopped_at_the_end(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for LanguageTool's server class, in the folder layout language-tool-python downloads to.
    src = tmp_path / "src" / "HTTPServer.java"
    src.parent.mkdir()
    src.write_text(STAND_IN, encoding="utf-8")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True, capture_output=True)
    install = tmp_path / "ltp" / "LanguageTool-6.6"
    install.mkdir(parents=True)
    subprocess.run(["jar", "cf", str(install / "languagetool-server.jar"), "-C", str(classes), "."], check=True)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    folder = write(tmp_path / "articles", {"a.md": MARKDOWN_YAML, "b.txt": PLAIN_TEXT})
    before = _java_servers()
    result = cli("check", "--format", "json", "--select", "grammar", "--config", config(tmp_path), folder)
    assert result.err == ""
    expected = {
        f for f in occurrences("a.md", MARKDOWN_YAML) | occurrences("b.txt", PLAIN_TEXT) if f[1].endswith("agreement")
    }
    assert placed(folder, result.diagnostics) == {(f, "grammar.HE_VERB_AGR", *rest) for f, _, *rest in expected}
    assert _java_servers() == before  # the server started for the run is gone


def _java_servers() -> set[str]:
    """Process ids of running LanguageTool server classes."""
    out = set()
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if b"org.languagetool.server.HTTPServer" in (proc / "cmdline").read_bytes():
                out.add(proc.name)
    return out
