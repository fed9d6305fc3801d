"""LanguageTool, reached through language-tool-python: a server given by URL, or one installed here.

Both paths use :class:`language_tool_python.LanguageTool`, one object per run:

- a server (``remote_server=``): ``--languagetool-url``, the ``LANGUAGETOOL_URL``
  environment variable or ``[tool.copydesk.grammar] languagetool_url`` (a team's
  server, a Docker container, ``https://api.languagetool.org`` for a few files);
- a LanguageTool already on this computer, which language-tool-python starts
  once per run (Java needed) and :meth:`LanguageTool.close` stops:
  ``[tool.copydesk.grammar] languagetool_path``, else ``LTP_JAR_DIR_PATH``, else
  the newest one in language-tool-python's download folder (``LTP_PATH``, or
  ``~/.cache/language_tool_python``).

What language-tool-python does that a linter cannot afford, and what :class:`Client`
(a small subclass) does instead:

- **It downloads LanguageTool** (about 250 MB) when the version it asks for is
  not in its download folder.  copydesk never lets it: :func:`find_local` looks
  for an installed LanguageTool first, creating nothing, and only then is a local
  :class:`Client` made, asking for exactly that version.  language-tool-python
  finds a LanguageTool only in ``$LTP_PATH/LanguageTool-<version>/``, read when
  the server starts, and skips its download step when ``LTP_JAR_DIR_PATH`` is
  set (language-tool-python 3.4 reads that variable for nothing else); so while
  the server starts, the two point at the installation found.
- **It waits 300 seconds for each answer and asks twice** (restarting a local
  server in between).  copydesk asks once and waits ``timeout`` seconds
  (``[tool.copydesk.grammar] timeout``, default 10), also for the ``/v2/languages``
  request made when connecting.
- **It reads a JSON body whatever the HTTP status** and raises its own errors or
  ``requests``' ones.  copydesk checks the status, and every failure becomes an
  :class:`EngineError` with a sentence an editor can act on (refused, too slow,
  ``HTTP 500`` with the first line of the answer, not LanguageTool's JSON).
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
import shutil
import socket
import subprocess
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import language_tool_python
import requests
from language_tool_python.download_lt import LocalLanguageTool
from language_tool_python.exceptions import JavaError, LanguageToolError
from language_tool_python.language_tag import LanguageTag
from language_tool_python.utils import LTP_JAR_DIR_PATH_ENV_VAR, LTP_PATH_ENV_VAR

from lint import __version__
from lint.grammar import EngineError, Match

DEFAULT_TIMEOUT = 10.0  # seconds per request
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SPELLING_RULES = ("MORFOLOGIK_", "HUNSPELL_")
MAX_SUGGESTIONS = 5
JAR_NAMES = ("languagetool-server.jar", "languagetool.jar")  # the ones language-tool-python starts, in its order
LOOPBACK = ("localhost", "127.0.0.1", "::1")
NOT_JSON = "answered with something that is not JSON (is it a LanguageTool server?)"
NO_MATCHES = "answered JSON without a list of matches (is it a LanguageTool server?)"
NO_LANGUAGES = "answered JSON without a list of languages (is it a LanguageTool server?)"
NO_JAVA = "needs Java, which is not installed here"
BAD_ADDRESS = "is not an address a LanguageTool server can have (expected http://host:port or https://host)"
# what language-tool-python raises when its server does not start: its ServerError, PathError and
# JavaError, no Java (ModuleNotFoundError), a jar or folder gone (OSError), an old Java (SystemError),
# a Java version it cannot read (SystemExit), ``java -version`` failing (CalledProcessError)
START_ERRORS = (
    LanguageToolError,
    ImportError,
    OSError,
    ValueError,
    SystemError,
    SystemExit,
    subprocess.SubprocessError,
)


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
        """``installation``'s server, started by language-tool-python; :class:`EngineError` when it does not start."""
        if shutil.which("java") is None:
            raise EngineError(NO_JAVA)
        return cls(Client(timeout, installation=installation), f"the LanguageTool started from {installation.jar}")

    def supports(self, lang: str) -> bool:
        return True  # the server says otherwise with an error the check reports

    def check(self, text: str, lang: str) -> list[Match]:
        self.client.use(lang)
        try:
            found = self.client.check(text)
        except (KeyError, TypeError, ValueError, AttributeError):  # language-tool-python reading another shape
            raise EngineError(NO_MATCHES) from None
        return matches(found, text)

    def close(self) -> None:
        self.client.close()


class Client(language_tool_python.LanguageTool):
    """language-tool-python's ``LanguageTool``, made fit for a linter (see the module docstring).

    One request per call, ``timeout`` seconds each, failures raised as :class:`EngineError`;
    the server's languages asked once; a local server started once, on a free port, from
    ``installation`` and nothing else.
    """

    def __init__(
        self, timeout: float, *, remote_server: str | None = None, installation: Installation | None = None
    ) -> None:
        self.timeout = timeout
        self._languages: set[str] | None = None
        self._tag: str | None = None
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
            else:
                with _pointing_at(installation):
                    super().__init__("auto", host="127.0.0.1", language_tool_download_version=installation.version)
        except EngineError:
            self.close()
            raise
        except START_ERRORS as exc:
            self.close()
            if isinstance(exc, (ImportError, JavaError)):
                raise EngineError(NO_JAVA) from None
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

    def _start_server_on_free_port(self) -> None:
        self._port = _free_port()
        self._url = f"http://{self._host}:{self._port}/v2/"
        self._start_local_server()

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


def _first_line(text: str) -> str:
    text = text.strip()
    return (text.splitlines()[0] if text else "")[:200]


# ---- a LanguageTool installed on this computer -------------------------------------------------


@dataclass(frozen=True)
class Installation:
    """A LanguageTool on this computer, laid out as language-tool-python starts one.

    ``folder`` is named ``LanguageTool-<version>`` (as LanguageTool's zip unpacks and
    language-tool-python downloads) and holds ``jar``, the server.
    """

    folder: Path
    version: str
    jar: Path


def find_local(configured: Path | None = None) -> Installation | None:
    """The LanguageTool installed here that language-tool-python can start; never downloads, never creates a folder.

    ``configured`` (``languagetool_path``: a folder or a jar) first, else ``LTP_JAR_DIR_PATH``,
    else the newest in ``LTP_PATH`` (or ``~/.cache/language_tool_python``).  Raises
    :class:`EngineError` (a whole sentence) when the one named cannot be used.
    """
    if configured is not None:
        return _installation(configured, "languagetool_path")
    jar_dir = os.environ.get(LTP_JAR_DIR_PATH_ENV_VAR)
    if jar_dir:
        return _installation(Path(jar_dir), LTP_JAR_DIR_PATH_ENV_VAR)
    folder = Path(os.environ.get(LTP_PATH_ENV_VAR) or Path.home() / ".cache" / "language_tool_python")
    if not folder.is_dir():
        return None
    found: list[tuple[LocalLanguageTool, Installation]] = []
    for path in folder.glob("LanguageTool*"):
        with contextlib.suppress(EngineError):
            installation = _installation(path, LTP_PATH_ENV_VAR)
            found.append((LocalLanguageTool.from_version_name(installation.version), installation))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _installation(path: Path, setting: str) -> Installation:
    folder = path.parent if path.is_file() else path
    jar = next((folder / name for name in JAR_NAMES if (folder / name).is_file()), None)
    if jar is None or (path.is_file() and path.name not in JAR_NAMES):
        raise EngineError(f"there is no LanguageTool at {path} ({setting})")
    try:
        version = LocalLanguageTool.from_path(folder).version_name
    except ValueError:
        version = ""
    if folder.name != f"LanguageTool-{version}":  # "LanguageTool-latest" would be looked for under today's date
        raise EngineError(
            f"the LanguageTool at {path} ({setting}) is not in a folder named LanguageTool-<version> "
            "(such as LanguageTool-6.6), the only kind language-tool-python starts: "
            "rename the folder, or run its server and set languagetool_url"
        )
    return Installation(folder, version, jar)


@contextlib.contextmanager
def _pointing_at(installation: Installation) -> Iterator[None]:
    """language-tool-python's settings, for as long as its server starts, naming ``installation`` only.

    ``LTP_PATH`` is where it looks for ``LanguageTool-<version>``; with ``LTP_JAR_DIR_PATH`` set its
    download step returns before downloading anything; ``127.0.0.1`` in ``no_proxy`` keeps its
    readiness probe away from a proxy.
    """
    no_proxy = os.environ.get("no_proxy") or os.environ.get("NO_PROXY") or ""
    settings = {
        LTP_PATH_ENV_VAR: str(installation.folder.parent),
        LTP_JAR_DIR_PATH_ENV_VAR: str(installation.folder),
        "no_proxy": ",".join(filter(None, (no_proxy, "127.0.0.1"))),
    }
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
