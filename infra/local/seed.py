"""Demo data for the local stack (`--seed`), created through the HTTP API so every record is
one the services made and would accept.

Each domain adds a step to `STEPS`: a function that takes the client and what earlier steps
made (`Seeded`), creates its records over HTTP and records their ids.
"""

from __future__ import annotations

import copy
import logging
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from infra.local.client import LocalClient

log = logging.getLogger("aftercare.local.seed")

CUSTOMERS = {"cus_alice": "Alice Chen", "cus_bob": "Bob Wang", "cus_carol": "Carol Li"}
STAFF = {
    "staff_sam": ("agent",),
    "staff_wu": ("warehouse",),
    "staff_sue": ("supervisor", "agent"),
}
ADDRESS = {
    "recipient": "Alice Chen",
    "phone": "+86 138 0013 8000",
    "line1": "88 Nanjing Road",
    "city": "Shanghai",
    "postalCode": "200001",
    "country": "CN",
}
ITEMS = [
    {"sku": "KTL-1", "name": "Electric kettle", "category": "appliances", "quantity": 1, "unitPrice": 12900},
    {"sku": "MUG-2", "name": "Ceramic mug", "category": "kitchen", "quantity": 2, "unitPrice": 3500},
]


def order_request(recipient: str = "Alice Chen", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "items": copy.deepcopy(ITEMS),
        "currency": "CNY",
        "shippingFee": 1000,
        "discount": 0,
        "shippingAddress": {**ADDRESS, "recipient": recipient},
        "paymentMethod": "ALIPAY",
    }
    body.update(changes)
    return body


@dataclass
class Seeded:
    customers: dict[str, str] = field(default_factory=lambda: dict(CUSTOMERS))
    staff: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(STAFF))
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # label → order
    extra: dict[str, Any] = field(default_factory=dict)  # later domains' records

    def summary(self) -> str:
        lines = ["Seeded demo data (tokens: GET /_local/token?sub=<id>&roles=<role>):"]
        lines.append("  customers  " + ", ".join(self.customers))
        lines.append(
            "  staff      " + ", ".join(f"{sub} ({'/'.join(roles)})" for sub, roles in self.staff.items())
        )
        for label, order in self.orders.items():
            lines.append(
                f"  order      {order['orderId']}  {order['status']:<16} {order['customerId']}  ({label})"
            )
        for name, value in self.extra.items():
            lines.append(f"  {name:<10} {value}")
        return "\n".join(lines)


def _expect(reply: Any, status: int) -> dict[str, Any]:
    if reply.status_code != status:
        raise RuntimeError(f"seed: {reply.request.method} {reply.url} → {reply.status_code}: {reply.text}")
    result: dict[str, Any] = reply.json()
    return result


def pay(client: LocalClient, order: dict[str, Any]) -> dict[str, Any]:
    """Pay as the provider does: a signed `payment.succeeded` callback."""
    event = {
        "eventId": f"evt_seed_{order['orderId']}",
        "type": "payment.succeeded",
        "orderId": order["orderId"],
        "amount": order["total"],
        "currency": order["currency"],
        "transactionId": f"seed-{order['orderId']}",
        "method": "ALIPAY",
        "occurredAt": client.now(),
    }
    _expect(client.webhook("/v1/payments/events", event), 200)
    settle(client)  # the webhook publishes PaymentCaptured; orders record it from their queue
    return _expect(client.get(f"/v1/orders/{order['orderId']}", as_=(order["customerId"], "customer")), 200)


def settle(client: LocalClient) -> None:
    """Wait for the stack's queues and streams to drain: the eventual effects have happened."""
    _expect(client.post("/_local/settle"), 200)


def ship(client: LocalClient, order: dict[str, Any]) -> dict[str, Any]:
    body = {"carrier": "sf-express", "trackingNumber": f"SF{order['orderId'][-10:]}"}
    shipped = staff_step(client, order, "ship", body)
    settle(client)  # logistics tracks the parcel from OrderShipped
    return shipped


def staff_step(client: LocalClient, order: dict[str, Any], step: str, body: Any = None) -> dict[str, Any]:
    who = {
        "confirm": ("staff_sam", "agent"),
        "pack": ("staff_wu", "warehouse"),
        "ship": ("staff_wu", "warehouse"),
    }
    return _expect(
        client.post(f"/v1/admin/orders/{order['orderId']}/{step}", as_=who[step], json_body=body), 200
    )


def confirm_receipt(client: LocalClient, order: dict[str, Any]) -> dict[str, Any]:
    path = f"/v1/orders/{order['orderId']}/confirm-receipt"
    return _expect(client.post(path, as_=(order["customerId"], "customer")), 200)


# How an order moves forward, one status at a time, the way the provider, staff and customer move it.
FORWARD: dict[str, Callable[[LocalClient, dict[str, Any]], dict[str, Any]]] = {
    "PENDING_PAYMENT": pay,
    "PAID": lambda client, order: staff_step(client, order, "confirm"),
    "CONFIRMED": lambda client, order: staff_step(client, order, "pack"),
    "PACKED": ship,
    "SHIPPED": confirm_receipt,
}


def order_in(client: LocalClient, customer: str, status: str) -> dict[str, Any]:
    """Place an order for `customer` and take it to `status` through the API."""
    body = order_request(CUSTOMERS[customer])
    order = _expect(client.post("/v1/orders", as_=(customer, "customer"), json_body=body), 201)
    while order["status"] != status:
        order = FORWARD[order["status"]](client, order)
    return order


def orders_in_every_state(client: LocalClient, seeded: Seeded) -> None:
    for customer, status in [
        ("cus_alice", "PENDING_PAYMENT"),
        ("cus_alice", "PAID"),
        ("cus_bob", "CONFIRMED"),
        ("cus_bob", "PACKED"),
        ("cus_carol", "SHIPPED"),
        ("cus_alice", "DELIVERED"),
    ]:
        seeded.orders[status.lower()] = order_in(client, customer, status)
    cancelled = order_in(client, "cus_bob", "PENDING_PAYMENT")
    seeded.orders["cancelled"] = _expect(
        client.post(
            f"/v1/orders/{cancelled['orderId']}/cancel",
            as_=("cus_bob", "customer"),
            json_body={"reason": "ordered the wrong colour"},
        ),
        200,
    )


# ---------------------------------------------------------------- the service desk's queues
def photo_png(width: int = 96, height: int = 72, rgb: tuple[int, int, int] = (70, 120, 200)) -> bytes:
    """A small real PNG (a shaded rectangle), so evidence shows as a photo in the console."""
    rows = b"".join(
        b"\x00" + bytes(channel * (x + y) // (width + height) + 40 for x in range(width) for channel in rgb)
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def upload_photo(client: LocalClient, customer: str, image: bytes) -> str:
    """Upload one evidence photo as the app does (presigned PUT); returns its evidence key."""
    upload = _expect(
        client.post(
            "/v1/after-sales/evidence-uploads",
            as_=(customer, "customer"),
            json_body={"contentType": "image/png"},
        ),
        201,
    )
    put = requests.put(upload["uploadUrl"], data=image, headers=upload["headers"], timeout=10)
    if put.status_code != 200:
        raise RuntimeError(f"seed: evidence upload → {put.status_code}: {put.text}")
    return str(upload["evidenceKey"])


def open_case(
    client: LocalClient, order: dict[str, Any], reason: str, note: str, photo: bool = True
) -> dict[str, Any]:
    customer = order["customerId"]
    body = {
        "orderId": order["orderId"],
        "type": "RETURN_REFUND",
        "reason": reason,
        "items": [{"sku": "KTL-1", "quantity": 1}],
        "description": note,
        "evidenceKeys": [upload_photo(client, customer, photo_png())] if photo else [],
    }
    return _expect(client.post("/v1/after-sales", as_=(customer, "customer"), json_body=body), 201)


def service_desk_queues(client: LocalClient, seeded: Seeded) -> None:
    """Work waiting in every queue of the console: tickets for the agents, a case to review,
    a return parcel on its way to the warehouse, a disputed rejection and a refund above the
    approval threshold for the supervisors."""
    shipped = seeded.orders["shipped"]
    cancelled = seeded.orders["cancelled"]["orderId"]
    tickets = [
        (
            "cus_carol",
            "Where is my parcel?",
            "Shipped three days ago and the tracking has not moved.",
            shipped["orderId"],
        ),
        ("cus_bob", "退款什么时候到账", "我取消了订单，退款什么时候能到账？", cancelled),
        (
            "cus_alice",
            "Broken mug, very disappointed",
            "A mug arrived broken. Unacceptable, send a new one.",
            None,
        ),
    ]
    for customer, subject, message, order_id in tickets:
        body = {"channel": "app", "subject": subject, "message": message, "orderId": order_id}
        _expect(client.post("/v1/tickets", as_=(customer, "customer"), json_body=body), 201)
    agent = ("staff_sam", "agent")

    review = open_case(
        client, order_in(client, "cus_alice", "DELIVERED"), "QUALITY_ISSUE", "The lid does not close."
    )
    returning = open_case(
        client, order_in(client, "cus_bob", "DELIVERED"), "NO_REASON", "Changed my mind.", False
    )
    _expect(client.post(f"/v1/admin/after-sales/{returning['caseId']}/approve", as_=agent), 200)
    parcel = {"carrier": "sf-express", "trackingNumber": f"SFR{returning['caseId'][-10:]}"}
    path = f"/v1/after-sales/{returning['caseId']}/return-shipment"
    _expect(client.post(path, as_=("cus_bob", "customer"), json_body=parcel), 200)
    disputed = open_case(
        client, order_in(client, "cus_carol", "DELIVERED"), "NOT_AS_DESCRIBED", "The colour is wrong."
    )
    reject = {"reason": "the photos show the colour that was ordered"}
    _expect(
        client.post(f"/v1/admin/after-sales/{disputed['caseId']}/reject", as_=agent, json_body=reject), 200
    )
    appeal = {"reason": "the listing said dark blue, this is black"}
    path = f"/v1/after-sales/{disputed['caseId']}/appeal"
    _expect(client.post(path, as_=("cus_carol", "customer"), json_body=appeal), 200)

    # A paid order above the refund approval threshold, cancelled: its refund waits for a supervisor.
    television = {**ITEMS[0], "sku": "TV-65", "name": "65-inch TV", "unitPrice": 649900}
    big = order_request(CUSTOMERS["cus_alice"], items=[television])
    order = _expect(client.post("/v1/orders", as_=("cus_alice", "customer"), json_body=big), 201)
    order = pay(client, order)
    path = f"/v1/orders/{order['orderId']}/cancel"
    _expect(client.post(path, as_=("cus_alice", "customer"), json_body={"reason": "found it cheaper"}), 200)
    seeded.extra["cases"] = f"{review['caseId']} (to review), {returning['caseId']} (return on its way), " + (
        f"{disputed['caseId']} (disputed)"
    )
    seeded.extra["refund"] = f"order {order['orderId']}: a 6,499 CNY refund awaiting approval"


# Later issues append their steps (shipments with courier events, after-sales cases, tickets ...).
STEPS: list[Callable[[LocalClient, Seeded], None]] = [orders_in_every_state, service_desk_queues]


def seed(base_url: str, *, webhook_secret: str) -> str:
    client = LocalClient(base_url, webhook_secret)
    seeded = Seeded()
    for step in STEPS:
        step(client, seeded)
    return seeded.summary()
