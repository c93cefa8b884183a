"""Evaluation against external benchmarks (MUC-4) and our own gold sets.

* ``gold``   — our corpus format (``tests/corpus``) read into typed gold records;
* ``fields`` — alignment of predicted to gold incidents and field-by-field P/R/F1;
* ``gate``   — the evaluation gate: per-field minimums stored with the corpus checksum;
* ``muc4``, ``bcubed``, ``merge`` — external benchmarks and cross-report merging scores.
"""
