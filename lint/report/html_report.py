"""``--format html``: one self-contained page an editor works from.

At the top the totals, filters (by check, a rule id or its prefix such as ``spelling``; by
severity; by file) with a count of the findings shown, and a summary by check and by file.
Then each article as readable text (:mod:`lint.report.readable`: markup and template code
hidden, front matter as its fields, the file's line numbers kept) with each finding
highlighted (``<mark class="<severity>" data-rule="<rule>">``) and its message and
suggestions below its line (:mod:`lint.report.html_text`).

The page is one file with no outside resource.  Its one script (the filters) and its style
are allowed by their hashes in a Content-Security-Policy (:mod:`lint.report.html_page`), so
nothing an article holds can run, and everything from an article is escaped as well.  The
filters' state is the address's fragment: ``report.html#check=spelling&severity=error``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from typing import IO

from lint.article import Article
from lint.diagnostics import Diagnostic, Severity
from lint.report import html_page, html_text, json_report, readable
from lint.report.html_text import Placed
from lint.run import Result
from lint.text import LineIndex

LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# findings about something that is absent: listed at the top of the article
ABSENT = ("schema.required", "sources.missing")


def esc(value: object) -> str:
    """HTML text of ``value``; a lone surrogate (no UTF-8 can hold one) is shown as its escape, ``\\ud800``."""
    return html.escape(LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value)), quote=True)


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    by_path: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    articles = {a.path: a for a in result.articles}
    paths = sorted(by_path)
    ids = {path: f"file{i}" for i, path in enumerate(paths, 1)}
    out = stream.write
    out(html_page.head())
    out(_summary(result, paths, by_path, ids))
    n = 0
    for path in paths:
        placed = []
        article = articles.get(path)
        index = LineIndex(article.source if article else "")
        for d in by_path[path]:
            n += 1
            start, end = index.offset(d.line, d.column), index.offset(d.end_line, d.end_column)
            placed.append(Placed(n, d, start, max(start, end), path))
        out(_article(path, ids[path], article, placed))
    out("</main>\n")
    out(html_page.tail())


def _reread(article: Article) -> Article:
    """The article as its reader reads it: a run keeps only the path and text of an article with findings."""
    if article.readable or not article.source:
        return article
    from lint.readers import read_text

    return read_text(article.path, article.source, article.format, templates=article.templates)


def _counts(diagnostics: Sequence[Diagnostic]) -> str:
    c = Counter(d.severity for d in diagnostics)
    return "".join(f'<td class="num {s.value}" data-count="{s.value}">{c[s] or ""}</td>' for s in SEVERITIES)


def _summary(result: Result, paths: list[str], by_path: dict[str, list[Diagnostic]], ids: dict[str, str]) -> str:
    s = json_report.summary(result)
    clean = result.files - len(paths)
    parts = [
        '<header>\n<h1>copydesk report</h1>\n<p class="totals" id="totals">',
        f'<span data-total="files">{result.files}</span> {"file" if result.files == 1 else "files"} checked: ',
        ", ".join(
            f'<span class="pill {sev.value if s[key] else "none"}" data-total="{sev.value}">{s[key]}</span> {label}'
            for sev, key, label in (
                (Severity.ERROR, "errors", "errors"),
                (Severity.WARNING, "warnings", "warnings"),
                (Severity.INFO, "info", "info"),
            )
        ),
        f" in {len(paths)} {'file' if len(paths) == 1 else 'files'}",
        f"; {clean} without problems" if clean else "",
        ".</p>\n" if result.diagnostics else ". Nothing to fix.</p>\n",
        _filters(result.diagnostics, paths),
        "</header>\n<main>\n",
    ]
    if not result.diagnostics:
        return "".join(parts)
    by_check: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_check.setdefault(d.rule.split(".")[0], []).append(d)
    head = "<tr><th>{}</th><th>errors</th><th>warnings</th><th>info</th>{}</tr>\n"
    parts.append('<section class="summary">\n<table id="by-check">\n<caption>By check</caption>\n')
    parts.append(head.format("check", "<th>rules</th>"))
    for check, found in sorted(by_check.items()):
        rules = Counter(d.rule for d in found)
        listed = ", ".join(f"<code>{esc(r)}</code>&nbsp;{k}" for r, k in sorted(rules.items()))
        parts.append(f'<tr data-check="{esc(check)}"><th scope="row">{esc(check)}</th>{_counts(found)}')
        parts.append(f'<td class="rules">{listed}</td></tr>\n')
    parts.append('</table>\n<table id="by-file">\n<caption>By file</caption>\n')
    parts.append(head.format("file", ""))
    for path in paths:
        link = f'<a href="#{ids[path]}">{esc(path)}</a>'
        parts.append(f'<tr data-path="{esc(path)}"><th scope="row">{link}</th>{_counts(by_path[path])}</tr>\n')
    parts.append("</table>\n</section>\n")
    return "".join(parts)


def _filters(diagnostics: Sequence[Diagnostic], paths: list[str]) -> str:
    """The filter form: shown, and working, only where the page's script runs."""
    if not diagnostics:
        return ""
    checks = Counter(d.rule.split(".")[0] for d in diagnostics)
    rules = Counter(d.rule for d in diagnostics)
    options = ['<option value="">every check</option>']
    for check in sorted(checks):
        options.append(f'<option value="{esc(check)}">{esc(check)} ({checks[check]})</option>')
        for rule in sorted(r for r in rules if r.split(".")[0] == check and r != check):
            options.append(f'<option value="{esc(rule)}">\u2003{esc(rule)} ({rules[rule]})</option>')
    files = ['<option value="">every file</option>']
    files.extend(f'<option value="{esc(p)}">{esc(p)}</option>' for p in paths)
    box = '<label><input type="checkbox" name="severity" value="{0}" checked> {0}</label>'
    boxes = "".join(box.format(s.value) for s in SEVERITIES)
    return (
        '<form id="filters" hidden>\n'
        f'<label>Check <select name="check">{"".join(options)}</select></label>\n'
        f"<fieldset><legend>Severity</legend>{boxes}</fieldset>\n"
        f'<label>File <select name="file">{"".join(files)}</select></label>\n'
        '<button type="reset">Show all</button>\n'
        f'<output id="shown" data-shown="{len(diagnostics)}">{len(diagnostics)} findings</output>\n'
        "</form>\n"
    )


def _article(path: str, anchor: str, article: Article | None, placed: list[Placed]) -> str:
    source = article.source if article else ""
    whole = [p for p in placed if _about_article(p, source)]
    marked = [p for p in placed if p not in whole]
    text = ""
    if article is not None and marked:
        reading = readable.read(_reread(article))
        reading = readable.reveal(reading, [(p.start, p.end) for p in marked])
        lost = html_text.unplaced(reading, marked)
        whole.extend(lost)
        marked = [p for p in marked if p not in lost]
        text = html_text.render(reading, marked, esc, _note)
    parts = [f'<section class="article" id="{anchor}" data-path="{esc(path)}">\n<h2>{esc(path)}</h2>\n']
    parts.append(f'<p class="counts">{_count_words(placed)} · <a href="#top">back to the summary</a></p>\n')
    if whole:
        parts.append('<ul class="whole">\n')
        parts.extend(f"<li>{_note(p, link=False)}</li>\n" for p in sorted(whole, key=lambda p: p.n))
        parts.append("</ul>\n")
    if text:
        parts.append(f'<div class="reading">\n{text}</div>\n')
    parts.append("</section>\n")
    return "".join(parts)


def _about_article(p: Placed, source: str) -> bool:
    return p.end <= p.start or p.d.rule in ABSENT or _whole_file(p, source)


def _whole_file(p: Placed, source: str) -> bool:
    return p.start == 0 and p.end >= len(source.rstrip()) > 0


def _count_words(placed: list[Placed]) -> str:
    c = Counter(p.d.severity for p in placed)
    words = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings")}
    out = []
    for s in SEVERITIES:
        if c[s]:
            one, many = words.get(s, ("info", "info"))
            out.append(f'<span class="pill {s.value}">{c[s]}</span> {one if c[s] == 1 else many}')
    return ", ".join(out)


def _note(p: Placed, link: bool = True) -> str:
    """One finding: its number (a link to its mark), severity, rule id, message and suggestions."""
    d = p.d
    number = f'<a class="num" href="#m{p.n}">{p.n}</a>' if link else ""
    where = "" if link else f' <span class="where">line {d.line}, column {d.column}</span>'
    suggestions = ""
    if d.suggestions:
        label = "Suggestion" if len(d.suggestions) == 1 else "Suggestions"
        items = ", ".join(f"<q>{esc(s)}</q>" for s in d.suggestions[:6])
        safe = " (a safe fix: <code>copydesk check --fix</code>)" if d.safe_fix is not None else ""
        suggestions = f' <span class="suggest">{label}: {items}{safe}</span>'
    return (
        f'<div id="{p.anchor}" class="note {d.severity.value}" data-n="{p.n}" data-rule="{esc(d.rule)}" '
        f'data-severity="{d.severity.value}" data-path="{esc(p.path)}">{number}'
        f'<span class="sev {d.severity.value}">{d.severity.value}</span> <code class="rule">{esc(d.rule)}</code>'
        f'{where} <span class="message">{esc(d.message)}</span>{suggestions}</div>'
    )
