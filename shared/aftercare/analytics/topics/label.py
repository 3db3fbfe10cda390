"""What a group of tickets is called: its top terms (the heaviest in its centre), a readable
label made of the first few, and the tickets that show it best. Pure and deterministic
(ties broken by the term, or the ticket id)."""

from __future__ import annotations

from collections.abc import Sequence

from aftercare.analytics.topics.cluster import Vector, cosine

TERMS = 5
LABEL_TERMS = 3
EXAMPLES = 5


def top_terms(centre: Vector, n: int = TERMS) -> list[str]:
    """The `n` heaviest terms of a cluster's centre, heaviest first."""
    return [term for term, _ in sorted(centre.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def label_of(terms: Sequence[str], n: int = LABEL_TERMS) -> str:
    """A topic's name: its first terms, e.g. "kettle · lid · leak"."""
    return " · ".join(terms[:n]) or "(no terms)"


def examples(
    centre: Vector, members: Sequence[int], vectors: Sequence[Vector], ids: Sequence[str], n: int = EXAMPLES
) -> list[str]:
    """The ids of the `n` members closest to the centre (the most typical tickets)."""
    ranked = sorted(members, key=lambda index: (-round(cosine(vectors[index], centre), 9), ids[index]))
    return [ids[index] for index in ranked[:n]]
