"""The consumer: batches with partial failures, duplicates, direct writers, the dead-letter
queue (with the reason) and replays from the raw payloads kept."""

from __future__ import annotations

import json
from typing import Any

from aftercare import clock
from aftercare.aws import client
from aftercare.logistics import service, store
from tests.integration.logistics.conftest import CARRIER, TRACKING, Couriers, canonical
from tests.support.api import customer


def shipment_of(couriers: Couriers, order_id: str) -> dict[str, Any]:
    (shipment,) = couriers.tracking(order_id, customer()).json["shipments"]
    return dict(shipment)


def test_one_poison_message_fails_alone_and_is_dead_lettered_with_its_reason(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    good = [canonical(f"e{i}", "IN_TRANSIT", f"2026-11-22T0{i}:00:00Z") for i in range(1, 5)]
    for event in good[:2]:
        couriers.send_direct(json.dumps(event), carrier=CARRIER)
    couriers.send_direct(
        '{"eventId": "p1", "carrier": "sf-express"}', carrier=CARRIER
    )  # poison: fields missing
    for event in good[2:]:
        couriers.send_direct(json.dumps(event), carrier=CARRIER)

    first = couriers.drain(max_batches=1)
    assert len(first.failed) == 1  # the poison alone is reported as a batch item failure
    (failure,) = first.results[0]["batchItemFailures"]
    assert failure["itemIdentifier"] == first.failed[0]
    assert len(shipment_of(couriers, shipped["orderId"])["history"]) == 4  # the good ones are in

    # retried until its last allowed receive (maxReceiveCount 5), then dead-lettered with why
    rest = couriers.drain()
    assert len(rest.failed) == 3  # receives 2, 3 and 4 fail again; the 5th dead-letters it
    assert couriers.receive() == []
    (dead,) = couriers.dead_letters()
    attributes = dead["MessageAttributes"]
    assert json.loads(dead["Body"])["eventId"] == "p1"
    assert "trackingNumber" in attributes["failureReason"]["StringValue"]
    assert attributes["receiveCount"]["StringValue"] == "5"
    assert attributes["originalMessageId"]["StringValue"] == first.failed[0]


def test_sqs_redrive_is_the_backstop_when_the_consumer_cannot_even_run(
    couriers: Couriers, shipped: dict[str, Any], monkeypatch: Any
) -> None:
    from aftercare.logistics import consumer

    def crash(records: Any) -> Any:
        raise RuntimeError("the raw store is down")

    monkeypatch.setattr(consumer, "prepare", crash)
    couriers.send_direct(json.dumps(canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z")), carrier=CARRIER)
    drained = couriers.drain()
    assert len(drained.failed) == 5  # every receive failed as a whole
    (dead,) = couriers.dead_letters()  # moved by the queue's redrive policy after the 5th receive
    assert json.loads(dead["Body"])["eventId"] == "e1"
    assert "failureReason" not in (dead.get("MessageAttributes") or {})


def test_duplicates_and_late_events_change_nothing_they_should_not(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    delivered = canonical("d1", "DELIVERED", "2026-11-23T07:00:00Z")
    late = canonical("t1", "IN_TRANSIT", "2026-11-22T07:00:00Z")
    for event in (delivered, delivered, late, delivered):
        assert couriers.post(event).status == 202
    assert couriers.drain().failed == []
    shipment = shipment_of(couriers, shipped["orderId"])
    assert shipment["status"] == "DELIVERED"
    assert [(e["status"], e["occurredAt"]) for e in shipment["history"]] == [
        ("DELIVERED", "2026-11-23T07:00:00.000Z"),
        ("IN_TRANSIT", "2026-11-22T07:00:00.000Z"),
    ]


def test_a_courier_on_aws_may_write_canonical_events_straight_into_the_queue(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    couriers.send_direct(json.dumps(canonical("e1", "OUT_FOR_DELIVERY", "2026-11-23T06:00:00Z")))
    assert couriers.drain().failed == []
    assert shipment_of(couriers, shipped["orderId"])["status"] == "OUT_FOR_DELIVERY"


def test_events_for_an_unknown_parcel_are_kept_and_replayed_once_it_exists(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    stranger = {**canonical("x1", "IN_TRANSIT", "2026-11-22T09:00:00Z"), "trackingNumber": "SF999"}
    couriers.send_direct(json.dumps(stranger))
    couriers.drain()
    (dead,) = couriers.dead_letters()
    assert "no shipment for sf-express#SF999" in dead["MessageAttributes"]["failureReason"]["StringValue"]
    raw = store.raw_for("sf-express#SF999")
    assert [item.raw_id for item in raw] == ["x1"]  # nothing is lost

    from aftercare.logistics.rules import ShipmentKind

    shipment_id = "shp_01REPLACEMENT"
    service.track_case_parcel(
        shipment_id=shipment_id, case_id="as_01TEST", order_id=shipped["orderId"], customer_id="cus_alice",
        kind=ShipmentKind.REPLACEMENT, carrier="sf-express", tracking_number="SF999",
        at=clock.now_iso(),
    )  # fmt: skip
    assert service.replay(shipment_id) == 1
    assert service.replay(shipment_id) == 0
    shipment = store.get(shipment_id)
    assert shipment is not None
    assert shipment.summary.status.value == "IN_TRANSIT"


def test_the_raw_payloads_are_kept_with_a_time_to_live(couriers: Couriers, shipped: dict[str, Any]) -> None:
    couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z"))
    couriers.drain()
    table = couriers.stack.ref("TrackingEventsTable")
    item = client("dynamodb").get_item(
        TableName=table, Key={"trackingKey": {"S": f"{CARRIER}#{TRACKING}"}, "rawId": {"S": "e1"}}
    )["Item"]
    assert item["adapter"]["S"] == "canonical"
    assert int(item["expiresAt"]["N"]) > 0
    ttl = client("dynamodb").describe_time_to_live(TableName=table)["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expiresAt"


def test_a_shipment_moved_on_by_another_consumer_is_reloaded_not_overwritten(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z"))
    couriers.drain()  # the cache now holds the shipment at this version
    other = store.find_by_tracking(f"{CARRIER}#{TRACKING}")
    assert other is not None
    from aftercare.logistics.rules import merge, summarize

    event = canonical("e2", "OUT_FOR_DELIVERY", "2026-11-23T06:00:00Z")
    from aftercare.logistics.adapters.canonical import ADAPTER

    (parsed,) = ADAPTER.parse(json.dumps(event).encode(), carrier=None).events
    merged = merge(other.events, [parsed])
    assert store.apply(other, new_events=[parsed], summary=summarize(merged), due_at=None, new_problems={},
                       at="2026-11-23T08:00:00.000Z")  # fmt: skip
    couriers.post(canonical("e3", "IN_TRANSIT", "2026-11-22T12:00:00Z"))
    assert couriers.drain().failed == []
    shipment = shipment_of(couriers, shipped["orderId"])
    assert shipment["status"] == "OUT_FOR_DELIVERY"
    assert len(shipment["history"]) == 3


def test_an_outbox_left_from_before_events_is_dropped_not_run(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    # Effects owed under the old outbox are not run any more (their events were never
    # published): the next write drops the attribute rather than carry it forever.
    shipment_id = shipped["shipmentIds"][0]
    table = str(store.ShipmentModel.Meta.table_name)
    client("dynamodb").update_item(
        TableName=table, Key={"shipmentId": {"S": shipment_id}},
        UpdateExpression="SET pendingEffects = :owed",
        ExpressionAttributeValues={":owed": {"M": {"deliver": {"M": {"orderId": {"S": shipped["orderId"]}}}}}},
    )  # fmt: skip
    couriers.post(canonical("e1", "IN_TRANSIT", "2026-11-22T09:00:00Z"))
    assert couriers.drain().failed == []
    item = client("dynamodb").get_item(TableName=table, Key={"shipmentId": {"S": shipment_id}})["Item"]
    assert "pendingEffects" not in item
    assert item["status"] == {"S": "IN_TRANSIT"}
