"""An article schema's $ref: its own folder and copydesk's schemas only, unless schema_refs allows more.

A real HTTP server on 127.0.0.1 records every request, so "no request" is what it saw.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TYPO_ARTICLE

GOOD = TYPO_ARTICLE.replace("goverment", "government")
# the remote and local pieces demand an "author": the article has none, so a used $ref shows as a finding
NEEDS_AUTHOR = {"type": "object", "required": ["author"]}


class Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        recorded = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                recorded.append(self.path)
                body = json.dumps(NEEDS_AUTHOR).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


def project(tmp_path: Path, schema: dict[str, Any], config: str = "") -> tuple[Path, Path]:
    """A project folder with copydesk.toml naming team/team.schema.json, and one article; (config, article)."""
    (tmp_path / "team").mkdir(exist_ok=True)
    (tmp_path / "team" / "team.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    toml = tmp_path / "copydesk.toml"
    toml.write_text(f'select = ["schema"]\nschema = "team/team.schema.json"\n{config}', encoding="utf-8")
    article = tmp_path / "budget.md"
    article.write_text(GOOD, encoding="utf-8")
    return toml, article


def with_ref(ref: str) -> dict[str, Any]:
    return {"type": "object", "allOf": [{"$ref": ref}]}


def test_a_remote_ref_is_refused_and_never_fetched(cli: Any, tmp_path: Path, server: Server) -> None:
    toml, article = project(tmp_path, with_ref(server.url + "author.json"))
    result = cli("check", "--config", toml, article)
    assert result.code == 2
    (line,) = result.err.splitlines()
    assert line.startswith(f"copydesk: {tmp_path / 'team' / 'team.schema.json'}: $ref '{server.url}author.json'")
    assert "is a web address: copydesk does not fetch schemas over the network" in line
    assert f"schema_refs = [{server.url!r}]" in line  # how to allow it
    assert f"(the schema named at {toml}:2:1)" in line
    assert result.out == ""
    assert server.requests == []


def test_a_remote_ref_deep_inside_a_local_one_is_refused_too(cli: Any, tmp_path: Path, server: Server) -> None:
    toml, article = project(tmp_path, with_ref("parts/author.json"))
    (tmp_path / "team" / "parts").mkdir()
    (tmp_path / "team" / "parts" / "author.json").write_text(json.dumps(with_ref(server.url + "x.json")), "utf-8")
    result = cli("check", "--config", toml, article)
    assert result.code == 2
    assert "is a web address" in result.err
    assert server.requests == []


def test_schema_refs_allows_an_address_prefix(cli: Any, tmp_path: Path, server: Server) -> None:
    toml, article = project(tmp_path, with_ref(server.url + "author.json"), f'schema_refs = ["{server.url}"]\n')
    result = cli("check", "--config", toml, article)
    assert result.code == 1, result.err
    assert "budget.md:1:1: error schema.required author is missing" in result.out
    assert server.requests == ["/author.json"]


@pytest.mark.parametrize(
    "ref",
    (
        "../outside.json",  # relative, leaving the folder
        "file://{outside}",  # a file address outside
        "{outside}",  # an absolute path
    ),
)
def test_a_ref_to_a_file_outside_the_schema_folder_is_refused(cli: Any, tmp_path: Path, ref: str) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(NEEDS_AUTHOR), encoding="utf-8")
    toml, article = project(tmp_path, with_ref(ref.format(outside=outside)))
    result = cli("check", "--config", toml, article)
    assert result.code == 2
    assert f"team.schema.json: $ref {ref.format(outside=outside)!r} leads to {outside.resolve()}, outside" in (
        result.err
    )
    assert "schema_refs" in result.err


def test_schema_refs_allows_a_folder(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "author.json").write_text(json.dumps(NEEDS_AUTHOR), encoding="utf-8")
    toml, article = project(tmp_path, with_ref("../shared/author.json"), 'schema_refs = ["shared"]\n')
    result = cli("check", "--config", toml, article)
    assert result.code == 1, result.err
    assert "schema.required author is missing" in result.out


def test_a_missing_schema_refs_folder_is_a_config_mistake(cli: Any, tmp_path: Path) -> None:
    toml, article = project(tmp_path, {"type": "object"}, 'schema_refs = ["nowhere"]\n')
    result = cli("check", "--config", toml, article)
    assert result.code == 2
    assert f"{toml}:3:17: schema_refs[0]: folder 'nowhere' not found" in result.err


@pytest.mark.parametrize("ref", ("parts/author.json", "file://{folder}/parts/author.json"))
def test_refs_inside_the_schema_folder_are_followed(cli: Any, tmp_path: Path, ref: str) -> None:
    (tmp_path / "team" / "parts").mkdir(parents=True)
    (tmp_path / "team" / "parts" / "author.json").write_text(json.dumps(NEEDS_AUTHOR), encoding="utf-8")
    toml, article = project(tmp_path, with_ref(ref.format(folder=(tmp_path / "team").resolve())))
    result = cli("check", "--config", toml, article)
    assert result.code == 1, result.err
    assert "schema.required author is missing" in result.out


def test_a_ref_under_the_schema_own_id_is_read_from_its_folder(cli: Any, tmp_path: Path, server: Server) -> None:
    schema = {"$id": server.url + "schemas/team.schema.json", **with_ref("author.json")}
    toml, article = project(tmp_path, schema)
    (tmp_path / "team" / "author.json").write_text(json.dumps(NEEDS_AUTHOR), encoding="utf-8")
    result = cli("check", "--config", toml, article)
    assert result.code == 1, result.err
    assert "schema.required author is missing" in result.out
    assert server.requests == []


def test_copydesk_schemas_are_reached_by_their_id_without_a_request(cli: Any, tmp_path: Path) -> None:
    schema = {"$ref": "https://copydesk.dev/schemas/article.schema.json"}
    toml, article = project(tmp_path, schema)
    article.write_text(GOOD.replace('title: "Council votes on the budget"\n', ""), encoding="utf-8")
    result = cli("check", "--config", toml, article)
    assert result.code == 1, result.err
    assert "schema.required title is missing" in result.out  # from copydesk's article schema


def test_a_ref_to_a_missing_file_names_it(cli: Any, tmp_path: Path) -> None:
    toml, article = project(tmp_path, with_ref("parts/none.json"))
    result = cli("check", "--config", toml, article)
    assert result.code == 2
    assert f"$ref 'parts/none.json': there is no file {(tmp_path / 'team' / 'parts' / 'none.json').resolve()}" in (
        result.err
    )
