"""``--format html``: the page an editor opens, read back as a browser renders it.

The end-to-end tests run a real headless Chromium on the written file and look at the
rendered DOM (after the page's own script has run: the filters take their state from the
address's fragment, so ``--dump-dom`` shows a filtered page); the position and reading
tests parse the page the reporter writes for small texts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import urllib.parse
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from lint.diagnostics import Diagnostic, Severity
from lint.readers import read_text
from lint.report import html_report
from lint.run import Result
from lint.text import LineIndex
from tests.conftest import SEEDS

FAQ_ARTICLE = """---
title: "Council <b>votes</b> on the budget"
date: 2026-02-01
sources:
  - https://example.org/budget
faq:
  - question: "What changed?"
    answer: "The council aproved the new budget on Tuesday."
---

The council met on Tuesday.

<script>document.title = "pwned"; document.body.insertAdjacentHTML("beforeend", "<p id=pwned>pwned</p>")</script>
"""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def all(self, tag: str = "", **attrs: str) -> list[Node]:
        found: list[Node] = []
        for c in self.children:
            if isinstance(c, Node):
                if (not tag or c.tag == tag) and all(c.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                    found.append(c)
                found.extend(c.all(tag, **attrs))
        return found

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


VOID = {"meta", "link", "br", "img", "input", "hr", "wbr"}


class TreeBuilder(HTMLParser):
    """A DOM tree from serialized HTML (what ``chromium --dump-dom`` prints)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.node = node.parent

    def handle_data(self, data: str) -> None:
        self.node.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder.root


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def rendered(page: Path, profile: Path, fragment: str = "") -> Node:
    """The page's DOM after Chromium has loaded it from disk and its scripts have run."""
    browser = find_chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the HTML report is not checked in a browser")
    address = page.as_uri() + (f"#{fragment}" if fragment else "")
    args = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", address]
    done = subprocess.run(args, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return parse(done.stdout)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seeds and a Markdown article with a typo in an FAQ answer, reported as JSON and as HTML."""
    from lint.cli import main

    folder = tmp_path_factory.mktemp("articles")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    (folder / "council-faq.md").write_text(FAQ_ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    page = out / "report.html"
    assert main(["check", "--format", "html", "--output", str(page), str(folder)]) == 1
    json_path = out / "report.json"
    assert main(["check", "--format", "json", "--output", str(json_path), str(folder)]) == 1
    return {
        "json": json.loads(json_path.read_text(encoding="utf-8")),
        "dom": rendered(page, tmp_path_factory.mktemp("profile")),
        "folder": folder,
        "page": page,
    }


def notes(root: Node) -> list[Node]:
    return [n for n in root.all("div") if "note" in n.classes()]


def marks(root: Node) -> list[tuple[str, str, str]]:
    """(severity, rule, text) of each highlight (its first part, where two crossing ones split)."""
    return [
        (" ".join(sorted(m.classes())), m.attrs["data-rule"], m.text)
        for m in root.all("mark")
        if "data-part" not in m.attrs
    ]


def test_findings_are_highlighted_in_the_text(report: dict[str, Any]) -> None:
    found = Counter(marks(report["dom"]))
    assert found[("error", "spelling.unknown", "Tacts")] == 1
    assert found[("error", "spelling.unknown", "Drowpdown")] == 4
    assert found[("warning", "names.glossary", "Ishaq Herzog")] == 2
    assert found[("error", "spelling.unknown", "aproved")] == 1  # inside the YAML FAQ answer


def test_each_highlight_covers_exactly_its_span(report: dict[str, Any]) -> None:
    expected: Counter[tuple[str, str, str]] = Counter()
    for d in report["json"]["diagnostics"]:
        source = Path(d["path"]).read_text(encoding="utf-8")
        index = LineIndex(source)
        text = source[index.offset(d["line"], d["column"]) : index.offset(d["end_line"], d["end_column"])]
        expected[(d["severity"], d["rule"], text)] += 1
    shown = Counter(marks(report["dom"]))
    assert shown, "no highlights"
    assert shown <= expected, shown - expected
    # every finding is either highlighted or listed at the top of its article, with its message
    whole = [n for ul in report["dom"].all("ul", **{"class": "whole"}) for n in notes(ul)]
    assert sum(shown.values()) + len(whole) == len(report["json"]["diagnostics"])
    found = notes(report["dom"])
    assert sorted(n.attrs["data-rule"] for n in found) == sorted(d["rule"] for d in report["json"]["diagnostics"])
    messages = {n.all("span", **{"class": "message"})[0].text for n in found}
    assert messages == {d["message"] for d in report["json"]["diagnostics"]}


def test_suggestions_are_shown_with_the_finding(report: dict[str, Any]) -> None:
    found = notes(report["dom"])
    (note,) = [n for n in found if "Tacts" in n.text]
    assert "Facts" in note.all("span", **{"class": "suggest"})[0].text
    herzog = [n for n in found if n.attrs["data-rule"] == "names.glossary"]
    assert herzog and all("Isaac Herzog" in n.text for n in herzog)


def test_summary_matches_the_json_output(report: dict[str, Any]) -> None:
    summary, dom = report["json"]["summary"], report["dom"]
    totals = {s.attrs["data-total"]: int(s.text) for s in dom.all("span") if "data-total" in s.attrs}
    assert totals == {
        "files": summary["files"],
        "error": summary["errors"],
        "warning": summary["warnings"],
        "info": summary["info"],
    }

    def counts(row: Node) -> int:
        return sum(int(td.text or 0) for td in row.all("td") if "data-count" in td.attrs)

    (by_check,) = dom.all("table", id="by-check")
    rows = {r.attrs["data-check"]: counts(r) for r in by_check.all("tr") if "data-check" in r.attrs}
    assert rows == summary["by_check"]
    (by_file,) = dom.all("table", id="by-file")
    per_file = Counter(d["path"] for d in report["json"]["diagnostics"])
    rows = {r.attrs["data-path"]: counts(r) for r in by_file.all("tr") if "data-path" in r.attrs}
    assert rows == dict(per_file)
    # each file links to its article
    sections = {s.attrs["id"]: s for s in dom.all("section") if "article" in s.classes()}
    for row in by_file.all("tr"):
        if "data-path" in row.attrs:
            (link,) = row.all("a")
            assert sections[link.attrs["href"][1:]].all("h2")[0].text == row.attrs["data-path"]


def test_article_markup_is_escaped_and_front_matter_shown_as_fields(report: dict[str, Any]) -> None:
    dom = report["dom"]
    (title,) = dom.all("title")
    assert title.text == "copydesk report"
    assert not dom.all(id="pwned")
    assert len(dom.all("script")) == 1  # the report's own
    (section,) = [s for s in dom.all("section") if s.attrs.get("data-path", "").endswith("council-faq.md")]
    rows = {
        int(r.all("span", **{"class": "ln"})[0].attrs["data-line"]): r
        for r in section.all("div", **{"class": "row meta"})
    }
    assert [k.text for k in rows[2].all("span", **{"class": "key"})] == ["title"]
    assert rows[2].text == "titleCouncil <b>votes</b> on the budget"  # the value as read: no quotes, tags as text
    assert not rows[2].all("b")
    assert "<script>" not in section.text  # an HTML block's script is code: not shown


def test_output_without_file_goes_to_stdout(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "faq.md"
    article.write_text(FAQ_ARTICLE, encoding="utf-8")
    result = cli("check", "--format", "html", article)
    assert result.code == 1
    page = parse(result.out)
    assert ("error", "spelling.unknown", "aproved") in marks(page)


# --- positions, on the page as written ------------------------------------------------------


def page_for(text: str, spans: list[tuple[int, int, int, int]], kind: str = "text", name: str = "a.txt") -> Node:
    article = read_text(name, text, kind)
    diagnostics = [
        Diagnostic(name, line, col, end_line, end_col, f"spelling.r{i}", Severity.ERROR, f"m{i}")
        for i, (line, col, end_line, end_col) in enumerate(spans)
    ]
    result = Result(sorted(diagnostics, key=Diagnostic.sort_key), [article], [])
    import io

    stream = io.StringIO()
    html_report.write(result, stream)
    return parse(stream.getvalue())


LONG = "word " * 400


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    (
        ("One Tacts here.\n", [(1, 5, 1, 10)], ["Tacts"]),
        ("café naïve résumé\n", [(1, 6, 1, 11)], ["naïve"]),  # columns count characters
        ("first line\nsecond line\n", [(1, 7, 2, 7)], ["linesecond"]),  # across lines: a part on each row
        ("a b c d e\n", [(1, 1, 1, 6), (1, 3, 1, 4)], ["a b c", "b"]),  # nested
        ("a b c d e\n", [(1, 1, 1, 6), (1, 3, 1, 10)], ["a b c", "b c d e"]),  # crossing
        ("x\r\ny Tacts\r\n", [(2, 3, 2, 8)], ["Tacts"]),
        (LONG + "Tacts " + LONG + "\n", [(1, 2001, 1, 2006)], ["Tacts"]),  # a window of a long line
        ("x <b>&amp;</b>\n", [(1, 3, 1, 15)], ["<b>&amp;</b>"]),
    ),
)
def test_marks_cover_the_columns(text: str, spans: list[tuple[int, int, int, int]], expected: list[str]) -> None:
    page = page_for(text, spans)
    by_rule: dict[str, str] = {}
    for m in page.all("mark"):
        by_rule[m.attrs["data-rule"]] = by_rule.get(m.attrs["data-rule"], "") + m.text
    assert [by_rule[f"spelling.r{i}"].replace("\r", "") for i in range(len(spans))] == expected


def test_long_articles_show_the_lines_around_findings() -> None:
    lines = [f"Line {i} is plain." for i in range(1, 301)]
    lines[149] = "Line 150 has a Tacts typo."
    page = page_for("\n".join(lines) + "\n", [(150, 16, 150, 21)])
    shown = sorted(int(s.attrs["data-line"]) for s in page.all("span") if "data-line" in s.attrs)
    assert 150 in shown and 1 not in shown and 300 not in shown and len(shown) < 10
    gaps = [p.text for p in page.all("p") if "gap" in p.classes()]
    assert gaps == ["lines 1–147 not shown: no findings", "lines 153–300 not shown: no findings"]


# --- filters, in the browser: the state comes from the address's fragment ----------------------


def visible_notes(dom: Node) -> list[Node]:
    """The notes the page shows: not hidden themselves, nor inside a hidden article."""
    shown = []
    for section in dom.all("section"):
        if "article" in section.classes() and "hidden" not in section.attrs:
            shown.extend(n for n in notes(section) if "hidden" not in n.attrs)
    return shown


def expected_numbers(diagnostics: list[dict[str, Any]], check: str, severities: set[str], path: str) -> set[str]:
    """The numbers the page gives the findings that match (the page numbers them in path, then JSON order)."""
    numbered = sorted(diagnostics, key=lambda d: d["path"])
    return {
        str(n)
        for n, d in enumerate(numbered, 1)
        if (not check or d["rule"] == check or d["rule"].startswith(check + "."))
        and d["severity"] in severities
        and (not path or d["path"] == path)
    }


@pytest.mark.parametrize(
    ("check", "severities", "which_file"),
    (
        ("spelling", {"error", "warning", "info"}, None),  # a check's prefix
        ("names.glossary", {"error", "warning", "info"}, None),  # one rule
        ("", {"warning"}, None),
        ("", {"error", "warning", "info"}, "council-faq.md"),
        ("spelling.unknown", {"error"}, "council-faq.md"),  # all three at once
        ("placeholder", {"info"}, None),  # nothing matches
    ),
)
def test_filters_from_the_address_show_only_what_matches(
    report: dict[str, Any], tmp_path: Path, check: str, severities: set[str], which_file: str | None
) -> None:
    diagnostics = report["json"]["diagnostics"]
    path = str(report["folder"] / which_file) if which_file else ""
    params = {"check": check, "severity": ",".join(sorted(severities)), "file": path}
    dom = rendered(report["page"], tmp_path, urllib.parse.urlencode({k: v for k, v in params.items() if v}))
    assert dom.all("html")[0].attrs.get("data-filters") == "on", "the report's script did not run"
    want = expected_numbers(diagnostics, check, severities, path)
    shown = visible_notes(dom)
    assert {n.attrs["data-n"] for n in shown} == want
    assert all(n.attrs["data-n"] in want for n in shown)
    # the marks of what is filtered out lose their highlight; the text stays
    for m in dom.all("mark"):
        assert ("off" in m.classes()) == (m.attrs["data-n"] not in want)
    # an article with nothing shown is hidden; the count says what is shown
    for section in (s for s in dom.all("section") if "article" in s.classes()):
        numbers = {n.attrs["data-n"] for n in notes(section)}
        assert ("hidden" in section.attrs) == (not numbers & want)
    (count,) = dom.all("output", id="shown")
    assert count.text == f"{len(want)} of {len(diagnostics)} findings shown"
    # the form shows the state it was given
    (form,) = dom.all("form", id="filters")
    assert "hidden" not in form.attrs
    if len(severities) == 3:
        del params["severity"]  # every severity: the fragment does not say
    assert urllib.parse.parse_qs(form.attrs["data-state"]) == {k: [v] for k, v in params.items() if v}


def test_filter_options_list_each_check_rule_and_file(report: dict[str, Any]) -> None:
    (form,) = report["dom"].all("form", id="filters")
    check, file = (s for s in form.all("select"))
    rules = {d["rule"] for d in report["json"]["diagnostics"]}
    values = [o.attrs["value"] for o in check.all("option")]
    assert set(values) == {"", *rules, *(r.split(".")[0] for r in rules)}
    assert values.index("spelling") < values.index("spelling.unknown")
    paths = [o.attrs["value"] for o in file.all("option")]
    assert paths == ["", *sorted({d["path"] for d in report["json"]["diagnostics"]})]


# --- the Content-Security-Policy, in the browser ----------------------------------------------


HOSTILE = """---
title: "<script>document.title = 'pwned'</script> Council vote"
---

The councl met. <img src=x onerror="document.documentElement.setAttribute('data-pwned', 'img')">

<script>document.documentElement.setAttribute("data-pwned", "script")</script>

<a href="javascript:document.documentElement.setAttribute('data-pwned', 'link')">Clik here</a>
and [Clik there](javascript:document.documentElement.setAttribute('data-pwned','md')).

<svg onload="document.documentElement.setAttribute('data-pwned', 'svg')"></svg>
<iframe src="javascript:parent.document.documentElement.setAttribute('data-pwned','frame')"></iframe>
"""


def policy_and_script(page: str) -> tuple[str, str]:
    (policy,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    return policy, script


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lint.cli import main

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")  # plain text: every tag is shown as text
    page = folder / "report.html"
    assert main(["check", "--format", "html", "--output", str(page), str(folder)]) == 1
    return page


def test_the_policy_allows_only_the_reports_own_script_and_style(hostile_page: Path) -> None:
    page = hostile_page.read_text(encoding="utf-8")
    policy, script = policy_and_script(page)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == sha256(script)
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert directives["style-src"] == sha256(style)
    assert "unsafe" not in policy
    assert " style=" not in page and "<link" not in page  # nothing the policy would block, nothing outside


def test_hostile_article_runs_nothing(hostile_page: Path, tmp_path: Path) -> None:
    dom = rendered(hostile_page, tmp_path)
    (html_element,) = dom.all("html")
    assert "data-pwned" not in html_element.attrs
    assert html_element.attrs.get("data-filters") == "on"  # the report's own script ran
    assert dom.all("title")[0].text == "copydesk report"
    assert len(dom.all("script")) == 1
    for tag in ("img", "svg", "iframe"):
        assert not dom.all(tag)
    assert all(not a.attrs.get("href", "").startswith("javascript:") for a in dom.all("a"))
    # in the plain-text article the tags are text to read; in the Markdown one they are markup, hidden
    (txt,) = [s for s in dom.all("section") if s.attrs.get("data-path", "").endswith(".txt")]
    assert '<img src=x onerror="document.documentElement' in txt.text
    (md,) = [s for s in dom.all("section") if s.attrs.get("data-path", "").endswith(".md")]
    assert "onerror" not in md.text and "javascript:" not in md.text
    assert "Clik here" in md.text and "Clik there" in md.text  # a link's words are read, its address is not


@pytest.mark.parametrize(
    ("change", "injected", "filters"),
    (
        ("nothing", False, True),
        ("an injected script", False, True),  # another script: blocked
        ("an injected script, no policy", True, True),  # the same page without its policy runs it: the test can see
        ("the report's script edited", False, False),  # a script whose hash is not the policy's: blocked
    ),
)
def test_the_browser_enforces_the_policy(
    hostile_page: Path, tmp_path: Path, change: str, injected: bool, filters: bool
) -> None:
    page = hostile_page.read_text(encoding="utf-8")
    marker = '<script>document.documentElement.setAttribute("data-injected", "yes")</script>\n'
    if "injected" in change:
        page = page.replace("</main>", "</main>\n" + marker)
    if "no policy" in change:
        page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    if "edited" in change:
        page = page.replace('"use strict";', '"use strict"; ', 1)
    copy = tmp_path / "page.html"
    copy.write_text(page, encoding="utf-8")
    (html_element,) = rendered(copy, tmp_path / "profile").all("html")
    assert ("data-injected" in html_element.attrs) is injected
    assert (html_element.attrs.get("data-filters") == "on") is filters


# --- the article as readable text -------------------------------------------------------------


def rows(page: Node) -> dict[int, Node]:
    """Line number -> its row."""
    found = {}
    for row in page.all("div"):
        if "row" in row.classes():
            (ln,) = row.all("span", **{"class": "ln"})
            found[int(ln.attrs["data-line"])] = row
    return found


def words(node: Node) -> str:
    return " ".join(node.text.split())


FRONT = '---\ntitle: "A \\"quoted\\" word"\ndate: 2026-02-01\n---\n'


@pytest.mark.parametrize(
    ("kind", "source", "span", "shown", "marked"),
    (
        ("markdown", "# The **council** met\n", (1, 3, 1, 22), "The council met", "The council met"),
        (
            "markdown",
            "Met [Ishaq Herzog](https://example.org/x) today.\n",
            (1, 6, 1, 18),
            "Met Ishaq Herzog today.",
            "Ishaq Herzog",
        ),
        ("markdown", "See {{ site.url }} and {% include a.html %} now.\n", (1, 45, 1, 48), "See and now.", "now"),
        (
            "markdown",
            '{% include figure.html caption="A mockup of the app" %}\n',
            (1, 49, 1, 52),
            "A mockup of the app",
            "app",
        ),
        (
            "markdown",
            "Text with <em>markup</em> &amp; an entity.\n",
            (1, 11, 1, 26),
            "Text with markup & an entity.",
            "markup",
        ),
        ("markdown", "- a list *item*\n", (1, 3, 1, 4), "• a list item", "a"),
        ("markdown", "> a quoted line\n", (1, 5, 1, 11), "a quoted line", "quoted"),
        ("markdown", "| a | b |\n|---|---|\n| c | Teh |\n", (3, 7, 3, 10), "c │ Teh", "Teh"),
        ("markdown", "Use `ls -l` here.\n", (1, 13, 1, 17), "Use ls -l here.", "here"),
        ("markdown", "Use a \\*star\\* here.\n", (1, 8, 1, 14), "Use a *star* here.", "*star"),
        ("markdown", FRONT + "Body.\n", (2, 11, 2, 26), 'title A "quoted" word', '"quoted" word'),
        ("markdown", FRONT + "Body.\n", (3, 7, 3, 17), "date 2026-02-01", "2026-02-01"),
        (
            "json",
            '{\n  "title": "A \\u201cquoted\\u201d word"\n}\n',
            (2, 15, 2, 38),
            "title A “quoted” word",
            "“quoted” word",
        ),
        ("text", "Plain <b>text</b> as it is.\n", (1, 7, 1, 18), "Plain <b>text</b> as it is.", "<b>text</b>"),
    ),
)
def test_articles_are_shown_as_readable_text(
    kind: str, source: str, span: tuple[int, int, int, int], shown: str, marked: str
) -> None:
    name = {"markdown": "a.md", "json": "a.json", "text": "a.txt"}[kind]
    page = page_for(source, [span], kind, name)
    row = rows(page)[span[0]]  # the file's line number
    keys = [k.text for k in row.all("span", **{"class": "key"})]
    assert " ".join([*keys, words(row)[len("".join(keys)) :].strip()]).strip() == shown
    assert "".join(m.text for m in page.all("mark")) == marked
    (note,) = notes(page)
    assert row.parent is not None
    after = next(c for c in row.parent.children[row.parent.children.index(row) + 1 :] if isinstance(c, Node))
    assert note in after.all("div")  # the note follows the row of its finding


def test_headings_and_quotes_keep_their_role() -> None:
    page = page_for("# Title here\n\n> Quoted words\n", [(1, 3, 1, 8), (3, 3, 3, 9)], "markdown", "a.md")
    shown = rows(page)
    assert "h1" in shown[1].classes()
    assert "quote" in shown[3].classes()


def test_code_blocks_are_hidden_and_their_lines_kept() -> None:
    source = "Intro Tacts.\n\n```python\nprint('Tacts')\n```\n\nAfter the code, Tacts.\n"
    page = page_for(source, [(1, 7, 1, 12), (7, 17, 7, 22)], "markdown", "a.md")
    assert sorted(rows(page)) == [1, 7]  # line numbers are the file's, with the code left out
    hidden = [d.text for d in page.all("div") if "hid" in d.classes()]
    assert hidden == ["lines 3–5: code or markup, not shown"]
    (section,) = [s for s in page.all("section") if "article" in s.classes()]
    assert "print" not in section.text


def test_a_finding_on_hidden_markup_shows_that_markup() -> None:
    source = "See [the page](https://exmaple.org/x) now.\n"
    page = page_for(source, [(1, 16, 1, 37)], "markdown", "a.md")
    (mark,) = page.all("mark")
    assert mark.text == "https://exmaple.org/x"
    assert mark.all("span", **{"class": "raw"})
    shown = words(rows(page)[1])  # the address in its own box (.raw), the brackets still hidden
    assert shown.startswith("See the page") and shown.endswith("https://exmaple.org/x now.") and "](" not in shown
