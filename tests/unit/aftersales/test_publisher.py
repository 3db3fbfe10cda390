"""Which changes of a case are events for the other domains (aftersales/publisher.py): what
refunds, tickets, surveys and logistics act on, from the Cases table's stream images."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.aftersales.events import (
    CaseCompleted,
    CaseDisputed,
    CaseDisputeDecided,
    CaseOpened,
    CaseParcel,
    CaseParcelSent,
    CaseRefundRequested,
    CaseResolutionBreached,
    CaseResolved,
    CaseReviewed,
)
from aftercare.aftersales.publisher import events_of

AT = "2026-11-23T08:00:00.000Z"
LATER = "2026-11-25T08:00:00.000Z"
REVIEW = {"from": "REQUESTED", "to": "APPROVED", "at": AT, "actor": "agent_wu"}
DISPUTE = {"reason": "it was unused", "origin": "INSPECTED", "openedAt": AT}
PARCEL = {"shipmentId": "shp_1", "carrier": "sf-express", "trackingNumber": "SF1001",
          "status": "INFO_RECEIVED", "registeredAt": AT}  # fmt: skip
MOVED = {**PARCEL, "status": "IN_TRANSIT", "updatedAt": AT}  # the courier's news, on the case
OTHER = {**PARCEL, "shipmentId": "shp_2", "trackingNumber": "SF2002"}


def case(status: str, **fields: Any) -> dict[str, Any]:
    return {
        "pk": "as_1",
        "caseId": "as_1",
        "orderId": "ord_1",
        "customerId": "cus_alice",
        "type": "RETURN_REFUND",
        "reason": "NO_REASON",
        "status": status,
        "items": [{"sku": "KTL-1", "quantity": 2, "unitPrice": 12900, "name": "Kettle"}],
        "merchantFault": False,
        "autoApproved": False,
        "timeline": [{"at": AT, "to": status}],
        "updatedAt": AT,
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, case("REQUESTED"), ["CaseOpened"]),
        (case("REQUESTED"), case("AWAITING_RETURN", timeline=[REVIEW]), ["CaseReviewed"]),
        (case("REQUESTED"), case("CANCELLED"), []),  # withdrawn before anyone answered
        (case("AWAITING_RETURN"), case("RECEIVED"), []),
        (case("REFUNDING"), case("REFUNDED", resolvedAt=LATER), ["CaseResolved"]),
        (case("REFUNDED", resolvedAt=LATER), case("COMPLETED", resolvedAt=LATER), ["CaseCompleted"]),
        (case("RECEIVED"), case("RECEIVED", resolveBreachedAt=LATER), ["CaseResolutionBreached"]),
        (case("RECEIVED", resolveBreachedAt=LATER), case("RECEIVED", resolveBreachedAt=LATER, note="x"), []),
        (case("RECEIVED"), case("REFUNDING"), ["CaseRefundRequested"]),
        (case("REFUNDING"), case("REFUNDING", refundId="rf_1"), []),  # the id learnt: no second ask
        (case("INSPECTED"), case("REFUNDING", refundId="rf_0"), []),  # its refund is known already
        (case("REFUNDING"), case("REFUNDED"), []),
        (case("INSPECTED"), case("DISPUTED", dispute=DISPUTE), ["CaseDisputed"]),
        (case("DISPUTED", dispute=DISPUTE), case("DISPUTED", dispute=DISPUTE), []),
        (
            case("DISPUTED", dispute=DISPUTE),
            case("REFUNDING", dispute={**DISPUTE, "decision": "FOR_CUSTOMER", "note": "ok"}),
            ["CaseRefundRequested", "CaseDisputeDecided"],
        ),
        (case("REFUNDED"), case("COMPLETED"), ["CaseCompleted"]),
        (case("COMPLETED"), case("COMPLETED", note="x"), []),
        (case("AWAITING_RETURN"), case("RETURN_IN_TRANSIT", returnShipment=PARCEL), ["CaseParcelSent"]),
        (
            case("RETURN_IN_TRANSIT", returnShipment=PARCEL),
            case("RETURN_IN_TRANSIT", returnShipment=MOVED),
            [],
        ),
        (case("RETURN_IN_TRANSIT", returnShipment=MOVED), case("RECEIVED", returnShipment=MOVED), []),
        (case("RECEIVED"), case("EXCHANGE_SHIPPED", replacementShipment=OTHER), ["CaseParcelSent"]),
        (
            case("INSPECTED", returnShipment=PARCEL),
            case("EXCHANGE_SHIPPED", returnShipment=PARCEL, replacementShipment=OTHER),
            ["CaseParcelSent"],
        ),
        (
            case("EXCHANGE_SHIPPED", replacementShipment=OTHER),
            case("COMPLETED", replacementShipment=OTHER),
            ["CaseCompleted"],
        ),
        (
            None,
            case("AWAITING_RETURN", returnShipment=PARCEL),
            ["CaseOpened", "CaseParcelSent"],
        ),  # (never written so)
        (case("REPAIRING"), case("REPAIR_SHIPPED", replacementShipment={"carrier": "x"}), []),  # no id
        (None, {"pk": "coverage#ord_1#KTL-1", "orderId": "ord_1", "covered": 1}, []),  # a counter
        (case("COMPLETED"), None, []),
        # A case stored before the domain events, its old hand-off removed by the upgrade
        # script: what the hand-off stood for is asked for now.
        (case("REFUNDING", handoff="REFUND"), case("REFUNDING"), ["CaseRefundRequested"]),
        (
            case("REFUNDING", handoff="REFUND", refundId="rf_0"),
            case("REFUNDING", refundId="rf_0"),
            ["CaseRefundRequested"],
        ),  # written but never started: refunds starts it
        (
            case("DISPUTED", handoff="TICKET", dispute=DISPUTE),
            case("DISPUTED", dispute=DISPUTE),
            ["CaseDisputed"],
        ),
        (
            case("REFUNDING", handoff="REFUND"),
            case("REFUNDING", handoff="REFUND", note="x"),
            [],
        ),  # still waiting
    ],
)
def test_events_of_a_case_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_a_refund_request_carries_what_refunds_records() -> None:
    (asked,) = events_of(case("RECEIVED"), case("REFUNDING", merchantFault=True))
    assert asked.payload == CaseRefundRequested(
        case_id="as_1",
        order_id="ord_1",
        customer_id="cus_alice",
        case_type="RETURN_REFUND",
        items=[{"sku": "KTL-1", "quantity": 2}],
        reason="after-sales RETURN_REFUND: NO_REASON",
        merchant_fault=True,
        flagged=False,
    )
    assert asked.payload.lines() == [("KTL-1", 2)]
    assert (asked.subject, asked.time) == ("as_1", AT)


@pytest.mark.parametrize(("case_type", "auto", "flagged"), [
    ("REFUND_ONLY", True, True), ("REFUND_ONLY", False, False), ("RETURN_REFUND", True, False),
])  # fmt: skip
def test_only_an_unreviewed_refund_only_case_flags_its_refund(
    case_type: str, auto: bool, flagged: bool
) -> None:
    reviewed, asked = events_of(case("REQUESTED"), case("REFUNDING", type=case_type, autoApproved=auto))
    assert isinstance(reviewed.payload, CaseReviewed)  # the first answer to a requested case
    assert asked.payload.flagged is flagged


def test_a_dispute_and_its_decision_carry_what_the_ticket_says() -> None:
    (disputed,) = events_of(case("INSPECTED"), case("DISPUTED", dispute=DISPUTE))
    assert disputed.payload == CaseDisputed(
        case_id="as_1", order_id="ord_1", customer_id="cus_alice", origin="INSPECTED",
        reason="it was unused", opened_at=AT,
    )  # fmt: skip
    decided_dispute = {**DISPUTE, "decision": "FOR_MERCHANT", "note": "used", "decidedAt": AT}
    (decided,) = events_of(case("DISPUTED", dispute=DISPUTE), case("INSPECTED", dispute=decided_dispute))
    assert decided.payload == CaseDisputeDecided(
        case_id="as_1", order_id="ord_1", customer_id="cus_alice", decision="FOR_MERCHANT", note="used",
        decided_at=AT,
    )  # fmt: skip


def test_a_completed_case_carries_what_its_survey_needs() -> None:
    (completed,) = events_of(case("REFUNDED"), case("COMPLETED"))
    assert completed.payload == CaseCompleted(
        case_id="as_1", order_id="ord_1", customer_id="cus_alice", case_type="RETURN_REFUND", completed_at=AT
    )


def test_a_review_names_its_reviewer_unless_it_was_automatic() -> None:
    opened = "2026-11-22T08:00:00.000Z"
    (reviewed,) = events_of(case("REQUESTED"), case("AWAITING_RETURN", createdAt=opened, timeline=[REVIEW]))
    assert reviewed.payload == CaseReviewed(
        "as_1", "ord_1", "cus_alice", "APPROVED", "agent_wu", False, opened, AT
    )
    system = {**REVIEW, "actor": "system:deadlines"}
    (auto,) = events_of(case("REQUESTED"), case("AWAITING_RETURN", timeline=[system]))
    assert (auto.payload.reviewer, auto.payload.automatic) == ("", True)
    (flagged,) = events_of(case("REQUESTED"), case("AWAITING_RETURN", autoApproved=True, timeline=[REVIEW]))
    assert flagged.payload.automatic is True


def test_opened_resolved_and_breached_say_when() -> None:
    opened = "2026-11-22T08:00:00.000Z"
    (new,) = events_of(None, case("REQUESTED", createdAt=opened))
    assert new.payload == CaseOpened(
        "as_1",
        "ord_1",
        "cus_alice",
        "RETURN_REFUND",
        opened,
        reason="NO_REASON",
        items=[{"sku": "KTL-1", "quantity": 2}],
    )
    assert new.payload.lines() == [("KTL-1", 2)]
    (resolved,) = events_of(case("REFUNDING"), case("REFUNDED", createdAt=opened, resolvedAt=LATER))
    assert resolved.payload == CaseResolved("as_1", "ord_1", "cus_alice", "REFUNDED", opened, LATER)
    (breached,) = events_of(case("RECEIVED"), case("RECEIVED", resolveBreachedAt=LATER))
    assert (breached.payload, breached.time) == (
        CaseResolutionBreached("as_1", "ord_1", "cus_alice", LATER),
        LATER,
    )


def test_a_sent_parcel_carries_what_logistics_tracks_it_by() -> None:
    (sent,) = events_of(case("AWAITING_RETURN"), case("RETURN_IN_TRANSIT", returnShipment=PARCEL))
    assert sent.payload == CaseParcelSent(
        case_id="as_1",
        order_id="ord_1",
        customer_id="cus_alice",
        sent_at=AT,
        parcels=[
            {"shipment_id": "shp_1", "kind": "RETURN", "carrier": "sf-express", "tracking_number": "SF1001"}
        ],
    )
    assert sent.payload.sent() == [CaseParcel("shp_1", "RETURN", "sf-express", "SF1001")]
    assert (sent.subject, sent.time) == ("as_1", AT)


def test_a_replacement_is_sent_as_a_replacement_parcel() -> None:
    (sent,) = events_of(
        case("RECEIVED", returnShipment=MOVED),
        case("EXCHANGE_SHIPPED", returnShipment=MOVED, replacementShipment=OTHER),
    )
    assert [(p.shipment_id, p.kind) for p in sent.payload.sent()] == [("shp_2", "REPLACEMENT")]


def test_one_change_that_adds_both_parcels_sends_them_in_one_event() -> None:
    """One event per change, so the stream record's one event id covers every parcel."""
    (sent,) = events_of(
        case("AWAITING_RETURN"), case("EXCHANGE_SHIPPED", returnShipment=PARCEL, replacementShipment=OTHER)
    )
    assert [(p.shipment_id, p.kind) for p in sent.payload.sent()] == [
        ("shp_1", "RETURN"),
        ("shp_2", "REPLACEMENT"),
    ]


@pytest.mark.parametrize(
    ("timeline", "fields", "handled_by"),
    [
        (
            [REVIEW, {"from": "APPROVED", "to": "REFUNDED", "at": LATER, "actor": "refund-workflow"}],
            {},
            "agent_wu",
        ),
        ([{**REVIEW, "actor": "system:deadlines"}], {}, ""),  # approved automatically
        ([REVIEW], {"autoApproved": True}, ""),
        ([{"at": AT, "to": "REFUNDED"}], {}, ""),  # no review on the timeline
    ],
)
def test_a_resolved_case_names_who_handled_it_its_reviewer(
    timeline: list[dict[str, Any]], fields: dict[str, Any], handled_by: str
) -> None:
    (resolved,) = events_of(
        case("REFUNDING"), case("REFUNDED", resolvedAt=LATER, timeline=timeline, **fields)
    )
    assert resolved.payload.handled_by == handled_by
