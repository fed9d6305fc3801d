"""Where the benchmarks' data is, and what to fetch when it is not there.

The benchmarks measure on data that is not part of copydesk (news text under copyright, a
harness kept beside the checkout): by default ``../shared`` next to this checkout, or the
folders given on the command line or in ``COPYDESK_EVAL`` and ``COPYDESK_CORPUS``.  When a
folder is missing, :func:`require` says what to put there and where it comes from, and the
benchmark stops with exit status 2 (never a traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

EVAL_HELP = """\
{path}: no detection-quality harness here (build.py, score.py and data/).
  Put it there, or name its folder with --eval DIR or COPYDESK_EVAL=DIR. It holds:
  - build.py and score.py: the project's harness (kept beside the checkout in ../shared/eval,
    not published with copydesk: ask the maintainers for a copy);
  - data/news-abc/: the 300 ABC news reports of the Lee corpus, as gensim ships them in its test
    data (https://github.com/piskvorky/gensim, gensim/test/test_data/lee_background.cor, one
    report a line, written one report a file as 001.txt …);
  - data/misspellings/holbrook.tsv and aspell.tsv: real misspellings (wrong<TAB>right) from Roger
    Mitton's Birkbeck spelling error corpus (https://www.dcs.bbk.ac.uk/~ROGER/corpora.html) and
    the GNU Aspell test set;
  - data/american-english-large.txt: Debian's wamerican-large word list (apt-get install
    wamerican-large; /usr/share/dict/american-english-large)."""

CORPUS_HELP = """\
{path}: no posts here. Fetch the 18F blog's posts (public domain, CC0):
  git clone --depth 1 https://github.com/18F/18f.gsa.gov && cp 18f.gsa.gov/_posts/*.md {path}/
  or name another folder of Markdown posts with --corpus DIR or COPYDESK_CORPUS=DIR."""


def eval_dir(given: Path | None = None) -> Path:
    return given or Path(os.environ.get("COPYDESK_EVAL") or SHARED / "eval")


def corpus_dir(given: Path | None = None) -> Path:
    return given or Path(os.environ.get("COPYDESK_CORPUS") or SHARED / "corpus" / "18f-posts")


def has_eval(path: Path) -> bool:
    return all((path / name).is_file() for name in ("build.py", "score.py")) and (path / "data").is_dir()


def has_corpus(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.md"))


def require(path: Path, kind: str) -> Path:
    """``path`` when it holds the data of ``kind`` ("eval" or "corpus"); else say what to fetch, exit 2."""
    ok, text = (has_eval, EVAL_HELP) if kind == "eval" else (has_corpus, CORPUS_HELP)
    if ok(path):
        return path
    print(text.format(path=path), file=sys.stderr)
    raise SystemExit(2)
