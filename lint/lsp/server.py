"""The language server: diagnostics as you write, code actions, hovers (``copydesk lsp``, stdio).

Diagnostics are published when a document is opened or saved, and :data:`DEBOUNCE` seconds after
the last change, each with the version of the text it is for.  Every check runs in one thread of
its own (:class:`Checker` is used from there only), so the server keeps answering while it works,
and checks never run side by side; an error in a check is logged and shown as one diagnostic,
never the end of the server.
"""

from __future__ import annotations

import asyncio
import sys
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import find_config
from lint.diagnostics import Diagnostic, Severity
from lint.lsp import actions as actions_mod
from lint.lsp import hover as hover_mod
from lint.lsp import vocabulary
from lint.lsp.convert import SOURCE, to_lsp
from lint.lsp.positions import Places
from lint.lsp.project import Checked, Project
from lint.readers import EXTENSIONS

DEBOUNCE = 0.08  # seconds after the last change before the text is checked
INTERNAL = "internal"  # the rule id of the finding that says a check failed
LANGUAGES = {"markdown": ".md", "mdx": ".mdx", "json": ".json", "plaintext": ".txt"}
WATCHED = "**/{*.md,*.markdown,*.mdown,*.mkd,*.mdx,*.json,*.txt,*.text,*.toml,*.yaml,*.yml}"
T = TypeVar("T")


class Checker:
    """The projects of the workspace (used from the checking thread only)."""

    def __init__(self) -> None:
        self.projects: dict[tuple[str, str], Project] = {}
        self.folders: list[Path] = []  # the workspace's folders
        self.not_articles: set[Path] = set()  # files on disk that the CLI would not check

    def project_for(self, path: Path) -> Project:
        config = find_config(path.parent)
        if config is not None:
            folder = config.parent.resolve()
        else:
            around = [f for f in self.folders if path.is_relative_to(f)]
            folder = max(around, key=lambda f: len(f.parts)) if around else path.parent
        key = (str(config), str(folder))
        if key not in self.projects:
            self.projects[key] = Project(config, folder)
        return self.projects[key]

    def check(self, path: Path, text: str, explain: bool = False) -> tuple[Project, Checked | None, str]:
        """The project, the findings (None: not an article the CLI would check there) and what of the
        project was loaded again ("config", "vocabulary" or "")."""
        project = self.project_for(path)
        changed = project.refresh()
        if changed:
            self.not_articles.clear()
        if project.ctx is not None and path.is_file() and project.name_of(path) not in project.on_disk:
            if path in self.not_articles:
                return project, None, changed
            project.file_changed(path)
            if project.name_of(path) not in project.on_disk:
                self.not_articles.add(path)
                return project, None, changed
        return project, project.check(path, text, explain), changed

    def file_changed(self, path: Path, deleted: bool, open_paths: set[Path]) -> None:
        self.not_articles.discard(path)
        if path in open_paths or path.suffix.lower() not in EXTENSIONS:
            return  # the editor's text speaks for an open document
        for project in self.projects.values():
            if path.is_relative_to(project.folder):
                project.file_changed(path, deleted)

    def closed(self, path: Path) -> None:
        for project in self.projects.values():
            if path.is_relative_to(project.folder):
                project.closed(path)


@dataclass
class Shown:
    """The findings last published for a document, and the text they are for."""

    version: int | None
    text: str
    path: Path
    checked: Checked
    places: Places
    explained: list[Diagnostic] | None = None  # the same check with --explain, once a hover asks


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copydesk", __version__)
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-check")
        self.checker = Checker()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.shown: dict[str, Shown] = {}
        self.open: set[str] = set()

    # ---- helpers -------------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"copydesk: {message}"))

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` in the checking thread."""
        return await asyncio.get_running_loop().run_in_executor(self.engine, work, *args)

    def path_of(self, uri: str) -> Path:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is not None:
            return Path(path).resolve()
        doc = self.workspace.get_text_document(uri)
        suffix = LANGUAGES.get(doc.language_id or "", ".md")
        base = self.checker.folders[0] if self.checker.folders else Path.cwd()
        return base / f"untitled{suffix}"

    def checkable(self, uri: str) -> bool:
        doc = self.workspace.get_text_document(uri)
        suffix = Path(doc.filename or "").suffix.lower() if uri.startswith("file:") else ""
        return suffix in EXTENSIONS or (doc.language_id or "") in LANGUAGES

    # ---- checking ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    def recheck(self, besides: str | None = None, delay: float = 0.0) -> None:
        for uri in sorted(self.open):
            if uri != besides:
                self.schedule(uri, delay)

    async def _check_later(self, uri: str, delay: float) -> None:
        me = asyncio.current_task()
        try:
            if delay:
                await asyncio.sleep(delay)
            await self._check(uri)
        except asyncio.CancelledError:
            raise
        except Exception:  # never the end of the server
            self.log(f"checking {uri} failed:\n{traceback.format_exc()}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is me:
                del self.pending[uri]

    async def _check(self, uri: str) -> None:
        if uri not in self.open:
            return
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        path = self.path_of(uri)
        places = Places.of_document(text, self.encoding)
        try:
            project, checked, changed = await self.run(self.checker.check, path, text)
        except Exception as exc:
            self.log(f"checking {path} failed:\n{traceback.format_exc()}", types.MessageType.Error)
            message = f"copydesk could not check this document (an internal error: {exc!r})"
            failed = Diagnostic(str(path), 1, 1, 1, 1, INTERNAL, Severity.ERROR, message)
            project, checked, changed = None, Checked(_empty(path, text), [failed]), ""
        if uri not in self.open or self.workspace.get_text_document(uri).version != version:
            return  # a newer text is on its way
        if project is not None and project.loaded_in and changed != "vocabulary":
            n = len(project.parts)
            self.log(f"{project.folder}: {n} article{'' if n == 1 else 's'} indexed in {project.loaded_in:.1f}s")
            project.loaded_in = 0.0
        if checked is None:
            self.shown.pop(uri, None)
            self.publish(uri, version, [])
            return
        self.shown[uri] = Shown(version, text, path, checked, places)
        self.publish(uri, version, [to_lsp(d, places) for d in checked.diagnostics])
        if changed:
            self.recheck(besides=uri)

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    async def current(self, uri: str) -> Shown | None:
        """The findings for the document's text as it is now (waiting for a check on its way)."""
        for _ in range(3):
            task = self.pending.get(uri)
            if task is None:
                break
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout=10)
            except (TimeoutError, asyncio.CancelledError):
                continue
        shown = self.shown.get(uri)
        if shown is None or uri not in self.open:
            return None
        if shown.version != self.workspace.get_text_document(uri).version:
            return None
        return shown


def _empty(path: Path, text: str) -> Any:
    from lint.article import Article

    return Article(str(path), text, "text")


server = CopydeskServer()


def guarded(handler: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T | None]]:
    """``handler``, whose exceptions are logged instead of raised: a request gets no answer, not an error."""

    async def run(ls: CopydeskServer, params: Any) -> T | None:
        try:
            return await handler(ls, params)
        except Exception:
            ls.log(f"{handler.__name__} failed:\n{traceback.format_exc()}", types.MessageType.Error)
            return None

    run.__name__ = handler.__name__
    return run


@server.feature(types.INITIALIZED)
async def initialized(ls: CopydeskServer, params: types.InitializedParams) -> None:
    folders = [f.uri for f in ls.workspace.folders.values()] or (
        [ls.workspace.root_uri] if ls.workspace.root_uri else []
    )
    ls.checker.folders = [Path(p).resolve() for uri in folders if (p := to_fs_path(uri)) is not None]
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is not None and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=[types.FileSystemWatcher(WATCHED)])
        registration = types.Registration("copydesk-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        try:
            await ls.client_register_capability_async(types.RegistrationParams([registration]))
        except Exception:  # the client said no: the config is still looked at before each check
            ls.log("the client does not watch files: changes on disk are seen when a document is checked")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    if ls.checkable(uri):
        ls.open.add(uri)
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.open:
        ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri in ls.open:
        ls.schedule(uri, 0)
        ls.recheck(besides=uri, delay=DEBOUNCE)  # the saved text is in the index the others are checked with


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.open:
        return
    ls.open.discard(uri)
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    shown = ls.shown.pop(uri, None)
    ls.publish(uri, None, [])
    if shown is not None:
        try:
            await ls.run(ls.checker.closed, shown.path)
        except Exception:
            ls.log(f"closing {uri}:\n{traceback.format_exc()}", types.MessageType.Error)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(ls: CopydeskServer, params: types.DidChangeWatchedFilesParams) -> None:
    open_paths = {s.path for s in ls.shown.values()}
    others = False  # a file no open document speaks for (an editor's own save is told twice)
    for change in params.changes:
        path = to_fs_path(change.uri)
        if path is None:
            continue
        resolved = Path(path).resolve()
        others = others or resolved not in open_paths
        try:
            deleted = change.type == types.FileChangeType.Deleted
            await ls.run(ls.checker.file_changed, resolved, deleted, open_paths)
        except Exception:
            ls.log(f"{path} changed:\n{traceback.format_exc()}", types.MessageType.Error)
    if others:
        ls.recheck()  # a config or vocabulary change is seen by the next check


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
)
@guarded
async def code_action(ls: CopydeskServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    shown = await ls.current(params.text_document.uri)
    if shown is None:
        return None
    only = [str(k) for k in params.context.only] if params.context.only else None
    return actions_mod.actions(params.text_document.uri, shown.checked, shown.places, params.range, only)


@server.feature(types.TEXT_DOCUMENT_HOVER)
@guarded
async def hover(ls: CopydeskServer, params: types.HoverParams) -> types.Hover | None:
    shown = await ls.current(params.text_document.uri)
    if shown is None:
        return None
    found = hover_mod.under(shown.checked.diagnostics, shown.places, params.position)
    if not found:
        return None
    if shown.explained is None:
        _, explained, _ = await ls.run(ls.checker.check, shown.path, shown.text, True)
        shown.explained = explained.diagnostics if explained is not None else []
    return hover_mod.hover(found, shown.explained, shown.places)


@server.command(actions_mod.ADD_WORD)
async def add_word(ls: CopydeskServer, *arguments: Any) -> dict[str, str] | None:
    """Add a word to the vocabulary of the project of a document: arguments [uri, word]."""
    try:
        uri, word = str(arguments[0]), str(arguments[1])
        path = ls.path_of(uri) if uri in ls.open else Path(to_fs_path(uri) or uri)

        def add() -> Path:
            project = ls.checker.project_for(path)
            return vocabulary.add(word, project.config, project.folder)

        written = await ls.run(add)
    except vocabulary.CannotAdd as exc:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"copydesk: {exc}"))
        return None
    except Exception:
        ls.log(f"adding a word failed:\n{traceback.format_exc()}", types.MessageType.Error)
        return None
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, f"copydesk: added '{word}' to {written}"))
    ls.recheck()
    return {"word": word, "file": str(written)}


@server.feature(types.SHUTDOWN)
async def shutdown(ls: CopydeskServer, params: None) -> None:
    for task in ls.pending.values():
        task.cancel()
    ls.engine.shutdown(wait=False, cancel_futures=True)


def main() -> int:
    """Serve on stdin and stdout; anything else written to stdout goes to stderr (the protocol owns stdout)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    return 0


__all__ = ["DEBOUNCE", "SOURCE", "CopydeskServer", "main", "server"]
