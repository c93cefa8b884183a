"""Score the pipeline on our own corpus (tests/corpus) and print the per-field table.

    python eval/score_corpus.py                     # run the pipeline, print the table, check the gate
    python eval/score_corpus.py --details           # also one line per report and every must_not violation
    python eval/score_corpus.py --update-gate       # store this run's F1 as the minimums (never lowers one...)
    python eval/score_corpus.py --update-gate --allow-lower   # ...unless told to
    python eval/score_corpus.py --predictions DIR   # score saved reports (DIR/NAME.json, Report.to_dict form)

Exit status: 0 when the gate passes (or was updated), 1 when it fails, 6 on missing or malformed data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from incidex.errors import EvalError
from incidex.eval.gate import (
    CorpusRun,
    check_gate,
    corpus_checksum,
    corpus_files,
    load_gate,
    run_corpus,
    save_gate,
    updated_gate,
)
from incidex.eval.gold import load_corpus
from incidex.types import Report, report_from_dict

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus", help="folder of NAME.txt + NAME.json")
    parser.add_argument("--gate", type=Path, default=ROOT / "eval" / "corpus_gate.json", help="gate file")
    parser.add_argument("--update-gate", action="store_true", help="store this run's F1 and the corpus checksum")
    parser.add_argument("--allow-lower", action="store_true", help="let --update-gate lower a minimum")
    parser.add_argument("--details", action="store_true", help="print per-report scores and violations")
    parser.add_argument("--predictions", type=Path, help="score saved Report JSON files instead of running")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


def _run(args: argparse.Namespace) -> int:
    cases = load_corpus(args.corpus)
    run = run_corpus(cases, _saved(args.predictions) if args.predictions else _pipeline())
    print(run.score.table())
    if args.details:
        _print_details(run)
    for error in run.errors:
        print(f"pipeline error: {error}")
    checksum = corpus_checksum(args.corpus)
    gate = load_gate(args.gate) if args.gate.exists() else None
    if args.update_gate:
        if run.errors:
            raise EvalError(f"not updating the gate: the pipeline failed on {len(run.errors)} reports; fix them first")
        new = updated_gate(
            gate, run.score, checksum=checksum, files=len(corpus_files(args.corpus)), allow_lower=args.allow_lower
        )
        save_gate(new, args.gate)
        print(f"gate updated: {args.gate} ({len(new.minimums)} minimums, corpus {checksum[:12]})")
        return 0
    if gate is None:
        print(f"no gate at {args.gate}; create it with --update-gate")
        return 1
    failures = check_gate(run.score, gate, checksum=checksum)
    for failure in failures:
        print(f"GATE FAIL {failure}")
    print("gate: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


def _pipeline():
    try:
        from incidex.batch import extract_text
    except ImportError as exc:
        raise EvalError(f"the pipeline is not available ({exc}); install incidex with `pip install -e .`") from None
    return extract_text


def _saved(directory: Path):
    def extract(text: str, *, doc_id: str, **_: object) -> Report:
        path = directory / f"{doc_id}.json"
        try:
            return report_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise EvalError(f"no saved prediction {path}") from None

    return extract


def _print_details(run: CorpusRun) -> None:
    print()
    print(f"{'report':<36}{'incidents P/R':>16}{'must_not':>10}")
    for name, score in run.per_report.items():
        detected, checks = score.counts["incidents"], score.counts["must_not"]
        print(f"{name:<36}{detected.precision:>8.2f}/{detected.recall:<7.2f}{checks.correct:>5}/{checks.expected}")
    for violation in run.score.violations:
        print(f"must_not violated: {violation}")


if __name__ == "__main__":
    sys.exit(main())
