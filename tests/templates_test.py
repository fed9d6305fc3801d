"""Template syntax: code a site generator renders, or a marker holding words for a writer."""

from __future__ import annotations

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
