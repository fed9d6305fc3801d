"""Link texts and their targets: a word the link's address also spells is a name, not a typo.

``[thoughtbot](https://thoughtbot.com)``, ``[pylint](http://www.pylint.org/)``,
``<a href="https://github.com/18F/pshtt">pshtt</a>``, ``[git-seekret][1]`` with
``[1]: https://github.com/cloudflare/git-seekret``: the writer named the thing the
link points at.  Offsets are the file's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

INLINE = re.compile(r"\[([^\[\]\n]{1,300})\]\(\s*<?([^()\s>]{1,2000})")
REFERENCE = re.compile(r"\[([^\[\]\n]{1,300})\](?:\[([^\[\]\n]{0,100})\])?")
DEFINITION = re.compile(r"^ {0,3}\[([^\[\]\n]{1,100})\]:\s*<?(\S{1,2000})", re.MULTILINE)
ANCHOR = re.compile(r"<a\s[^<>]{0,2000}?href\s*=\s*[\"']([^\"'<>]{1,2000})[\"'][^<>]{0,2000}>([^<]{1,300})</a>", re.I)
NOT_LETTERS = re.compile(r"[^a-z0-9]+")


@dataclass
class Links:
    starts: list[int] = field(default_factory=list)  # of link texts, sorted
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, the target's letters)

    def names(self, start: int, end: int, word: str) -> bool:
        """True when file characters ``start:end`` lie in a link text whose target spells ``word``."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return False
        a, b, target = self.spans[i]
        return a <= start and end <= b and NOT_LETTERS.sub("", word.lower()) in target


def links(source: str) -> Links:
    """Every link of ``source`` (Markdown inline, reference and HTML anchors) with its target."""
    if "[" not in source and "href" not in source:
        return Links()
    found: list[tuple[int, int, str]] = []
    for m in INLINE.finditer(source):
        found.append((m.start(1), m.end(1), _letters(m.group(2))))
    definitions = {m.group(1).lower(): _letters(m.group(2)) for m in DEFINITION.finditer(source)}
    if definitions:
        for m in REFERENCE.finditer(source):
            ref = (m.group(2) or m.group(1)).lower()
            if ref in definitions:
                found.append((m.start(1), m.end(1), definitions[ref]))
    for m in ANCHOR.finditer(source):
        found.append((m.start(2), m.end(2), _letters(m.group(1))))
    found.sort()
    return Links([a for a, _, _ in found], found)


# the places whose addresses name a person, a project or a package: the user or organisation and the
# project of a code host ("github.com/nikic", "gitlab.com/gnome/librsvg"), a package's registry page
CODE_HOSTS = re.compile(
    r"(?:https?://|\b)(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|git\.sr\.ht/~)"
    r"/?([\w.-]{1,100})(?:/([\w.-]{1,100}))?"
    r"|(?:https?://|\b)(?:www\.)?(?:crates\.io/crates|docs\.rs|npmjs\.com/package|pypi\.org/project"
    r"|rubygems\.org/gems|pkg\.go\.dev|hackerone\.com|twitter\.com|x\.com|keybase\.io)/(@?[\w.-]{1,100})",
    re.I,
)
# what one of those addresses holds, looked for first (the expression is slow on a long article)
HOST_MARKS = (
    "github.com",
    "gitlab.com",
    "codeberg.org",
    "bitbucket.org",
    "git.sr.ht",
    "crates.io",
    "docs.rs",
    "npmjs.com",
    "pypi.org",
    "rubygems.org",
    "pkg.go.dev",
    "hackerone.com",
    "twitter.com",
    "x.com",
    "keybase.io",
)
# "@nikic" in prose or a link text: a handle (not an e-mail address, not a decorator after a dot)
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9][\w-]{1,38})\b(?![.@]\w)")
NAME_PIECES = re.compile(r"[-_.]+")
NOT_NAMES = frozenset({"orgs", "users", "blob", "tree", "issues", "pull", "pulls", "wiki", "releases", "sponsors"})


def code_names(source: str) -> frozenset[str]:
    """The names the article's addresses and mentions give to people, projects and packages, in lower case
    ("nikic" for ``https://github.com/nikic``, "librsvg" and "gnome" for ``gitlab.com/gnome/librsvg``,
    "cjgillot" for ``@cjgillot``), with the pieces of a name written with hyphens ("rust", "lang")."""
    lowered = source.lower() if "." in source else ""
    hosts = any(host in lowered for host in HOST_MARKS)
    if not hosts and "@" not in source:
        return frozenset()  # the common case: no address of a code host, a registry or a profile, no handle
    found: set[str] = set()
    if hosts:
        for m in CODE_HOSTS.finditer(source):
            found.update(g.lstrip("@").lower() for g in m.groups() if g)
    if "@" in source:
        found.update(m.group(1).lower() for m in MENTION.finditer(source))
    out = set()
    for name in found - NOT_NAMES:
        name = name.removesuffix(".git").strip(".-_")
        out.add(name)
        out.update(piece for piece in NAME_PIECES.split(name) if len(piece) >= 3)
    return frozenset(n for n in out if n)


def _letters(url: str) -> str:
    return NOT_LETTERS.sub("", url.lower())
