"""Template syntax of site generators: code a generator renders, or a marker left for a writer.

``{{ site.url }}``, ``{{ "porta" | team_link }}``, ``{{ .Date }}``, ``{{< figure >}}``,
``{% include x.html %}`` and ``{# note #}`` are code: a site generator turns them into
the page.  ``{{ insert quote here }}``, ``{{TK}}`` and ``{{ quote }}`` hold words meant
for a writer: they are template markers the placeholder check reports.

The test is the shape of the expression, not a list of names: a variable path
(``a.b``, ``.Title``, ``$x``), a filter (``|``), a quoted string, a call or an
operator, a programmer's identifier (``post_title``, ``authorName``) or a
generator's own keyword make code; plain words (``quote``, ``insert name here``,
``TK``) make a marker.
"""

from __future__ import annotations

import re

from lint.spelling import word_set

# names every template of a generator may use on their own: {{ content }}, {{ end }} (Hugo), {{ super() }}
KEYWORDS = word_set("""
    content site page post layout paginator jekyll forloop include eleventy collections pkg
    end else break continue super caller loop self
    """)
CODE_SIGNS = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'|[|.$()\[\]=<>+*/%]|\w_|_\w|[a-z][A-Z]|\d")

# Liquid/Jinja blocks whose content is code or raw markup, and Hugo's code shortcodes
CODE_BLOCKS = re.compile(
    r"\{%-?\s*(highlight|raw|comment|capture|codeblock|code|verbatim)\b.*?\{%-?\s*end\1\s*-?%\}"
    r"|\{\{[<%]\s*(highlight|code|codeblock)\b.*?\{\{[<%]\s*/\2\s*[>%]\}\}",
    re.DOTALL,
)
# one tag or expression: {{< shortcode >}}, {{% shortcode %}}, {% tag %}, {# comment #}, {{ expression }}
TAG = re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\}|\{#.*?#\}|\{\{(?!\{)(?P<expr>.*?)\}\}", re.DOTALL)
# parameters of shortcodes and includes that readers see: caption="…", alt='…', title="…", attr="…"
PROSE_PARAMS = re.compile(r"\b(?:caption|alt|title|attr|figcaption|description)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# a positional argument that reads as words: {% image "x.jpg" "a mockup of our app" %}
QUOTED = re.compile(r"(?<![=\w])\s(?:\"([^\"]*)\"|'([^']*)')")
PROSE_LIKE = re.compile(r"[^\W\d_]{2,}[ \t]+[^\W\d_]")
NOT_PROSE_ARG = re.compile(r"[/\\{}<>=#@]|\.\w{2,4}\b|^\s*$")


def is_code(expression: str) -> bool:
    """True when ``expression`` (the inside of ``{{ … }}``) is code a generator renders, False for a marker."""
    inner = expression.strip().strip("-~").strip()
    if not inner:
        return True
    if CODE_SIGNS.search(inner):
        return True
    words = inner.split()
    return len(words) == 1 and words[0] in KEYWORDS


def prose_params(tag: str) -> list[tuple[int, int]]:
    """Spans in ``tag`` (a shortcode, include or HTML tag) of the values readers see: captions, alt text, titles."""
    out = []
    for m in PROSE_PARAMS.finditer(tag):
        group = 1 if m.group(1) is not None else 2
        if m.group(group).strip():
            out.append(m.span(group))
    if tag.startswith(("{%", "{{<", "{{%")):
        for m in QUOTED.finditer(tag):
            group = 1 if m.group(1) is not None else 2
            value = m.group(group)
            if PROSE_LIKE.search(value) and not NOT_PROSE_ARG.search(value) and m.span(group) not in out:
                out.append(m.span(group))
    return sorted(out)
