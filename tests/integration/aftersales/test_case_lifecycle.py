"""A case's life through the API: open, review, return, inspection, resolution."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.aftersales import store
from aftercare.aftersales.state import Case
from aftercare.aftersales.transitions import REFUND_PENDING, Transition
from aftercare.refunds.store import RefundModel
from tests.integration.aftersales.conftest import RETURN_PARCEL, Cases, TicketCalls, put_evidence
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow


def statuses(case: dict[str, Any]) -> list[str]:
    return [entry["to"] for entry in case["timeline"]]


def test_a_no_reason_return_is_opened_with_its_review_deadline_and_reserves_the_units(cases: Cases) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 2}])
    assert case["caseId"].startswith("as_")
    assert (case["status"], case["type"], case["reason"]) == ("REQUESTED", "RETURN_REFUND", "NO_REASON")
    assert case["items"] == [
        {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900}
    ]
    assert case["deadlines"]["reviewBy"] == "2026-11-25T08:00:00.000Z"
    assert case["nextDeadline"] == {"name": "reviewBy", "at": "2026-11-25T08:00:00.000Z"}
    assert case["merchantFault"] is False
    assert case["timeline"] == [
        {
            "at": "2026-11-23T08:00:00.000Z",
            "from": None,
            "to": "REQUESTED",
            "actor": "cus_alice",
            "note": "RETURN_REFUND requested",
        }
    ]
    again = cases.open_reply(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])
    assert again.status == 422
    assert again.json["errors"] == [{"field": "items[0].quantity", "message": "at most 0"}]


def test_a_return_refund_walks_from_approval_to_a_requested_refund(
    cases: Cases, api: Api, refunds_started: list[str], flow: EventFlow
) -> None:
    case = cases.approved()
    assert case["status"] == "AWAITING_RETURN"
    assert statuses(case) == ["REQUESTED", "APPROVED", "AWAITING_RETURN"]
    assert case["deadlines"]["returnShipBy"] == "2026-11-30T08:00:00.000Z"
    case_id = case["caseId"]

    shipped = cases.ok(cases.customer_action(case_id, "return-shipment", RETURN_PARCEL), "RETURN_IN_TRANSIT")
    parcel = shipped["returnShipment"]
    assert (parcel["carrier"], parcel["trackingNumber"], parcel["status"]) == (
        "sf-express",
        "SFR20261123",
        "INFO_RECEIVED",
    )
    # The case names its parcel at once; logistics tracks it from the case's CaseParcelSent, and
    # until then the order's tracking says the parcel is awaiting its tracking.
    tracking = api.call("GET", f"/v1/orders/{case['orderId']}/tracking", claims=customer())
    assert parcel["shipmentId"] in tracking.json["awaitingTracking"]
    assert parcel["shipmentId"] not in [s["shipmentId"] for s in tracking.json["shipments"]]
    flow.run()
    assert "CaseParcelSent" in flow.types()
    from aftercare.logistics.store import ShipmentModel

    shipment = ShipmentModel.get(parcel["shipmentId"])
    assert (shipment.kind, shipment.caseId, shipment.orderId) == ("RETURN", case_id, case["orderId"])
    assert (shipment.carrier, shipment.trackingNumber) == ("sf-express", "SFR20261123")
    assert shipment.createdAt == parcel["registeredAt"]  # quiet hours count from when it was sent
    tracking = api.call("GET", f"/v1/orders/{case['orderId']}/tracking", claims=customer())
    assert parcel["shipmentId"] not in tracking.json["awaitingTracking"]
    returned = next(s for s in tracking.json["shipments"] if s["shipmentId"] == parcel["shipmentId"])
    assert (returned["kind"], returned["caseId"], returned["status"]) == ("RETURN", case_id, "INFO_RECEIVED")
    version = shipment.version
    assert flow.replay() > 0  # the stream redelivers the case's change: the parcel is not added twice
    assert ShipmentModel.get(parcel["shipmentId"]).version == version

    received = cases.ok(cases.staff_action(case_id, "receive", role="warehouse"), "RECEIVED")
    assert received["deadlines"]["inspectBy"] == "2026-11-25T08:00:00.000Z"
    assert received["deadlines"]["resolveTarget"] == "2026-11-25T08:00:00.000Z"

    inspected = cases.ok(
        cases.staff_action(
            case_id, "inspect", {"result": "PASS", "notes": "unused, boxed"}, role="warehouse"
        ),
        "REFUNDING",
    )
    assert statuses(inspected)[-3:] == ["INSPECTED", "REFUNDING", "REFUNDING"]
    assert inspected["inspection"]["result"] == "PASS"
    # Refunds records the refund from the case's CaseRefundRequested: until then, honestly, no id.
    assert inspected["refundId"] is None
    assert inspected["timeline"][-1]["note"] == REFUND_PENDING
    assert refunds_started == []
    flow.run()
    refund_events = [t for t in flow.types() if t in {"CaseRefundRequested", "RefundRequested"}]
    assert refund_events == ["CaseRefundRequested", "RefundRequested"]
    learnt = cases.get(case_id)
    refund_id = learnt["refundId"]
    assert refund_id.startswith("rf_")
    assert learnt["timeline"][-1] == {
        "at": "2026-11-23T08:00:00.000Z", "from": "REFUNDING", "to": "REFUNDING", "actor": "refunds",
        "note": f"refund {refund_id} recorded",
    }  # fmt: skip
    assert refunds_started == [refund_id]
    refund = RefundModel.get(refund_id)
    assert (refund.source, refund.sourceId, refund.caseId, refund.merchantFault) == (
        "case",
        case_id,
        case_id,
        False,
    )
    assert [dict(i) for i in refund.items] == [{"sku": "KTL-1", "quantity": 1}]


def test_a_settled_refund_makes_the_case_refunded_once_and_the_customer_can_accept_it(
    cases: Cases, refunds_started: list[str], fixed_clock: Any, flow: EventFlow
) -> None:
    from aftercare.aftersales import port

    case = cases.received()
    case_id = case["caseId"]
    cases.ok(cases.staff_action(case_id, "inspect", {"result": "PASS"}, role="warehouse"))
    flow.run()
    refund_id = cases.get(case_id)["refundId"]
    fixed_clock.advance(3600)
    port.on_refund_settled(case_id=case_id, refund_id=refund_id, status="SUCCEEDED")
    port.on_refund_settled(case_id=case_id, refund_id=refund_id, status="SUCCEEDED")  # told twice
    refunded = cases.get(case_id)
    assert refunded["status"] == "REFUNDED"
    assert statuses(refunded).count("REFUNDED") == 1
    assert (refunded["refundStatus"], refunded["resolvedAt"]) == ("SUCCEEDED", "2026-11-23T09:00:00.000Z")
    assert refunded["deadlines"]["autoCompleteAt"] == "2026-11-30T09:00:00.000Z"
    assert refunded["resolveTargetBreached"] is False
    done = cases.ok(cases.customer_action(case_id, "confirm"), "COMPLETED")
    assert done["timeline"][-1]["note"] == "the customer accepted the resolution"
    assert cases.customer_action(case_id, "confirm").status == 409
    flow.run()  # surveys reacts to CaseCompleted: the case's survey, once
    from aftercare.surveys import store as surveys

    assert surveys.claimed_survey("case", case_id) is not None


def test_a_refund_that_ends_in_manual_review_leaves_the_case_refunding_with_a_note(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    from aftercare.aftersales import port

    case = cases.received()
    cases.ok(cases.staff_action(case["caseId"], "inspect", {"result": "PASS"}, role="warehouse"))
    flow.run()
    refund_id = cases.get(case["caseId"])["refundId"]
    port.on_refund_settled(case_id=case["caseId"], refund_id=refund_id, status="MANUAL_REVIEW")
    port.on_refund_settled(case_id=case["caseId"], refund_id=refund_id, status="MANUAL_REVIEW")
    stuck = cases.get(case["caseId"])
    assert (stuck["status"], stuck["refundStatus"]) == ("REFUNDING", "MANUAL_REVIEW")
    assert [e["note"] for e in stuck["timeline"]].count(
        f"refund {refund_id} MANUAL_REVIEW: a supervisor needs to act"
    ) == 1
    port.on_refund_settled(case_id=case["caseId"], refund_id=refund_id, status="SUCCEEDED")
    assert cases.get(case["caseId"])["status"] == "REFUNDED"


def test_refund_only_skips_the_return_and_asks_for_the_money_with_merchant_fault(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    order = cases.delivered_order()
    case = cases.open(
        order["orderId"], type="REFUND_ONLY", reason="MISSING_ITEM", items=[{"sku": "MUG-2", "quantity": 1}]
    )
    assert case["merchantFault"] is True
    approved = cases.ok(
        cases.staff_action(case["caseId"], "approve", {"note": "warehouse confirms short pick"}), "REFUNDING"
    )
    assert statuses(approved) == ["REQUESTED", "APPROVED", "REFUNDING", "REFUNDING"]
    flow.run()
    refund = RefundModel.get(cases.get(case["caseId"])["refundId"])
    assert (refund.merchantFault, refund.flagged) == (True, False)
    assert [dict(i) for i in refund.items] == [{"sku": "MUG-2", "quantity": 1}]
    assert approved["deadlines"]["resolveTarget"] == "2026-11-25T08:00:00.000Z"


def test_an_exchange_ships_its_replacement_with_the_passed_inspection(cases: Cases, flow: EventFlow) -> None:
    case = cases.received(type="EXCHANGE", reason="SIZE_FIT")
    replacement = {"carrier": "sf-express", "trackingNumber": "SFX99887766"}
    shipped = cases.ok(
        cases.staff_action(
            case["caseId"], "inspect", {"result": "PASS", "replacement": replacement}, role="warehouse"
        ),
        "EXCHANGE_SHIPPED",
    )
    assert statuses(shipped)[-2:] == ["INSPECTED", "EXCHANGE_SHIPPED"]
    flow.run()  # logistics tracks the replacement from the case's CaseParcelSent
    from aftercare.logistics.store import ShipmentModel

    parcel = ShipmentModel.get(shipped["replacementShipment"]["shipmentId"])
    assert (parcel.kind, parcel.caseId, parcel.trackingNumber) == (
        "REPLACEMENT",
        case["caseId"],
        "SFX99887766",
    )
    assert shipped["deadlines"]["autoCompleteAt"] == "2026-11-30T08:00:00.000Z"


def test_an_exchange_passed_without_a_parcel_waits_and_then_ships(cases: Cases) -> None:
    case = cases.received(type="EXCHANGE", reason="SIZE_FIT")
    waiting = cases.ok(
        cases.staff_action(case["caseId"], "inspect", {"result": "PASS"}, role="warehouse"), "INSPECTED"
    )
    assert waiting["replacementShipment"] is None
    assert cases.staff_action(case["caseId"], "inspect", {"result": "PASS"}, role="warehouse").status == 409
    replacement = {"carrier": "sf-express", "trackingNumber": "SFX99887766"}
    cases.ok(
        cases.staff_action(
            case["caseId"], "inspect", {"result": "PASS", "replacement": replacement}, role="warehouse"
        ),
        "EXCHANGE_SHIPPED",
    )


def test_a_replacement_is_refused_for_anything_but_an_exchange(cases: Cases) -> None:
    case = cases.received()
    replacement = {"carrier": "sf-express", "trackingNumber": "SFX99887766"}
    reply = cases.staff_action(
        case["caseId"], "inspect", {"result": "PASS", "replacement": replacement}, role="warehouse"
    )
    assert reply.status == 422
    assert cases.get(case["caseId"])["status"] == "RECEIVED"


def test_a_repair_shows_its_progress_and_ships_back(cases: Cases, flow: EventFlow) -> None:
    key = put_evidence("cus_alice")
    case = cases.received(type="REPAIR", reason="QUALITY_ISSUE", evidence=[key])
    repairing = cases.ok(
        cases.staff_action(case["caseId"], "inspect", {"result": "PASS"}, role="warehouse"), "REPAIRING"
    )
    assert repairing["repair"]["stage"] == "RECEIVED"
    for stage in ["DIAGNOSING", "REPAIRING", "TESTING"]:
        progressed = cases.ok(
            cases.staff_action(
                case["caseId"], "repair-progress", {"stage": stage, "note": "ok"}, role="warehouse"
            ),
            "REPAIRING",
        )
        assert progressed["repair"]["stage"] == stage
    backwards = cases.staff_action(
        case["caseId"], "repair-progress", {"stage": "DIAGNOSING"}, role="warehouse"
    )
    assert backwards.status == 409
    no_parcel = cases.staff_action(
        case["caseId"], "repair-progress", {"stage": "SHIPPED_BACK"}, role="warehouse"
    )
    assert no_parcel.status == 400
    back = cases.ok(
        cases.staff_action(
            case["caseId"], "repair-progress",
            {"stage": "SHIPPED_BACK", "carrier": "sf-express", "trackingNumber": "SFB11223344"}, role="warehouse",
        ),
        "REPAIR_SHIPPED",
    )  # fmt: skip
    assert [s["stage"] for s in back["repair"]["stages"]] == [
        "RECEIVED",
        "DIAGNOSING",
        "REPAIRING",
        "TESTING",
        "SHIPPED_BACK",
    ]
    assert back["replacementShipment"]["trackingNumber"] == "SFB11223344"
    flow.run()  # the repaired item's parcel is tracked as the case's REPLACEMENT
    from aftercare.logistics.store import ShipmentModel

    parcel = ShipmentModel.get(back["replacementShipment"]["shipmentId"])
    assert (parcel.kind, parcel.caseId, parcel.trackingNumber) == (
        "REPLACEMENT",
        case["caseId"],
        "SFB11223344",
    )
    seen = cases.get(case["caseId"])  # the customer sees the same progress
    assert seen["repair"] == back["repair"]


def test_a_dispute_learns_its_tickets_id_from_tickets_a_moment_later(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    """Tickets opens the dispute's ticket from CaseDisputed and publishes TicketOpened; the
    case takes the ticket's id from it. Until then the dispute honestly names no ticket."""
    case_id = cases.received()["caseId"]
    cases.ok(cases.staff_action(case_id, "inspect", {"result": "FAIL", "notes": "worn"}, role="warehouse"))
    disputed = cases.ok(cases.customer_action(case_id, "appeal", {"reason": "it came like that"}), "DISPUTED")
    assert disputed["dispute"]["ticketId"] is None
    flow.run()
    seen = cases.get(case_id)
    ticket_id = seen["dispute"]["ticketId"]
    ticket = cases.api.call("GET", f"/v1/tickets/{ticket_id}", claims=customer("cus_alice"))
    assert ticket.status == 200, ticket.body
    assert (ticket.json["caseId"], ticket.json["source"]) == (case_id, "after-sales")
    assert seen["status"] == "DISPUTED" and seen["version"] == disputed["version"] + 1
    assert f"dispute ticket {ticket_id} opened" in [entry.get("note") for entry in seen["timeline"]]
    flow.replay()  # the same TicketOpened again changes nothing
    assert cases.get(case_id)["version"] == seen["version"]


def decide_for_customer(cases: Cases, case_id: str, note: str) -> dict[str, Any]:
    """A supervisor decides the case's dispute for the customer: it goes on to its refund."""
    reply = cases.staff_action(
        case_id, "resolve-dispute", {"decision": "FOR_CUSTOMER", "note": note}, role="supervisor"
    )
    return cases.ok(reply, "REFUNDING")


def test_a_supervisor_decides_a_dispute_whose_ticket_id_lands_while_the_decision_is_written(
    cases: Cases, refunds_started: list[str], flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dispute's ticket id arrives from tickets at about the time a supervisor opens the
    case. Landing between the decision's read and its write, it must not refuse the decision
    (409): the decision is planned again on the case as it is now, and keeps the ticket id."""
    case_id = cases.received()["caseId"]
    cases.ok(cases.staff_action(case_id, "inspect", {"result": "FAIL", "notes": "worn"}, role="warehouse"))
    cases.ok(cases.customer_action(case_id, "appeal", {"reason": "it came like that"}), "DISPUTED")
    real_apply = store.apply
    writes: list[int] = []

    def ticket_lands_first(change: Transition) -> Case:
        writes.append(change.expected_version)
        if len(writes) == 1:
            flow.run()  # tickets opens the ticket; after-sales writes its id on the case
        return real_apply(change)

    monkeypatch.setattr(store, "apply", ticket_lands_first)
    decided = decide_for_customer(cases, case_id, "worn in transit")
    first = writes[0]
    assert writes == [first, first, first + 1]  # the decision, the ticket id, the decision again
    assert decided["dispute"]["decision"] == "FOR_CUSTOMER"
    assert decided["dispute"]["ticketId"].startswith("tk_")


def test_a_failed_inspection_can_be_appealed_once_and_a_supervisor_decides_for_the_customer(
    cases: Cases, tickets: TicketCalls, refunds_started: list[str], flow: EventFlow
) -> None:
    case = cases.received()
    case_id = case["caseId"]
    failed = cases.ok(
        cases.staff_action(
            case_id, "inspect", {"result": "FAIL", "notes": "used, scratched"}, role="warehouse"
        ),
        "INSPECTED",
    )
    assert (
        failed["deadlines"]["appealBy"] == failed["deadlines"]["autoCompleteAt"] == "2026-11-30T08:00:00.000Z"
    )
    cases.ok(cases.customer_action(case_id, "appeal", {"reason": "it was scratched on arrival"}), "DISPUTED")
    assert tickets.calls == []  # tickets opens it from the case's CaseDisputed
    flow.run()
    assert tickets.calls == [
        {
            "source": "after-sales", "source_id": case_id, "customer_id": "cus_alice",
            "subject": f"Appeal against the failed inspection of after-sales case {case_id}",
            "message": "it was scratched on arrival", "category": "RETURN",
            "order_id": case["orderId"], "case_id": case_id,
        }
    ]  # fmt: skip
    assert (
        cases.staff_action(
            case_id, "resolve-dispute", {"decision": "FOR_CUSTOMER", "note": "x"}, role="agent"
        ).status
        == 403
    )
    decided = decide_for_customer(cases, case_id, "photos show transit damage")
    assert decided["dispute"]["decision"] == "FOR_CUSTOMER"
    assert decided["inspection"]["result"] == "PASS"
    flow.run()
    assert cases.get(case_id)["refundId"] == refunds_started[0]
    assert len(tickets.calls) == 2  # the decision is recorded on the ticket
    assert tickets.calls[1]["message"] == "Decision FOR_CUSTOMER: photos show transit damage"
    assert cases.customer_action(case_id, "appeal", {"reason": "again"}).status == 409


def test_a_rejection_gives_the_units_back_and_an_appeal_takes_them_again(
    cases: Cases, tickets: TicketCalls, flow: EventFlow
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 2}])
    rejected = cases.ok(
        cases.staff_action(case["caseId"], "reject", {"reason": "outside policy"}), "REJECTED"
    )
    assert rejected["rejectionReason"] == "outside policy"
    assert rejected["deadlines"]["appealBy"] == "2026-11-30T08:00:00.000Z"
    other = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])  # the units are free again
    appeal = cases.customer_action(case["caseId"], "appeal", {"reason": "please look again"})
    assert appeal.status == 422  # only one unit is left for the appealed case's two
    assert cases.customer_action(other["caseId"], "cancel").status == 200
    cases.ok(cases.customer_action(case["caseId"], "appeal", {"reason": "please look again"}), "DISPUTED")
    flow.run()
    assert tickets.calls[0]["category"] == "COMPLAINT"
    assert cases.open_reply(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}]).status == 422
    upheld = cases.ok(
        cases.staff_action(
            case["caseId"],
            "resolve-dispute",
            {"decision": "FOR_MERCHANT", "note": "policy applies"},
            role="supervisor",
        ),
        "REJECTED",
    )
    assert upheld["dispute"]["decision"] == "FOR_MERCHANT"
    assert cases.customer_action(case["caseId"], "appeal", {"reason": "once more"}).status == 409
    cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 2}])


def test_a_rejection_overturned_continues_to_the_return(cases: Cases, tickets: TicketCalls) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    cases.ok(cases.staff_action(case["caseId"], "reject", {"reason": "no"}))
    cases.ok(cases.customer_action(case["caseId"], "appeal", {"reason": "why"}))
    decided = cases.ok(
        cases.staff_action(
            case["caseId"], "resolve-dispute", {"decision": "FOR_CUSTOMER", "note": "ok"}, role="supervisor"
        ),
        "AWAITING_RETURN",
    )
    assert decided["rejectionReason"] is None
    assert decided["deadlines"]["returnShipBy"] == "2026-11-30T08:00:00.000Z"


def test_a_customer_cancels_before_the_return_ships_but_not_after(cases: Cases) -> None:
    order = cases.delivered_order()
    first = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 2}])
    cancelled = cases.ok(
        cases.customer_action(first["caseId"], "cancel", {"note": "changed my mind"}), "CANCELLED"
    )
    assert cancelled["timeline"][-1]["note"] == "cancelled by the customer: changed my mind"
    assert cancelled["nextDeadline"] is None
    second = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 2}])
    cases.ok(cases.staff_action(second["caseId"], "approve"))
    cases.ok(cases.customer_action(second["caseId"], "return-shipment", RETURN_PARCEL))
    assert cases.customer_action(second["caseId"], "cancel").status == 409


def test_the_courier_moves_a_return_forward_only_and_idempotently(cases: Cases) -> None:
    from aftercare.aftersales import port

    case = cases.approved()
    case_id = case["caseId"]
    cases.ok(cases.customer_action(case_id, "return-shipment", RETURN_PARCEL))
    port.on_return_parcel_moved(case_id=case_id, status="IN_TRANSIT", occurred_at="2026-11-23T09:00:00Z")
    moving = cases.get(case_id)
    assert (moving["status"], moving["returnShipment"]["status"]) == ("RETURN_IN_TRANSIT", "IN_TRANSIT")
    port.on_return_parcel_moved(case_id=case_id, status="DELIVERED", occurred_at="2026-11-24T10:00:00Z")
    port.on_return_parcel_moved(case_id=case_id, status="DELIVERED", occurred_at="2026-11-24T10:00:00Z")
    port.on_return_parcel_moved(
        case_id=case_id, status="OUT_FOR_DELIVERY", occurred_at="2026-11-24T08:00:00Z"
    )
    received = cases.get(case_id)
    assert received["status"] == "RECEIVED"
    assert statuses(received).count("RECEIVED") == 1
    assert received["returnShipment"]["status"] == "DELIVERED"
    port.on_return_parcel_moved(
        case_id="as_01JD6Z3Q000000000000000000", status="DELIVERED", occurred_at="2026-11-24T10:00:00Z"
    )


def test_a_late_courier_event_does_not_undo_a_newer_one(cases: Cases) -> None:
    from aftercare.aftersales import port

    case = cases.approved()
    cases.ok(cases.customer_action(case["caseId"], "return-shipment", RETURN_PARCEL))
    port.on_return_parcel_moved(
        case_id=case["caseId"], status="OUT_FOR_DELIVERY", occurred_at="2026-11-24T08:00:00Z"
    )
    port.on_return_parcel_moved(
        case_id=case["caseId"], status="IN_TRANSIT", occurred_at="2026-11-23T08:30:00Z"
    )
    assert cases.get(case["caseId"])["returnShipment"]["status"] == "OUT_FOR_DELIVERY"


def test_my_cases_are_listed_newest_first_a_page_at_a_time(cases: Cases, api: Api, fixed_clock: Any) -> None:
    order = cases.delivered_order()
    opened = []
    for sku in ["KTL-1", "MUG-2"]:
        fixed_clock.advance(60)
        opened.append(cases.open(order["orderId"], items=[{"sku": sku, "quantity": 1}])["caseId"])
    first = api.call("GET", "/v1/after-sales", claims=customer(), query={"limit": 1}).json
    assert [c["caseId"] for c in first["items"]] == [opened[1]]
    second = api.call(
        "GET", "/v1/after-sales", claims=customer(), query={"limit": 1, "cursor": first["nextCursor"]}
    ).json
    assert [c["caseId"] for c in second["items"]] == [opened[0]]
    assert api.call("GET", "/v1/after-sales", claims=customer("cus_bob")).json["items"] == []
    mine = api.call("GET", "/v1/after-sales", claims=customer(), query={"status": "CANCELLED"}).json
    assert mine["items"] == []


def test_the_work_queue_lists_a_status_nearest_deadline_first(
    cases: Cases, api: Api, fixed_clock: Any
) -> None:
    order = cases.delivered_order()
    early = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])
    fixed_clock.advance(3600)
    late = cases.open(order["orderId"], items=[{"sku": "MUG-2", "quantity": 1}])
    page = api.call(
        "GET", "/v1/admin/after-sales", claims=staff("agent"), query={"status": "REQUESTED", "limit": 1}
    ).json
    assert [c["caseId"] for c in page["items"]] == [early["caseId"]]
    rest = api.call(
        "GET",
        "/v1/admin/after-sales",
        claims=staff("agent"),
        query={"status": "REQUESTED", "cursor": page["nextCursor"]},
    ).json
    assert [c["caseId"] for c in rest["items"]] == [late["caseId"]]
    assert (
        api.call(
            "GET", "/v1/admin/after-sales", claims=staff("warehouse"), query={"status": "RECEIVED"}
        ).json["items"]
        == []
    )


def test_the_work_queue_without_a_status_is_every_open_case_oldest_deadline_first(
    cases: Cases, api: Api, fixed_clock: Any
) -> None:
    order = cases.delivered_order()
    first = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])
    fixed_clock.advance(3600)
    second = cases.open(order["orderId"], items=[{"sku": "MUG-2", "quantity": 1}])
    cases.ok(cases.staff_action(second["caseId"], "approve"))
    fixed_clock.advance(3600)
    withdrawn = cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])
    assert cases.customer_action(withdrawn["caseId"], "cancel").status == 200

    seen: list[dict[str, Any]] = []
    cursor = None
    for _ in range(10):
        query = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        reply = api.call("GET", "/v1/admin/after-sales", claims=staff("agent"), query=query)
        assert reply.status == 200, reply.body
        seen.extend(reply.json["items"])
        cursor = reply.json["nextCursor"]
        if not cursor:
            break
    ids = [case["caseId"] for case in seen]
    assert sorted(ids) == sorted([first["caseId"], second["caseId"]]), "open cases once each, no closed one"
    deadlines = [case_queue_position(case) for case in seen]
    assert deadlines == sorted(deadlines)


def case_queue_position(case: dict[str, Any]) -> str:
    return min((at for at in (case.get("deadlines") or {}).values() if at), default="~")


def test_an_appeal_opens_one_real_ticket_through_the_tickets_reaction(
    cases: Cases, api: Api, flow: EventFlow
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    cases.ok(cases.staff_action(case["caseId"], "reject", {"reason": "outside policy"}))
    cases.ok(cases.customer_action(case["caseId"], "appeal", {"reason": "I was told otherwise"}), "DISPUTED")
    flow.run()
    flow.replay()  # the event again: still one ticket
    listed = api.call("GET", "/v1/tickets", claims=customer())
    assert listed.status == 200, listed.body
    found = [t for t in listed.json["items"] if t.get("caseId") == case["caseId"]]
    assert len(found) == 1, listed.json
    ticket_id = found[0]["ticketId"]
    assert ticket_id.startswith("tk_")
    ticket = api.call("GET", f"/v1/tickets/{ticket_id}", claims=customer())
    assert ticket.status == 200, ticket.body
    assert ticket.json["category"] == "COMPLAINT"
