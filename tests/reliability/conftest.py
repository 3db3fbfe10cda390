"""The reliability suite: the local stack (the e2e session fixture) and one customer's
resources — an order, a case, a ticket, a refund, a survey — to aim other callers at."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from tests.e2e.conftest import LocalStackProcess, local_stack  # noqa: F401 - the session fixture

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
    "discount": 0,
    "shippingAddress": ADDRESS,
    "paymentMethod": "ALIPAY",
}
OWNER = ("cus_rel_alice", "customer")
STAFF = ("staff_rel", "agent,warehouse,supervisor")


def ok(reply: Any, status: int = 200) -> dict[str, Any]:
    assert reply.status_code == status, (
        f"{reply.request.method} {reply.url}: {reply.status_code} {reply.text}"
    )
    return dict(reply.json())


def paid_order(stack: LocalStackProcess, owner: tuple[str, str] = OWNER) -> dict[str, Any]:
    order = ok(stack.post("/v1/orders", as_=owner, json_body=ORDER), 201)
    payment = {
        "amount": order["total"],
        "method": "BANK_TRANSFER",
        "transactionId": f"bank-{order['orderId']}",
    }
    return ok(stack.post(f"/v1/admin/orders/{order['orderId']}/payment", as_=STAFF, json_body=payment))


@pytest.fixture(scope="module")
def owned(local_stack: LocalStackProcess) -> dict[str, str]:  # noqa: F811
    """Ids of resources that belong to OWNER, by the path parameter that names them."""
    stack = local_stack
    order = paid_order(stack)
    order_id = order["orderId"]
    ok(stack.post(f"/v1/admin/orders/{order_id}/confirm", as_=STAFF))
    ok(stack.post(f"/v1/admin/orders/{order_id}/pack", as_=STAFF))
    parcel = {"carrier": "sf-express", "trackingNumber": f"SF{uuid.uuid4().hex[:12].upper()}"}
    ok(stack.post(f"/v1/admin/orders/{order_id}/ship", as_=STAFF, json_body=parcel))
    ok(stack.post(f"/v1/orders/{order_id}/confirm-receipt", as_=OWNER))
    case = ok(
        stack.post(
            "/v1/after-sales",
            as_=OWNER,
            json_body={
                "orderId": order_id,
                "type": "RETURN_REFUND",
                "reason": "NO_REASON",
                "items": [{"sku": "MUG-2", "quantity": 1}],
            },
        ),
        201,
    )
    ticket = ok(
        stack.post(
            "/v1/tickets",
            as_=OWNER,
            json_body={
                "channel": "app",
                "subject": "Where is my refund",
                "message": "Please check",
                "orderId": order_id,
            },
        ),
        201,
    )
    cancelled = paid_order(stack)
    ok(stack.post(f"/v1/orders/{cancelled['orderId']}/cancel", as_=OWNER))
    refunds: list[dict[str, Any]] = []
    deadline = time.monotonic() + 30
    while not refunds and time.monotonic() < deadline:
        refunds = ok(stack.get(f"/v1/orders/{cancelled['orderId']}/refunds", as_=OWNER))["items"]
        time.sleep(0.3)
    assert refunds, stack.log_tail()
    surveys = ok(stack.get("/v1/surveys", as_=OWNER))["items"]
    if not surveys:  # surveys are scheduled on delivery and appear once sent
        stack.advance(2 * 86400)
        surveys = ok(stack.get("/v1/surveys", as_=OWNER))["items"]
    assert surveys, stack.log_tail()
    return {
        "orderId": order_id,
        "caseId": case["caseId"],
        "ticketId": ticket["ticketId"],
        "refundId": refunds[0]["refundId"],
        "surveyId": surveys[0]["surveyId"],
        "customerId": OWNER[0],
        "carrier": "sf-express",
        "auditId": "aud_01JD6Z3Q00RELIABILITY0000",  # staff routes only: refused before any lookup
    }
