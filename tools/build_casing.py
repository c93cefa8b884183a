"""Build the word-casing table in src/incidex/data/casing from spaCy's English lexeme probabilities.

    pip download --no-deps -d /tmp/wheels spacy-lookups-data==1.0.5
    /work/venv/bin/python tools/build_casing.py --wheel /tmp/wheels/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

Source: ``en_lexeme_prob`` of the PyPI package spacy-lookups-data 1.0.5 (MIT licence): smoothed log probabilities of
about a million case-sensitive English word forms, from the web text spaCy's older English models were trained on.
The wheel (sha256 466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6) is read as a zip file and
never installed (installing it would change how spaCy sets up vocabularies). Output, byte-for-byte reproducible:

    words.npy.gz   one row per lowercase word of letters (an apostrophe inside allowed): the spaCy string hash of the
                   word and the log probabilities of its three spellings, lowercase ("army"), capitalized ("Army")
                   and upper case ("ARMY"), in quarter units (-128: never seen)
    mixed.tsv      words most often written in mixed case ("McDonald", "iPhone"), with that spelling
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import zipfile
from pathlib import Path

from incidex.nlp.casing import MIXED_FILE, WORDS_FILE, word_table

OUT = Path(__file__).resolve().parents[1] / "src/incidex/data/casing"
MEMBER = "spacy_lookups_data/data/en_lexeme_prob.json.gz"
MIXED_MIN_LOGPROB = -17.0  # a mixed spelling this common (and the commonest of its word) is kept ...
_MIXED = re.compile(r"(?:[A-Z][a-z]+){2,}")  # ... when it joins capitalized parts: "McDonald", "LaGuardia"


def read_probabilities(wheel: Path) -> dict[str, float]:
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as raw:
        return json.load(gzip.GzipFile(fileobj=io.BytesIO(raw.read())))


def mixed_forms(probabilities: dict[str, float]) -> dict[str, str]:
    """Lowercase word -> its mixed-case spelling, where that spelling is the commonest and common enough."""
    best: dict[str, tuple[float, str]] = {}
    for form, logprob in probabilities.items():
        if form.isascii() and form.isalpha():
            key = form.lower()
            if key not in best or logprob > best[key][0]:
                best[key] = (logprob, form)
    return {key: form for key, (logprob, form) in sorted(best.items())
            if logprob >= MIXED_MIN_LOGPROB and _MIXED.fullmatch(form)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, required=True, help="spacy_lookups_data-1.0.5 wheel file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    probabilities = read_probabilities(args.wheel)
    table = word_table(probabilities)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / WORDS_FILE).open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        import numpy

        numpy.save(out, table, allow_pickle=False)
    with (args.out / MIXED_FILE).open("w", encoding="utf-8") as out:
        out.write("# word\tspelling (from spacy-lookups-data 1.0.5 en_lexeme_prob, MIT; tools/build_casing.py)\n")
        for key, form in mixed_forms(probabilities).items():
            out.write(f"{key}\t{form}\n")
    print(f"{len(table):,} words, {len(mixed_forms(probabilities)):,} mixed spellings written to {args.out}")


if __name__ == "__main__":
    main()
