"""When an order's last after-sales window closes, by the categories it holds."""

from __future__ import annotations

import pytest

from aftercare.aftersales.rules import last_window_days, load_policy


@pytest.mark.parametrize(
    ("categories", "days"),
    [
        (["appliances"], 365),
        (["perishable"], 15),  # no warranty: the 15-day quality window is the last
        (["digital", "perishable"], 15),
        (["perishable", "electronics"], 365),
        (["something-unlisted"], 365),  # the default policy
    ],
)
def test_the_last_window_is_the_longest_of_the_goods(categories: list[str], days: int) -> None:
    assert last_window_days(load_policy(), categories) == days


def test_an_extended_warranty_lengthens_it() -> None:
    assert last_window_days(load_policy(), ["appliances"], extended_warranty_days=730) == 365 + 730
