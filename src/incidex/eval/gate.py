"""The evaluation gate: per-field minimum F1 stored with the checksum of the corpus they were measured on.

``eval/corpus_gate.json`` holds ``{"corpus_sha256", "files", "margin", "minimums": {field: f1}}``. A run fails
when a field scores below its minimum minus ``margin``, or when the corpus no longer has the recorded checksum
(re-score and update the gate with ``eval/score_corpus.py --update-gate``). Minimums are never lowered unless
the update is told ``allow_lower``.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..types import DocumentInfo, Report
from .fields import Score, score_report
from .gold import GoldReport

DEFAULT_MARGIN = 0.02

Extract = Callable[..., Report]
"""``extract(text, *, published=..., source=..., doc_id=...) -> Report``, as ``incidex.batch.extract_text``."""


@dataclass
class Gate:
    corpus_sha256: str
    files: int
    margin: float = DEFAULT_MARGIN
    minimums: dict[str, float] = field(default_factory=dict)


@dataclass
class CorpusRun:
    """Scores of one pipeline run over the corpus; ``errors`` lists reports the pipeline failed on."""

    score: Score
    per_report: dict[str, Score]
    errors: list[str]


def corpus_files(directory: str | Path) -> list[Path]:
    """The report texts and gold records of a corpus folder, in a fixed order."""
    directory = Path(directory)
    return sorted([*directory.glob("*.txt"), *directory.glob("*.json")], key=lambda path: path.name)


def corpus_checksum(directory: str | Path) -> str:
    """SHA-256 over the names and bytes of every ``*.txt`` and ``*.json`` file in the corpus folder."""
    digest = hashlib.sha256()
    for path in corpus_files(directory):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_gate(path: str | Path) -> Gate:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Gate(
            corpus_sha256=data["corpus_sha256"],
            files=int(data["files"]),
            margin=float(data.get("margin", DEFAULT_MARGIN)),
            minimums={name: float(value) for name, value in data.get("minimums", {}).items()},
        )
    except FileNotFoundError:
        raise EvalError(f"gate file not found: {path}; create it with eval/score_corpus.py --update-gate") from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise EvalError(f"gate file {path} is malformed ({exc!r}); restore it from version control") from None


def save_gate(gate: Gate, path: str | Path) -> None:
    data = {
        "corpus_sha256": gate.corpus_sha256,
        "files": gate.files,
        "margin": gate.margin,
        "minimums": dict(sorted(gate.minimums.items())),
    }
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def check_gate(score: Score, gate: Gate, *, checksum: str) -> list[str]:
    """Reasons the run fails the gate; empty when it passes."""
    failures = []
    if checksum != gate.corpus_sha256:
        failures.append(
            "the corpus changed since the gate was set (checksum differs): "
            "re-run eval/score_corpus.py --update-gate and commit eval/corpus_gate.json"
        )
    f1 = score.f1()
    for name, minimum in sorted(gate.minimums.items()):
        value = f1.get(name, 1.0 if name in score.counts else 0.0)
        if value < minimum - gate.margin:
            failures.append(f"{name}: F1 {value:.3f} is below the minimum {minimum:.3f} (margin {gate.margin})")
    return failures


def updated_gate(gate: Gate | None, score: Score, *, checksum: str, files: int, allow_lower: bool = False) -> Gate:
    """A gate whose minimums are this run's F1 (rounded down to 0.01), refusing to lower one unless allowed."""
    minimums = {name: math.floor(value * 100 + 1e-9) / 100 for name, value in score.f1().items()}
    if gate is not None and not allow_lower:
        lowered = [
            f"{name} {old:.2f} -> {minimums.get(name, 0.0):.2f}"
            for name, old in gate.minimums.items()
            if minimums.get(name, 0.0) < old
        ]
        if lowered:
            raise EvalError(
                "refusing to lower gate minimums (" + "; ".join(lowered) + "); fix the regression, "
                "or pass --allow-lower if the drop is intended"
            )
    margin = gate.margin if gate is not None else DEFAULT_MARGIN
    return Gate(corpus_sha256=checksum, files=files, margin=margin, minimums=minimums)


def run_corpus(cases: Sequence[GoldReport], extract: Extract) -> CorpusRun:
    """Run ``extract`` on every report and score it; a report the pipeline fails on scores as empty."""
    total = Score()
    per_report: dict[str, Score] = {}
    errors: list[str] = []
    for case in cases:
        try:
            predicted = extract(case.text, published=case.published, source=case.source, doc_id=case.name)
        except Exception as exc:  # one failing report must not hide the others' scores
            errors.append(f"{case.name}: {type(exc).__name__}: {exc}")
            predicted = Report(
                document=DocumentInfo(published=case.published, source=case.source, chars=len(case.text))
            )
        score = score_report(predicted, case)
        per_report[case.name] = score
        total = total + score
    return CorpusRun(score=total, per_report=per_report, errors=errors)
