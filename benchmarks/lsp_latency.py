#!/usr/bin/env python3
"""Latency of ``copydesk lsp``: from a change to the diagnostics for it, on a 2,000-word article.

    python benchmarks/lsp_latency.py              # 30 changes
    python benchmarks/lsp_latency.py --changes 60

Starts the server (``python -m lint lsp``) in a temporary project holding one 18F post (2,110
words, ``benchmarks/data``, public domain), opens it, waits for its first diagnostics (the warm-up:
dictionaries and checks loaded), then types: each change inserts a sentence (with a misspelling
every other time) at another place of the body, as an incremental ``didChange``, and the time is
taken from sending it to the ``publishDiagnostics`` of that version (the server's debounce, the
check and the transport).  Prints the median and the 90th percentile.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "benchmarks" / "data" / "2015-11-17-choose-design-over-architecture.md"
SENTENCES = (
    "The team shipped a smaller release on Tuesday. ",
    "The goverment team met the vendor again. ",
    "Users asked for a simpler form and got one. ",
    "The recieved feedback changed the plan. ",
)


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("copydesk-latency", "1")
        self.arrived: dict[int, float] = {}  # version -> when its diagnostics arrived
        self.found: dict[int, int] = {}  # version -> how many

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived.setdefault(params.version, time.perf_counter())
                self.found[params.version] = len(params.diagnostics)

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            pass  # the server says how long indexing took: not what is timed


async def wait(client: Client, version: int, timeout: float = 120.0) -> float:
    end = time.perf_counter() + timeout
    while version not in client.arrived:
        if time.perf_counter() > end:
            raise SystemExit(f"lsp_latency: no diagnostics for version {version} in {timeout:.0f}s")
        await asyncio.sleep(0.001)
    return client.arrived[version]


def body_lines(text: str) -> list[int]:
    """The 0-based lines of the body's paragraphs (where a sentence can go at the start)."""
    lines = text.split("\n")
    start = lines.index("---", 1) + 1
    return [i for i in range(start, len(lines)) if lines[i] and lines[i][0].isalpha()]


async def measure(changes: int, warm: int) -> tuple[list[float], int]:
    folder = Path(tempfile.mkdtemp(prefix="copydesk-lsp-"))
    try:
        path = folder / ARTICLE.name
        shutil.copy(ARTICLE, path)
        text = path.read_text(encoding="utf-8")
        client = Client()
        await client.start_io(sys.executable, "-m", "lint", "lsp", cwd=str(ROOT))
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=folder.as_uri(),
                workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "bench")],
            )
        )
        client.initialized(types.InitializedParams())
        uri = path.as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        await wait(client, 1)
        places = body_lines(text)
        times: list[float] = []
        for n in range(warm + changes):
            version = n + 2
            sentence = SENTENCES[n % len(SENTENCES)]
            line = places[(n * 7) % len(places)]
            at = types.Position(line, 0)
            began = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                    [types.TextDocumentContentChangePartial(types.Range(at, at), sentence)],
                )
            )
            arrived = await wait(client, version)
            if n >= warm:
                times.append(arrived - began)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return times, client.found[warm + changes + 1]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--changes", type=int, default=30, help="changes timed (default 30)")
    parser.add_argument("--warm", type=int, default=3, help="changes made first, not timed (default 3)")
    args = parser.parse_args(argv)
    from lint.lsp.server import DEBOUNCE

    words = len(ARTICLE.read_text(encoding="utf-8").split())
    times, found = asyncio.run(measure(args.changes, args.warm))
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    print(f"copydesk lsp, {words:,}-word article, {len(ms)} changes (debounce {DEBOUNCE * 1000:.0f} ms):")
    print(f"  change -> diagnostics: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, max {ms[-1]:.0f} ms")
    print(f"  findings in the last version: {found}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
