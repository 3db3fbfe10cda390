"""`python -m infra.local.demo`: the whole service journey against the running local stack
(`make dev` first), printing each step and exiting non-zero at the first that misbehaves.

An order is placed, paid by the provider's signed webhook, fulfilled and delivered by a
signed courier event; the customer tracks it, returns one unit (approved, sent back,
received, inspected) and the refund workflow pays it; a question is answered with a reply
template; the satisfaction survey is answered from its signed link; a supervisor reads
the KPIs. Each step is a function `(demo) -> str` that does one thing over HTTP and
returns a line to print; `Demo.state` carries what earlier steps made.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from aftercare.clock import parse_iso
from infra.local.client import LocalClient
from infra.local.seed import order_request
from infra.local.stack import DEFAULT_WEBHOOK_SECRET

CUSTOMER = (f"cus_demo_{uuid.uuid4().hex[:6]}", "customer")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")
SUPERVISOR = ("sup_zhao", "supervisor")
CARRIER = "sf-express"
SHIPMENT_TRACKING = f"SF{uuid.uuid4().hex[:10].upper()}"
WAIT_SECONDS = 60.0


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

    def until(
        self, what: str, read: Callable[[], dict[str, Any]], done: Callable[[dict[str, Any]], bool]
    ) -> Any:
        """Poll `read` until `done` (an effect that happens from a queue or a workflow)."""
        deadline = time.monotonic() + WAIT_SECONDS
        seen = read()
        while not done(seen):
            if time.monotonic() > deadline:
                raise DemoFailed(f"{what} did not happen within {WAIT_SECONDS:.0f} s: {seen}")
            time.sleep(0.5)
            seen = read()
        return seen

    def order(self) -> dict[str, Any]:
        return self.expect(self.client.get(f"/v1/orders/{self.order_id}", as_=CUSTOMER), 200)

    def case(self) -> dict[str, Any]:
        return self.expect(
            self.client.get(f"/v1/after-sales/{self.state['case']['caseId']}", as_=CUSTOMER), 200
        )

    def courier(self, tracking: str, status: str) -> None:
        event = {
            "eventId": f"evt_demo_{uuid.uuid4().hex}",
            "carrier": CARRIER,
            "trackingNumber": tracking,
            "status": status,
            "occurredAt": self.client.now(),
            "location": "Shanghai hub",
        }
        self.expect(self.client.webhook(f"/v1/logistics/events/{CARRIER}", event), 202)


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
    demo.expect(demo.client.post("/_local/settle"), 200)  # orders record the PaymentCaptured it published
    return f"payment provider called POST /v1/payments/events (signed): {outcome['outcome']}"


def staff_fulfil(
    step: str, who: tuple[str, str], body: dict[str, Any] | None = None
) -> Callable[[Demo], str]:
    def run(demo: Demo) -> str:
        path = f"/v1/admin/orders/{demo.order_id}/{step}"
        demo.state["order"] = demo.expect(demo.client.post(path, as_=who, json_body=body), 200)
        demo.expect(demo.client.post("/_local/settle"), 200)  # shipped: logistics tracks the parcel
        return f"{who[0]} ({who[1]}) {step}: order is {demo.state['order']['status']}"

    run.__name__ = f"staff_{step}"
    return run


def read_back(demo: Demo) -> str:
    order = demo.expect(demo.client.get(f"/v1/orders/{demo.order_id}", as_=CUSTOMER), 200)
    timeline = " → ".join(entry["to"] for entry in order["timeline"])
    return f"{CUSTOMER[0]} reads the order: {order['status']}; timeline {timeline}"


def deliver_by_courier(demo: Demo) -> str:
    tracking = SHIPMENT_TRACKING
    demo.courier(tracking, "IN_TRANSIT")
    demo.courier(tracking, "DELIVERED")
    order = demo.until("delivery", demo.order, lambda order: order["status"] == "DELIVERED")
    return f"{CARRIER} posted signed events IN_TRANSIT, DELIVERED: order is {order['status']}"


def track(demo: Demo) -> str:
    tracking = demo.expect(demo.client.get(f"/v1/orders/{demo.order_id}/tracking", as_=CUSTOMER), 200)
    shipment = tracking["shipments"][0]
    if shipment["status"] != "DELIVERED":
        raise DemoFailed(f"tracking shows {shipment['status']}")
    history = " → ".join(entry["status"] for entry in reversed(shipment["history"]))
    return f"{CUSTOMER[0]} tracks {shipment['trackingNumber']}: {history}"


def open_return(demo: Demo) -> str:
    sku = demo.state["order"]["items"][0]["sku"]
    body = {
        "orderId": demo.order_id,
        "type": "RETURN_REFUND",
        "reason": "QUALITY_ISSUE",
        "items": [{"sku": sku, "quantity": 1}],
        "description": "the lid does not close",
    }
    upload = demo.expect(
        demo.client.post(
            "/v1/after-sales/evidence-uploads", as_=CUSTOMER, json_body={"contentType": "image/jpeg"}
        ),
        201,
    )
    put = requests.put(
        upload["uploadUrl"], data=b"\xff\xd8\xff demo photo", headers=upload.get("headers"), timeout=10
    )
    if put.status_code != 200:
        raise DemoFailed(f"evidence upload → {put.status_code} {put.text}")
    body["evidenceKeys"] = [upload["evidenceKey"]]
    demo.state["case"] = demo.expect(demo.client.post("/v1/after-sales", as_=CUSTOMER, json_body=body), 201)
    return f"{CUSTOMER[0]} opened return {demo.state['case']['caseId']} for 1 × {sku}, with a photo"


def approve_return(demo: Demo) -> str:
    case_id = demo.state["case"]["caseId"]
    case = demo.expect(demo.client.post(f"/v1/admin/after-sales/{case_id}/approve", as_=AGENT), 200)
    return f"{AGENT[0]} approved the return: case is {case['status']}"


def send_return_parcel(demo: Demo) -> str:
    case_id = demo.state["case"]["caseId"]
    tracking = f"SFR{uuid.uuid4().hex[:10].upper()}"
    demo.expect(
        demo.client.post(
            f"/v1/after-sales/{case_id}/return-shipment",
            as_=CUSTOMER,
            json_body={"carrier": CARRIER, "trackingNumber": tracking},
        ),
        200,
    )
    demo.courier(tracking, "IN_TRANSIT")
    demo.courier(tracking, "DELIVERED")
    case = demo.until("the return's arrival", demo.case, lambda case: case["status"] == "RECEIVED")
    return f"return parcel {tracking} delivered to the warehouse by courier events: case is {case['status']}"


def inspect_return(demo: Demo) -> str:
    case_id = demo.state["case"]["caseId"]
    body = {"result": "PASS", "notes": "lid hinge broken"}
    case = demo.expect(
        demo.client.post(f"/v1/admin/after-sales/{case_id}/inspect", as_=WAREHOUSE, json_body=body), 200
    )
    return f"{WAREHOUSE[0]} inspected: PASS, case is {case['status']}"


def refund_paid(demo: Demo) -> str:
    case = demo.until(
        "the refund", demo.case, lambda case: case["status"] == "REFUNDED" and bool(case.get("refundId"))
    )
    refund = demo.expect(demo.client.get(f"/v1/refunds/{case['refundId']}", as_=CUSTOMER), 200)
    if refund["status"] != "SUCCEEDED":
        raise DemoFailed(f"refund is {refund['status']}")
    steps = " → ".join(step["step"] for step in refund["steps"])
    return f"refund workflow paid {refund['amount']} {refund['currency']}: {steps}"


def ticket_answered(demo: Demo) -> str:
    body = {"channel": "app", "subject": "发票", "message": "请问怎么开发票？订单 " + demo.order_id}
    ticket = demo.expect(demo.client.post("/v1/tickets", as_=CUSTOMER, json_body=body), 201)
    agent = (ticket.get("assignee") or "agent_li", "agent")
    templates = demo.expect(demo.client.get("/v1/admin/reply-templates", as_=agent), 200)["items"]
    template = next((t for t in templates if t["language"] == "zh"), templates[0])
    variables = {
        name: "李先生" if "name" in name.lower() else demo.order_id for name in template["placeholders"]
    }
    reply = demo.client.post(
        f"/v1/admin/tickets/{ticket['ticketId']}/reply",
        as_=agent,
        json_body={"templateId": template["templateId"], "variables": variables},
    )
    demo.expect(reply, 200)
    return (
        f"ticket {ticket['ticketId']} ({ticket['category']}, {ticket['priority']}) answered by {agent[0]} "
        f"with template {template['templateId']}"
    )


def survey_answered(demo: Demo) -> str:
    mine = lambda: demo.expect(demo.client.get("/v1/surveys", as_=CUSTOMER), 200)  # noqa: E731
    scheduled = demo.until("the survey", mine, lambda page: bool(page["items"]))
    # The invitation goes out a day after delivery, in the customer's daytime: move the clock there.
    due = min(parse_iso(s["dueAt"]) for s in scheduled["items"])
    demo.client.advance(max(0.0, (due - parse_iso(demo.client.now())).total_seconds()) + 600)
    surveys = demo.until(
        "the survey invitation",
        mine,
        lambda page: any(s["status"] == "SENT" and s.get("token") for s in page["items"]),
    )
    survey = next(s for s in surveys["items"] if s["status"] == "SENT" and s.get("token"))
    path = f"/v1/surveys/{survey['surveyId']}/responses"
    answer = demo.client.session.post(
        demo.client.url(path),
        params={"token": survey["token"]},
        json={"csat": 5, "nps": 9, "comment": "fast refund"},
        timeout=30,
    )
    answered = demo.expect(answer, 201)
    return f"survey {survey['surveyId']} answered from its signed link, no login: {answered['status']}"


def kpis(demo: Demo) -> str:
    figures = demo.expect(demo.client.get("/v1/admin/analytics/kpis", as_=SUPERVISOR), 200)
    shown = [key for key in figures if key not in {"from", "to", "generatedAt"}][:6]
    return f"{SUPERVISOR[0]} reads the KPIs {figures['from']} to {figures['to']}: {', '.join(shown)}"


# The journey, in order.
STEPS: list[Callable[[Demo], str]] = [
    place_order,
    pay_by_webhook,
    staff_fulfil("confirm", AGENT),
    staff_fulfil("pack", WAREHOUSE),
    staff_fulfil("ship", WAREHOUSE, {"carrier": CARRIER, "trackingNumber": SHIPMENT_TRACKING}),
    deliver_by_courier,
    track,
    read_back,
    open_return,
    approve_return,
    send_return_parcel,
    inspect_return,
    refund_paid,
    ticket_answered,
    survey_answered,
    kpis,
]


def run(steps: list[Callable[[Demo], str]], argv: list[str] | None, *, prog: str, description: str) -> int:
    """Run `steps` in order against the stack at `--base-url`, stopping at the first failure."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
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
    for number, step in enumerate(steps, start=1):
        try:
            line = step(demo)
        except DemoFailed as failure:
            print(f"{number:>2}. {step.__name__}: FAILED — {failure}")
            return 1
        print(f"{number:>2}. {line}")
    print("Journey complete.")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(STEPS, argv, prog="python -m infra.local.demo", description=__doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
