"""Fixed log-scale histograms of durations, and the quantiles estimated from them: pure.

Bucket 0 holds durations under one second; bucket i (1..160) holds [10^((i-1)/20), 10^(i/20))
seconds, twenty buckets per decade up to 10^8 s (about three years); bucket 161 everything
longer. A bucket's upper bound is 12.2 % above its lower bound, so a quantile estimated from
the histogram is within that factor of the exact one.

Quantile estimate (the method the KPIs state): the nearest-rank definition, rank
r = ceil(p * n) of the n samples sorted ascending; the bucket holding the r-th sample is
found from the cumulative counts, and the value is interpolated log-linearly inside it (the
samples of a bucket are taken as evenly spread over the bucket's log-width, the r-th one at
the middle of its slot). The estimate therefore always lies in the same bucket as the exact
nearest-rank quantile.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping

PER_DECADE = 20
DECADES = 8
EDGES: tuple[float, ...] = tuple(10 ** (i / PER_DECADE) for i in range(PER_DECADE * DECADES + 1))
OVERFLOW = len(EDGES)  # the last bucket: 10^8 s and more
WIDTH = 10 ** (1 / PER_DECADE)  # a bucket's upper bound over its lower bound
METHOD = (
    "nearest-rank quantile (rank ceil(p*n)) located in a fixed log-scale histogram "
    f"({PER_DECADE} buckets per decade, 1 s to 10^{DECADES} s) and interpolated log-linearly "
    f"inside its bucket: within a factor {WIDTH:.3f} of the exact value; means are exact (sum / n)"
)


def bucket_of(seconds: float) -> int:
    """The bucket a duration falls in (negative durations count as zero)."""
    return bisect_right(EDGES, max(0.0, seconds))


def bounds(bucket: int) -> tuple[float, float | None]:
    """[low, high) of a bucket in seconds; high is None for the overflow bucket."""
    if bucket <= 0:
        return 0.0, 1.0
    if bucket >= OVERFLOW:
        return EDGES[-1], None
    return EDGES[bucket - 1], EDGES[bucket]


def rank(percent: int, n: int) -> int:
    """The nearest-rank position (1-based) of the `percent` quantile among n samples."""
    return max(1, -(-percent * n // 100))


def quantile(histogram: Mapping[int, int], percent: int) -> float | None:
    """The estimated `percent` quantile (0 < percent <= 100) of the histogram; None if empty."""
    counts = sorted((bucket, count) for bucket, count in histogram.items() if count > 0)
    n = sum(count for _, count in counts)
    if n == 0:
        return None
    target = rank(percent, n)
    before = 0
    for bucket, count in counts:
        if before + count >= target:
            fraction = (target - before - 0.5) / count
            low, high = bounds(bucket)
            if high is None:
                return low
            if bucket == 0:
                return low + fraction * (high - low)
            return low * (high / low) ** fraction
        before += count
    raise AssertionError("unreachable: the target rank is within n")


def exact_quantile(values: list[float], percent: int) -> float | None:
    """The exact nearest-rank quantile of raw values (what the estimate approximates)."""
    if not values:
        return None
    return sorted(values)[rank(percent, len(values)) - 1]


def finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None
