"""Configuration: ``[tool.copydesk]`` in pyproject.toml, or copydesk.toml.

The nearest ``copydesk.toml``, ``.copydesk.toml`` or ``pyproject.toml`` holding a
``[tool.copydesk]`` table is used, searched from the current folder upward;
``--config FILE`` names one.  Paths in it are relative to its folder::

    [tool.copydesk]
    schema = "schemas/team.schema.json"    # the article schema (default: copydesk's own)
    schema_refs = ["../shared-schemas"]    # where its $ref may lead besides its folder (or "https://…/")
    include = ["content/**/*.md"]          # globs of files to check inside folders
    exclude = ["drafts/*"]
    language = "en-GB"                     # the articles' language unless one says otherwise
    baseline = "copydesk-baseline.json"    # report only findings not in it (as --baseline)
    date_order = "mdy"                     # how plain-text dates such as 8/2/19 are read
    templates = ["liquid"]                 # the template syntax the site renders (liquid, jinja, hugo, mdx, none)
    vocabulary = ["words.txt"]             # accepted words, one a line
    rules = ["rules/"]                     # extra rule files (terms, names, placeholders)
    select = ["schema", "spelling"]        # only these rules (id prefixes) ...
    ignore = ["spelling.repeated"]         # ... but not these: the most specific prefix wins

    [tool.copydesk.checks]                 # turn whole checks on or off
    names = false

    [tool.copydesk.severity]               # error, warning or info, by rule id prefix
    "sources" = "warning"

    [tool.copydesk.sources]                # the metadata keys that hold citations
    keys = ["sources", "references"]

The file is validated by ``schemas/config.schema.json``.  Every mistake is
reported at once, each with the file, line and column of the key or value
concerned, and the run stops with exit status 2.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lint.article import Node
from lint.diagnostics import Severity
from lint.errors import FatalError
from lint.languages import language_tag, tag_problem
from lint.limits import Limits
from lint.readers import tomltree
from lint.resources import schema_path
from lint.text import LineIndex

CONFIG_FILES = ("copydesk.toml", ".copydesk.toml", "pyproject.toml")
RULE_ID = re.compile(r"[a-z]+(\.[A-Za-z0-9_-]+)*")
# a [tool.copydesk] header, also a broken one ("[tool.copydesk" without its "]"): load() says where it is wrong
TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*[\"']?copydesk[\"']?[ \t]*(?:[\].]|#|$)", re.MULTILINE)


@dataclass
class Config:
    root: Path = field(default_factory=Path.cwd)  # paths in the config are relative to it
    path: Path | None = None  # the file it came from
    schema: Path = field(default_factory=lambda: schema_path("article.schema.json"))
    schema_refs: tuple[str, ...] = ()  # folders (resolved) and address prefixes the schema's $ref may reach
    places: dict[str, str] = field(default_factory=dict)  # top-level key -> "file:line:col" where it is set
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    language: str = "en"
    date_order: str = "dmy"
    templates: tuple[str, ...] | None = None  # the template syntaxes the site renders (lint.templates); None: all
    vocabulary: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()  # extra rule files (terms, names, placeholders)
    checks: dict[str, bool] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)  # per-check tables, e.g. [grammar]
    baseline: Path | None = None  # report only findings not in this baseline file (as --baseline)
    force_exclude: bool = False  # --force-exclude: files named on the command line are chosen as in a folder
    limits: Limits = field(default_factory=Limits)  # [limits]: what one file may make copydesk do
    outputs: tuple[Path, ...] = ()  # files this run writes or reads besides articles (report, baseline): never checked

    def enabled(self, check: str, default: bool = True) -> bool:
        return self.checks.get(check, default)

    def wants(self, rule: str) -> bool:
        """--select / --ignore by rule-id prefix; the most specific prefix wins, ignore on a tie."""
        best_sel = max((len(p) for p in self.select if _prefix(p, rule)), default=-1)
        best_ign = max((len(p) for p in self.ignore if _prefix(p, rule)), default=-1)
        if self.select and best_sel < 0:
            return False
        return best_ign < best_sel if best_ign >= 0 else True

    def level(self, rule: str, default: Severity) -> Severity:
        best = max((p for p in self.severity if _prefix(p, rule)), key=len, default=None)
        return self.severity[best] if best is not None else default


def _prefix(prefix: str, rule: str) -> bool:
    return rule == prefix or rule.startswith(prefix + ".") or prefix in ("", "all")


# ---- finding and reading the file -----------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest copydesk.toml, or pyproject.toml with a [tool.copydesk] table."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                if TABLE.search(text):  # broken, but meant for us: load() says where
                    return candidate
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "copydesk" in tool:
                return candidate
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
    index = LineIndex(text)
    try:
        tree = tomltree.parse(text, 0, len(text))
    except tomltree.TOMLError as exc:
        line, col = index.position(exc.offset)
        message = exc.message.removeprefix("front matter is not valid TOML: ")
        raise FatalError(f"{path}:{line}:{col}: not valid TOML: {message}") from None
    prefix: tuple[str, ...] = ("tool", "copydesk") if path.name == "pyproject.toml" else ()
    table = _reach(tree, prefix)
    if table is None:
        return Config(root=path.parent, path=path)
    problems = _validate(table) + _check_values(table, path.parent)
    if problems:
        lines = []
        for offset, where, message in sorted(problems, key=lambda p: p[0]):
            line, col = index.position(offset)
            label = _dotted((*prefix, *where)) or "config"
            lines.append(f"{path}:{line}:{col}: {label}: {message}")
        raise FatalError("\n".join(lines))
    cfg = _build(path, table.value)
    for key in table.value if isinstance(table.value, dict) else ():
        line, col = index.position(_key_at(table, (key,)))
        cfg.places[key] = f"{path}:{line}:{col}"
    return cfg


def _reach(tree: Node, path: Sequence[str | int]) -> Node | None:
    node: Node | None = tree
    for part in path:
        node = node.child(part) if node is not None else None
    return node


# A problem: (file offset, path of the key inside the copydesk table, message)
Problem = tuple[int, tuple[str | int, ...], str]


def _key_at(table: Node, path: Sequence[str | int]) -> int:
    """Where the key of ``path`` is written (or the nearest enclosing key that is)."""
    for n in range(len(path), 0, -1):
        node = _reach(table, path[:n])
        if node is not None and node.key_start is not None:
            return node.key_start
    return table.key_start if table.key_start is not None else table.start


def _value_at(table: Node, path: Sequence[str | int]) -> int:
    node = _reach(table, path)
    return node.start if node is not None else _key_at(table, path)


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else json.dumps(part)
            out += f".{name}" if out else name
    return out


# ---- validation -----------------------------------------------------------------------------


@cache
def config_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path("config.schema.json").read_text(encoding="utf-8"))
    return schema


def _validate(table: Node) -> list[Problem]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(config_schema())
    problems: list[Problem] = []
    for err in validator.iter_errors(table.value):
        path = tuple(err.absolute_path)
        if err.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(err.instance, dict):
            known = sorted(err.schema.get("properties", {})) if isinstance(err.schema, dict) else []
            for key in (k for k in err.instance if k not in known):
                what = "check" if path == ("checks",) else "setting"
                problems.append((_key_at(table, (*path, key)), (*path, key), _unknown(what, key, known)))
        elif "propertyNames" in err.absolute_schema_path:  # the error is about a key, not a value
            key = str(err.instance)
            problems.append((_key_at(table, (*path, key)), (*path, key), _bad_name(key, path)))
        else:
            problems.append((_value_at(table, path), path, _plain(err)))
    return problems


def _unknown(what: str, key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {what} {key!r}{hint} (known: {', '.join(known)})"


def _bad_name(key: str, path: tuple[str | int, ...]) -> str:
    if path == ("severity",):
        return f"{key!r} is not a rule id (a check name such as 'spelling', or a rule such as 'spelling.unknown')"
    return f"{key!r} is not allowed as a key here"


def _plain(err: Any) -> str:
    value, limit = err.instance, err.validator_value
    if err.validator == "enum":
        close = difflib.get_close_matches(str(value), [str(v) for v in limit], n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{value!r} is not one of {', '.join(map(repr, limit))}{hint}"
    if err.validator == "type":
        return f"should be {_a(limit)}, not {_describe(value)}"
    if err.validator == "pattern":
        about = err.schema.get("description") if isinstance(err.schema, dict) else None
        return f"{value!r} is not valid" + (f" ({about})" if about else f" (expected the form {limit})")
    if err.validator == "minLength" and value == "":
        return "is empty"
    return str(err.message)


def _a(kind: Any) -> str:
    names = {
        "string": "a string",
        "array": "a list",
        "object": "a table",
        "boolean": "true or false",
        "integer": "a whole number",
        "number": "a number",
    }
    if isinstance(kind, list):
        return " or ".join(names.get(str(k), str(k)) for k in kind)
    return names.get(kind, str(kind))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def known_checks() -> list[str]:
    """Check names the configuration may use: every registered check and every one in the schema."""
    from lint.checks import CHECKS, RUNNER_RULES

    in_schema = config_schema().get("properties", {}).get("checks", {}).get("properties", {})
    return sorted(set(CHECKS) | set(RUNNER_RULES) | set(in_schema))


def _check_values(table: Node, root: Path) -> list[Problem]:
    """What the schema cannot know: that named files exist and prefixes name real checks."""
    data = table.value if isinstance(table.value, dict) else {}
    problems: list[Problem] = []
    checks = known_checks()

    def missing_file(path: tuple[str | int, ...], name: str, kind: str) -> None:
        target = root / name
        if not (target.is_file() if kind == "schema file" else target.exists()):
            message = f"{kind} {name!r} not found (paths are relative to {root.resolve()})"
            problems.append((_value_at(table, path), path, message))

    if isinstance(data.get("schema"), str) and data["schema"]:
        missing_file(("schema",), data["schema"], "schema file")
    for key in ("vocabulary", "rules"):
        value = data.get(key)
        if isinstance(value, str) and value:
            missing_file((key,), value, "file")
        for i, name in enumerate(value if isinstance(value, list) else []):
            if isinstance(name, str) and name:
                missing_file((key, i), name, "file")
    refs = data.get("schema_refs")
    for i, name in enumerate(refs if isinstance(refs, list) else []):
        if (
            isinstance(name, str)
            and name
            and not name.startswith(("http://", "https://"))
            and not (root / name).is_dir()
        ):
            message = f"folder {name!r} not found (paths are relative to {root.resolve()}; addresses start http(s)://)"
            problems.append((_value_at(table, ("schema_refs", i)), ("schema_refs", i), message))
    language = data.get("language")
    if isinstance(language, str) and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        message = tag_problem(language)
        if message:
            problems.append((_value_at(table, ("language",)), ("language",), message))
    syntaxes = data.get("templates")
    if isinstance(syntaxes, list) and "none" in syntaxes and len(syntaxes) > 1:
        message = "'none' says the site renders no template syntax: it cannot go with " + ", ".join(
            repr(s) for s in syntaxes if s != "none"
        )
        problems.append((_value_at(table, ("templates",)), ("templates",), message))
    for key in ("select", "ignore"):
        value = data.get(key)
        for i, prefix in enumerate(value if isinstance(value, list) else []):
            message = unknown_rule(prefix, checks) if isinstance(prefix, str) else ""
            if message:
                problems.append((_value_at(table, (key, i)), (key, i), message))
    severity = data.get("severity")
    for prefix in severity if isinstance(severity, dict) else {}:
        message = unknown_rule(prefix, checks) if RULE_ID.fullmatch(prefix) else ""  # else: not an id at all
        if message:
            problems.append((_key_at(table, ("severity", prefix)), ("severity", prefix), message))
    return problems


def _unknown_prefix(prefix: str, checks: list[str]) -> str:
    """A message when ``prefix`` (``spelling``, ``spelling.unknown``) names no check."""
    check = prefix.split(".")[0]
    if prefix in ("", "all") or check in checks:
        return ""
    close = difflib.get_close_matches(check, checks, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{prefix!r} names no check{hint} (checks: {', '.join(checks)})"


def unknown_rule(prefix: str, checks: Sequence[str] | None = None) -> str:
    """A message when ``prefix`` of select or ignore names no check or rule (``speling``, ``spelling.unknwn``),
    with the closest known id; "" when it names one (a check, a rule, or a group of rules)."""
    checks = list(checks) if checks is not None else known_checks()
    message = _unknown_prefix(prefix, checks)
    if message or "." not in prefix:
        return message
    from lint.checks import rule_table

    rules = sorted(rule_table())
    if any(r == prefix or r.startswith(prefix + ".") for r in rules):
        return ""
    check = prefix.split(".")[0]
    close = difflib.get_close_matches(prefix, rules, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    own = [r for r in rules if r.startswith(check + ".")]
    return f"{prefix!r} names no rule{hint} (rules of {check}: {', '.join(own)})"


def _build(path: Path, table: dict[str, Any]) -> Config:
    root = path.parent
    cfg = Config(root=root, path=path)

    def paths(value: Any) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else list(value or [])
        return tuple(root / p for p in items)

    if "schema" in table:
        cfg.schema = root / table["schema"]
    refs = table.get("schema_refs", ())
    cfg.schema_refs = tuple(r if r.startswith(("http://", "https://")) else str(root / r) for r in refs)
    cfg.include = tuple(table.get("include", ()))
    cfg.exclude = tuple(table.get("exclude", ()))
    cfg.language = language_tag(table.get("language", cfg.language))
    cfg.date_order = table.get("date_order", cfg.date_order)
    if "templates" in table:
        cfg.templates = tuple(table["templates"])
    cfg.vocabulary = paths(table.get("vocabulary"))
    cfg.rules = paths(table.get("rules"))
    cfg.checks = dict(table.get("checks", {}))
    cfg.severity = {k: Severity(v) for k, v in table.get("severity", {}).items()}
    if "baseline" in table:
        cfg.baseline = root / table["baseline"]
    cfg.select = tuple(table.get("select", ()))
    cfg.ignore = tuple(table.get("ignore", ()))
    cfg.limits = Limits.from_table(table.get("limits", {}))
    cfg.options = {k: v for k, v in table.items() if isinstance(v, dict) and k not in ("checks", "severity", "limits")}
    return cfg
