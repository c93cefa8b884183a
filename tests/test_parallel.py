import os
import subprocess
import sys
import time

import pytest

from incidex.batch import Outcome
from incidex.config import load_settings
from incidex.errors import ConfigError, ExtractionError, InputError
from incidex.parallel import IN_FLIGHT_PER_WORKER, WORKER_NICENESS, run_dask, run_local
from incidex.types import Document, DocumentInfo, Report


def fake_extract(documents, *, settings):
    """Stand-in for the batch function: a report saying how long the text is, an error for texts with BAD."""
    for document in documents:
        if "CRASH" in document.text:
            os._exit(1)  # a worker process dying mid-chunk
        if "BAD" in document.text:
            yield Outcome(document=document, report=None, error=InputError(f"bad document {document.id}"))
        else:
            info = DocumentInfo(published=settings.nlp.model, source=None, chars=len(document.text), id=document.id)
            yield Outcome(document=document, report=Report(document=info), error=None)


def pid_extract(documents, *, settings):
    """Stand-in that reports which process handled each document."""
    for document in documents:
        info = DocumentInfo(published=None, source=str(os.getpid()), chars=0, id=document.id)
        yield Outcome(document=document, report=Report(document=info), error=None)


def nice_extract(documents, *, settings):
    """Stand-in that reports the scheduling priority (niceness) of the process that handled each document."""
    for document in documents:
        info = DocumentInfo(published=None, source=str(os.nice(0)), chars=0, id=document.id)
        yield Outcome(document=document, report=Report(document=info), error=None)


def _documents(count: int, *, special: dict[int, str] | None = None) -> list[Document]:
    special = special or {}
    return [Document(text=special.get(n, "report " * (n + 1)), id=f"d{n}") for n in range(count)]


@pytest.fixture
def settings():
    return load_settings().with_overrides(nlp={"model": "stand-in-model"})


def test_run_local_with_two_workers_equals_the_in_process_run(settings):
    documents = _documents(11, special={4: "a BAD one"})
    serial = list(run_local(documents, settings=settings, workers=1, extract=fake_extract))
    pooled = list(run_local(documents, settings=settings, workers=2, chunk_size=3, extract=fake_extract))
    assert pooled == serial
    assert [o.document.id for o in pooled] == [d.id for d in documents]
    assert pooled[4].error.message == "bad document d4" and pooled[4].report is None
    assert pooled[10].report.document.chars == len(documents[10].text)
    assert pooled[0].report.document.published == "stand-in-model"  # the settings reached the workers


def test_run_local_reuses_its_worker_processes_across_chunks(settings):
    outcomes = list(run_local(_documents(40), settings=settings, workers=2, chunk_size=2, extract=pid_extract))
    pids = {o.report.document.source for o in outcomes}
    assert str(os.getpid()) not in pids
    assert 1 <= len(pids) <= 2  # 20 chunks, never more processes than workers


def test_run_local_reads_its_input_lazily(settings):
    pulled = []

    def stream():
        for document in _documents(200):
            pulled.append(document.id)
            yield document

    outcomes = run_local(stream(), settings=settings, workers=2, chunk_size=4, extract=fake_extract)
    first = next(outcomes)
    assert first.document.id == "d0"
    assert len(pulled) <= (IN_FLIGHT_PER_WORKER * 2 + 1) * 4
    assert len(list(outcomes)) == 199


def test_run_local_records_a_dead_worker_and_goes_on(settings):
    documents = _documents(60, special={5: "CRASH here"})  # far more chunks than can be in flight at the crash
    outcomes = list(run_local(documents, settings=settings, workers=2, chunk_size=3, extract=fake_extract))
    assert [o.document.id for o in outcomes] == [d.id for d in documents]
    assert all(isinstance(o.error, ExtractionError) and "worker failed" in o.error.message and o.report is None
               for o in outcomes[3:6])
    later = [o for o in outcomes[6:] if o.report is not None]
    assert later, "chunks after the crash must still be extracted by a fresh pool"


@pytest.mark.parametrize(("workers", "chunk_size"), [(0, 32), (2, 0)])
def test_run_local_refuses_bad_sizes(settings, workers, chunk_size):
    with pytest.raises(ConfigError, match="must be at least 1"):
        list(run_local([], settings=settings, workers=workers, chunk_size=chunk_size, extract=fake_extract))


def test_run_dask_on_a_local_cluster_equals_the_in_process_run(settings):
    documents = _documents(9, special={2: "BAD input"})
    serial = list(run_local(documents, settings=settings, workers=1, extract=fake_extract))
    distributed = list(run_dask(documents, settings=settings, address="local:2", chunk_size=2, extract=fake_extract))
    assert distributed == serial
    assert distributed[2].error.message == "bad document d2"


def test_run_dask_connects_to_a_running_scheduler(settings):
    from distributed import LocalCluster

    documents = _documents(5)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        outcomes = list(run_dask(documents, settings=settings, address=cluster.scheduler_address, extract=pid_extract))
    assert [o.document.id for o in outcomes] == [d.id for d in documents]
    assert {o.report.document.source for o in outcomes} != {str(os.getpid())}


def test_workers_run_at_a_lower_priority_than_the_writer(settings):
    expected = {str(os.nice(0) + WORKER_NICENESS)}
    local = run_local(_documents(6), settings=settings, workers=2, chunk_size=1, extract=nice_extract)
    assert {o.report.document.source for o in local} == expected
    dask = run_dask(_documents(4), settings=settings, address="local:2", chunk_size=1, extract=nice_extract)
    assert {o.report.document.source for o in dask} == expected
    alone = run_local(_documents(2), settings=settings, workers=1, extract=nice_extract)
    assert {o.report.document.source for o in alone} == {str(os.nice(0))}  # one worker: in this process


@pytest.mark.parametrize("address", ["local:0", "local:two", "local:"])
def test_run_dask_refuses_bad_local_addresses(settings, address):
    with pytest.raises(ConfigError):
        list(run_dask([], settings=settings, address=address, extract=fake_extract))


@pytest.mark.slow
def test_drivers_match_the_real_batch_function_on_the_seed_article(shared_file):
    text = shared_file("seed", "rostov_hostage_article.txt").read_text(encoding="utf-8")
    documents = [Document(text=text, id="rostov", published="2024-06-16"), Document(text=text[:800], id="lead")]
    settings = load_settings()
    serial = _view(run_local(documents, settings=settings, workers=1))
    pooled = _view(run_local(documents, settings=settings, workers=2, chunk_size=1))
    dask = _view(run_dask(documents, settings=settings, address="local:2", chunk_size=1))
    assert serial[0][1] is None, f"the batch function failed on the seed article: {serial[0][1]}"
    assert serial[0][2]["incidents"], "the seed article has incidents"
    assert pooled == serial and dask == serial


def _view(outcomes):
    return [(o.document.id, o.error, o.report.to_dict() if o.report else None) for o in outcomes]


SLOW_PARENT = """
import os, sys, time
from incidex.batch import Outcome
from incidex.config import load_settings
from incidex.errors import ExtractionError
from incidex.parallel import run_local
from incidex.types import Document

def slow(documents, *, settings):
    for document in documents:
        print(os.getpid(), flush=True)
        time.sleep(120)
        yield Outcome(document=document, report=None, error=ExtractionError("slow"))

if __name__ == "__main__":
    documents = [Document(text=f"report {n}", id=f"d{n}") for n in range(8)]
    for _ in run_local(documents, settings=load_settings(), workers=2, chunk_size=1, extract=slow):
        pass
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie nobody reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads process states from /proc (Linux)")
def test_local_workers_end_when_their_parent_is_killed(tmp_path):
    script = tmp_path / "slow_parent.py"
    script.write_text(SLOW_PARENT)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers: set[int] = set()
    try:
        workers = {int(parent.stdout.readline()) for _ in range(2)}
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        for pid in filter(_alive, workers):  # orphans of a failed run
            os.kill(pid, 9)
