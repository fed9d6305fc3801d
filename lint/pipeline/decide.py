"""Step 3: an article's findings from its facts and the archive's index (see :mod:`lint.pipeline`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lint import checks as registry
from lint.config import Config
from lint.diagnostics import Diagnostic, Finding
from lint.pipeline.facts import LOCAL, METADATA_CHECKS, Context, Facts
from lint.pipeline.index import ArchiveIndex
from lint.suppress import apply as apply_suppressions
from lint.text import LineIndex


def use_index(ctx: Context, index: ArchiveIndex) -> None:
    """Give the checks that need the archive its index (once per process, before deciding)."""
    if "spelling" in ctx.modules:
        from lint.checks import spelling

        spelling.use_evidence(ctx.run, index.evidence)
    if "names" in ctx.modules:
        from lint.checks import names

        ctx.run.state[names.STATE] = index.names


@dataclass
class Decided:
    diagnostics: list[Diagnostic]
    unchecked: dict[str, list[str]] = field(default_factory=dict)  # language -> paths without a dictionary


def decide(facts: Facts, ctx: Context) -> Decided:
    article = facts.article
    run = ctx.run
    found: list[Finding] = [*article.problems, *article.notes]
    ran: list[str] = []
    unchecked: dict[str, list[str]] = {}
    if facts.checkable:
        for name, module in ctx.modules.items():
            if name in METADATA_CHECKS and article.problems:
                continue  # the metadata could not be read: these checks would only add noise
            ran.append(name)
            if name in LOCAL:
                found.extend(facts.local.get(name, ()))
            elif name == "spelling":
                found.extend(_spelling(facts, ctx, unchecked))
            elif name == "names":
                found.extend(_names(facts, ctx))
            else:
                found.extend(module.check(article, run))
    index = LineIndex(article.source)
    config = ctx.config
    out = []
    for f in apply_suppressions(article, list(_dedupe(found)), ran, ctx.rules):
        if not config.wants(f.rule):
            continue
        level = f.severity or config.level(f.rule, registry.default_severity(f.rule, ctx.rules))
        if f.severity is not None:
            level = config.level(f.rule, f.severity) if _configured(config, f.rule) else f.severity
        out.append(Diagnostic.place(article.path, index, f, level))
    return Decided(out, unchecked)


def _spelling(facts: Facts, ctx: Context, unchecked: dict[str, list[str]]) -> list[Finding]:
    from lint.checks import spelling

    article, run = facts.article, ctx.run
    if facts.spelling is not None:
        spelling.adopt(article, facts.spelling, run)
    try:
        found = list(spelling.check(article, run))
    finally:
        spelling.forget(article, run)
    state = spelling._state(run)
    for code, paths in state.no_dictionary.items():  # said once, by the process that runs the whole run
        unchecked.setdefault(code, []).extend(paths)
    state.no_dictionary.clear()
    return found


def _names(facts: Facts, ctx: Context) -> list[Finding]:
    from lint.checks import names

    article, run = facts.article, ctx.run
    cache = run.state.setdefault(names.MENTIONS, {})
    cache[article.path] = facts.mentions
    try:
        return list(names.check(article, run))
    finally:
        cache.pop(article.path, None)


def finish(ctx: Context, unchecked: dict[str, list[str]]) -> None:
    """The checks' notices for the whole run (after every decision)."""
    if "spelling" in ctx.modules:
        from lint.checks import spelling

        state = spelling._state(ctx.run)
        for code, paths in unchecked.items():
            state.no_dictionary.setdefault(code, []).extend(paths)
    for module in ctx.modules.values():
        done = getattr(module, "finish", None)  # optional: release what prepare() took, add notices
        if done is not None:
            done(ctx.run)


def _configured(config: Config, rule: str) -> bool:
    return any(rule == p or rule.startswith(p + ".") for p in config.severity)


# When checks flag the same words, the more specific one speaks: a house-style term or a
# name variant is not also reported as a spelling mistake.
PRECEDENCE = ("terms", "names", "spelling", "grammar")


def _dedupe(findings: list[Finding]) -> Iterator[Finding]:
    seen: set[tuple[str, int, int]] = set()
    owned: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        check = f.rule.split(".")[0]
        if check in PRECEDENCE:
            owned.setdefault(check, []).append((f.start, f.end))
    for f in findings:
        key = (f.rule, f.start, f.end)
        if key in seen:
            continue
        check = f.rule.split(".")[0]
        if check in PRECEDENCE:
            stronger = PRECEDENCE[: PRECEDENCE.index(check)]
            if any(s < f.end and f.start < e for c in stronger for s, e in owned.get(c, ())):
                continue
        seen.add(key)
        yield f
