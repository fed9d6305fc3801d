"""The ``copydesk`` command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import click

from lint import __version__
from lint import config as config_mod
from lint.errors import FatalError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def cli() -> None:
    """copydesk: an editorial quality checker for article files."""


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


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
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--select", multiple=True, help="Only rules with these id prefixes (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip rules with these id prefixes.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (copydesk.toml).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (and the summary in text output).")
@click.option("--explain", is_flag=True, help="Say why each word was accepted or flagged.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what remains.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what --fix would change (a diff); write nothing.")
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
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    quiet: bool,
    explain: bool,
    color: bool | None,
    fix: bool,
    show_diff: bool,
    require: tuple[str, ...],
    languagetool_url: str | None,
) -> None:
    """Check article files, folders or globs (default: the current folder)."""
    from lint.diagnostics import Severity
    from lint.report import REPORTERS
    from lint.run import run

    cfg = config_mod.load(config_path)
    cfg.select = cfg.select + _split(select) if select else cfg.select
    cfg.ignore = cfg.ignore + _split(ignore)
    _grammar_options(cfg, require, languagetool_url)
    result = run(paths or (".",), cfg, explain=explain)
    for notice in result.notices:
        click.echo(f"copydesk: {notice}", err=True)
    if fix or show_diff:
        from lint import fix as fixer

        if show_diff:
            diff, messages = fixer.preview(result)
            click.echo(diff, nl=False)
        else:
            result, messages = fixer.fix(result, cfg, explain)
        for message in messages:
            click.echo(f"copydesk: {message}", err=True)
        if show_diff:
            raise SystemExit(EXIT_FINDINGS if diff else EXIT_OK)
    if quiet:
        result.diagnostics = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    if not explain:  # the reasons behind each decision are shown on request only
        result.diagnostics = [replace(d, explanation="") if d.explanation else d for d in result.diagnostics]
    stream = sys.stdout
    colour = color if color is not None else (stream.isatty() and "NO_COLOR" not in os.environ)
    REPORTERS[fmt](result, stream, colour)
    has_errors = any(d.severity == Severity.ERROR for d in result.diagnostics)
    raise SystemExit(EXIT_FINDINGS if has_errors else EXIT_OK)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(fmt: str) -> None:
    """List every rule id with its default severity and what it finds."""
    import json

    from lint.checks import rule_table

    table = rule_table()
    if fmt == "json":
        rows = [{"rule": r, "severity": s.value, "description": d} for r, (s, d) in sorted(table.items())]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(r) for r in table)
    for rule, (severity, description) in sorted(table.items()):
        click.echo(f"{rule:<{width}}  {severity.value:<7}  {description}")


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
    index, notices = report.index(paths or (".",), cfg)
    for notice in notices:
        click.echo(f"copydesk: {notice}", err=True)
    if write_path is not None:
        written = namesfile.write(index, write_path)
        click.echo(f"copydesk: wrote {written} {'entry' if written == 1 else 'entries'} to {write_path}", err=True)
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_json(index), indent=2, ensure_ascii=False))
    else:
        report.write_text(index, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
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
        click.echo(f"copydesk: {exc}", err=True)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
