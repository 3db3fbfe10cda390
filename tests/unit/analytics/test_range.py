"""The KPI range: inclusive UTC days, at most 366 of them, refused with the field named."""

from __future__ import annotations

from datetime import date

import pytest

from aftercare.analytics.service import parse_range
from aftercare.errors import BadRequest

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("first", "last", "wanted"),
    [
        ("2026-11-01", "2026-11-30", (date(2026, 11, 1), date(2026, 11, 30))),
        ("2026-11-23", "2026-11-23", (TODAY, TODAY)),
        ("2025-11-23", "2026-11-23", (date(2025, 11, 23), TODAY)),  # 366 days
        (None, None, (date(2026, 10, 25), TODAY)),  # the 30 days up to today
        (None, "2026-02-28", (date(2026, 1, 30), date(2026, 2, 28))),
        ("2026-11-20", None, (date(2026, 11, 20), TODAY)),
    ],
)
def test_a_valid_range(first: str | None, last: str | None, wanted: tuple[date, date]) -> None:
    assert parse_range(first, last, today=TODAY) == wanted


@pytest.mark.parametrize(
    ("first", "last", "field"),
    [
        ("2026-11-30", "2026-11-01", "from"),
        ("2025-11-22", "2026-11-23", "to"),  # 367 days
        ("2026-13-01", "2026-12-01", "from"),
        ("2026-11-1", "2026-11-30", "from"),
        ("yesterday", None, "from"),
        ("2026-11-01", "2026-11-31", "to"),
        ("2026-11-01", "2026-11-30T00:00:00", "to"),
    ],
)
def test_an_invalid_range_is_a_400_naming_the_field(first: str | None, last: str | None, field: str) -> None:
    with pytest.raises(BadRequest) as refused:
        parse_range(first, last, today=TODAY)
    assert refused.value.errors[0]["field"] == field
