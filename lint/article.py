"""One model for every article format: metadata with positions, and the prose to check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lint.diagnostics import Finding
from lint.text import Text


@dataclass
class Node:
    """A metadata value with its place in the file.

    ``start``/``end`` span the value; ``key_start``/``key_end`` span the key that
    holds it (for list items, the item's dash or bracket).  ``text`` is set for
    string values: the decoded string with per-character positions.
    """

    value: Any
    start: int
    end: int
    key_start: int | None = None
    key_end: int | None = None
    text: Text | None = None
    children: dict[str, Node] | list[Node] | None = None

    def child(self, key: str | int) -> Node | None:
        if isinstance(self.children, dict) and isinstance(key, str):
            return self.children.get(key)
        if isinstance(self.children, list) and isinstance(key, int) and 0 <= key < len(self.children):
            return self.children[key]
        return None

    def find(self, path: tuple[str | int, ...]) -> Node:
        """The deepest node along ``path`` (a JSON-Schema error path)."""
        node = self
        for part in path:
            nxt = node.child(part)
            if nxt is None:
                break
            node = nxt
        return node


def string_node(value: str, start: int, end: int, text: Text) -> Node:
    """A quoted string's node: it spans the characters of the value, not the quotes around them, so a
    finding on ``source: "doj"`` points at ``doj`` (escapes and doubled quotes included: ``"\\"doj"`` begins
    at the backslash).  An empty string spans its quotes: there is nothing else to point at."""
    if value:
        start, end = text.span(0, len(value))
    return Node(value, start, end, text=text)


@dataclass
class FAQItem:
    question: Text | None
    answer: Text | None
    start: int  # where the item begins in the file
    end: int


@dataclass
class Source:
    """One entry of the sources list or section."""

    raw: str  # the entry as written (a URL, a citation, or junk)
    url: str | None
    title: str | None
    start: int
    end: int


@dataclass
class Article:
    path: str
    source: str
    format: str  # "markdown", "json", "text"
    meta: dict[str, Any] = field(default_factory=dict)  # plain values, validated by the schema
    tree: Node | None = None  # located metadata (None where the format has no structure)
    title: Text | None = None
    summary: Text | None = None
    body: list[Text] = field(default_factory=list)  # prose blocks; code and URLs blanked out
    headings: list[Text] = field(default_factory=list)  # headings inside the body
    faq: list[FAQItem] | None = None  # None: the article has no FAQ
    faq_anchor: int | None = None
    sources: list[Source] | None = None  # None: no sources at all; []: an empty list/section
    sources_anchor: int | None = None  # where the sources key or heading is
    other_texts: list[Text] = field(default_factory=list)  # other metadata prose (description …)
    chrome: list[Text] = field(default_factory=list)  # leftover page chrome ("Back to the articles", "Share")
    lang: str | None = None
    vocabulary: tuple[str, ...] = ()  # words accepted for this article only
    templates: tuple[str, ...] | None = None  # the config's template syntaxes (lint.templates); None: not set
    bom: bool = False  # the file began with a UTF-8 byte order mark (--fix writes it back)
    problems: list[Finding] = field(default_factory=list)  # what the reader could not read
    notes: list[Finding] = field(default_factory=list)  # a limit reached: the rest is read and checked

    def texts(self) -> Iterator[Text]:
        """Every piece of prose an editor would read, headline first."""
        if self.title is not None:
            yield self.title
        if self.summary is not None:
            yield self.summary
        yield from self.other_texts
        yield from self.body
        for item in self.faq or ():
            if item.question is not None:
                yield item.question
            if item.answer is not None:
                yield item.answer

    @property
    def readable(self) -> bool:
        """False when the reader could not make an article of the file at all."""
        return bool(self.body or self.title or self.meta)
