"""Turn located metadata (YAML, TOML or JSON) into the fields of an :class:`Article`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint import limits
from lint.article import Article, FAQItem, Node, Source
from lint.diagnostics import Finding
from lint.languages import language_tag
from lint.text import Text

TITLE_KEYS = ("title", "headline")
SUMMARY_KEYS = ("summary", "description", "excerpt", "dek", "subtitle", "standfirst")
PROSE_KEYS = ("image_alt", "image_figcaption", "caption", "alt")
FAQ_KEYS = ("faq", "faqs")
SOURCE_KEYS = ("sources", "source", "references")
LANG_KEYS = ("lang", "language", "locale")
URL = re.compile(r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.IGNORECASE)


def fill(article: Article, tree: Node) -> None:
    """Set title, summary, FAQ, sources, language and vocabulary from ``tree``."""
    article.tree = tree
    article.meta = tree.value if isinstance(tree.value, dict) else {}
    if not isinstance(tree.children, dict):
        return
    kids = tree.children
    for key in TITLE_KEYS:
        if key in kids and kids[key].text is not None:
            article.title = kids[key].text
            break
    summaries = [kids[k].text for k in SUMMARY_KEYS if k in kids and kids[k].text is not None]
    seen: set[str] = set()
    for text in summaries:
        assert text is not None
        if text.value.strip() in seen:  # excerpt repeating description: check it once
            continue
        seen.add(text.value.strip())
        if article.summary is None:
            article.summary = text
        else:
            article.other_texts.append(text)
    for key in PROSE_KEYS:
        if key in kids and kids[key].text is not None:
            text = kids[key].text
            assert text is not None
            article.other_texts.append(text)
    for key in FAQ_KEYS:
        if key in kids:
            article.faq, article.faq_anchor = _faq(kids[key])
            _faq_limit(article, kids[key])
            break
    article.sources, article.sources_anchor = sources_of(tree, SOURCE_KEYS)
    for key in LANG_KEYS:
        value = kids[key].value if key in kids else None
        if isinstance(value, str) and value.strip():
            article.lang = language_tag(value)
            break
    own = kids.get("copydesk")
    if own is not None and isinstance(own.value, dict):
        words = own.value.get("accept") or own.value.get("vocabulary") or []
        if isinstance(words, list):
            article.vocabulary = tuple(str(w) for w in words if isinstance(w, (str, int)))


def _faq(node: Node) -> tuple[list[FAQItem], int | None]:
    items: list[FAQItem] = []
    if isinstance(node.children, list):
        for item in node.children:
            if isinstance(item.children, dict):
                q = item.children.get("question") or item.children.get("q")
                a = item.children.get("answer") or item.children.get("a")
                items.append(
                    FAQItem(
                        q.text if q is not None else None,
                        a.text if a is not None else _empty(a),
                        item.start,
                        item.end,
                    )
                )
    return items, node.key_start


def _faq_limit(article: Article, node: Node) -> None:
    """Keep the first ``max_faq_entries`` FAQ entries, with a finding at the first one left out."""
    most = limits.current().max_faq_entries
    if article.faq is None or len(article.faq) <= most:
        return
    first_out = article.faq[most]
    total = len(article.faq)
    article.faq = article.faq[:most]
    article.notes.append(
        problem(
            f"the FAQ has {total:,} entries, more than the {most:,} copydesk reads"
            f" (the limit is {limits.key('max_faq_entries')}): the entries from here on are not checked",
            first_out.start,
        )
    )


def _empty(node: Node | None) -> Text | None:
    """A null answer (``answer:``) is an empty answer, placed where its value would be."""
    if node is not None and node.value is None:
        return Text("answer", "", node.start)
    return None


def sources_of(tree: Node, keys: Sequence[str]) -> tuple[list[Source] | None, int | None]:
    """The sources under the first of ``keys`` the metadata has, and where that key is; (None, None)
    when it has none of them."""
    kids = tree.children if isinstance(tree.children, dict) else {}
    for key in keys:
        if key in kids:
            return _sources(kids[key]), kids[key].key_start
    return None, None


def _sources(node: Node) -> list[Source]:
    out: list[Source] = []
    children: list[Node]
    if isinstance(node.children, list):
        children = node.children
    elif node.value in (None, ""):
        return []
    else:
        children = [node]  # a single source written as a scalar or mapping
    for child in children:
        value = child.value
        if isinstance(value, dict):
            url = value.get("url") or value.get("link") or value.get("href")
            title = value.get("title") or value.get("name") or value.get("publisher")
            raw = " ".join(str(v) for v in value.values() if v is not None)
            out.append(
                Source(
                    raw,
                    str(url) if url else None,
                    str(title) if title else None,
                    child.start,
                    child.end,
                )
            )
        else:
            raw = "" if value is None else str(value)
            m = URL.search(raw)
            out.append(Source(raw, m.group() if m else None, None, child.start, child.end))
    return out


def problem(message: str, offset: int, end: int | None = None) -> Finding:
    """A reader problem: the file could not be read as an article (rule ``schema.syntax``)."""
    return Finding("schema.syntax", message, offset, end if end is not None else offset + 1)
