"""A baseline: today's findings of an old archive, so that only new ones are reported.

``copydesk check --write-baseline FILE`` records every finding; ``copydesk check --baseline
FILE`` then reports only findings that are not in it.  A finding is known by its rule, its
file, the words it points at and the words around them on the same line, never by its line
number: adding a paragraph above a finding does not make it new, while the same typo made
again elsewhere does.  The same finding twice in a file is recorded with ``"count": 2``; a
third occurrence is new.

The file is JSON, sorted, one finding per entry (no line numbers, so it does not change
when text moves)::

    {
      "copydesk": "baseline",
      "version": 1,
      "findings": [
        {"file": "posts/budget.md", "rule": "spelling.unknown", "text": "goverment",
         "before": "and the", "after": "announced a new", "count": 1}
      ]
    }

``file`` is relative to the folder of the baseline file (with ``/``), so the baseline works
from any working directory.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from lint.diagnostics import Diagnostic
from lint.errors import FatalError
from lint.files import read_text as read_file
from lint.text import LineIndex

FORMAT, VERSION = "baseline", 1
CONTEXT_WORDS = 3  # words of the same line kept on each side of a finding
CONTEXT_CHARS = 40  # at most, on each side (long words, URLs)
TEXT_CHARS = 120  # a longer span (a whole empty section) keeps its start and end
SPACE = re.compile(r"\s+")
FIELDS = ("file", "rule", "text", "before", "after")


class Key(NamedTuple):
    """What makes a finding the same finding from one run to the next."""

    file: str
    rule: str
    text: str
    before: str
    after: str


class Baseline(NamedTuple):
    path: Path
    counts: Counter[Key]


def key(diagnostic: Diagnostic, source: str, index: LineIndex, folder: Path) -> Key:
    start = index.offset(diagnostic.line, diagnostic.column)
    end = max(start, index.offset(diagnostic.end_line, diagnostic.end_column))
    line_start = index.starts[diagnostic.line - 1]
    last = diagnostic.end_line
    line_end = index.starts[last] if last < len(index.starts) else len(source)
    before = SPACE.split(source[line_start:start].strip())[-CONTEXT_WORDS:]
    after = SPACE.split(source[end:line_end].strip())[:CONTEXT_WORDS]
    return Key(
        relative(diagnostic.path, folder),
        diagnostic.rule,
        _shorten(SPACE.sub(" ", source[start:end]).strip()),
        " ".join(before)[-CONTEXT_CHARS:],
        " ".join(after)[:CONTEXT_CHARS],
    )


def relative(path: str, folder: Path) -> str:
    """``path`` as given on the command line, relative to the baseline's folder, with ``/``."""
    full = os.path.abspath(path)
    try:
        return Path(os.path.relpath(full, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(full).as_posix()


def _shorten(text: str) -> str:
    half = TEXT_CHARS // 2
    return text if len(text) <= TEXT_CHARS else f"{text[:half]}…{text[-half:]}"


def keys(diagnostics: Iterable[Diagnostic], sources: dict[str, str], folder: Path) -> list[Key]:
    """The key of each diagnostic, in order (``sources``: file text by diagnostic path)."""
    indexes: dict[str, LineIndex] = {}
    out = []
    for d in diagnostics:
        source = sources.get(d.path, "")
        index = indexes.setdefault(d.path, LineIndex(source))
        out.append(key(d, source, index, folder))
    return out


def write(path: Path, diagnostics: Iterable[Diagnostic], sources: dict[str, str]) -> int:
    """Record ``diagnostics`` in ``path`` (atomically); return how many findings were written."""
    folder = Path(os.path.abspath(path)).parent
    counts = Counter(keys(diagnostics, sources, folder))
    entries = [{**k._asdict(), "count": n} for k, n in sorted(counts.items())]
    doc = {"copydesk": FORMAT, "version": VERSION, "findings": entries}
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise FatalError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from exc
    return sum(counts.values())


def load(path: Path) -> Baseline:
    """Read a baseline written by :func:`write`; a missing or malformed file is a fatal error."""
    try:
        raw = read_file(path)
    except FileNotFoundError:
        raise FatalError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FatalError(f"{path}:{exc.lineno}:{exc.colno}: not a copydesk baseline: {exc.msg}") from None
    counts: Counter[Key] = Counter()
    for n, entry in enumerate(_entries(doc, path)):
        if not isinstance(entry, dict) or any(not isinstance(entry.get(f), str) for f in FIELDS):
            raise FatalError(f"{path}: finding {n + 1} of the baseline needs the text fields {', '.join(FIELDS)}")
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise FatalError(f"{path}: finding {n + 1} of the baseline has a count that is not a whole number >= 1")
        counts[Key(*(entry[f] for f in FIELDS))] += count
    return Baseline(path, counts)


def _entries(doc: Any, path: Path) -> list[Any]:
    if not isinstance(doc, dict) or doc.get("copydesk") != FORMAT or not isinstance(doc.get("findings"), list):
        raise FatalError(f'{path}: not a copydesk baseline (expected {{"copydesk": "baseline", "findings": [...]}})')
    if doc.get("version") != VERSION:
        raise FatalError(f"{path}: baseline version {doc.get('version')!r}: this copydesk reads version {VERSION}")
    return list(doc["findings"])


def new(baseline: Baseline, diagnostics: list[Diagnostic], sources: dict[str, str]) -> list[Diagnostic]:
    """The diagnostics that are not in ``baseline``: each entry absorbs up to ``count`` of its kind,
    the first ones of the file."""
    left = Counter(baseline.counts)
    folder = Path(os.path.abspath(baseline.path)).parent
    out = []
    for d, k in zip(diagnostics, keys(diagnostics, sources, folder), strict=True):
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(d)
    return out
