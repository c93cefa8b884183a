"""The learned heads that read encoder features: a role-span tagger and a document incident classifier.

Both start from a learned scalar mix of the cached encoder layers. The tagger puts a BiLSTM over the word pieces of
a window (after a linear projection) and scores B/I/O tags for the five MUC-4 roles (decoded by :mod:`incidex.nlp.tags`). The classifier pools
the pieces of a whole document with learned attention and gives a probability per MUC-4 incident type plus one for
"reports an incident".
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from .tags import DOC_LABELS, TAGS


@dataclass(frozen=True)
class HeadConfig:
    """Shapes of the heads; stored beside their weights."""

    layers: int = 5
    hidden: int = 768
    projection: int = 256
    lstm: int = 128
    attention: int = 128
    dropout: float = 0.3


class ScalarMix(nn.Module):
    """A softmax-weighted sum of encoder layers, times a learned scale."""

    def __init__(self, layers: int) -> None:
        super().__init__()
        self.weights = nn.Parameter(torch.zeros(layers))
        self.gamma = nn.Parameter(torch.ones(()))

    def forward(self, features: torch.Tensor) -> torch.Tensor:  # (..., layers, hidden)
        return self.gamma * torch.einsum("...lh,l->...h", features, torch.softmax(self.weights, dim=0))


class SpanTagger(nn.Module):
    def __init__(self, config: HeadConfig) -> None:
        super().__init__()
        self.mix = ScalarMix(config.layers)
        self.dropout = nn.Dropout(config.dropout)
        self.project = nn.Linear(config.hidden, config.projection)
        self.lstm = nn.LSTM(config.projection, config.lstm, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * config.lstm, len(TAGS))

    def forward(self, features: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Tag logits (batch, pieces, tags) for padded windows (batch, pieces, layers, hidden)."""
        mixed = self.dropout(torch.relu(self.project(self.dropout(self.mix(features)))))
        packed = nn.utils.rnn.pack_padded_sequence(mixed, lengths.cpu(), batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        output, _ = nn.utils.rnn.pad_packed_sequence(output, batch_first=True, total_length=features.shape[1])
        return self.out(self.dropout(output))


class DocClassifier(nn.Module):
    def __init__(self, config: HeadConfig) -> None:
        super().__init__()
        self.mix = ScalarMix(config.layers)
        self.dropout = nn.Dropout(config.dropout)
        self.score = nn.Sequential(nn.Linear(config.hidden, config.attention), nn.Tanh(),
                                   nn.Linear(config.attention, len(DOC_LABELS)))
        self.out = nn.Linear(config.hidden, len(DOC_LABELS))

    def forward(self, features: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Label logits (batch, labels) for padded documents (batch, pieces, layers, hidden); one attention per
        label, so each label pools the pieces that speak to it."""
        mixed = self.dropout(self.mix(features))
        scores = self.score(mixed).masked_fill(~mask.unsqueeze(-1), -1e4)  # (batch, pieces, labels)
        weights = torch.softmax(scores, dim=1)
        pooled = torch.einsum("bpl,bph->blh", weights, mixed)
        return (pooled * self.out.weight).sum(-1) + self.out.bias
