"""LanguageTool, reached through language-tool-python: a server given by URL, or one installed here.

Both paths use :class:`language_tool_python.LanguageTool`, one object per run:

- a server (``remote_server=``): ``--languagetool-url``, the ``LANGUAGETOOL_URL``
  environment variable or ``[tool.copydesk.grammar] languagetool_url`` (a team's
  server, a Docker container, ``https://api.languagetool.org`` for a few files);
- a LanguageTool already on this computer, whose server copydesk starts once per
  run (Java needed) and :meth:`LanguageTool.close` stops: ``[tool.copydesk.grammar]
  languagetool_path`` (any folder holding ``languagetool-server.jar``, or the jar:
  Homebrew's ``libexec``, a Linux package's, an unpacked zip), else ``LTP_JAR_DIR_PATH``,
  else the newest ``LanguageTool-<version>`` in language-tool-python's download folder
  (``LTP_PATH``, or ``~/.cache/language_tool_python``), snapshots
  (``LanguageTool-6.8-SNAPSHOT``, ``LanguageTool-20250301``) included.

What language-tool-python does that a linter cannot afford, and what :class:`Client`
(a small subclass) does instead:

- **It downloads LanguageTool** (about 250 MB) when the version it asks for is
  not in its download folder, and it starts only a folder named
  ``LanguageTool-<version>`` there.  copydesk starts the server itself
  (:meth:`Client._start_local_server`: ``java -cp <jar> org.languagetool.server.HTTPServer
  --port <free port>``), from the installation :func:`find_local` found, and never
  calls language-tool-python's download step; looking creates nothing either.
- **It waits 15 seconds for a server to start**; a cold Java on a slow machine can
  take longer.  copydesk waits :data:`START_TIMEOUT` seconds, and when the server
  stops or never answers, says so with the last line it wrote.
- **It waits 300 seconds for each answer and asks twice** (restarting a local
  server in between).  copydesk asks once and waits ``timeout`` seconds
  (``[tool.copydesk.grammar] timeout``, default 10), also for the ``/v2/languages``
  request made when connecting.
- **It reads a JSON body whatever the HTTP status** and raises its own errors or
  ``requests``' ones.  copydesk checks the status, and every failure becomes an
  :class:`EngineError` with a sentence an editor can act on (refused, too slow,
  ``HTTP 500`` with the first line of the answer, not LanguageTool's JSON).
- **Its** ``Match`` **needs every key LanguageTool 6 sends** (``rule.issueType``,
  ``context``...): one missing key fails the whole answer.  copydesk builds each
  ``Match`` from the keys a finding needs (rule id, offset, length), fills the others
  with empty values, and drops only a match that lacks those.
- **It tries port after port when its server does not start** (a broken install
  would start Java hundreds of times).  copydesk starts it once, on a free port.
- **It asks for the server's languages whenever the language changes.**  copydesk
  asks once per run and sets the language of each text from the list; a tag the
  server does not list is sent as written, and the server's answer (HTTP 400 for
  a language it does not know) is reported for that file only.

LanguageTool's spelling rules are turned off (``disabledCategories=TYPOS``) and any
that come back (``MORFOLOGIK_*``, ``HUNSPELL_*``) are dropped: the spelling check
owns typos.  LanguageTool counts offsets in UTF-16 code units (Java strings);
language-tool-python's ``Match`` turns the offset into a Python index but leaves
the length in code units, which is converted here.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError, ServerError
from language_tool_python.language_tag import LanguageTag
from language_tool_python.server import RUNNING_SERVER_PROCESSES
from language_tool_python.utils import LTP_JAR_DIR_PATH_ENV_VAR, LTP_PATH_ENV_VAR, startupinfo

from lint import __version__
from lint.grammar import EngineError, Match

DEFAULT_TIMEOUT = 10.0  # seconds per request
START_TIMEOUT = 60  # seconds a local server has to start: a cold Java on a slow CI machine can take more than 15
SERVER_CLASS = "org.languagetool.server.HTTPServer"
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SPELLING_RULES = ("MORFOLOGIK_", "HUNSPELL_")
MAX_SUGGESTIONS = 5
JAR_NAMES = ("languagetool-server.jar", "languagetool.jar")  # the ones language-tool-python starts, in its order
# the folders LanguageTool's zips unpack to and language-tool-python downloads to: a release
# (LanguageTool-6.6), a snapshot of one (LanguageTool-6.8-SNAPSHOT) or a dated snapshot (LanguageTool-20250301)
RELEASE_FOLDER = re.compile(r"LanguageTool-(\d+(?:\.\d+)*)(-SNAPSHOT)?", re.IGNORECASE)
DATED_FOLDER = re.compile(r"LanguageTool-(\d{8})")
LOOPBACK = ("localhost", "127.0.0.1", "::1")
NOT_JSON = "answered with something that is not JSON (is it a LanguageTool server?)"
NO_MATCHES = "answered JSON without a list of matches (is it a LanguageTool server?)"
NO_LANGUAGES = "answered JSON without a list of languages (is it a LanguageTool server?)"
NO_JAVA = "needs Java, which is not installed here"
OUTPUT_TAIL = 4096  # bytes of a server's output read for the line that says why it did not start
BAD_ADDRESS = "is not an address a LanguageTool server can have (expected http://host:port or https://host)"
# what connecting to a server or starting one can raise besides EngineError: language-tool-python's
# errors, Java gone or not executable (OSError from Popen), arguments Popen refuses (ValueError)
START_ERRORS = (LanguageToolError, OSError, ValueError, subprocess.SubprocessError)


def base_url(url: str) -> str:
    """The server's root: ``http://host:8081/v2/check`` and ``http://host:8081/`` both give ``http://host:8081``."""
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "http://" + url
    for tail in ("/check", "/v2"):
        url = url.removesuffix(tail)
    return url.rstrip("/")


def remote_name(url: str) -> str:
    return f"LanguageTool at {base_url(url)}"


def local_name(installation: Installation) -> str:
    return f"the LanguageTool at {installation.jar}"


class LanguageTool:
    """The grammar engine (:class:`lint.grammar.Engine`) around one :class:`Client` for the run."""

    def __init__(self, client: Client, name: str) -> None:
        self.client = client
        self.name = name

    @classmethod
    def remote(cls, url: str, timeout: float = DEFAULT_TIMEOUT) -> LanguageTool:
        """The server at ``url``; :class:`EngineError` when it cannot tell its languages."""
        return cls(Client(timeout, remote_server=base_url(url) + "/"), remote_name(url))

    @classmethod
    def local(cls, installation: Installation, timeout: float = DEFAULT_TIMEOUT) -> LanguageTool:
        """``installation``'s server, started here; :class:`EngineError` when it does not start."""
        if shutil.which("java") is None:
            raise EngineError(NO_JAVA)
        return cls(Client(timeout, installation=installation), f"the LanguageTool started from {installation.jar}")

    def supports(self, lang: str) -> bool:
        return True  # the server says otherwise with an error the check reports

    def check(self, text: str, lang: str) -> list[Match]:
        self.client.use(lang)
        return matches(self.client.check(text), text)

    def close(self) -> None:
        self.client.close()


class Client(language_tool_python.LanguageTool):
    """language-tool-python's ``LanguageTool``, made fit for a linter (see the module docstring).

    One request per call, ``timeout`` seconds each, failures raised as :class:`EngineError`;
    the server's languages asked once; a local server started by copydesk once, on a free
    port, from ``installation`` and nothing else (language-tool-python's download step is
    in the ``_start_local_server`` this class replaces, so it never runs).
    """

    def __init__(
        self, timeout: float, *, remote_server: str | None = None, installation: Installation | None = None
    ) -> None:
        self.timeout = timeout
        self._languages: set[str] | None = None
        self._tag: str | None = None
        self._installation = installation
        # what language-tool-python's close() and __del__ read, should its __init__ never run
        self._server = None
        self._remote = remote_server is not None
        self._new_spellings = None
        self._new_spellings_persist = True
        host = _host(remote_server) if remote_server else "127.0.0.1"
        self._session = requests.Session()
        self._session.headers["User-Agent"] = f"copydesk/{__version__} language-tool-python"
        if host in LOOPBACK:
            self._session.trust_env = False  # no proxy between copydesk and a server on this computer
        try:
            if installation is None:
                super().__init__("auto", remote_server=remote_server)
            else:  # its __init__ calls _start_server_on_free_port (below), nothing else that starts or downloads
                super().__init__("auto", host="127.0.0.1", language_tool_download_version=_release(installation))
        except EngineError:
            self.close()
            raise
        except START_ERRORS as exc:
            self.close()
            raise EngineError(f"could not be started: {_first_line(str(exc))}") from None
        self.disable_spellchecking()

    def use(self, lang: str) -> None:
        """Check the next texts in ``lang`` as the server names it (``en-GB`` for ``en-gb``, ``en`` for ``en-IN``)."""
        if lang == self._tag:
            return
        try:
            self.language = lang
        except ValueError:  # not in the server's list: sent as written, the server's answer decides
            self._language = LanguageTag(lang, {lang})
        self._tag = lang

    def close(self) -> None:
        super().close()
        self._session.close()

    def _get_languages(self) -> set[str]:
        if self._languages is None:
            try:
                found = super()._get_languages()
            except (AttributeError, TypeError):
                raise EngineError(NO_LANGUAGES) from None
            self._languages = {code for code in found if isinstance(code, str)}
        return self._languages

    def check(self, text: str) -> list[language_tool_python.Match]:
        """The server's matches for ``text``; one it sends without what a finding needs is left out, not the answer."""
        url = urllib.parse.urljoin(self._url, "check")
        answer = self._query_server(url, self._create_params(text), method="post")
        found = answer.get("matches") if isinstance(answer, dict) else None
        if not isinstance(found, list):
            raise EngineError(NO_MATCHES)
        return [language_tool_python.Match(entry, text) for entry in filter(None, map(_entry, found))]

    def _start_server_on_free_port(self) -> None:
        self._port = _free_port()
        self._url = f"http://{self._host}:{self._port}/v2/"
        self._start_local_server()

    def _start_local_server(self) -> None:
        """Start the installation's server, as LanguageTool documents it, and wait :data:`START_TIMEOUT` seconds.

        Replaces language-tool-python's, which downloads LanguageTool first and waits 15 seconds.
        Its output goes to a temporary file, whose last line says why a server did not start.
        """
        java = shutil.which("java")
        if java is None or self._installation is None:
            raise EngineError(NO_JAVA)
        command = [java, "-cp", str(self._installation.jar), SERVER_CLASS, "--port", str(self._port)]
        with tempfile.TemporaryFile() as output:  # the server keeps writing to its own copy
            self._server = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                text=True,
                startupinfo=startupinfo,
            )
            RUNNING_SERVER_PROCESSES.append(self._server)  # language-tool-python kills them at exit
            try:
                with _loopback_without_proxy():
                    self._wait_for_server_ready(timeout=START_TIMEOUT)
            except ServerError:
                code = self._server.poll()
                self._terminate_server()
                said = _last_words(output)
                if code is not None:
                    raise EngineError(
                        f"could not be started: Java stopped (exit code {code})" + (f": {said}" if said else "")
                    ) from None
                raise EngineError(
                    f"did not start within {START_TIMEOUT} seconds" + (f" (it last wrote: {said})" if said else "")
                ) from None

    def _query_server(
        self,
        url: str,
        params: dict[str, str] | None = None,
        num_tries: int = 1,
        method: Literal["get", "post"] = "get",
    ) -> Any:
        """The JSON answer of one request (``num_tries`` is ignored); :class:`EngineError` saying what went wrong."""
        try:
            if method == "post":
                response = self._session.post(url, data=params, timeout=self.timeout)
            else:
                response = self._session.get(url, params=params, timeout=self.timeout)
        except requests.Timeout:
            raise EngineError(_too_slow(self.timeout)) from None
        except requests.RequestException as exc:
            raise EngineError(_reason(exc, self.timeout)) from None
        with response:
            if response.status_code >= 400:
                code, detail = response.status_code, _first_line(response.content.decode("utf-8", "replace"))
                lasting = code >= 500 or code in (401, 403, 404, 408, 426, 429)
                message = f"answered HTTP {code} {response.reason}" + (f": {detail}" if detail else "")
                raise EngineError(message, lasting)
            try:
                return response.json()
            except ValueError:
                raise EngineError(NOT_JSON) from None


def _host(url: str) -> str:
    """The host of a server's address; :class:`EngineError` when it is no http(s) address with a host and port."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        raise EngineError(BAD_ADDRESS) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in parts.netloc):
        raise EngineError(BAD_ADDRESS)
    return parts.hostname


def matches(found: Iterable[language_tool_python.Match], text: str) -> list[Match]:
    """The grammar matches of language-tool-python's answer, in Python string indices of ``text``."""
    astral = bool(text) and max(text) >= "\U00010000"
    out = []
    for m in found:
        if m.category in SPELLING_CATEGORIES or m.rule_id.startswith(SPELLING_RULES):
            continue
        start = m.offset  # already a Python index: language-tool-python converted it
        length = _chars(text, start, m.error_length) if astral else m.error_length
        if not m.rule_id or start < 0 or length < 0 or start + length > len(text):
            continue
        suggestions = tuple(r for r in m.replacements if isinstance(r, str) and r)[:MAX_SUGGESTIONS]
        out.append(Match(m.rule_id, (m.message or m.rule_id).strip(), start, length, suggestions))
    return out


def _chars(text: str, start: int, units: int) -> int:
    """How many characters of ``text`` from ``start`` make ``units`` UTF-16 code units; -1 past its end."""
    end = start
    while units > 0 and 0 <= end < len(text):
        units -= 2 if text[end] >= "\U00010000" else 1
        end += 1
    return end - start if units <= 0 else -1


def _too_slow(timeout: float) -> str:
    return f"did not answer within {timeout:g} seconds"


def _reason(exc: BaseException, timeout: float) -> str:
    """What ``requests`` met, in words: it wraps the socket's error a few levels down."""
    causes = list(_causes(exc))
    for cause in causes:
        if isinstance(cause, TimeoutError):
            return _too_slow(timeout)
        if isinstance(cause, ConnectionRefusedError):
            return "refused the connection (is the server running?)"
        if isinstance(cause, socket.gaierror):
            return "could not be found (check the address)"
        if isinstance(cause, (ConnectionResetError, http.client.RemoteDisconnected)):
            return "closed the connection without answering"
    innermost = causes[-1]
    return f"could not be reached: {getattr(innermost, 'strerror', None) or innermost}"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo = [exc]
    while todo:
        cause = todo.pop(0)
        if id(cause) in seen:
            continue
        seen.add(id(cause))
        yield cause
        linked = (cause.__cause__, cause.__context__, getattr(cause, "reason", None), *cause.args)
        todo += [c for c in linked if isinstance(c, BaseException)]


def _entry(found: Any) -> dict[str, Any] | None:
    """One match of a ``/v2/check`` answer as language-tool-python's ``Match`` reads it; None when it cannot be placed.

    A rule id, an offset and a length are needed; the rest (``rule.issueType``, ``rule.category``,
    ``context``, ``message``, ``replacements``), which ``Match`` also reads, is made empty when missing.
    """
    if not isinstance(found, dict) or not isinstance(rule := found.get("rule"), dict):
        return None
    offset, length, rule_id = found.get("offset"), found.get("length"), rule.get("id")
    if not (_is_int(offset) and _is_int(length) and isinstance(rule_id, str)):
        return None
    category = rule.get("category")
    context = found.get("context")
    replacements = found.get("replacements")
    return {
        "rule": {
            "id": rule_id,
            "issueType": _text(rule.get("issueType")),
            "category": {"id": _text(category.get("id") if isinstance(category, dict) else None)},
        },
        "message": _text(found.get("message")),
        "replacements": [
            {"value": r["value"]}
            for r in (replacements if isinstance(replacements, list) else ())
            if isinstance(r, dict) and isinstance(r.get("value"), str)
        ],
        "offset": offset,
        "length": length,
        "context": {
            "text": _text(context.get("text")) if isinstance(context, dict) else "",
            "offset": context["offset"] if isinstance(context, dict) and _is_int(context.get("offset")) else 0,
        },
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _first_line(text: str) -> str:
    text = text.strip()
    return (text.splitlines()[0] if text else "")[:200]


def _last_words(output: IO[bytes]) -> str:
    """The last line a server wrote to ``output`` that is not a stack frame (Java's ``at ...``, ``... 3 more``)."""
    output.seek(0, os.SEEK_END)
    output.seek(max(0, output.tell() - OUTPUT_TAIL))
    lines = output.read().decode("utf-8", "replace").splitlines()
    said = [line.strip() for line in lines if line.strip() and not re.match(r"\s*(at |\.\.\. \d+ more)", line)]
    return said[-1][:200] if said else ""


# ---- a LanguageTool installed on this computer -------------------------------------------------


@dataclass(frozen=True)
class Installation:
    """A LanguageTool on this computer: ``jar``, its server, in ``folder``.

    ``version`` is what the folder's name says (``6.6`` for ``LanguageTool-6.6``, as
    LanguageTool's zips unpack and language-tool-python downloads; ``6.8-SNAPSHOT``;
    ``20250301``), and empty when the name does not tell (Homebrew's ``libexec``).
    """

    folder: Path
    version: str
    jar: Path


def find_local(configured: Path | None = None) -> Installation | None:
    """The LanguageTool installed here whose server copydesk can start; never downloads, never creates a folder.

    ``configured`` (``languagetool_path``: a folder or a jar) first, else ``LTP_JAR_DIR_PATH``,
    else the newest ``LanguageTool-<version>`` in ``LTP_PATH`` (or ``~/.cache/language_tool_python``).
    Raises :class:`EngineError` (a whole sentence) when the one named cannot be used.
    """
    if configured is not None:
        return _installation(configured, "languagetool_path")
    jar_dir = os.environ.get(LTP_JAR_DIR_PATH_ENV_VAR)
    if jar_dir:
        return _installation(Path(jar_dir), LTP_JAR_DIR_PATH_ENV_VAR)
    folder = Path(os.environ.get(LTP_PATH_ENV_VAR) or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir():
        return None
    found: list[tuple[tuple[int, tuple[int, ...], int], Installation]] = []
    for path in folder.glob("LanguageTool-*"):
        newness = _newness(path.name)
        if newness is not None:
            with contextlib.suppress(EngineError):
                found.append((newness, _installation(path, LTP_PATH_ENV_VAR)))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _installation(path: Path, setting: str) -> Installation:
    """The LanguageTool at ``path``: a folder holding one of :data:`JAR_NAMES`, or such a jar."""
    folder = path.parent if path.is_file() else path
    jar = path if path.is_file() else next((folder / name for name in JAR_NAMES if (folder / name).is_file()), None)
    if jar is None or jar.name not in JAR_NAMES:
        raise EngineError(f"there is no LanguageTool at {path} ({setting})")
    return Installation(folder, folder.name.removeprefix("LanguageTool-") if _newness(folder.name) else "", jar)


def _newness(name: str) -> tuple[int, tuple[int, ...], int] | None:
    """How new the LanguageTool in a folder called ``name`` is; None when the name does not say.

    Releases by number, a release's snapshot (``6.8-SNAPSHOT``) just before the release,
    dated snapshots (``20250301``) after every release, as language-tool-python orders them.
    """
    if dated := DATED_FOLDER.fullmatch(name):
        return (1, (int(dated[1]),), 1)
    if release := RELEASE_FOLDER.fullmatch(name):
        return (0, tuple(int(part) for part in release[1].split(".")), 0 if release[2] else 1)
    return None


def _release(installation: Installation) -> str:
    """The version for language-tool-python, whose readiness probe asks ``/v2/check`` before 4.2."""
    return re.sub("-SNAPSHOT$", "", installation.version, flags=re.IGNORECASE)


@contextlib.contextmanager
def _loopback_without_proxy() -> Iterator[None]:
    """``127.0.0.1`` in ``no_proxy`` while language-tool-python asks a starting server if it is ready.

    It asks with ``requests``' defaults, which send even a request to this computer through
    ``http_proxy`` unless ``no_proxy`` names it (copydesk's own requests to it never use a proxy).
    """
    saved = os.environ.get("no_proxy")
    no_proxy = saved or os.environ.get("NO_PROXY") or ""
    os.environ["no_proxy"] = ",".join(filter(None, (no_proxy, "127.0.0.1")))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("no_proxy", None)
        else:
            os.environ["no_proxy"] = saved


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
