"""``copydesk lsp`` driven end to end by a real LSP client (pytest-lsp), in a project folder on disk."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, Union

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
    converter = client.protocol._converter

    def code_action(item: Any, _: type) -> types.Command | types.CodeAction:
        # lsprotocol reads every item with a "command" key as a Command, also a CodeAction whose command is
        # an object (the server sends what LSP says: editors read it right)
        command = isinstance(item.get("command"), str)
        return converter.structure(item, types.Command if command else types.CodeAction)  # type: ignore[no-any-return]

    converter.register_structure_hook(types.Command | types.CodeAction, code_action)  # type: ignore[arg-type]
    converter.register_structure_hook(Union[types.Command, types.CodeAction], code_action)  # noqa: UP007
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


async def test_findings_are_the_clis_for_the_same_text_and_name(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    for name in ("bike-lanes.md", "harvest-festival.md", "water-report.json"):
        shutil.copy(ROOT / "examples" / "clean" / name, site / name)
    text = (ROOT / "examples" / "clean" / "bike-lanes.md").read_text(encoding="utf-8")
    text = text.replace("\n\n", "\n\nThe goverment sayd it wuold.\n\n", 1)
    (site / "bike-lanes.md").write_text(text, encoding="utf-8")
    expected = [d for d in cli_json(".", cwd=site) if d["path"] == "bike-lanes.md"]
    assert len(expected) >= 2
    uri = open_doc(client, site / "bike-lanes.md", text)
    got = await published(client, uri, 1)
    assert [(d.code, d.message, d.range.start.line + 1, d.range.start.character + 1) for d in got] == [
        (e["rule"], e["message"], e["line"], e["column"]) for e in expected
    ]


async def test_json_and_plain_text_articles_get_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    body = {"title": "Council votes", "date": "2026-02-01", "sources": ["https://example.org/b"]}
    text = json.dumps({**body, "body": "The 🚲 goverment met."}, ensure_ascii=False)
    uri = open_doc(client, site / "a.json", text, "json")
    (d,) = await published(client, uri, 1)
    start = text.index("goverment")
    before = len(text[:start].encode("utf-16-le")) // 2
    assert (d.code, d.range.start.character, d.range.end.character) == ("spelling.unknown", before, before + 9)
    plain = "Council votes on the budget\n1/2/26\n\nThe council met and the goverment announced a budget.\n"
    uri = open_doc(client, site / "b.txt", plain, "plaintext")
    rules = {d.code for d in await published(client, uri, 1)}
    assert "spelling.unknown" in rules


async def test_a_change_is_checked_again(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.md", TYPO_ARTICLE)
    assert len(await published(client, uri, 1)) == 1
    since = change(client, uri, 2, TYPO_ARTICLE.replace("goverment", "government"))
    assert await published(client, uri, 2, since) == []
    since = count(client)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert await published(client, uri, 2, since) == []  # checked again on save


async def test_broken_front_matter_gives_one_diagnostic_and_the_server_goes_on(
    client: LanguageClient, tmp_path: Path
) -> None:
    broken = '---\ntitle: "Unclosed\ndate: 2026-01-01\n---\n\nThe council met on Tuesday.\n'
    uri = open_doc(client, site_of(tmp_path) / "broken.md", broken)
    (d,) = await published(client, uri, 1)
    assert d.code == "schema.syntax"
    assert d.range.start == types.Position(1, 7)
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), d.range.start))
    assert hover is not None and "schema.syntax" in str(hover.contents)
    since = change(client, uri, 2, TYPO_ARTICLE)
    assert [d.code for d in await published(client, uri, 2, since)] == ["spelling.unknown"]


async def test_a_text_no_utf8_can_hold_is_one_diagnostic_and_the_server_goes_on(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = open_doc(client, site_of(tmp_path) / "odd.md", "The council met\ud800 on Tuesday.\n")  # a lone surrogate
    (d,) = await published(client, uri, 1)
    assert "not valid UTF-8" in d.message
    unknown = (site_of(tmp_path) / "never-opened.md").as_uri()
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(unknown), types.Position(0, 0))
    )
    assert hover is None
    since = change(client, uri, 2, TYPO_ARTICLE)
    assert [d.code for d in await published(client, uri, 2, since)] == ["spelling.unknown"]


async def test_hover_says_what_the_rule_checks_and_why(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.md", ASTRAL)
    (d,) = await published(client, uri, 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(7, 41))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert "spelling.unknown" in text
    assert "*What it checks:* A word that no dictionary knows and that nothing in the article" in text
    assert "`copydesk rules spelling.unknown`" in text
    assert "*Why this was flagged:*" in text and "score" in text
    assert hover.range == d.range
    nothing = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(7, 2))
    )
    assert nothing is None


# ---- code actions -----------------------------------------------------------------------------


async def test_the_safe_fix_applies(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.md", ASTRAL)
    (d,) = await published(client, uri, 1)
    actions = await actions_at(client, uri, d)
    (safe,) = [a for a in actions if a.is_preferred]
    assert safe.title == "Fix: 'goverment' → 'government' (safe fix)"
    fixed = apply(ASTRAL, edits_of(safe, uri))
    assert fixed == ASTRAL.replace("goverment", "government")
    since = change(client, uri, 2, fixed)
    assert await published(client, uri, 2, since) == []


async def test_every_safe_fix_of_the_file(client: LanguageClient, tmp_path: Path) -> None:
    text = ASTRAL.replace("new budget.", "new budget. The goverment said so.")
    uri = open_doc(client, site_of(tmp_path) / "budget.md", text)
    found = await published(client, uri, 1)
    assert len(found) == 2
    (every,) = [a for a in await actions_at(client, uri, found[0]) if a.kind == types.CodeActionKind.SourceFixAll]
    assert apply(text, edits_of(every, uri)) == text.replace("goverment", "government")


async def test_a_suggestion_applies(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.md", ASTRAL)
    (d,) = await published(client, uri, 1)
    (other,) = [a for a in await actions_at(client, uri, d) if a.title == "Replace 'goverment' with 'movement'"]
    assert apply(ASTRAL, edits_of(other, uri)) == ASTRAL.replace("goverment", "movement")


@pytest.mark.parametrize(
    ("body", "expected"),
    (
        # first line of its paragraph: the comment goes on a line of its own before it
        (
            "The goverment met.\n",
            "<!-- copydesk-disable-next-line spelling.unknown -->\nThe goverment met.\n",
        ),
        # inside a paragraph: at the end of the line before, so the paragraph stays one
        (
            "It rained.\nThe goverment 🎉 met.\n",
            "It rained. <!-- copydesk-disable-next-line spelling.unknown -->\nThe goverment 🎉 met.\n",
        ),
        # after a hard line break: before its two spaces, so the break stays
        (
            "It rained.  \nThe goverment met.\n",
            "It rained. <!-- copydesk-disable-next-line spelling.unknown -->  \nThe goverment met.\n",
        ),
    ),
)
async def test_suppress_on_this_line(client: LanguageClient, tmp_path: Path, body: str, expected: str) -> None:
    head = TYPO_ARTICLE.split("\n\n")[0] + "\n\n"
    uri = open_doc(client, site_of(tmp_path) / "budget.md", head + body)
    (d,) = await published(client, uri, 1)
    (hide,) = [a for a in await actions_at(client, uri, d) if a.title == "Suppress spelling.unknown on this line"]
    hidden = apply(head + body, edits_of(hide, uri))
    assert hidden == head + expected
    since = change(client, uri, 2, hidden)
    assert await published(client, uri, 2, since) == []  # suppressed, and the comment is not unused


async def test_no_line_suppression_in_mdx(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.mdx", TYPO_ARTICLE, "mdx")
    (d,) = await published(client, uri, 1)
    titles = [a.title for a in await actions_at(client, uri, d)]
    assert titles and not any(t.startswith("Suppress") for t in titles)  # an HTML comment breaks an MDX build


# ---- the vocabulary ---------------------------------------------------------------------------


async def add_word(client: LanguageClient, uri: str, d: types.Diagnostic) -> Any:
    (add,) = [a for a in await actions_at(client, uri, d) if a.command is not None]
    assert add.command is not None
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )


WORD_ARTICLE = TYPO_ARTICLE.replace("goverment", "zorblatt")


async def test_a_word_added_where_there_is_no_config(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    (site / "budget.md").write_text(WORD_ARTICLE)
    uri = open_doc(client, site / "budget.md", WORD_ARTICLE)
    (d,) = await published(client, uri, 1)
    since = count(client)
    result = await add_word(client, uri, d)
    assert result == {"word": "zorblatt", "file": str(site / "copydesk-vocabulary.txt")}
    assert (site / "copydesk-vocabulary.txt").read_text() == "zorblatt\n"
    assert (site / "copydesk.toml").read_text().startswith('vocabulary = ["copydesk-vocabulary.txt"]')
    assert await published(client, uri, 1, since) == []  # the open document is checked again
    assert cli_json("budget.md", cwd=site) == []  # and the CLI agrees


async def test_a_word_added_to_the_configured_vocabulary(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    (site / "styles").mkdir()
    (site / "styles" / "accept.txt").write_bytes(b"# our words\r\nprotosketching")  # no line end at the end
    (site / "copydesk.toml").write_text('# the site\nvocabulary = ["styles/accept.txt"]\n')
    uri = open_doc(client, site / "budget.md", WORD_ARTICLE)
    (d,) = await published(client, uri, 1)
    since = count(client)
    await add_word(client, uri, d)
    assert (site / "styles" / "accept.txt").read_bytes() == b"# our words\r\nprotosketching\r\nzorblatt\r\n"
    assert await published(client, uri, 1, since) == []


async def test_a_word_added_to_a_pyproject_config(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    pyproject = (
        '[project]\nname = "site"\n\n[tool.copydesk]\nlanguage = "en-US"\n\n[tool.copydesk.checks]\nsources = false\n'
    )
    (site / "pyproject.toml").write_text(pyproject)
    uri = open_doc(client, site / "budget.md", WORD_ARTICLE)
    (d,) = await published(client, uri, 1)
    since = count(client)
    await add_word(client, uri, d)
    assert (site / "pyproject.toml").read_text() == pyproject.replace(
        "[tool.copydesk]\n", '[tool.copydesk]\nvocabulary = ["copydesk-vocabulary.txt"]\n'
    )
    assert await published(client, uri, 1, since) == []


# ---- the config -------------------------------------------------------------------------------


async def test_a_config_change_is_picked_up(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    uri = open_doc(client, site / "budget.md", TYPO_ARTICLE)
    (d,) = await published(client, uri, 1)
    assert d.severity == types.DiagnosticSeverity.Error
    (site / "copydesk.toml").write_text('[severity]\n"spelling" = "info"\n')
    since = count(client)  # the client tells the server of the file, as an editor's watcher does
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent((site / "copydesk.toml").as_uri(), types.FileChangeType.Created)]
        )
    )
    (d,) = await published(client, uri, 1, since)
    assert d.severity == types.DiagnosticSeverity.Information
    (site / "copydesk.toml").write_text('[severity]\n"spelling" = "warning"\n')
    since = change(client, uri, 2, TYPO_ARTICLE)  # no notice this time: seen before the next check
    (d,) = await published(client, uri, 2, since)
    assert d.severity == types.DiagnosticSeverity.Warning


async def test_a_broken_config_is_one_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    (site / "copydesk.toml").write_text('languag = "en"\n')
    uri = open_doc(client, site / "budget.md", TYPO_ARTICLE)
    (d,) = await published(client, uri, 1)
    assert d.code == "config" and "unknown setting 'languag'; did you mean 'language'?" in d.message
    (site / "copydesk.toml").write_text('language = "en"\n')
    since = change(client, uri, 2, TYPO_ARTICLE)
    assert [d.code for d in await published(client, uri, 2, since)] == ["spelling.unknown"]


async def test_the_server_asks_to_watch_config_and_article_files(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, site_of(tmp_path) / "budget.md", TYPO_ARTICLE)
    await published(client, uri, 1)
    (registration,) = client.registered  # type: ignore[attr-defined]
    assert registration.method == "workspace/didChangeWatchedFiles"
    assert "*.toml" in registration.register_options["watchers"][0]["globPattern"]


# ---- the archive index ------------------------------------------------------------------------

NAMED = '---\ntitle: "Budget {n}"\ndate: 2026-02-01\nsources:\n  - https://example.org/b\n---\n\n{body}\n'
KOWALCZYK = "Mayor Dana Kowalczyk said the council met. Kowalczyk spoke again on Friday."
SLIP = "Mayor Dana Kowalcyzk said the council met on Tuesday."


async def test_the_archive_index_is_the_projects_and_kept_fresh(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    for n in (1, 2, 3, 4):
        (site / f"a{n}.md").write_text(NAMED.format(n=n, body=KOWALCZYK))
    text = NAMED.format(n=5, body=SLIP)
    (site / "b.md").write_text(text)
    uri = open_doc(client, site / "b.md", text)
    (d,) = await published(client, uri, 1)
    assert (d.code, d.message) == ("names.archive", "'Kowalcyzk' here; 'Kowalczyk' in 4 other articles")
    assert [e["message"] for e in cli_json(".", cwd=site) if e["path"] == "b.md"] == [d.message]
    # a1 is edited (not saved) to leave the name out: its share of the index is the text being edited
    other = open_doc(client, site / "a1.md", NAMED.format(n=1, body=KOWALCZYK))
    await published(client, other, 1)
    since = change(client, other, 2, NAMED.format(n=1, body="The council met on Friday."))
    await published(client, other, 2, since)
    since = change(client, uri, 2, text)
    (d,) = await published(client, uri, 2, since)
    assert d.message == "'Kowalcyzk' here; 'Kowalczyk' in 3 other articles"
    # closed without saving: the file on disk speaks for it again
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(other)))
    since = change(client, uri, 3, text)
    (d,) = await published(client, uri, 3, since)
    assert d.message == "'Kowalcyzk' here; 'Kowalczyk' in 4 other articles"
    # a file deleted on disk (the editor's watcher says so) leaves the index
    (site / "a2.md").unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([types.FileEvent((site / "a2.md").as_uri(), types.FileChangeType.Deleted)])
    )
    since = change(client, uri, 4, text)
    (d,) = await published(client, uri, 4, since)
    assert d.message == "'Kowalcyzk' here; 'Kowalczyk' in 3 other articles"


async def test_a_file_the_cli_would_not_check_gets_no_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    site = site_of(tmp_path)
    (site / "copydesk.toml").write_text('exclude = ["drafts/*"]\n')
    (site / "drafts").mkdir()
    (site / "drafts" / "budget.md").write_text(TYPO_ARTICLE)
    uri = open_doc(client, site / "drafts" / "budget.md", TYPO_ARTICLE)
    assert await published(client, uri, 1) == []
