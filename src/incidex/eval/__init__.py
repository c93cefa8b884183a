"""Evaluation against external benchmarks (MUC-4) and our own gold sets."""
