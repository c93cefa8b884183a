"""Train the encoder heads that ship in src/incidex/models/encoder and record how they were made.

    python tools/train_encoder.py [--data ../shared/data/muc4] [--cache DIR] [--out src/incidex/models/encoder]

Runs `incidex train encoder` on train.jsonl (epochs and thresholds chosen on dev.jsonl) with the default seed and
the int8 all-mpnet-base-v2 encoder. The first run encodes MUC-4 train and dev into --cache (about 5 GB of float16
features; the encoder pass is most of the time), later runs reuse it. heads.json records the command, the data
checksums, the epoch histories and the dev scores.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from incidex.errors import IncidexError
from incidex_train.encoder import EncoderTrainOptions, train_encoder_heads

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "muc4")
    parser.add_argument("--cache", type=Path, default=ROOT / ".." / "cache-encoder" / "int8")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "incidex" / "models" / "encoder")
    args = parser.parse_args()
    train, dev = args.data / "train.jsonl", args.data / "dev.jsonl"
    if not train.is_file() or not dev.is_file():
        print(f"MUC-4 train/dev not found in {args.data}; pass --data DIR", file=sys.stderr)
        return 6
    command = (f"python tools/train_encoder.py --data {args.data.name} "
               "(= incidex train encoder --train train.jsonl --dev dev.jsonl --seed 13 --threads 1 --tagger-epochs 14 "
               "--classifier-epochs 6)")
    try:
        train_encoder_heads(train, dev, args.out, cache_dir=args.cache, options=EncoderTrainOptions(), command=command)
    except IncidexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
