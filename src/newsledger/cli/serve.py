"""`newsledger serve`: the web view of a ledger (read-only) and of single articles."""

from __future__ import annotations


import typer

from ..errors import NewsledgerError
from .app import app, db_option, err_console, fail


@app.command()
def serve(
    db: str = db_option(),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535,
                             help="TCP port to listen on (0 picks a free one)."),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Interface to bind. The default serves this machine only; "
                                  "anything else exposes the ledger to the network."),
    max_upload: int = typer.Option(2_000_000, "--max-upload", min=1_000, metavar="BYTES",
                                   help="Largest article the extract page accepts."),
    store: bool = typer.Option(False, "--allow-store",
                               help="Let the extract page store articles in --db when the user "
                                    "ticks \"Store it in the ledger\". Off by default: the "
                                    "server never writes."),
    _no_store: bool = typer.Option(False, "--no-store", hidden=True,
                                   help="No-op: not storing is the default."),
) -> None:
    """Serve the web view: series of figures over time, articles with highlights, extraction.

    The ledger is opened read-only and the server never writes to it, unless started with
    --allow-store: then the extract page offers "Store it in the ledger" and, when ticked,
    writes the record to --db through its own short-lived connection.

    \b
    Example:
        newsledger ingest articles.jsonl.gz --db ledger.sqlite
        newsledger serve --db ledger.sqlite --port 8000
    """
    from ..ledger.postgres import redact
    from ..ledger.store import ledger_exists

    shown_db = redact(str(db))  # a postgresql:// URL's password never reaches the terminal
    if not ledger_exists(db):
        fail(f"No ledger at {shown_db!r}. Create one with `newsledger ingest FILE --db "
             f"{shown_db}` first, or check the path.")
    try:
        import uvicorn

        from ..web import create_app
        from ..web.app import LOOPBACK_HOSTS
    except ImportError as exc:  # pragma: no cover - dependencies are declared
        fail(f"The web view needs {exc.name!r}: pip install 'newsledger' with its dependencies.")
    allowed = set(LOOPBACK_HOSTS)
    if host not in ("127.0.0.1", "localhost", "::1"):
        allowed = set()  # a deliberate public bind: any Host name is accepted
        err_console.print(f"[yellow]warning:[/] binding {host}: anyone who can reach this "
                          "machine can read the ledger" + (" and store articles in it" if store
                                                           else "") + ".")
    try:
        web = create_app(db, max_upload=max_upload, allow_store=store, allowed_hosts=allowed)
    except NewsledgerError as exc:
        fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    mode = "read-only" if not store else "read-only; the extract page may store"
    err_console.print(f"newsledger: serving {shown_db} ({mode}) at http://{shown}:{port}/  "
                      "(Ctrl+C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)
