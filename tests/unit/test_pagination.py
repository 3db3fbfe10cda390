from __future__ import annotations

import pytest

from aftercare.errors import BadRequest
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor

KEY = {"orderId": {"S": "ord_1"}, "customerId": {"S": "cus_a"}}


def test_a_cursor_round_trips_for_its_owner_and_scope() -> None:
    cursor = encode_cursor(KEY, owner="cus_a", scope="orders")
    assert cursor is not None
    assert decode_cursor(cursor, owner="cus_a", scope="orders") == KEY


def test_no_last_key_means_no_cursor() -> None:
    assert encode_cursor(None, owner="cus_a", scope="orders") is None
    assert decode_cursor(None, owner="cus_a", scope="orders") is None


@pytest.mark.parametrize(("owner", "scope"), [("cus_b", "orders"), ("cus_a", "tickets")])
def test_a_cursor_cannot_be_replayed_by_another_caller_or_listing(owner: str, scope: str) -> None:
    cursor = encode_cursor(KEY, owner="cus_a", scope="orders")
    with pytest.raises(BadRequest):
        decode_cursor(cursor, owner=owner, scope=scope)


@pytest.mark.parametrize("cursor", ["garbage", "a.b", "", "e30.AAAA"])
def test_forged_or_corrupt_cursors_are_refused(cursor: str) -> None:
    if not cursor:
        assert decode_cursor(cursor, owner="cus_a", scope="orders") is None
        return
    with pytest.raises(BadRequest):
        decode_cursor(cursor, owner="cus_a", scope="orders")


def test_a_tampered_cursor_is_refused() -> None:
    cursor = encode_cursor(KEY, owner="cus_a", scope="orders")
    assert cursor is not None
    _, signature = cursor.split(".")
    forged = encode_cursor({"orderId": {"S": "ord_2"}}, owner="cus_a", scope="orders")
    assert forged is not None
    with pytest.raises(BadRequest):
        decode_cursor(f"{forged.split('.')[0]}.{signature}", owner="cus_a", scope="orders")


@pytest.mark.parametrize(("limit", "expected"), [(None, 20), (1, 1), (100, 100)])
def test_limits_default_and_cap(limit: int | None, expected: int) -> None:
    assert clamp_limit(limit) == expected


@pytest.mark.parametrize("limit", [0, -1, 101])
def test_out_of_range_limits_are_refused(limit: int) -> None:
    with pytest.raises(BadRequest):
        clamp_limit(limit)
