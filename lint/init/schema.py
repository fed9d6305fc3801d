"""A JSON Schema for what a site's posts really carry.

A key present in nearly all posts (``REQUIRED_SHARE``) is required; every key seen
gets the types the posts use (a string, a list of strings, true or false …); a
date key gets the forms of date the posts write (a date, an RFC 3339 date-time, a
front-matter timestamp), as the schema check reads them.  Keys the posts write
seldom are described but not required.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lint.article import Article
from lint.checks.schema import is_date, is_date_time, is_timestamp

# present in at least this share of the posts: required.  Nearly all, not most: a key one post in ten
# lacks is one the site publishes without, and requiring it would report a tenth of the archive
REQUIRED_SHARE = 0.98
MARKER = "written by copydesk init"


@dataclass
class Key:
    name: str
    posts: int  # how many posts carry it
    types: Counter[str]  # JSON type -> posts
    items: Counter[str]  # for lists: the JSON types of their items
    dates: Counter[str]  # for date-like strings: date, date-time, timestamp


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def date_form(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    for form, test in (("date", is_date), ("date-time", is_date_time), ("timestamp", is_timestamp)):
        if test(value):
            return form
    return ""


def _written(article: Article, filename_dates: bool) -> dict[str, Any]:
    """The metadata the post's file writes; with ``filename_dates`` also the date of its file name
    (``2024-05-01-title.md``), which the reader adds when the front matter has none."""
    kids = article.tree.children if article.tree is not None else None
    if filename_dates or not isinstance(kids, dict):
        return article.meta
    return {k: v for k, v in article.meta.items() if k in kids}


def survey(articles: Sequence[Article], filename_dates: bool = True) -> dict[str, Key]:
    """Every top-level metadata key of ``articles`` with how the posts use it."""
    keys: dict[str, Key] = {}
    for article in articles:
        for name, value in _written(article, filename_dates).items():
            key = keys.setdefault(name, Key(name, 0, Counter(), Counter(), Counter()))
            key.posts += 1
            key.types[json_type(value)] += 1
            if isinstance(value, list):
                key.items.update(json_type(v) for v in value)
            form = date_form(value)
            if form:
                key.dates[form] += 1
    return keys


def infer(
    articles: Sequence[Article],
    site: str,
    date_keys: Sequence[str] = ("date",),
    any_case: bool = False,
    filename_dates: bool = True,
) -> tuple[dict[str, Any], list[str], dict[str, Key]]:
    """(schema, required keys, survey) for the metadata of ``articles``.

    ``date_keys``: where the generator reads a post's date, any of which dates it (Hugo: date, else
    publishDate …), so a post dated by another of them is not missing ``date``; ``any_case``: the
    generator reads keys in any case (Hugo: ``Date`` is ``date``); ``filename_dates``: it dates a post
    by its file name (Jekyll; Hugo only where the site's config says ``:filename``).
    """
    total = max(1, len(articles))
    keys = survey(articles, filename_dates)
    required = sorted(k.name for k in keys.values() if k.posts >= REQUIRED_SHARE * total and k.name != "copydesk")
    required = [k for k in required if not any(_aliased(a, k, date_keys, any_case) for a in articles)]
    properties: dict[str, Any] = {}
    for key in sorted(keys.values(), key=lambda k: (-k.posts, k.name)):
        if key.name == "copydesk":
            continue
        properties[key.name] = _property(key, total)
    properties["copydesk"] = {
        "description": "copydesk settings for this article only.",
        "$ref": "https://copydesk.dev/schemas/article.schema.json#/properties/copydesk",
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"{MARKER} from {len(articles)} posts ({site}): edit it as the site's rules are",
        "title": f"a post ({site})",
        "type": "object",
        "required": required,
        "properties": properties,
    }
    return schema, required, keys


def _aliased(article: Article, key: str, date_keys: Sequence[str], any_case: bool) -> bool:
    """The post lacks ``key`` but the generator finds it under another name: a case variant, or another
    of the keys it reads the date from.  Requiring ``key`` would report a post the site dates well."""
    if key in article.meta:
        return False
    fold = str.lower if any_case else str
    names = {fold(k) for k in article.meta}
    dated = {fold(k) for k in date_keys}
    return fold(key) in names or (fold(key) in dated and bool(names & dated))


def _property(key: Key, total: int) -> dict[str, Any]:
    prop: dict[str, Any] = {"description": f"{key.posts} of {total} posts have it"}
    types = sorted(t for t in key.types if t != "null")
    if key.dates and sum(key.dates.values()) >= 0.9 * key.types.get("string", 0) and types == ["string"]:
        prop["type"] = "string"
        prop["anyOf"] = [{"format": form} for form in sorted(key.dates)]
        return prop
    if not types:
        return prop
    prop["type"] = types[0] if len(types) == 1 else types
    if "string" in types and key.name in ("title", "headline"):
        prop["minLength"] = 1
        prop["pattern"] = "\\S"
    item_types = sorted(t for t in key.items if t != "null")
    if "array" in types and len(item_types) == 1:
        prop["items"] = {"type": item_types[0]}
    if "null" in key.types and "type" in prop:  # some posts leave it empty (key:): allowed as they do
        prop["type"] = [*([prop["type"]] if isinstance(prop["type"], str) else prop["type"]), "null"]
    return prop
