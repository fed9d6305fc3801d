"""LanguageTool over its HTTP API (``POST /v2/check``): a server given by URL, or one started here.

copydesk never downloads LanguageTool.  It uses:

- a server: ``--languagetool-url``, the ``LANGUAGETOOL_URL`` environment variable
  or ``[tool.copydesk.grammar] languagetool_url`` (a team's server, a Docker
  container, ``https://api.languagetool.org`` for a few files);
- or a LanguageTool already on this computer, started once per run and stopped
  at its end (Java needed): ``[tool.copydesk.grammar] languagetool_path`` (the
  folder or its ``languagetool-server.jar``), else where language-tool-python
  keeps the one it downloaded (``LTP_JAR_DIR_PATH``, ``LTP_PATH``, or
  ``~/.cache/language_tool_python``).

Every request has a timeout; a refused connection, a timeout, an HTTP error or
an answer that is not LanguageTool's JSON raises :class:`EngineError` with a
sentence an editor can act on.  LanguageTool's spelling rules (``TYPOS``
category, ``MORFOLOGIK_*``, ``HUNSPELL_*``) are turned off in the request and
dropped from the answer.  Offsets in LanguageTool's answer count UTF-16 code
units (Java strings); they are turned into Python string indices.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, Any

from lint import __version__
from lint.grammar import EngineError, Match

DEFAULT_TIMEOUT = 10.0  # seconds per request
START_TIMEOUT = 60.0  # seconds for a local LanguageTool to start
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SPELLING_RULES = ("MORFOLOGIK_", "HUNSPELL_")
MAX_SUGGESTIONS = 5
SERVER_JARS = ("languagetool-server.jar",)
SERVER_CLASS = "org.languagetool.server.HTTPServer"


def base_url(url: str) -> str:
    """The server's root: ``http://host:8081/v2/check`` and ``http://host:8081/`` both give ``http://host:8081``."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    for tail in ("/check", "/v2"):
        url = url.removesuffix(tail)
    return url.rstrip("/")


class LanguageTool:
    """A LanguageTool server, reached over HTTP; ``process`` is set when this run started it."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT, process: LocalServer | None = None) -> None:
        self.url = base_url(url)
        self.timeout = timeout
        self.process = process
        self.name = f"the LanguageTool started from {process.jar}" if process else f"LanguageTool at {self.url}"

    def supports(self, lang: str) -> bool:
        return True  # the server says otherwise with an error the check reports

    def check(self, text: str, lang: str) -> list[Match]:
        form = {"text": text, "language": lang, "disabledCategories": ",".join(sorted(SPELLING_CATEGORIES))}
        return matches(self._post("/v2/check", form), text)

    def close(self) -> None:
        if self.process is not None:
            self.process.stop()

    def _post(self, path: str, form: dict[str, str]) -> Any:
        request = urllib.request.Request(
            self.url + path,
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
                "User-Agent": f"copydesk/{__version__}",
            },
        )
        return fetch(request, self.timeout)


def fetch(request: urllib.request.Request, timeout: float) -> Any:
    """The JSON answer to ``request``; :class:`EngineError` saying what went wrong otherwise."""
    try:
        with _opener(request.full_url).open(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        detail = _first_line(exc.read())
        lasting = exc.code >= 500 or exc.code in (401, 403, 404, 408, 429)
        message = f"answered HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        raise EngineError(message, lasting) from None
    except urllib.error.URLError as exc:
        raise EngineError(_reason(exc.reason, timeout)) from None
    except TimeoutError:
        raise EngineError(f"did not answer within {timeout:g} seconds") from None
    except (OSError, http.client.HTTPException) as exc:
        raise EngineError(_reason(exc, timeout)) from None
    try:
        return json.loads(body)
    except ValueError:
        raise EngineError("answered with something that is not JSON (is it a LanguageTool server?)") from None


def _opener(url: str) -> urllib.request.OpenerDirector:
    """No proxy for a server on this computer, the environment's proxies otherwise."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host in ("localhost", "127.0.0.1", "::1"):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"did not answer within {timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "refused the connection (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return "could not be found (check the address)"
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "closed the connection without answering"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"could not be reached: {text}"


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    line = text.splitlines()[0] if text else ""
    return line[:200]


def matches(response: Any, text: str) -> list[Match]:
    """The grammar matches of a ``/v2/check`` answer, in Python string indices of ``text``."""
    if not isinstance(response, dict) or not isinstance(response.get("matches"), list):
        raise EngineError("answered JSON without a list of matches (is it a LanguageTool server?)")
    units = _utf16_units(text)
    out = []
    for m in response["matches"]:
        if not isinstance(m, dict):
            continue
        rule = _table(m.get("rule"))
        rule_id = str(rule.get("id") or "")
        category = _table(rule.get("category"))
        if not rule_id or category.get("id") in SPELLING_CATEGORIES or rule_id.startswith(SPELLING_RULES):
            continue
        offset, length = m.get("offset"), m.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            continue
        if units is not None:
            if offset + length >= len(units):
                continue
            offset, length = units[offset], units[offset + length] - units[offset]
        if offset > len(text):
            continue
        replacements = m.get("replacements")
        values: list[str] = []
        for r in replacements if isinstance(replacements, list) else ():
            value = _table(r).get("value")
            if isinstance(value, str) and value:
                values.append(value)
        message = m.get("message") or rule.get("description") or rule_id
        out.append(Match(rule_id, str(message).strip(), offset, length, tuple(values[:MAX_SUGGESTIONS])))
    return out


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _utf16_units(text: str) -> list[int] | None:
    """Python index of each UTF-16 code unit of ``text`` (and of its end); None when they are the same."""
    if not text or max(text) < "\U00010000":
        return None
    units = []
    for i, ch in enumerate(text):
        units.append(i)
        if ord(ch) > 0xFFFF:
            units.append(i)  # the second half of a surrogate pair
    units.append(len(text))
    return units


# ---- a LanguageTool installed on this computer -------------------------------------------------


def find_local(configured: Path | None = None) -> Path | None:
    """The ``languagetool-server.jar`` of a LanguageTool already on this computer; never downloads one."""
    if configured is not None:
        return _server_jar(configured)
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        return _server_jar(Path(jar_dir))
    home = os.environ.get("LTP_PATH") or str(Path.home() / ".cache" / "language_tool_python")
    folder = Path(home)
    if not folder.is_dir():
        return None
    found = [(p, _server_jar(p)) for p in folder.glob("LanguageTool*") if p.is_dir()]
    installed = sorted(((p, jar) for p, jar in found if jar is not None), key=lambda pj: _version_key(pj[0].name))
    return installed[-1][1] if installed else None


def _server_jar(path: Path) -> Path | None:
    if path.is_file():
        return path
    for name in SERVER_JARS:
        if (path / name).is_file():
            return path / name
    return None


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


class LocalServer:
    """A LanguageTool server process started for this run (``java -cp … HTTPServer``), stopped at its end."""

    def __init__(self, jar: Path, timeout: float = START_TIMEOUT) -> None:
        self.jar = jar
        java = shutil.which("java")
        if java is None:
            raise EngineError("needs Java, which is not installed here", True)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  (open while the server runs; stop() closes it)
        argv = [java, "-cp", str(jar), SERVER_CLASS, "--port", str(self.port)]
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT
            )
        except OSError as exc:
            self.log.close()
            raise EngineError(f"could not be started: {exc}", True) from None
        atexit.register(self.stop)
        self._wait(timeout)

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = urllib.request.Request(self.url + "/v2/languages", headers={"Accept": "application/json"})
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                code = self.process.returncode if self.process is not None else None
                tail = self._tail()
                self.stop()
                raise EngineError(f"stopped while starting (exit status {code})" + (f": {tail}" if tail else ""), True)
            with contextlib.suppress(EngineError):
                fetch(probe, 2.0)
                return
            time.sleep(0.2)
        self.stop()
        raise EngineError(f"did not start within {timeout:g} seconds", True)

    def _tail(self) -> str:
        self.log.seek(0)
        lines = [ln.strip() for ln in self.log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1][:200] if lines else ""

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if not self.log.closed:
            self.log.close()
        atexit.unregister(self.stop)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
