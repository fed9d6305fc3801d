"""``copydesk lsp`` driven end to end by a real LSP client (pytest-lsp), in a project folder on disk."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from lint.cli import main
from tests.conftest import TYPO_ARTICLE

pytestmark = pytest.mark.asyncio
ROOT = Path(__file__).resolve().parents[1]
WAIT = 60.0  # seconds a diagnostic may take (the first check loads the dictionaries)


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics (with its version)."""
    client = LanguageClient()
    published: list[types.PublishDiagnosticsParams] = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        published.append(params)

    registered: list[types.Registration] = []

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)  # the client watches what the server asks (as VS Code does)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    client.published = published  # type: ignore[attr-defined]
    client.registered = registered  # type: ignore[attr-defined]
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "lint", "lsp"],
    client_factory=make_client,
    server_env={**os.environ, "PYTHONPATH": str(ROOT)},
)


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    site = tmp_path / "site"
    site.mkdir()
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=site.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=site.as_uri(), name="site")],
        )
    )
    yield
    await lsp_client.shutdown_session()


# ---- helpers ----------------------------------------------------------------------------------


async def published(client: LanguageClient, uri: str, version: int | None, since: int = 0) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for ``uri`` at ``version`` (from the ``since``-th on)."""
    seen: list[types.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    end = loop.time() + WAIT
    while loop.time() < end:
        for p in seen[since:]:
            if p.uri == uri and p.version == version:
                return list(p.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version}")


def count(client: LanguageClient) -> int:
    return len(client.published)  # type: ignore[attr-defined]


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> int:
    """Replace the whole text: returns the count of diagnostics published before it."""
    before = count(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return before


def offset(text: str, position: types.Position) -> int:
    """The code-point offset of an LSP position (lines end at \\n here; columns in UTF-16 units)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    units = lines[position.line].encode("utf-16-le")[: position.character * 2]
    return start + len(units.decode("utf-16-le"))


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(text, e.range.start)] + e.new_text + text[offset(text, e.range.end) :]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def actions_at(client: LanguageClient, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d]),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


def cli_json(*args: str | Path, cwd: Path) -> list[dict[str, Any]]:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["check", "--format", "json", *map(str, args)])
    finally:
        os.chdir(here)
    return list(json.loads(out.getvalue())["diagnostics"])


def site_of(tmp_path: Path) -> Path:
    return tmp_path / "site"


# ---- diagnostics ------------------------------------------------------------------------------

ASTRAL = TYPO_ARTICLE.replace("The council met on Tuesday", "The council 🎉 met on 𝒯uesday")


async def test_diagnostics_are_at_utf16_ranges_after_astral_characters(client: LanguageClient, tmp_path: Path) -> None:
    path = site_of(tmp_path) / "budget.md"
    uri = open_doc(client, path, ASTRAL)
    (d,) = await published(client, uri, 1)
    # "The council 🎉 met on 𝒯uesday and the " is 37 characters, 39 UTF-16 code units (two astral ones)
    assert d.range == types.Range(types.Position(7, 39), types.Position(7, 48))
    assert (d.code, d.source, d.severity) == ("spelling.unknown", "copydesk", types.DiagnosticSeverity.Error)
    assert d.message == "'goverment' is not a known word; did you mean 'government'?"
