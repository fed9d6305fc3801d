"""The ``copydesk`` command line."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

import click

from lint import __version__, limits
from lint import config as config_mod
from lint.errors import FatalError
from lint.report import FORMATS
from lint.report.visible import visible

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def cli() -> None:
    """copydesk: an editorial quality checker for article files."""


def _say(message: str) -> None:
    """A message on stderr; a file name or an article's words in it may hold control characters: shown escaped."""
    click.echo(f"copydesk: {visible(message, newlines=True)}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _known_rules(values: Sequence[str], option: str) -> None:
    """--select speling is a mistake, not a run that checks nothing: exit 2 with the closest id."""
    problems = [f"{option} {message}" for p in _split(values) if (message := config_mod.unknown_rule(p))]
    if problems:
        raise FatalError("\n".join(problems))


def _grammar_options(cfg: config_mod.Config, require: Sequence[str], url: str | None) -> None:
    """--languagetool-url names the grammar check's server; --require grammar turns it on and makes it a must."""
    grammar = dict(cfg.options.get("grammar", {}))
    if url:
        grammar["languagetool_url"] = url
    if "grammar" in require:
        grammar["require"] = True
        cfg.checks = {**cfg.checks, "grammar": True}
    cfg.options = {**cfg.options, "grammar": grammar}


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format (auto: github inside GitHub Actions, else text).",
)
@click.option("--select", multiple=True, help="Only rules with these id prefixes (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip rules with these id prefixes.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (copydesk.toml).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (and the summary in text output).")
@click.option("-v", "--verbose", is_flag=True, help="Also say which files were skipped as not articles, and why.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Choose the files named on the command line as in a folder: include, exclude, .gitignore and the "
    "files that are not articles (the pre-commit hook passes every changed file).",
)
@click.option("--explain", is_flag=True, help="Say why each word was accepted or flagged.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what remains.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what --fix would change (a diff); write nothing.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff: apply every first suggestion too, not only the fixes that cannot be wrong.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that are not in this baseline file (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    "write_baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings in this file, report nothing and exit 0.",
)
@click.option(
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file (whole or not at all) instead of the standard output.",
)
@click.option(
    "--require",
    multiple=True,
    type=click.Choice(["grammar"]),
    help="Turn this check on and exit with status 2 when it cannot run (grammar: no engine, LanguageTool failing).",
)
@click.option(
    "--languagetool-url",
    envvar="LANGUAGETOOL_URL",
    show_envvar=True,
    help="The LanguageTool server of the grammar check, such as http://localhost:8081.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for the per-article passes (default: one a core of the machine).",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help='Neither read nor write the cache of per-article facts (in the cache folder: see README, "Speed").',
)
@click.option(
    "--stdin-filename",
    "stdin_filename",
    metavar="PATH",
    help="With the path '-': the name of the text read from stdin (its extension decides the format, its "
    "folder the config; findings carry this name). --fix then writes the fixed text to stdout.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show files done and the rate on stderr during a long run (default: on a terminal, outside CI).",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    quiet: bool,
    verbose: bool,
    force_exclude: bool,
    explain: bool,
    color: bool | None,
    fix: bool,
    show_diff: bool,
    unsafe_fixes: bool,
    baseline_path: Path | None,
    write_baseline: Path | None,
    output: Path | None,
    require: tuple[str, ...],
    languagetool_url: str | None,
    jobs: int | None,
    no_cache: bool,
    progress: bool | None,
    stdin_filename: str | None,
) -> None:
    """Check article files, folders or globs (default: the current folder); '-' reads one from stdin."""
    from lint.diagnostics import Severity
    from lint.report import REPORTERS, WHOLE_SOURCES, choose
    from lint.run import run

    from_stdin = "-" in paths
    if from_stdin and len(paths) > 1:
        raise click.UsageError("'-' (read an article from stdin) cannot be given with other paths")
    if stdin_filename is not None and not from_stdin:
        raise click.UsageError("--stdin-filename goes with the path '-' (read the article from stdin)")
    if from_stdin and (write_baseline is not None or (show_diff and fix)):
        raise click.UsageError("'-' (stdin) cannot be used with --write-baseline or with --fix and --diff together")
    from lint import stdin

    cfg = config_mod.load(config_path, stdin.config_start(stdin_filename) if from_stdin else None)
    limits.set_current(cfg.limits)  # every file this command reads is read within the config's limits
    _known_rules(select, "--select")
    _known_rules(ignore, "--ignore")
    cfg.select = cfg.select + _split(select) if select else cfg.select
    cfg.ignore = cfg.ignore + _split(ignore)
    _grammar_options(cfg, require, languagetool_url)
    if baseline_path is not None and write_baseline is not None:
        raise click.UsageError("--baseline and --write-baseline cannot be used together")
    if unsafe_fixes and not (fix or show_diff):
        raise click.UsageError("--unsafe-fixes goes with --fix or --diff")
    if baseline_path is not None or write_baseline is not None:
        from lint import baseline

    if baseline_path is None and write_baseline is None and cfg.baseline is not None:
        baseline_path = cfg.baseline  # the config's baseline = "…"
        from lint import baseline
    known = baseline.load(baseline_path) if baseline_path is not None else None  # a bad file stops the run first
    cfg.force_exclude = force_exclude
    cfg.outputs = tuple(p for p in (baseline_path, write_baseline, output) if p is not None)  # never checked
    if progress is None:
        progress = sys.stderr.isatty() and not os.environ.get("CI")
    shown = None
    if progress:
        from lint.pipeline.runner import Progress

        shown = Progress(sys.stderr)
    if from_stdin:
        data = stdin.read_stdin()
        result = stdin.check(data, stdin.name_of(stdin_filename), cfg, explain)
    else:
        result = run(
            paths or (".",),
            cfg,
            explain=explain,
            jobs=jobs,
            use_cache=not no_cache,
            keep_articles=fix or show_diff,
            whole_sources=choose(fmt) in WHOLE_SOURCES,
            progress=shown,
        )
    for notice in (*result.skipped, *result.notices) if verbose else result.notices:
        _say(notice)
    if fix or show_diff:
        from lint import fix as fixer

        if from_stdin and fix:  # the fixed text goes to stdout, the report of what remains to stderr
            result, fixed_text, messages = fixer.fix_text(result, cfg, explain, unsafe_fixes)
            sys.stdout.write(fixed_text)
            sys.stdout.flush()
        elif show_diff:
            diff, messages = fixer.preview(result, unsafe_fixes)
            click.echo(visible(diff, newlines=True) if sys.stdout.isatty() else diff, nl=False)
        else:
            result, messages = fixer.fix(result, cfg, explain, unsafe_fixes)
        for message in messages:
            _say(message)
        if show_diff:
            raise SystemExit(EXIT_FINDINGS if diff else EXIT_OK)
    sources = {a.path: a.source for a in result.articles}
    if write_baseline is not None:
        written = baseline.write(write_baseline, result.diagnostics, sources)
        _say(f"wrote {written} finding{'' if written == 1 else 's'} to {write_baseline}")
        raise SystemExit(EXIT_OK)
    if known is not None:
        result.diagnostics = baseline.new(known, result.diagnostics, sources)
    if quiet:
        result.hidden = [d for d in result.diagnostics if d.severity != Severity.ERROR]
        result.diagnostics = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    if not explain:  # the reasons behind each decision are shown on request only
        result.diagnostics = [replace(d, explanation="") if d.explanation else d for d in result.diagnostics]
    buffer = io.StringIO()  # --output: the whole report, then one atomic write
    stream: IO[str] = buffer if output is not None else sys.stdout
    if from_stdin and fix and output is None:
        stream = sys.stderr
    colour = color if color is not None else (output is None and stream.isatty() and "NO_COLOR" not in os.environ)
    REPORTERS[choose(fmt)](result, stream, colour)
    if output is not None:
        from lint.report.output import write_file

        write_file(output, buffer.getvalue())
    has_errors = any(d.severity == Severity.ERROR for d in result.diagnostics)
    raise SystemExit(EXIT_FINDINGS if has_errors or result.unwritten else EXIT_OK)


@cli.command("init")
@click.argument("folder", default=".", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--baseline",
    "write_baseline",
    is_flag=True,
    help="Also record today's findings in copydesk-baseline.json, so that checks report only new ones.",
)
def init_command(folder: Path, write_baseline: bool) -> None:
    """Set copydesk up for the site in FOLDER (default: here): say what it is, write copydesk.toml."""
    from lint.init import init

    raise SystemExit(init(folder, lambda line: click.echo(visible(line)), write_baseline))


@cli.command("rules")
@click.argument("rule", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(rule: str | None, fmt: str) -> None:
    """List every rule id with its default severity and what it finds; RULE: what that rule checks, with
    examples that pass and fail and how to turn it off (a prefix such as 'spelling' lists its rules)."""
    import json

    from lint.checks import rule_table

    table = rule_table()
    chosen = sorted(table)
    if rule is not None:
        from lint import ruledoc
        from lint.ruledoc import render

        chosen = ruledoc.lookup(rule)
        if chosen == [rule]:
            doc = ruledoc.get(rule)
            click.echo(
                json.dumps(render.to_json(doc), indent=2, ensure_ascii=False) if fmt == "json" else render.text(doc),
                nl=fmt == "json",
            )
            return
    if fmt == "json":
        rows = [{"rule": r, "severity": table[r][0].value, "description": table[r][1]} for r in chosen]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(r) for r in chosen)
    for r in chosen:
        severity, description = table[r]
        click.echo(f"{r:<{width}}  {severity.value:<7}  {description}")


@cli.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over stdin and stdout (the default, and the only way; editors' clients may pass it).",
)
def lsp_command(stdio: bool) -> None:
    """Run the language server (LSP over stdin and stdout): findings, fixes and explanations in your editor."""
    from lint.lsp.server import main as serve

    raise SystemExit(serve())


@cli.command("names")
@click.argument("paths", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (copydesk.toml).")
@click.option(
    "--write",
    "write_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the variant clusters as a names file to list in rules = [...].",
)
def names_command(paths: tuple[str, ...], fmt: str, config_path: Path | None, write_path: Path | None) -> None:
    """Index the names in article files: names spelled more than one way first, then every name by use."""
    from lint.names import namesfile, report

    cfg = config_mod.load(config_path)
    limits.set_current(cfg.limits)  # every file this command reads is read within the config's limits
    index, notices = report.index(paths or (".",), cfg)
    for notice in notices:
        _say(notice)
    if write_path is not None:
        written = namesfile.write(index, write_path)
        _say(f"wrote {written} {'entry' if written == 1 else 'entries'} to {write_path}")
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_json(index), indent=2, ensure_ascii=False))
    else:
        report.write_text(index, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a string no encoding can hold is written escaped, never a traceback
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        cli.main(args, prog_name="copydesk", standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except click.UsageError as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("copydesk: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except FatalError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
