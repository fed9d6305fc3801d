"""schema: the article's metadata against the team's JSON Schema.

The schema is ``schemas/article.schema.json`` unless the configuration names
another (``schema = "team.schema.json"``).  It is read and checked once per run;
a schema file that is not valid JSON or not a valid JSON Schema stops the run
(exit status 2) naming the file.  Schemas are validated with the draft their
``$schema`` names, Draft 2020-12 when they name none.

Every problem is reported, not only the first, at the key or value concerned,
in words an editor reads::

    news.md:3:7: schema.format date: '32/13/2021' is not a date (expected YYYY-MM-DD)
    news.md:12:13: schema.type FAQ 2, answer: should be text, not the number 42
    news.md:2:1: schema.required title is missing: every article needs a headline

Rules: ``schema.required`` (a required field is missing), ``schema.empty`` (a
field is there but blank), ``schema.type`` (a number where text is expected …),
``schema.format`` (a date that is not a date …), ``schema.enum`` (a value outside
the allowed list), ``schema.unknown`` (a field a closed schema does not know),
``schema.length`` (too long, too short, too many or too few items),
``schema.invalid`` (any other rule of the schema).  ``schema.syntax`` is used by
the readers for metadata that cannot be read at all (broken YAML, JSON, TOML);
the schema is not checked then.

Dates: ``format: date`` is a real calendar date written YYYY-MM-DD;
``format: date-time`` is an RFC 3339 date-time (``2021-03-05T14:30:00Z``);
``format: timestamp`` (copydesk's own) is a date and time as front matter
writes it: ISO 8601 or a YAML timestamp such as Jekyll's
``2015-03-17 10:00:00 -4``, the time zone optional.

One defect, one finding: an empty or missing sources list belongs to the
``sources`` check (``sources.empty``, ``sources.missing``) and an empty FAQ
answer to the ``placeholder`` check (``placeholder.empty-answer``).  While those
checks are turned on in the configuration, this check does not also report an
empty ``sources`` list (``minItems``, a blank value), a ``sources`` field the
schema requires, or an empty or blank FAQ answer (``minLength``, ``pattern``,
no value).  A ``sources`` value of the wrong type (a number, say) is still
reported here.

List-ish keys take one value or a list, as Jekyll does: ``tags: security`` is
the list ``[security]`` (``tags: security privacy`` two tags, as Jekyll splits
tags and categories on spaces), so a schema that wants a list of ``tags``,
``categories``, ``keywords``, ``authors``, ``redirect_from`` or ``aliases`` is
satisfied by text, and its rules for the items apply to the words.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match
from referencing.exceptions import Unresolvable

from lint import files, memo, schemarefs
from lint.article import Node
from lint.diagnostics import Edit, Finding, Severity
from lint.errors import FatalError
from lint.resources import data_dir
from lint.text import Text

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "schema"
RULES: dict[str, tuple[Severity, str]] = {
    "schema.syntax": (Severity.ERROR, "The metadata (front matter, JSON) cannot be read."),
    "schema.required": (Severity.ERROR, "A field the schema requires (title, date …) is missing."),
    "schema.empty": (Severity.ERROR, "A field is there but has no value."),
    "schema.type": (Severity.ERROR, "A field holds the wrong kind of value, such as a number where text belongs."),
    "schema.format": (Severity.ERROR, "A value is not in the expected form, such as a date that is not YYYY-MM-DD."),
    "schema.enum": (Severity.ERROR, "A value is not one of those the schema allows."),
    "schema.unknown": (Severity.WARNING, "A field the schema does not know (schemas that list every field)."),
    "schema.length": (Severity.WARNING, "A value is too long or too short, or a list has too many or too few items."),
    "schema.invalid": (Severity.ERROR, "The metadata breaks another rule of the schema."),
}

# keys a site may write as one value or as a list (see _as_lists); Jekyll splits tags and categories
# written as text on spaces
LIST_KEYS = frozenset({"tags", "categories", "keywords", "authors", "redirect_from", "aliases"})
SPLIT_KEYS = frozenset({"tags", "categories"})

# the checks that report an empty sources list and an empty FAQ answer: see the module docstring
SOURCES_OWNER = "sources"
ANSWER_OWNER = "placeholder"

# What a missing field means to an editor (other fields use the schema's description).
HINTS = {
    "title": "every article needs a headline",
    "date": "add the publication date (YYYY-MM-DD)",
    "sources": "add at least one link or citation",
    "question": "every FAQ entry needs a question",
    "answer": "every FAQ entry needs an answer",
    "url": "add the link",
}
EMPTY_HINTS = {
    "title": "every article needs a headline",
    "date": "add the publication date (YYYY-MM-DD)",
    "sources": "add at least one link or citation",
}

# How list items are named: ("faq", 1) -> "FAQ 2"
ITEM_NOUNS = {
    "faq": "FAQ",
    "faqs": "FAQ",
    "sources": "source",
    "references": "reference",
    "tags": "tag",
    "categories": "category",
    "keywords": "keyword",
    "author": "author",
    "authors": "author",
}

TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a set of fields",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}

DATE_FORMATS = {"date", "date-time", "timestamp"}
FORMAT_NOUNS = {
    "date": "a date (expected YYYY-MM-DD)",
    "date-time": "a date and time (expected YYYY-MM-DDTHH:MM:SS with a time zone, such as 2021-03-05T14:30:00Z)",
    "timestamp": "a date and time (expected YYYY-MM-DD HH:MM)",
    "time": "a time (expected HH:MM:SS with a time zone)",
    "email": "an e-mail address",
    "idn-email": "an e-mail address",
    "uri": "a web address",
    "iri": "a web address",
    "uri-reference": "a web address",
    "hostname": "a host name",
    "ipv4": "an IPv4 address",
    "ipv6": "an IPv6 address",
    "uuid": "a UUID",
    "regex": "a regular expression",
}


# ---- formats -----------------------------------------------------------------------------------

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
RFC3339 = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))")
TIMESTAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:[ \t]*(?:[Zz]|[+-](\d{1,2})(?::?(\d{2}))?))?"
)
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def is_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD (nothing before or after)."""
    if not isinstance(value, str):
        return True
    if not ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_date_time(value: object) -> bool:
    """An RFC 3339 date-time: ``2021-03-05T14:30:00Z``, ``2021-03-05T14:30:00.5+01:00``."""
    if not isinstance(value, str):
        return True
    m = RFC3339.fullmatch(value)
    if m is None or not is_date(m[1]):
        return False
    hour, minute, second = int(m[2]), int(m[3]), int(m[4])
    zone_ok = m[5] is None or (int(m[5]) < 24 and int(m[6]) < 60)
    return hour < 24 and minute < 60 and second <= 60 and zone_ok  # 60: a leap second


def is_timestamp(value: object) -> bool:
    """A date and time as front matter writes it (ISO 8601 or YAML), the time zone optional."""
    if not isinstance(value, str):
        return True
    m = TIMESTAMP.fullmatch(value.strip())
    if m is None or not is_date(m[1]):
        return False
    second = int(m[4]) if m[4] else 0
    zone_ok = m[5] is None or (int(m[5]) < 24 and (m[6] is None or int(m[6]) < 60))
    return int(m[2]) < 24 and int(m[3]) < 60 and second <= 60 and zone_ok


def format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()
    checker.checks("date")(is_date)
    checker.checks("date-time")(is_date_time)
    checker.checks("timestamp")(is_timestamp)
    return checker


def why_not_a_date(value: str) -> str:
    """For YYYY-MM-DD that is not a real date: why (``February 2021 has 28 days``)."""
    m = ISO_DATE.match(value)
    if m is None:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    days = (first_of_next - datetime.timedelta(days=1)).day
    if not 1 <= day <= days:
        return f"{MONTHS[month - 1].capitalize()} {year} has {days} days"
    return ""


def date_suggestions(value: str, order: str) -> tuple[list[str], bool]:
    """ISO dates ``value`` may stand for, and whether the reading is unambiguous.

    ``order`` (dmy, mdy, ymd) decides a numeric date such as 8/2/19; a date with
    the month in words (5 March 2021, March 5, 2021) needs no order.
    """
    text = value.strip()
    m = re.fullmatch(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})", text)
    if m:
        a, b, c = m[1], m[2], m[3]
        readings = {"dmy": (c, b, a), "mdy": (c, a, b), "ymd": (a, b, c)}
        found: list[str] = []
        for name in (order, *(k for k in readings if k != order)):
            y, mo, d = readings[name]
            iso = _iso(y, mo, d)
            if iso and iso not in found:
                found.append(iso)
        return found[:1], len(found) == 1
    words = re.fullmatch(
        r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?),?\s+(\d{4})",
        text,
    )
    if words:
        day = words[1] or words[4]
        month_name = (words[2] or words[3]).lower()
        month = next((i + 1 for i, n in enumerate(MONTHS) if len(month_name) >= 3 and n.startswith(month_name)), 0)
        iso = _iso(words[5], str(month), day) if month else None
        return ([iso], True) if iso else ([], False)
    return [], False


def _iso(year: str, month: str, day: str) -> str | None:
    y = int(year) + (2000 if len(year) <= 2 and int(year) < 70 else 1900 if len(year) <= 2 else 0)
    try:
        return datetime.date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


# ---- loading the schema once per run ------------------------------------------------------------


@dataclass(frozen=True)
class Schema:
    path: Path
    validator: Any  # a jsonschema validator instance
    where: str = ""  # the config line naming it


def load_schema(path: Path, refs: Sequence[str] = (), where: str = "") -> Schema:
    """Read and check the schema file; a broken one is a :class:`FatalError` naming it.

    ``refs``: where its ``$ref`` may lead besides its folder (see :mod:`lint.schemarefs`);
    ``where``: the config line that names the schema, for the message.
    """
    try:
        text = files.read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(f"{path}: cannot read the article schema: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FatalError(f"{path}:{exc.lineno}:{exc.colno}: the article schema is not valid JSON: {exc.msg}") from None
    if not isinstance(schema, dict):
        raise FatalError(f"{path}: the article schema must be a JSON object")
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        if not _shipped(path):  # copydesk's own schemas are checked by its tests, not on every run
            memo.kept(("schema checked", cls, text), lambda: cls.check_schema(schema))
    except jsonschema.SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "the top level"
        raise FatalError(f"{path}: not a valid JSON Schema: at {where}: {exc.message}") from None
    policy = schemarefs.Policy(path, schema, refs)
    registry = policy.registry()
    try:
        schemarefs.check_all(schema, registry, policy.spec)
    except Unresolvable as exc:
        raise _unresolvable(path, exc, where) from None
    validator = cls(schema, format_checker=format_checker(), registry=registry)
    return Schema(path, validator, where)


def _shipped(path: Path) -> bool:
    """True for a schema copydesk ships (``schemas/``), as it ships it."""
    try:
        return path.resolve().parent == data_dir("schemas").resolve()
    except (OSError, FileNotFoundError):
        return False


def _unresolvable(path: Path, exc: Unresolvable, where: str) -> FatalError:
    refused = schemarefs.refused(exc)
    why = (
        str(refused)
        if refused is not None
        else f"cannot resolve a $ref in the article schema: {getattr(exc, 'ref', '')!r}"
    )
    return FatalError(f"{path}: {why}" + (f" (the schema named at {where})" if where else ""))


def schema_for(run: Run) -> Schema:
    cfg = run.config
    path = cfg.schema
    where = cfg.places.get("schema", "")
    loaded: Schema = run.cached(f"schema:{path}", lambda: load_schema(path, cfg.schema_refs, where))
    return loaded


def prepare(articles: Sequence[Article], run: Run) -> None:
    schema_for(run)  # a broken schema stops the run before any article is checked


# ---- checking one article -----------------------------------------------------------------------


def check(article: Article, run: Run) -> Iterable[Finding]:
    schema = schema_for(run)
    instance = _instance(article)
    try:
        errors = list(schema.validator.iter_errors(instance))
        listed = _as_lists(instance, errors)
        if listed is not instance:
            errors = list(schema.validator.iter_errors(listed))
    except Unresolvable as exc:
        raise _unresolvable(schema.path, exc, schema.where) from None
    place = Placer(article)
    owned = _owned(run)
    findings: list[Finding] = []
    missing_done: set[tuple[tuple[str | int, ...], str]] = set()
    for err in errors:
        for finding in _describe(err, place, run.config.date_order, owned, missing_done):
            findings.append(finding)
    findings.extend(_language(article, {f.start for f in findings}))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def _language(article: Article, reported: set[int]) -> Iterator[Finding]:
    """``lang: en-XX`` names no language: said at the value, as the config's ``language`` would be (the
    article is still checked, in the language its code begins with)."""
    from lint.readers.meta import LANG_KEYS

    kids = article.tree.children if article.tree is not None else None
    if not isinstance(kids, dict):
        return
    for key in LANG_KEYS:
        node = kids.get(key)
        if node is None or not isinstance(node.value, str) or not node.value.strip():
            continue
        problem = _tag_problem(node.value.strip())
        if problem and node.start not in reported:
            yield Finding("schema.format", f"{key}: {problem}", node.start, max(node.end, node.start + 1))
        return  # the first language key is the article's language


@cache
def _tag_problem(tag: str) -> str:
    from lint.languages import tag_problem

    return tag_problem(tag)


def _instance(article: Article) -> Any:
    """The metadata to validate: ``meta``, or the tree's value when that is not a mapping."""
    tree = article.tree
    if tree is not None and tree.value is not None and not isinstance(tree.value, dict):
        return tree.value  # front matter that is a list or a lone value: the schema says what is wrong
    return article.meta


def _as_lists(instance: Any, errors: Sequence[ValidationError]) -> Any:
    """``instance`` with the one-value lists a site may write as text made lists, as Jekyll reads them.

    ``tags: security`` is ``tags: [security]`` to Jekyll (``tags: security privacy`` two tags): where
    the schema wants a list for one of :data:`LIST_KEYS` and the article gives text, the text is read
    as the list.  The same ``instance`` when there is nothing to read so.
    """
    if not isinstance(instance, dict):
        return instance
    wanted = set()
    for err in errors:
        path = tuple(err.absolute_path)
        if len(path) != 1 or path[0] not in LIST_KEYS or not isinstance(instance.get(path[0]), str):
            continue
        kinds = err.validator_value if err.validator == "type" else _branch_types(err)
        if "array" in (kinds if isinstance(kinds, list) else [kinds]):
            wanted.add(str(path[0]))
    if not wanted:
        return instance
    out = dict(instance)
    for key in wanted:
        text = instance[key]
        out[key] = text.split() if key in SPLIT_KEYS else [text]
    return out


def _owned(run: Run) -> set[str]:
    """The other checks that speak for empty sources / empty answers in this run."""
    from lint.checks import OFF_BY_DEFAULT

    return {check for check in (SOURCES_OWNER, ANSWER_OWNER) if run.config.enabled(check, check not in OFF_BY_DEFAULT)}


class Placer:
    """File spans for schema error paths, from the article's located metadata tree."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.tree = article.tree

    def _line_end(self, start: int) -> int:
        end = self.article.source.find("\n", start)
        end = len(self.article.source) if end < 0 else end
        if end > start and self.article.source[end - 1] == "\r":
            end -= 1
        return max(end, start + 1) if start < len(self.article.source) else start

    def fallback(self) -> tuple[int, int]:
        """The metadata as a whole: the front matter's opening fence, else its first character."""
        source = self.article.source
        shift = 1 if source.startswith("\ufeff") else 0
        if self.article.format == "markdown" and source[shift : shift + 3] in ("---", "+++"):
            return shift, shift + 3
        start = self.tree.start if self.tree is not None else 0
        while start < len(source) and source[start] in " \t\r\n":
            start += 1
        return start, min(start + 1, len(source))

    def node(self, path: Sequence[str | int]) -> Node | None:
        if self.tree is None:
            return None
        node = self.tree.find(tuple(path))
        return node if _reached(self.tree, path) else None

    def value(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The offending value (the key when the value has no extent or spans lines)."""
        node = self.node(path)
        if node is None:
            return self._word(path) or self.key(path)
        if node.end > node.start and "\n" not in self.article.source[node.start : node.end].rstrip():
            return node.start, node.end  # a scalar, or a list or mapping written on one line
        return self.key(path)

    def _word(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Item ``i`` of a list written as text (``tags: security cloud``, see :func:`_as_lists`): its word."""
        if len(path) != 2 or path[0] not in LIST_KEYS or not isinstance(path[1], int):
            return None
        text = self.text(path[:1])
        if text is None:
            return None
        pattern = r"\S+" if path[0] in SPLIT_KEYS else r"\S(?:.*\S)?"  # a word, or the whole text
        words = list(re.finditer(pattern, text.value, re.DOTALL))
        if path[1] >= len(words):
            return None
        found = words[path[1]]
        return text.span(found.start(), found.end())

    def key(self, path: Sequence[str | int]) -> tuple[int, int]:
        """The key holding ``path`` (or the nearest enclosing one that exists)."""
        if self.tree is None:
            return self.fallback()
        for n in range(len(path), 0, -1):
            node = self.node(path[:n])
            if node is None:
                continue
            if node.key_start is not None and node.key_end is not None and node.key_end > node.key_start:
                if node.children is not None and isinstance(path[n - 1], int):
                    return node.key_start, self._line_end(node.key_start)  # a list item: its first line
                return node.key_start, node.key_end
            return node.start, self._line_end(node.start)
        return self.fallback()

    def mapping(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Where a field missing from the mapping at ``path`` belongs."""
        if not path:
            return self.fallback()
        return self.key(path)

    def text(self, path: Sequence[str | int]) -> Text | None:
        node = self.node(path)
        return node.text if node is not None else None


def _reached(tree: Node, path: Sequence[str | int]) -> bool:
    node: Node | None = tree
    for part in path:
        node = node.child(part) if node is not None else None
        if node is None:
            return False
    return True


def _describe(
    err: ValidationError,
    place: Placer,
    order: str,
    owned: set[str],
    missing_done: set[tuple[tuple[str | int, ...], str]],
) -> Iterator[Finding]:
    path = tuple(err.absolute_path)
    label = describe_path(path)
    kind = err.validator
    v = err.instance

    if kind in ("anyOf", "oneOf"):
        chosen = _collapse(err)
        if chosen is not None:
            yield from _describe(chosen, place, order, owned, missing_done)
            return
        if kind == "oneOf" and _valid_branches(err) > 1:
            yield _at("schema.invalid", f"{label}: {_value(v)} fits more than one of the allowed forms", place, path)
            return
        kinds = _branch_types(err)
        formats = _branch_formats(err)
        if kinds:
            yield from _type_error(path, label, v, kinds, formats, place, owned)
        elif formats:
            yield from _format_error(path, label, v, formats, place, order)
        else:
            yield _at("schema.invalid", f"{label}: {_value(v)} is not in any of the allowed forms", place, path)
        return

    if kind in ("required", "dependentRequired", "dependencies"):
        if not isinstance(v, dict):
            return
        wanted: Any = err.validator_value
        if kind != "required" and isinstance(wanted, dict):  # the keys the present ones bring along
            wanted = [k for key, deps in wanted.items() if key in v and isinstance(deps, list) for k in deps]
        missing = [k for k in wanted if isinstance(k, str) and k not in v and (path, k) not in missing_done]
        missing_done.update((path, k) for k in missing)
        if path == () and SOURCES_OWNER in owned:
            missing = [k for k in missing if k != "sources"]
        if not missing:
            return
        # one finding for the fields missing from one place (they would share its position)
        hints = list(dict.fromkeys(h for h in (HINTS.get(k) or _description(err.schema, k) for k in missing) if h))
        if len(missing) == 1:
            message = f"{describe_path((*path, missing[0]))} is missing"
        else:
            names = f"{', '.join(missing[:-1])} and {missing[-1]} are missing"
            message = f"{label}: {names}" if path else names
            hints = hints if not path else []  # "FAQ 2: question and answer are missing" says it all
        start, end = place.mapping(path)
        yield Finding("schema.required", message + (f": {'; '.join(hints)}" if hints else ""), start, end)
        return

    if _answer_path(path) and ANSWER_OWNER in owned and _blank(v) and kind in ("minLength", "pattern", "type"):
        return
    if path == ("sources",) and SOURCES_OWNER in owned and (_blank(v) or v == []):
        return

    if kind == "type":
        value: Any = err.validator_value
        expected = [str(k) for k in (value if isinstance(value, list) else [value])]
        yield from _type_error(path, label, v, expected, _formats_of(err.schema), place, owned)
    elif kind == "format":
        yield from _format_error(path, label, v, [str(err.validator_value)], place, order)
    elif kind in ("minLength", "pattern") and isinstance(v, str) and not v.strip():
        yield _empty(path, label, place)
    elif kind == "minItems" and v == []:
        advice = EMPTY_HINTS.get(str(path[-1]), "") if path else ""
        yield _at("schema.empty", f"{label}: the list is empty" + (f" ({advice})" if advice else ""), place, path)
    elif kind == "minProperties" and v == {}:
        yield _at("schema.empty", f"{label} is empty", place, path)
    elif kind in ("enum", "const"):
        yield _enum(path, label, v, err, place)
    elif kind in ("additionalProperties", "unevaluatedProperties") and isinstance(v, dict):
        yield from _unknown(path, v, err, place)
    elif kind in ("minLength", "maxLength") and isinstance(v, str):
        limit = err.validator_value
        if kind == "maxLength":
            message = f"{label} is too long: {len(v)} characters, at most {limit}"
        else:
            message = f"{label} is too short: {len(v)} characters, at least {limit}"
        yield _at("schema.length", message, place, path)
    elif kind in ("minItems", "maxItems") and isinstance(v, list):
        limit = err.validator_value
        bound = "at most" if kind == "maxItems" else "at least"
        yield _at("schema.length", f"{label}: {_count(len(v))}, {bound} {limit}", place, path)
    elif kind == "pattern":
        about = err.schema.get("description") if isinstance(err.schema, dict) else None
        detail = f" ({about})" if about else f" (it should match {err.validator_value})"
        yield _at("schema.invalid", f"{label}: {_value(v)} is not in the expected form{detail}", place, path)
    elif kind == "false":
        yield _at("schema.unknown", f"{label} is not allowed here", place, path, key=True)
    else:
        yield _at("schema.invalid", f"{label}: {_plain_message(err)}", place, path)


def _at(rule: str, message: str, place: Placer, path: Sequence[str | int], *, key: bool = False) -> Finding:
    start, end = place.key(path) if key else place.value(path)
    return Finding(rule, message, start, end)


def _empty(path: tuple[str | int, ...], label: str, place: Placer) -> Finding:
    hint = EMPTY_HINTS.get(str(path[-1])) if path else None
    return _at("schema.empty", f"{label} is empty" + (f": {hint}" if hint else ""), place, path)


def _type_error(
    path: tuple[str | int, ...],
    label: str,
    v: Any,
    expected: list[str],
    formats: list[str],
    place: Placer,
    owned: set[str],
) -> Iterator[Finding]:
    if _blank(v) and "null" not in expected:
        if _answer_path(path) and ANSWER_OWNER in owned:
            return
        if path == ("sources",) and SOURCES_OWNER in owned:
            return
        yield _empty(path, label, place)
        return
    if formats and set(formats) <= DATE_FORMATS:
        yield _at("schema.type", f"{label}: {_value(v)} is not a date (expected YYYY-MM-DD)", place, path)
        return
    names = []
    for kind in expected:
        name = TYPE_NAMES.get(kind, kind)
        if name not in names and not (kind == "integer" and "number" in expected):
            names.append(name)
    wanted = " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
    yield _at("schema.type", f"{label}: should be {wanted}, not {_value(v)}", place, path)


def _format_error(
    path: tuple[str | int, ...], label: str, v: Any, formats: list[str], place: Placer, order: str
) -> Iterator[Finding]:
    if not isinstance(v, str):
        return
    if not v.strip():
        yield _empty(path, label, place)
        return
    start, end = place.value(path)
    if set(formats) & DATE_FORMATS:
        reason = why_not_a_date(v)
        suggestions, sure = date_suggestions(v, order)
        message = (
            f"{label}: {_quote(v)} is not a real date ({reason})"
            if reason
            else f"{label}: {_quote(v)} is not a date (expected YYYY-MM-DD)"
        )
        if suggestions:
            message += f"; did you mean {suggestions[0]}?"
        text = place.text(path)
        fix = None
        if sure and text is not None and text.value == v and text.is_verbatim(place.article.source, 0, len(v)):
            a, b = text.span(0, len(v))
            fix = Edit(a, b, suggestions[0])
        yield Finding("schema.format", message, start, end, tuple(suggestions), fix=fix)
        return
    nouns = [FORMAT_NOUNS.get(f, f"a valid {f}") for f in formats]
    yield Finding("schema.format", f"{label}: {_quote(v)} is not {' or '.join(dict.fromkeys(nouns))}", start, end)


def _enum(path: tuple[str | int, ...], label: str, v: Any, err: ValidationError, place: Placer) -> Finding:
    value: Any = err.validator_value
    allowed: list[Any] = [value] if err.validator == "const" else list(value)
    shown = ", ".join(_choice(a) for a in allowed[:12]) + (" …" if len(allowed) > 12 else "")
    given = _quote(v) if isinstance(v, str) else _value(v)
    if len(allowed) == 1:
        message = f"{label}: {given} should be {_choice(allowed[0])}"
    else:
        message = f"{label}: {given} is not one of the allowed values ({shown})"
    strings = [a for a in allowed if isinstance(a, str)]
    close = difflib.get_close_matches(v, strings, n=3, cutoff=0.6) if isinstance(v, str) else []
    if isinstance(v, str):
        close = [a for a in strings if a.lower() == v.lower().strip()][:1] or close
    if len(close) == 1 and len(allowed) > 1:
        message += f"; did you mean {close[0]}?"
    start, end = place.value(path)
    fix = None
    text = place.text(path)
    if len(close) == 1 and text is not None and text.value == v and text.is_verbatim(place.article.source, 0, len(v)):
        a, b = text.span(0, len(v))
        fix = Edit(a, b, close[0])
    return Finding("schema.enum", message, start, end, tuple(close), fix=fix)


def _unknown(path: tuple[str | int, ...], v: dict[str, Any], err: ValidationError, place: Placer) -> Iterator[Finding]:
    schema = err.schema if isinstance(err.schema, dict) else {}
    known = sorted(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    extra = [k for k in v if k not in known and not any(re.search(p, k) for p in patterns)]
    for key in extra:
        where = describe_path((*path, key))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
        message = f"{where}: the schema has no such field"
        if close:
            message += f"; did you mean {close[0]}?"
        if known:
            message += f" (known: {', '.join(known)})"
        start, end = place.key((*path, key))
        yield Finding("schema.unknown", message, start, end, tuple(close))


# ---- collapsing anyOf / oneOf -------------------------------------------------------------------


def _branches(err: ValidationError) -> dict[int, list[ValidationError]]:
    out: dict[int, list[ValidationError]] = {}
    for sub in err.context or ():
        index = sub.relative_schema_path[0] if sub.relative_schema_path else 0
        out.setdefault(int(index), []).append(sub)
    return out


def _root_type_failure(errors: list[ValidationError]) -> bool:
    return any(e.validator == "type" and not e.relative_path for e in errors)


def _collapse(err: ValidationError) -> ValidationError | None:
    """The one error to report for a failed anyOf/oneOf, or None to describe the whole.

    Branches whose type does not fit the value are set aside; among the rest
    (the value has the right shape but breaks a rule of that branch),
    :func:`jsonschema.exceptions.best_match` picks the clearest error.
    """
    branches = _branches(err)
    if not branches:
        return None
    fitting = [errs for errs in branches.values() if not _root_type_failure(errs)]
    if not fitting:
        return None  # the value is of none of the allowed types: one type message
    if all(all(e.validator == "format" and not e.relative_path for e in errs) for errs in fitting):
        return None  # only formats failed (date or date-time): one format message
    candidates = [e for errs in fitting for e in errs if not (e.validator == "format" and not e.relative_path)]
    if not candidates:
        return None
    best: ValidationError | None = best_match(candidates)
    if best is not None and best.validator in ("anyOf", "oneOf"):
        return _collapse(best) or best
    return best


def _branch_types(err: ValidationError) -> list[str]:
    """The types the branches allow, when the value fits none of them."""
    branches = _branches(err)
    if not branches or not all(_root_type_failure(errs) for errs in branches.values()):
        return []
    kinds: list[str] = []
    for errs in branches.values():
        for e in errs:
            if e.validator == "type" and not e.relative_path:
                value = e.validator_value
                for kind in value if isinstance(value, list) else [value]:
                    if kind not in kinds:
                        kinds.append(str(kind))
    return kinds


def _branch_formats(err: ValidationError) -> list[str]:
    formats: list[str] = []
    for errs in _branches(err).values():
        for e in errs:
            if e.validator == "format" and str(e.validator_value) not in formats:
                formats.append(str(e.validator_value))
    return formats


def _formats_of(schema: Any) -> list[str]:
    """The formats a (sub)schema asks for, directly or in its anyOf/oneOf branches."""
    if not isinstance(schema, dict):
        return []
    found = [str(schema["format"])] if "format" in schema else []
    for key in ("anyOf", "oneOf"):
        for branch in schema.get(key, ()):
            found.extend(_formats_of(branch))
    return found


def _valid_branches(err: ValidationError) -> int:
    branches = err.validator_value if isinstance(err.validator_value, list) else []
    return len(branches) - len(_branches(err))


# ---- words --------------------------------------------------------------------------------------


def describe_path(path: Sequence[str | int]) -> str:
    """An error path as an editor reads it: ("faq", 1, "answer") -> "FAQ 2, answer"."""
    parts: list[str] = []
    for i, part in enumerate(path):
        if isinstance(part, int):
            prev = path[i - 1] if i else None
            noun = ITEM_NOUNS.get(prev) if isinstance(prev, str) else None
            if parts and noun:
                parts[-1] = f"{noun} {part + 1}"
            elif parts:
                parts[-1] = f"{parts[-1]} item {part + 1}"
            else:
                parts.append(f"item {part + 1}")
        else:
            parts.append(str(part))
    return ", ".join(parts) or "the metadata"


def _quote(value: str, limit: int = 60) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return "'" + shown.replace("\n", " ") + "'"


def _value(v: Any) -> str:
    """A value as an editor would describe it: "the number 42", "a list of 3 items"."""
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return f"the value {'true' if v else 'false'}"
    if isinstance(v, (int, float)):
        return f"the number {v}"
    if isinstance(v, str):
        return f"the text {_quote(v)}"
    if isinstance(v, list):
        return "an empty list" if not v else f"a list of {_count(len(v))}"
    if isinstance(v, dict):
        keys = ", ".join(map(str, list(v)[:4])) + (" …" if len(v) > 4 else "")
        return f"a set of fields ({keys})" if v else "an empty set of fields"
    return repr(v)


def _choice(v: Any) -> str:
    """An allowed value as the schema lists it: text as it is, anything else as JSON."""
    return v if isinstance(v, str) else json.dumps(v)


def _count(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _answer_path(path: tuple[str | int, ...]) -> bool:
    return len(path) == 3 and path[0] in ("faq", "faqs") and isinstance(path[1], int) and path[2] in ("answer", "a")


def _description(schema: Any, key: str) -> str:
    if not isinstance(schema, dict):
        return ""
    prop = schema.get("properties", {}).get(key)
    text = prop.get("description", "") if isinstance(prop, dict) else ""
    return str(text).strip().rstrip(".")


def _plain_message(err: ValidationError) -> str:
    v, limit, kind = err.instance, err.validator_value, err.validator
    messages = {
        "minimum": f"{_value(v)} is below the minimum, {limit}",
        "maximum": f"{_value(v)} is above the maximum, {limit}",
        "exclusiveMinimum": f"{_value(v)} should be more than {limit}",
        "exclusiveMaximum": f"{_value(v)} should be less than {limit}",
        "multipleOf": f"{_value(v)} should be a multiple of {limit}",
        "uniqueItems": "the list repeats an item",
        "contains": "the list has no item of the required kind",
        "not": f"{_value(v)} is not allowed here",
        "minProperties": f"at least {limit} fields needed",
        "maxProperties": f"at most {limit} fields allowed",
    }
    return messages.get(str(kind), str(err.message))
