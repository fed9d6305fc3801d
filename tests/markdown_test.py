"""Markup as a browser and a site generator see it: entities, code, templates and prose held in markup.

Each case is a real article file checked by the real CLI; findings are read from its JSON output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint.readers import read_text

HEAD = '---\ntitle: "Council votes on the budget"\ndate: 2026-02-01\nsources:\n  - https://example.org/budget\n---\n\n'
LINE = 8  # the first body line of an article written with HEAD


def check(cli: Any, tmp_path: Path, body: str, name: str = "a.md") -> list[dict[str, Any]]:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    result = cli("check", "--format", "json", path)
    return list(result.diagnostics)


def spelled(found: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """(word, line, column) of each spelling finding."""
    return [(f["message"].split("'")[1], f["line"], f["column"]) for f in found if f["rule"].startswith("spelling.")]


def rules(found: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [f for f in found if f["rule"].startswith(prefix)]


# --- entities: read as their characters, every position still in the file -----------------------


@pytest.mark.parametrize(
    "body",
    (
        "The mayor&#8217;s goverment met.\n",
        "The mayor&rsquo;s goverment met.\n",
        "Fish &amp; chips and the goverment met.\n",
        "The&nbsp;goverment met.\n",
        "The &#x2014; goverment met.\n",
        "<p>Caf&eacute; owners and the goverment met.</p>\n",
    ),
)
def test_a_word_after_an_entity_is_found_at_its_column(cli: Any, tmp_path: Path, body: str) -> None:
    assert spelled(check(cli, tmp_path, body)) == [("goverment", LINE, body.index("goverment") + 1)]


@pytest.mark.parametrize(
    "body",
    (
        "They aren&#8217;t ready, she said.\n",
        "They aren&rsquo;t ready, she said.\n",
        "They don&#x2019;t know.\n",
    ),
)
def test_a_word_holding_an_entity_is_one_word(cli: Any, tmp_path: Path, body: str) -> None:
    assert spelled(check(cli, tmp_path, body)) == []


@pytest.mark.parametrize(
    ("body", "fixable"),
    (
        ("The gover&shy;ment met.\n", False),  # the word spans the entity: a fix would rewrite it
        ("The goverment&#8217;s plan passed.\n", True),  # the word ends before it: the entity stays
    ),
)
def test_a_fix_never_rewrites_an_entity(cli: Any, tmp_path: Path, body: str, fixable: bool) -> None:
    found = rules(check(cli, tmp_path, body), "spelling.")
    assert [(f["line"], f["column"], f["fixable"]) for f in found] == [(LINE, 5, fixable)]
    if fixable:
        cli("check", "--fix", tmp_path / "a.md")
        assert (tmp_path / "a.md").read_text(encoding="utf-8").endswith("The government&#8217;s plan passed.\n")


def test_entities_are_decoded_in_front_matter_titles() -> None:
    article = read_text("a.md", "---\ntitle: Fish &amp; Chips&#8217; Day\n---\nBody.\n", "markdown")
    assert article.title is not None and article.title.value == "Fish & Chips’ Day"


# --- code is code wherever it is written ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    (
        "<table><tr><td>Run `frobnicatr` now.</td></tr></table>\n",
        "| Step | Command |\n|---|---|\n| one | `frobnicatr --all` |\n",
        "Run <code>frobnicatr</code> and press <kbd>Ctrlq</kbd>.\n",
        "<div>\n<samp>frobnicatr output</samp>\n</div>\n",
        "Text.\n\n<pre>\nfrobnicatr\n</pre>\n",
        "Text.\n\n```\nfrobnicatr\n```\n",
        "Text.\n\n    frobnicatr indented\n",
        "Text.\n\n{% highlight python %}\nfrobnicatr = 1\n{% endhighlight %}\n",
        "Text.\n\n{% raw %}\n<p>frobnicatr</p>\n{% endraw %}\n",
        "Text.\n\n{{< highlight go >}}\nfrobnicatr()\n{{< /highlight >}}\n",
    ),
)
def test_words_in_code_are_not_prose(cli: Any, tmp_path: Path, body: str) -> None:
    assert spelled(check(cli, tmp_path, body)) == []


# --- template syntax is code; a marker holding words for a writer is a placeholder -------------------


@pytest.mark.parametrize(
    ("body", "name"),
    (
        ("See {{ site.url }}/about and {{ release.url.bz2 }} today.\n", "a.md"),
        ('Ask {{ "porta" | team_link }} or {% include contact.html %}.\n', "a.md"),
        ('{{< figure src="x.png" >}}\n\n{{% note %}}Read it.{{% /note %}} Posted {{ .Date }}.\n', "a.md"),
        ("Safe {{ body | safe }}. {% if user %}Hello.{% endif %} {# frobnicatr #}\n", "a.md"),
        ("{{ content }}\n", "a.md"),
        (
            'import Chart from "./chart"\nexport const meta = {frobnicatr: 1}\n\n'
            "# {props.title}\n\n<Chart data={frobnicatr} />\n\nThe council met.\n",
            "a.mdx",
        ),
    ),
)
def test_template_code_is_neither_prose_nor_a_placeholder(cli: Any, tmp_path: Path, body: str, name: str) -> None:
    found = check(cli, tmp_path, body, name)
    assert rules(found, "placeholder.") == []
    assert spelled(found) == []


@pytest.mark.parametrize(
    ("body", "marker"),
    (
        ("The mayor said {{ insert quote here }} on Monday.\n", "{{ insert quote here }}"),
        ("Turnout was {{TK}} per cent.\n", "{{TK}}"),
        ("The mayor said {{ quote }} on Monday.\n", "{{ quote }}"),
        ("Read the statement: [insert quote from the mayor].\n", "[insert quote from the mayor]"),
        ("The winner is <placeholder>.\n", "<placeholder>"),
    ),
)
def test_a_marker_for_a_writer_is_a_placeholder(cli: Any, tmp_path: Path, body: str, marker: str) -> None:
    found = rules(check(cli, tmp_path, body), "placeholder.template")
    column = body.index(marker) + 1
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(LINE, column, column + len(marker))]


# --- prose held in markup: alt text, titles, captions --------------------------------------------


@pytest.mark.parametrize(
    "body",
    (
        "![A photo of the meterologist at work](x.png)\n",
        '![Chart](x.png "A photo of the meterologist at work")\n',
        '[Our team](https://example.org "A photo of the meterologist at work") met.\n',
        '<img src="x.png" alt="A photo of the meterologist at work">\n',
        '<abbr title="A photo of the meterologist at work">NWS</abbr> met.\n',
        '{{< figure src="x.png" caption="A photo of the meterologist at work" >}}\n',
        '{{< figure src="x.png" alt="A photo of the meterologist at work" >}}\n',
        '{% include figure.html img="x.png" caption="A photo of the meterologist at work" %}\n',
        '{% image "assets/x.jpg" "A photo of the meterologist at work" %}\n',
    ),
)
def test_prose_in_markup_is_checked_at_its_place(cli: Any, tmp_path: Path, body: str) -> None:
    column = body.index("meterologist") + 1
    assert spelled(check(cli, tmp_path, body)) == [("meterologist", LINE, column)]


@pytest.mark.parametrize(
    "body",
    (
        "The [projec](https://github.com/x)t shipped on time.\n",
        "The <em>pro</em>ject shipped on time.\n",
        "The proj<!-- note -->ect shipped on time.\n",
    ),
)
def test_markup_inside_a_word_does_not_split_it(cli: Any, tmp_path: Path, body: str) -> None:
    assert spelled(check(cli, tmp_path, body)) == []


def test_a_misspelt_word_split_by_a_link_is_found_and_never_fixed(cli: Any, tmp_path: Path) -> None:
    found = rules(check(cli, tmp_path, "The [goverm](https://example.org)ent met.\n"), "spelling.")
    assert [(f["line"], f["column"], f["fixable"]) for f in found] == [(LINE, 6, False)]


def test_an_unmatched_backtick_does_not_pair_with_one_paragraphs_later(cli: Any, tmp_path: Path) -> None:
    """A code span ends in its paragraph (CommonMark): the code later on stays code, the prose stays prose."""
    body = (
        'Set the password to `"my-secure-password" (do not use this) and go on.\n\n'
        "Then run `sqlplus` as `sysdba` and open the goverment file.\n"
    )
    found = spelled(check(cli, tmp_path, body))
    assert [w for w, _, _ in found] == ["goverment"]
    assert found[0][1] == LINE + 2
