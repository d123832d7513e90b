"""The typer application, its global options, and the error-to-exit-status policy."""

from __future__ import annotations

import re
import sys
from typing import NoReturn

import typer
from rich.console import Console

from .. import __version__
from ..errors import NewsledgerError

# One set of conventions for every command: -h/--help, -f/--format, -o/--output, --db.
CONTEXT = {"help_option_names": ["-h", "--help"]}
DEFAULT_DB = "newsledger.sqlite"
DB_HELP = ("The ledger: a SQLite file (default: newsledger.sqlite in the current folder) or a "
           "PostgreSQL URL, postgresql://USER@HOST/DATABASE.")


def db_option() -> str:
    """The `--db` option, with the same default and help in every command. A string, not a
    Path: a Path would fold the "//" of a postgresql:// URL."""
    option: str = typer.Option(DEFAULT_DB, "--db", metavar="PATH|URL", help=DB_HELP)
    return option


app = typer.Typer(
    name="newsledger",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)

err_console = Console(stderr=True, highlight=False)


# The library names its parameters (``published=``, see newsledger.errors.param); the command line
# shows the flag that sets each one.
FLAGS = {"path": "--db", "db": "--db", "published": "--published", "max_chars": "--max-chars",
         "address": "--dask", "workers": "--workers", "since": "--since", "until": "--until",
         "max_upload": "--max-upload"}
_PARAM = re.compile(r"`(\w+)=`")


def for_cli(message: object) -> str:
    """A library message in command-line terms: "`published=`" becomes "--published"."""
    return _PARAM.sub(lambda m: FLAGS.get(m.group(1), f"--{m.group(1).replace('_', '-')}"),
                      str(message))


def fail(message: object, code: int = 2) -> NoReturn:
    """Print a one-line error on stderr and exit with ``code`` (2: the invocation is wrong;
    1: nothing could be processed)."""
    err_console.print(f"[bold red]error:[/] {for_cli(message)}", soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Who said what, which figures, which sources, and when, from war and diplomacy news; and a
    ledger of figures across articles.

    Exit status: 0 when something was processed, 1 when nothing could be, 2 when the invocation
    is wrong.

    \b
    Example:
        newsledger extract examples/ceasefire.txt --published 2025-03-07 -f table
        newsledger ingest examples/ceasefire.txt --published 2025-03-07 --db newsledger.sqlite
        newsledger ledger --db newsledger.sqlite
    """


def main() -> None:
    """Entry point: run the app, turning library errors into a clean exit 2."""
    try:
        app()
    except NewsledgerError as exc:
        err_console.print(f"[bold red]error:[/] {for_cli(exc)}", soft_wrap=True)
        sys.exit(2)
