"""grammar: grammar mistakes, found by LanguageTool or by Harper (offline).

Off by default (it costs more than every other check together, see README); turn
it on with ``[tool.copydesk.checks] grammar = true`` or ``--select grammar``.

Every prose text of an article is checked (headline, summary, FAQ questions and
answers, body paragraphs; see :mod:`lint.grammar.prose`), and each finding points
at the exact words in the file, inside front matter, JSON strings and plain-text
FAQ answers too.  Spelling is left to the spelling check: neither engine reports
typos here.

The engine, once per run (``[tool.copydesk.grammar] engine``, default ``auto``):

1. LanguageTool, through language-tool-python, at ``--languagetool-url``,
   ``LANGUAGETOOL_URL`` or ``languagetool_url`` (rule ids ``grammar.<LanguageTool
   rule id>``, such as ``grammar.HE_VERB_AGR``);
2. else a LanguageTool installed on this computer (``languagetool_path``, or the
   one language-tool-python downloaded), which language-tool-python starts for the
   run and stops after (copydesk never lets it download one);
3. else Harper, if harper-py is installed (rule ids ``grammar.<Harper lint
   kind>``, such as ``grammar.agreement``).

When no engine can run, or LanguageTool fails (refused, too slow, an error), one
notice on stderr says why and how to fix it, and every other check still runs;
with ``--require grammar`` (or ``require = true``) the run stops with exit status 2.
If LanguageTool fails during an ``auto`` run, Harper checks the rest when installed.

Pass::

    He has visited Baku.

Fail::

    He have visited Baku.      # grammar.agreement (Harper), grammar.HE_VERB_AGR (LanguageTool)
    The the talks continue.    # grammar.repetition, grammar.ENGLISH_WORD_REPEAT_RULE
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.diagnostics import Finding, Severity
from lint.errors import FatalError
from lint.grammar import Engine, EngineError, harper, languagetool
from lint.grammar.prose import documents, segments

if TYPE_CHECKING:
    from lint.article import Article
    from lint.run import Run

NAME = "grammar"
ENGINES = ("auto", "languagetool", "harper")
REQUEST_LIMIT = 10_000  # characters per request: below the public LanguageTool API's 20 KB

_W, _I = Severity.WARNING, Severity.INFO
# Harper's lint kinds (LanguageTool's rule ids are too many to list: they are warnings)
KINDS: dict[str, tuple[Severity, str]] = {
    "Agreement": (_W, "Words that do not agree: a subject and its verb, an article and its noun."),
    "BoundaryError": (_W, "Words run together or split apart."),
    "Capitalization": (_W, "A capital letter missing or out of place."),
    "Eggcorn": (_W, "A phrase misheard as a similar one: 'for all intensive purposes'."),
    "Enhancement": (_I, "A plainer or stronger word would do."),
    "Formatting": (_I, "Spacing and typography."),
    "Grammar": (_W, "A grammar mistake."),
    "Malapropism": (_W, "A word confused with a similar-sounding one."),
    "Miscellaneous": (_W, "A mistake of another kind: 'a' or 'an', a missing word."),
    "Nonstandard": (_W, "A nonstandard form: 'could of', 'irregardless'."),
    "Punctuation": (_W, "Punctuation missing or wrong: its and it's."),
    "Readability": (_I, "A sentence hard to read."),
    "Redundancy": (_I, "Words that say the same thing twice."),
    "Regionalism": (_I, "A word of another variety of English."),
    "Repetition": (_W, "A word repeated by mistake: 'the the'."),
    "Style": (_I, "A matter of style."),
    "Typo": (_W, "A slip that is a real word: 'than' for 'that'."),
    "Usage": (_W, "A word used in a way standard English does not."),
    "WordChoice": (_W, "A word that is probably not the one meant."),
}
RULES: dict[str, tuple[Severity, str]] = {f"grammar.{harper.kind_id(k)}": v for k, v in KINDS.items()}

LANGUAGETOOL_HOW = (
    "a LanguageTool server (--languagetool-url, the LANGUAGETOOL_URL environment variable, or languagetool_url in "
    "[tool.copydesk.grammar])"
)


def harper_has_a_build(system: str | None = None, machine: str | None = None) -> bool:
    """Whether harper-py publishes a wheel for this platform (pyproject.toml installs it there, by the same test)."""
    import platform
    import sys

    system = system if system is not None else sys.platform
    machine = (machine if machine is not None else platform.machine()).lower()
    return (
        (system.startswith("linux") and machine in ("x86_64", "aarch64"))
        or (system == "darwin" and machine in ("x86_64", "arm64"))
        or (system == "win32" and machine in ("amd64", "arm64"))
    )


def how_to_enable() -> str:
    """What to do when no grammar engine is there: no extra to install, none that does not exist."""
    if harper_has_a_build():
        return f"install the offline engine (pip install harper-py) or point copydesk at {LANGUAGETOOL_HOW}"
    import platform
    import sys

    return (
        f"point copydesk at {LANGUAGETOOL_HOW}: the offline engine, Harper, has no build for this computer "
        f"({sys.platform} {platform.machine()})"
    )


@dataclass
class Settings:
    engine: str = "auto"
    url: str | None = None
    path: Path | None = None  # a configured local LanguageTool (folder or jar)
    timeout: float = languagetool.DEFAULT_TIMEOUT
    harper_rules: dict[str, bool] = field(default_factory=dict)
    require: bool = False

    @classmethod
    def of(cls, run: Run) -> Settings:
        opts: dict[str, Any] = run.config.options.get(NAME, {})
        path = opts.get("languagetool_path")
        return cls(
            engine=str(opts.get("engine", "auto")),
            url=opts.get("languagetool_url") or os.environ.get("LANGUAGETOOL_URL") or None,
            path=run.config.root / path if path else None,
            timeout=float(opts.get("timeout", languagetool.DEFAULT_TIMEOUT)),
            harper_rules=dict(opts.get("harper_rules", {})),
            require=bool(opts.get("require", False)),
        )


@dataclass
class State:
    settings: Settings
    plan: list[str]  # engines still to try, in order: "url", "local", "harper"
    installation: languagetool.Installation | None = None  # the LanguageTool installed here
    engine: Engine | None = None
    failures: list[str] = field(default_factory=list)  # what went wrong, for the notice
    checked: dict[str, int] = field(default_factory=dict)  # engine name -> articles it checked
    unchecked: int = 0  # articles no engine could check
    other_language: dict[str, int] = field(default_factory=dict)  # language -> articles the engine cannot read
    none_available: bool = False


def prepare(articles: Sequence[Article], run: Run) -> None:
    settings = Settings.of(run)
    if settings.engine not in ENGINES:
        raise FatalError(f"[tool.copydesk.grammar] engine: {settings.engine!r} is not one of {', '.join(ENGINES)}")
    if settings.harper_rules and harper.available():
        _check_harper_rules(settings.harper_rules)
    state = State(settings, [])
    if settings.engine in ("auto", "languagetool"):
        if settings.url:
            state.plan.append("url")
        else:
            try:
                state.installation = languagetool.find_local(settings.path)
            except EngineError as exc:
                state.failures.append(exc.message)
            if state.installation is not None:
                state.plan.append("local")
    if settings.engine in ("auto", "harper") and harper.available():
        state.plan.append("harper")
    run.state[NAME] = state
    if not state.plan:
        state.none_available = True
        state.failures.append(_why_none(settings))
        if settings.require:
            raise FatalError(f"grammar: {'; '.join(state.failures)}; --require grammar needs one: {how_to_enable()}")


def check(article: Article, run: Run) -> Iterable[Finding]:
    state: State | None = run.state.get(NAME)
    if state is None:
        prepare([article], run)
        state = run.state[NAME]
    return list(_check(article, run, state))


def finish(run: Run) -> None:
    """Stop a LanguageTool started for the run; one notice when grammar could not be checked everywhere."""
    state: State | None = run.state.get(NAME)
    if state is None:
        return
    if state.engine is not None:
        state.engine.close()
        state.engine = None
    notice = _notice(state)
    if notice:
        run.notices.append(notice)


def _check(article: Article, run: Run, state: State) -> Iterator[Finding]:
    lang = (article.lang or run.config.language).replace("_", "-")
    parts = [
        segment
        for text in article.texts()
        for segment in segments(text, article.format == "markdown" and text.field == "body", article.source)
    ]
    if not parts:
        return
    while True:
        engine = _engine(state)
        if engine is None:
            state.unchecked += 1
            return
        if not engine.supports(lang):
            state.other_language[lang] = state.other_language.get(lang, 0) + 1
            return
        try:
            found = [(doc, match) for doc in documents(parts, REQUEST_LIMIT) for match in engine.check(doc.value, lang)]
        except EngineError as exc:
            _failed(state, engine, exc)
            if not exc.lasting:
                state.unchecked += 1
                return
            continue  # the next engine, if any, checks this article again
        break
    state.checked[engine.name] = state.checked.get(engine.name, 0) + 1
    for doc, match in found:
        span = doc.locate(match.offset, match.length)
        if span is not None:
            yield Finding(f"{NAME}.{match.rule}", match.message, span[0], span[1], match.replacements)


def _engine(state: State) -> Engine | None:
    """The engine of the run, made on first use; the next one in the plan when it cannot start."""
    settings = state.settings
    while state.engine is None and state.plan:
        kind = state.plan.pop(0)
        if kind == "url" and settings.url:
            try:
                state.engine = languagetool.LanguageTool.remote(settings.url, settings.timeout)
            except EngineError as exc:
                state.failures.append(f"{languagetool.remote_name(settings.url)} {exc.message}")
        elif kind == "local" and state.installation is not None:
            try:
                state.engine = languagetool.LanguageTool.local(state.installation, settings.timeout)
            except EngineError as exc:
                state.failures.append(f"{languagetool.local_name(state.installation)} {exc.message}")
        elif kind == "harper":
            state.engine = harper.Harper(settings.harper_rules)
        if state.engine is None and not state.plan and settings.require:
            raise FatalError(f"grammar: {'; '.join(state.failures)}; --require grammar stops the run")
    return state.engine


def _failed(state: State, engine: Engine, exc: EngineError) -> None:
    failure = f"{engine.name} {exc.message}"
    if failure not in state.failures:
        state.failures.append(failure)
    if exc.lasting:
        engine.close()
        state.engine = None
        if not state.plan and state.settings.require:
            raise FatalError(f"grammar: {failure}; --require grammar stops the run")


def _why_none(settings: Settings) -> str:
    if settings.engine == "harper":
        return "grammar was not checked: the Harper engine is not installed"
    if settings.engine == "languagetool":
        return "grammar was not checked: no LanguageTool server is configured and none is installed here"
    return "grammar was not checked: no grammar engine is available"


def _notice(state: State) -> str:
    """One line on what went wrong and what it means for this run's files."""
    parts = list(state.failures)
    total = sum(state.checked.values()) + state.unchecked
    if state.failures and total and not state.none_available:
        for name, n in state.checked.items():
            instead = "" if any(f.startswith(name) for f in state.failures) else " instead"
            parts.append(f"{name} checked {_files(n, total)}{instead}")
        if state.unchecked:
            verb = "was" if state.unchecked == 1 else "were"
            parts.append(f"{_files(state.unchecked, total)} {verb} not checked for grammar")
    if state.other_language:
        count = sum(state.other_language.values())
        langs = ", ".join(sorted(state.other_language))
        parts.append(f"Harper checks English only: {count} file{'s' * (count != 1)} in {langs} not checked")
    if not parts:
        return ""
    notice = "grammar: " + "; ".join(parts)
    if state.none_available:
        notice += f". To check grammar, {how_to_enable()}"
    return notice


def _files(n: int, total: int) -> str:
    return f"{n} of {total} file{'s' * (total != 1)}"


def _check_harper_rules(rules: dict[str, bool]) -> None:
    from harper import get_default_lint_config

    known = sorted(get_default_lint_config())
    for name in rules:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise FatalError(f"[tool.copydesk.grammar] harper_rules: {name!r} is not a Harper rule{hint}")
