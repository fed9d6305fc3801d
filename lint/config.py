"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or copydesk.toml.

The file is validated by ``schemas/config.schema.json``; a mistake is reported
with the file and line of the offending key.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostics import Severity
from lint.errors import FatalError
from lint.resources import schema_path

CONFIG_FILES = ("copydesk.toml", ".copydesk.toml", "pyproject.toml")


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # paths in the config are relative to it
    path: Path | None = None  # the file it came from
    schema: Path = field(default_factory=lambda: schema_path("article.schema.json"))
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    language: str = "en"
    date_order: str = "dmy"
    vocabulary: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()  # extra rule files (terms, names, placeholders)
    checks: dict[str, bool] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)  # per-check tables, e.g. [grammar]

    def enabled(self, check: str, default: bool = True) -> bool:
        return self.checks.get(check, default)

    def wants(self, rule: str) -> bool:
        """--select / --ignore by rule-id prefix; the most specific prefix wins."""
        best_sel = max((len(p) for p in self.select if _prefix(p, rule)), default=-1)
        best_ign = max((len(p) for p in self.ignore if _prefix(p, rule)), default=-1)
        if self.select and best_sel < 0:
            return False
        return best_ign <= best_sel if best_ign >= 0 else True

    def level(self, rule: str, default: Severity) -> Severity:
        best = max((p for p in self.severity if _prefix(p, rule)), key=len, default=None)
        return self.severity[best] if best is not None else default


def _prefix(prefix: str, rule: str) -> bool:
    return rule == prefix or rule.startswith(prefix + ".") or prefix in ("", "all")


def find_config(start: Path) -> Path | None:
    """The nearest copydesk.toml, or pyproject.toml with a [tool.copydesk] table."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name != "pyproject.toml":
                    return candidate
                try:
                    if "tool" in (data := tomllib.loads(candidate.read_text(encoding="utf-8"))) and "copydesk" in data[
                        "tool"
                    ]:
                        return candidate
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    continue
    return None


def load(path: Path | None, start: Path | None = None) -> Config:
    """Load the config file given, or the nearest one; defaults when there is none."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    if not path.is_file():
        raise FatalError(f"{path}: config file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the config file: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FatalError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("copydesk", {}) if path.name == "pyproject.toml" else data
    prefix = "tool.copydesk." if path.name == "pyproject.toml" else ""
    _validate(path, text, table, prefix)
    return _build(path, table)


def _validate(path: Path, text: str, table: dict[str, Any], prefix: str) -> None:
    import jsonschema

    schema = json.loads(schema_path("config.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(table), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    lines = []
    for err in errors:
        keys = [str(p) for p in err.absolute_path if isinstance(p, str)]
        line = _key_line(text, keys)
        where = prefix + ".".join(keys) if keys else (prefix.rstrip(".") or "config")
        lines.append(f"{path}:{line}: {where}: {_plain(err)}")
    raise FatalError("\n".join(lines))


def _plain(err: Any) -> str:
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unknown setting {', '.join(map(repr, extra))} (known: {allowed})"
    if err.validator == "enum":
        return f"{err.instance!r} is not one of {', '.join(map(repr, err.validator_value))}"
    if err.validator == "type":
        return f"{err.instance!r} should be {_a(err.validator_value)}"
    return str(err.message)


def _a(kind: Any) -> str:
    names = {"string": "a string", "array": "a list", "object": "a table", "boolean": "true or false"}
    if isinstance(kind, list):
        return " or ".join(names.get(k, k) for k in kind)
    return names.get(kind, str(kind))


def _key_line(text: str, keys: list[str]) -> int:
    """Best line for a dotted key in TOML text: the last key's assignment, or its table."""
    for key in reversed(keys):
        m = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
        if m:
            return text.count("\n", 0, m.start() + len(m.group()) - len(m.group().lstrip())) + 1
        m = re.search(rf"^\s*\[[^\]]*\b{re.escape(key)}\]", text, re.MULTILINE)
        if m:
            return text.count("\n", 0, m.start()) + 1
    m = re.search(r"^\s*\[tool\.copydesk\]", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _build(path: Path, table: dict[str, Any]) -> Config:
    root = path.parent
    cfg = Config(root=root, path=path)

    def paths(value: Any) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else list(value or [])
        return tuple((root / p) for p in items)

    if "schema" in table:
        cfg.schema = root / table["schema"]
        if not cfg.schema.is_file():
            raise FatalError(f"{path}: schema file {table['schema']!r} not found")
    cfg.include = tuple(table.get("include", ()))
    cfg.exclude = tuple(table.get("exclude", ()))
    cfg.language = table.get("language", cfg.language)
    cfg.date_order = table.get("date_order", cfg.date_order)
    cfg.vocabulary = paths(table.get("vocabulary"))
    cfg.rules = paths(table.get("rules"))
    for p in (*cfg.vocabulary, *cfg.rules):
        if not p.exists():
            raise FatalError(f"{path}: file {str(p.relative_to(root))!r} named in the config not found")
    cfg.checks = dict(table.get("checks", {}))
    cfg.severity = {k: Severity(v) for k, v in table.get("severity", {}).items()}
    cfg.select = tuple(table.get("select", ()))
    cfg.ignore = tuple(table.get("ignore", ()))
    cfg.options = {k: v for k, v in table.items() if isinstance(v, dict) and k not in ("checks", "severity")}
    return cfg
