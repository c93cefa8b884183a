"""Print the full MUC-4 dev evaluation (GTT-style micro P/R/F1 per role) and the inference speed.

    python eval/muc4_dev.py                      # the learned model alone (default: the shipped encoder heads)
    python eval/muc4_dev.py --system pipeline    # the full incidex pipeline mapped to templates
    python eval/muc4_dev.py --model DIR --out preds.json
    python eval/muc4_dev.py --errors             # also where the score is lost (incidex.eval.muc4_errors)

Data: ../shared/data/muc4/dev.jsonl beside the checkout (MUC-4, 1992; GTT processing by Du, Rush and Cardie, 2021).
Targets (issue 13): micro F1 >= 52 on dev, no role below 40.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from incidex.config import load_settings
from incidex.errors import IncidexError
from incidex.eval.muc4 import ROLES, SYSTEMS, evaluate, load_muc4, write_predictions
from incidex.eval.muc4_errors import error_breakdown
from incidex.nlp.learned import using_learned_model

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "muc4" / "dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="GTT-format MUC-4 .jsonl (default: dev)")
    parser.add_argument("--model", type=Path, default=None, help="learned model directory (default: nlp.learned_model, the shipped encoder heads)")
    parser.add_argument("--system", choices=SYSTEMS, default="learned")
    parser.add_argument("--out", type=Path, default=None, help="write a GTT-format prediction file here")
    parser.add_argument("--errors", action="store_true", help="print the error breakdown too")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"MUC-4 data not found at {args.data}; pass --data FILE", file=sys.stderr)
        return 6
    try:
        documents = load_muc4(args.data)
        settings = using_learned_model(load_settings(), args.model)
        result = evaluate(documents, system=args.system, settings=settings)
    except IncidexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"MUC-4 {args.data.name}: {len(documents)} documents, system={args.system}")
    print(result.score.table())
    print(
        f"{result.docs_per_second:.1f} docs/s wall ({result.seconds:.1f} s), "
        f"{result.docs_per_cpu_second:.1f} docs per CPU-second, {len(result.failures)} failed"
    )
    worst = min(((role, result.score.keys[role]) for role in ROLES), key=lambda item: item[1].f1)
    print(f"lowest role F1: {worst[0]} {100 * worst[1].f1:.2f}")
    if args.errors:
        print(error_breakdown(result.predictions, documents).table())
    if args.out:
        write_predictions(args.out, result.predictions, documents)
        print(f"predictions written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
