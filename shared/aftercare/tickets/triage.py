"""Ticket triage at intake: category, priority and sentiment from the text and its context.

Pure and deterministic. The keyword lexicons are data (`triage_lexicon.json`, shipped in
the layer) so the service team can tune them without touching code. The rules:

- category: the best-scoring category lexicon over subject and message (each term counts
  once, ties broken by a fixed precedence); a threat (a bad review, a regulator such as
  12315 or 消协, a chargeback, a lawyer, the media) makes it a COMPLAINT; a message that
  only praises is OTHER (feedback).
- priority: LOW for pre-sale questions, praise and other messages that need nothing fixed,
  NORMAL otherwise; HIGH for explicit urgency, anger, an order worth 1,000.00 or more;
  a repeat contact (2+ other tickets in 7 days) raises it a level, 4+ make it URGENT;
  complaints, threats and safety hazards are URGENT.
- sentiment: negative and positive terms (a negator just before a term flips it; praise
  before a "but" does not count), anger, threats and "for days now" patterns; the larger
  side wins.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from aftercare.tickets.rules import Category, Priority, Sentiment, at_least, raise_priority


@dataclass(frozen=True)
class TriageContext:
    order_value: int | None = None  # minor units of the linked order, if any
    recent_contacts: int = 0  # the customer's other tickets in the last 7 days


@dataclass(frozen=True)
class Triage:
    category: Category
    priority: Priority
    sentiment: Sentiment
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Term:
    text: str
    pattern: re.Pattern[str] | None  # None: a substring match (Chinese, punctuation)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.pattern is None:
            found, start = [], text.find(self.text)
            while start >= 0:
                found.append((start, start + len(self.text)))
                start = text.find(self.text, start + 1)
            return found
        return [match.span() for match in self.pattern.finditer(text)]

    def occurs(self, text: str) -> bool:
        return bool(self.spans(text))


_LATIN = re.compile(r"[a-z0-9]")


def _term(raw: str) -> _Term:
    text = raw.lower()
    if not _LATIN.search(text):
        return _Term(text, None)
    prefix = text.endswith("*")
    body = re.escape(text.rstrip("*"))
    start = r"(?<![a-z0-9])" if _LATIN.match(text) else ""
    end = "" if prefix or not _LATIN.search(text[-1]) else r"(?![a-z0-9])"
    return _Term(text, re.compile(start + body + end))


@dataclass(frozen=True)
class Lexicon:
    categories: dict[Category, list[tuple[_Term, float]]]
    tie_break: list[Category]
    threats: list[_Term]
    safety: list[_Term]
    urgency: list[_Term]
    anger: list[_Term]
    negative: list[_Term]
    positive: list[_Term]
    negators: frozenset[str]
    negator_exceptions: tuple[str, ...]
    contrast: list[_Term]
    negative_patterns: list[re.Pattern[str]]
    action_needed: list[_Term]
    high_value: int
    repeat_raise: int
    repeat_urgent: int


def _terms(values: Iterable[str]) -> list[_Term]:
    return [_term(value) for value in values]


def lexicon_from(data: dict[str, Any]) -> Lexicon:
    return Lexicon(
        categories={
            Category(name): [(_term(term), float(weight)) for term, weight in terms.items()]
            for name, terms in data["categories"].items()
        },
        tie_break=[Category(name) for name in data["tie_break"]],
        threats=_terms(data["threats"]),
        safety=_terms(data["safety"]),
        urgency=_terms(data["urgency"]),
        anger=_terms(data["anger"]),
        negative=_terms(data["negative"]),
        positive=_terms(data["positive"]),
        negators=frozenset(data["negators"]),
        negator_exceptions=tuple(data.get("negator_exceptions", [])),
        contrast=_terms(data.get("contrast", [])),
        negative_patterns=[re.compile(pattern) for pattern in data["negative_patterns"]],
        action_needed=_terms(data["action_needed"]),
        high_value=int(data["high_value_minor_units"]),
        repeat_raise=int(data["repeat_contacts_raise"]),
        repeat_urgent=int(data["repeat_contacts_urgent"]),
    )


@cache
def default_lexicon() -> Lexicon:
    raw = resources.files("aftercare.tickets").joinpath("triage_lexicon.json").read_text(encoding="utf-8")
    return lexicon_from(json.loads(raw))


def normalize(text: str) -> str:
    """NFKC (full-width letters, digits and punctuation to their plain forms, except the
    Chinese question and exclamation marks the lexicon names), lower case, one space."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", folded).strip()


_WORD = re.compile(r"[a-z']+")


def _negated(text: str, start: int, lexicon: Lexicon) -> bool:
    before = text[max(0, start - 24) : start]
    if before[-1:] in lexicon.negators and not before.endswith(lexicon.negator_exceptions):
        return True  # 不满意, 没问题: a Chinese negator right before the term (not 特别)
    words = _WORD.findall(before)[-3:]
    return any(word in lexicon.negators or word.endswith("n't") for word in words)


def _polarity(text: str, lexicon: Lexicon) -> tuple[int, int]:
    # "Thanks for the quick reply, but ...": praise before a contrast does not count
    turn = max((start for term in lexicon.contrast for start, _ in term.spans(text)), default=-1)
    negative = positive = 0
    for terms, sign in ((lexicon.negative, -1), (lexicon.positive, 1)):
        for term in terms:
            for start, _ in term.spans(text):
                if sign > 0 and start < turn:
                    continue
                flipped = _negated(text, start, lexicon) and not any(
                    text[start:].startswith(n) for n in lexicon.negators
                )
                if (sign < 0) != flipped:
                    negative += 1
                else:
                    positive += 1
                break  # each term once
    negative += sum(1 for pattern in lexicon.negative_patterns if pattern.search(text))
    return negative, positive


def _any(terms: Iterable[_Term], text: str) -> list[str]:
    return [term.text for term in terms if term.occurs(text)]


def classify(
    subject: str, message: str, context: TriageContext | None = None, *, lexicon: Lexicon | None = None
) -> Triage:
    lex = lexicon or default_lexicon()
    ctx = context or TriageContext()
    text = normalize(f"{subject}\n{message}")
    reasons: list[str] = []

    scores = {
        category: sum(weight for term, weight in terms if term.occurs(text))
        for category, terms in lex.categories.items()
    }
    threats = _any(lex.threats, text)
    safety = _any(lex.safety, text)
    urgency = _any(lex.urgency, text)
    anger = _any(lex.anger, text)
    negative, positive = _polarity(text, lex)
    negative += 2 * len(anger) + 2 * len(threats)

    if negative > positive:
        sentiment = Sentiment.NEGATIVE
    elif positive > negative:
        sentiment = Sentiment.POSITIVE
    else:
        sentiment = Sentiment.NEUTRAL

    best = max(scores.values(), default=0)
    if threats:
        category = Category.COMPLAINT
        reasons.append(f"threat: {', '.join(threats)}")
    elif safety:
        category = Category.PRODUCT
        reasons.append(f"safety: {', '.join(safety)}")
    elif best <= 0:
        category = Category.OTHER
    else:
        category = next(c for c in lex.tie_break if scores.get(c, 0) == best)
    is_question = "?" in text or "？" in text
    praise_only = sentiment is Sentiment.POSITIVE and negative == 0 and not is_question
    if praise_only and category not in {Category.COMPLAINT}:
        category = Category.OTHER
        reasons.append("feedback")
    if category is not Category.OTHER and not threats and not safety:
        reasons.append(f"category {category} scored {scores[category]:g}")

    needs_action = bool(_any(lex.action_needed, text))
    if (
        category is Category.PRESALE
        or praise_only
        or (category is Category.OTHER and not needs_action and sentiment is not Sentiment.NEGATIVE)
    ) or (sentiment is Sentiment.POSITIVE and not needs_action and is_question):
        priority = Priority.LOW
    else:
        priority = Priority.NORMAL
    base = priority
    if urgency:
        priority = at_least(priority, Priority.HIGH)
        reasons.append(f"urgency: {', '.join(urgency)}")
    if anger:
        priority = at_least(priority, Priority.HIGH)
        reasons.append(f"anger: {', '.join(anger)}")
    if ctx.order_value is not None and ctx.order_value >= lex.high_value:
        priority = at_least(priority, Priority.HIGH)
        reasons.append("high-value order")
    if ctx.recent_contacts >= lex.repeat_urgent:
        priority = Priority.URGENT
        reasons.append(f"{ctx.recent_contacts} other contacts in 7 days")
    elif ctx.recent_contacts >= lex.repeat_raise:
        # a level above what the text alone asks for; it does not stack on anger or urgency
        priority = at_least(priority, raise_priority(base))
        reasons.append(f"{ctx.recent_contacts} other contacts in 7 days")
    if category is Category.COMPLAINT or threats or safety:
        priority = Priority.URGENT
        sentiment = Sentiment.NEGATIVE
    return Triage(category, priority, sentiment, tuple(reasons))
