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
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    quiet: bool,
    explain: bool,
    color: bool | None,
) -> None:
    """Check article files, folders or globs (default: the current folder)."""
    from lint.diagnostics import Severity
    from lint.report import REPORTERS
    from lint.run import run

    cfg = config_mod.load(config_path)
    cfg.select = cfg.select + _split(select) if select else cfg.select
    cfg.ignore = cfg.ignore + _split(ignore)
    result = run(paths or (".",), cfg, explain=explain)
    for notice in result.notices:
        click.echo(f"copydesk: {notice}", err=True)
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
