"""The features the triage model reads: pure, the same at training and at inference.

- Chinese: character unigrams, bigrams and trigrams of each run of Chinese characters
  (no segmenter: n-grams cover the words a segmenter would find, and misspelt or unusual
  ones it would not, at no cold-start cost).
- Latin script: words, word bigrams, and character 3- and 4-grams of each word padded with
  boundaries (so "refnd", "delivry" and "refunded" share most of their features with
  "refund" and "delivery").
- Shape: exclamation and question marks, emoji, shouting (an all-caps word), length.
- Concepts: one feature per gazetteer of `concepts.json` that occurs (so a synonym the
  corpus lacks still lands on the concept the model learned), and one per urgency signal
  (urgency.py: a safety incident, a threat, anger ...), whose weights are learned too.
- Channel: the channel the ticket came from, as one feature among the others; the model
  decides what it is worth (little, as the corpus has every category on every channel).

Digits are folded to `0` so order numbers and amounts do not become vocabulary. Only the
first `MAX_CHARS` characters are read: the opening of a message says what it is about, and
the bound keeps inference within its time budget for any message length.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from aftercare.tickets.triage import urgency
from aftercare.tickets.triage.text import CJK_RUN, normalize

# Package data beside the code, read without importlib.resources: its first use alone costs
# the cold start more than the data does.
HERE = Path(__file__).resolve().parent

MAX_CHARS = 600
_WORD = re.compile(r"[a-z][a-z0-9']*|[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


class Gazetteers(NamedTuple):
    """Every concept's terms, matched without regular expressions (compiling a few hundred
    alternations would cost the cold start more than the whole weights file): Chinese terms
    as substrings, English words by lookup, `word*` by looking up each of a word's prefixes,
    phrases as substrings of the space-joined words."""

    chinese: tuple[tuple[str, str], ...]  # (term, concept)
    words: dict[str, frozenset[str]]
    prefixes: dict[str, frozenset[str]]
    phrases: tuple[tuple[str, str], ...]
    longest_prefix: int

    def concepts_in(self, text: str, tokens: list[str], joined: str) -> set[str]:
        found = {name for term, name in self.chinese if term in text}
        found.update(name for phrase, name in self.phrases if phrase in joined)
        for word in set(tokens):
            if not word.isascii():
                continue
            found.update(self.words.get(word, ()))
            for end in range(1, min(len(word), self.longest_prefix) + 1):
                found.update(self.prefixes.get(word[:end], ()))
        return found


_TERM_WORD = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]")
_LATIN_OR_DIGIT = re.compile(r"[a-z0-9]")
_ONE_WORD = re.compile(r"[a-z0-9']+")


@cache
def gazetteers() -> Gazetteers:
    data = json.loads((HERE / "concepts.json").read_text(encoding="utf-8"))
    chinese: list[tuple[str, str]] = []
    phrases: list[tuple[str, str]] = []
    words: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for name, terms in data.items():
        if name.startswith("_"):
            continue
        for raw in terms:
            term = raw.lower()
            if not _LATIN_OR_DIGIT.search(term):
                chinese.append((term, name))
            elif term.endswith("*"):
                prefixes.setdefault(term[:-1], set()).add(name)
            elif _ONE_WORD.fullmatch(term):
                words.setdefault(term, set()).add(name)
            else:
                phrases.append((f" {' '.join(_TERM_WORD.findall(term))} ", name))
    return Gazetteers(
        chinese=tuple(chinese),
        words={word: frozenset(names) for word, names in words.items()},
        prefixes={prefix: frozenset(names) for prefix, names in prefixes.items()},
        phrases=tuple(phrases),
        longest_prefix=max((len(prefix) for prefix in prefixes), default=0),
    )


def _length_bucket(size: int) -> str:
    if size <= 8:
        return "len:tiny"
    if size <= 30:
        return "len:short"
    if size <= 120:
        return "len:medium"
    return "len:long"


def features(subject: str, message: str, channel: str | None = None) -> set[str]:
    return read(subject, message, channel)[0]


def read(subject: str, message: str, channel: str | None = None) -> tuple[set[str], urgency.Signals]:
    """The features, and the urgency signals of the text they were read from (the opening
    `MAX_CHARS`), so that triage does not look for them twice in a short message."""
    raw = f"{subject}\n{message}"[:MAX_CHARS]
    normal = normalize(raw)
    text = _DIGITS.sub("0", normal)
    found: set[str] = {"bias", _length_bucket(len(text))}
    if channel:
        found.add(f"ch:{channel}")
    for run in CJK_RUN.findall(text):
        for n in (1, 2, 3):
            for start in range(len(run) - n + 1):
                found.add(f"z{n}:{run[start : start + n]}")
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        found.add(f"w:{word}")
        if index:
            found.add(f"b:{words[index - 1]}_{word}")
        if len(word) > 3 and not word.isdigit():
            padded = f"<{word}>"
            for n in (3, 4):
                for start in range(len(padded) - n + 1):
                    found.add(f"g:{padded[start : start + n]}")
    if "!" in text:
        found.add("p:!!" if "!!" in text else "p:!")
    if "?" in text:
        found.add("p:?")
    if _EMOJI.search(raw):
        found.update(f"e:{emoji}" for emoji in _EMOJI.findall(raw))
    if _CAPS.search(raw):
        found.add("p:caps")
    tokens = _TERM_WORD.findall(normal)
    joined = f" {' '.join(tokens)} "
    found.update(f"k:{name}" for name in gazetteers().concepts_in(normal, tokens, joined))
    signals = urgency.signals(normal)
    found.update(f"u:{name}" for name, hit in signals._asdict().items() if hit)
    return found, signals
