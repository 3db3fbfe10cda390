"""`python -m infra.local.demo`: a scripted customer journey against the running local stack
(`make dev` first), printing each step.

Each step is a function `(demo) -> str` that does one thing over HTTP and returns a line to
print; `Demo.state` carries what earlier steps made (the order, its shipment ...). Later
issues add their steps to `STEPS` (courier events, after-sales, refund, ticket, survey).
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from infra.local.client import LocalClient
from infra.local.seed import order_request
from infra.local.stack import DEFAULT_WEBHOOK_SECRET

CUSTOMER = ("cus_demo", "customer")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")


@dataclass
class Demo:
    client: LocalClient
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def order_id(self) -> str:
        return str(self.state["order"]["orderId"])

    def expect(self, reply: requests.Response, status: int) -> dict[str, Any]:
        if reply.status_code != status:
            raise DemoFailed(f"{reply.request.method} {reply.url} → {reply.status_code} {reply.text}")
        body: dict[str, Any] = reply.json()
        return body


class DemoFailed(RuntimeError):
    pass


def place_order(demo: Demo) -> str:
    reply = demo.client.post(
        "/v1/orders",
        as_=CUSTOMER,
        json_body=order_request("Demo Customer"),
        headers={"idempotency-key": f"demo-{uuid.uuid4()}"},
    )
    demo.state["order"] = demo.expect(reply, 201)
    order = demo.state["order"]
    return f"{CUSTOMER[0]} placed {order['orderId']}: {order['total']} {order['currency']}, {order['status']}"


def pay_by_webhook(demo: Demo) -> str:
    order = demo.state["order"]
    event = {
        "eventId": f"evt_demo_{uuid.uuid4().hex}",
        "type": "payment.succeeded",
        "orderId": order["orderId"],
        "amount": order["total"],
        "currency": order["currency"],
        "transactionId": f"demo-{uuid.uuid4().hex[:12]}",
        "method": "ALIPAY",
        "occurredAt": demo.client.now(),
    }
    outcome = demo.expect(demo.client.webhook("/v1/payments/events", event), 200)
    return f"payment provider called POST /v1/payments/events (signed): {outcome['outcome']}"


def staff_fulfil(
    step: str, who: tuple[str, str], body: dict[str, Any] | None = None
) -> Callable[[Demo], str]:
    def run(demo: Demo) -> str:
        path = f"/v1/admin/orders/{demo.order_id}/{step}"
        demo.state["order"] = demo.expect(demo.client.post(path, as_=who, json_body=body), 200)
        return f"{who[0]} ({who[1]}) {step}: order is {demo.state['order']['status']}"

    run.__name__ = f"staff_{step}"
    return run


def read_back(demo: Demo) -> str:
    order = demo.expect(demo.client.get(f"/v1/orders/{demo.order_id}", as_=CUSTOMER), 200)
    timeline = " → ".join(entry["to"] for entry in order["timeline"])
    return f"{CUSTOMER[0]} reads the order: {order['status']}; timeline {timeline}"


# The journey, in order. Later issues insert their steps where they belong in the story.
STEPS: list[Callable[[Demo], str]] = [
    place_order,
    pay_by_webhook,
    staff_fulfil("confirm", AGENT),
    staff_fulfil("pack", WAREHOUSE),
    staff_fulfil("ship", WAREHOUSE, {"carrier": "sf-express", "trackingNumber": "SF9000000001"}),
    read_back,
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.local.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=f"http://127.0.0.1:{os.environ.get('PORT', '3000')}")
    parser.add_argument(
        "--webhook-secret", default=os.environ.get("AFTERCARE_WEBHOOK_SECRET", DEFAULT_WEBHOOK_SECRET)
    )
    args = parser.parse_args(argv)
    demo = Demo(LocalClient(args.base_url, args.webhook_secret))
    try:
        demo.client.get("/_local/health").raise_for_status()
    except requests.RequestException:
        print(f"No local stack at {args.base_url}: start it with `make dev` first.", file=sys.stderr)
        return 2
    for number, step in enumerate(STEPS, start=1):
        try:
            line = step(demo)
        except DemoFailed as failure:
            print(f"{number:>2}. {step.__name__}: FAILED — {failure}")
            return 1
        print(f"{number:>2}. {line}")
    print("Journey complete.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
