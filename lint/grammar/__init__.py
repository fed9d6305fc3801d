"""Grammar engines: one small interface, two implementations.

- :mod:`lint.grammar.harper`: Harper, offline, in process (``pip install harper-py``);
- :mod:`lint.grammar.languagetool`: LanguageTool through language-tool-python: a
  server reached over HTTP, or a LanguageTool already installed on this computer,
  started once per run (never downloaded).

An engine reads plain text (see :mod:`lint.grammar.prose`) and answers with
:class:`Match` values in character offsets of that text.  It never reports
spelling: the spelling check owns typos.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Match:
    """One problem an engine found, in character offsets of the text it was given."""

    rule: str  # the engine's id: a LanguageTool rule id, or a Harper lint kind
    message: str
    offset: int
    length: int
    replacements: tuple[str, ...] = ()


class EngineError(Exception):
    """The engine cannot answer; the message says what happened, as the end of a sentence.

    ``lasting`` is True when later requests would fail too (a server down, slow or
    broken) and False when only this text could not be checked (a language the
    server does not know, a text it finds too long).
    """

    def __init__(self, message: str, lasting: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.lasting = lasting


class Engine(Protocol):
    name: str  # "Harper", "LanguageTool at http://…"

    def supports(self, lang: str) -> bool:
        """Whether the engine can check text in ``lang`` (a tag such as en-GB)."""

    def check(self, text: str, lang: str) -> list[Match]:
        """The problems in ``text``; raises :class:`EngineError` when the engine fails."""

    def close(self) -> None:
        """Release what the engine holds (a server process)."""
