"""Several server processes on one address, each listening on its own socket (``SO_REUSEPORT``).

With one socket shared by all workers (uvicorn's ``--workers``), the worker that wakes first accepts every waiting
connection, so a burst of keep-alive connections (a browser, a load test) lands on one process while the others
idle: in ``bench/bench_api.py`` all 8 connections went to one of two workers in 2 of 4 runs. With a socket per
worker the kernel spreads new connections over them (Linux; elsewhere ``SO_REUSEPORT`` does not balance, and
uvicorn's shared socket is used). The parent only supervises: it restarts a worker that dies after it started
serving, and stops everything when one cannot start.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading
import time
from multiprocessing.process import BaseProcess

import uvicorn
from uvicorn.config import STARTUP_FAILURE  # a worker's exit code when it cannot bind or build its app

from ..errors import ConfigError

POLL_SECONDS = 0.5
STOP_SECONDS = 30.0
APP = "incidex.api.app:worker_app"
BALANCED = sys.platform == "linux"  # where the kernel spreads connections over SO_REUSEPORT sockets


def serve_workers(count: int, *, host: str, port: int) -> None:
    """Run ``count`` worker processes of :data:`APP` on ``host:port`` until SIGINT or SIGTERM."""
    if not BALANCED:
        uvicorn.run(APP, factory=True, workers=count, host=host, port=port, log_level="info")
        return
    family, address = _address(host, port)
    _check_free(family, address)
    context = multiprocessing.get_context("spawn")

    def start() -> BaseProcess:
        process = context.Process(target=_worker, args=(family, address))
        process.start()
        return process

    stopping = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    workers = [start() for _ in range(count)]
    shown = f"[{address[0]}]" if family == socket.AF_INET6 else address[0]
    print(f"incidex serve: {count} workers on http://{shown}:{port} (Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        while not stopping.wait(POLL_SECONDS):
            for index, process in enumerate(workers):
                if process.is_alive():
                    continue
                if process.exitcode == STARTUP_FAILURE:
                    raise ConfigError(f"a server worker could not start on {host}:{port}; its log says why")
                workers[index] = start()  # died while serving: replace it
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _stop_all(workers)


def _address(host: str, port: int) -> tuple[socket.AddressFamily, tuple[str, int]]:
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ConfigError(f"cannot serve on {host!r}: {exc.strerror}") from None
    return family, (address[0], address[1])


def _check_free(family: socket.AddressFamily, address: tuple[str, int]) -> None:
    """Refuse a port that something already listens on: another server using ``SO_REUSEPORT`` as the same user
    would otherwise share its connections with ours."""
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise ConfigError(f"cannot serve on {address[0]}:{address[1]}: {exc.strerror}") from None


def _listening_socket(family: socket.AddressFamily, address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(2048)
    return sock


def _worker(family: socket.AddressFamily, address: tuple[str, int]) -> None:
    """One worker process: its own listening socket, the app from the environment (``app.WORKER_ENV``)."""
    try:
        sock = _listening_socket(family, address)
    except OSError as exc:
        print(f"incidex serve: cannot listen on {address[0]}:{address[1]}: {exc.strerror}", flush=True)
        raise SystemExit(STARTUP_FAILURE) from None
    config = uvicorn.Config(APP, factory=True, log_level="info")
    uvicorn.Server(config).run(sockets=[sock])


def _stop_all(workers: list[BaseProcess]) -> None:
    """SIGTERM to every worker (uvicorn finishes the requests in flight), SIGKILL to any still alive after
    :data:`STOP_SECONDS`."""
    for process in workers:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process in workers:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
