"""How often the language detector calls an English report another language, on a JSONL file of English texts.

    python eval/language_of_english_notes.py --data ../shared/data/acled/acled_dev.jsonl

Every text of the file is English (ACLED writes its notes in English), so every language other than English named
is a report that `ingest` would store unextracted. Prints the count per detected language (``None``: not confident,
extracted as English), the rate and the speed, and the first texts named another language with ``--show N``.
Exit status: 0, or 6 when the data file is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from incidex.config import load_settings
from incidex.language import ENGLISH, detect_language


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL file, one English text per line in 'text'")
    parser.add_argument("--show", type=int, default=0, help="print the first N texts named another language")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"language_of_english_notes: no data file {args.data}", file=sys.stderr)
        return 6
    codes = load_settings(None).language.detect
    with args.data.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    counts: Counter[str | None] = Counter()
    misread: list[tuple[str, str]] = []
    started = time.perf_counter()
    for text in texts:
        language = detect_language(text, codes)
        counts[language] += 1
        if language not in (None, ENGLISH):
            misread.append((language, text))
    seconds = time.perf_counter() - started
    print(f"{len(texts):,} English texts, {seconds:.1f} s ({len(texts) / seconds:,.0f} texts/s)")
    for language, count in counts.most_common():
        print(f"  {language or 'not told (extracted as English)'}: {count:,}")
    print(f"named another language: {len(misread):,} ({100 * len(misread) / len(texts):.2f} %)")
    for language, text in misread[: args.show]:
        print(f"  [{language}] {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
