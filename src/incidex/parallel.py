"""Run the one batch function over many documents on local worker processes or a Dask cluster.

Both drivers cut the document stream into chunks, send each chunk to ``incidex.batch.extract_documents`` in a
worker process and yield its outcomes in input order. At most ``2 x workers`` chunks are in flight, so memory stays
bounded however long the stream is. Worker processes live for the whole run and the batch function keeps its
pipeline per process, so each worker loads the pipeline once. A chunk whose batch function raises, or whose worker
dies (a dead local worker also fails the chunks in flight with it), becomes one error outcome per document, and
the run goes on with a fresh pool. Local workers run at a lower priority than the process that reads their
outcomes (it writes the store), and end when it dies.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from typing import Any, Protocol

from .batch import Outcome, extract_documents
from .config import Settings
from .errors import ConfigError, ExtractionError
from .ingest.failures import ReadFailure
from .types import Document


class BatchFunction(Protocol):
    """The shape of ``incidex.batch.extract_documents``: one outcome per document, in order."""

    def __call__(self, documents: Iterable[Document], *, settings: Settings) -> Iterator[Outcome]: ...


IN_FLIGHT_PER_WORKER = 2
WORKER_NICENESS = 5
_LOCAL_ADDRESS = re.compile(r"local:(\d+)")


def run_local(
    documents: Iterable[Document],
    *,
    settings: Settings,
    workers: int,
    chunk_size: int = 32,
    extract: BatchFunction = extract_documents,
) -> Iterator[Outcome]:
    """Outcomes for ``documents`` in input order, computed by ``workers`` local processes.

    ``workers=1`` runs in this process. ``extract`` is the batch function; another one than the default must be
    importable by name in a fresh process (a module-level function or a ``functools.partial`` of one).
    """
    _check_positive(workers=workers, chunk_size=chunk_size)
    if workers == 1:
        yield from extract(documents, settings=settings)
        return
    settings = threads_per_worker(settings, workers)
    pool = _LocalPool(workers)
    try:
        yield from _ordered(
            _chunks(documents, chunk_size),
            lambda chunk: pool.submit(extract_chunk, extract, settings, chunk),
            max_in_flight=IN_FLIGHT_PER_WORKER * workers,
        )
    finally:
        pool.shutdown()


def run_items(
    items: Iterable[Document | ReadFailure], *, settings: Settings, workers: int
) -> Iterator[Outcome | ReadFailure]:
    """A reader's stream (documents and the failures of inputs that gave none) with each document replaced by its
    outcome from :func:`run_local`; the failures stay in their place, so everything comes out in input order."""
    before: deque[list[ReadFailure]] = deque()  # per document sent out: the failures read just before it
    tail: list[ReadFailure] = []

    def documents() -> Iterator[Document]:
        failures: list[ReadFailure] = []
        for item in items:
            if isinstance(item, ReadFailure):
                failures.append(item)
            else:
                before.append(failures)
                failures = []
                yield item
        tail.extend(failures)

    for outcome in run_local(documents(), settings=settings, workers=workers):
        yield from before.popleft()
        yield outcome
    yield from tail


def run_dask(
    documents: Iterable[Document],
    *,
    settings: Settings,
    address: str,
    chunk_size: int = 32,
    extract: BatchFunction = extract_documents,
) -> Iterator[Outcome]:
    """Outcomes for ``documents`` in input order, computed on Dask workers.

    ``address`` is ``local:N`` (start a local cluster of N single-thread worker processes for this run) or the
    address of a running scheduler (``tcp://host:8786``); the workers must be able to import incidex.
    """
    _check_positive(chunk_size=chunk_size)
    settings = threads_per_worker(settings, os.cpu_count() or 1)  # one encoder thread per Dask worker thread
    with _dask_client(address) as client:
        slots = max(1, sum(client.nthreads().values()))
        yield from _ordered(
            _chunks(documents, chunk_size),
            lambda chunk: client.submit(extract_chunk, extract, settings, chunk, pure=False),
            max_in_flight=IN_FLIGHT_PER_WORKER * slots,
        )


def threads_per_worker(settings: Settings, workers: int) -> Settings:
    """``settings`` whose encoder uses the worker's share of the cores when ``nlp.threads`` is 0 (automatic)."""
    if settings.nlp.threads:
        return settings
    return settings.with_overrides(nlp={"threads": max(1, (os.cpu_count() or 1) // workers)})


def extract_chunk(extract: BatchFunction, settings: Settings, chunk: list[Document]) -> list[Outcome]:
    """Run the batch function over one chunk in a worker; checks that it kept one outcome per document."""
    outcomes = list(extract(chunk, settings=settings))
    if len(outcomes) != len(chunk):
        raise RuntimeError(f"the batch function returned {len(outcomes)} outcomes for {len(chunk)} documents")
    return outcomes


def _ordered(
    chunks: Iterator[list[Document]], submit: Callable[[list[Document]], Any], *, max_in_flight: int
) -> Iterator[Outcome]:
    """Submit chunks (each returns a future with ``result()``) and yield their outcomes in submission order."""
    pending: deque[tuple[list[Document], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max_in_flight:
            yield from _results(*pending.popleft())
    while pending:
        yield from _results(*pending.popleft())


def _results(chunk: list[Document], future: Any) -> list[Outcome]:
    try:
        return future.result()
    except Exception as exc:  # a lost chunk is recorded per document, the run goes on
        error = ExtractionError(f"worker failed on this chunk ({type(exc).__name__}: {exc}); rerun these documents")
        return _failed(chunk, error)


def _failed(chunk: list[Document], error: ExtractionError) -> list[Outcome]:
    return [Outcome(document=document, report=None, error=error) for document in chunk]


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _LocalPool:
    """A process pool that replaces itself when a worker dies, so later chunks still run."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn: workers start clean, whatever threads or models the parent holds
        return ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker)

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        try:
            return self._executor.submit(function, *args)
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()
            return self._executor.submit(function, *args)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _start_worker() -> None:
    """Initializer of a local worker process: lower its priority and make it end with its parent."""
    _lower_priority()
    _exit_with_parent()


def _lower_priority() -> None:
    """Extraction workers yield the CPU to the process that stores and merges their results: on a machine with no
    core to spare, the single writer then never waits behind them, and the workers lose only what it uses."""
    os.nice(WORKER_NICENESS)


def _exit_with_parent() -> None:
    """End this worker as soon as the process that started it is gone. A parent killed with SIGKILL cannot shut
    its pool down, and its workers would otherwise wait for chunks forever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="incidex-parent-watch", daemon=True).start()


@contextmanager
def _dask_client(address: str) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("Dask is not installed; install it with: pip install 'incidex[dask]'") from None
    if match := _LOCAL_ADDRESS.fullmatch(address):
        workers = int(match[1])
        _check_positive(workers=workers)
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_port=0,
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            client.run(_lower_priority)
            yield client
        return
    if address.startswith("local:"):
        raise ConfigError(f"bad Dask address {address!r}; use local:N (N worker processes) or a scheduler address")
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address} ({exc}); check that it is running") from None
    with client:
        yield client


def _check_positive(**values: int) -> None:
    for name, value in values.items():
        if value < 1:
            raise ConfigError(f"{name} must be at least 1, got {value}")


__all__ = ["BatchFunction", "extract_chunk", "run_dask", "run_items", "run_local"]
