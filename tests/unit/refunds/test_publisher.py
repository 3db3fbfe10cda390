"""Which changes of a refund are events for the other domains (refunds/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.refunds.events import RefundMismatchFound, RefundRequested, RefundSettled
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


def mismatch(**fields: Any) -> dict[str, Any]:
    return {
        "refundId": "mismatch#2026-11-22#rf_1",
        "kind": "different-amount",
        "day": "2026-11-22",
        "ourRefundId": "rf_1",
        "reference": "re_1",
        "ours": 12900,
        "theirs": 12800,
        "currency": "CNY",
        "customerRef": "cus_alice",
        "orderRef": "ord_1",
        "recordedAt": "2026-11-23T02:00:00.000000Z",
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, mismatch(), ["RefundMismatchFound"]),
        (mismatch(), mismatch(), []),  # rewritten (it never is: the write is conditional)
        (mismatch(), None, []),
    ],
)
def test_a_reconciliation_mismatch_is_published_once_when_it_is_recorded(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_the_mismatch_payload_says_what_disagrees_and_whose_refund_it_is() -> None:
    (found,) = events_of(None, mismatch())
    assert found.subject == "mismatch#2026-11-22#rf_1"
    assert found.payload == RefundMismatchFound(
        day="2026-11-22",
        kind="different-amount",
        refund_id="rf_1",
        reference="re_1",
        ours=12900,
        theirs=12800,
        currency="CNY",
        customer_id="cus_alice",
        order_id="ord_1",
    )
    (extra,) = events_of(
        None,
        mismatch(
            refundId="mismatch#2026-11-22#re_dash",
            kind="extra",
            ourRefundId=None,
            ours=None,
            customerRef=None,
            orderRef=None,
            reference="re_dash",
        ),
    )
    assert (extra.payload.refund_id, extra.payload.ours, extra.payload.theirs) == ("", None, 12800)
    assert (extra.payload.customer_id, extra.payload.order_id) == ("", "")


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
