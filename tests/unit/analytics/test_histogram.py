"""Log-scale duration histograms and the quantiles estimated from them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aftercare.analytics.histogram import OVERFLOW, WIDTH, bounds, bucket_of, exact_quantile, quantile, rank


@pytest.mark.parametrize(
    ("seconds", "bucket"),
    [
        (0, 0),
        (0.5, 0),
        (1, 1),
        (1.12, 1),
        (1.13, 2),
        (10, 21),
        (60, 36),
        (3600, 72),
        (86400, 99),
        (10**8, OVERFLOW),
        (-5, 0),
    ],
)
def test_a_duration_falls_in_its_log_bucket(seconds: float, bucket: int) -> None:
    assert bucket_of(seconds) == bucket
    low, high = bounds(bucket)
    assert low <= max(0, seconds) and (high is None or max(0, seconds) < high)


@pytest.mark.parametrize(
    ("percent", "n", "wanted"),
    [(50, 1, 1), (50, 2, 1), (50, 3, 2), (90, 10, 9), (90, 30, 27), (90, 11, 10), (100, 7, 7)],
)
def test_the_nearest_rank(percent: int, n: int, wanted: int) -> None:
    assert rank(percent, n) == wanted


def test_an_empty_histogram_has_no_quantile() -> None:
    assert quantile({}, 50) is None


def test_a_single_bucket_estimate_is_inside_the_bucket() -> None:
    low, high = bounds(bucket_of(3600))
    estimate = quantile({bucket_of(3600): 4}, 50)
    assert estimate is not None and high is not None and low <= estimate < high


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10**7), min_size=1, max_size=200), st.sampled_from([50, 90, 99]))
def test_the_estimated_quantile_lies_in_the_bucket_of_the_exact_one(values: list[int], percent: int) -> None:
    histogram: dict[int, int] = {}
    for value in values:
        histogram[bucket_of(value)] = histogram.get(bucket_of(value), 0) + 1
    exact = exact_quantile([float(v) for v in values], percent)
    estimate = quantile(histogram, percent)
    assert exact is not None and estimate is not None
    low, high = bounds(bucket_of(exact))
    assert low <= estimate <= (high if high is not None else low)
    if exact >= 1:
        assert exact / WIDTH <= estimate <= exact * WIDTH
