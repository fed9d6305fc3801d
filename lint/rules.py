"""Rule data editors maintain: YAML rule files and plain-text word lists.

Every YAML rule file is validated against ``schemas/<kind>.schema.json``; a
mistake stops the run with the file and line (exit status 2).  Word lists are
plain text: one word or phrase per line, ``#`` starts a comment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import limits, memo
from lint.errors import FatalError
from lint.files import read_text as read_file  # never a FIFO or a device: they would block or never end
from lint.readers import yamltree
from lint.resources import rules_path, schema_path
from lint.text import LineIndex

if TYPE_CHECKING:
    from lint.run import Run


def load_yaml(path: Path, kind: str, *, validate: bool = True) -> list[dict[str, Any]]:
    """The entries of one rule file of ``kind`` (``terms``, ``names``, ``placeholders`` …).

    Rule files are read within the default limits (:mod:`lint.limits`), whatever ``[limits]`` sets for
    articles: the shipped files are larger than most articles' metadata."""
    with limits.using(limits.DEFAULT):
        return _load_yaml(path, kind, validate=validate)


def _load_yaml(path: Path, kind: str, *, validate: bool) -> list[dict[str, Any]]:
    try:
        text = read_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the rule file: {getattr(exc, 'strerror', None) or exc}") from None
    return list(memo.kept(("rule file", kind, validate, text), lambda: _parse(path, text, kind, validate)))


def _parse(path: Path, text: str, kind: str, validate: bool) -> tuple[dict[str, Any], ...]:
    index = LineIndex(text)
    try:
        if not validate:  # no error to place: the values will do
            value = yamltree.value(text)
            entries = value.get(kind, []) if isinstance(value, dict) else value
            return tuple(entries or [])
        tree = yamltree.parse(text, 0, len(text))
    except yamltree.YAMLError as exc:
        line, col = index.position(exc.offset)
        raise FatalError(f"{path}:{line}:{col}: {exc.message.replace('front matter', 'rule file')}") from None
    errors = []
    if validate:
        import jsonschema

        schema = json.loads(schema_path(f"{kind}.schema.json").read_text(encoding="utf-8"))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(tree.value))
    if errors:
        lines = []
        for err in sorted(errors, key=lambda e: tree.find(tuple(e.absolute_path)).start):
            node = tree.find(tuple(err.absolute_path))
            line, col = index.position(node.key_start if node.key_start is not None else node.start)
            where = ".".join(str(p) for p in err.absolute_path) or kind
            lines.append(f"{path}:{line}:{col}: {where}: {err.message}")
        raise FatalError("\n".join(lines))
    value = tree.value
    entries = value.get(kind, []) if isinstance(value, dict) else value
    return tuple(entries or [])


KINDS = ("terms", "names", "placeholders", "attributions")  # each has schemas/<kind>.schema.json


def rule_files(run: Run, kind: str) -> list[Path]:
    """The shipped ``rules/<kind>.yaml`` and every configured rule file of that kind."""
    files = [rules_path(f"{kind}.yaml")]
    for extra in run.config.rules:
        candidates = sorted(extra.glob("*.yaml")) if extra.is_dir() else [extra]
        files.extend(p for p in candidates if kind_of(p) == kind)
    return files


def kind_of(path: Path) -> str:
    """A rule file's kind: its one top-level key (``terms:``), else its file name (``terms.yaml``).

    A file whose kind cannot be told is a mistake (:class:`FatalError`, exit status 2), never a file
    silently left out of the run."""
    try:
        text = read_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the rule file: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        with limits.using(limits.DEFAULT):
            value = yamltree.value(text)
    except yamltree.YAMLError as exc:
        line, col = LineIndex(text).position(exc.offset)
        raise FatalError(f"{path}:{line}:{col}: {exc.message.replace('front matter', 'rule file')}") from None
    keys = [str(k) for k in value if k in KINDS] if isinstance(value, dict) else []
    if len(keys) == 1:
        return keys[0]
    if not keys and path.stem in KINDS:
        return path.stem
    found = f"its top-level keys are {', '.join(map(repr, keys))}" if keys else "it has no top-level key naming one"
    raise FatalError(
        f"{path}: cannot tell what kind of rule file this is ({found}): a rule file holds one list under"
        f" {', '.join(k + ':' for k in KINDS)} or is named after one (terms.yaml)"
    )


class Shipped(dict[str, Any]):
    """An entry of a rule file shipped with copydesk: its regular expressions are copydesk's own, written
    to run in linear time and run by ``re``; an editor's run within a time limit (:mod:`lint.patterns`)."""


def entries(run: Run, kind: str) -> list[dict[str, Any]]:
    """All entries of ``kind`` for this run, shipped first (as :class:`Shipped`); loaded once per run."""

    def make() -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for path in rule_files(run, kind):
            if path.exists():
                # the shipped files are validated by tests/rules_data_test.py; an editor's on every run
                shipped = path.resolve().parent == rules_path("").resolve()
                loaded = load_yaml(path, kind, validate=not shipped)
                out.extend(map(Shipped, loaded) if shipped else loaded)
        return out

    result: list[dict[str, Any]] = run.cached(f"rules:{kind}", make)
    return result


def read_words(path: Path) -> list[str]:
    """A plain-text word list: one word or phrase a line, ``#`` comments."""
    try:
        text = read_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the word list: {getattr(exc, 'strerror', None) or exc}") from None
    if " #" not in text and "\t#" not in text:  # no comment after a word (the shipped lists): one pass
        return [s for line in text.splitlines() if (s := line.strip()) and s[0] != "#"]
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def words(run: Run, name: str, configured: bool = False) -> list[str]:
    """The shipped list ``rules/<name>`` (plus the configured vocabularies when asked)."""

    def make() -> list[str]:
        out = read_words(rules_path(name)) if rules_path(name).exists() else []
        if configured:
            for path in run.config.vocabulary:
                out.extend(read_words(path))
        return out

    result: list[str] = run.cached(f"words:{name}:{configured}", make)
    return result
