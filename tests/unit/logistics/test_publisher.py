"""Which shipment changes are events for the other domains (logistics/publisher.py): a pure
function of the item before and after, as the Shipments table's stream carries them."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.logistics.events import (
    CaseParcelMoved,
    ParcelDelivered,
    ShipmentProblemsFound,
    ShipmentRegistered,
)
from aftercare.logistics.publisher import events_of

AT = "2026-11-23T08:00:00.000Z"


def item(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "shipmentId": "shp_1",
        "orderId": "ord_1",
        "customerId": "cus_1",
        "kind": "OUTBOUND",
        "carrier": "sf-express",
        "trackingNumber": "SF1",
        "status": "IN_TRANSIT",
        "statusAt": "2026-11-22T09:00:00.000Z",
        "statusEventId": "e1",
        "createdAt": "2026-11-21T08:00:00.000Z",
        "updatedAt": AT,
        "problems": {},
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def problem(kind: str, reason: str, description: str | None = None) -> dict[str, Any]:
    found = {"problemId": f"shp_1:{kind}", "kind": kind, "reason": reason, "detectedAt": AT, "eventId": "x1"}
    return {**found, "description": description} if description else found


DELIVERED = {"status": "DELIVERED", "statusAt": "2026-11-23T07:00:00.000Z", "statusEventId": "d1"}
RETURN = {"kind": "RETURN", "caseId": "as_1"}

CASES: list[tuple[str, dict[str, Any] | None, dict[str, Any] | None, list[str]]] = [
    ("a new shipment", None, item(status="INFO_RECEIVED"), ["ShipmentRegistered"]),
    ("a removed item", item(), None, []),
    ("an outbound parcel moving on", item(status="INFO_RECEIVED"), item(), []),
    ("a late event on a delivered parcel", item(**DELIVERED), item(**DELIVERED, lastEventAt=AT), []),
    ("an outbound parcel delivered", item(), item(**DELIVERED), ["ParcelDelivered"]),
    ("a return parcel delivered", item(**RETURN), item(**RETURN, **DELIVERED), ["CaseParcelMoved"]),
    (
        "a replacement parcel delivered",
        item(kind="REPLACEMENT", caseId="as_1"),
        item(kind="REPLACEMENT", caseId="as_1", **DELIVERED),
        ["ParcelDelivered", "CaseParcelMoved"],
    ),
    (
        "a replacement parcel moving on",
        item(kind="REPLACEMENT", caseId="as_1", status="INFO_RECEIVED"),
        item(kind="REPLACEMENT", caseId="as_1"),
        ["CaseParcelMoved"],
    ),
    (
        "a return parcel's sub-status changing",
        item(**RETURN, status="EXCEPTION", subStatus="DELAYED"),
        item(**RETURN, status="EXCEPTION", subStatus="DAMAGED"),
        ["CaseParcelMoved"],
    ),
    (
        "a return parcel's event that changes nothing shown",
        item(**RETURN),
        item(**RETURN, lastEventAt=AT),
        [],
    ),
    (
        "a problem recorded",
        item(),
        item(problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED")}),
        ["ShipmentProblemsFound"],
    ),
    (
        "a problem already known",
        item(problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED")}),
        item(problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED")}, lastEventAt=AT),
        [],
    ),
    (
        "a return parcel with a problem",
        item(**RETURN),
        item(**RETURN, status="EXCEPTION", problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED")}),
        ["ShipmentProblemsFound", "CaseParcelMoved"],
    ),
]


@pytest.mark.parametrize(("old", "new", "types"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_which_changes_are_events(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


@pytest.mark.parametrize("last", [True, False])
def test_a_delivered_parcel_says_whether_it_delivers_its_order(last: bool) -> None:
    (happened,) = events_of(item(), item(**DELIVERED, orderDelivered=True if last else None))
    assert happened.payload == ParcelDelivered(
        shipment_id="shp_1", order_id="ord_1", customer_id="cus_1", carrier="sf-express",
        tracking_number="SF1", delivered_at="2026-11-23T07:00:00.000Z", all_outbound_delivered=last,
        registered_at="2026-11-21T08:00:00.000Z",
    )  # fmt: skip
    assert (happened.subject, happened.time) == ("shp_1", AT)


@pytest.mark.parametrize(
    ("estimate", "on_time"),
    [("2026-11-23", True), ("2026-11-22", False), ("2026-11-23T06:00:00.000Z", False), (None, None)],
)
def test_a_delivered_parcel_says_whether_it_kept_its_estimate(
    estimate: str | None, on_time: bool | None
) -> None:
    (happened,) = events_of(item(), item(**DELIVERED, estimatedDelivery=estimate))
    assert (happened.payload.estimated_delivery, happened.payload.on_time) == (estimate, on_time)


def test_a_replacement_delivered_never_delivers_the_order() -> None:
    new = item(kind="REPLACEMENT", caseId="as_1", orderDelivered=True, **DELIVERED)
    delivered = events_of(item(kind="REPLACEMENT", caseId="as_1"), new)[0].payload
    assert (delivered.kind, delivered.all_outbound_delivered) == ("REPLACEMENT", False)


def test_a_new_shipment_is_registered_at_its_creation() -> None:
    (happened,) = events_of(None, item(status="INFO_RECEIVED"))
    assert happened.payload == ShipmentRegistered(
        "shp_1", "OUTBOUND", "ord_1", "cus_1", "2026-11-21T08:00:00.000Z"
    )


def test_the_problems_a_change_records_are_told_with_the_facts_a_ticket_needs() -> None:
    new = item(
        status="EXCEPTION", subStatus="LOST", estimatedDelivery="2026-11-24",
        problems={"LOST": problem("LOST", "LOST", "lost in transit"), "EXCEPTION": problem("EXCEPTION", "DAMAGED")},
    )  # fmt: skip
    old = item(problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED")})
    (happened,) = events_of(old, new)
    found = happened.payload
    assert isinstance(found, ShipmentProblemsFound)
    assert (found.status, found.sub_status, found.estimated_delivery) == ("EXCEPTION", "LOST", "2026-11-24")
    assert found.earlier_problems == 1  # the shipment had a problem before: not its first
    (lost,) = found.found()  # only the new one
    assert (lost.problem_id, lost.kind, lost.reason, lost.description) == (
        "shp_1:LOST", "LOST", "LOST", "lost in transit",
    )  # fmt: skip
    assert lost.proposal == "RESHIP_OR_REFUND"  # the customer chooses reshipment or refund


def test_two_problems_in_one_change_are_one_event_with_both() -> None:
    new = item(problems={"EXCEPTION": problem("EXCEPTION", "DAMAGED"), "LOST": problem("LOST", "LOST")})
    (happened,) = events_of(item(), new)
    assert happened.payload.earlier_problems == 0
    assert [(p.kind, p.proposal) for p in happened.payload.found()] == [
        ("EXCEPTION", None),
        ("LOST", "RESHIP_OR_REFUND"),
    ]


def test_a_case_parcel_move_names_the_case_and_the_deciding_courier_event() -> None:
    (happened,) = events_of(item(**RETURN), item(**RETURN, **DELIVERED))
    assert happened.payload == CaseParcelMoved(
        shipment_id="shp_1", kind="RETURN", case_id="as_1", order_id="ord_1", customer_id="cus_1",
        carrier="sf-express", tracking_number="SF1", previous_status="IN_TRANSIT", status="DELIVERED",
        sub_status=None, occurred_at="2026-11-23T07:00:00.000Z", courier_event_id="d1",
    )  # fmt: skip
    assert happened.subject == "as_1"
