"""The archive's spellings as a names file: ``copydesk names --write FILE``.

The file is a names rule file in the format of ``rules/names.yaml`` (validated against
``schemas/names.schema.json``): one entry per variant cluster the house glossary does not
already settle, its ``name`` the spelling to use, its ``variants`` the others, its ``note``
how many articles use each, and ``archive`` the same counts for the names check.  Listed in
the config (``rules = ["names-archive.yaml"]``), it makes a run on one article report those
variants as ``names.archive`` with the archive's counts::

    names:
      - name: "Blair"
        variants: ["Blaire"]
        note: "Blair: 41 articles; Blaire: 1 article"
        archive: {"Blair": 41, "Blaire": 1}

The file is written whole or not at all: to a temporary file in the same folder, read back
and validated, then moved over the target (``os.replace``); on any failure the target is left
as it was and the temporary file removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from lint.errors import FatalError
from lint.names.report import HOUSE, Report

HEADER = """\
# The archive's spellings of names, written by `copydesk names --write` from {articles}.
# List this file in the config (rules = ["{file}"]): a run on one article then reports
# these variants as names.archive, with the counts below.  Check the entries: delete one
# that joins two different names; move one to your own names file (without "archive")
# to make it house style.  Run the command again to refresh the counts.
"""


def entries(report: Report) -> list[dict[str, Any]]:
    """One names entry per cluster that the house glossary does not settle."""
    out = []
    for c in report.clusters:
        if all(f.reason == HOUSE for f in c.variants):
            continue  # the house glossary speaks for these already
        note = "; ".join(f"{f.spelling}: {f.articles} article{'' if f.articles == 1 else 's'}" for f in c.forms)
        out.append(
            {
                "name": c.name,
                "variants": [f.spelling for f in c.variants],
                "note": note,
                "archive": {f.spelling: f.articles for f in c.forms},
            }
        )
    return out


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), readable letters kept."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def render(report: Report, file_name: str) -> str:
    items = entries(report)
    articles = f"{report.articles} article{'' if report.articles == 1 else 's'}"
    lines = [HEADER.format(articles=articles, file=file_name).rstrip("\n"), "names:" + ("" if items else " []")]
    for e in items:
        lines.append(f"  - name: {_quote(e['name'])}")
        lines.append(f"    variants: [{', '.join(_quote(v) for v in e['variants'])}]")
        lines.append(f"    note: {_quote(e['note'])}")
        counts = ", ".join(f"{_quote(k)}: {n}" for k, n in e["archive"].items())
        lines.append(f"    archive: {{{counts}}}")
    return "\n".join(lines) + "\n"


def write(report: Report, path: Path) -> int:
    """Write the names file to ``path`` whole or not at all; the number of entries written."""
    from lint.rules import load_yaml

    expected = entries(report)
    text = render(report, path.name)

    def verify(written: Path) -> None:
        if load_yaml(written, "names") != expected:  # validates against the schema, too
            raise FatalError(f"{path}: the names file did not read back as written; nothing was written")

    _replace(path, text, verify)
    return len(expected)


def _replace(path: Path, text: str, verify: Any) -> None:
    if path.is_symlink():
        path = path.resolve()  # write through a link, not over it
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FatalError(f"{path}: cannot write the names file: {exc.strerror or exc}") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        verify(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise FatalError(f"{path}: cannot write the names file: {exc.strerror or exc}; it was left as it was") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
