"""Pearson's r from the paired sums and Spearman's rho from the joint histogram, against
scipy and a textbook value."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from aftercare.analytics.aggregate import deltas
from aftercare.analytics.facts import Rating
from aftercare.analytics.histogram import bucket_of
from aftercare.analytics.kpis import correlation, midranks, pearson, spearman


def sums(pairs: list[tuple[int, int]]) -> tuple[int, int, int, int, int, int]:
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return (
        len(pairs),
        sum(xs),
        sum(ys),
        sum(x * x for x in xs),
        sum(y * y for y in ys),
        sum(x * y for x, y in pairs),
    )


def test_pearson_matches_the_textbook_value() -> None:
    # x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / sqrt(10 * 6) = 0.7745966692...
    assert pearson(*sums([(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)])) == pytest.approx(0.7745966692, abs=1e-10)


def test_spearman_matches_the_textbook_value_with_ties() -> None:
    # midranks of x: 1..5; of y (2, 4, 5, 4, 5): 1, 2.5, 4.5, 2.5, 4.5 → rho = 0.7378647873...
    cells = Counter({(1, 2): 1, (2, 4): 1, (3, 5): 1, (4, 4): 1, (5, 5): 1})
    assert spearman(cells) == pytest.approx(0.7378647873726218, abs=1e-12)


def test_midranks_share_the_average_of_tied_ranks() -> None:
    assert midranks({1: 2, 3: 1, 5: 3}) == {1: 1.5, 3: 3.0, 5: 5.0}


@pytest.mark.parametrize(
    "pairs",
    [[], [(3, 60)], [(4, 60), (4, 3600)], [(1, 60), (5, 60)]],
    ids=["none", "one", "x constant", "y constant"],
)
def test_no_correlation_without_two_varying_samples(pairs: list[tuple[int, int]]) -> None:
    assert pearson(*sums(pairs)) is None
    assert spearman(Counter((x, bucket_of(y)) for x, y in pairs)) is None


pairs_strategy = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 30 * 86400)), min_size=3, max_size=120)


@settings(max_examples=200, deadline=None)
@given(pairs_strategy)
def test_the_aggregated_correlations_equal_scipys(pairs: list[tuple[int, int]]) -> None:
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    buckets = [bucket_of(y) for y in ys]
    assume(len(set(xs)) > 1 and len(set(buckets)) > 1)
    items = deltas(Rating("2026-11-23", x, None, handling_seconds=y) for x, y in pairs)
    found = correlation(items[("2026-11-23", None)])
    assert found.n == len(pairs)
    assert found.pearson == pytest.approx(stats.pearsonr(xs, ys).statistic, abs=1e-4)
    # Spearman ranks the bucketed handling times (ties within a bucket, midranks): exactly
    # scipy's rho of the same data, and close to the rho of the raw times.
    assert found.spearman == pytest.approx(stats.spearmanr(xs, buckets).statistic, abs=1e-4)
    assert sum(cell.count for cell in found.cells) == len(pairs)


def test_spearman_of_bucketed_times_is_close_to_spearman_of_raw_times() -> None:
    import random

    generator = random.Random(7)
    pairs = []
    for _ in range(500):
        handling = generator.lognormvariate(9, 1.2)
        score = max(1, min(5, round(5.5 - handling / 20000 + generator.gauss(0, 1))))
        pairs.append((score, int(handling)))
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    found = correlation(
        deltas(Rating("2026-11-23", x, None, handling_seconds=y) for x, y in pairs)[("2026-11-23", None)]
    )
    assert found.spearman == pytest.approx(stats.spearmanr(xs, ys).statistic, abs=0.01)
    assert found.pearson == pytest.approx(stats.pearsonr(xs, ys).statistic, abs=1e-4)
