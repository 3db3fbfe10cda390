"""Which changes of a refund are events for the other domains (refunds/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.refunds.events import RefundRequested, RefundSettled
from aftercare.refunds.publisher import events_of


def refund(status: str, **fields: Any) -> dict[str, Any]:
    return {
        "refundId": "rf_1",
        "orderId": "ord_1",
        "customerId": "cus_alice",
        "source": "case",
        "sourceId": "cs_1",
        "caseId": "cs_1",
        "status": status,
        "amount": 12900,
        "currency": "CNY",
        "updatedAt": "2026-11-23T08:00:00.000000Z",
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, refund("REQUESTED"), ["RefundRequested"]),  # its source learns its id
        (refund("REQUESTED"), refund("RESERVED"), []),
        (refund("RESERVED"), refund("PROCESSING"), []),
        (refund("PROCESSING"), refund("SUCCEEDED"), ["RefundSettled"]),
        (refund("SUCCEEDED"), refund("SUCCEEDED", note="x"), []),  # once per outcome
        (refund("AWAITING_APPROVAL"), refund("REJECTED"), ["RefundSettled"]),
        (refund("PROCESSING"), refund("MANUAL_REVIEW"), ["RefundSettled"]),
        (refund("MANUAL_REVIEW"), refund("PROCESSING"), []),  # a staff retry
        (refund("MANUAL_REVIEW"), refund("SUCCEEDED"), ["RefundSettled"]),
        (None, {"refundId": "CLAIM#case#cs_1", "claimedBy": "rf_1"}, []),  # not a refund item
        (refund("SUCCEEDED"), None, []),
    ],
)
def test_events_of_a_refund_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_the_settled_payload_names_the_case_and_the_outcome() -> None:
    (settled,) = events_of(refund("PROCESSING"), refund("SUCCEEDED"))
    assert settled.payload == RefundSettled(
        refund_id="rf_1",
        order_id="ord_1",
        customer_id="cus_alice",
        status="SUCCEEDED",
        amount=12900,
        currency="CNY",
        source="case",
        source_id="cs_1",
        case_id="cs_1",
    )
    (no_case,) = events_of(
        refund("PROCESSING", caseId=None, source="order"), refund("SUCCEEDED", caseId=None, source="order")
    )
    assert no_case.payload.case_id == ""


def test_a_new_refund_tells_its_source_its_id() -> None:
    (requested,) = events_of(None, refund("REQUESTED", createdAt="2026-11-23T07:59:00.000000Z"))
    assert requested.payload == RefundRequested(
        refund_id="rf_1",
        order_id="ord_1",
        customer_id="cus_alice",
        source="case",
        source_id="cs_1",
        case_id="cs_1",
    )
    assert (requested.subject, requested.time) == ("rf_1", "2026-11-23T07:59:00.000000Z")
