"""``incidex serve``: the REST API (and the analyst UI) over a store, bound to 127.0.0.1 by default."""

from __future__ import annotations

import ipaddress
import os

import click

from ..config import load_settings
from ..errors import ConfigError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", "db_url", default=None, help="Database URL or SQLite path (default: the [store] url setting).")
@click.option("--host", default=None, help="Address to bind (default: the [server] host setting, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port (default: the [server] port, 8000).")
@click.option("--token", default=None, envvar="INCIDEX_TOKEN", show_envvar=True,
              help="Bearer token required by write endpoints; needed when binding a non-loopback address.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Settings file (TOML).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; about one per CPU core serves the most requests.")
def command(db_url: str | None, host: str | None, port: int | None, token: str | None, config_path: str | None,
            workers: int) -> None:
    """Serve the incidex REST API under /api (OpenAPI at /docs) and the analyst UI at /."""
    try:
        import uvicorn

        from ..api.app import WORKER_ENV, create_app
        from ..api.workers import serve_workers
        from ..store import Store, is_writable
    except ImportError as exc:
        raise ConfigError(
            f"the server needs extra packages ({exc.name}); install them: pip install 'incidex[server]'"
        ) from None
    settings = load_settings(config_path)
    host = host or settings.server.host
    token = token or None
    if not is_loopback(host) and token is None:
        raise ConfigError(f"refusing to serve on {host} without a token: set --token or INCIDEX_TOKEN, "
                          "or bind 127.0.0.1")
    db_url = db_url or settings.store.url
    port = port or settings.server.port
    # the store must exist (only ingest creates one); migrations run once, here, before any worker opens it
    Store(db_url, create=False, read_only=not is_writable(db_url)).close()
    if workers == 1:
        uvicorn.run(create_app(db_url=db_url, settings=settings, token=token), host=host, port=port, log_level="info")
        return
    # Each worker builds its own app from these variables (uvicorn imports the factory by name in each process).
    os.environ |= {WORKER_ENV["db_url"]: db_url, WORKER_ENV["token"]: token or ""}
    if config_path:
        os.environ[WORKER_ENV["config"]] = config_path
    serve_workers(workers, host=host, port=port)
