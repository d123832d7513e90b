"""The typer application, its global options, and the error-to-exit-status policy."""

from __future__ import annotations

import re
import sys
from typing import NoReturn

import typer
from rich.console import Console

from .. import __version__
from ..errors import NewsledgerError

app = typer.Typer(
    name="newsledger",
    help="Who said what, which figures, which sources, and when, from war and diplomacy news; "
         "and a ledger of figures across articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    """Print a one-line error on stderr and exit with ``code`` (2: the invocation is wrong)."""
    err_console.print(f"[bold red]error:[/] {for_cli(message)}", soft_wrap=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """newsledger: source-attributed, time-resolved records from news, and a ledger of figures."""


def main() -> None:
    """Entry point: run the app, turning library errors into a clean exit 2."""
    try:
        app()
    except NewsledgerError as exc:
        err_console.print(f"[bold red]error:[/] {for_cli(exc)}", soft_wrap=True)
        sys.exit(2)
