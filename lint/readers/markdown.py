"""Markdown articles with YAML (``---``) or TOML (``+++``) front matter."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lint.article import Article
from lint.needles import Haystack, required
from lint.readers import meta, yamltree
from lint.text import Text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

FENCE = {"---": "yaml", "+++": "toml"}

# Addresses that are not prose in any format: web links, e-mail addresses, social handles.
URLS = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]|www\.[^\s<>()\[\]]+[A-Za-z0-9/]")
EMAILS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLES = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}\b")
ADDRESS_MASKS = [URLS, EMAILS, HANDLES]

# Inline things that are not prose: blanked out (same length, newlines kept).
INLINE_MASKS = [
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL),  # code spans
    re.compile(r"\{%.*?%\}", re.DOTALL),  # Liquid / Jinja tags
    re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"),  # link destinations
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE),  # reference definitions
    re.compile(r"</?[A-Za-z][^<>]*>"),  # HTML tags and autolinks
    re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"),  # character references
    *ADDRESS_MASKS,
]


# elements of an HTML block whose content is not prose
HTML_CODE = re.compile(r"<(script|style|pre|code|textarea|svg|math)\b.*?</\1\s*>|<(script|style)\b.*", re.DOTALL | re.I)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"])  # only the block structure is used: code and HTML blocks
    return md


def split_front_matter(source: str) -> tuple[str | None, int, int, int]:
    """Find front matter: (kind, content start, content end, body start); kind None if none."""
    text = source[1:] if source.startswith("\ufeff") else source
    shift = len(source) - len(text)
    first = text.split("\n", 1)[0].rstrip("\r").rstrip()
    kind = FENCE.get(first)
    if kind is None:
        return None, 0, 0, shift
    start = shift + len(text.split("\n", 1)[0]) + 1
    closer = re.compile(r"^(---|\.\.\.)[ \t]*\r?$" if kind == "yaml" else r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
    m = closer.search(source, start)
    if m is None:
        return kind, start, -1, len(source)
    body = m.end() + 1 if m.end() < len(source) else m.end()
    return kind, start, m.start(), body


def mask(source: str, start: int, end: int) -> str:
    """The body ``source[start:end]`` with code, markup and URLs blanked to spaces, offsets unchanged."""
    return mask_text(source[start:end])


_NOT_NEWLINE = re.compile(r"[^\r\n]")
_NEWLINE = re.compile(r"\n")


# where a fence or an HTML block may begin: at the start of a line, after indentation and the marks of
# quotes and list items ("> ```", "- <div>"); an indented code block needs four spaces or a tab
_BLOCK_START = re.compile(r"^[ \t>*+\-\d.)]*(?:```|~~~|<)", re.MULTILINE)


def _may_hold_blocks(body: str) -> bool:
    """False only when ``body`` has no code block, fence or HTML block: no need to parse it."""
    return "    " in body or "\t" in body or "\r" in body or _BLOCK_START.search(body) is not None


def mask_text(body: str) -> str:
    """``body`` (Markdown) with code, markup and URLs blanked to spaces; same length, newlines kept."""
    chars = list(body)

    def blank(a: int, b: int) -> None:
        if b > a:
            chars[a:b] = _NOT_NEWLINE.sub(" ", "".join(chars[a:b]))

    if ("`" in body or "~~~" in body or "    " in body or "<" in body) and _may_hold_blocks(body):
        line_starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]
        line_starts.append(len(body) + 1)
        for token in _parser().parse(body):
            if token.type in ("fence", "code_block", "html_block") and token.map:
                a, b = token.map
                a, b = line_starts[a], min(line_starts[b] - 1, len(body))
                if token.type != "html_block":
                    blank(a, b)
                    continue
                # an HTML block is published text between its tags (blanked below with inline HTML);
                # only code, scripts and styles inside it are not prose
                for m in HTML_CODE.finditer(body, a, b):
                    blank(m.start(), m.end())
    hay = Haystack(body)
    for pattern in INLINE_MASKS:
        if not hay.may_hold(required(pattern.pattern, pattern.flags)):
            continue  # no "@" in the text, no e-mail address: no need to search
        for m in pattern.finditer(body):
            if pattern.pattern.startswith("\\]"):
                blank(m.start() + 1, m.end())  # keep the "]" so the link text stays a word edge
            else:
                blank(m.start(), m.end())
    return "".join(chars)


HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def masked_body(text: Text) -> Text:
    """``text`` (a decoded Markdown string) masked like :func:`mask_text`, each character kept in place."""
    return Text("body", mask_text(text.value), text.start, text.starts, text.ends)


def headings(body: Text) -> list[Text]:
    """The ATX headings (``## Title``) of a masked body, with their positions."""
    out = []
    for m in HEADING.finditer(body.value):
        i, j = m.start(2), m.end(2)
        if body.starts is None or body.ends is None:
            out.append(Text("heading", m.group(2), body.start + i))
        else:
            start = body.starts[i] if i < len(body.starts) else body.start
            out.append(Text("heading", m.group(2), start, body.starts[i:j], body.ends[i:j]))
    return out


def read(article: Article) -> None:
    source = article.source
    kind, fm_start, fm_end, body_start = split_front_matter(source)
    if kind is not None and fm_end < 0:
        article.problems.append(
            meta.problem(f"front matter opened with '{'---' if kind == 'yaml' else '+++'}' is never closed", 0, 3)
        )
        fm_end = body_start = len(source)
        kind = None
    if kind == "yaml":
        try:
            meta.fill(article, yamltree.parse(source, fm_start, fm_end))
        except yamltree.YAMLError as exc:
            article.problems.append(meta.problem(exc.message, exc.offset))
    elif kind == "toml":
        from lint.readers import tomltree

        try:
            meta.fill(article, tomltree.parse(source, fm_start, fm_end))
        except tomltree.TOMLError as exc:
            article.problems.append(meta.problem(exc.message, exc.offset))
    body = Text("body", mask(source, body_start, len(source)), body_start)
    article.body = [body]
    article.headings = headings(body)
