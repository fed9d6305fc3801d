"""Code actions on the findings of a document.

For each finding under the cursor or selection:

- **the safe fix** (what ``copydesk check --fix`` applies: :func:`lint.fix.plan`, so a fix that would
  reshape the metadata is not offered), preferred;
- **each suggestion** in its place (where the finding has a fix, which says where the words are
  written literally);
- **suppress on this line** (:mod:`lint.lsp.suppression`);
- **add the word to the vocabulary** for ``spelling.unknown`` (the command ``copydesk.addWord``,
  which the server runs: :mod:`lint.lsp.vocabulary`);

and for the document, **every safe fix** (``source.fixAll``), as ``--fix`` does.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from lint import fix
from lint.diagnostics import Diagnostic, Edit
from lint.lsp.convert import lsp_range, to_lsp
from lint.lsp.positions import Places
from lint.lsp.project import Checked
from lint.lsp.suppression import next_line

ADD_WORD = "copydesk.addWord"
FIX_ALL = types.CodeActionKind.SourceFixAll.value
WORD_RULES = ("spelling.unknown",)


def _key(p: types.Position) -> tuple[int, int]:
    return (p.line, p.character)


def _touches(a: types.Range, b: types.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def _edit(uri: str, places: Places, edits: Sequence[Edit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(places.span(e.start, e.end), e.text) for e in edits]})


def word_of(d: Diagnostic, places: Places) -> str:
    index = places.index
    return places.source[index.offset(d.line, d.column) : index.offset(d.end_line, d.end_column)]


def actions(
    uri: str, checked: Checked, places: Places, where: types.Range, only: Sequence[str] | None = None
) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    article = checked.article
    quick = types.CodeActionKind.QuickFix.value
    for d in checked.diagnostics:
        shown = to_lsp(d, places)
        if not _touches(lsp_range(d, places), where) or not _wanted(quick, only):
            continue

        def action(title: str, preferred: bool = False, **what: object) -> types.CodeAction:
            return types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown],  # noqa: B023  # used at once, in this turn of the loop
                is_preferred=preferred or None,
                **what,  # type: ignore[arg-type]
            )

        safe = d.safe_fix
        if safe is not None and fix.plan(article, [d]).changed:
            old = article.source[safe.start : safe.end]
            out.append(action(f"Fix: '{old}' → '{safe.text}' (safe fix)", True, edit=_edit(uri, places, [safe])))
        if d.fix is not None:
            old = article.source[d.fix.start : d.fix.end]
            for s in d.suggestions:
                if (safe is not None and s == safe.text) or s == old:
                    continue
                replace = Edit(d.fix.start, d.fix.end, s)
                out.append(action(f"Replace '{old}' with '{s}'", edit=_edit(uri, places, [replace])))
        if d.rule in WORD_RULES:
            word = word_of(d, places)
            if word.strip():
                command = types.Command(f"Add '{word}' to the project vocabulary", ADD_WORD, arguments=[uri, word])
                out.append(action(command.title, command=command))
        hide = next_line(article, d.line, d.rule)
        if hide is not None:
            out.append(action(f"Suppress {d.rule} on this line", edit=_edit(uri, places, [hide])))
    if _wanted(FIX_ALL, only):
        change = fix.plan(article, checked.diagnostics)
        edits = list(dict.fromkeys(d.fix for d in change.fixed if d.fix is not None))
        if change.changed and edits:
            out.append(
                types.CodeAction(
                    title=f"Apply copydesk's safe fixes ({len(edits)})",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=_edit(uri, places, edits),
                )
            )
    return out
