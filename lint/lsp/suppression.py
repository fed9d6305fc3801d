"""The edit that suppresses one rule on one line: ``<!-- copydesk-disable-next-line RULE -->``.

The comment (:mod:`lint.suppress`) covers the next line that is not blank, and only in a Markdown
body.  Where the line before is prose of a paragraph (or a list item), the comment goes at its end,
inline, so the paragraph stays one paragraph (a comment on a line of its own would end it; before a
hard line break's spaces or backslash, so the break stays); otherwise the comment goes on a line of
its own before the finding's line, indented as it is.  MDX has no HTML comments (they break its
build), front matter and other formats have no line comments: no edit there.
"""

from __future__ import annotations

import re

from lint.article import Article
from lint.diagnostics import Edit
from lint.text import LineIndex

HARD_BREAK = re.compile(r"(?: {2,}|\\)$")


def comment(rule: str) -> str:
    return f"<!-- copydesk-disable-next-line {rule} -->"


def next_line(article: Article, line: int, rule: str) -> Edit | None:
    """The edit that makes copydesk ignore ``rule`` on ``line`` (1-based) of ``article``, or None."""
    from lint.readers.markdown import _parser, split_front_matter

    if article.format != "markdown" or article.path.lower().endswith(".mdx"):
        return None
    source = article.source
    body = split_front_matter(source)[3]
    index = LineIndex(source)
    if line > len(index.starts) or index.starts[line - 1] < body:
        return None  # in the front matter
    first = index.position(body)[0]  # the body's first line
    target = line - first  # 0-based, in the body
    tokens = _parser().parse(source[body:])
    previous = target - 1
    text = comment(rule)
    if previous >= 0 and index.line_text(line - 1).strip():
        for i, t in enumerate(tokens):
            opener = tokens[i - 1].type if i else ""
            if t.type == "inline" and t.map and t.map[0] <= previous < t.map[1] and opener == "paragraph_open":
                content = index.line_text(line - 1)
                m = HARD_BREAK.search(content)
                at = index.starts[line - 2] + (m.start() if m else len(content.rstrip(" \t")))
                return Edit(at, at, " " + text)
    own = index.line_text(line)
    indent = own[: len(own) - len(own.lstrip(" \t"))]
    start = index.starts[line - 1]
    end_of_line = "\r\n" if "\r\n" in source else ("\r" if "\r" in source and "\n" not in source else "\n")
    return Edit(start, start, f"{indent}{text}{end_of_line}")
