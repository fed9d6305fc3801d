"""The cache of per-article facts, and the spool that stands in for it with ``--no-cache``.

Where: ``$COPYDESK_FACTS_DIR``, else ``facts/`` in copydesk's cache folder (``$COPYDESK_CACHE_DIR``, else
``$XDG_CACHE_HOME/copydesk``, else ``~/.cache/copydesk``, as the word cache), outside the
project: nothing to add to a site's ``.gitignore``, never met by a run as an article (and its
files end in ``.facts``, which no reader takes).

Key: the SHA-256 of the file's bytes, its path as shown, the config (with the contents of every
file it names: vocabulary, rules, schema) and copydesk's version (the hash of its code, rule data
and schemas, and of the word data it reads), so a changed file, config or copydesk is a miss,
never a stale answer.  Another copydesk version's folder is removed by a run that starts when
that version has not started a run for a day (:data:`IDLE_SECONDS`): two versions installed side
by side (two checkouts, a virtual environment and the system) may run at the same time and never
pull entries from under each other.  A folder or entry that vanishes during a run is a miss.

One entry, one file ``<version>/<key[:2]>/<key>.facts``: the article's share of the index
(:class:`~lint.pipeline.index.Part`), then its facts, two pickles, so that the first pass reads
the small part only.  An entry is written to a temporary file and renamed into place (atomic on
POSIX and Windows): runs at the same time may write the same entry, and a reader sees a whole
entry or none; an entry that cannot be read is a miss.  A hit touches the entry; when the cache
outgrows its bound (``$COPYDESK_CACHE_MB``, 1024 MB by default) the least recently used entries
are removed, down to 80% of it.

Beside an entry, ``<key>.decision``: the article's findings of the last run, with the digest of
the index they were made with (:func:`index_digest`); a run with the same index reads them back
instead of deciding again (:meth:`Store.decision`).

The entries are pickles, like other tools' caches in the user's own folder: a cache folder
others can write to would let them run code as you (do not point ``$COPYDESK_CACHE_DIR`` there).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lint import files
from lint.config import Config
from lint.pipeline.facts import Facts
from lint.pipeline.index import Part

DEFAULT_MB = 1024
SUFFIX = ".facts"
DECISION = ".decision"  # an article's findings, beside its facts, with the digest of the index they were made with
FORMAT = 1  # bump when an entry's layout changes
IDLE_SECONDS = 24 * 3600  # another version's folder unused this long is removed
MARK = ".last-run"  # touched in a version's folder by every run of that version


@cache
def code_version() -> str:
    """The hash of copydesk's code, rule data and schemas, and of the word data it reads."""
    from lint.languages import SPELLCHECKER_LANGUAGES
    from lint.lexicon import _versions
    from lint.resources import data_dir

    h = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent.parent
    folders = [package, data_dir("rules"), data_dir("schemas")]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    for lang in sorted(SPELLCHECKER_LANGUAGES):
        h.update(_versions(lang).encode())
    return h.hexdigest()[:16]


def config_digest(config: Config, explain: bool) -> str:
    """What of the config the facts depend on, and the contents of the files it names."""
    h = hashlib.sha256()
    fields = (
        config.root,
        config.schema,
        config.schema_refs,
        config.include,
        config.exclude,
        config.language,
        config.date_order,
        config.templates,
        config.limits,
        config.vocabulary,
        config.rules,
        sorted(config.checks.items()),
        sorted((k, v.value) for k, v in config.severity.items()),
        config.select,
        config.ignore,
        repr(sorted(config.options.items(), key=lambda kv: kv[0])),
        explain,
    )
    h.update(repr(fields).encode())
    for path in _named_files(config):
        h.update(str(path).encode() + b"\0")
        try:
            h.update(files.read_bytes(path))  # never a FIFO: it would block the run
        except OSError:
            h.update(b"?")  # the run says why it cannot read it
    return h.hexdigest()


def _named_files(config: Config) -> Iterable[Path]:
    yield config.schema
    for folder in config.schema_refs:
        p = Path(folder)
        if p.is_dir():
            yield from sorted(q for q in p.iterdir() if q.suffix in (".json", ".yaml", ".yml") and q.is_file())
    yield from config.vocabulary
    for extra in config.rules:
        if extra.is_dir():
            yield from sorted(extra.glob("*.yaml"))
        else:
            yield extra


def cache_root() -> Path:
    """``$COPYDESK_FACTS_DIR``, else ``facts/`` in copydesk's cache folder."""
    explicit = os.environ.get("COPYDESK_FACTS_DIR")
    if explicit:
        return Path(explicit)
    from lint.lexicon import cache_dir

    return cache_dir() / "facts"


def bound() -> int:
    """The cache's size bound in bytes."""
    try:
        return max(1, int(os.environ.get("COPYDESK_CACHE_MB", DEFAULT_MB))) << 20
    except ValueError:
        return DEFAULT_MB << 20


class Store:
    """Facts by key: the cache (``folder`` persists) or a spool (a temporary folder removed by :meth:`close`)."""

    def __init__(self, folder: Path | None, salt: str) -> None:
        self.salt = salt
        self.spool = folder is None
        if folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="copydesk-facts-"))
        else:
            self.folder = folder
        self.written = 0
        self.index = ""  # the digest of the run's index (see decision): set once every part is in

    @classmethod
    def open(cls, config: Config, explain: bool, use_cache: bool) -> Store:
        salt = config_digest(config, explain)
        if not use_cache:
            return cls(None, salt)
        root = cache_root()
        version = code_version()
        folder = root / version
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=True)  # noqa: SIM115
            probe.close()
            (folder / MARK).touch()
        except OSError:
            return cls(None, salt)  # no writable cache folder: the run spools
        _remove_idle_versions(root, version)
        return cls(folder, salt)

    def key(self, display: str, data: bytes) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(display.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / (key + SUFFIX)

    def part(self, key: str) -> Part | None:
        """The entry's share of the index (a hit touches the entry), or None."""
        path = self.path(key)
        try:
            with open(path, "rb") as f:
                found = pickle.load(f)
            if not self.spool:
                os.utime(path)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return found if isinstance(found, Part) else None

    def facts(self, key: str) -> Facts | None:
        try:
            with open(self.path(key), "rb") as f:
                pickle.load(f)
                found = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return found if isinstance(found, Facts) else None

    def put(self, key: str, part: Part, facts: Facts) -> None:
        """Write the entry atomically; a cache that cannot be written only costs the next run its time."""
        if self._write(self.path(key), part, facts):
            self.written += 1

    def decision(self, key: str) -> tuple[str, object] | None:
        """The article's last decision, with the digest of the index it was made with, or None.

        One decision an article, kept beside its facts (the runner says when it still holds)."""
        if self.spool or not key:
            return None
        try:
            with open(self.folder / key[:2] / (key + DECISION), "rb") as f:
                made_with, found = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return (made_with, found) if isinstance(made_with, str) else None

    def put_decision(self, key: str, index: str, value: object) -> None:
        if not self.spool and key and index and self._write(self.folder / key[:2] / (key + DECISION), (index, value)):
            self.written += 1

    def _write(self, path: Path, *values: object) -> bool:
        """Pickle ``values`` to ``path`` atomically (a temporary file renamed into place)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    for value in values:
                        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            if self.spool:
                raise
            return False
        return True

    def close(self) -> None:
        """Remove the spool; trim the cache to its bound."""
        if self.spool:
            shutil.rmtree(self.folder, ignore_errors=True)
        elif self.written:
            trim(self.folder, bound())


def index_digest(keys: Iterable[str]) -> str:
    """The digest of a run's index: of its articles' keys, in the run's order (each part is a pure
    function of its key, and the index of its parts)."""
    h = hashlib.sha256()
    for key in keys:
        h.update(key.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def _remove_idle_versions(root: Path, version: str, now: float | None = None) -> list[Path]:
    """Remove the folders of other versions that have not started a run for :data:`IDLE_SECONDS`."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        others = [p for p in root.iterdir() if p.is_dir() and p.name != version]
    except OSError:
        return removed
    for other in others:
        try:
            last = (other / MARK).stat().st_mtime
        except OSError:
            try:  # a folder of a version older than the mark: its own time
                last = other.stat().st_mtime
            except OSError:
                continue  # removed meanwhile
        if now - last >= IDLE_SECONDS:
            shutil.rmtree(other, ignore_errors=True)
            removed.append(other)
    return removed


def trim(folder: Path, limit: int) -> int:
    """Remove the least recently used entries until the folder holds at most 80% of ``limit``
    (nothing when it holds less than ``limit``); stray temporary files go too.  Returns the files removed."""
    entries: list[tuple[float, int, str]] = []
    total = 0
    for sub in _scan(folder):
        if not sub.is_dir():
            continue
        for e in _scan(sub.path):
            try:
                st = e.stat()
            except OSError:
                continue  # removed by another run meanwhile
            entries.append((st.st_mtime, st.st_size, e.path))
            total += st.st_size
    if total <= limit:
        return 0
    removed = 0
    entries.sort()
    for _, size, path in entries:
        if total <= limit * 0.8:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def _scan(folder: str | Path) -> list[os.DirEntry[str]]:
    """A folder's entries; none when another run has removed it meanwhile."""
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return []
