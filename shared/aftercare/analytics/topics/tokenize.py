"""A ticket's text as the terms its topic is found by: pure, deterministic, no segmenter.

- One form for every way of typing the same thing: NFKC (full-width letters and digits
  become plain), lower case, traditional characters folded to simplified (`t2s.json`,
  OpenCC's character table), so 水壺蓋 and 水壶盖 are the same words.
- Chinese: in each run of Chinese characters the lexicon's words (lexicon.py, longest
  first) become their concept; what is left is cut at function characters (的, 了, 吗 ...)
  and read as character bigrams (they cover the words a segmenter would find).
- English: words, stop words dropped, lightly stemmed ("leaks", "leaking", "leaked" →
  "leak"); a lexicon word becomes its concept, so it meets its Chinese translation.
- Digits, emoji and punctuation are dropped: order numbers and amounts are not topics.

Only the first MAX_CHARS characters are read (the subject and the opening of the first
message say what a ticket is about), which bounds the work per ticket.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from aftercare.analytics.topics.lexicon import chinese_words, english_words

HERE = Path(__file__).resolve().parent
MAX_CHARS = 500
CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# a Chinese run, or a Latin word (a "t" in "t恤" or "don't" stays with its word)
_PIECE = re.compile(r"[\u3400-\u9fff]+|[a-z][a-z']*")
STOP_CHARS = frozenset(
    "的了吗呢吧啊呀哦嘛么啦哈嗯我你您他她它们是在这那就也都很还又和与及或个把被给让请谢得地着过已经有怎幺"
)
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each few for from further get gets got had hadn't has hasn't have haven't having he her
    here hers herself him himself his how i i'm i've if in into is isn't it it's its itself just let's me
    more most my myself no nor not now of off on once only or other ought our ours ourselves out over own
    please same she should shouldn't so some such than that that's the their theirs them themselves then
    there these they this those through to too under until up very was wasn't we were weren't what when
    where which while who whom why will with won't would wouldn't you your yours yourself yourselves
    hi hello dear thanks thank regards hey ok okay still even yet already really just one two
    day days week weeks today yesterday time times since ago every new order ordered item items product
    bought buy purchase purchased help issue issues problem problems something anything thing things
    want need like know see look make made use used using come came go went say said tell told ask
    asked way back again bit lot lots much many never ever always""".split()  # noqa: SIM905
)
MIN_WORD = 2


@cache
def _t2s() -> dict[int, int]:
    table = json.loads((HERE / "t2s.json").read_text(encoding="utf-8"))
    return str.maketrans(table["traditional"], table["simplified"])


def normalize(text: str) -> str:
    """NFKC, lower case, traditional folded to simplified; at most MAX_CHARS characters."""
    return unicodedata.normalize("NFKC", text[: MAX_CHARS * 2]).lower().translate(_t2s())[:MAX_CHARS]


def stem(word: str) -> str:
    """A light English stemmer (suffixes only, never below three letters): enough to make a
    word's plural, past and -ing forms one term."""
    word = word.replace("'", "")
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if not word.endswith(suffix) or len(word) - len(suffix) + len(replacement) < 3:
            continue
        if suffix == "es" and not word.endswith(("ses", "xes", "zes", "ches", "shes")):
            continue  # "lines" → "line" (the "s" rule), "boxes" → "box"
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue  # "glass", "status", "this"
        base = word[: len(word) - len(suffix)] + replacement
        if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
            base = base[:-1]  # "stopped" → "stop", but "filled" → "fill"
        return base
    return word


@cache
def _english() -> dict[str, str]:
    """Each lexicon word and its stem → its concept."""
    found: dict[str, str] = {}
    for word, concept in english_words().items():
        found.setdefault(word, concept)
        found.setdefault(stem(word), concept)
        if word.endswith("e") and len(word) > 4:
            found.setdefault(word[:-1], concept)  # "rattle": "rattling" and "rattled" stem to "rattl"
    return found


@cache
def _chinese() -> tuple[dict[str, str], int]:
    words = chinese_words()
    return words, max(len(word) for word in words)


def _chinese_terms(run: str) -> list[str]:
    words, longest = _chinese()
    terms: list[str] = []
    rest: list[str] = []  # characters no lexicon word took, split where one was taken

    def flush() -> None:
        pieces = "".join(rest)
        rest.clear()
        for piece in re.split(f"[{''.join(sorted(STOP_CHARS))}]+", pieces):
            terms.extend(piece[i : i + 2] for i in range(len(piece) - 1))

    at = 0
    while at < len(run):
        for size in range(min(longest, len(run) - at), 0, -1):
            concept = words.get(run[at : at + size])
            if concept is not None:
                rest.append("|")
                if concept:
                    terms.append(concept)
                at += size
                break
        else:
            rest.append(run[at])
            at += 1
    flush()
    return [term for term in terms if "|" not in term]


def tokens(text: str) -> list[str]:
    """The terms of one text (a term may repeat): piece by piece, a Chinese run's concepts
    before its bigrams."""
    english = _english()
    found: list[str] = []
    for piece in _PIECE.findall(normalize(text)):
        if CJK_RUN.fullmatch(piece):
            found.extend(_chinese_terms(piece))
            continue
        word = piece.strip("'")
        if len(word) < MIN_WORD or word in STOP_WORDS:
            continue
        concept = english.get(word)
        if concept is None:
            stemmed = stem(word)
            concept = english.get(stemmed)
            if concept is None and (stemmed in STOP_WORDS or len(stemmed) < 3):
                continue
        found.append(concept or stem(word))
    return found
