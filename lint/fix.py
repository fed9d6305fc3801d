"""Fixes: ``copydesk check --fix`` writes the safe ones, ``--diff`` shows them.

A fix is an :class:`~lint.diagnostics.Edit` a check attached to a finding where the
file holds the words literally.  It is *safe* when it cannot be wrong (a spelling
correction :mod:`lint.spelling.safety` vouches for, a house-style term outside a
quotation, a house-glossary name, a sure date); every other fix is *unsafe*, the
first suggestion, applied only with ``--unsafe-fixes``.  Per file the edits are sorted, an edit overlapping one
already taken is left for the next run, and the rest are applied to the text that was
read, so every other character stays as it was.  Edits inside YAML, TOML or JSON
metadata are kept only when the fixed file reads back with the same metadata,
changed exactly where the edits are.

The file is written by :mod:`lint.rewrite` (atomically, or in place when it has
other hard links) in UTF-8 with the original's byte order mark, if it had one, and
never when it is read-only or its bytes are no longer the ones that were read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint import rewrite
from lint.article import Article, Node
from lint.config import Config
from lint.diagnostics import Diagnostic, Edit
from lint.readers import read_path, read_text
from lint.run import Result, check_articles
from lint.text import Text

BOM = b"\xef\xbb\xbf"
FileChanged = rewrite.FileChanged
STRUCTURED = {"markdown", "json"}  # formats whose metadata has a syntax a fix could break


@dataclass
class Change:
    """What the safe fixes do to one file."""

    article: Article
    after: str  # the fixed text
    fixed: list[Diagnostic] = field(default_factory=list)  # the findings the applied edits fix
    skipped: int = 0  # fixes left out: they overlap a fix that was taken
    breaking: int = 0  # fixes left out: the metadata would not read back the same

    @property
    def changed(self) -> bool:
        return self.after != self.article.source


def apply(source: str, edits: Sequence[Edit]) -> str:
    """``source`` with non-overlapping ``edits`` applied."""
    out, at = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out += [source[at : e.start], e.text]
        at = e.end
    out.append(source[at:])
    return "".join(out)


def select(source: str, edits: Sequence[Edit]) -> tuple[list[Edit], int]:
    """The edits to apply, sorted, and how many were left out because they overlap an earlier one."""
    kept: list[Edit] = []
    skipped = 0
    for e in sorted(set(edits), key=lambda e: (e.start, e.end, e.text)):
        if not 0 <= e.start <= e.end <= len(source) or source[e.start : e.end] == e.text:
            continue  # out of the file, or a fix that changes nothing
        if kept and (e.start < kept[-1].end or e.start == kept[-1].start):
            skipped += 1
            continue
        kept.append(e)
    return kept, skipped


def _applies(d: Diagnostic, unsafe: bool) -> bool:
    """Whether this run applies the finding's fix: a safe one always, an unsafe one with --unsafe-fixes."""
    return d.fix is not None and (unsafe or d.fix.safe)


def plan(article: Article, diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> Change:
    """What the safe fixes among ``diagnostics`` (all of ``article``) do to the file (``unsafe``: every fix)."""
    by_edit: dict[Edit, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.fix is not None and _applies(d, unsafe):
            by_edit.setdefault(d.fix, []).append(d)
    kept, skipped = select(article.source, list(by_edit))
    kept, breaking = _keep_metadata(article, kept)
    change = Change(article, apply(article.source, kept), skipped=skipped, breaking=breaking)
    change.fixed = [d for e in kept for d in by_edit[e]]
    return change


def plans(result: Result, unsafe: bool = False) -> list[Change]:
    """One :class:`Change` for each file with something to fix, in the order of the run."""
    by_path: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        if _applies(d, unsafe):
            by_path.setdefault(d.path, []).append(d)
    changes = [plan(a, by_path[a.path], unsafe) for a in result.articles if a.path in by_path]
    return [c for c in changes if c.changed or c.skipped or c.breaking]


# -- the metadata must read back the same ------------------------------------------------


def _keep_metadata(article: Article, edits: list[Edit]) -> tuple[list[Edit], int]:
    """``edits`` without those that would break or reshape the metadata; how many were dropped."""
    tree = article.tree
    if tree is None or article.format not in STRUCTURED:
        return edits, 0
    inside = [e for e in edits if e.start < tree.end and tree.start < e.end]
    if not inside or _reads_back(article, inside):
        return edits, 0
    good = [e for e in inside if _reads_back(article, [e])]
    if len(good) > 1 and not _reads_back(article, good):
        good = []
    bad = set(inside) - set(good)
    return [e for e in edits if e not in bad], len(bad)


def _reads_back(article: Article, edits: Sequence[Edit]) -> bool:
    """True when the file with ``edits`` reads with the same metadata, changed only by the edits."""
    assert article.tree is not None
    again = read_text(article.path, apply(article.source, edits), article.format, templates=article.templates)
    if again.tree is None or {p.message for p in again.problems} - {p.message for p in article.problems}:
        return False
    claimed: set[Edit] = set()
    return _same(article.tree, again.tree, edits, claimed) and claimed == set(edits)


def _same(old: Node, new: Node, edits: Sequence[Edit], claimed: set[Edit]) -> bool:
    if isinstance(old.children, dict):
        if not isinstance(new.children, dict) or list(old.children) != list(new.children):
            return False
        return all(_same(old.children[k], new.children[k], edits, claimed) for k in old.children)
    if isinstance(old.children, list):
        if not isinstance(new.children, list) or len(old.children) != len(new.children):
            return False
        return all(_same(o, n, edits, claimed) for o, n in zip(old.children, new.children, strict=True))
    if new.children is not None:
        return False
    mine = [e for e in edits if old.start <= e.start and e.end <= old.end]
    if old.text is None or not mine:
        return type(new.value) is type(old.value) and new.value == old.value
    expected = _edited_value(old.text, mine)
    claimed.update(mine)
    return expected is not None and isinstance(new.value, str) and new.value == expected


def _edited_value(text: Text, edits: Sequence[Edit]) -> str | None:
    """The decoded string ``text`` with ``edits`` (file offsets) applied; None if one is not verbatim."""
    value = text.value
    spans: list[tuple[int, int, str]] = []
    for e in edits:
        i = _index(text, e.start, start=True)
        j = _index(text, e.end, start=False)
        if i is None or j is None or i > j or text.span(i, j) != (e.start, e.end) or value[i:j] == "":
            return None
        spans.append((i, j, e.text))
    for i, j, replacement in sorted(spans, reverse=True):
        value = value[:i] + replacement + value[j:]
    return value


def _index(text: Text, offset: int, start: bool) -> int | None:
    """The index into ``text.value`` whose character starts (or, for an end, ends) at file ``offset``."""
    if text.starts is None or text.ends is None:
        i = offset - text.start
        return i if 0 <= i <= len(text.value) else None
    if start:
        return text.starts.index(offset) if offset in text.starts else None
    return text.ends.index(offset) + 1 if offset in text.ends else None


# -- showing and writing ----------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """Lines with their ends, as editors show them: "\\r\\n", "\\n" or a lone "\\r" (an old Mac file is
    not one line), each kept, so the diff shows and applies the file's bytes as they are."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


def unified(change: Change) -> str:
    """A unified diff of the change, ``--- a/path`` / ``+++ b/path``."""
    name = Path(change.article.path).as_posix().lstrip("/")
    out = []
    diff = difflib.unified_diff(_lines(change.article.source), _lines(change.after), f"a/{name}", f"b/{name}")
    for line in diff:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def original_bytes(article: Article) -> bytes:
    """The bytes of the file as it was read."""
    return (BOM if article.bom else b"") + article.source.encode("utf-8")


def write(change: Change) -> None:
    """Write the fixed text over the file (see :mod:`lint.rewrite`: atomically, or in place for a hard link).

    Raises :class:`FileChanged` when the file's bytes are no longer those that were
    read, :class:`~lint.rewrite.ReadOnly` for a file without write permission, and
    ``OSError`` when it cannot be read or written.
    """
    article = change.article
    data = (BOM if article.bom else b"") + change.after.encode("utf-8")
    rewrite.replace(article.path, original_bytes(article), data)


# -- what the command does ---------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _left_out(change: Change) -> Iterator[str]:
    path = change.article.path
    if change.skipped:
        yield (
            f"{path}: {_count(change.skipped, 'fix')} overlapping another fix left out; "
            "run copydesk check --fix again to apply them"
        )
    if change.breaking:
        fixes = _count(change.breaking, "fix")
        yield f"{path}: {fixes} left out: written as is, it would break the metadata; make it by hand"


def _unsafe_count(changes: Sequence[Change]) -> str:
    n = sum(1 for c in changes for d in c.fixed if d.fix is not None and not d.fix.safe)
    return f", {n} of them unsafe (--unsafe-fixes): read each change" if n else ""


def preview(result: Result, unsafe: bool = False) -> tuple[str, list[str]]:
    """(the unified diff of every safe fix, or every fix with ``unsafe``; messages for stderr).  Nothing is written."""
    changes = plans(result, unsafe)
    messages = [m for c in changes for m in _left_out(c)]
    done = [c for c in changes if c.changed]
    if done:
        fixes = sum(len(c.fixed) for c in done)
        messages.append(f"would fix {_count(fixes, 'finding')} in {_count(len(done), 'file')}{_unsafe_count(done)}")
    return "".join(unified(c) for c in done), messages


def fix(result: Result, config: Config, explain: bool = False, unsafe: bool = False) -> tuple[Result, list[str]]:
    """Write the safe fixes; return the run as it stands afterwards and messages for stderr.

    The fixed files are read again and every article is checked again, so the findings
    that remain carry their new positions (and a fix that changes what other checks see
    is taken into account).
    """
    messages: list[str] = []
    written: dict[str, Article] = {}
    fixes = 0
    done: list[Change] = []
    unwritten: list[str] = []
    for change in plans(result, unsafe):
        messages.extend(_left_out(change))
        if not change.changed:
            continue
        try:
            write(change)
        except FileChanged:
            messages.append(
                f"{change.article.path}: not fixed: the file changed since copydesk read it; check it again"
            )
            unwritten.append(change.article.path)
            continue
        except rewrite.ReadOnly as exc:
            messages.append(f"{change.article.path}: not fixed: {exc.strerror}")
            unwritten.append(change.article.path)
            continue
        except OSError as exc:
            messages.append(f"{change.article.path}: not fixed: cannot write the file: {exc.strerror or exc}")
            unwritten.append(change.article.path)
            continue
        old = change.article
        written[old.path] = read_path(
            Path(old.path), old.path, old.format, date_order=config.date_order, templates=config.templates
        )
        fixes += len(change.fixed)
        done.append(change)
    if not written:
        return Result(result.diagnostics, result.articles, result.notices, tuple(unwritten)), messages
    messages.append(f"fixed {_count(fixes, 'finding')} in {_count(len(written), 'file')}{_unsafe_count(done)}")
    articles = [written.get(a.path, a) for a in result.articles]
    return Result(check_articles(articles, config, explain), articles, result.notices, tuple(unwritten)), messages


def fix_text(
    result: Result, config: Config, explain: bool = False, unsafe: bool = False
) -> tuple[Result, str, list[str]]:
    """:func:`fix` for the one article read from stdin: nothing is written; the fixed text (the text as read
    when nothing is fixed), the run of what remains, and messages for stderr."""
    (article,) = result.articles
    changes = plans(result, unsafe)
    messages = [m for c in changes for m in _left_out(c)]
    done = [c for c in changes if c.changed]
    if not done:
        return result, article.source, messages
    change = done[0]
    fixed = read_text(article.path, change.after, article.format, config.date_order, templates=config.templates)
    messages.append(f"fixed {_count(len(change.fixed), 'finding')} in {_count(1, 'file')}{_unsafe_count(done)}")
    return Result(check_articles([fixed], config, explain), [fixed], result.notices), change.after, messages
