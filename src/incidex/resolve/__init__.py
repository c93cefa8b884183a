"""Cross-report merging: records of different reports about one incident become one incident."""

from .interface import Merger
from .model import Assignment, CandidateWindow, Cluster, RecordRef
from .reconcile import MergedView, SourcedFigure, SourcedMention, SourcedSource
from .resolver import Resolver

__all__ = [
    "Assignment",
    "CandidateWindow",
    "Cluster",
    "MergedView",
    "Merger",
    "RecordRef",
    "Resolver",
    "SourcedFigure",
    "SourcedMention",
    "SourcedSource",
]
