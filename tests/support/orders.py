"""Orders for tests: a valid order body, and a driver that walks an order through its life."""

from __future__ import annotations

import copy
import json
from typing import Any

from aftercare import clock
from aftercare.webhooks import sign
from tests.support.api import Api, Reply, customer, staff
from tests.support.bus import EventFlow
from tests.support.environment import WEBHOOK_SECRET

ADDRESS = {
    "recipient": "Li Lei",
    "phone": "+86 138 0013 8000",
    "line1": "88 Nanjing Road",
    "city": "Shanghai",
    "postalCode": "200001",
    "country": "CN",
}
ORDER = {
    "items": [
        {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900},
        {"sku": "MUG-2", "name": "Mug", "category": "kitchen", "quantity": 1, "unitPrice": 3500},
    ],
    "currency": "CNY",
    "shippingFee": 1000,
    "discount": 500,
    "shippingAddress": ADDRESS,
    "paymentMethod": "ALIPAY",
}
ORDER_TOTAL = 2 * 12900 + 3500 + 1000 - 500


def order_body(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(ORDER)
    body.update(changes)
    return body


class Orders:
    """Drives an order through its life via the API, the way the apps and staff do.

    Given the test's event flow, a payment is followed by its reactions (refunds opening the
    order's ledger from OrderPaid), as they follow within a moment when deployed: an order
    driven past PAID can be refunded. Tests of the moment before use `flow` themselves."""

    def __init__(self, api: Api, flow: EventFlow | None = None) -> None:
        self.api = api
        self.flow = flow

    def place(self, owner: str = "cus_alice", **changes: Any) -> dict[str, Any]:
        reply = self.api.call("POST", "/v1/orders", claims=customer(owner), json_body=order_body(**changes))
        assert reply.status == 201, reply.body
        return reply.json

    def pay(self, order_id: str, amount: int = ORDER_TOTAL, transaction: str = "txn-1") -> Reply:
        reply = self.api.call(
            "POST",
            f"/v1/admin/orders/{order_id}/payment",
            claims=staff("agent"),
            json_body={"amount": amount, "method": "BANK_TRANSFER", "transactionId": transaction},
        )
        if self.flow is not None and reply.status == 200:
            self.flow.run()
        return reply

    def step(self, order_id: str, step: str, role: str, body: Any = None) -> Reply:
        return self.api.call(
            "POST", f"/v1/admin/orders/{order_id}/{step}", claims=staff(role), json_body=body
        )

    def to(self, status: str, owner: str = "cus_alice") -> dict[str, Any]:
        order = self.place(owner)
        order_id = order["orderId"]
        path = [
            ("PAID", lambda: self.pay(order_id)),
            ("CONFIRMED", lambda: self.step(order_id, "confirm", "agent")),
            ("PACKED", lambda: self.step(order_id, "pack", "warehouse")),
            (
                "SHIPPED",
                lambda: self.step(
                    order_id, "ship", "warehouse", {"carrier": "sf-express", "trackingNumber": "SF100200300"}
                ),
            ),
            (
                "DELIVERED",
                lambda: self.api.call(
                    "POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer(owner)
                ),
            ),
        ]
        for reached, move in path:
            if order["status"] == status:
                break
            reply = move()
            assert reply.status == 200, reply.body
            order = reply.json
            assert order["status"] == reached
            if reached == "SHIPPED" and self.flow is not None:
                self.flow.run()  # logistics tracks the parcels from OrderShipped
        assert order["status"] == status
        return order

    def get(self, order_id: str, owner: str = "cus_alice") -> dict[str, Any]:
        reply = self.api.call("GET", f"/v1/orders/{order_id}", claims=customer(owner))
        assert reply.status == 200, reply.body
        return reply.json


def signed_payment(
    event: dict[str, Any], *, secret: str = WEBHOOK_SECRET, at: int | None = None
) -> dict[str, Any]:
    body = json.dumps(event).encode()
    timestamp = at if at is not None else int(clock.now().timestamp())
    return {
        "body": body,
        "headers": {
            "content-type": "application/json",
            "x-aftercare-timestamp": str(timestamp),
            "x-aftercare-signature": sign(secret, timestamp, body),
        },
    }
