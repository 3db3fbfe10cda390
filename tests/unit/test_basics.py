"""Ids, clock, money and log masking."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest

from aftercare import clock, ids
from aftercare.money import format_amount, is_currency
from aftercare.observability import MaskingFormatter, mask, mask_record


def test_ids_are_prefixed_unique_and_sort_by_creation_time() -> None:
    pinned = clock.FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    clock.use(pinned)
    try:
        first = ids.new_id("ord")
        pinned.advance(1)
        second = ids.new_id("ord")
    finally:
        clock.use(clock.SystemClock())
    assert first.startswith("ord_") and len(first) == 30
    assert first < second
    assert len({ids.new_id("tk") for _ in range(1000)}) == 1000


def test_unknown_prefixes_are_refused() -> None:
    with pytest.raises(ValueError, match="prefix"):
        ids.new_id("xyz")


def test_stored_timestamps_are_fixed_width_and_sort_as_strings() -> None:
    early = clock.iso(datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=UTC))
    late = clock.iso(datetime(2026, 1, 2, 3, 4, 5, 60000, tzinfo=UTC))
    assert early == "2026-01-02T03:04:05.006Z"
    assert early < late
    assert clock.parse_iso(early) == datetime(2026, 1, 2, 3, 4, 5, 6000, tzinfo=UTC)


def test_the_offset_clock_only_moves_forward() -> None:
    moving = clock.OffsetClock()
    before = moving.now()
    after = moving.advance(3600)
    assert (after - before).total_seconds() >= 3600
    with pytest.raises(ValueError, match="forward"):
        moving.advance(-1)


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (123456, "CNY", "1234.56 CNY"),
        (5, "USD", "0.05 USD"),
        (1500, "JPY", "1500 JPY"),
        (-250, "EUR", "-2.50 EUR"),
    ],
)
def test_amounts_format_in_major_units(minor: int, currency: str, text: str) -> None:
    assert format_amount(minor, currency) == text


def test_only_known_currencies_are_accepted() -> None:
    assert is_currency("CNY") and not is_currency("XXX") and not is_currency("cny")


def test_personal_data_is_masked_but_ids_and_arns_survive() -> None:
    record = {
        "message": "call +86 138 0013 8000 or mail li.lei@example.com about ord_01ABC",
        "shippingAddress": {"line1": "1 Road"},
        "phone": "13800138000",
        "function_arn": "arn:aws:lambda:us-east-1:123456789012:function:x",
        "total": 26300,
    }
    masked = mask(record)
    assert "138 0013 8000" not in masked["message"] and "li.lei@" not in masked["message"]
    assert "ord_01ABC" in masked["message"]
    assert masked["shippingAddress"] == "***" and masked["phone"] == "***"
    assert masked["function_arn"] == record["function_arn"]
    assert masked["total"] == 26300


def test_the_log_formatter_masks_what_it_writes() -> None:
    formatter = MaskingFormatter()
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "mail a.b@example.com", None, None)
    line = json.loads(formatter.format(record))
    assert "a.b@example.com" not in line["message"]


def test_a_log_record_is_masked_except_the_frameworks_own_keys() -> None:
    record = {
        "level": "INFO",
        "function_arn": "arn:aws:lambda:us-east-1:123456789012:function:x",
        "message": "mail li.lei@example.com",
        "customer": {"email": "li.lei@example.com", "note": "call +86 138 0013 8000"},
        "phone": "13800138000",
    }
    masked = mask_record(record)
    assert masked["level"] == "INFO" and masked["function_arn"] == record["function_arn"]
    assert "li.lei@" not in masked["message"]
    assert masked["customer"]["email"] == "***" and "138 0013 8000" not in masked["customer"]["note"]
    assert masked["phone"] == "***"
