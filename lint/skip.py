"""Files met in a folder walk or a glob that are not articles, and why: :func:`reason`.

A site's repository holds much besides its articles: READMEs and licences, word
lists and rule files, data files (``_data/*.json``), templates and layouts, Hugo's
section pages (``_index.md``) and archetypes, static files, and copydesk's own
baselines and reports.  None of them is checked when met inside a folder (or a
glob); each is named with its reason under ``--verbose``.  A file named on the
command line is always checked.

The tests are the file's name, the folders it sits in below the folder walked,
and for files copydesk would read as JSON, plain text or Markdown, a look at the
content: JSON that is not one object with a title or a body, a list of one word
or phrase a line, a report or baseline that copydesk wrote.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lint import files
from lint.readers import meta

# folders that hold no article, when met below the folder walked (a folder named on purpose is walked)
FOLDERS: dict[str, str] = {
    **dict.fromkeys(("_layouts", "layouts", "_includes", "includes", "partials", "_partials"), "templates"),
    **dict.fromkeys(("templates", "_templates", "_sass", "themes"), "templates"),
    "archetypes": "Hugo archetypes (templates for new posts)",
    **dict.fromkeys(("_data", "data"), "site data"),
    **dict.fromkeys(("static", "public", "resources", "assets", "dist", "build", "_site", ".docusaurus"), "site files"),
    "i18n": "translations of the site's templates",
}
# names of a repository's own documents, in any case: README.md, license.txt, CHANGELOG
REPOSITORY_DOCS = re.compile(
    r"(readme|changelog|licen[cs]e|copying|copyright|contributing|code_of_conduct|codeowners)([._-].*)?", re.IGNORECASE
)
# … and those written in capitals only (a lower-case history.md may be an article)
CAPITAL_DOCS = re.compile(
    r"(HISTORY|CHANGES|AUTHORS|CONTRIBUTORS|MAINTAINERS|NOTICE|SECURITY|SUPPORT|GOVERNANCE)(\.\w+)?"
)
# files of the web or of tools, by name
TOOL_FILES = re.compile(
    r"(robots|humans|security|ads|app-ads|llms|runtime|cmakelists)\.txt|(requirements|constraints)([._-].*)?\.txt"
    r"|package(-lock)?\.json|tsconfig(\..*)?\.json|jsconfig\.json|composer\.json|manifest\.json|renovate\.json"
    r"|\.?eslintrc\.json|\.?prettierrc\.json|vercel\.json|netlify\.json|firebase\.json|.*\.schema\.json",
    re.IGNORECASE,
)
# a line of a copydesk text or GitHub report, and its summary line
REPORT_LINE = re.compile(r"^(\S.*:\d+:\d+: (error|warning|info) [a-z]+\.[a-z-]+ |::(error|warning|notice) file=)")
SUMMARY_LINE = re.compile(r"^\d+ files? checked: (no problems found|\d+ errors?, )")
BODY_KEYS = ("body", "content", "text", "articleBody", "title", "headline")
FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
TEMPLATE_OR_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}|<[^>]*>|&\w+;", re.DOTALL)
SAMPLE = 200_000  # characters of a file looked at
# a stub page that sends readers elsewhere: "redirect: /blog/cgo" (go.dev), "redirect_to:" (Jekyll's plugin)
REDIRECT = re.compile(
    r"^[ \t]*(?:redirect|redirect_to|redirect_url|redirect-to|redirectto)[ \t]*[:=]", re.MULTILINE | re.IGNORECASE
)
# a page the site's template fills: 'template = "latest.html"' (Zola), "layout: search" (Jekyll, Hugo)
TEMPLATE_KEY = re.compile(r"^[ \t]*[\"']?(?:template|layout)[\"']?[ \t]*[:=][ \t]*\S", re.MULTILINE)
# a key whose value is prose (a headline, a summary, an FAQ): a page with one is checked
PROSE_KEY = re.compile(
    rf"^[ \t]*[\"']?(?:{'|'.join((*meta.TITLE_KEYS, *meta.SUMMARY_KEYS, *meta.PROSE_KEYS, *meta.FAQ_KEYS))})[\"']?"
    r"[ \t]*[:=]",
    re.MULTILINE | re.IGNORECASE,
)


def reason(path: Path, below: tuple[str, ...]) -> str:
    """Why ``path`` is not an article, or "" when it may be one.

    ``below``: the names of the folders between the folder walked and the file.
    """
    for folder in below:
        if folder.lower() in FOLDERS:
            return f"in {folder}/: {FOLDERS[folder.lower()]}, not articles"
    name = path.name
    if REPOSITORY_DOCS.fullmatch(name) or CAPITAL_DOCS.fullmatch(name):
        return "a document of the repository (README, CHANGELOG, LICENSE …), not an article"
    if TOOL_FILES.fullmatch(name):
        return "a file for a tool or the web (a manifest, a schema, robots.txt …), not an article"
    if name == "_index.md" or (name.startswith("_index.") and path.suffix.lower() in (".md", ".markdown")):
        return "a Hugo section page (_index.md): a listing of articles, not one"
    return content_reason(path)


def reason_dir(name: str) -> str:
    """Why a folder below the folder walked holds no article ("" when it may hold some)."""
    kind = FOLDERS.get(name.lower())
    return f"{kind}, not articles" if kind else ""


def content_reason(path: Path) -> str:
    """What the file's content says it is, when that is not an article ("" when it may be one)."""
    try:
        data = files.read_bytes(path)[:SAMPLE]
    except OSError:
        return ""  # the reader says why it cannot be read
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    if not text.strip():
        return ""
    kind = path.suffix.lower()
    if kind == ".json":
        return _json_reason(text)
    every = text.splitlines()
    lines = [line for line in every if line.strip()]
    if REPORT_LINE.match(lines[0]) or SUMMARY_LINE.match(lines[-1]):
        return "a report copydesk wrote (--output), not an article"
    if kind in (".txt", ".text") and _word_list(lines, len(every) - len(lines)):
        return "a word list or rule file (one word or phrase a line), not an article"
    if kind not in (".txt", ".text"):
        front = FRONT_MATTER.match(text)
        if front is not None:
            body = text[front.end() :]
            head = front.group()
            wordless = not re.search(r"[^\W\d_]{2,}", TEMPLATE_OR_TAG.sub(" ", body))
            if wordless and REDIRECT.search(head):
                return "a redirect page (its front matter sends readers to another address), not an article"
            if TEMPLATE_OR_TAG.search(body) and wordless:
                return "a layout or listing page: its text is template code and markup only"
            if wordless and TEMPLATE_KEY.search(head) and not PROSE_KEY.search(head):
                return "a page its template fills (its front matter names one; no title, no text), not an article"
    return ""


def _json_reason(text: str) -> str:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return ""  # broken or too deep JSON may be a broken article: the reader says where
    if isinstance(value, dict):
        if value.get("copydesk") == "baseline":
            return "a copydesk baseline (--write-baseline), not an article"
        if "diagnostics" in value and "summary" in value:
            return "a report copydesk wrote (--format json), not an article"
        if "runs" in value and "sarif" in str(value.get("$schema", "")) + str(value.get("version", "")):
            return "a SARIF report, not an article"
        if not any(isinstance(value.get(k), str) for k in BODY_KEYS):
            return "JSON data, not an article (no title or body text)"
        return ""
    if isinstance(value, list) and value and all(isinstance(v, dict) and "check_name" in v for v in value):
        return "a report copydesk wrote (--format gitlab), not an article"
    return f"JSON data ({'a list' if isinstance(value, list) else 'a single value'}), not an article"


def _word_list(lines: list[str], blank: int) -> bool:
    """A list, line after line, as in accept.txt or a rule file: one word or short phrase a line (nearly
    all), ``word<TAB>note`` records, or ``#`` comments above lines of words that are not sentences.

    A plain-text article, however short, has a blank line between its title, date and paragraphs.
    """
    entries = [line for line in lines if not line.lstrip().startswith("#")]
    if len(entries) < 3 or blank > max(1, len(entries) // 10):
        return False
    short = sum(1 for line in entries if len(line.split()) <= 5 and len(line) <= 60)
    tabbed = sum(1 for line in entries if "\t" in line.strip())  # word<TAB>evidence: a table of data
    commented = len(entries) < len(lines)
    unpunctuated = not any(line.rstrip().endswith((".", "!", "?", '"', "”", ":")) for line in entries)
    return short >= 0.9 * len(entries) or tabbed >= 0.9 * len(entries) or (commented and unpunctuated)
