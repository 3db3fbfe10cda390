"""Recurring issues: a period's ticket texts grouped into topics (what many customers wrote
about), each with its top terms, its count, its trend against the previous period and
example tickets. Pure and deterministic: tokenize.py (the terms of a text, Chinese and
English), cluster.py (TF-IDF and single-pass clustering), label.py (terms, label, examples),
trend.py (this period's topics against the previous period's groups).

    find_topics(this_week, last_week) → [Topic("kettle · lid · leak", ..., count=14, previous=3)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aftercare.analytics.topics import label, trend
from aftercare.analytics.topics.cluster import Vocabulary, centroid, cluster
from aftercare.analytics.topics.tokenize import tokens

MIN_COUNT = 2  # a topic is something at least two tickets share
MAX_TOPICS = 20
MAX_TEXTS = 10_000  # per period: the earliest ones (by time, then ticket id) when more came


@dataclass(frozen=True)
class Text:
    """What a ticket said (its subject and the opening of its first message), and when."""

    ticket_id: str
    text: str
    at: str


@dataclass(frozen=True)
class Topic:
    label: str
    terms: tuple[str, ...]
    count: int
    previous: int
    trend: str
    examples: tuple[str, ...]


def _ordered(texts: Sequence[Text]) -> list[Text]:
    unique = {text.ticket_id: text for text in texts}  # a ticket told twice counts once
    return sorted(unique.values(), key=lambda text: (text.at, text.ticket_id))[:MAX_TEXTS]


def find_topics(
    current: Sequence[Text], previous: Sequence[Text] = (), *, max_topics: int = MAX_TOPICS
) -> list[Topic]:
    """This period's topics, most tickets first (ties: by label), at most `max_topics`."""
    now, before = _ordered(current), _ordered(previous)
    now_terms = [tokens(text.text) for text in now]
    before_terms = [tokens(text.text) for text in before]
    vocabulary = Vocabulary.fit([*now_terms, *before_terms])
    now_vectors = [vocabulary.vector(terms) for terms in now_terms]
    before_vectors = [vocabulary.vector(terms) for terms in before_terms]
    groups = cluster(now_vectors)
    centres = [centroid(now_vectors, members) for members in groups]
    earlier = [(centroid(before_vectors, members), len(members)) for members in cluster(before_vectors)]
    counts = trend.previous_counts(centres, earlier)
    ids = [text.ticket_id for text in now]
    found = []
    for members, centre, was in zip(groups, centres, counts, strict=True):
        if len(members) < MIN_COUNT:
            continue
        terms = label.top_terms(centre)
        found.append(
            Topic(
                label=label.label_of(terms),
                terms=tuple(terms),
                count=len(members),
                previous=was,
                trend=trend.trend_of(len(members), was),
                examples=tuple(label.examples(centre, members, now_vectors, ids)),
            )
        )
    return sorted(found, key=lambda topic: (-topic.count, topic.label))[:max_topics]
