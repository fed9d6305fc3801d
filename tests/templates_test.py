"""Template syntax: code a site generator renders, or a marker holding words for a writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lint.templates import is_code, prose_params


@pytest.mark.parametrize(
    ("expression", "code"),
    (
        # Liquid / Jekyll
        (" site.url ", True),
        (" release.url.bz2 ", True),
        (' "porta" | team_link ', True),
        ("site.baseurl", True),
        (" content ", True),
        # Hugo
        (" .Date ", True),
        (" $page.Title ", True),
        (' partial "header.html" . ', True),
        ("- end -", True),
        # Jinja / Nunjucks (Eleventy)
        (" x | safe ", True),
        (" super() ", True),
        (" post_title ", True),
        (" authorName ", True),
        # words for a writer
        (" insert quote here ", False),
        ("TK", False),
        (" quote ", False),
        (" add the mayor's name ", False),
        (" TODO ", False),
        (" name of the minister ", False),
    ),
)
def test_is_code(expression: str, code: bool) -> None:
    assert is_code(expression) is code


@pytest.mark.parametrize(
    ("tag", "expected"),
    (
        ('{{< figure src="x.png" caption="A storm front" >}}', ["A storm front"]),
        ('{% include figure.html img="x.png" alt="Two people" title="Our team" %}', ["Two people", "Our team"]),
        ("{{< figure attr='Photo by NOAA' >}}", ["Photo by NOAA"]),
        ('{% image "assets/x.jpg" "a mockup of our app" %}', ["a mockup of our app"]),
        ("{% include x.html %}", []),
        ('{{< figure src="/images/a b.png" >}}', []),
    ),
)
def test_prose_params(tag: str, expected: list[str]) -> None:
    assert [tag[i:j] for i, j in prose_params(tag)] == expected


BODY = (
    "---\ntitle: The council meets\ndate: 2024-01-02\n---\n"
    "The council met on {{ .Date }} and agreed {% include figure.html %} the plan.\n\n"
    '{{< figure src="x.png" caption="The old bridge" >}}\n\n'
    "Write {{ insert quote here }} later; see {{ site.url }} and {expr} <Chart />.\n"
)
DATE, INCLUDE, SHORTCODE, MARKER, URL = "{{ .Date }}", "{% include figure.html %}", "{{< figure", "{{ insert", "{{ site"


@pytest.mark.parametrize(
    ("templates", "reported"),
    (
        (None, [MARKER]),  # unset: every syntax but MDX is code
        ('["liquid"]', [SHORTCODE, MARKER]),  # Jekyll shows a Hugo shortcode as written
        ('["hugo"]', [DATE, INCLUDE, MARKER, URL]),  # Hugo renders no {{ … }} or {% … %} in content
        ('["jinja", "liquid"]', [SHORTCODE, MARKER]),
        ('["mdx"]', []),  # every {…} is an MDX expression: code
        ('["none"]', [DATE, INCLUDE, SHORTCODE, MARKER, URL]),  # a folder of exported news renders nothing
    ),
)
def test_the_configured_syntax_decides_code_or_marker(
    cli: Any, tmp_path: Path, templates: str | None, reported: list[str]
) -> None:
    (tmp_path / "post.md").write_text(BODY, encoding="utf-8")
    if templates is not None:
        (tmp_path / "copydesk.toml").write_text(f"templates = {templates}\n", encoding="utf-8")
    config = ["--config", tmp_path / "copydesk.toml"] if templates is not None else []
    result = cli("check", "--format", "json", "--select", "placeholder", *config, tmp_path / "post.md")
    found = [d["message"].split("”")[0].lstrip("“") for d in json.loads(result.out)["diagnostics"]]
    assert [next(r for r in reported if f.startswith(r)) for f in found] == reported, found
    shown = [d for d in json.loads(result.out)["diagnostics"] if not d["message"].startswith("“{{ insert")]
    assert all("the page shows it as written" in d["message"] for d in shown)


@pytest.mark.parametrize(
    ("written", "message"),
    (
        (
            'templates = ["hugoo"]',
            "'hugoo' is not one of 'liquid', 'jinja', 'hugo', 'mdx', 'go', 'none'; did you mean 'hugo'?",
        ),
        ('templates = ["none", "hugo"]', "'none' says the site renders no template syntax: it cannot go with 'hugo'"),
        ('templates = "hugo"', "should be a list, not the string 'hugo'"),
    ),
)
def test_a_mistake_in_templates_stops_the_run(cli: Any, tmp_path: Path, written: str, message: str) -> None:
    (tmp_path / "copydesk.toml").write_text(written + "\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(BODY, encoding="utf-8")
    result = cli("check", "--config", tmp_path / "copydesk.toml", tmp_path / "post.md")
    assert result.code == 2 and "copydesk.toml:1:" in result.err and message in result.err


@pytest.mark.parametrize(
    ("body", "left"),
    (
        ("{{< code-toggle file=i18n/en >}}\none = '{{ . }} day'\n{{< /code-toggle >}}\nThe end.", "The end."),
        ("{{< highlight go >}}\n{{ .Title }}\n{{< /highlight >}}\nThe end.", "The end."),
        ("{{% codeblock %}}\n{{ .Date }}\n{{% /codeblock %}}\nThe end.", "The end."),
        ("{{< note >}}\nRead {{ .Date }} here.\n{{< /note >}}", "Read {{ .Date }} here."),  # a note is prose
    ),
)
def test_a_paired_shortcode_named_for_code_holds_code(body: str, left: str) -> None:
    from lint.readers.markdown import mask_spans

    assert " ".join(mask_spans(body, syntax=frozenset({"hugo"}))[0].split()) == left


def test_go_templates_render_calls_only() -> None:
    from lint import templates

    go = templates.syntaxes(["go"])
    assert templates.rendered('{{image "10years/gopher.jpg" 850}}', go)
    assert templates.rendered('{{code "cover/pkg.go"}}', go)
    assert not templates.rendered("{% include note.html %}", go)  # no Liquid there: the page shows it
    assert not templates.rendered("{{ insert quote here }}", go)  # words for a writer, in any syntax
