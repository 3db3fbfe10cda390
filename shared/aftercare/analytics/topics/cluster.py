"""Texts grouped by what they are about: TF-IDF vectors and a single-pass (leader)
clustering on cosine similarity, refined by one reassignment pass. Pure and deterministic:
the same texts in the same order give the same groups.

Bounded for a week of tickets in one Lambda run:
- the vocabulary keeps terms seen in at least MIN_DF texts, at most MAX_VOCAB of them
  (the most frequent; ties by the term);
- each text meets only the clusters that share one of its terms (an inverted index from
  term to cluster), and there are at most MAX_CLUSTERS: O(n · k) at worst, far less in
  practice; a text like none of them when that many exist stays alone (unclustered).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Vector = dict[str, float]

MIN_DF = 2
MAX_VOCAB = 5000
MAX_CLUSTERS = 400
THRESHOLD = 0.5  # cosine similarity of a text to a cluster's centre to join it


@dataclass(frozen=True)
class Vocabulary:
    """Each kept term's inverse document frequency (smooth: log((1 + n) / (1 + df)) + 1)."""

    idf: dict[str, float]

    @classmethod
    def fit(
        cls, documents: Iterable[Sequence[str]], *, min_df: int = MIN_DF, max_vocab: int = MAX_VOCAB
    ) -> Vocabulary:
        df: Counter[str] = Counter()
        n = 0
        for terms in documents:
            n += 1
            df.update(set(terms))
        kept = sorted((term for term, count in df.items() if count >= min_df), key=lambda t: (-df[t], t))
        return cls({term: math.log((1 + n) / (1 + df[term])) + 1.0 for term in kept[:max_vocab]})

    def vector(self, terms: Sequence[str]) -> Vector:
        """Sublinear TF (1 + log count) times IDF, of the kept terms, unit length (empty if none)."""
        counts = Counter(term for term in terms if term in self.idf)
        weights = {term: (1.0 + math.log(count)) * self.idf[term] for term, count in counts.items()}
        return normalized(weights)


def normalized(weights: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def centroid(vectors: Sequence[Vector], members: Iterable[int]) -> Vector:
    """The unit-length mean of some vectors."""
    total: dict[str, float] = {}
    for index in members:
        for term, w in vectors[index].items():
            total[term] = total.get(term, 0.0) + w
    return normalized(total)


class _Clusters:
    """Cluster sums with an inverted index (term → clusters holding it) and squared norms,
    so a text's similarity to every cluster sharing a term costs one pass over its terms."""

    def __init__(self) -> None:
        self.sums: list[dict[str, float]] = []
        self.norms2: list[float] = []
        self.index: dict[str, set[int]] = {}

    def best(self, vector: Vector) -> tuple[int, float]:
        dots: dict[int, float] = {}
        for term, w in vector.items():
            for cluster in self.index.get(term, ()):
                dots[cluster] = dots.get(cluster, 0.0) + w * self.sums[cluster][term]
        best, score = -1, 0.0
        for cluster in sorted(dots):
            similarity = dots[cluster] / math.sqrt(self.norms2[cluster])
            if similarity > score + 1e-12:
                best, score = cluster, similarity
        return best, score

    def new(self, vector: Vector) -> int:
        self.sums.append({})
        self.norms2.append(0.0)
        cluster = len(self.sums) - 1
        self.add(cluster, vector)
        return cluster

    def add(self, cluster: int, vector: Vector) -> None:
        total = self.sums[cluster]
        dot = sum(w * total.get(term, 0.0) for term, w in vector.items())
        self.norms2[cluster] += 2 * dot + 1.0  # |s + v|² = |s|² + 2 s·v + |v|² (v is a unit vector)
        for term, w in vector.items():
            total[term] = total.get(term, 0.0) + w
            self.index.setdefault(term, set()).add(cluster)


def cluster(
    vectors: Sequence[Vector], *, threshold: float = THRESHOLD, max_clusters: int = MAX_CLUSTERS
) -> list[list[int]]:
    """Groups of the vectors' indices, largest first (ties: by first member); a vector with
    no terms is in no group, every other one in exactly one (perhaps alone).

    Pass 1 (leader): each vector joins the most similar cluster if that similarity reaches
    `threshold`, else starts a cluster of its own (while fewer than `max_clusters` exist).
    Pass 2: each vector moves to the most similar final cluster (the order of pass 1 matters
    less), and clusters left empty vanish."""
    clusters = _Clusters()
    alone: list[int] = []
    first: dict[int, int] = {}
    for index, vector in enumerate(vectors):
        if not vector:
            continue
        best, score = clusters.best(vector)
        if best >= 0 and score >= threshold:
            clusters.add(best, vector)
        elif len(clusters.sums) < max_clusters:
            first[index] = clusters.new(vector)
        else:
            alone.append(index)
    final = _Clusters()
    for total in clusters.sums:
        final.new(normalized(total))  # each cluster's centre, as a unit vector
    groups: dict[int, list[int]] = {}
    for index, vector in enumerate(vectors):
        if not vector or index in alone:
            continue
        best, score = final.best(vector)
        groups.setdefault(best if best >= 0 else first.get(index, -1 - index), []).append(index)
    found = [members for members in groups.values()] + [[index] for index in alone]
    return sorted(found, key=lambda members: (-len(members), members[0]))
