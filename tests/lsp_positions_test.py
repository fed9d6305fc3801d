"""lint.lsp.positions: copydesk's characters as LSP's code units, and the archive index taken back."""

from __future__ import annotations

import pytest
from lsprotocol import types

from lint.config import Config
from lint.lsp.positions import Places
from lint.pipeline.facts import Context, compute
from lint.pipeline.index import ArchiveIndex, part
from lint.readers import read_text


@pytest.mark.parametrize(
    ("text", "line", "column", "encoding", "expected"),
    (
        ("abc", 1, 3, "utf-16", (0, 2)),
        ("a🎉b", 1, 3, "utf-16", (0, 3)),  # the emoji is two UTF-16 code units
        ("a🎉b", 1, 3, "utf-32", (0, 2)),
        ("a🎉b", 1, 3, "utf-8", (0, 5)),  # four bytes
        ("é\r\n𝒯x", 2, 2, "utf-16", (1, 2)),  # CRLF ends the line
        ("a\rb🎉c", 2, 3, "utf-16", (1, 3)),  # so does a lone CR
        ("\ufeffab", 1, 2, "utf-16", (0, 2)),  # the byte order mark is in the editor's text, not copydesk's
    ),
)
def test_a_column_in_code_units(text: str, line: int, column: int, encoding: str, expected: tuple[int, int]) -> None:
    places = Places.of_document(text, encoding)
    at = places.position(line, column)
    assert (at.line, at.character) == expected
    assert places.offset(at) == places.index.offset(line, column)  # and back


def test_a_position_inside_a_surrogate_pair_is_the_characters_start() -> None:
    places = Places("a🎉b")
    assert places.offset(types.Position(0, 2)) == 1


def test_an_index_less_one_articles_part_is_the_index_without_it() -> None:
    ctx = Context.make(Config())
    texts = {
        "a.md": "Mayor Dana Kowalczyk said the council met. Kowalczyk spoke.\n",
        "b.md": "Dana Kowalcyzk met the zorblatt on Friday.\n",
    }
    parts = {name: part(compute(read_text(name, text, "markdown"), ctx)) for name, text in texts.items()}
    assert parts["b.md"].words is not None and "zorblatt" in parts["b.md"].words.every
    assert parts["b.md"].names
    both, alone = ArchiveIndex(), ArchiveIndex()
    both.add(parts["a.md"])
    both.add(parts["b.md"])
    alone.add(parts["a.md"])
    assert both.evidence != alone.evidence
    both.remove(parts["b.md"])
    assert both.evidence == alone.evidence
    assert dict(both.names.counts) == dict(alone.names.counts)
    assert dict(both.names.firsts) == dict(alone.names.firsts)
    assert dict(both.names.given) == dict(alone.names.given)
    assert (both.names.proper, both.names.leads, both.names.paths) == (
        alone.names.proper,
        alone.names.leads,
        alone.names.paths,
    )
