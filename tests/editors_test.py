"""Editor set-up: the VS Code extension in editors/vscode/ and README's copy-paste configurations.

The extension is packaged for real with npm when npm is on PATH; its command-finding code runs under Node.js
when node is. Every snippet is parsed where a parser is at hand (JSON, TOML; Lua with luac) and checked against
the extension and the code: the same command line, ``copydesk lsp``, the same article files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from lint.config import CONFIG_FILES
from lint.readers import EXTENSIONS

ROOT = Path(__file__).resolve().parents[1]
VSCODE = ROOT / "editors" / "vscode"
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE: dict[str, Any] = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
SERVER_JS = (VSCODE / "server.js").read_text(encoding="utf-8")
COMMAND_LINE = ["copydesk", "lsp"]


def _section(heading: str, text: str = README) -> str:
    """The text under a Markdown heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n")
    ends = [m.start() for m in re.finditer(rf"\n#{{1,{len(level)}}} ", text) if m.start() > start]
    return text[start : min(ends, default=len(text))]


def _blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, re.DOTALL)


EDITORS = _section("## Editors")
VSCODE_DOC, NEOVIM_DOC, HELIX_DOC, ZED_DOC = (
    _section(f"### {name}", EDITORS) for name in ("VS Code", "Neovim", "Helix", "Zed")
)


def _js_strings(name: str) -> list[str]:
    """A ``const NAME = ['a', 'b'];`` list of server.js."""
    m = re.search(rf"^const {name} = \[(.*?)\];", SERVER_JS, re.MULTILINE | re.DOTALL)
    assert m is not None, name
    return re.findall(r"'([^']*)'", m.group(1))


def _lua_strings(block: str, key: str) -> list[str]:
    m = re.search(rf"\b{key} = \{{([^}}]*)\}}", block)
    assert m is not None, key
    return re.findall(r"'([^']*)'", m.group(1))


# --- the extension and the code agree ----------------------------------------------------------------------------


def test_the_extension_is_given_exactly_the_files_copydesk_reads_as_articles() -> None:
    assert sorted(_js_strings("EXTENSIONS")) == sorted(EXTENSIONS)
    listed = re.findall(r"`(\.[a-z]+)`", _section("## Files it checks", (VSCODE / "README.md").read_text()))
    assert sorted(listed) == sorted(EXTENSIONS)
    assert sorted(re.findall(r"`(\.[a-z]+)`", VSCODE_DOC.split("Build it")[0])) == sorted(EXTENSIONS)


def test_it_starts_for_the_languages_of_those_files() -> None:
    languages = _js_strings("LANGUAGES")
    assert {"markdown", "mdx", "json", "plaintext"} <= set(languages)
    assert PACKAGE["activationEvents"] == [f"onLanguage:{language}" for language in languages]


def test_the_command_setting_defaults_to_copydesk_and_the_server_is_run_as_copydesk_lsp() -> None:
    settings = PACKAGE["contributes"]["configuration"]["properties"]
    assert settings["copydesk.path"]["default"] == COMMAND_LINE[0]
    assert settings["copydesk.args"] == {**settings["copydesk.args"], "type": "array", "default": []}
    assert re.search(r"args: \['lsp', \.\.\.extra\]", SERVER_JS)
    # vscode-languageclient adds --stdio to the command line of a server started with TransportKind.stdio
    assert "TransportKind" not in (VSCODE / "extension.js").read_text() + SERVER_JS
    restricted = PACKAGE["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"]
    assert sorted(restricted) == ["copydesk.args", "copydesk.path"]


def test_the_package_is_named_and_licensed_as_the_project() -> None:
    assert (PACKAGE["name"], PACKAGE["main"], PACKAGE["license"]) == ("copydesk", "./extension.js", "MIT")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == {"text": "MIT"}
    assert (VSCODE / "LICENSE").read_text().startswith("MIT License\n")
    assert re.fullmatch(r"\^1\.\d+\.\d+", PACKAGE["engines"]["vscode"])
    assert PACKAGE["dependencies"]["vscode-languageclient"].startswith("^")


def test_the_lock_file_locks_what_package_json_asks_for() -> None:
    lock = json.loads((VSCODE / "package-lock.json").read_text())
    root = lock["packages"][""]
    assert (root["name"], root["version"]) == (PACKAGE["name"], PACKAGE["version"])
    assert root["dependencies"] == PACKAGE["dependencies"]
    assert root["devDependencies"] == PACKAGE["devDependencies"]
    assert "node_modules/vscode-languageclient" in lock["packages"]


def test_node_modules_and_built_packages_are_not_committed() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    paths = ["editors/vscode/node_modules/vscode-languageclient/package.json", "editors/vscode/copydesk-0.1.0.vsix"]
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == paths
    kept = subprocess.run(["git", "check-ignore", "editors/vscode/package-lock.json"], cwd=ROOT, capture_output=True)
    assert kept.returncode == 1


def test_the_readmes_install_the_vsix_that_the_build_writes() -> None:
    vsix = f"copydesk-{PACKAGE['version']}.vsix"
    for text in (VSCODE_DOC, (VSCODE / "README.md").read_text()):
        assert f"code --install-extension editors/vscode/{vsix}\n" in text
        assert re.search(r"^sh editors/vscode/package\.sh( |$)", text, re.MULTILINE)
    script = (VSCODE / "package.sh").read_text()
    assert "copydesk-$version.vsix" in script and "npm ci" in script and "vsce package" in script


# --- README's snippets ----------------------------------------------------------------------------------------


def test_the_vs_code_settings_snippet_is_json_of_the_extension_s_settings() -> None:
    (block,) = _blocks(VSCODE_DOC, "json")
    settings = json.loads(block)
    assert set(settings) <= set(PACKAGE["contributes"]["configuration"]["properties"])
    assert isinstance(settings["copydesk.path"], str) and settings["copydesk.args"] == []


def test_the_neovim_snippets_run_copydesk_lsp_for_the_article_filetypes() -> None:
    blocks = _blocks(NEOVIM_DOC, "lua")
    assert len(blocks) == 2
    new, old = blocks
    assert "vim.lsp.config('copydesk', {" in new and "vim.lsp.enable('copydesk')" in new
    assert "vim.lsp.start({" in old and "vim.lsp.config" not in old
    for block in blocks:
        assert _lua_strings(block, "cmd") == COMMAND_LINE
        assert "vim.filetype.add({ extension = { mdx = 'mdx' } })" in block
    assert _lua_strings(new, "filetypes") == _lua_strings(old, "pattern") == ["markdown", "mdx", "json", "text"]
    assert _lua_strings(new, "root_markers") == _lua_strings(old, "markers") == [*CONFIG_FILES, ".git"]


def _balanced(code: str) -> bool:
    """Brackets of Lua code balance, outside strings and comments; ``function`` and ``end`` pair up."""
    code = re.sub(r"--[^\n]*", "", re.sub(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"", "''", code))
    stack: list[str] = []
    for token in re.findall(r"[(){}\[\]]|\b(?:function|end|if|do)\b", code):
        if token in ("(", "{", "[", "function", "if", "do"):
            stack.append(token)
        elif not stack:
            return False
        else:
            opened = stack.pop()
            if token == "end":
                if opened not in ("function", "if", "do"):
                    return False
            elif opened + token not in ("()", "{}", "[]"):
                return False
    return not stack


@pytest.mark.parametrize("index", [0, 1])
def test_the_neovim_snippets_are_well_formed_lua(index: int) -> None:
    block = _blocks(NEOVIM_DOC, "lua")[index]
    assert _balanced(block)
    assert not _balanced(block.replace("})\n", ")\n", 1))


@pytest.mark.parametrize("index", [0, 1])
def test_the_neovim_snippets_compile(index: int, tmp_path: Path) -> None:
    luac = shutil.which("luac5.4") or shutil.which("luac")
    if luac is None:
        pytest.skip("no Lua compiler on PATH (Debian's package lua5.4) to check the Lua syntax with")
    snippet = tmp_path / "init.lua"
    snippet.write_text(_blocks(NEOVIM_DOC, "lua")[index], encoding="utf-8")
    done = subprocess.run([luac, "-p", str(snippet)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    snippet.write_text(snippet.read_text().replace("})", ")", 1), encoding="utf-8")
    assert subprocess.run([luac, "-p", str(snippet)], capture_output=True).returncode != 0


def test_the_helix_snippet_is_toml_that_runs_copydesk_lsp_for_markdown_json_and_text() -> None:
    (block,) = _blocks(HELIX_DOC, "toml")
    config = tomllib.loads(block)
    server = config["language-server"]["copydesk"]
    assert [server["command"], *server["args"]] == COMMAND_LINE
    using = {lang["name"]: lang for lang in config["language"] if "copydesk" in lang["language-servers"]}
    assert set(using) == {"markdown", "json", "article-text"}
    text = using["article-text"]
    assert sorted(f".{t}" for t in text["file-types"]) == sorted(e for e, kind in EXTENSIONS.items() if kind == "text")
    assert (text["scope"], text["language-id"]) == ("text.plain", "plaintext")


def test_the_zed_snippets_are_json_a_task_and_settings_that_run_copydesk() -> None:
    tasks_block, settings_block = _blocks(ZED_DOC, "json")
    (task,) = json.loads(tasks_block)
    assert (task["command"], task["args"]) == ("copydesk", ["check", "$ZED_FILE"])
    settings = json.loads(settings_block)
    binary = settings["lsp"]["copydesk"]["binary"]
    assert Path(binary["path"]).name == COMMAND_LINE[0] and binary["arguments"] == COMMAND_LINE[1:]
    for language in settings["languages"].values():
        assert language["language_servers"] == ["copydesk", "..."]
    assert "no\ncopydesk extension for Zed yet" in ZED_DOC


def test_every_editor_runs_the_same_command_line() -> None:
    assert "`copydesk lsp`" in EDITORS
    assert EDITORS.count("'copydesk', 'lsp'") == 2
    assert 'command = "copydesk"\nargs = ["lsp"]' in HELIX_DOC
    assert '"arguments": ["lsp"]' in ZED_DOC


# --- the extension's code, run under Node.js ---------------------------------------------------------------------


def _node(script: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Any:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH: the extension's code cannot run")
    prelude = f"const s = require({json.dumps(str(VSCODE / 'server.js'))});\n"
    done = subprocess.run(
        [node, "-e", prelude + f"console.log(JSON.stringify(({script})))"],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=True,
    )
    return json.loads(done.stdout)


def _program(path: Path, body: str = "exit 0") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths and executable bits")
def test_the_command_is_found_on_path_or_from_the_workspace_folder(tmp_path: Path) -> None:
    program = _program(tmp_path / "bin" / "copydesk")
    _program(tmp_path / "ws" / ".venv" / "bin" / "copydesk")
    (tmp_path / "home" / "tools").mkdir(parents=True)
    _program(tmp_path / "home" / "tools" / "copydesk")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "copydesk").write_text("not executable\n")
    env = {"PATH": f"{tmp_path / 'other'}:{tmp_path / 'bin'}", "HOME": str(tmp_path / "home")}
    ws = json.dumps(str(tmp_path / "ws"))
    found = _node(
        "["
        f"s.findCommand('copydesk', {{cwd: {ws}}}),"
        f"s.findCommand('.venv/bin/copydesk', {{cwd: {ws}}}),"
        f"s.findCommand('${{workspaceFolder}}/.venv/bin/copydesk', {{cwd: {ws}}}),"
        f"s.findCommand('~/tools/copydesk', {{cwd: {ws}}}),"
        f"s.findCommand('copydesk-nope', {{cwd: {ws}}}),"
        f"s.findCommand('bin/copydesk', {{cwd: {ws}}}),"
        f"s.findCommand('copydesk', {{cwd: {ws}, env: {{PATH: ''}}}}),"
        "]",
        env=env,
    )
    venv = str(tmp_path / "ws" / ".venv" / "bin" / "copydesk")
    assert found == [str(program), venv, venv, str(tmp_path / "home" / "tools" / "copydesk"), None, None, None]


def test_a_missing_command_is_explained_with_how_to_install_it() -> None:
    on_path, a_path = _node("[s.notFoundMessage('copydesk'), s.notFoundMessage('.venv/bin/copydesk')]")
    assert on_path.startswith('copydesk: "copydesk" was not found on PATH, so its language server (copydesk lsp)')
    assert a_path.startswith('copydesk: ".venv/bin/copydesk" is not a program that can be run')
    for message in (on_path, a_path):
        assert "pip install copydesk" in message and '"copydesk.path"' in message


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands for copydesk")
def test_the_server_is_started_as_copydesk_lsp_and_the_extra_arguments(tmp_path: Path) -> None:
    argv = tmp_path / "argv"
    program = _program(tmp_path / "bin" / "copydesk", f'printf "%s\\n" "$@" > {argv}')
    options = _node(f"s.serverOptions({json.dumps(str(program))}, ['--log', 'x y'], '/tmp')")
    assert options == {"command": str(program), "args": ["lsp", "--log", "x y"], "options": {"cwd": "/tmp"}}
    subprocess.run([options["command"], *options["args"]], check=True)
    assert argv.read_text().splitlines() == ["lsp", "--log", "x y"]


def test_the_documents_are_files_named_as_articles() -> None:
    (selector,) = _node("s.documentSelector()")
    assert selector["scheme"] == "file"
    m = re.fullmatch(r"\*\*/\*\.\{([a-z,]+)\}", selector["pattern"])
    assert m is not None and sorted(f".{e}" for e in m.group(1).split(",")) == sorted(EXTENSIONS)


# --- the real build -------------------------------------------------------------------------------------------


def test_the_extension_packages_into_a_vsix(tmp_path: Path) -> None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("npm is not on PATH: the VS Code extension cannot be packaged here")
    folder = tmp_path / "vscode"
    shutil.copytree(VSCODE, folder, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    env = {**os.environ, "OUT": str(tmp_path)}
    done = subprocess.run(["sh", str(folder / "package.sh")], capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    vsix = tmp_path / f"copydesk-{PACKAGE['version']}.vsix"
    assert zipfile.is_zipfile(vsix)
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        packaged = json.loads(z.read("extension/package.json"))
    assert (packaged["name"], packaged["main"], packaged["version"]) == (
        "copydesk",
        "./extension.js",
        PACKAGE["version"],
    )
    assert {"extension/extension.js", "extension/server.js", "extension/LICENSE.txt", "extension/readme.md"} <= names
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert not any(
        n.startswith(("extension/node_modules/@vscode/vsce/", "extension/node_modules/typescript/")) for n in names
    )
    assert "extension/package.sh" not in names


# --- the server the set-ups start -----------------------------------------------------------------------------


def _message(stream: Any) -> dict[str, Any]:
    length = 0
    while (line := stream.readline()) not in (b"\r\n", b""):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return dict(json.loads(stream.read(length)))


def test_copydesk_lsp_answers_an_editor_that_starts_it_so(tmp_path: Path) -> None:
    command = Path(sys.executable).parent / "copydesk"
    probe = subprocess.run([str(command), "lsp", "--help"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this copydesk has no lsp command yet")
    env = {**os.environ, "COPYDESK_FACTS_DIR": str(tmp_path / "facts")}
    server = subprocess.Popen([str(command), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    assert server.stdin is not None and server.stdout is not None
    watchdog = threading.Timer(60, server.kill)  # a server that never answers ends the read, and the test fails
    watchdog.start()
    try:
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"processId": None, "rootUri": None, "capabilities": {}},
            }
        ).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()
        while "id" not in (reply := _message(server.stdout)):
            pass
        assert reply["id"] == 1 and "capabilities" in reply["result"]
    finally:
        watchdog.cancel()
        server.kill()
        server.wait(timeout=30)
