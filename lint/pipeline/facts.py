"""Step 1: what one article says on its own (see :mod:`lint.pipeline`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import checks as registry
from lint import limits
from lint.article import Article
from lint.checks.limits import RULES as LIMIT_RULES
from lint.checks.limits import finding as limit_finding
from lint.diagnostics import Finding, Severity
from lint.patterns import TooSlow
from lint.readers import read_data, read_path
from lint.suppress import RULES as SUPPRESSION_RULES

if TYPE_CHECKING:
    from lint.checks import Check
    from lint.config import Config
    from lint.names.extract import Mention
    from lint.run import Run

# checks whose findings depend on metadata the reader could not read
METADATA_CHECKS = {"schema", "sources", "placeholder"}
# checks that look at one article only: their findings are facts
LOCAL = ("schema", "placeholder", "sources", "terms")
# checks that need the archive: facts here, decisions in lint.pipeline.decide
ARCHIVE = ("spelling", "names")


@dataclass
class Context:
    """What a process needs to make facts and decisions: the config, the checks, the loaded rule data."""

    run: Run
    names: list[str]  # the enabled checks, in the registry's order
    modules: dict[str, Check]
    rules: dict[str, tuple[Severity, str]]

    @property
    def config(self) -> Config:
        return self.run.config

    @property
    def pure(self) -> bool:
        """True when every enabled check is one of :data:`LOCAL` or :data:`ARCHIVE`: decisions need only
        the facts and the index, so they can be made in other processes (the grammar check needs its engine)."""
        return all(n in LOCAL or n in ARCHIVE for n in self.names)

    @classmethod
    def make(cls, config: Config, explain: bool = False, notices: list[str] | None = None) -> Context:
        from lint.run import Run, enabled_checks

        run = Run(config, explain, notices=notices if notices is not None else [])
        names = enabled_checks(config)
        modules = {name: registry.load(name) for name in names}
        rules: dict[str, tuple[Severity, str]] = {}
        for module in modules.values():
            rules.update(module.RULES)
        rules.update(SUPPRESSION_RULES)
        rules.update(LIMIT_RULES)
        for name, module in modules.items():
            if name not in ARCHIVE:  # a broken schema or rule file stops the run before any article is read
                module.prepare([], run)
        return cls(run, names, modules, rules)


@dataclass
class Facts:
    """One article's facts: made from the file's bytes, its path, the config and copydesk's version."""

    article: Article
    checkable: bool  # not empty, and the reader made an article of it
    local: dict[str, list[Finding]] = field(default_factory=dict)  # check -> findings (LOCAL checks that ran)
    spelling: Any = None  # lint.checks.spelling.Facts, or None (no dictionary, not checkable, check off)
    mentions: list[Mention] | None = None  # the names check's mentions (None: check off or not checkable)


def read(path: Path, display: str, data: bytes | None, ctx: Context) -> Article:
    """The article in ``path`` (``data``: its bytes, when read already)."""
    c = ctx.config
    if data is None:
        return read_path(path, display, date_order=c.date_order, limits_=c.limits, templates=c.templates)
    return read_data(path, data, display, date_order=c.date_order, limits_=c.limits, templates=c.templates)


def local_findings(name: str, module: Check, article: Article, run: Run) -> list[Finding]:
    """The findings of check ``name`` on ``article``; an editor's expression that ran past its time limit
    ends the check on this article with a ``limits.regex`` finding (:mod:`lint.patterns`)."""
    found: list[Finding] = []
    try:
        with limits.using(run.config.limits):
            found.extend(module.check(article, run))
    except TooSlow as slow:
        found.append(limit_finding(name, slow))
    return found


def compute(article: Article, ctx: Context) -> Facts:
    """The facts of ``article`` (as :func:`read` gave it)."""
    checkable = bool(article.source.strip() and article.readable)
    facts = Facts(article, checkable)
    if not checkable:
        return facts
    run = ctx.run
    for name, module in ctx.modules.items():
        if name in METADATA_CHECKS and article.problems:
            continue  # the metadata could not be read: these checks would only add noise
        if name in LOCAL:
            facts.local[name] = local_findings(name, module, article, run)
        elif name == "spelling":
            from lint.checks import spelling

            facts.spelling = spelling.article_facts(article, run)
        elif name == "names":
            from lint.names import extract

            facts.mentions = extract.mentions(article)
    return facts
