"""Train the MUC-4 model that ships in src/incidex/models/muc4 and record how it was made.

    python tools/train_muc4.py [--data ../shared/data/muc4] [--out src/incidex/models/muc4]

Runs `incidex train muc4` on train.jsonl (model selection on dev.jsonl) with the default seed, then scores the
learned model on dev with incidex's GTT-style scorer and stores the scores next to the data checksums in
incidex_model.json. Needs about 25 CPU-minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from incidex.config import load_settings
from incidex.eval.muc4 import evaluate, load_muc4
from incidex.nlp.learned import using_learned_model
from incidex_train.muc4 import INFO_FILE, TrainOptions, train_muc4

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "muc4")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "incidex" / "models" / "muc4")
    args = parser.parse_args()
    train, dev = args.data / "train.jsonl", args.data / "dev.jsonl"
    if not train.is_file() or not dev.is_file():
        print(f"MUC-4 train/dev not found in {args.data}; pass --data DIR", file=sys.stderr)
        return 6
    command = (
        f"python tools/train_muc4.py --data {args.data.name} "
        "(= incidex train muc4 --train train.jsonl --dev dev.jsonl --seed 13)"
    )
    result = train_muc4(train, dev, args.out, options=TrainOptions(), command=command)
    settings = using_learned_model(load_settings(), result.model_dir)
    score = evaluate(load_muc4(dev), system="learned", settings=settings).score
    info_path = result.model_dir / INFO_FILE
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info["dev_scores"] = {
        key: {"p": round(100 * c.precision, 2), "r": round(100 * c.recall, 2), "f1": round(100 * c.f1, 2)}
        for key, c in [*score.keys.items(), ("micro_avg", score.micro)]
    }
    info_path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(score.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
