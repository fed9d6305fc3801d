"""``--format html``: the page an editor opens, read back as a browser renders it.

The end-to-end tests run a real headless Chromium on the written file and look at the
rendered DOM; the position tests parse the page the reporter writes for small texts.
"""

from __future__ import annotations

import shutil
import subprocess
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


def rendered(page: Path, profile: Path) -> Node:
    """The page's DOM after Chromium has loaded it from disk (scripts, had there been any, have run)."""
    browser = find_chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the HTML report is not checked in a browser")
    args = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
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
    import json

    return {
        "json": json.loads(json_path.read_text(encoding="utf-8")),
        "dom": rendered(page, tmp_path_factory.mktemp("profile")),
        "folder": folder,
    }


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
    whole = [n for ul in report["dom"].all("ul", **{"class": "whole"}) for n in ul.all("span") if "note" in n.classes()]
    assert sum(shown.values()) + len(whole) == len(report["json"]["diagnostics"])
    notes = [n for n in report["dom"].all("span") if "note" in n.classes()]
    assert sorted(n.attrs["data-rule"] for n in notes) == sorted(d["rule"] for d in report["json"]["diagnostics"])
    messages = {n.all("span", **{"class": "message"})[0].text for n in notes}
    assert messages == {d["message"] for d in report["json"]["diagnostics"]}


def test_suggestions_are_shown_with_the_finding(report: dict[str, Any]) -> None:
    notes = [n for n in report["dom"].all("span") if "note" in n.classes()]
    (note,) = [n for n in notes if "Tacts" in n.text]
    assert "Facts" in note.all("span", **{"class": "suggest"})[0].text
    herzog = [n for n in notes if n.attrs["data-rule"] == "names.glossary"]
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


def test_article_markup_is_shown_not_run(report: dict[str, Any]) -> None:
    dom = report["dom"]
    (title,) = dom.all("title")
    assert title.text == "copydesk report"
    assert not dom.all(id="pwned")
    assert not dom.all("script")
    texts = "".join(pre.text for pre in dom.all("pre"))
    assert '<script>document.title = "pwned";' in texts
    assert '"Council <b>votes</b> on the budget"' in texts
    assert not [b for pre in dom.all("pre") for b in pre.all("b")]


def test_output_without_file_goes_to_stdout(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "faq.md"
    article.write_text(FAQ_ARTICLE, encoding="utf-8")
    result = cli("check", "--format", "html", article)
    assert result.code == 1
    page = parse(result.out)
    assert ("error", "spelling.unknown", "aproved") in marks(page)


# --- positions, on the page as written ------------------------------------------------------


def page_for(text: str, spans: list[tuple[int, int, int, int]], kind: str = "text") -> Node:
    article = read_text("a.txt", text, kind)
    diagnostics = [
        Diagnostic("a.txt", line, col, end_line, end_col, f"spelling.r{i}", Severity.ERROR, f"m{i}")
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
        ("first line\nsecond line\n", [(1, 7, 2, 7)], ["line\nsecond"]),  # across lines
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
