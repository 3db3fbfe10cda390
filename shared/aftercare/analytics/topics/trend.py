"""How a topic moved since the previous period: the previous period's groups are matched to
this period's topics by the overlap of their terms (the cosine of their centres), and each
topic's previous count is the size of the groups that matched it best. Pure, table-tested.

A previous group matches the one topic it overlaps most, if that overlap reaches MATCH;
several may match one topic (last week's zh and en groups of one problem), none may match
(a topic that is new)."""

from __future__ import annotations

from collections.abc import Sequence

from aftercare.analytics.topics.cluster import Vector, cosine

MATCH = 0.5


def previous_counts(
    current: Sequence[Vector], previous: Sequence[tuple[Vector, int]], *, match: float = MATCH
) -> list[int]:
    """For each of this period's topic centres, how many of the previous period's texts
    were about it (`previous`: each previous group's centre and size)."""
    counts = [0] * len(current)
    for centre, size in previous:
        best, score = -1, 0.0
        for index, topic in enumerate(current):
            overlap = cosine(centre, topic)
            if overlap > score + 1e-12:
                best, score = index, overlap
        if best >= 0 and score >= match:
            counts[best] += size
    return counts


def trend_of(count: int, previous: int) -> str:
    """ "up from 3", "down from 9", "same as before (4)", or "new"."""
    if previous == 0:
        return "new"
    if count > previous:
        return f"up from {previous}"
    if count < previous:
        return f"down from {previous}"
    return f"same as before ({previous})"
