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
from importlib import resources

from aftercare.tickets.triage import urgency
from aftercare.tickets.triage.text import normalize

MAX_CHARS = 600
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z][a-z0-9']*|[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def _pattern(term: str) -> str:
    if not re.search(r"[a-z0-9]", term):
        return re.escape(term)
    body = re.escape(term.rstrip("*"))
    start = r"(?<![a-z0-9])" if re.match(r"[a-z0-9]", term) else ""
    end = "" if term.endswith("*") or not re.search(r"[a-z0-9]$", term) else r"(?![a-z0-9])"
    return start + body + end


@cache
def concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = resources.files("aftercare.tickets.triage").joinpath("concepts.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return tuple(
        (name, re.compile("|".join(_pattern(term.lower()) for term in terms)))
        for name, terms in data.items()
        if not name.startswith("_")
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
    raw = f"{subject}\n{message}"[:MAX_CHARS]
    normal = normalize(raw)
    text = _DIGITS.sub("0", normal)
    found: set[str] = {"bias", _length_bucket(len(text))}
    if channel:
        found.add(f"ch:{channel}")
    for run in _CJK_RUN.findall(text):
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
    found.update(f"k:{name}" for name, pattern in concepts() if pattern.search(normal))
    signals = urgency.signals(normal)
    found.update(f"u:{name}" for name, hit in vars(signals).items() if hit)
    return found
