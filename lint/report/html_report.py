"""``--format html``: one self-contained page for editors.

A summary by check and by file, then each article with its findings highlighted in its
text (``<mark class="<severity>" data-rule="<rule>">``) and the message and suggestions
below each passage. Inline CSS only, no script and no outside resource: the page opens
from a file on disk, and a Content-Security-Policy forbids scripts, so nothing an article
contains can run (everything is escaped as well).

Short articles are shown whole; in long ones only the lines around the findings, and in
very long lines only the words around each finding.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from lint.article import Article
from lint.diagnostics import Diagnostic, Severity
from lint.report import json_report
from lint.run import Result
from lint.text import LineIndex

WHOLE_LINES, WHOLE_CHARS = 80, 12_000  # articles up to this size are shown whole
CONTEXT = 2  # lines shown around a finding in a long article
LONG_LINE, WINDOW = 600, 200  # in longer lines, characters shown either side of a finding
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# findings about something that is absent: listed at the top of the article
ABSENT = ("schema.required", "sources.missing")


def esc(value: object) -> str:
    """HTML text of ``value``; a lone surrogate (no UTF-8 can hold one) is shown as its escape, ``\\ud800``."""
    return html.escape(LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value)), quote=True)


@dataclass(frozen=True)
class Placed:
    """A diagnostic with its number in the page and its file offsets."""

    n: int
    d: Diagnostic
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return f"f{self.n}"


def write(result: Result, stream: IO[str], colour: bool = False) -> None:
    by_path: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    articles = {a.path: a for a in result.articles}
    paths = sorted(by_path)
    ids = {path: f"file{i}" for i, path in enumerate(paths, 1)}
    out = stream.write
    out(HEAD)
    out(_summary(result, paths, by_path, ids))
    n = 0
    for path in paths:
        placed = []
        article = articles.get(path)
        index = LineIndex(article.source if article else "")
        for d in by_path[path]:
            n += 1
            start, end = index.offset(d.line, d.column), index.offset(d.end_line, d.end_column)
            placed.append(Placed(n, d, start, max(start, end)))
        out(_article(path, ids[path], article, placed))
    out("</main>\n</body>\n</html>\n")


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


def _article(path: str, anchor: str, article: Article | None, placed: list[Placed]) -> str:
    source = article.source if article else ""
    whole = [p for p in placed if _about_article(p, source)]
    marked = [p for p in placed if p not in whole]
    parts = [f'<section class="article" id="{anchor}">\n<h2>{esc(path)}</h2>\n']
    parts.append(f'<p class="counts">{_count_words(placed)} · <a href="#top">back to the summary</a></p>\n')
    if whole:
        parts.append('<ul class="whole">\n')
        parts.extend(f"<li>{_note(p, link=False)}</li>\n" for p in whole)
        parts.append("</ul>\n")
    shown_to = 0
    total = 0 if not source else len(LineIndex(source).starts) - (1 if source.endswith(("\n", "\r")) else 0)
    for first, last, block in _blocks(source, marked):
        parts.append(_gap(shown_to + 1, first - 1))
        parts.append(f'<pre class="text">{block}</pre>\n')
        shown_to = last
    if marked:
        parts.append(_gap(shown_to + 1, total))
    parts.append("</section>\n")
    return "".join(parts)


def _gap(first: int, last: int) -> str:
    if last < first:
        return ""
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f'<p class="gap">{lines} not shown: no findings</p>\n'


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
    """One finding: severity, rule id, message and suggestions (phrasing content: it sits inside ``<pre>``)."""
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
        f'<span id="{p.anchor}" class="note {d.severity.value}" data-rule="{esc(d.rule)}">{number}'
        f'<span class="sev {d.severity.value}">{d.severity.value}</span> <code class="rule">{esc(d.rule)}</code>'
        f'{where} <span class="message">{esc(d.message)}</span>{suggestions}</span>'
    )


# --- the text with its marks ---------------------------------------------------------------


def _shown(source: str, index: LineIndex, marked: list[Placed]) -> list[tuple[int, int]]:
    """The parts of the file to show, as merged (start, end) offsets."""
    lines = len(index.starts) - (1 if source.endswith(("\n", "\r")) else 0)  # no empty line after the last end
    if lines <= WHOLE_LINES and len(source) <= WHOLE_CHARS:
        return [(0, len(source))]
    ranges: list[tuple[int, int]] = []
    for p in marked:
        ranges.append((p.start, p.end))
        first = max(1, p.d.line - CONTEXT)
        last = min(lines, p.d.end_line + CONTEXT)
        for line in range(first, last + 1):
            a = index.starts[line - 1]
            b = a + len(index.line_text(line))
            if b - a <= LONG_LINE:
                ranges.append((a, b))
            elif line < p.d.line:
                ranges.append((b - WINDOW, b))
            elif line > p.d.end_line:
                ranges.append((a, a + WINDOW))
            else:
                ranges.append((max(a, p.start - WINDOW), min(b, p.end + WINDOW)))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _blocks(source: str, marked: list[Placed]) -> Iterator[tuple[int, int, str]]:
    """Runs of shown text (as HTML) with the findings marked in each, split where lines are left out."""
    index = LineIndex(source)
    groups: list[list[tuple[int, int]]] = []
    for a, b in _shown(source, index, marked):
        if groups and index.position(a)[0] - index.position(groups[-1][-1][1])[0] <= 1:
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    for group in groups:
        inside = [p for p in marked if group[0][0] <= p.start < group[-1][1]]
        first, last = index.position(group[0][0])[0], index.position(group[-1][1])[0]
        yield first, last, _render(source, index, group, inside)


def _render(source: str, index: LineIndex, ranges: list[tuple[int, int]], marked: list[Placed]) -> str:
    """The shown ranges as HTML: line numbers, ``…`` where a line is cut, a mark per finding.

    Marks nest when one finding lies inside another; where two cross, the later one is
    closed and reopened around the end of the other (its second part has ``data-part``).
    """
    out: list[str] = []
    stack: list[Placed] = []
    started: set[int] = set()
    pending: list[Placed] = []  # findings whose mark has closed: their notes go below the line

    def flush() -> None:
        if pending and not stack:  # never inside a mark that runs on: the mark's text stays whole
            notes = "".join(_note(p) for p in sorted(pending, key=lambda p: p.n))
            out.append(f'<span class="notes">{notes}</span>')
            pending.clear()

    def open_mark(p: Placed) -> None:
        ident = ' data-part="more"' if p.n in started else f' id="m{p.n}"'
        started.add(p.n)
        title = esc(f"{p.d.rule}: {p.d.message}")
        rule = esc(p.d.rule)
        out.append(f'<mark class="{p.d.severity.value}" data-rule="{rule}"{ident} title="{title}">')
        stack.append(p)

    def close_marks(ending: set[int]) -> None:
        reopen = []
        while any(q.n in ending for q in stack):
            top = stack.pop()
            out.append("</mark>")
            if top.n in ending:
                out.append(f'<a class="ref" href="#{top.anchor}" data-ref="{top.n}" aria-label="note {top.n}"></a>')
                pending.append(top)
            else:
                reopen.append(top)
        for q in reversed(reopen):
            open_mark(q)

    cut = '<span class="cut">…</span>'
    previous: int | None = None
    for a, b in ranges:
        line = index.position(a)[0]
        if previous is None or index.position(previous)[0] != line:
            if previous is not None:
                out.append((cut if not _at_line_end(source, previous) else "") + "\n")
                flush()
            out.append(f'<span class="ln" data-line="{line}"></span>')
            if a != index.starts[line - 1]:
                out.append(cut)
        else:
            out.append(f" {cut} ")
        inside = [p for p in marked if a <= p.start and p.end <= b]
        points = {a, b, *(p.start for p in inside), *(p.end for p in inside)}
        points.update(index.starts[line : bisect.bisect_left(index.starts, b)])
        ordered = sorted(points)
        for here, nxt in zip(ordered, [*ordered[1:], b], strict=True):
            close_marks({p.n for p in inside if p.end == here and p.n in started})
            if here > a and index.position(here)[1] == 1:
                flush()
                out.append(f'<span class="ln" data-line="{index.position(here)[0]}"></span>')
            for p in sorted((p for p in inside if p.start == here), key=lambda p: (-p.end, p.n)):
                open_mark(p)
            out.append(_text(source[here:nxt]))
        previous = b
    close_marks({p.n for p in stack})
    if previous is not None and not _at_line_end(source, previous):
        out.append(cut)
    flush()
    return "".join(out)


def _at_line_end(source: str, i: int) -> bool:
    return i >= len(source) or source[i] in "\r\n"


def _text(chunk: str) -> str:
    return esc(chunk.replace("\r", ""))


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="copydesk">
<title>copydesk report</title>
<style>
:root { --error: #c62828; --error-bg: #fde2e1; --warning: #9a6700; --warning-bg: #fff1c2;
  --info: #0b5cad; --info-bg: #dcebfb; --line: #d6d6d6; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d;
  background: #f6f6f3; }
header, main { max-width: 70rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0; word-break: break-all; }
.totals { margin: 0 0 1rem; }
.pill { display: inline-block; min-width: 1.8em; padding: 0 .45em; border-radius: 1em; text-align: center;
  font-weight: 600; color: #fff; }
.pill.error { background: var(--error); } .pill.warning { background: var(--warning); }
.pill.info { background: var(--info); } .pill.none { background: #9e9e9e; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin-bottom: 1.5rem; }
table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th[scope=row] { font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 4.5em; }
td.num.error { color: var(--error); font-weight: 600; } td.num.warning { color: var(--warning); font-weight: 600; }
td.num.info { color: var(--info); font-weight: 600; }
td.rules { font-size: .85rem; color: var(--muted); }
#by-file { max-width: 100%; }
#by-file th[scope=row] { word-break: break-all; }
.article { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1.5rem;
  padding: 1rem 1.25rem; }
.counts { margin: .25rem 0 .75rem; color: var(--muted); font-size: .9rem; }
pre.text { font: 14.5px/1.65 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; margin: 0; padding: .6rem .75rem .6rem 4.5em;
  background: #fbfbf9; border: 1px solid #e4e4e0; border-radius: 4px; }
.ln { display: inline-block; width: 3.2em; margin-left: -4em; margin-right: .8em; text-align: right;
  color: #a0a0a0; user-select: none; }
.ln::before { content: attr(data-line); }
.gap { margin: .35rem 0; color: var(--muted); font-size: .85rem; font-style: italic; padding-left: 4.5em; }
.cut { color: #a0a0a0; user-select: none; }
mark { color: inherit; border-radius: 2px; padding: 1px 0; }
mark.error { background: var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
mark.warning { background: var(--warning-bg); box-shadow: inset 0 -2px 0 var(--warning); }
mark.info { background: var(--info-bg); box-shadow: inset 0 -2px 0 var(--info); }
mark mark { box-shadow: inset 0 -2px 0 currentColor, inset 0 -4px 0 #fff0; text-decoration: underline wavy;
  text-underline-offset: 4px; }
mark mark.error { text-decoration-color: var(--error); } mark mark.warning { text-decoration-color: var(--warning); }
mark mark.info { text-decoration-color: var(--info); }
a.ref { font: 600 10px/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; color: #444;
  padding: 0 1px; }
a.ref::before { content: attr(data-ref); }
mark:target { outline: 2px solid #333; }
.notes { display: block; white-space: normal; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
  sans-serif; margin: .15rem 0 .55rem; }
.note { display: block; margin: .2rem 0; padding: .2rem .5rem; border-left: 3px solid var(--line);
  background: #fff; border-radius: 0 4px 4px 0; }
.note.error { border-color: var(--error); } .note.warning { border-color: var(--warning); }
.note.info { border-color: var(--info); }
.note:target { background: #fffbe0; }
.note .num { display: inline-block; min-width: 1.5em; margin-right: .35em; font-weight: 700; color: #444;
  text-decoration: none; }
.note .message { color: #1d1d1d; }
ul.whole { list-style: none; padding: 0; margin: 0 0 .75rem; }
ul.whole .note { font-size: .95rem; }
.sev { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
code.rule { font-size: .85rem; background: #eee; padding: 0 .3em; border-radius: 3px; }
.where { font-size: .85rem; color: var(--muted); margin-left: .4em; }
.suggest { color: #1b5e20; }
.suggest q { font-weight: 600; quotes: "“" "”"; }
@media print { body { background: #fff; } .article { break-inside: avoid-page; border: 0; } a.ref { color: #000; } }
</style>
</head>
<body id="top">
"""
