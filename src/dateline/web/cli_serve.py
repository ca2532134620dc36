"""`dateline serve`: the local web app. Registered in dateline.cli with
`main.add_command(serve)` (from .web.cli_serve import serve)."""
from __future__ import annotations

import click


@click.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Database built by `dateline build`.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--edit", is_flag=True,
              help="Show edit forms (hide, star, re-date, merge, split, rename, status) and "
                   "accept them; read-only without it.")
@click.option("--by", default=None,
              help="Who the web edits are recorded as (default: the OS user running the server).")
def serve(db, host, port, edit, by):
    """Browse the timeline in a local web app (read-only unless --edit; every page also as .json)."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError as e:  # the web extra is not installed
        raise click.ClickException(f"the web app needs starlette, jinja2 and uvicorn ({e.name} is missing): "
                                   "pip install 'dateline[web]'")
    from ..store.sqlite import StoreError

    try:
        # only the names this server answers to (a guard against DNS rebinding)
        hosts = None if host in ("0.0.0.0", "::", "") else sorted({host, "localhost", "127.0.0.1", "[::1]", "::1"})
        app = create_app(db, allowed_hosts=hosts, edit=edit, editor=by)
    except StoreError as e:
        raise click.ClickException(str(e))
    # bind before saying where we serve: a busy port is an error, not a URL that shows
    # someone else's server (uvicorn would log it and exit 1 after our line)
    sock = _bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    mode = "edits on: forms post to the database" if edit else "read-only"
    click.echo(f"dateline: serving {db} at http://{shown}:{port}/ ({mode}; Ctrl-C to stop)")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    server.run(sockets=[sock])


def _bind(host: str, port: int):
    """A listening-ready socket on host:port (as uvicorn makes it), or a one-line error."""
    import errno
    import socket

    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                          flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, OverflowError) as e:
        raise click.ClickException(f"cannot listen on {host}:{port}: {e}")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} on {host} is in use (another `dateline serve`?); "
                                       "choose another with --port")
        raise click.ClickException(f"cannot listen on {host}:{port}: {e.strerror or e}")
    sock.set_inheritable(True)
    return sock
