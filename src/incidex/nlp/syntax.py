"""Small dependency-tree helpers shared by the incident components."""

from __future__ import annotations

from spacy.tokens import Span, Token


def ancestors_with_self(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence (large if in different sentences)."""
    if a.sent.start != b.sent.start:
        return 10_000
    path_a = ancestors_with_self(a)
    depth_a = {tok.i: depth for depth, tok in enumerate(path_a)}
    for depth_b, tok in enumerate(ancestors_with_self(b)):
        if tok.i in depth_a:
            return depth_a[tok.i] + depth_b
    return 10_000


def noun_phrase(token: Token) -> Span:
    """The phrase a noun heads: its left modifiers (det, amod, nummod, compound, poss) through the noun itself."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"det", "amod", "nummod", "compound", "poss", "nmod", "quantmod", "advmod", "npadvmod"}:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "compound" or (child.dep_ == "prep" and child.lower_ == "of" and token.like_num):
            end = max(end, child.right_edge.i + 1)
    return doc[start:end]


def objects_of(token: Token, prepositions: set[str] | frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions among ``prepositions``: "at" of "threw stones at the guards" gives
    "guards"."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]


def first_conjunct(token: Token) -> Token:
    """The first of the words joined by "and" or "or" that ``token`` is one of ("Kaya" of "Kaya and Pissila"), or
    ``token`` itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)
