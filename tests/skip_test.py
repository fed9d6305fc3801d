"""Files met in a folder walk that are not articles: each skipped with its reason, a file named is checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint import skip
from tests.conftest import TYPO_ARTICLE

POST = "---\ntitle: A post\ndate: 2026-01-01\n---\n\nThe council met on Tuesday.\n"
PLAIN = "Council meets\n\n26/1/26\n\nThe council met on Tuesday and agreed the budget.\n"


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    (
        ("post.md", POST, ""),
        ("story.txt", PLAIN, ""),
        ("short.txt", "Talks in Baku\n\n26/1/26\n\na simple test\n", ""),  # short lines, blank lines between
        ("article.json", '{"title": "A", "body": "Text."}', ""),
        ("headline.json", '{"headline": "A", "date": "2026-01-01"}', ""),
        ("broken.json", '{"title": "A", ', ""),  # the reader says where it is broken
        ("README.md", "# x\n", "a document of the repository"),
        ("readme.txt", "x\n", "a document of the repository"),
        ("CHANGELOG.md", "## 1.0\n", "a document of the repository"),
        ("LICENSE.txt", "MIT\n", "a document of the repository"),
        ("LICENCE", "MIT\n", "a document of the repository"),
        ("CONTRIBUTING.md", "Fork.\n", "a document of the repository"),
        ("AUTHORS.md", "Ann\n", "a document of the repository"),
        ("authors.md", POST, ""),  # lower case: may be a page
        ("robots.txt", "User-agent: *\nDisallow:\n", "a file for a tool or the web"),
        ("requirements-dev.txt", "pytest\n", "a file for a tool or the web"),
        ("package.json", "{}", "a file for a tool or the web"),
        ("team.schema.json", "{}", "a file for a tool or the web"),
        ("_index.md", "---\ntitle: Posts\n---\n", "a Hugo section page"),
        ("accept.txt", "Aliyev\nBaku\nHerzog\n", "a word list"),
        ("chrome.txt", "# page furniture\n\nback\nback to top\nshare this\n", "a word list"),
        ("long.txt", "".join(f"word {i}\n" for i in range(20)) + "sign up for our daily newsletter\n", "a word list"),
        ("errors.txt", '# typos\nteh\tthe: in 003\nrecieve\treceive: "we recieve" (004)\nwierd\tweird\n', "a word"),
        (
            "lorem.txt",
            "# Latin words\nlorem ipsum dolor sit amet consectetur adipiscing elit sed do\neiusmod tempor\n"
            "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud\n",
            "a word list",
        ),
        ("poem.txt", "Roses\n\n1/2/26\n\nRoses are red and the council met.\n", ""),
        ("menu.json", '[{"name": "Home"}]', "JSON data (a list)"),
        ("site.json", '{"name": "Blog", "url": "/"}', "JSON data, not an article"),
        ("base.json", '{"copydesk": "baseline", "version": 1, "findings": []}', "a copydesk baseline"),
        ("report.json", '{"diagnostics": [], "summary": {}}', "a report copydesk wrote (--format json)"),
        (
            "report.sarif.json",
            '{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}',
            "a SARIF report",
        ),
        ("gl.json", '[{"check_name": "spelling.unknown"}]', "a report copydesk wrote (--format gitlab)"),
        (
            "report.txt",
            "a.md:1:2: error spelling.unknown 'x' is not a known word\n"
            "1 file checked: 1 error, 0 warnings, 0 info in 1 file\n",
            "a report copydesk wrote",
        ),
        ("ok.txt", "1 file checked: no problems found\n", "a report copydesk wrote"),
        ("gh.md", "::error file=a.md,line=1::x\n", "a report copydesk wrote"),
        (
            "home.md",
            "---\nlayout: home\n---\n{% for p in site.posts %}<li>{{ p.title }}</li>{% endfor %}\n",
            "a layout",
        ),
        ("c-go-cgo.md", "---\nredirect: /blog/cgo\n---\n", "a redirect page"),
        ("old.md", "---\nlayout: null\nredirect_to: https://example.org/new\n---\n", "a redirect page"),
        ("moved.md", "---\ntitle: Moved\nredirect: /new\n---\n\nThis post has moved to the new blog.\n", ""),  # prose
        ("latest.md", '+++\ntemplate = "latest.html"\n+++\n', "a page its template fills"),  # Zola's release page
        ("search.md", "---\nlayout: search\n---\n\n", "a page its template fills"),
        ("stub.md", "---\ntitle: Budget talks\nlayout: post\n---\n", ""),  # a post with a headline only: checked
        ("mayor.md", '---\nlayout: post\nheadline: "Mayor resigns"\nsummary: "The goverment fell."\n---\n', ""),
        ("deep.json", '{"title": "x", "body": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", ""),
        ("empty.md", "", ""),  # an empty file is reported as such
    ),
)
def test_reason(tmp_path: Path, name: str, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert skip.reason(path, ()).startswith(reason) if reason else skip.reason(path, ()) == ""
    if reason:
        assert reason in skip.reason(path, ())


@pytest.mark.parametrize(
    ("folders", "reason"),
    (
        (("_data",), "in _data/: site data"),
        (("content", "data"), "in data/: site data"),
        (("static",), "in static/: site files"),
        (("_layouts",), "in _layouts/: templates"),
        (("archetypes",), "in archetypes/: Hugo archetypes (templates for new posts)"),
        (("content", "posts"), ""),
    ),
)
def test_folders_without_articles(tmp_path: Path, folders: tuple[str, ...], reason: str) -> None:
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    assert skip.reason(path, folders) == (f"{reason}, not articles" if reason else "")


def test_a_walk_skips_non_articles_and_says_why_when_verbose(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Teh newsroom\n")
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "menu.json").write_text('[{"name": "Hoem"}]')
    (tmp_path / "words.txt").write_text("Aliyev\nBaku\nHerzog\nTacts\n")
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.md").write_text("---\ntitle: x\n---\n\nTK\n")
    quiet = cli("check", "--format", "json", tmp_path)
    assert {d["path"] for d in quiet.diagnostics} == {str(tmp_path / "news" / "budget.md")}
    assert quiet.err == ""
    verbose = cli("check", "--verbose", "--format", "json", tmp_path)
    assert verbose.err.splitlines() == [
        f"copydesk: {tmp_path}/_data/: skipped: site data, not articles",
        f"copydesk: {tmp_path}/drafts/: skipped: ignored by git ({tmp_path}/.gitignore)",
        f"copydesk: {tmp_path}/README.md: skipped: {skip.reason(tmp_path / 'README.md', ())}",
        f"copydesk: {tmp_path}/words.txt: skipped: a word list or rule file (one word or phrase a line),"
        " not an article",
    ]
    named = cli("check", "--format", "json", tmp_path / "README.md", tmp_path / "drafts" / "wip.md")
    assert {d["path"] for d in named.diagnostics} == {str(tmp_path / "README.md"), str(tmp_path / "drafts" / "wip.md")}


def test_a_folder_of_non_articles_is_a_mistake(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# x\n")
    (tmp_path / "data.json").write_text("[1, 2]")
    result = cli("check", tmp_path)
    assert result.code == 2
    assert (
        result.err
        == f"copydesk: {tmp_path}: no article files here (2 files skipped as not articles; --verbose says why)\n"
    )


@pytest.mark.parametrize("fmt", ("text", "json", "sarif", "github", "gitlab"))
def test_a_report_written_with_output_is_never_checked(cli: Any, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    report = tmp_path / ("report.txt" if fmt in ("text", "github") else "report.json")
    first = cli("check", "--format", fmt, "--output", report, tmp_path)
    assert first.code == 1 and report.exists()
    again = cli("check", "--format", "json", tmp_path)
    assert again.json["summary"]["files"] == 1
    assert {d["path"] for d in again.diagnostics} == {str(tmp_path / "budget.md")}


def test_the_baseline_in_the_checked_folder_is_never_checked(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    baseline = tmp_path / "copydesk-baseline.json"
    assert cli("check", "--write-baseline", baseline, tmp_path).code == 0
    assert json.loads(baseline.read_text())["copydesk"] == "baseline"
    result = cli("check", "--baseline", baseline, tmp_path)
    assert (result.code, result.out) == (0, "1 file checked: no problems found\n")
    renamed = tmp_path / "old-findings.json"  # known by its content, not its name
    baseline.rename(renamed)
    result = cli("check", tmp_path)
    assert "old-findings.json" not in result.out
    assert result.out.endswith("1 file checked: 1 error, 0 warnings, 0 info in 1 file\n")


def test_force_exclude_chooses_named_files_as_a_folder_walk_does(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "budget.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Teh newsroom\n")
    (tmp_path / "copydesk.toml").write_text('exclude = ["drafts/*"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.md").write_text(TYPO_ARTICLE, encoding="utf-8")
    names = [tmp_path / "budget.md", tmp_path / "README.md", tmp_path / "drafts" / "wip.md"]
    config = ("--config", tmp_path / "copydesk.toml")
    named = cli("check", "--format", "json", *config, *names)
    assert {Path(d["path"]).name for d in named.diagnostics} == {"budget.md", "README.md", "wip.md"}
    forced = cli("check", "--format", "json", "--force-exclude", *config, *names)
    assert {Path(d["path"]).name for d in forced.diagnostics} == {"budget.md"}
    nothing = cli("check", "--force-exclude", *config, tmp_path / "README.md")
    assert (nothing.code, nothing.out) == (0, "0 files checked: no problems found\n")  # a hook run on a README
