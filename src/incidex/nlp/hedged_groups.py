"""Groups named in a hedge in parentheses right after an unnamed doer: "gunmen (presumed to be members of the X
militia) attacked ...", "armed men on horseback (believed to be Y) killed ...", "militiamen (identified as Z
communal militia)"; of several hedges in one parenthesis the last names the group. The group is a perpetrator of
the doer's incident with the relation the hedge states (``data/lexicons/group_hedges.tsv``; "members of" adds
linked, the strongest relation winning). The group is an actor mention that starts the hedged words, or a community
named bare ("believed to be Y": "Y Communal Militia").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

from .actors import COMMUNAL_KIND, COMMUNAL_MODIFIERS, COMMUNAL_NOUNS, community_name
from .annotations import ActorMention, doc_text
from .frames import FrameArguments
from .lexicons import phrases

GROUP_HEDGES: dict[str, str] = dict(line.split("\t") for line in phrases("group_hedges"))  # type: ignore[misc]
# The last hedge of the parenthesis names the group: "(described as herders, and believed to be Salamat militia)".
_HEDGED = re.compile(
    r"\((?:[^()]*,\s*(?:and\s+)?)?"
    r"(?P<hedge>" + "|".join(re.escape(h) for h in sorted(GROUP_HEDGES, key=len, reverse=True)) + r")\s+"
    r"(?P<members>(?:members|part|supporters|fighters) of\s+)?(?P<group>[^()]+)\)",
    re.IGNORECASE,
)
_GROUP_END = re.compile(r"\s*(?:[,;]|\band\b|\bor\b|\bwho\b|$)", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
MAX_GAP = 60  # characters between the doer and the parenthesis ("armed men on camels and motorbikes (...)")
_OBJECT_DEPS = frozenset({"dobj", "iobj", "nsubjpass"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb between them: the parenthesis is about something else


FrameOf = Callable[[Token], FrameArguments | None]


def hedged_groups(doc: Doc, frames: Iterable[FrameArguments], actors: list[ActorMention],
                  frame_of: FrameOf) -> Iterator[tuple[FrameArguments, ActorMention, str]]:
    """For each hedged group after an unnamed doer: the arguments of the doer's frame (``frame_of`` gives a
    token's), the group and the relation."""
    frames = list(frames)
    text = doc_text(doc)
    for match in _HEDGED.finditer(text):
        doer = _doer(doc, frames, match.start(), frame_of)
        if doer is None:
            continue
        group = _group(doc, text, actors, match.start("group"), match.end("group"))
        if group is None:
            continue
        relation = GROUP_HEDGES[match["hedge"].lower()]
        if match["members"] and relation == "stated":
            relation = "linked"
        yield doer, group, relation


def _doer(doc: Doc, frames: list[FrameArguments], paren: int, frame_of: FrameOf) -> FrameArguments | None:
    """The frame of the unnamed doer that ends just before the parenthesis at ``paren``, with no finite verb or
    sentence break between them: a perpetrator the alias table gives no name ("gunmen", "armed militia"), or armed
    people or a community's men the frame has not as victims ("armed pastoralists", "militia on camels")."""
    best: tuple[int, FrameArguments] | None = None
    for args in frames:
        for person in args.perpetrators:
            if person.name in {None, person.text} and _just_before(doc, person.end, paren):
                if best is None or person.end > best[0]:
                    best = (person.end, args)
    if best is not None:
        return best[1]
    before = doc.char_span(max(paren - MAX_GAP, 0), paren, alignment_mode="contract")
    for token in reversed(before or []):
        if _armed_people(token):
            args = frame_of(token) if _just_before(doc, token.idx + len(token), paren) else None
            return args if args is not None and not _undergoes(args, token) else None
    return None


def _armed_people(token: Token) -> bool:
    """Armed people ("armed pastoralists") or a community's men ("militia", "pastoralists", "raiders")."""
    return token.pos_ == "NOUN" and (
        token.lower_ in COMMUNAL_NOUNS or any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.children))


def _undergoes(args: FrameArguments, token: Token) -> bool:
    """``token`` is an object ("gunmen attacked herders (presumed to be Y)") or among the frame's victims, targets
    or casualties ("two herders (presumed to be Y) were shot")."""
    if token.dep_ in _OBJECT_DEPS:
        return True
    return any(arg.start <= token.idx < arg.end for arg in (*args.victims, *args.targets, *args.casualties))


def _just_before(doc: Doc, end: int, paren: int) -> bool:
    if not 0 <= paren - end <= MAX_GAP:
        return False
    gap = doc.char_span(end, paren, alignment_mode="expand")
    return gap is None or not any(t.tag_ in _FINITE_TAGS or t.text in {".", ";", "(", ")"} for t in gap)


def _group(doc: Doc, text: str, actors: list[ActorMention], start: int, end: int) -> ActorMention | None:
    """The actor mention the hedged words start with, else a community they name bare, a trailing "communal" or
    "ethnic" dropped."""
    article = _ARTICLE.match(text[start:end])
    bare = start + (article.end() if article else 0)
    mention = next((a for a in actors if a.start in {start, bare} and a.end <= end), None)
    if mention is not None:
        return mention
    stop = _GROUP_END.search(text, bare, end)
    span = doc.char_span(bare, stop.start() if stop else end, alignment_mode="contract")
    while span is not None and len(span) > 1 and span[-1].lower_ in COMMUNAL_MODIFIERS and span[-1].is_lower:
        span = span[:-1]  # "(identified as X communal)"
    name = community_name(span) if span is not None else None
    return ActorMention(span.start_char, span.end_char, span.text, name, COMMUNAL_KIND) if name and span else None


__all__ = ["GROUP_HEDGES", "hedged_groups"]
