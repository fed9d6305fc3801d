"""Word knowledge shared by the checks: dictionaries and word frequencies.

Both come from packages that ship their data (pyspellchecker's frequency
dictionaries, wordfreq's frequency lists); nothing is downloaded at run time.

Reading those packages' data costs about half a second per language, too much
for a linter that pre-commit starts for every commit.  So the first run builds
one small SQLite file per language and package versions in the user's cache
folder (``$COPYDESK_CACHE_DIR``, else ``$XDG_CACHE_HOME/copydesk``, else
``~/.cache/copydesk``) and every later run opens it in a millisecond.  When no
cache folder is writable the table is built in memory for the run.

The file holds every word either package knows (its Zipf frequency and its
count in pyspellchecker's dictionary) and, for the frequent ones, a table of
single-letter deletions, so that the dictionary words within two
edits of a misspelling are found with one indexed query (the symmetric-delete
method) instead of by generating every two-edit string.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from lint.languages import SPELLCHECKER_LANGUAGES, language_code, language_tag

__all__ = ["SPELLCHECKER_LANGUAGES", "language_code", "language_tag"]

# bump when the layout or the choice of words in the cache file changes
FORMAT = 7
# a dictionary word is a neighbour worth finding when it is at least this frequent
NEAR_MIN_ZIPF = 1.5
# so is a word only wordfreq knows ("dropdown", a British spelling, also common misspellings)
NEAR_MIN_ZIPF_UNLISTED = 2.0
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "other": "abcdefghijklmnopqrstuvwxyzáàâäãåçéèêëíìîïñóòôöõúùûüýÿßœæøąęłńśźżčďěňřšťůž",
}
MMAP_SIZE = 1 << 30  # more than any cache file
CHUNK = 30_000  # SQLite's limit on the parameters of one query is 32,766
WORD_SHAPE = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)*$")


def base_language(lang: str | None) -> str:
    """'en-GB' -> 'en', 'English' -> 'en'; a language with no dictionary here -> 'en'."""
    code = language_code(lang)
    return code if code in SPELLCHECKER_LANGUAGES else "en"


def normal(word: str) -> str:
    """The form words are stored under: lower case, typographic apostrophes made straight, accents composed
    ("Ko\u0308nig", decomposed as macOS may save it, is "könig")."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    return word.lower().replace("’", "'").replace("ʼ", "'")  # as straight() does, inline: called for every word


def straight(word: str) -> str:
    """``word`` with typographic apostrophes made straight: ’ (U+2019) and ʼ (U+02BC, a letter to Unicode)."""
    return word.replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True)
class Entry:
    zipf: float  # wordfreq's Zipf frequency (0: never seen)
    count: int  # occurrences in pyspellchecker's dictionary (0: not in it)


UNKNOWN = Entry(0.0, 0)


class Lexicon:
    """The words of one language: frequency, dictionary membership and near neighbours."""

    def __init__(self, lang: str, db: sqlite3.Connection) -> None:
        self.lang = lang
        self.db = db
        self._entries: dict[str, Entry] = {}  # by normal form
        self._asked: dict[str, Entry] = {}  # by the word as asked: no normal form to make the next time
        self._near: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._misspellings: dict[str, tuple[str, ...]] = {}
        self._accented: dict[str, tuple[str, ...]] = {}
        self._foreign: dict[str, str] = {}

    def entry(self, word: str) -> Entry:
        found = self._asked.get(word)
        if found is None:
            key = normal(word)
            found = self._entries.get(key)
            if found is None:
                row = self.db.execute("SELECT zipf, count FROM words WHERE word = ?", (key,)).fetchone()
                found = Entry(row[0] / 100, row[1]) if row else UNKNOWN
                self._entries[key] = found
            self._asked[word] = found
        return found

    def misspelling(self, word: str) -> tuple[str, ...]:
        """The corrections of ``word`` (lower case) when it is a common misspelling (codespell's list), else ()."""
        found = self._misspellings.get(word)
        if found is None:
            try:
                row = self.db.execute("SELECT fixes FROM misspellings WHERE word = ?", (word,)).fetchone()
            except sqlite3.OperationalError:  # a language with no list
                row = None
            found = tuple(row[0].split("|")) if row else ()
            self._misspellings[word] = found
        return found

    def accented(self, word: str) -> tuple[str, ...]:
        """The dictionary's words that are ``word`` (lower case, no accents) with accents: "risqué" for "risque"."""
        found = self._accented.get(word)
        if found is None:
            rows = self.db.execute("SELECT word FROM folded WHERE plain = ?", (word,)).fetchall()
            found = self._accented[word] = tuple(r[0] for r in rows)
        return found

    def foreign(self, word: str) -> str:
        """The first of the other languages (lint.spelling.foreign.OTHERS) ``word`` (lower case) is common
        in, or "" (English's word cache only)."""
        found = self._foreign.get(word)
        if found is None:
            try:
                row = self.db.execute("SELECT langs FROM foreign_words WHERE word = ?", (word,)).fetchone()
            except sqlite3.OperationalError:  # another language's cache: no such table
                row = None
            found = self._foreign[word] = row[0].split(",")[0] if row else ""
        return found

    def known(self, word: str) -> bool:
        """True when the dictionary holds ``word`` (case-insensitive)."""
        return self.entry(word).count > 0

    def zipf(self, word: str) -> float:
        return self.entry(word).zipf

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up every word of ``words`` not yet cached with one query (the answers are cached)."""
        missing = sorted({key for key in map(normal, words) if key not in self._entries})
        for i in range(0, len(missing), CHUNK):
            chunk = missing[i : i + CHUNK]
            sql = f"SELECT word, zipf, count FROM words WHERE word IN ({','.join('?' * len(chunk))})"
            for word, z, n in self.db.execute(sql, chunk).fetchall():
                self._entries[word] = Entry(z / 100, n)
            for word in chunk:
                self._entries.setdefault(word, UNKNOWN)

    def near(self, word: str, max_distance: int = 2) -> list[tuple[str, int]]:
        """Frequent words within ``max_distance`` edits of ``word`` (Damerau-Levenshtein), nearest first.

        Found by symmetric deletion: a word is returned when deleting at most two
        letters of ``word`` and at most one of it gives the same string.  That covers
        every single edit (insertion, deletion, substitution, transposition) and most
        double ones (two extra letters, a doubled letter and a swap, a letter moved).
        """
        key = normal(word)
        cached = self._near.get((key, max_distance))
        if cached is not None:
            return cached
        self.near_many([key], max_distance)
        return self._near[(key, max_distance)]

    def near_many(self, words: Iterable[str], max_distance: int = 2) -> None:
        """:meth:`near` of every word of ``words`` at once: one query for all (the answers are cached)."""
        from jellyfish import damerau_levenshtein_distance

        todo = sorted({key for key in map(normal, words) if (key, max_distance) not in self._near})
        if not todo:
            return
        depth = 2 if max_distance > 1 else 1
        deletions = {key: _deletions(key, depth) for key in todo}
        filed = self._filed(set().union(*deletions.values()))
        found: dict[str, list[tuple[str, int]]] = {}
        for key in todo:
            candidates = {w for k in deletions[key] for w in filed.get(k, ())}
            candidates.discard(key)
            out = []
            for candidate in candidates:
                d = int(damerau_levenshtein_distance(key, candidate))
                if d <= max_distance:
                    out.append((candidate, d))
            found[key] = out
        self.prefetch(c for out in found.values() for c, _ in out)
        for key, out in found.items():
            out.sort(key=lambda pair: (pair[1], -self.zipf(pair[0]), pair[0]))
            self._near[(key, max_distance)] = out

    def _filed(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The words filed under each of ``keys`` in the deletion table."""
        ordered = sorted(keys)
        filed: dict[str, list[str]] = {}
        for i in range(0, len(ordered), CHUNK):
            chunk = ordered[i : i + CHUNK]
            sql = f"SELECT key, word FROM near WHERE key IN ({','.join('?' * len(chunk))})"
            for key, word in self.db.execute(sql, chunk).fetchall():
                filed.setdefault(key, []).append(word)
        return filed

    def _lookup(self, keys: list[str]) -> set[str]:
        """The words filed under ``keys`` in the deletion table."""
        found: set[str] = set()
        for i in range(0, len(keys), CHUNK):
            chunk = keys[i : i + CHUNK]
            sql = f"SELECT DISTINCT word FROM near WHERE key IN ({','.join('?' * len(chunk))})"
            found.update(word for (word,) in self.db.execute(sql, chunk).fetchall())
        return found

    def near_two(self, word: str) -> list[tuple[str, int]]:
        """Frequent words exactly two edits from ``word``, of every kind (slower: for words :meth:`near` finds
        nothing close to, such as "govermant", a letter wrong and one missing)."""
        from jellyfish import damerau_levenshtein_distance

        key = normal(word)
        alphabet = ALPHABETS["en" if self.lang == "en" else "other"]
        keys = {key[:i] + c + key[i + j :] for i in range(len(key) + 1) for c in alphabet for j in (0, 1)}
        keys.update([e[:i] + e[i + 1 :] for e in keys if len(e) > 1 for i in range(len(e))])  # and one deletion
        out = [(c, 2) for c in self._lookup(sorted(keys)) if int(damerau_levenshtein_distance(key, c)) == 2]
        self.prefetch(c for c, _ in out)
        out.sort(key=lambda pair: (-self.zipf(pair[0]), pair[0]))
        return out


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier if len(w) > 1 for i in range(len(w))}
        out |= frontier
    return out


def lexicon(lang: str | None = "en") -> Lexicon:
    """The lexicon of ``lang`` ('en-GB' -> 'en'), opened once per process."""
    return _lexicon(base_language(lang))


@cache
def _lexicon(base: str) -> Lexicon:
    return Lexicon(base, _open(base))


def _versions(lang: str = "en") -> str:
    """What the cache is built from: its format and the data files of both packages.

    The files' sizes and times stand for the packages' versions (importlib.metadata
    would cost tens of milliseconds at every start).
    """
    import importlib.util

    parts = [str(FORMAT)]
    sources = (
        ("spellchecker", f"resources/{lang}.json.gz"),
        ("wordfreq", f"data/large_{lang}.msgpack.gz"),
        ("codespell_lib", "data/dictionary.txt"),
    )
    for package, data in sources:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            parts.append("?")
            continue
        try:
            info = (Path(spec.origin).parent / data).stat()
            parts.append(f"{package}:{info.st_size}:{int(info.st_mtime)}")
        except OSError:
            parts.append(f"{package}:{spec.origin}")
    return "-".join(parts)


def cache_dir() -> Path:
    explicit = os.environ.get("COPYDESK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "copydesk"


def _open(lang: str) -> sqlite3.Connection:
    tag = hashlib.sha1(_versions(lang).encode()).hexdigest()[:10]
    path = cache_dir() / f"lexicon-{lang}-{tag}.sqlite3"
    if path.is_file():
        try:
            db = _read_only(path)
            db.execute("SELECT 1 FROM words LIMIT 1")
            return db
        except sqlite3.Error:
            pass  # a damaged cache file: build it again
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when the word cache is built

        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        _build(db, lang)
        return db
    try:
        db = sqlite3.connect(tmp)
        _build(db, lang)
        db.close()
        os.replace(tmp, path)  # atomic: a parallel run sees the old state or the whole file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return _read_only(path)


def _read_only(path: Path) -> sqlite3.Connection:
    """The cache file, opened for reading; mapped into memory (lookups read no file, copy no page)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    db.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
    return db


def _sources(lang: str) -> tuple[dict[str, int], dict[str, float]]:
    """pyspellchecker's counts and wordfreq's Zipf frequencies for ``lang``."""
    from wordfreq import available_languages, get_frequency_dict

    counts: dict[str, int] = {}
    for word, n in dictionary(lang).word_frequency.dictionary.items():
        key = normal(word)
        if WORD_SHAPE.match(key):
            counts[key] = counts.get(key, 0) + int(n)
    zipfs: dict[str, float] = {}
    if lang in available_languages("best"):
        for word, freq in get_frequency_dict(lang, "best").items():
            key = normal(word)
            if freq > 0 and WORD_SHAPE.match(key):
                zipfs[key] = max(zipfs.get(key, 0.0), math.log10(freq) + 9)
    return counts, zipfs


def _build(db: sqlite3.Connection, lang: str) -> None:
    from wordfreq import get_frequency_dict

    counts, zipfs = _sources(lang)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf INTEGER, count INTEGER) WITHOUT ROWID")
    db.execute("CREATE TABLE near (key TEXT, word TEXT, PRIMARY KEY (key, word)) WITHOUT ROWID")
    words = set(counts) | set(zipfs)
    db.executemany(
        "INSERT INTO words VALUES (?, ?, ?)",
        ((w, round(zipfs.get(w, 0.0) * 100), counts.get(w, 0)) for w in sorted(words)),
    )
    suggestible = [
        w
        for w in words
        if "'" not in w
        and len(w) >= 2
        and ((counts.get(w, 0) and zipfs.get(w, 0.0) >= NEAR_MIN_ZIPF) or zipfs.get(w, 0.0) >= NEAR_MIN_ZIPF_UNLISTED)
    ]
    db.executemany("INSERT OR IGNORE INTO near VALUES (?, ?)", sorted(_near_rows(suggestible)))
    # the dictionary's accented words by their letters without accents: "risque" -> "risqué"
    db.execute("CREATE TABLE folded (plain TEXT, word TEXT, PRIMARY KEY (plain, word)) WITHOUT ROWID")
    db.executemany(
        "INSERT OR IGNORE INTO folded VALUES (?, ?)",
        sorted((folded(w), w) for w in words if counts.get(w, 0) and not w.isascii() and folded(w) != w),
    )
    if lang == "en":
        # the words common in the other languages English pages quote most ("tarde", "profesional"): a
        # fix to an English word is never safe for them (lint.spelling.safety)
        from lint.spelling.foreign import COMMON, OTHERS

        db.execute("CREATE TABLE foreign_words (word TEXT PRIMARY KEY, langs TEXT) WITHOUT ROWID")
        found: dict[str, list[str]] = {}
        for other in OTHERS:
            if other == lang:
                continue
            for word, freq in get_frequency_dict(other, "small").items():
                if freq > 0 and math.log10(freq) + 9 >= COMMON and WORD_SHAPE.match(key := normal(word)):
                    found.setdefault(key, []).append(other)
        db.executemany("INSERT INTO foreign_words VALUES (?, ?)", sorted((w, ",".join(ls)) for w, ls in found.items()))
        from lint.spelling.misspellings import read_table

        db.execute("CREATE TABLE misspellings (word TEXT PRIMARY KEY, fixes TEXT) WITHOUT ROWID")
        rows = sorted((w, "|".join(f)) for w, f in read_table().items())
        db.executemany("INSERT INTO misspellings VALUES (?, ?)", rows)
    db.commit()


def folded(word: str) -> str:
    """``word`` without its accents: "façade" -> "facade" (English borrows both spellings)."""

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _near_rows(words: Iterable[str]) -> Iterator[tuple[str, str]]:
    for w in words:
        yield w, w
        if len(w) >= 3:
            for i in range(len(w)):
                yield w[:i] + w[i + 1 :], w


@cache
def dictionary(lang: str = "en") -> Any:
    """pyspellchecker's SpellChecker for ``lang`` (slow to load: prefer :func:`lexicon`)."""
    from spellchecker import SpellChecker

    return SpellChecker(language=base_language(lang), distance=2)


def known(word: str, lang: str = "en") -> bool:
    """True when the dictionary of ``lang`` holds ``word`` (case-insensitive)."""
    return lexicon(lang).known(word)


def count(word: str, lang: str = "en") -> int:
    """How often the dictionary's source corpus has ``word`` (0 when unknown)."""
    return lexicon(lang).entry(word).count


@lru_cache(maxsize=100_000)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of ``word`` (0 = never seen, 3 = once per million words)."""
    if WORD_SHAPE.match(normal(word)):
        return lexicon(lang).zipf(word)
    return _wordfreq_zipf(word, base_language(lang))


@lru_cache(maxsize=20_000)
def _wordfreq_zipf(text: str, lang: str) -> float:
    """wordfreq itself, for strings that are not single words ("New York", "COVID-19")."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(text, lang))
