"""NumberFinder: counts stated in the text ("six", "145", "at least 12", "dozens") as :class:`NumberMention`.

Only explicit amounts are counts ("one of whom" is 1; "the one who", "no one", "one day" are not), and none above
ten billion. Not counts:
ordinals, years ("in 2022"), dates ("3 february"), times ("at 2120", "0800 hours"), durations ("two days"), ages
("25-year-old", "maria diaz, 34,"), money, percentages, measurements, compound adjectives ("ten-storey"), phone
numbers, list item numbers ("7."), street numbers, and numbers that are part of a name ("the 112 Telegram channel",
"Route 9").

Bounds:

* "at least 12" / "no fewer than 12"            -> value 12, low 12
* "more than 40" / "over 40"                    -> value None, low 41
* "fewer than 10" / "nearly 50" / "almost 50"   -> value None, high 9 / 49
* "up to 30" / "as many as 30"                  -> value None, high 30
* "about 20" / "some 20" / "an estimated 20"    -> value 20 (the stated estimate)
* "10 to 15" / "two or three" / "between 10 and 15" -> value None, low 10, high 15
* vague amounts: "dozens" 24-99, "scores of" 40-199, "hundreds" 200-999, "thousands" 2,000-9,999,
  "tens of thousands" 20,000-99,999, "several" 3-9, "several/a few dozen" as "dozens" (value None)

The rules read token text only (POS and entities are used when present), so they work on lowercase text and on
``spacy.blank("en")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from .annotations import NumberMention, doc_text
from .lexicons import PEOPLE_NOUNS, words

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Plural scale words and what range they stand for when used alone ("hundreds of people").
VAGUE_PLURALS = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999),
}
VAGUE_AFTER_SEVERAL = {"dozen": (24, 99), "hundred": (200, 999), "thousand": (2_000, 9_999)}
SEVERAL = (3, 9)
_STARTERS = {"a", "several", "half", "tens", *VAGUE_PLURALS}
AGE_NOUNS = {"age", "ages"}

EXACT_MODIFIERS = {("at", "least"), ("no", "fewer", "than"), ("no", "less", "than"), ("not", "less", "than"),
                   ("a", "minimum", "of")}  # fmt: skip
APPROX_MODIFIERS = {("about",), ("around",), ("approximately",), ("roughly",), ("some",), ("an", "estimated"),
                    ("estimated",), ("approx.",)}  # fmt: skip
ABOVE_MODIFIERS = {("more", "than"), ("over",), ("upwards", "of"), ("in", "excess", "of"), ("above",)}
BELOW_MODIFIERS = {("fewer", "than"), ("less", "than"), ("under",), ("below",), ("nearly",), ("almost",),
                   ("close", "to"), ("just", "under")}  # fmt: skip
AT_MOST_MODIFIERS = {("up", "to"), ("as", "many", "as"), ("at", "most"), ("no", "more", "than"), ("a", "maximum", "of")}
MODIFIERS = (
    [(m, "exact") for m in EXACT_MODIFIERS]
    + [(m, "approx") for m in APPROX_MODIFIERS]
    + [(m, "above") for m in ABOVE_MODIFIERS]
    + [(m, "below") for m in BELOW_MODIFIERS]
    + [(m, "at_most") for m in AT_MOST_MODIFIERS]
)
MODIFIERS.sort(key=lambda item: -len(item[0]))

TIME_WORDS = words("time_words")
UNIT_WORDS = words("unit_words")
CURRENCY_PREFIXES = words("currency_prefixes")
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.",
    "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
}  # fmt: skip
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DAYS = frozenset(range(1, 32))
# A number after one of these is a label: "route 9", "article 5", "flight 17".
LABEL_NOUNS = words("label_nouns")
STREET_WORDS = words("street_words")
NAME_NOUNS_AFTER = words("name_nouns_after")
ONE_NOT_COUNT_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "no-"}
ONE_NOT_COUNT_AFTER = words("one_not_count_after")
# what "one" (tagged a pronoun) may stand before and still count a person: "one killed", "one dead"
OUTCOMES_AFTER_ONE = frozenset({"killed", "dead", "died", "wounded", "injured", "hurt"})
SKIP_ENT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}

MAX_DIGITS = 15  # longer digit strings are identifiers, not counts
MAX_COUNT = 10**10  # more than ten billion is no count of people ("999999999999999 billion" is hostile text)
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")
_DECIMAL = re.compile(r"^\d+\.\d+$")


def _digit_value(text: str) -> int | None:
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    return None


@dataclass(slots=True)
class _Run:
    """A parsed number phrase over tokens ``[start, end)``."""

    start: int
    end: int
    value: int | None
    low: int | None = None
    high: int | None = None


def _word_kind(lower: str) -> tuple[str, float] | None:
    if len(lower) > MAX_DIGITS:
        return None
    if lower in UNITS:
        return "unit", UNITS[lower]
    if lower in TENS:
        return "tens", TENS[lower]
    if lower in SCALES:
        return "scale", SCALES[lower]
    if lower == "dozen":
        return "dozen", 12
    value = _digit_value(lower)
    if value is not None:
        return "digit", value
    if _DECIMAL.match(lower):
        return "decimal", float(lower)
    return None


def _parse_exact(words: list[str], i: int) -> _Run | None:
    """Longest well-formed number phrase starting at token ``i`` ("two hundred and fifty", "1.5 million")."""
    first = _word_kind(words[i])
    if first is None and words[i] == "a" and i + 1 < len(words):
        nxt = _word_kind(words[i + 1])
        if nxt is not None and nxt[0] in ("scale", "dozen"):
            first = ("unit", 1)  # "a hundred", "a dozen"
    if first is None or first[0] == "scale":
        return None
    last, value = first
    total, current = 0.0, float(value)
    j, n = i + 1, len(words)
    while j < n:
        word = words[j]
        k = _word_kind(word)
        step = 1
        if k is None and word in ("-", "and") and j + 1 < n:
            k = _word_kind(words[j + 1])
            step = 2
            if word == "-" and not (last == "tens" and k is not None and k[0] == "unit"):
                break
            if word == "and" and not (last == "scale" and k is not None and k[0] in ("unit", "tens")):
                break
        if k is None:
            break
        nk, nv = k
        if nk == "unit" and last == "tens" and 1 <= nv <= 9:
            current += nv
        elif nk in ("unit", "tens") and last == "scale":
            current += nv
        elif nk == "scale" and last in ("unit", "tens", "digit", "decimal") and (nv >= 1000 or last != "decimal"):
            if nv == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * nv
                current = 0
        elif nk == "scale" and last == "scale" and nv > 100 and current:
            total += current * nv
            current = 0
        elif nk == "dozen" and last in ("unit", "tens", "digit"):
            current *= 12
        else:
            break
        last = nk if nk != "dozen" else "unit"
        j += step
    if last == "decimal":
        return None
    amount = total + current
    if amount != int(amount):
        return None
    return _Run(i, j, int(amount))


def _vague(words: list[str], i: int) -> _Run | None:
    """Vague amounts: "dozens", "tens of thousands", "scores of", "several hundred", "a few dozen", "several"."""
    word = words[i]
    n = len(words)
    nxt = words[i + 1] if i + 1 < n else ""
    if word == "tens" and nxt == "of" and i + 2 < n and words[i + 2] == "thousands":
        return _Run(i, i + 3, None, 20_000, 99_999)
    if word == "hundreds" and nxt == "of" and i + 2 < n and words[i + 2] == "thousands":
        return _Run(i, i + 3, None, 200_000, 999_999)
    if word == "scores":
        return _Run(i, i + 1, None, *VAGUE_PLURALS[word]) if nxt == "of" else None
    if word in VAGUE_PLURALS:
        return _Run(i, i + 1, None, *VAGUE_PLURALS[word])
    if word == "several" or (word == "a" and nxt == "few"):
        after = i + 1 if word == "several" else i + 2
        if after < n and words[after] in VAGUE_AFTER_SEVERAL:
            return _Run(i, after + 1, None, *VAGUE_AFTER_SEVERAL[words[after]])
        if word == "several":
            return _Run(i, i + 1, None, *SEVERAL)
    if word == "half" and nxt == "a" and i + 2 < n and words[i + 2] == "dozen":
        return _Run(i, i + 3, 6)
    return None


def _modifier(words: list[str], start: int) -> tuple[int, str | None]:
    for phrase, kind in MODIFIERS:
        k = len(phrase)
        if start - k >= 0 and tuple(words[start - k : start]) == phrase:
            return start - k, kind
    return start, None


def _apply(run: _Run, kind: str | None) -> None:
    value = run.value
    if value is None or kind is None or kind == "approx":
        return
    if kind == "exact":
        run.low = value
    elif kind == "above":
        run.value, run.low = None, value + 1
    elif kind == "below":
        run.value, run.high = None, max(value - 1, 0)
    elif kind == "at_most":
        run.value, run.high = None, value


class _Context:
    """Per-document facts the exclusion rules look at."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.words = [t.lower_ for t in doc]
        self.text = doc_text(doc)
        self.lowercase = self.text == self.text.lower()
        self.skip_tokens: set[int] = set()
        for ent in doc.ents:
            if ent.label_ in SKIP_ENT_LABELS:
                counts = [t.i for t in ent if _count_in_date(t, ent, self.words)]
                kept = range(min(counts), max(counts) + 1) if counts else range(0)  # with the "and" of a range
                self.skip_tokens.update(t.i for t in ent if t.i not in kept)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""


# what a count in a date entity may be the object or subject of ("bandits kill 80", the 80 tagged a date)
COUNT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})


def _count_in_date(token: Token, ent: Span, words: list[str]) -> bool:
    """A number the recognizer took into a date or time that counts something: "On Monday 12 people were killed"
    ("Monday 12"), "Bandits kill 80" ("80"), "14 Mar. Six traders died" (a date that has its day already); not "12
    May", "the past 24 hours" or "in the 80s"."""
    if ent.label_ not in {"DATE", "TIME"} or token.tag_ != "CD" or _day_after_month(token.i, words):
        return False
    if token.dep_ == "conj" and token.head.tag_ == "CD":
        return _count_in_date(token.head, ent, words)  # "Between 11 and 20 people were killed": as 11 goes, so does 20
    head = token.head
    if _dated_month(token.i, words):
        return True
    if ent.start <= head.i < ent.end or words[head.i] in TIME_WORDS | UNIT_WORDS | MONTHS | WEEKDAYS:
        return False
    return head.pos_ in {"NOUN", "PROPN"} and token.dep_ == "nummod" or token.dep_ in COUNT_DEPS


def _dated_month(i: int, words: list[str]) -> bool:
    """Whether the word before ``i`` is a month that has its day before it: "14 Mar. Six traders", "3 Jun. 9"."""
    return i >= 2 and words[i - 1] in MONTHS and _digit_value(words[i - 2]) in DAYS


def _day_after_month(i: int, words: list[str]) -> bool:
    """Whether the number at ``i`` is the day of the month before it ("February 3"), not a count after a full date."""
    return i >= 1 and words[i - 1] in MONTHS and not _dated_month(i, words)


def _is_year(run: _Run, ctx: _Context, kind: str | None) -> bool:
    token = ctx.doc[run.start]
    if run.end - run.start != 1 or not (len(token.text) == 4 and token.text.isdigit()):
        return False
    if not 1000 <= int(token.text) <= 2100:
        return False
    if kind is not None:
        return False
    nxt_i = run.end
    if nxt_i < len(ctx.doc):
        nxt = ctx.doc[nxt_i]
        plural = nxt.tag_ in ("NNS", "NNPS") if nxt.tag_ else (nxt.is_alpha and nxt.lower_.endswith("s"))
        if (plural or nxt.lower_ in PEOPLE_NOUNS) and ctx.word(run.start - 1) not in ("in", "since", "of", "until"):
            return False
    return True


def _is_name_or_label(run: _Run, ctx: _Context) -> bool:
    doc = ctx.doc
    prev = ctx.word(run.start - 1)
    first = doc[run.start]
    if prev in LABEL_NOUNS:
        return True
    if not first.text[0].isdigit():
        return False
    if ctx.word(run.end) in NAME_NOUNS_AFTER or ctx.word(run.end + 1) in NAME_NOUNS_AFTER:
        return True
    if first.text.startswith("0") and len(first.text) > 1:
        return True  # "0800 hours", codes
    if not ctx.lowercase and run.end < len(doc):
        nxt = doc[run.end]
        if prev == "the" and nxt.is_title and not nxt.text.endswith("s") and nxt.lower_ not in MONTHS:
            return True  # "the 112 Telegram channel"
        if run.start > 0:
            before = doc[run.start - 1]
            if before.is_title and not before.is_sent_start and before.lower_ not in MONTHS | WEEKDAYS:
                return before.pos_ in ("PROPN", "") and before.lower_ not in PEOPLE_NOUNS  # "Boeing 737"
    return False


def _is_phone_or_code(run: _Run, ctx: _Context) -> bool:
    doc = ctx.doc

    def digitish(i: int) -> bool:
        return 0 <= i < len(doc) and (doc[i].text.lstrip("+").isdigit())

    prev, nxt = run.start - 1, run.end
    if digitish(prev) or digitish(nxt):
        return True
    # 555-1234, 2024-06-16: digit groups chained by hyphens or slashes
    chained = 0
    i = run.end
    while i + 1 < len(doc) and doc[i].text in ("-", "/", ".") and digitish(i + 1):
        chained += 1
        i += 2
    if ctx.word(prev) in ("-", "/") and digitish(prev - 1):
        return True
    return chained >= 2 or (chained == 1 and len(doc[run.start].text) >= 3 and len(doc[run.end + 1].text) >= 3)


def _is_list_marker_time_or_age(run: _Run, ctx: _Context, kind: str | None) -> bool:
    """A list item number ("7."), a military time ("at 2120") or an age ("maria diaz, 34,")."""
    doc = ctx.doc
    text = doc[run.start].text
    before = doc[run.start - 1] if run.start > 0 else None
    nxt = ctx.word(run.end)
    if nxt in (".", ")") and (before is None or before.is_space or before.is_punct or "\n" in before.whitespace_):
        return True
    if len(text) == 4 and text.isdigit() and int(text[:2]) < 24 and int(text[2:]) < 60:
        lead = run.start - (1 if kind else 0)
        if "at" in (ctx.word(lead - 1), ctx.word(lead - 2)) or nxt in ("(", "gmt", "local"):
            return True
    value = run.value
    return ctx.word(run.start - 1) == "," and nxt == "," and value is not None and value <= 110 and kind is None


def _excluded_by_context(run: _Run, ctx: _Context, kind: str | None) -> bool:
    if any(i in ctx.skip_tokens for i in range(run.start, run.end)):
        return True
    prev, nxt, nxt2 = ctx.word(run.start - 1), ctx.word(run.end), ctx.word(run.end + 1)
    if nxt in TIME_WORDS or nxt in UNIT_WORDS or prev in CURRENCY_PREFIXES or prev.startswith("$"):
        return True
    if nxt == "-" and (nxt2 in TIME_WORDS or nxt2 in UNIT_WORDS or nxt2 in MONTHS):  # "25-year-old", "3-october"
        return True
    if nxt == "de":  # Spanish dates and names: "27 de septiembre"
        return True
    if nxt == "-" and nxt2.isalpha() and nxt2 not in UNITS and _glued(ctx.doc, run.end):
        return True  # compound adjective: "ten-storey", "two-man"; not a dash, "killing two - it led to"
    if prev == "of" and ctx.word(run.start - 2) in AGE_NOUNS:  # "the ages of 14 and 18"
        return True
    if nxt == "of" and (nxt2 in TIME_WORDS or nxt2 in UNIT_WORDS):  # "hundreds of years/dollars"
        return True
    value = run.value
    if value is not None and 1 <= value <= 31 and (_day_after_month(run.start, ctx.words) or nxt in MONTHS
                                                   or (nxt == "of" and nxt2 in MONTHS)):
        return True  # "february 3", "3 february"
    if value is not None and value >= 1000 and prev in MONTHS:
        return True  # "march 2024"
    if _is_year(run, ctx, kind):
        return True
    first = ctx.words[run.start]
    if first[0].isdigit() and _is_list_marker_time_or_age(run, ctx, kind):
        return True
    if first == "one" and run.end - run.start == 1:
        token = ctx.doc[run.start]
        pronoun = token.pos_ == "PRON" and nxt not in OUTCOMES_AFTER_ONE  # "one killed" counts a person
        if pronoun or prev in ONE_NOT_COUNT_BEFORE or nxt in ONE_NOT_COUNT_AFTER:
            return True
    if first[0].isdigit():
        if any(ctx.word(k) in STREET_WORDS for k in range(run.end, run.end + 4)):
            return True  # "619 Waddell Avenue"
        return _is_name_or_label(run, ctx) or _is_phone_or_code(run, ctx)
    return prev in LABEL_NOUNS


def _glued(doc: Doc, hyphen: int) -> bool:
    """Whether the hyphen at ``hyphen`` joins the words on its sides with no space ("ten-storey"), not a dash."""
    return doc[hyphen - 1].whitespace_ == "" and doc[hyphen].whitespace_ == ""


def _range(run: _Run, words: list[str], between: bool) -> _Run:
    """Extend ``run`` over "to 15", "-15", "or three", "and 15" (after "between") when the second number is larger."""
    j = run.end
    if j + 1 >= len(words) or run.value is None:
        return run
    joiner = words[j]
    if joiner not in ("to", "-", "or") and not (between and joiner == "and"):
        return run
    second = _parse_exact(words, j + 1)
    if second is None or second.value is None or second.value <= run.value:
        return run
    if joiner == "-" and second.value >= 1000:
        return run  # "555-1234" is a phone number, not a range
    return _Run(run.start, second.end, None, run.value, second.value)


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every count in ``doc``, in text order."""
    ctx = _Context(doc)
    words = ctx.words
    found: list[NumberMention] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        starts = word[0].isdigit() or word in UNITS or word in TENS or word in _STARTERS
        run = (_vague(words, i) or _parse_exact(words, i)) if starts else None
        if run is None:
            i += 1
            continue
        start, kind = _modifier(words, run.start) if run.value is not None else (run.start, None)
        before = ctx.word(run.start - 1)
        between = kind is None and (before == "between" or (before == "of" and ctx.word(run.start - 2) in AGE_NOUNS))
        ranged = _range(run, words, between)
        if ranged is not run:
            run, kind = ranged, None
            if before == "between":
                start = run.start - 1
        if _excluded_by_context(run, ctx, kind) or max(run.value or 0, run.low or 0, run.high or 0) > MAX_COUNT:
            i = run.end
            continue
        _apply(run, kind)
        first_char = doc[start].idx
        last = doc[run.end - 1]
        end_char = last.idx + len(last.text)
        found.append(NumberMention(first_char, end_char, ctx.text[first_char:end_char], run.value, run.low, run.high))
        i = run.end
    return found


@lru_cache(maxsize=1)
def _blank_tokenizer() -> Tokenizer:
    return spacy.blank("en").tokenizer


@lru_cache(maxsize=8192)
def parse_count(text: str) -> tuple[int | None, int | None, int | None]:
    """``(value, low, high)`` of the first count in ``text``; ``(None, None, None)`` when it states none.

    >>> parse_count("at least 12")
    (12, 12, None)
    >>> parse_count("dozens")
    (None, 24, 99)
    """
    found = find_numbers(_blank_tokenizer()(text.strip()))
    if not found:
        return None, None, None
    first = found[0]
    return first.value, first.low, first.high


class NumberFinder:
    """spaCy component writing ``doc._.incidex_numbers``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.incidex_numbers = find_numbers(doc)
        return doc


__all__ = ["NumberFinder", "find_numbers", "parse_count"]
