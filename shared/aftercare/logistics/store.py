"""The Shipments and TrackingEvents tables: the only module that reads or writes them.

A shipment item holds its identity, its courier events (`history`, a map by event id, so a
redelivered event lands on itself), the fields derived from them (status, subStatus,
estimatedDelivery, ...) and the problems recorded once each (`problems`, by kind). Every
change is one conditional write on the version read: new events, derived fields and problems
move together or not at all. What the other domains hear of it is published from the table's
stream (logistics/publisher.py); `orderDelivered` is stamped on the write that delivers an
order's last OUTBOUND parcel, so that event can say so.

`watch`/`dueAt` exist only while a shipment could still become delayed: they are the keys of
the sparse `byWatch` index the hourly check queries (sharded, so no partition runs hot).

TrackingEvents keeps every raw payload as received (by tracking key and payload id) for 90
days, so a shipment can be rebuilt from what the couriers actually sent.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

from botocore.exceptions import ClientError
from pynamodb.attributes import BooleanAttribute, MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare import clock
from aftercare.aws import client
from aftercare.db import conflicts_as_409
from aftercare.logistics.rules import CourierEvent, SubStatus, Summary, TrackingStatus
from aftercare.settings import get_settings

WATCH_SHARDS = 8
RAW_RETENTION = timedelta(days=90)


class ByTrackingIndex(GlobalSecondaryIndex["ShipmentModel"]):
    class Meta:
        index_name = "byTracking"
        projection = AllProjection()

    trackingKey = UnicodeAttribute(hash_key=True)


class ByOrderIndex(GlobalSecondaryIndex["ShipmentModel"]):
    class Meta:
        index_name = "byOrder"
        projection = AllProjection()

    orderId = UnicodeAttribute(hash_key=True)
    shipmentId = UnicodeAttribute(range_key=True)


class ByWatchIndex(GlobalSecondaryIndex["ShipmentModel"]):
    class Meta:
        index_name = "byWatch"
        projection = KeysOnlyProjection()

    watch = UnicodeAttribute(hash_key=True)
    dueAt = UnicodeAttribute(range_key=True)


class ShipmentModel(Model):
    class Meta:
        table_name = get_settings().shipments_table

    shipmentId = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute()
    customerId = UnicodeAttribute()
    kind = UnicodeAttribute()  # OUTBOUND, RETURN or REPLACEMENT
    caseId = UnicodeAttribute(null=True)  # the after-sales case of a RETURN or REPLACEMENT
    carrier = UnicodeAttribute()
    trackingNumber = UnicodeAttribute()
    trackingKey = UnicodeAttribute()
    status = UnicodeAttribute()
    subStatus = UnicodeAttribute(null=True)
    statusAt = UnicodeAttribute(null=True)
    statusEventId = UnicodeAttribute(null=True)
    lastEventAt = UnicodeAttribute(null=True)
    estimatedDelivery = UnicodeAttribute(null=True)
    history = MapAttribute[str, Any](default=dict)  # event id -> JSON {status, occurredAt, ...}
    problems = MapAttribute[str, Any](default=dict)  # problem kind -> {reason, detectedAt, ...}
    # on a delivered OUTBOUND parcel: every OUTBOUND parcel of its order was delivered with it
    orderDelivered = BooleanAttribute(null=True)
    watch = UnicodeAttribute(null=True)
    dueAt = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = NumberAttribute(default=1)

    by_tracking = ByTrackingIndex()
    by_order = ByOrderIndex()
    by_watch = ByWatchIndex()


def tracking_key(carrier: str, tracking_number: str) -> str:
    return f"{carrier}#{tracking_number}"


def watch_key(shipment_id: str) -> str:
    shard = int(hashlib.sha256(shipment_id.encode()).hexdigest()[:8], 16) % WATCH_SHARDS
    return f"OPEN#{shard}"


def _new_model(
    *,
    shipment_id: str,
    order_id: str,
    customer_id: str,
    kind: str,
    carrier: str,
    tracking_number: str,
    at: str,
    case_id: str | None,
    due_at: str | None,
) -> ShipmentModel:
    return ShipmentModel(
        shipmentId=shipment_id,
        orderId=order_id,
        customerId=customer_id,
        kind=kind,
        caseId=case_id,
        carrier=carrier,
        trackingNumber=tracking_number,
        trackingKey=tracking_key(carrier, tracking_number),
        status=TrackingStatus.INFO_RECEIVED.value,
        history={},
        problems={},
        watch=watch_key(shipment_id) if due_at else None,
        dueAt=due_at,
        createdAt=at,
        updatedAt=at,
        version=1,
    )


def add_new_shipment(
    tx: TransactWrite,
    *,
    shipment_id: str,
    order_id: str,
    customer_id: str,
    kind: str,
    carrier: str,
    tracking_number: str,
    at: str,
    case_id: str | None = None,
) -> None:
    """The new shipment as one part of a transaction across tables (orders ship with it)."""
    from aftercare.logistics.rules import EMPTY, due_at

    shipment = _new_model(
        shipment_id=shipment_id, order_id=order_id, customer_id=customer_id, kind=kind, carrier=carrier,
        tracking_number=tracking_number, at=at, case_id=case_id,
        due_at=due_at(at, EMPTY, delay_recorded=False),
    )  # fmt: skip
    tx.save(shipment, condition=ShipmentModel.shipmentId.does_not_exist())


def create(
    *,
    shipment_id: str,
    order_id: str,
    customer_id: str,
    kind: str,
    carrier: str,
    tracking_number: str,
    at: str,
    case_id: str | None,
    due_at: str | None,
) -> None:
    shipment = _new_model(
        shipment_id=shipment_id, order_id=order_id, customer_id=customer_id, kind=kind, carrier=carrier,
        tracking_number=tracking_number, at=at, case_id=case_id, due_at=due_at,
    )  # fmt: skip
    with conflicts_as_409("a shipment with this id already exists"):
        shipment.save(condition=ShipmentModel.shipmentId.does_not_exist())


# ---------------------------------------------------------------- reading


@dataclass
class Shipment:
    """A shipment as read: identity, its events, derived fields and problems."""

    shipment_id: str
    order_id: str
    customer_id: str
    kind: str
    case_id: str | None
    carrier: str
    tracking_number: str
    created_at: str
    updated_at: str
    version: int
    events: dict[str, CourierEvent]
    summary: Summary
    problems: dict[str, dict[str, Any]]
    due_at: str | None
    order_delivered: bool = False
    unknown: dict[str, Any] = field(default_factory=dict)  # attributes this module does not name, as read

    @property
    def tracking_key(self) -> str:
        return tracking_key(self.carrier, self.tracking_number)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | set | tuple):
        return [_plain(item) for item in value]
    return value


def _deserialize(item: dict[str, Any]) -> dict[str, Any]:
    from boto3.dynamodb.types import TypeDeserializer

    reader = TypeDeserializer()
    return {key: _plain(reader.deserialize(value)) for key, value in item.items()}


def _event(event_id: str, entry: dict[str, Any], carrier: str, tracking_number: str) -> CourierEvent:
    sub = entry.get("subStatus")
    return CourierEvent(
        event_id=event_id,
        carrier=carrier,
        tracking_number=tracking_number,
        status=TrackingStatus(entry["status"]),
        sub_status=SubStatus(sub) if sub else None,
        occurred_at=entry["occurredAt"],
        location=entry.get("location"),
        description=entry.get("description"),
        estimated_delivery=entry.get("estimatedDelivery"),
        code=entry.get("code"),
    )


def entry_of(event: CourierEvent) -> dict[str, Any]:
    entry: dict[str, Any] = {"status": event.status.value, "occurredAt": event.occurred_at}
    optional = {
        "subStatus": event.sub_status.value if event.sub_status else None,
        "location": event.location,
        "description": event.description,
        "estimatedDelivery": event.estimated_delivery,
        "code": event.code,
    }
    entry.update({key: value for key, value in optional.items() if value is not None})
    return entry


_NAMED = frozenset(
    {"shipmentId", "orderId", "customerId", "kind", "caseId", "carrier", "trackingNumber", "trackingKey",
     "status", "subStatus", "statusAt", "statusEventId", "lastEventAt", "estimatedDelivery", "history",
     "problems", "orderDelivered", "watch", "dueAt", "createdAt", "updatedAt", "version"}
)  # fmt: skip
# Attributes no longer written: dropped from the item on its next write. (`pendingEffects` was
# the outbox of effects owed to other domains, before they heard of changes through events.)
_RETIRED = frozenset({"pendingEffects"})


def shipment_of(raw: dict[str, Any]) -> Shipment:
    item = _deserialize(raw)
    carrier, number = item["carrier"], item["trackingNumber"]
    history = item.get("history")
    events = {
        eid: _event(eid, json.loads(entry) if isinstance(entry, str) else entry, carrier, number)
        for eid, entry in (history or {}).items()
    }
    sub = item.get("subStatus")
    return Shipment(
        shipment_id=item["shipmentId"],
        order_id=item["orderId"],
        customer_id=item["customerId"],
        kind=item["kind"],
        case_id=item.get("caseId"),
        carrier=carrier,
        tracking_number=number,
        created_at=item["createdAt"],
        updated_at=item["updatedAt"],
        version=int(item.get("version", 0)),
        events=events,
        summary=Summary(
            status=TrackingStatus(item["status"]),
            sub_status=SubStatus(sub) if sub else None,
            status_at=item.get("statusAt"),
            status_event_id=item.get("statusEventId"),
            last_event_at=item.get("lastEventAt"),
            estimated_delivery=item.get("estimatedDelivery"),
            attempt_failures=sum(1 for e in events.values() if e.status is TrackingStatus.ATTEMPT_FAIL),
        ),
        problems=dict(item.get("problems") or {}),
        due_at=item.get("dueAt"),
        order_delivered=bool(item.get("orderDelivered")),
        unknown={key: value for key, value in raw.items() if key not in _NAMED | _RETIRED},
    )


def _table() -> str:
    return str(ShipmentModel.Meta.table_name)


def get(shipment_id: str) -> Shipment | None:
    reply = client("dynamodb").get_item(
        TableName=_table(), Key={"shipmentId": {"S": shipment_id}}, ConsistentRead=True
    )
    return shipment_of(reply["Item"]) if "Item" in reply else None


def find_by_tracking(key: str) -> Shipment | None:
    """The shipment a carrier's tracking number belongs to (the newest, should a carrier ever
    reuse a number). The index is eventually consistent: writes check the version anyway."""
    reply = client("dynamodb").query(
        TableName=_table(),
        IndexName="byTracking",
        KeyConditionExpression="trackingKey = :k",
        ExpressionAttributeValues={":k": {"S": key}},
    )
    items = reply.get("Items") or []
    if not items:
        return None
    return shipment_of(max(items, key=lambda item: item["shipmentId"]["S"]))


def list_for_order(order_id: str) -> list[Shipment]:
    rows: list[Shipment] = []
    request: dict[str, Any] = {
        "TableName": _table(),
        "IndexName": "byOrder",
        "KeyConditionExpression": "orderId = :o",
        "ExpressionAttributeValues": {":o": {"S": order_id}},
    }
    while True:
        reply = client("dynamodb").query(**request)
        rows.extend(shipment_of(item) for item in reply.get("Items") or [])
        if not reply.get("LastEvaluatedKey"):
            return rows
        request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


def due_for_check(now: str) -> Iterator[str]:
    """Ids of shipments whose `dueAt` has passed, from every shard of the sparse index."""
    for shard in range(WATCH_SHARDS):
        request: dict[str, Any] = {
            "TableName": _table(),
            "IndexName": "byWatch",
            "KeyConditionExpression": "watch = :w AND dueAt <= :now",
            "ExpressionAttributeValues": {":w": {"S": f"OPEN#{shard}"}, ":now": {"S": now}},
        }
        while True:
            reply = client("dynamodb").query(**request)
            for item in reply.get("Items") or []:
                yield item["shipmentId"]["S"]
            if not reply.get("LastEvaluatedKey"):
                break
            request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]


# ---------------------------------------------------------------- writing


def _typed(value: Any) -> dict[str, Any]:
    """DynamoDB's typed JSON for the plain values a shipment holds (str, int, bool, dict, list)."""
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, int | float | Decimal):
        return {"N": str(value)}
    if isinstance(value, dict):
        return {"M": {key: _typed(item) for key, item in value.items() if item is not None}}
    if isinstance(value, list | tuple):
        return {"L": [_typed(item) for item in value]}
    raise TypeError(f"cannot store {type(value).__name__}")


def _compact(entry: dict[str, Any]) -> str:
    return json.dumps(entry, separators=(",", ":"), ensure_ascii=False)


def _item(shipment: Shipment) -> dict[str, Any]:
    summary = shipment.summary
    plain: dict[str, Any] = {
        "shipmentId": shipment.shipment_id,
        "orderId": shipment.order_id,
        "customerId": shipment.customer_id,
        "kind": shipment.kind,
        "caseId": shipment.case_id,
        "carrier": shipment.carrier,
        "trackingNumber": shipment.tracking_number,
        "trackingKey": shipment.tracking_key,
        "status": summary.status.value,
        "subStatus": summary.sub_status.value if summary.sub_status else None,
        "statusAt": summary.status_at,
        "statusEventId": summary.status_event_id,
        "lastEventAt": summary.last_event_at,
        "estimatedDelivery": summary.estimated_delivery,
        # each entry one compact JSON string: the item stays small and cheap to write
        "history": {event_id: _compact(entry_of(event)) for event_id, event in shipment.events.items()},
        "problems": shipment.problems or None,
        "orderDelivered": True if shipment.order_delivered else None,
        "watch": watch_key(shipment.shipment_id) if shipment.due_at else None,
        "dueAt": shipment.due_at,
        "createdAt": shipment.created_at,
        "updatedAt": shipment.updated_at,
        "version": shipment.version,
    }
    item = {key: _typed(value) for key, value in plain.items() if value is not None}
    item.update(shipment.unknown)
    return item


def _version_condition(version: int) -> dict[str, Any]:
    if version:
        return {
            "ConditionExpression": "#v = :v",
            "ExpressionAttributeNames": {"#v": "version"},
            "ExpressionAttributeValues": {":v": {"N": str(version)}},
        }
    # written before versions existed
    return {
        "ConditionExpression": "attribute_exists(shipmentId) AND attribute_not_exists(#v)",
        "ExpressionAttributeNames": {"#v": "version"},
    }


def _put_if_at(shipment: Shipment, version: int, unchanged: Sequence[Shipment] = ()) -> bool:
    """Write the whole item if it is still at `version` (and each of `unchanged` still at the
    version read); False if any of them moved on meanwhile."""
    if not unchanged:
        try:
            client("dynamodb").put_item(
                TableName=_table(), Item=_item(shipment), **_version_condition(version)
            )
        except ClientError as error:
            if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
                return False
            raise
        return True
    checks = [
        {
            "ConditionCheck": {
                "TableName": _table(),
                "Key": {"shipmentId": {"S": other.shipment_id}},
                **_version_condition(other.version),
            }
        }
        for other in unchanged
    ]
    try:
        client("dynamodb").transact_write_items(
            TransactItems=[
                {"Put": {"TableName": _table(), "Item": _item(shipment), **_version_condition(version)}},
                *checks,
            ]
        )
    except ClientError as error:
        if error.response["Error"]["Code"] in (
            "TransactionCanceledException",
            "TransactionConflictException",
        ):
            return False
        raise
    return True


def apply(
    shipment: Shipment,
    *,
    new_events: list[CourierEvent],
    summary: Summary,
    due_at: str | None,
    new_problems: dict[str, dict[str, Any]],
    at: str,
    order_delivered: bool = False,
    unchanged: Sequence[Shipment] = (),
) -> bool:
    """New events, derived fields and problems in one conditional write, if the shipment is
    still at the version read (updated in place) and so is each of `unchanged` (the order's
    other parcels its `order_delivered` was decided on). False if anything changed
    meanwhile: reload it and derive again."""
    after = replace(
        shipment,
        events={**shipment.events, **{event.event_id: event for event in new_events}},
        summary=summary,
        problems={**shipment.problems, **new_problems},
        due_at=due_at,
        order_delivered=shipment.order_delivered or order_delivered,
        updated_at=at,
        version=shipment.version + 1,
    )
    if not _put_if_at(after, shipment.version, unchanged):
        return False
    shipment.__dict__.update(after.__dict__)
    return True


# ---------------------------------------------------------------- raw payloads


@dataclass(frozen=True)
class RawEvent:
    tracking_key: str
    raw_id: str
    adapter: str
    body: str
    received_at: str
    message_id: str | None = None


def _raw_table() -> str:
    return get_settings().tracking_events_table


def save_raw(events: list[RawEvent], *, attempts: int = 4) -> None:
    """Keep every payload as received; idempotent (a redelivered payload overwrites itself)."""
    expires = int(clock.now().timestamp() + RAW_RETENTION.total_seconds())
    unique = {(event.tracking_key, event.raw_id): event for event in events}
    requests = []
    for event in unique.values():
        item = {
            "trackingKey": {"S": event.tracking_key},
            "rawId": {"S": event.raw_id},
            "adapter": {"S": event.adapter},
            "body": {"S": event.body},
            "receivedAt": {"S": event.received_at},
            "expiresAt": {"N": str(expires)},
        }
        if event.message_id:
            item["messageId"] = {"S": event.message_id}
        requests.append({"PutRequest": {"Item": item}})
    for start in range(0, len(requests), 25):
        pending: dict[str, Any] = {_raw_table(): requests[start : start + 25]}
        for attempt in range(attempts):
            reply = client("dynamodb").batch_write_item(RequestItems=pending)
            pending = reply.get("UnprocessedItems") or {}
            if not pending:
                break
            time.sleep(0.05 * 2**attempt)
        if pending:
            raise RuntimeError("could not store raw tracking events (throttled); the batch will be retried")


def raw_for(key: str) -> list[RawEvent]:
    found: list[RawEvent] = []
    request: dict[str, Any] = {
        "TableName": _raw_table(),
        "KeyConditionExpression": "trackingKey = :k",
        "ExpressionAttributeValues": {":k": {"S": key}},
        "ConsistentRead": True,
    }
    while True:
        reply = client("dynamodb").query(**request)
        for item in reply.get("Items") or []:
            found.append(
                RawEvent(
                    tracking_key=item["trackingKey"]["S"],
                    raw_id=item["rawId"]["S"],
                    adapter=item["adapter"]["S"],
                    body=item["body"]["S"],
                    received_at=item["receivedAt"]["S"],
                    message_id=item.get("messageId", {}).get("S"),
                )
            )
        if not reply.get("LastEvaluatedKey"):
            return found
        request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
