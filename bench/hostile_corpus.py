"""A hostile corpus through ``incidex ingest`` and ``POST /api/documents``: every failure recorded with its reason, no
crash, no 5xx, an intact store, every good document stored.

    python bench/hostile_corpus.py                       # 5,000 JSONL lines and 60 files, ingest and API
    python bench/hostile_corpus.py --lines 300 --keep DIR  # a smaller run that keeps its corpus and stores in DIR
    python bench/hostile_corpus.py --skip-api & python bench/hostile_corpus.py --skip-ingest   # the two at once

The corpus mutates our own reports (``tests/corpus``, the example report): truncated UTF-8, random bytes, lone
surrogates, NUL characters, 1 MB single lines, lines over the size limit, deeply nested and malformed HTML, right-to-
left text with direction overrides, emoji, huge and negative numbers, broken JSON and wrong field types. Each line
and file is labelled ``stored`` (a usable report that must be stored), ``refused`` (must be refused with a reason)
or ``either`` (HTML a parser may or may not read: recorded either way). ``ingest`` reads the JSONL file and the files;
``incidex serve`` on a fresh store gets every JSONL line as the raw request body and every file's text as JSON.
Prints the counts, each reason's count, and whether every check held; exits 1 when one did not.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "incidex" / "examples" / "kandahar_hostage_report.txt"
REPORTS = [*sorted((ROOT / "tests" / "corpus").glob("*.txt")), EXAMPLE]  # reports we wrote ourselves
MAX_BYTES = 5_000_000  # the shipped input.max_bytes
RTL = ("قال مسؤولون إن مسلحين هاجموا نقطة تفتيش", "לדברי המשטרה, חמושים תקפו מחסום", "\u202eدزدان حمله کردند\u202c")
EMOJI = ("💥", "🔥", "🚓", "👩🏽‍⚕️", "🏳️‍🌈", "🇳🇬", "😢", "\u200d", "🕌", "🧨")
CONTROLS = ("\x01", "\x1b[31m", "\x7f", "\u200b", "\ufeff")
NUMBERS = ("killing 999999999999999 billion people", "killing -5 people", "wounding 1e308 others",
           "killing 99,999,999,999,999,999,999 people", "killing a billion billion billion people",
           "killing 18446744073709551617 people", "wounding −12 people", "killing 0x7fffffff people")


@dataclass
class Item:
    """One line of the JSONL file (``line`` set) or one file, with what must become of it."""

    kind: str
    expect: str  # stored | refused | either | skipped
    line: int | None = None
    path: Path | None = None
    body: bytes = b""  # what the API gets: the raw line, or the file's text as JSON


@dataclass
class Corpus:
    folder: Path
    jsonl: Path
    items: list[Item] = field(default_factory=list)


def _text(rng: random.Random) -> str:
    return rng.choice(REPORTS).read_text(encoding="utf-8")


def _good(rng: random.Random, n: int, text: str, *, ensure_ascii: bool | None = None, **extra: object) -> bytes:
    """A JSONL line of one report (a unique id and closing reference), escaped to ASCII or not at random."""
    record = {"id": f"h{n}", "text": f"{text}\nReference {n}.", "source": "hostile wire", "published": "2024-06-19"}
    ascii_only = rng.random() < 0.5 if ensure_ascii is None else ensure_ascii
    return json.dumps(record | extra, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def _sprinkle(rng: random.Random, text: str, pieces: tuple[str, ...], count: int) -> str:
    words = text.split(" ")
    for _ in range(count):
        words.insert(rng.randrange(len(words) + 1), rng.choice(pieces))
    return " ".join(words)


def _cut_utf8(rng: random.Random, n: int) -> bytes:
    raw = ("Köln — ½ " + _text(rng)[:400] + " Zürich ñ ü ").encode("utf-8")
    cuts = [i for i in range(1, len(raw)) if raw[i] & 0xC0 == 0x80]  # inside a multi-byte character
    return b'{"id": "h%d", "text": "' % n + raw[: rng.choice(cuts)].replace(b'"', b"'").replace(b"\n", b" ") + b' end"}'


def _random_bytes(rng: random.Random, _n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))).replace(b"\n", b"").replace(b"\r", b"")


# kind -> (expectation, line builder)
LINE_KINDS: dict[str, tuple[str, Callable[[random.Random, int], bytes]]] = {
    "clean": ("stored", lambda rng, n: _good(rng, n, _text(rng))),
    "rtl": ("stored", lambda rng, n: _good(rng, n, _sprinkle(rng, _text(rng), RTL, 6))),
    "emoji": ("stored", lambda rng, n: _good(rng, n, _sprinkle(rng, _text(rng), EMOJI, 25))),
    "numbers": ("stored", lambda rng, n: _good(rng, n, _text(rng).replace(".", ", " + rng.choice(NUMBERS) + ".", 2))),
    "html_as_text": ("stored", lambda rng, n: _good(
        rng, n, "<div>" * 500 + "<p onclick='x'>" + _text(rng) + "<script>alert(1)</script>" + "</span>" * 50)),
    "bad_published": ("stored", lambda rng, n: _good(rng, n, _text(rng), published=rng.choice(
        ["notadate", "2024-13-45", "-1", "9999999999", "", "yesterday"]))),
    "control_chars": ("stored", lambda rng, n: _good(rng, n, _sprinkle(rng, _text(rng), CONTROLS, 5))),
    "unknown_keys": ("stored", lambda rng, n: _good(rng, n, _text(rng), extra={"nested": [[[]]]}, tags=None)),
    "truncated_utf8": ("refused", _cut_utf8),
    "random_bytes": ("refused", _random_bytes),
    "lone_surrogate": ("refused", lambda rng, n: _good(rng, n, rng.choice(["\ud800", "\udfff x \udc80"]) + _text(rng),
                                                       ensure_ascii=True)),
    "nul": ("refused", lambda rng, n: _good(rng, n, _text(rng)[:300] + "\x00" + "tail")),
    "empty_text": ("refused", lambda rng, n: json.dumps({"id": f"h{n}", "text": rng.choice(["", "   ", "\n\t"])})
                   .encode()),
    "no_text": ("refused", lambda rng, n: json.dumps({"id": f"h{n}", "body": _text(rng)[:100]}).encode()),
    "wrong_type": ("refused", lambda rng, n: json.dumps({"id": f"h{n}", "text": rng.choice([123, None, ["a"], {}])})
                   .encode()),
    "not_an_object": ("refused", lambda rng, n: json.dumps(rng.choice([[1, 2], "text", 42, None])).encode()),
    "broken_json": ("refused", lambda rng, n: _good(rng, n, _text(rng))[: rng.randrange(5, 200)]),
}
WEIGHTS = {"clean": 10, "rtl": 4, "emoji": 4, "numbers": 4, "html_as_text": 2, "bad_published": 3,
           "control_chars": 2, "unknown_keys": 2, "truncated_utf8": 4, "random_bytes": 4, "lone_surrogate": 3,
           "nul": 2, "empty_text": 2, "no_text": 2, "wrong_type": 2, "not_an_object": 2, "broken_json": 4}


def generate(folder: Path, *, lines: int, seed: int = 14, huge: int = 3) -> Corpus:
    """Write ``corpus.jsonl`` (``lines`` lines: ``huge`` of 1 MB, 2 over the size limit, then each kind once and the
    rest at random) and ``files/`` (each kind of file at least once)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder, folder / "corpus.jsonl")
    kinds = list(WEIGHTS)
    with corpus.jsonl.open("wb") as out:
        for n in range(1, lines + 1):
            if n <= huge:
                kind, expect = "one_megabyte_line", "stored"
                body = _good(rng, n, (_text(rng).replace("\n", " ") + " ") * (1_000_000 // 1500))
            elif n <= huge + 2:
                kind, expect = "over_size_limit", "refused"
                body = _good(rng, n, "x" * (MAX_BYTES + 10))
            else:  # every kind once, then at random by weight
                first = n - huge - 3
                weights = [WEIGHTS[k] for k in kinds]
                kind = kinds[first] if first < len(kinds) else rng.choices(kinds, weights=weights)[0]
                expect, build = LINE_KINDS[kind]
                body = build(rng, n)
            assert b"\n" not in body
            out.write(body + b"\n")
            corpus.items.append(Item(kind, expect, line=n, body=body))
    files = folder / "files"
    files.mkdir()
    for n in range(max(8, lines // 80)):  # at least one file of each kind
        kind, expect, name, data = _file(rng, n)
        path = files / name
        path.write_bytes(data)
        text = data.decode("utf-8", "surrogateescape")
        body = json.dumps({"id": f"file-{n}", "text": text}).encode("utf-8")  # surrogates escaped: the API refuses
        corpus.items.append(Item(kind, expect, path=path, body=body))
    return corpus


def _file(rng: random.Random, n: int) -> tuple[str, str, str, bytes]:
    """(kind, expectation, file name, bytes) of the ``n``-th file."""
    text = _text(rng)
    choice = n % 8
    if choice == 0:
        return "file_random_bytes", "refused", f"f{n}.txt", bytes(rng.randrange(256) for _ in range(2000)) + b"\x00"
    if choice == 1:
        return "file_truncated_utf8", "either", f"f{n}.txt", ("Köln ½ " + text).encode("utf-8")[:-1] + b"\xc3"
    if choice == 2:
        depth = rng.choice([500, 3000, 20000])
        page = "<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth + "</body></html>"
        return "file_nested_html", "either", f"f{n}.html", page.encode("utf-8")
    if choice == 3:
        soup = "<html><head><title>x</title><meta charset=utf-8><body><p><b><i>" + text.replace(" ", " <span>", 30)
        soup += "<table><tr><td><p></b></i></table><!-- unclosed comment <script>var a = '</script"
        return "file_malformed_html", "either", f"f{n}.html", soup.encode("utf-8")
    if choice == 4:
        return "file_one_megabyte_line", "stored", f"f{n}.txt", ((text.replace("\n", " ") + " ") * 700).encode()
    if choice == 5:
        return "file_rtl_emoji", "stored", f"f{n}.txt", _sprinkle(rng, text, RTL + EMOJI, 40).encode("utf-8")
    if choice == 6:
        return "file_unknown_extension", "skipped", f"f{n}.pdf", b"%PDF-1.4 " + text.encode()
    return "file_empty", "refused", f"f{n}.txt", b" \n\t \n"


@dataclass
class Check:
    """Counts of one run and the checks that did not hold."""

    name: str
    counts: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def problem(self, message: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(message)
        self.counts["problems"] += 1


def _reason(error: str | None) -> str:
    """The code of a stored error message ("[E203] ..."), else its first words."""
    error = (error or "").strip()
    return error[1:5] if error.startswith("[E") else " ".join(error.split()[:4]) or "(no reason)"


def _integrity(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def run_ingest(corpus: Corpus, db: Path, *, extra: tuple[str, ...] = ()) -> Check:
    """``incidex ingest`` over the JSONL file and the files; every item checked against the store."""
    check = Check("ingest")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "incidex", "ingest", str(corpus.jsonl), str(corpus.folder / "files"),
                             "--db", str(db), *extra], capture_output=True, text=True, check=False)
    check.seconds = time.monotonic() - started
    check.counts[f"exit {result.returncode}"] += 1
    if result.returncode not in (0, 4, 7) or "internal error" in result.stderr or "Traceback" in result.stderr:
        check.problem(f"ingest crashed (exit {result.returncode}): {result.stderr[-2000:]}")
    with closing(sqlite3.connect(db)) as connection:
        rows = {origin: (status, error) for origin, status, error in
                connection.execute("SELECT origin, status, error FROM documents")}
    stored_files: set[bytes] = set()
    for item in corpus.items:
        origin = f"{corpus.jsonl}:line {item.line}" if item.line is not None else str(item.path)
        status, error = rows.get(origin, (None, None))
        if item.path is not None and status is None and item.body in stored_files:
            status = "duplicate"  # the bytes of a file stored before it: the store keeps one document per text
        elif item.path is not None and status == "ok":
            stored_files.add(item.body)
        check.counts[f"{item.expect}/{status or 'not stored'}"] += 1
        if status in ("failed", "unreadable"):
            check.reasons[_reason(error)] += 1
            if not error:
                check.problem(f"{origin} ({item.kind}) failed with no reason")
        if error and error.startswith("[E900]"):
            check.problem(f"{origin} ({item.kind}) crashed the extraction: {error[:200]}")
        if item.expect == "stored" and status not in ("ok", "duplicate"):
            check.problem(f"{origin} ({item.kind}) is a usable report but was not stored: {status} {error}")
        elif item.expect == "refused" and status not in ("failed", "unreadable"):
            check.problem(f"{origin} ({item.kind}) should be refused with a reason, got {status}")
        elif item.expect == "either" and status is None:
            check.problem(f"{origin} ({item.kind}) was lost: no row")
        elif item.expect == "skipped" and (status is not None or str(item.path) not in result.stderr):
            check.problem(f"{origin} ({item.kind}) should be skipped and named, got {status}")
    check.counts["integrity_check " + _integrity(db)] += 1
    return check


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_api(corpus: Corpus, db: Path, *, timeout: float = 300) -> Check:
    """``incidex serve`` on a fresh store; every item's body sent to ``POST /api/documents`` on one connection."""
    sys.path.insert(0, str(ROOT / "src"))
    from incidex.store import Store

    check = Check("api")
    Store(str(db)).close()  # only ingest creates a store from the command line; here the library makes it
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "incidex", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, server)
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        stored: list[str] = []
        for item in corpus.items:
            if item.expect == "skipped":
                continue
            try:
                connection.request("POST", "/api/documents", body=item.body,
                                   headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException) as exc:
                check.problem(f"{item.kind} line {item.line} {item.path}: connection failed ({exc!r})")
                connection.close()
                if server.poll() is not None:
                    check.problem("the server died")
                    break
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                continue
            status = response.status
            check.counts[f"{item.expect}/{status}"] += 1
            if status >= 500:
                check.problem(f"{item.kind} line {item.line} {item.path}: {status} {payload[:300]!r}")
            elif status >= 400:
                check.reasons[f"{status} " + _reason(_detail(payload))] += 1
            if item.expect == "stored" and status not in (200, 201):
                check.problem(f"{item.kind} line {item.line} {item.path}: usable report answered {status} "
                              f"{payload[:300]!r}")
            elif item.expect == "refused" and not 400 <= status < 500:
                check.problem(f"{item.kind} line {item.line} {item.path}: should be refused, answered {status}")
            if status in (200, 201):
                stored.append(json.loads(payload)["document_id"])
            sent = sum(check.counts.values())
            if sent % 250 == 0:
                print(f"api: {sent:,} sent in {time.monotonic() - started:,.0f} s: " + ", ".join(
                    f"{key} {count}" for key, count in sorted(check.counts.items())), file=sys.stderr, flush=True)
        check.seconds = time.monotonic() - started
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    with closing(sqlite3.connect(db)) as sql:
        ok = {row[0] for row in sql.execute("SELECT document_id FROM documents WHERE status = 'ok'")}
    missing = [key for key in stored if key not in ok]
    if missing:
        check.problem(f"{len(missing)} documents answered as stored are not in the store: {missing[:5]}")
    check.counts["integrity_check " + _integrity(db)] += 1
    return check


def _detail(payload: bytes) -> str:
    try:
        detail = json.loads(payload).get("detail")
    except (ValueError, AttributeError):
        return payload[:60].decode("utf-8", "replace")
    if isinstance(detail, list):  # a validation error: its first message
        return str(detail[0].get("msg", detail[0])) if detail else ""
    return str(detail)


def _wait_for(port: int, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"incidex serve exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("incidex serve did not listen within 60 s")


def report(corpus: Corpus, checks: list[Check]) -> bool:
    """Print the counts; True when every check held."""
    kinds = Counter(item.kind for item in corpus.items)
    lines = sum(1 for item in corpus.items if item.line is not None)
    expected = Counter(item.expect for item in corpus.items)
    print(f"corpus: {lines:,} JSONL lines ({corpus.jsonl.stat().st_size:,} bytes) and {len(corpus.items) - lines} "
          "files; expected " + ", ".join(f"{name} {count:,}" for name, count in sorted(expected.items())))
    print("kinds: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    for check in checks:
        print(f"\n{check.name}: {check.seconds:,.0f} s")
        for key, count in sorted(check.counts.items()):
            print(f"  {key}: {count:,}")
        print("  reasons: " + ", ".join(f"{reason} {count}" for reason, count in check.reasons.most_common()))
        for problem in check.problems:
            print(f"  PROBLEM {problem}")
    held = all(not check.problems for check in checks)
    print("\nall checks held" if held else "\nSOME CHECKS FAILED")
    return held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=5000, help="JSONL lines (default 5,000)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="write the corpus and stores here and keep them")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--skip-api", action="store_true", help="run ingest only")
    which.add_argument("--skip-ingest", action="store_true", help="run the API only (two runs can share the machine)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="incidex-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = generate(folder / ("api" if args.skip_ingest else "ingest"), lines=args.lines, seed=args.seed)
    checks = []
    if not args.skip_ingest:
        checks.append(run_ingest(corpus, corpus.folder / "ingest.db"))
    if not args.skip_api:
        checks.append(run_api(corpus, corpus.folder / "api.db"))
    return 0 if report(corpus, checks) else 1


if __name__ == "__main__":
    sys.exit(main())
