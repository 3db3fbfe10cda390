"""A paid order that is cancelled gets its full refund started from the table's stream."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from aftercare.refunds import store
from tests.support.api import Api, customer
from tests.support.orders import ORDER_TOTAL, Orders

SAMPLE = Path(__file__).resolve().parents[3] / "events" / "order_events" / "OrderChanges.json"


def stream_event(order: dict[str, Any]) -> dict[str, Any]:
    event = json.loads(SAMPLE.read_text())
    record = event["Records"][0]
    image = record["dynamodb"]["NewImage"]
    image["orderId"]["S"] = order["orderId"]
    image["customerId"]["S"] = order["customerId"]
    image["status"]["S"] = order["status"]
    image["refundOwed"]["N"] = str(order["refundOwed"])
    record["dynamodb"]["Keys"]["orderId"]["S"] = order["orderId"]
    return event


def test_a_cancelled_paid_order_starts_one_full_refund(api: Api, orders: Orders, started: list[str]) -> None:
    order = orders.to("CONFIRMED")
    cancelled = api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=customer()).json
    event = stream_event(cancelled)
    assert api.host.invoke("OrderEventsFunction", event) == {"batchItemFailures": []}
    api.host.invoke("OrderEventsFunction", copy.deepcopy(event))  # the stream redelivers
    refunds = store.list_for_order(order["orderId"])
    assert [(r.source, r.sourceId, r.items) for r in refunds] == [("order", order["orderId"], None)]
    assert started == [refunds[0].refundId, refunds[0].refundId]
    assert cancelled["refundOwed"] == ORDER_TOTAL


def test_an_unpaid_cancellation_starts_nothing(api: Api, orders: Orders, started: list[str]) -> None:
    order = orders.place()
    cancelled = api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=customer()).json
    api.host.invoke("OrderEventsFunction", stream_event(cancelled))
    assert store.list_for_order(order["orderId"]) == []
    assert started == []
