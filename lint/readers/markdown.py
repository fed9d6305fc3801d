"""Markdown articles with YAML (``---``) or TOML (``+++``) front matter."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from lint import templates
from lint.article import Article
from lint.needles import Haystack, required
from lint.readers import meta, yamltree
from lint.text import Text, rewrite

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

FENCE = {"---": "yaml", "+++": "toml"}

# Addresses that are not prose in any format: web links, e-mail addresses, social handles.
URLS = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]|www\.[^\s<>()\[\]]+[A-Za-z0-9/]")
EMAILS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLES = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{1,30}\b")
ADDRESS_MASKS = [URLS, EMAILS, HANDLES]

# Inline things that are not prose: blanked out (same length, newlines kept), in this order.
# Each runs on the text the earlier ones left, so a tag inside a code span is code.
CODE_ELEMENTS = re.compile(
    r"<(code|pre|kbd|samp|tt|var|script|style|textarea|svg|math)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.I
)
COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
# a code span ends in its paragraph (CommonMark): an unmatched backtick stays a backtick, and
# does not pair with one paragraphs later (turning the code between into prose)
CODE_SPANS = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\r?\n).)*?(?<!`)\1(?!`)", re.DOTALL)
# a link destination, with a title readers see as a tooltip: ](url "title")
LINK_DESTINATION = re.compile(
    r"\]\((?:[^()\s]|\([^()]*\)|\{\{.*?\}\}|\{%.*?%\})*(?:\s+(?:\"([^\"]*)\"|'([^']*)'|\(([^()]*)\)))?\s*\)"
)
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # tags and autolinks
MARKER_TAG = re.compile(r"<\s*(?:placeholder|insert|tk|tbd|todo)\b", re.I)
HTML_PROSE_ATTRIBUTES = re.compile(r"\s(?:alt|title)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}  # &shy; &zwj; …: nothing to read
# markup inside a word, which the page shows as one word: [projec](https://…)t, <em>pro</em>ject
GLUE = re.compile(
    r"(?<=[^\W\d_])(?:\]\((?:[^()\s]|\([^()]*\))*\)|\]\[[^\]\s]*\]|[\[\]]|<!--.*?-->"
    r"|</?(?:a|em|strong|b|i|u|s|span|abbr|mark|small|cite|dfn|ins|del|font|time)\b[^<>]*>)+(?=[^\W\d_])"
)
# a reference link's label ("[the thread][internals]", "[rustup][]") and a reference definition's
# ("[internals]: https://…"): names of addresses, not prose; a label may run onto the next line
# ("[3-30% regressions][compile-time\nregressions]")
REFERENCE_LABEL = re.compile(
    r"(?<=\])\[[^\[\]\n]*(?:\r?\n[^\[\]\n]*)?\]|^ {0,3}\[[^\[\]\n]+\]:(?=[ \t]|$)", re.MULTILINE
)
MDX_ESM = re.compile(r"^(?:import|export)\b.*?(?=\n[ \t]*\n|\Z)", re.MULTILINE | re.DOTALL)


# elements of an HTML block whose content is not prose
HTML_CODE = re.compile(r"<(script|style|pre|code|textarea|svg|math)\b.*?</\1\s*>|<(script|style)\b.*", re.DOTALL | re.I)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"])  # only the block structure is used: code and HTML blocks
    return md


_LINE_END = re.compile(r"\r\n?|\n")
_CLOSERS = {
    kind: re.compile(rf"(?:^|(?<=[\r\n])){fence}[ \t]*(?=\r|\n|\Z)")
    for kind, fence in (("yaml", r"(?:---|\.\.\.)"), ("toml", r"\+\+\+"))
}


_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
# the first line of front matter: a key (YAML "title:", TOML "title ="), a comment or a table
_KEYS_FIRST = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*[ \t]*(?:[\w\"'-][\w .\"'-]*[ \t]*(?::[ \t\r\n]|:$|=)|#|\[)")


def split_front_matter(source: str) -> tuple[str | None, int, int, int]:
    """Find front matter: (kind, content start, content end, body start); kind None if none.

    Lines end at ``\r\n``, ``\n`` or a lone ``\r``, as editors show them.  Blank lines before the
    opening fence are skipped, as Hugo skips them."""
    bom = 1 if source.startswith("\ufeff") else 0
    blank = _BLANK_LINES.match(source, bom)
    shift = blank.end() if blank else bom  # Hugo skips them; others are told (see read)
    first_end = _LINE_END.search(source, shift)
    first = source[shift : first_end.start() if first_end else len(source)].rstrip()
    kind = FENCE.get(first)
    if kind is None:
        return None, 0, 0, bom
    start = first_end.end() if first_end else len(source)
    m = _CLOSERS[kind].search(source, start)
    if shift > bom and (m is None or not _KEYS_FIRST.match(source, start, m.start())):
        return None, 0, 0, bom  # after blank lines, a rule ("---") with prose after it: no front matter
    if m is None:
        return kind, start, -1, len(source)
    after = _LINE_END.match(source, m.end())
    return kind, start, m.start(), after.end() if after else m.end()


def mask(source: str, start: int, end: int) -> str:
    """The body ``source[start:end]`` with code, markup and URLs blanked to spaces, offsets unchanged."""
    return mask_text(source[start:end])


_NOT_NEWLINE = re.compile(r"[^\r\n]")


# where a fence or an HTML block may begin: at the start of a line, after indentation and the marks of
# quotes and list items ("> ```", "- <div>"); an indented code block needs four spaces or a tab
_BLOCK_START = re.compile(r"^[ \t>*+\-\d.)]*(?:```|~~~|<)", re.MULTILINE)


def _may_hold_blocks(body: str) -> bool:
    """False only when ``body`` has no code block, fence or HTML block: no need to parse it."""
    return "    " in body or "\t" in body or "\r" in body or _BLOCK_START.search(body) is not None


def mask_text(body: str, mdx: bool = False) -> str:
    """``body`` (Markdown) with code, markup and URLs blanked to spaces; same length, newlines kept."""
    return mask_spans(body, mdx)[0]


def mask_spans(
    body: str, mdx: bool = False, syntax: frozenset[str] = templates.DEFAULT
) -> tuple[str, list[tuple[int, int]]]:
    """``body`` masked like :func:`mask_text`, and the spans of prose held in markup.

    Held prose is what readers see of the markup: image alt text and titles
    (``<img alt="…">``, ``[x](url "title")``) and the captions of shortcodes and
    includes (``{{< figure caption="…" >}}``).  It is blanked in the body and
    given back as spans, to be read as texts of their own.  ``mdx``: the body is
    MDX, whose ``{expressions}`` and ``import``/``export`` lines are code.
    ``syntax``: the template syntaxes the site renders (:mod:`lint.templates`); a
    tag it does not render is left in the text, for the placeholder check.
    """
    mdx = mdx or "mdx" in syntax
    chars = list(body)
    held: list[tuple[int, int]] = []

    def blank(a: int, b: int) -> None:
        if b > a:
            chars[a:b] = _NOT_NEWLINE.sub(" ", "".join(chars[a:b]))

    def blank_keeping(a: int, b: int, spans: Iterable[tuple[int, int]]) -> None:
        """Blank ``a:b`` but keep (hold) the prose spans inside it."""
        for i, j in spans:
            blank(a, i)
            held.append((i, j))
            blank(i, j)
            a = j
        blank(a, b)

    if ("`" in body or "~~~" in body or "    " in body or "<" in body) and _may_hold_blocks(body):
        line_starts = [0] + [m.end() for m in _LINE_END.finditer(body)]  # as markdown-it counts lines
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
    if mdx:
        for m in MDX_ESM.finditer(body):
            blank(m.start(), m.end())
    if "{" in body:
        for m in templates.CODE_BLOCKS.finditer("".join(chars)):
            if templates.rendered(m.group(), syntax):
                blank(m.start(), m.end())
    if "<" in body:
        for pattern in (CODE_ELEMENTS, COMMENTS):
            for m in pattern.finditer("".join(chars)):
                blank(m.start(), m.end())
    if "`" in body:
        for m in CODE_SPANS.finditer("".join(chars)):
            blank(m.start(), m.end())
    if mdx and "{" in body:
        for a, b in _braces("".join(chars)):
            blank(a, b)
    if "](" in body:
        for m in LINK_DESTINATION.finditer("".join(chars)):
            title = next(((m.start(g), m.end(g)) for g in (1, 2, 3) if m.group(g)), None)
            blank_keeping(m.start() + 1, m.end(), [title] if title else [])  # "]" stays a word edge
    if "{" in body:
        for m in templates.TAG.finditer("".join(chars)):
            if not templates.rendered(m.group(), syntax):
                continue  # words for a writer ({{ insert quote }}), or shown as written: the placeholder check
            spans = [(m.start() + i, m.start() + j) for i, j in templates.prose_params(m.group())]
            blank_keeping(m.start(), m.end(), spans)
    if "[" in body:
        for m in REFERENCE_DEFINITION.finditer("".join(chars)):
            blank(m.start(), m.end())
    if "<" in body:
        for m in HTML_TAG.finditer("".join(chars)):
            if MARKER_TAG.match(m.group()):
                continue  # <placeholder>, <insert photo>: no element, a marker the placeholder check reports
            spans = [
                (m.start() + a.start(g), m.start() + a.end(g))
                for a in HTML_PROSE_ATTRIBUTES.finditer(m.group())
                for g in (1, 2)
                if a.group(g) and a.group(g).strip()
            ]
            blank_keeping(m.start(), m.end(), spans)
    hay = Haystack(body)
    for pattern in ADDRESS_MASKS:
        if not hay.may_hold(required(pattern.pattern, pattern.flags)):
            continue  # no "@" in the text, no e-mail address: no need to search
        for m in pattern.finditer(body):
            blank(m.start(), m.end())
    return "".join(chars), sorted(held)


def _braces(value: str) -> list[tuple[int, int]]:
    """The spans of balanced ``{…}`` expressions (MDX), outermost only."""
    out = []
    depth = 0
    start = 0
    for k, ch in enumerate(value):
        if ch == "{":
            if depth == 0:
                start = k
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, k + 1))
    return out


def entity_edits(value: str) -> list[tuple[int, int, str]]:
    """Each character reference of ``value`` and the character it stands for (``&rsquo;`` -> ’)."""
    if "&" not in value:
        return []
    out = []
    for m in ENTITY.finditer(value):
        ch = html.unescape(m.group())
        if ch != m.group():
            out.append((m.start(), m.end(), "" if ch in INVISIBLE else ch))
    return out


def decode_entities(text: Text) -> Text:
    """``text`` with its character references read as the characters they stand for, positions kept."""
    return rewrite(text, entity_edits(text.value))


def prose(text: Text, mdx: bool = False, syntax: frozenset[str] = templates.DEFAULT) -> tuple[Text, list[Text]]:
    """The prose of ``text`` (a Markdown body): the body masked and decoded, and the prose held in its markup."""
    value = text.value
    masked, held = mask_spans(value, mdx, syntax)
    if "][" in masked or "]:" in masked:
        masked = REFERENCE_LABEL.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), masked)
    edits = entity_edits(masked)
    if "[" in value or "<" in value:
        for m in GLUE.finditer(value):
            a, b = m.span()
            if masked[a - 1].isalpha() and masked[b].isalpha() and not masked[a:b].strip("[] "):
                edits.append((a, b, ""))  # markup inside a word: the word reads as one
    body = rewrite(Text("body", masked, text.start, text.starts, text.ends), edits)
    captions = []
    for i, j in held:
        caption = text.sub("caption", i, j)
        caption = Text("caption", mask_addresses(caption.value), caption.start, caption.starts, caption.ends)
        captions.append(decode_entities(caption))
    return body, captions


def mask_addresses(value: str) -> str:
    """Web and e-mail addresses and handles blanked to spaces, same length."""
    chars = list(value)
    for pattern in ADDRESS_MASKS:
        for m in pattern.finditer(value):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def masked_body(text: Text) -> Text:
    """``text`` (a decoded Markdown string) masked like :func:`mask_text`, each character kept in place."""
    return prose(text)[0]


def read_body(article: Article, text: Text) -> None:
    """Add the prose of the Markdown body ``text`` to ``article``: the body, its headings, its captions."""
    body, held = prose(text, article.path.lower().endswith(".mdx"), templates.syntaxes(article.templates))
    article.body.append(body)
    article.headings.extend(headings(body))
    article.body.extend(held)


def decode_fields(article: Article) -> None:
    """Headline, summary and other metadata prose with their character references read."""
    if article.title is not None:
        article.title = decode_entities(article.title)
    if article.summary is not None:
        article.summary = decode_entities(article.summary)
    article.other_texts = [decode_entities(t) for t in article.other_texts]


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
    late = kind is not None and source[:fm_start].lstrip("\ufeff")[:1] in ("\r", "\n", " ", "\t")
    if late and "hugo" not in (article.templates or ()):
        fence = source.index("---" if kind == "yaml" else "+++")
        article.problems.append(
            meta.problem(
                "blank lines stand before the front matter: only Hugo reads it there; other site generators"
                " publish it as text (delete the blank lines)",
                fence,
                fence + 3,
            )
        )
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
    decode_fields(article)
    article.body = []
    article.headings = []
    read_body(article, Text.verbatim("body", source, body_start, len(source)))
