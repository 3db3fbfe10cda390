"""What courier events do to the rest of the service, through the bus: the last outbound
parcel delivered delivers its order, a problem reaches the customer and customer service
(once each), and after-sales hears about its parcels."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from aftercare import clock
from aftercare.aws import client
from aftercare.logistics import store
from aftercare.logistics.rules import ShipmentKind
from aftercare.logistics.service import track_case_parcel, track_order_parcel
from aftercare.tickets import reactions as tickets
from infra.local.sqs_poller import lambda_sqs_event, sqs_sources
from tests.integration.logistics.conftest import CARRIER, TRACKING, Couriers, canonical
from tests.support.api import customer
from tests.support.bus import EventFlow
from tests.support.orders import Orders


def notifications(couriers: Couriers) -> list[dict[str, Any]]:
    url = couriers.stack.ref("NotificationsQueue")
    found = []
    while True:
        reply = client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        messages = reply.get("Messages") or []
        if not messages:
            return found
        found.extend(json.loads(m["Body"]) for m in messages)


def logistics_notices(couriers: Couriers) -> list[dict[str, Any]]:
    return [n for n in notifications(couriers) if n["kind"] == "logistics.problem"]


def logistics_tickets(couriers: Couriers) -> list[dict[str, Any]]:
    reply = couriers.api.call("GET", "/v1/tickets", claims=customer())
    assert reply.status == 200, reply.body
    return [t for t in reply.json["items"] if t["category"] == "LOGISTICS"]


def shipment() -> store.Shipment:
    found = store.find_by_tracking(f"{CARRIER}#{TRACKING}")
    assert found is not None
    again = store.get(found.shipment_id)
    assert again is not None
    return again


def send(couriers: Couriers, flow: EventFlow, *events: dict[str, Any], carrier: str = CARRIER) -> None:
    for event in events:
        assert couriers.post(event, carrier=carrier).status == 202
    assert couriers.drain().failed == []
    flow.run()
    assert flow.failures == []


def test_an_exception_notifies_the_customer_and_opens_one_logistics_ticket(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow
) -> None:
    send(couriers, flow, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="ADDRESS_ISSUE",
                                   description="Recipient address incomplete"))  # fmt: skip
    problem_id = f"{shipment().shipment_id}:EXCEPTION"
    (notice,) = logistics_notices(couriers)
    assert notice["recipientId"] == "cus_alice"
    assert notice["data"]["problem"] == "EXCEPTION"
    assert notice["data"]["reason"] == "ADDRESS_ISSUE"
    assert notice["data"]["orderId"] == shipped["orderId"]
    assert notice["notificationId"] == f"ntf_{problem_id}"  # the problem's: a retry is delivered once
    assert shipment().problems["EXCEPTION"]["problemId"] == problem_id
    (ticket,) = logistics_tickets(couriers)
    assert ticket["ticketId"].startswith("tk_")
    assert flow.types().count("ShipmentProblemsFound") == 1

    # the same kind again, and a redelivery: recorded once, nobody told twice
    send(couriers, flow, canonical("x2", "EXCEPTION", "2026-11-22T10:00:00Z", subStatus="REFUSED"))
    send(couriers, flow, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="ADDRESS_ISSUE"))
    flow.replay()  # and the stream delivers the last change again: the same event, nothing new
    assert logistics_notices(couriers) == []
    assert [t["ticketId"] for t in logistics_tickets(couriers)] == [ticket["ticketId"]]
    assert flow.types().count("ShipmentProblemsFound") == 1
    assert flow.failures == []


def test_the_ticket_goes_to_customer_service_with_the_logistics_category(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow
) -> None:
    send(couriers, flow, canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="DAMAGED"))
    (listed,) = logistics_tickets(couriers)
    reply = couriers.api.call("GET", f"/v1/tickets/{listed['ticketId']}", claims=customer())
    assert reply.status == 200, reply.body
    assert reply.json["category"] == "LOGISTICS"
    assert reply.json["orderId"] == shipped["orderId"]
    assert "Parcel SF100200300: delivery exception" in reply.json["subject"]


def test_a_second_failed_attempt_is_a_problem_the_first_is_not(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow
) -> None:
    send(couriers, flow, canonical("f1", "ATTEMPT_FAIL", "2026-11-22T09:00:00Z"))
    assert logistics_notices(couriers) == []
    assert "ShipmentProblemsFound" not in flow.types()
    send(couriers, flow, canonical("f2", "ATTEMPT_FAIL", "2026-11-23T07:00:00Z"))
    (notice,) = logistics_notices(couriers)
    assert notice["data"]["problem"] == "REPEATED_ATTEMPT_FAIL"


def test_a_lost_parcel_offers_reshipment_or_refund(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow
) -> None:
    send(couriers, flow, canonical("l1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="LOST"))
    (notice,) = logistics_notices(couriers)
    assert (notice["data"]["problem"], notice["data"]["proposal"]) == ("LOST", "RESHIP_OR_REFUND")
    (ticket,) = logistics_tickets(couriers)
    detail = couriers.api.call("GET", f"/v1/tickets/{ticket['ticketId']}", claims=customer()).json
    assert "Offer the customer a reshipment or a refund." in json.dumps(detail)


def test_two_problems_in_one_payload_are_each_told_and_ticketed(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow
) -> None:
    send(
        couriers,
        flow,
        canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="DAMAGED"),
        canonical("l1", "EXCEPTION", "2026-11-22T10:00:00Z", subStatus="LOST"),
    )
    assert sorted(n["data"]["problem"] for n in logistics_notices(couriers)) == ["EXCEPTION", "LOST"]
    assert len(logistics_tickets(couriers)) == 2


def test_a_failing_reaction_is_retried_without_repeating_the_ones_done(
    couriers: Couriers, shipped: dict[str, Any], flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tickets.REACTIONS["ShipmentProblemsFound"]
    calls = {"n": 0}

    def flaky(event: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("tickets are briefly down")
        real(event)

    monkeypatch.setitem(tickets.REACTIONS, "ShipmentProblemsFound", flaky)
    assert (
        couriers.post(canonical("x1", "EXCEPTION", "2026-11-22T09:00:00Z", subStatus="DAMAGED")).status == 202
    )
    assert couriers.drain().failed == []
    flow.publish()
    # the first delivery to the tickets queue fails, and only that message comes back
    (source,) = [s for s in sqs_sources(couriers.stack) if s.function == "TicketsReactionsFunction"]
    sqs = boto3.client("sqs", region_name="us-east-1")
    first = sqs.receive_message(QueueUrl=source.queue_url, AttributeNames=["All"], VisibilityTimeout=0)
    answer = couriers.api.host.invoke(
        source.function, lambda_sqs_event(first["Messages"], source.queue_arn, "us-east-1")
    )
    assert len(answer["batchItemFailures"]) == 1
    flow.run()  # redelivered: the ticket is opened; the customer's notice went its own way, once
    assert flow.failures == []
    assert calls["n"] == 2
    assert len(logistics_notices(couriers)) == 1
    assert len(logistics_tickets(couriers)) == 1


def second_parcel(order_id: str) -> str:
    """A second OUTBOUND parcel of the order (yto YT5566), as OrderShipped names one."""
    shipment_id = f"shp_second_{order_id}"
    track_order_parcel(
        shipment_id=shipment_id, order_id=order_id, customer_id="cus_alice",
        carrier="yto", tracking_number="YT5566", at=clock.now_iso(),
    )  # fmt: skip
    return shipment_id


def test_the_last_outbound_parcel_delivered_delivers_the_order(
    couriers: Couriers, orders: Orders, shipped: dict[str, Any], flow: EventFlow
) -> None:
    order_id = shipped["orderId"]
    second_parcel(order_id)
    send(couriers, flow, canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z"))
    assert orders.get(order_id)["status"] == "SHIPPED"  # one parcel is still on its way
    assert [
        e["payload"]["all_outbound_delivered"] for e in flow.published if e["type"] == "ParcelDelivered"
    ] == [False]
    second = {
        **canonical("d2", "DELIVERED", "2026-11-23T09:00:00Z"),
        "carrier": "yto",
        "trackingNumber": "YT5566",
    }
    send(couriers, flow, second, carrier="yto")
    order = orders.get(order_id)
    assert order["status"] == "DELIVERED"
    assert order["timeline"][-1]["actor"] == "logistics"
    flow.replay()  # a republished delivery changes nothing
    assert orders.get(order_id)["timeline"] == order["timeline"]
    assert flow.failures == []


def test_delivery_tolerates_an_order_the_customer_already_confirmed(
    couriers: Couriers, orders: Orders, shipped: dict[str, Any], flow: EventFlow
) -> None:
    order_id = shipped["orderId"]
    confirmed = couriers.api.call("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer())
    assert confirmed.status == 200
    send(couriers, flow, canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z"))
    assert "ParcelDelivered" in flow.types()
    order = orders.get(order_id)
    assert order["status"] == "DELIVERED"
    assert order["deliveredAt"] == confirmed.json["deliveredAt"]  # the customer's confirmation stands


def test_a_return_parcel_tells_its_after_sales_case(
    couriers: Couriers, orders: Orders, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare.aftersales import reactions

    heard: list[dict[str, Any]] = []  # what after-sales' reaction to CaseParcelMoved asks of its case
    monkeypatch.setattr(reactions, "on_return_parcel_moved", lambda **kwargs: heard.append(kwargs))
    order = orders.to("DELIVERED")
    parcel = {
        "shipment_id": "shp_01RETURN", "case_id": "as_01RETURN", "order_id": order["orderId"],
        "customer_id": "cus_alice", "kind": ShipmentKind.RETURN, "carrier": "yto",
        "tracking_number": "YT7788", "at": clock.now_iso(),
    }  # fmt: skip
    assert track_case_parcel(**parcel) is True
    assert track_case_parcel(**parcel) is False  # CaseParcelSent again: tracked once
    for event_id, status, at in (
        ("r1", "IN_TRANSIT", "2026-11-22T09:00:00Z"),
        ("r2", "DELIVERED", "2026-11-23T07:00:00Z"),
    ):
        event = {**canonical(event_id, status, at), "carrier": "yto", "trackingNumber": "YT7788"}
        send(couriers, flow, event, carrier="yto")
    assert heard == [
        {"case_id": "as_01RETURN", "status": "IN_TRANSIT", "occurred_at": "2026-11-22T09:00:00.000Z"},
        {"case_id": "as_01RETURN", "status": "DELIVERED", "occurred_at": "2026-11-23T07:00:00.000Z"},
    ]
    assert "ParcelDelivered" not in flow.types()  # a return's delivery is not the order's
    tracking = couriers.tracking(order["orderId"], customer()).json["shipments"]
    assert [(s["kind"], s["status"]) for s in tracking] == [
        ("OUTBOUND", "INFO_RECEIVED"),
        ("RETURN", "DELIVERED"),
    ]
    assert orders.get(order["orderId"])["status"] == "DELIVERED"


def test_two_last_parcels_delivered_at_once_still_deliver_the_order(
    couriers: Couriers,
    orders: Orders,
    shipped: dict[str, Any],
    flow: EventFlow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aftercare.logistics import service
    from aftercare.logistics.adapters.canonical import ADAPTER

    order_id = shipped["orderId"]
    other_id = second_parcel(order_id)
    other = {
        **canonical("d2", "DELIVERED", "2026-11-23T07:00:00Z"),
        "carrier": "yto",
        "trackingNumber": "YT5566",
    }
    real_get = store.get
    raced: list[str] = []

    def get(shipment_id: str) -> store.Shipment | None:
        found = real_get(shipment_id)
        if shipment_id == other_id and not raced:
            raced.append(shipment_id)
            # the other parcel is delivered between this parcel's look at it and its own write
            service.apply_delivery(ADAPTER.parse(json.dumps(other).encode(), carrier=None))
        return found

    monkeypatch.setattr(store, "get", get)
    send(couriers, flow, canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z"))
    assert raced == [other_id]
    delivered = [e["payload"] for e in flow.published if e["type"] == "ParcelDelivered"]
    assert sorted((p["tracking_number"], p["all_outbound_delivered"]) for p in delivered) == [
        ("SF100200300", True),  # its first write was refused (the other parcel changed): derived again
        ("YT5566", False),
    ]
    assert orders.get(order_id)["status"] == "DELIVERED"


def test_a_cases_parcel_is_tracked_from_its_event_once(
    couriers: Couriers, orders: Orders, flow: EventFlow
) -> None:
    """After-sales' CaseParcelSent (the customer's return) becomes a RETURN shipment under the
    id the case names; the same event again, or another event naming the same parcel, adds
    nothing; then courier news about it reaches the case as CaseParcelMoved."""
    from aftercare.aftersales.events import CaseParcelSent
    from aftercare.events import Happened, envelope, to_entry

    order = orders.to("DELIVERED")
    shipment_id = "shp_01CASEPARCEL0000000000000"
    parcel = {"shipment_id": shipment_id, "kind": "RETURN", "carrier": "yto", "tracking_number": "YT9911"}
    sent = CaseParcelSent(
        case_id="as_01RETURN", order_id=order["orderId"], customer_id="cus_alice",
        sent_at="2026-11-23T08:00:00.000Z", parcels=[parcel],
    )  # fmt: skip
    happened = Happened(sent, subject="as_01RETURN", time=sent.sent_at)
    bus = couriers.stack.ref("DomainEventBus")
    for origin in ("record-1", "record-1", "record-2"):  # redelivered, then published again
        event = envelope(happened, source="aftersales", origin=origin)
        assert client("events").put_events(Entries=[to_entry(event, bus)])["FailedEntryCount"] == 0
    flow.run()
    assert flow.failures == []
    tracked = store.get(shipment_id)
    assert tracked is not None
    assert (tracked.kind, tracked.case_id, tracked.order_id, tracked.customer_id) == (
        "RETURN", "as_01RETURN", order["orderId"], "cus_alice",
    )  # fmt: skip
    assert (tracked.carrier, tracked.tracking_number, tracked.created_at, tracked.version) == (
        "yto", "YT9911", "2026-11-23T08:00:00.000Z", 1,
    )  # fmt: skip
    news = {
        **canonical("c1", "IN_TRANSIT", "2026-11-23T09:00:00Z"),
        "carrier": "yto",
        "trackingNumber": "YT9911",
    }
    send(couriers, flow, news, carrier="yto")
    moved = [e for e in flow.published if e["type"] == "CaseParcelMoved"]
    assert [(e["subject"], e["payload"]["status"]) for e in moved] == [("as_01RETURN", "IN_TRANSIT")]
