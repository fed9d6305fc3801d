"""Where an article schema's ``$ref`` may lead: its own folder and copydesk's schemas, nothing more.

jsonschema on its own fetches any ``http(s)://`` or ``file://`` address a ``$ref``
names.  copydesk resolves a reference only to

- a file in the schema's own folder (or below it): ``"$ref": "defs/people.json"``,
  ``file://`` addresses there, and addresses under the schema's own ``$id`` when
  the file is there at the same relative path;
- a schema shipped with copydesk, by its ``$id``
  (``https://copydesk.dev/schemas/article.schema.json``);
- what the config's ``schema_refs`` adds: folders (relative to the config file)
  and address prefixes (``"https://schemas.example.org/"``), which are fetched.

Anything else is a :class:`RefRefused` before any article is checked: a config
mistake, exit status 2, naming the schema file and the reference.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import referencing
import referencing.jsonschema
from jsonschema_specifications import REGISTRY as SPECIFICATIONS
from referencing.exceptions import Unresolvable

from lint import files
from lint.resources import data_dir

REMOTE = ("http://", "https://")
FETCH_TIMEOUT = 10.0  # seconds, for an address schema_refs allows
FETCH_LIMIT = 5_000_000  # bytes


class RefRefused(Exception):
    """A ``$ref`` leads where copydesk does not go: the message says where and how to allow it."""


@cache
def _shipped() -> dict[str, Path]:
    """The ``$id`` of each schema shipped with copydesk and its file."""
    out = {}
    for path in sorted(data_dir("schemas").glob("*.json")):
        try:
            doc = json.loads(files.read_text(path))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and isinstance(doc.get("$id"), str):
            out[doc["$id"]] = path
    return out


class Policy:
    """The places one schema's references may reach, and how to read each."""

    def __init__(self, schema: Path, contents: dict[str, Any], allowed: Sequence[str] = ()) -> None:
        self.schema = schema
        self.folder = schema.resolve().parent
        self.shipped = _shipped()
        self.folders = [self.folder, data_dir("schemas").resolve()]
        self.prefixes: list[str] = []
        self.retrieved: dict[str, referencing.Resource[Any]] = {}
        for entry in allowed:
            if entry.startswith(REMOTE):
                self.prefixes.append(entry)
            else:
                self.folders.append(Path(entry).resolve())
        own = contents.get("$id") or contents.get("id")
        self.base = own.rsplit("/", 1)[0] + "/" if isinstance(own, str) and own.startswith(REMOTE) else ""
        self.spec = referencing.jsonschema.specification_with(
            str(contents.get("$schema", "")), default=referencing.jsonschema.DRAFT202012
        )

    def _inside(self, path: Path) -> bool:
        return any(path == f or path.is_relative_to(f) for f in self.folders)

    def _local(self, path: Path, ref: str) -> referencing.Resource[Any]:
        real = Path(os.path.realpath(path))
        if not self._inside(real):
            raise RefRefused(
                f"$ref {ref!r} leads to {real}, outside the schema's folder ({self.folder}); "
                "copydesk reads no file outside it unless the config's schema_refs lists its folder"
            )
        try:
            contents = json.loads(files.read_text(real))
        except FileNotFoundError:
            raise RefRefused(f"$ref {ref!r}: there is no file {real}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise RefRefused(f"$ref {ref!r}: cannot read {real}: {getattr(exc, 'strerror', None) or exc}") from None
        except json.JSONDecodeError as exc:
            raise RefRefused(f"$ref {ref!r}: {real}:{exc.lineno}:{exc.colno} is not valid JSON: {exc.msg}") from None
        return referencing.Resource.from_contents(contents, default_specification=self.spec)

    def retrieve(self, uri: str) -> referencing.Resource[Any]:
        """The document at ``uri`` (no fragment), if the policy allows it; else :class:`RefRefused`.

        Each document is read once a run (the check of every reference at load, then validation).
        """
        if uri not in self.retrieved:
            self.retrieved[uri] = self._retrieve(uri)
        return self.retrieved[uri]

    def _retrieve(self, uri: str) -> referencing.Resource[Any]:
        if uri in self.shipped:
            return self._local(self.shipped[uri], uri)
        if self.base and uri.startswith(self.base):
            local = self.folder / urllib.parse.unquote(uri[len(self.base) :])
            if local.is_file():
                return self._local(local, uri)
        parsed = urllib.parse.urlsplit(uri)
        if parsed.scheme == "file":
            from urllib.request import url2pathname

            return self._local(Path(url2pathname(parsed.path)), uri)
        if uri.startswith(REMOTE):
            if any(uri.startswith(p) for p in self.prefixes):
                return self._fetch(uri)
            raise RefRefused(
                f"$ref {uri!r} is a web address: copydesk does not fetch schemas over the network "
                f"(to allow it, add its prefix to the config's schema_refs, e.g. schema_refs = [{_prefix(uri)!r}])"
            )
        if parsed.scheme:
            raise RefRefused(f"$ref {uri!r}: copydesk resolves no {parsed.scheme}: address")
        return self._local(self.folder / urllib.parse.unquote(parsed.path), uri)

    def _fetch(self, uri: str) -> referencing.Resource[Any]:
        import urllib.request  # only for a schema that refers to the web, and allowed to

        request = urllib.request.Request(uri, headers={"User-Agent": "copydesk (schema_refs)"})
        try:
            with urllib.request.urlopen(
                request, timeout=FETCH_TIMEOUT
            ) as response:  # only an address schema_refs allows
                data = response.read(FETCH_LIMIT + 1)
        except (OSError, ValueError) as exc:
            raise RefRefused(f"$ref {uri!r}: cannot fetch it: {getattr(exc, 'reason', None) or exc}") from None
        if len(data) > FETCH_LIMIT:
            raise RefRefused(f"$ref {uri!r}: more than {FETCH_LIMIT:,} bytes: not a schema")
        try:
            contents = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise RefRefused(f"$ref {uri!r}: not a JSON schema: {exc}") from None
        return referencing.Resource.from_contents(contents, default_specification=self.spec)

    def registry(self) -> referencing.Registry[Any]:
        own: referencing.Registry[Any] = referencing.Registry(retrieve=self.retrieve)  # type: ignore[call-arg]
        specifications: referencing.Registry[Any] = SPECIFICATIONS  # the drafts' meta-schemas, in memory
        return specifications.combine(own)


def _prefix(uri: str) -> str:
    parts = urllib.parse.urlsplit(uri)
    return f"{parts.scheme}://{parts.netloc}/"


def refused(exc: BaseException) -> RefRefused | None:
    """The :class:`RefRefused` behind an ``Unresolvable`` error, if that was the cause."""
    while exc is not None:
        if isinstance(exc, RefRefused):
            return exc
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return None


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$dynamicRef") and isinstance(value, str):
                yield value
            elif key not in ("enum", "const", "examples", "default"):  # values, not schemas
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def check_all(contents: dict[str, Any], registry: referencing.Registry[Any], spec: Any) -> None:
    """Resolve every ``$ref`` of the schema and of the documents it reaches, now: a refused or broken
    one stops the run before any article is read (``Unresolvable``, its cause a :class:`RefRefused`)."""
    root = referencing.Resource.from_contents(contents, default_specification=spec)
    todo = [(contents, registry.resolver_with_root(root))]
    seen = {id(contents)}
    while todo:
        doc, resolver = todo.pop()
        for ref in _refs(doc):
            resolved = resolver.lookup(ref)
            if id(resolved.contents) not in seen:
                seen.add(id(resolved.contents))
                todo.append((resolved.contents, resolved.resolver))


__all__ = ["Policy", "RefRefused", "Unresolvable", "check_all", "refused"]
