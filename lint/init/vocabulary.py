"""The archive's own vocabulary: words the dictionary lacks that the posts use on purpose.

The spelling check runs on every post (with the evidence of the whole archive, as a
run on the site would); a word it still calls unknown in several posts is the
archive's own word (a coinage, a product, a code word written as prose) unless it
looks like a slip: a word with a safe fix, or one that is one edit from the word the
spelling check suggests and written in few lines (a line copied from post to post, as
release notes copy a commit's subject, counts once: "protoype" in seven of them is one slip).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import jellyfish

from lint.article import Article
from lint.diagnostics import Diagnostic
from lint.spelling.misspellings import misspelling
from lint.text import LineIndex

MIN_POSTS = 2  # a word of one post is that post's business (copydesk: {accept: [...]})
SLIP_POSTS = 3  # a word one edit from its suggestion is taken as meant only in this many different lines or more


ADDRESSES_AND_HASHES = re.compile(r"\]\([^)\s]*\)|https?://\S+|\b[0-9a-f]{7,40}\b|#\d+")


def _gist(line: str) -> str:
    """A line's words, without its links' addresses, commit hashes and issue numbers: a commit's subject
    backported from release to release, under a new hash each time, is one line."""
    return " ".join(re.findall(r"[^\W\d_]+", ADDRESSES_AND_HASHES.sub(" ", line))).lower()


@dataclass
class Word:
    word: str
    posts: int
    uses: int


def propose(articles: Sequence[Article], diagnostics: Sequence[Diagnostic]) -> tuple[list[Word], int]:
    """(the words to accept, most used first; how many unknown words were left out as slips or one-offs)."""
    sources = {a.path: a.source for a in articles}
    indexes: dict[str, LineIndex] = {}
    posts: dict[str, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    fixable: set[str] = set()  # a safe fix: the spelling check is sure it is a slip
    near: set[str] = set()  # one edit from the word the spelling check suggests
    # the lines each word is written in: a release note's line copied into the next release's is one use
    lines: dict[str, set[str]] = defaultdict(set)
    for d in diagnostics:
        if d.rule != "spelling.unknown" or d.path not in sources:
            continue
        index = indexes.setdefault(d.path, LineIndex(sources[d.path]))
        written = sources[d.path][index.offset(d.line, d.column) : index.offset(d.end_line, d.end_column)]
        if not written.strip() or len(written.split()) != 1:
            continue
        key = written.lower()
        posts[key].add(d.path)
        start = index.offset(d.line, 1)
        end = sources[d.path].find("\n", start)
        lines[key].add(_gist(sources[d.path][start : end if end >= 0 else None]))
        uses[key] += 1
        forms[key][written] += 1
        if d.safe_fix is not None:
            fixable.add(key)
        elif d.suggestions and jellyfish.damerau_levenshtein_distance(key, d.suggestions[0].lower()) <= 1:
            near.add(key)
    words = []
    for key, where in posts.items():
        if len(where) < MIN_POSTS or key in fixable or (key in near and len(lines[key]) < SLIP_POSTS):
            continue
        if misspelling(key, "en"):  # codespell's list: a slip writers repeat ("protoype", "existance")
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)", re.IGNORECASE)
        seen = sum(len(pattern.findall(sources[path])) for path in where)  # a check reports a word once
        words.append(Word(forms[key].most_common(1)[0][0], len(where), max(seen, uses[key])))
    words.sort(key=lambda w: (-w.posts, -w.uses, w.word.lower()))
    return words, len(posts) - len(words)
