"""Casing for text that shouts: all-capitals wire copy gets the case an English writer would have given it.

"SAN SALVADOR, 3 JAN 90 -- [TEXT] THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] ATTACKED ..." reads to the
spaCy model and to our components like noise; cased it is "San Salvador, 3 Jan 90 -- [TEXT] The Farabundo Marti
National Liberation Front [FMLN] attacked ...". :func:`truecase` changes only the case of letters, one character for
one character, so the cased text has the length of the original and every offset into one is an offset into the
other: evidence found in the cased text points at the input as it was.

A text is recased when it shouts (:func:`shouting`: most of its letters are capitals); in a text that does not, only
its lines that shout (a headline in capitals) are. A word keeps its letters as written unless it is all capitals.
The spelling of an all-capitals word is chosen, in this order of trust:

1. names the project knows, as it spells them: the names and aliases of the actor table ("SHINING PATH" -> "Shining
   Path", "FMLN", "AL-SHABAAB" -> "al-Shabaab"), multi-word names of the gazetteer ("LA PAZ", "SAN SALVADOR"; small
   words inside a name stay small: "Santa Rosa de Lima"), nationality words ("SALVADORAN");
2. the commonest of its spellings in the word table (``data/casing``, built by ``tools/build_casing.py`` from
   spaCy's English lexeme probabilities), lowercase slightly favoured; upper case only for short words whose
   capitals clearly dominate ("UN", "GMT"); a mixed spelling where the table knows one ("McDonald");
3. a word the table does not know is a name: capitalized ("CRISTIANI" -> "Cristiani"), or left in capitals when it
   has no vowel or stands alone in parentheses or brackets ("PCCH", "(URNG)");
4. a word often written capitalized joins a name it stands next to ("NATIONAL" in "ARCE NATIONAL BATTALION");
5. the first word of a sentence is capitalized; month names next to a number are ("3 MAY 90" -> "3 May 90").
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.strings import hash_string

from ..errors import ConfigError
from .lexicons import words

WORDS_FILE = "words.npy.gz"
MIXED_FILE = "mixed.tsv"
WORD_TABLE = numpy.dtype([("key", "<u8"), ("lower", "i1"), ("title", "i1"), ("upper", "i1")])
UNSEEN = -128  # a spelling the table never saw
QUARTERS = 4  # log probabilities are stored in quarter units

SHOUTING_SHARE = 0.8  # a text shouts when this share of its cased letters are capitals
MIN_SHOUTING_LETTERS = 12  # ... and it has this many letters at least
SHOUTING_LINE_WORDS = 4  # a line of capitals this long is recased in a text that does not shout
LOWER_BIAS = 1.0  # log-probability units given to the lowercase spelling (the table's text is sloppy with capitals)
UPPER_MARGIN = 1.5  # the upper-case spelling must beat the others by this much ...
MAX_UPPER_LETTERS = 5  # ... and the word be this short (longer words in capitals in the table are shouting)
JOIN_ODDS = -1.5  # a word whose capitalized spelling is at most this much less likely joins a name beside it ...
JOIN_MAX_LOGPROB = -8.5  # ... unless it is a word this common ("its", "new")
RARE_LOGPROB = -18.5  # a word whose every spelling is this rare counts as unknown: a name ("OMDURMAN")
MAX_NAME_WORDS = 6  # longest multi-word name looked up
NAME_PARTICLES = words("name_particles")
MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                    "january", "february", "march", "april", "june", "july", "august", "september", "october",
                    "november", "december"})
# acronyms whose lowercase spelling is a word of another language or a typo in the table's text
ACRONYMS = words("acronyms")
# nouns that follow a name without being part of it as often as not: "Kabul city", "the Swat valley"
NOT_JOINING = words("not_joining")
LOWER_ALWAYS = words("lower_always")

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_VOWELS = frozenset("aeiouy")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d)\]]*\s*[\"\u201c(]?$|\n\s*\n\s*$|^\s*[\"\u201c(]?$")
_AFTER_HEADER = re.compile(r"(?:--|\u2014|\u2013)\s*(?:\[[^\[\]]*\]\s*)*$")  # "-- [REPORT] [TEXT] THE ..."
HEADER_LOOKBACK = 400  # characters before a word searched for a dateline's dash and tags
_DIGIT_NEAR = re.compile(r"\d")


@dataclass(frozen=True)
class CasingLexicon:
    """The word table and the names the project spells.

    ``keys`` (sorted spaCy string hashes of lowercase words) and ``logprobs`` (their lowercase, capitalized and
    upper-case log probabilities in quarter units) come from ``words.npy.gz``; ``mixed`` maps words to a mixed
    spelling; ``names`` maps the lowercase words of a known name, joined by spaces, to its spelling word by word;
    ``name_starts`` holds the first words of those names; ``is_place_name`` says whether a name key is a
    gazetteer name.
    """

    keys: numpy.ndarray
    logprobs: numpy.ndarray
    mixed: Mapping[str, str]
    names: Mapping[str, tuple[str, ...]]
    name_starts: frozenset[str]
    demonyms: frozenset[str]
    is_place_name: object = None  # Callable[[str], bool] | None

    def spellings(self, words: list[str]) -> numpy.ndarray:
        """(lowercase, capitalized, upper) log probabilities of lowercase ``words``, in units; UNSEEN rows for
        unknown words."""
        if not len(self.keys):
            return numpy.full((len(words), 3), UNSEEN, dtype=numpy.int16)
        hashes = numpy.array([hash_string(w) for w in words], dtype=numpy.uint64)
        at = numpy.minimum(numpy.searchsorted(self.keys, hashes), len(self.keys) - 1)
        found = self.keys[at] == hashes
        rows = self.logprobs[at].astype(numpy.int16)
        rows[~found] = UNSEEN
        return rows


def shouting(text: str) -> bool:
    """Whether most of the letters of ``text`` are capitals (at least :data:`SHOUTING_SHARE` of the cased ones)."""
    upper = lower = 0
    for char in text:
        if char.isupper():
            upper += 1
        elif char.islower():
            lower += 1
    return upper >= MIN_SHOUTING_LETTERS and upper >= SHOUTING_SHARE * (upper + lower)


def shouting_spans(text: str) -> list[tuple[int, int]]:
    """The parts of ``text`` to recase: all of it when it shouts, else its lines that shout and have at least
    :data:`SHOUTING_LINE_WORDS` words (a headline in capitals)."""
    if shouting(text):
        return [(0, len(text))]
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(_WORD.findall(line)) >= SHOUTING_LINE_WORDS and shouting(line):
            spans.append((start, end))
        start = end + 1
    return spans


def truecase(text: str, lexicon: CasingLexicon | None = None) -> str:
    """``text`` with its shouting parts recased (see the module docstring); the same length, the same characters
    but for their case. Text that does not shout comes back unchanged."""
    spans = shouting_spans(text)
    if not spans:
        return text
    lexicon = lexicon or default_lexicon()
    chars = list(text)
    for start, end in spans:
        for at, spelling in _recase(text, start, end, lexicon):
            chars[at : at + len(spelling)] = spelling
    return "".join(chars)


def _recase(text: str, start: int, end: int, lexicon: CasingLexicon) -> Iterable[tuple[int, str]]:
    """(offset, spelling) of every all-capitals word between ``start`` and ``end`` whose spelling changes."""
    matches = [m for m in _WORD.finditer(text, start, end)]
    words = [m.group() for m in matches]
    bases = [_base(w) for w in words]
    lowers = [b.lower() for b in bases]
    shouted = [w.isupper() for w in words]
    rows = lexicon.spellings(lowers)
    forms: list[str | None] = [None] * len(words)  # "l", "t", "u", or an exact spelling
    anchored = [False] * len(words)  # a name for sure: may draw the words beside it into the name
    for i, spelling in _known_names(matches, lowers, rows, text, lexicon):
        forms[i] = spelling
        anchored[i] = True
    for i, match in enumerate(matches):
        if forms[i] is not None or not shouted[i]:
            continue
        forms[i], anchored[i] = _choose(lowers[i], rows[i], match, text, lexicon)
    _join_names(matches, lowers, rows, forms, anchored, text)
    for i, match in enumerate(matches):
        if not shouted[i]:
            continue
        spelling = _spell(words[i], bases[i], forms[i])
        if _sentence_start(text, match.start()) or (lowers[i] in MONTHS and _beside_number(text, match)):
            spelling = spelling[:1].upper() + spelling[1:]
        if spelling != words[i] and len(spelling) == len(words[i]):
            yield match.start(), spelling


def _base(word: str) -> str:
    """The word without an apostrophe suffix: "SALVADOR'S" -> "SALVADOR"; "D'AUBUISSON" stays whole."""
    for mark in ("'", "\u2019"):
        head, sep, tail = word.partition(mark)
        if sep and len(head) > 1:
            return head
    return word


def _spell(word: str, base: str, form: str | None) -> str:
    """The spelling of an all-capitals ``word`` for a chosen form of its ``base``."""
    if form is None or form == "u":
        cased = base
    elif form == "l":
        cased = base.lower()
    elif form == "t":
        cased = base[:1] + base[1:].lower()
    else:
        cased = form if form.lower() == base.lower() else base[:1] + base[1:].lower()
    rest = word[len(base) :]
    if rest:
        return cased + rest.lower()
    head, sep, tail = cased.partition("'")
    if sep and len(head) == 1 and form != "l":  # "D'AUBUISSON" -> "D'Aubuisson", "O'BRIEN" -> "O'Brien"
        return head.upper() + sep + tail[:1].upper() + tail[1:].lower()
    return cased


def _choose(lower: str, row: numpy.ndarray, match: re.Match, text: str, lexicon: CasingLexicon) -> tuple[str, bool]:
    """The form of one word from the table alone, and whether it anchors a name."""
    if _alone_in_brackets(text, match):  # "[TEXT]", "[FMLN]", "(EFE)": a tag or an acronym
        return "u", True
    if len(lower) == 1:
        return ("l", False) if lower == "a" and not _initial(text, match) else ("u", False)
    if lower in LOWER_ALWAYS:
        return "l", False
    if lower in lexicon.demonyms:
        return "t", True
    if lower in ACRONYMS:
        return "u", True
    low, title, upper = (int(v) for v in row)
    if max(low, title, upper) <= RARE_LOGPROB * QUARTERS:
        return ("t", True) if _VOWELS & set(lower) else ("u", True)
    mixed = lexicon.mixed.get(lower)
    low += LOWER_BIAS * QUARTERS
    if upper - UPPER_MARGIN * QUARTERS > max(low, title) and len(lower) <= MAX_UPPER_LETTERS:
        return "u", True
    if mixed is not None and title > low:
        return mixed, True
    if title > low:
        return "t", True
    return "l", False


def _join_names(matches: list[re.Match], lowers: list[str], rows: numpy.ndarray, forms: list[str | None],
                anchored: list[bool], text: str) -> None:
    """Words often capitalized that stand right beside a name (with only a space or hyphen between) join it."""
    changed = True
    while changed:
        changed = False
        for i in range(len(matches)):
            if forms[i] != "l" or lowers[i] in NAME_PARTICLES or lowers[i] in LOWER_ALWAYS or lowers[i] in NOT_JOINING:
                continue
            low, title = int(rows[i][0]), int(rows[i][1])
            if title == UNSEEN or title - low < JOIN_ODDS * QUARTERS or low > JOIN_MAX_LOGPROB * QUARTERS:
                continue
            beside = [j for j in (i - 1, i + 1) if 0 <= j < len(matches) and anchored[j]
                      and _adjacent(text, matches[min(i, j)], matches[max(i, j)])]
            if beside:
                forms[i], anchored[i], changed = "t", True, True


def _known_names(matches: list[re.Match], lowers: list[str], rows: numpy.ndarray, text: str,
                 lexicon: CasingLexicon) -> Iterable[tuple[int, str]]:
    """(word index, spelling) for the words of names the actor table or the gazetteer knows, longest first; a
    gazetteer name needs a word that looks like a name (unknown to the table, or mostly capitalized) and must not
    start with "the": "THE VILLAGE" and "LAST CHANCE" stay common words."""
    i, n = 0, len(matches)
    while i < n:
        found = 0
        if lowers[i] in lexicon.name_starts or lexicon.is_place_name is not None:
            for length in range(min(MAX_NAME_WORDS, n - i), 0, -1):
                if length > 1 and not _adjacent(text, matches[i + length - 2], matches[i + length - 1]):
                    continue
                if any(not _adjacent(text, matches[k], matches[k + 1]) for k in range(i, i + length - 1)):
                    continue
                key = " ".join(lowers[i : i + length])
                spelling = lexicon.names.get(key)
                if spelling is None and length > 1 and lowers[i] != "the" and lexicon.is_place_name is not None \
                        and any(_name_like(rows[k]) for k in range(i, i + length)) \
                        and lexicon.is_place_name(key):  # type: ignore[operator]
                    spelling = _place_spelling(lowers[i : i + length])
                if spelling is not None:
                    found = length
                    yield from ((i + k, form) for k, form in enumerate(spelling))
                    break
        i += max(found, 1)


def _name_like(row: numpy.ndarray) -> bool:
    """A word the table does not know (or barely), or most often writes capitalized."""
    low, title, upper = (int(v) for v in row)
    return max(low, title, upper) <= RARE_LOGPROB * QUARTERS or title > low


def _place_spelling(words: list[str]) -> tuple[str, ...] | None:
    """A multi-word place name capitalized, its small inner words small ("santa rosa de lima"); None when it is
    only small words."""
    spelling = tuple("l" if k and w in NAME_PARTICLES else "t" for k, w in enumerate(words))
    return spelling if sum(form == "t" for form in spelling) > 1 or words[0] not in NAME_PARTICLES else None


def _adjacent(text: str, left: re.Match, right: re.Match) -> bool:
    """Whether only a space or a hyphen stands between two words (not a comma, a bracket or a line break) and the
    left one is no possessive ("NORTHGATE'S CHAIRMAN")."""
    between = text[left.end() : right.start()]
    return between in (" ", "-", "  ") and not _base(left.group()) != left.group()


def _sentence_start(text: str, at: int) -> bool:
    """After a full stop, a blank line, at the start, or after a dateline's dash and its tags."""
    if not at or _SENTENCE_END.search(text, max(0, at - 12), at) is not None:
        return True
    return "]" in text[max(0, at - 3) : at] and _AFTER_HEADER.search(text, max(0, at - HEADER_LOOKBACK), at) is not None


def _initial(text: str, match: re.Match) -> bool:
    """A single letter followed by a full stop: an initial ("LUIS A. GARCIA")."""
    return text[match.end() : match.end() + 1] == "."


def _beside_number(text: str, match: re.Match) -> bool:
    return bool(_DIGIT_NEAR.search(text, max(0, match.start() - 3), match.start())
                or _DIGIT_NEAR.search(text, match.end(), match.end() + 3))


def _alone_in_brackets(text: str, match: re.Match) -> bool:
    before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
    return (before, after) in (("(", ")"), ("[", "]"))


def word_table(probabilities: Mapping[str, float]) -> numpy.ndarray:
    """The rows of ``words.npy.gz`` for case-sensitive word forms and their log probabilities (build time)."""
    spellings: dict[str, list[int]] = {}
    for form, logprob in probabilities.items():
        if not form.isascii() or not form.isalpha():
            continue
        key = form.lower()
        column = 0 if form == key else 1 if form == key.capitalize() else 2 if form == key.upper() else None
        if column is None:
            continue
        row = spellings.setdefault(key, [UNSEEN, UNSEEN, UNSEEN])
        row[column] = max(row[column], max(UNSEEN + 1, min(127, round(logprob * QUARTERS))))
    pairs = sorted((hash_string(key), row) for key, row in spellings.items())
    table = numpy.zeros(len(pairs), dtype=WORD_TABLE)
    table["key"] = [h for h, _ in pairs]
    for column, name in enumerate(("lower", "title", "upper")):
        table[name] = [row[column] for _, row in pairs]
    return table


def _name_spellings(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Name key (lowercase words joined by spaces) -> spelling per word, for names written in mixed case."""
    spellings: dict[str, tuple[str, ...]] = {}
    for name in names:
        words = _WORD.findall(name)
        if not words or name.isupper() and len(words) > 1 or name.islower():
            continue
        key = " ".join(w.lower() for w in words)
        spellings.setdefault(key, tuple(words))
    return spellings


def load_lexicon(directory: str | Path | None = None) -> CasingLexicon:
    """The shipped word table (or the one in ``directory``) with the actor table's names and the gazetteer's."""
    from .actors import load_aliases
    from .gazetteer import default_gazetteer

    root = Path(directory) if directory else Path(str(resources.files("incidex").joinpath("data/casing")))
    try:
        with gzip.open(root / WORDS_FILE, "rb") as handle:
            table = numpy.load(handle, allow_pickle=False)
        mixed = dict(line.split("\t", 1) for line in (root / MIXED_FILE).read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))
    except FileNotFoundError as exc:
        raise ConfigError(f"casing table missing: {exc.filename}; reinstall incidex or run tools/build_casing.py")
    if table.dtype != WORD_TABLE:
        raise ConfigError(f"{root / WORDS_FILE} holds {table.dtype}, expected {WORD_TABLE}; run tools/build_casing.py")
    gazetteer = default_gazetteer()
    names = _name_spellings(alias for entry in load_aliases() for alias in entry.aliases)
    logprobs = numpy.stack([table["lower"], table["title"], table["upper"]], axis=1)
    return CasingLexicon(
        keys=numpy.ascontiguousarray(table["key"]),
        logprobs=logprobs,
        mixed={key: value.strip() for key, value in mixed.items()},
        names=names,
        name_starts=frozenset(key.split(" ")[0] for key in names),
        demonyms=frozenset(key for key in gazetteer.demonyms if " " not in key),
        is_place_name=gazetteer.has_key,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> CasingLexicon:
    """The shipped lexicon, loaded on first use and kept for the life of the process."""
    return load_lexicon()


__all__ = ["CasingLexicon", "default_lexicon", "load_lexicon", "shouting", "shouting_spans", "truecase", "word_table"]
