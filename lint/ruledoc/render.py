"""One rule's documentation as text (``copydesk rules RULE``), Markdown (a hover) and JSON."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from lint.ruledoc import Example, Expected, RuleDoc

WIDTH = 88
ENGINES = {"harper": "Harper, the offline grammar engine installed with copydesk where it has a build"}


def level_text(doc: RuleDoc) -> tuple[str, str, str]:
    """(what the level is, the config that changes it, how prefixes combine)."""
    return (
        f"{doc.level.value} by default. Set another level (error, warning or info) in copydesk.toml "
        "([tool.copydesk.severity] in pyproject.toml):",
        f'[severity]\n"{doc.rule}" = "{_other(doc)}"',
        f'The most specific rule-id prefix wins: a key "{doc.check}" sets every {doc.check} rule but those '
        "a longer key sets.",
    )


def _other(doc: RuleDoc) -> str:
    return "warning" if doc.level.value != "warning" else "info"


def turn_off(doc: RuleDoc) -> list[tuple[str, str]]:
    """(what to write, where it applies), most general first."""
    rule = doc.rule
    ways = [
        (f"copydesk check --ignore {rule}", "one run"),
        (f'ignore = ["{rule}"]', "every run, in copydesk.toml ([tool.copydesk] in pyproject.toml)"),
    ]
    if doc.check != "suppression":
        ways.append((f"[checks]\n{doc.check} = false", f"the whole {doc.check} check, in copydesk.toml"))
    if "comment" in doc.inline:
        ways.append((f"<!-- copydesk-disable-next-line {rule} -->", "the next line of a Markdown body"))
        ways.append(
            (
                f"<!-- copydesk-disable {rule} --> … <!-- copydesk-enable {rule} -->",
                "a passage of a Markdown body (to its end without the enable)",
            )
        )
    if "metadata" in doc.inline:
        ways.append((f"copydesk: {{ignore: [{rule}]}}", "one article, in its metadata (front matter)"))
    if "sic" in doc.inline:
        ways.append(("[sic]", "one word or name: written right after it, as published"))
    return ways


def fix_line(found: Expected) -> str:
    if found.fix is None:
        return ""
    how = "safe: applied by --fix" if found.safe else "unsafe: applied only with --unsafe-fixes"
    return f"fix ({how}): {found.fix}"


def finding_line(doc: RuleDoc, example: Example, found: Expected) -> str:
    """As ``copydesk check`` prints it: ``path:line:col: severity rule message``."""
    return f"{example.name}:{found.line}:{found.column}: {doc.level.value} {doc.rule} {found.message}"


def _para(text: str, indent: str = "  ") -> list[str]:
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        words = re.sub(r"`[^`]*`", lambda m: m.group(0).replace(" ", "\0"), " ".join(block.split()))  # code kept whole
        wrapped = textwrap.wrap(words, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
        out += [line.replace("\0", " ") for line in wrapped]
        out.append("")
    return out[:-1]


def _verbatim(text: str, indent: str = "      ") -> list[str]:
    return [indent + line if line else "" for line in text.rstrip("\n").split("\n")]


def text(doc: RuleDoc) -> str:
    lines = [f"{doc.rule}  ({doc.level.value})", "", *_para(doc.description, ""), ""]
    lines += ["What it checks", *_para(doc.checks), ""]
    said, toml, prefixes = level_text(doc)
    lines += ["Level and configuration", *_para(said), *_verbatim(toml), *_para(prefixes)]
    if doc.config:
        lines += ["", *_para(doc.config)]
    lines.append("")
    if doc.setup or doc.needs or doc.explain:
        lines.append("The examples")
        if doc.needs:
            lines += _para(f"need {ENGINES[doc.needs]}.")
        if doc.explain:
            lines += _para("run with --explain.")
        for name, content in doc.setup.items():
            lines += [f"  run with {name}:", *_verbatim(content)]
        lines.append("")
    for n, example in enumerate(doc.fails, 1):
        lines.append(
            f"Fails ({n} of {len(doc.fails)}): {example.name}" if len(doc.fails) > 1 else f"Fails: {example.name}"
        )
        lines += [*_verbatim(example.text), "  copydesk reports (this rule's findings):"]
        for found in example.findings:
            lines.append(f"    {finding_line(doc, example, found)}")
            if found.fix is not None:
                lines.append(f"      {fix_line(found)}")
        if example.note:
            lines += _para(example.note)
        lines.append("")
    for n, example in enumerate(doc.passes, 1):
        lines.append(
            f"Passes ({n} of {len(doc.passes)}): {example.name}" if len(doc.passes) > 1 else f"Passes: {example.name}"
        )
        lines += _verbatim(example.text)
        if example.note:
            lines += _para(example.note)
        lines.append("")
    lines += ["Fix safety", *_para(doc.fix), ""]
    lines.append("Turning it off")
    for write, where in turn_off(doc):
        lines += [f"  {where}:", *_verbatim(write)]
    if doc.off:
        lines += ["", *_para(doc.off)]
    return "\n".join(lines) + "\n"


def _count(n: int, examples: tuple[Example, ...]) -> str:
    return f" ({n} of {len(examples)})" if len(examples) > 1 else ""


def _fence(body: str, info: str = "") -> str:
    ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", body)), default=0))
    return f"{ticks}{info}\n{body.rstrip(chr(10))}\n{ticks}"


def _code(span: str) -> str:
    ticks = "`" * (1 + max((len(m) for m in re.findall(r"`+", span)), default=0))
    pad = " " if span.startswith("`") or span.endswith("`") else ""
    return f"{ticks}{pad}{span}{pad}{ticks}"


def _kind(example: Example) -> str:
    return {"json": "json", "txt": "text"}.get(example.name.rpartition(".")[2], "markdown")


def markdown(doc: RuleDoc) -> str:
    out = [f"### {_code(doc.rule)} ({doc.level.value})", "", doc.checks, ""]  # checks says more than description
    said, toml, prefixes = level_text(doc)
    out += [f"**Level.** {said}", "", _fence(toml, "toml"), "", prefixes, ""]
    if doc.config:
        out += [doc.config, ""]
    if doc.needs:
        out += [f"The examples need {ENGINES[doc.needs]}.", ""]
    if doc.explain:
        out += ["The examples run with `--explain`.", ""]
    for name, content in doc.setup.items():
        out += [f"With {_code(name)}:", "", _fence(content), ""]
    for example in doc.fails:
        out += [f"**Fails** ({_code(example.name)}):", "", _fence(example.text, _kind(example)), ""]
        for found in example.findings:
            fix = f" — {fix_line(found)}" if found.fix is not None else ""
            out.append(f"- {found.line}:{found.column}: {found.message}{fix}")
        out.append("")
        if example.note:
            out += [example.note, ""]
    for example in doc.passes:
        out += [f"**Passes** ({_code(example.name)}):", "", _fence(example.text, _kind(example)), ""]
        if example.note:
            out += [example.note, ""]
    out += [f"**Fix safety.** {doc.fix}", "", "**Turning it off.**", ""]
    out += [f"- {' '.join(_code(part) for part in w.split(chr(10)))}: {where}" for w, where in turn_off(doc)]
    if doc.off:
        out += ["", doc.off]
    return "\n".join(out) + "\n"


def _example_json(doc: RuleDoc, example: Example) -> dict[str, Any]:
    data: dict[str, Any] = {"name": example.name, "text": example.text}
    if example.note:
        data["note"] = example.note
    return data


def to_json(doc: RuleDoc) -> dict[str, Any]:
    def finding(found: Expected) -> dict[str, Any]:
        fix = (
            None
            if found.fix is None
            else {"replacement": found.fix, "applicability": "safe" if found.safe else "unsafe"}
        )
        return {
            "line": found.line,
            "column": found.column,
            "severity": doc.level.value,
            "message": found.message,
            "fix": fix,
        }

    return {
        "rule": doc.rule,
        "level": doc.level.value,
        "description": doc.description,
        "checks": doc.checks,
        "config": doc.config,
        "needs": doc.needs or None,
        "explain": doc.explain,
        "setup": doc.setup,
        "examples": {
            "fail": [_example_json(doc, e) | {"findings": [finding(f) for f in e.findings]} for e in doc.fails],
            "pass": [_example_json(doc, e) for e in doc.passes],
        },
        "fix_safety": doc.fix,
        "turn_off": [{"write": w, "where": where} for w, where in turn_off(doc)],
    }
