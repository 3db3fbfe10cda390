"""The samples in events/ are real requests: replayed in order, they run an order's life."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from aftercare import clock
from aftercare.webhooks import sign
from infra.local.http_events import parse_http_response
from tests.support.api import Api
from tests.support.bus import EventFlow
from tests.support.environment import WEBHOOK_SECRET

EVENTS = Path(__file__).resolve().parents[3] / "events"
SAMPLE_ORDER = "ord_01JD6Z3Q00SAMPLE0000000000"


def sample(function: str, name: str) -> dict[str, Any]:
    return dict(json.loads((EVENTS / function / f"{name}.json").read_text()))


def with_order(event: dict[str, Any], order_id: str) -> dict[str, Any]:
    event = copy.deepcopy(event)
    event["rawPath"] = event["rawPath"].replace(SAMPLE_ORDER, order_id)
    event["requestContext"]["http"]["path"] = event["rawPath"]
    if "pathParameters" in event:
        event["pathParameters"]["orderId"] = order_id
    if event.get("body"):
        event["body"] = event["body"].replace(SAMPLE_ORDER, order_id)
    return event


def invoke(api: Api, function: str, event: dict[str, Any]) -> tuple[int, Any]:
    status, _, _, body = parse_http_response(api.host.invoke(function, event))
    return status, json.loads(body)


def resign(event: dict[str, Any]) -> dict[str, Any]:
    timestamp = int(clock.now().timestamp())
    event["headers"]["x-aftercare-timestamp"] = str(timestamp)
    event["headers"]["x-aftercare-signature"] = sign(WEBHOOK_SECRET, timestamp, event["body"].encode())
    return event


def test_the_orders_samples_replay_an_order_from_placement_to_delivery(api: Api, fixed_clock: object) -> None:
    status, order = invoke(api, "OrdersApiFunction", sample("orders_api", "PlaceOrder"))
    assert status == 201
    order_id = order["orderId"]
    steps = [
        ("GetOrder", 200, "PENDING_PAYMENT"),
        ("RecordPayment", 200, "PAID"),
        ("ConfirmOrder", 200, "CONFIRMED"),
        ("RaiseException", 200, "CONFIRMED"),
        ("ResolveException", 200, "CONFIRMED"),
        ("PackOrder", 200, "PACKED"),
        ("ShipOrder", 200, "SHIPPED"),
        ("ConfirmReceipt", 200, "DELIVERED"),
    ]
    for name, expected_status, expected_order_status in steps:
        status, body = invoke(api, "OrdersApiFunction", with_order(sample("orders_api", name), order_id))
        assert (name, status) == (name, expected_status), body
        assert body["status"] == expected_order_status
    status, page = invoke(api, "OrdersApiFunction", sample("orders_api", "ListOrders"))
    assert status == 200
    assert page["items"] == []  # the sample lists PAID orders; this one is delivered now


def test_the_address_and_cancel_samples_apply_to_an_unshipped_order(api: Api, fixed_clock: object) -> None:
    _, order = invoke(api, "OrdersApiFunction", sample("orders_api", "PlaceOrder"))
    for name, check in [
        ("ChangeAddress", lambda body: body["shippingAddress"]["line1"] == "1 Century Avenue"),
        ("CancelOrder", lambda body: body["status"] == "CANCELLED"),
    ]:
        status, body = invoke(
            api, "OrdersApiFunction", with_order(sample("orders_api", name), order["orderId"])
        )
        assert status == 200
        assert check(body), body


def test_the_payment_sample_pays_an_order(api: Api, flow: EventFlow, fixed_clock: object) -> None:
    _, order = invoke(api, "OrdersApiFunction", sample("orders_api", "PlaceOrder"))
    event = resign(with_order(sample("payments_webhook", "PaymentEvents"), order["orderId"]))
    status, body = invoke(api, "PaymentsWebhookFunction", event)
    assert (status, body["outcome"]) == (200, "accepted")
    flow.run()  # orders record the PaymentCaptured it published
    from aftercare.orders import store

    paid = store.get(order["orderId"], consistent=True)
    assert paid is not None and paid.status == "PAID"


def test_a_stale_sample_signature_is_refused(api: Api, fixed_clock: object) -> None:
    status, _ = invoke(api, "PaymentsWebhookFunction", sample("payments_webhook", "PaymentEvents"))
    assert status == 401
