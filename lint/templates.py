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

Which syntax a site's articles hold is the config's ``templates`` (``copydesk init``
writes it): only what the site's generator renders is code.  Jekyll renders Liquid
in a post; Hugo renders shortcodes (``{{< … >}}``, ``{{% … %}}``) but never a Go
template in content, so ``{{ .Date }}`` in a Hugo post is shown as written, a
leftover of an archetype; a folder of exported news renders nothing, so every
``{{ … }}`` and ``{% … %}`` in it is a marker.  Unset, every syntax but MDX is
code (MDX is known by the ``.mdx`` extension), since copydesk cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.spelling import word_set

# the syntaxes the config's ``templates`` may name, and what each renders (README, Configuration)
SYNTAXES = {
    "liquid": "Liquid (Jekyll, Eleventy): {{ … }} and {% … %}",
    "jinja": "Jinja or Nunjucks (Eleventy, MkDocs with macros): {{ … }}, {% … %} and {# … #}",
    "hugo": "Hugo shortcodes: {{< … >}} and {{% … %}} (Hugo renders no {{ … }} in content)",
    "mdx": "MDX: {expressions}, JSX components, import and export lines, in .md files too",
    "go": 'Go templates a site\'s own code renders (go.dev\'s blog: {{image "…"}}, {{code "…"}}): {{ … }} only',
    "none": "no template syntax: every {{ … }}, {% … %} or shortcode left in the text is a marker",
}
DEFAULT = frozenset(("liquid", "jinja", "hugo"))  # no ``templates`` in the config: all but MDX are code


def syntaxes(names: Iterable[str] | None) -> frozenset[str]:
    """The syntaxes of the config's ``templates`` (``None``: not set, :data:`DEFAULT`)."""
    if names is None:
        return DEFAULT
    return frozenset(n for n in names if n != "none")


def renders_expressions(syntax: frozenset[str]) -> bool:
    """``{{ expression }}`` and ``{% tag %}`` are rendered (Liquid, Jinja)."""
    return bool(syntax & {"liquid", "jinja"})


def renders_calls(syntax: frozenset[str]) -> bool:
    """``{{ expression }}`` is rendered (Liquid, Jinja, Go templates)."""
    return bool(syntax & {"liquid", "jinja", "go"})


def renders_shortcodes(syntax: frozenset[str]) -> bool:
    return "hugo" in syntax


def renders_comments(syntax: frozenset[str]) -> bool:
    """``{# comment #}`` is a comment (Jinja, Nunjucks); Liquid shows it as written."""
    return "jinja" in syntax


def rendered(tag: str, syntax: frozenset[str]) -> bool:
    """True when ``tag`` (a match of :data:`TAG` or a marker found by the placeholder check) is code the
    site's generator renders, False when the page would show it as written or it holds words for a writer."""
    if tag.startswith(("{{<", "{{%")):
        return renders_shortcodes(syntax)
    if tag.startswith("{%"):
        return renders_expressions(syntax)
    if tag.startswith("{#"):
        return renders_comments(syntax)
    if tag.startswith("{{"):
        return renders_calls(syntax) and is_code(tag[2:-2])
    return False


# names every template of a generator may use on their own: {{ content }}, {{ end }} (Hugo), {{ super() }}
KEYWORDS = word_set("""
    content site page post layout paginator jekyll forloop include eleventy collections pkg
    end else break continue super caller loop self
    """)
CODE_SIGNS = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'|[|.$()\[\]=<>+*/%]|\w_|_\w|[a-z][A-Z]|\d")

# Liquid/Jinja blocks whose content is code or raw markup, and Hugo's code shortcodes (highlight, code,
# code-toggle, codeblock …: a paired shortcode named for code)
CODE_BLOCKS = re.compile(
    r"\{%-?\s*(highlight|raw|comment|capture|codeblock|code|verbatim)\b.*?\{%-?\s*end\1\s*-?%\}"
    r"|\{\{[<%]\s*([\w-]*(?:highlight|code)[\w-]*)(?![\w-]).*?\{\{[<%]\s*/\2\s*[>%]\}\}",
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
