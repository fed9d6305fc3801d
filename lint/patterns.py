r"""Regular expressions an editor writes in a rule file, run within a time limit.

A rule file's ``regex: true`` entries (terms, placeholders, attributions) are the editor's own
expressions, and one such as ``(a|aa)+$`` backtracks without end on the wrong text: Python's
``re`` cannot be stopped once it has begun.  These expressions are checked with ``re`` (the
syntax the documentation promises) and run by the ``regex`` module, whose matching stops after
``[limits] max_regex_seconds`` a search; a search stopped so raises :class:`TooSlow`, and the
check that ran it reports one ``limits.regex`` finding on that article (the terms check keeps
what its other terms found) and the run goes on with the other checks and files
(:func:`lint.pipeline.facts.compute`).  copydesk's own expressions are written to run in linear
time and stay with ``re``.  The two modules read a few things differently: POSIX classes
(``[[:digit:]]``) and ``\w`` around combining accents; write plain classes in a rule file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint import limits


class TooSlow(Exception):
    """An editor's expression ran past the time limit on one text."""

    def __init__(self, source: str, seconds: float, offset: int = 0) -> None:
        super().__init__(source)
        self.source = source
        self.seconds = seconds
        self.offset = offset  # where in the file the text searched begins

    def at(self, offset: int) -> TooSlow:
        return TooSlow(self.source, self.seconds, offset)


class EditorPattern:
    """An editor's expression: ``finditer`` and ``fullmatch`` as :class:`re.Pattern` has them."""

    __slots__ = ("compiled", "pattern", "shown")

    def __init__(self, source: str, flags: int = 0, shown: str | None = None) -> None:
        self.pattern = source
        self.shown = shown if shown is not None else source  # as the editor wrote it, for the message
        import regex  # only a run with an editor's expression needs it

        self.compiled: Any = regex.compile(source, flags)

    def finditer(self, string: str) -> Iterator[Any]:
        """The matches, as ``re``'s ``finditer`` gives them; each search has the whole limit (the ``regex``
        module's own ``finditer`` gives one limit to all the searches of a long text together)."""
        pos, end = 0, len(string)
        while pos <= end:
            m = self._timed(self.compiled.search, string, pos)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def fullmatch(self, string: str) -> Any:
        return self._timed(self.compiled.fullmatch, string)

    def _timed(self, call: Any, *args: Any) -> Any:
        seconds = limits.current().max_regex_seconds
        try:
            return call(*args, timeout=seconds)
        except TimeoutError:
            raise TooSlow(self.shown, seconds) from None
