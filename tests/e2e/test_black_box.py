"""Defects black-box tests found over HTTP, held fixed over HTTP: who may call a route is
decided before its body is read, and the staff queues answer without filters."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

ALICE = ("cus_bb_alice", "customer")
BOB = ("cus_bb_bob", "customer")
AGENT = ("agent_li", "agent")
ADDRESS = {"recipient": "Li Lei", "phone": "+86 138 0013 8000", "line1": "88 Nanjing Road", "city": "Shanghai",
           "postalCode": "200001", "country": "CN"}  # fmt: skip


def order_of(stack: LocalStackProcess, who: tuple[str, str]) -> dict[str, Any]:
    body = {
        "items": [{"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 1, "unitPrice": 12900}],
        "currency": "CNY", "shippingFee": 1000, "discount": 0, "shippingAddress": ADDRESS, "paymentMethod": "ALIPAY",
    }  # fmt: skip
    reply = stack.post("/v1/orders", as_=who, json_body=body)
    assert reply.status_code == 201, reply.text
    return dict(reply.json())


def ticket_of(stack: LocalStackProcess, who: tuple[str, str]) -> dict[str, Any]:
    body = {"channel": "app", "subject": "快递", "message": "我的快递什么时候到？"}
    reply = stack.post("/v1/tickets", as_=who, json_body=body)
    assert reply.status_code == 201, reply.text
    return dict(reply.json())


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/admin/after-sales/cas_01JBBBBBBBBBBBBBBBBBBBBBBB/reject", {}),
        ("POST", "/v1/admin/after-sales/cas_01JBBBBBBBBBBBBBBBBBBBBBBB/inspect", {"result": "MAYBE"}),
        ("POST", "/v1/admin/orders/ord_01JBBBBBBBBBBBBBBBBBBBBBBB/ship", {}),
        ("POST", "/v1/admin/orders/ord_01JBBBBBBBBBBBBBBBBBBBBBBB/payment", {"amount": "lots"}),
        ("POST", "/v1/admin/tickets/tkt_01JBBBBBBBBBBBBBBBBBBBBBBB/escalate", {}),
        ("POST", "/v1/admin/refunds/ref_01JBBBBBBBBBBBBBBBBBBBBBBB/approve", {"note": 7}),
        ("GET", "/v1/admin/tickets?status=NOPE", None),
        ("GET", "/v1/admin/analytics/kpis?from=yesterday", None),
    ],
)
def test_a_customer_calling_a_staff_route_is_refused_whatever_the_body(
    local_stack: LocalStackProcess, method: str, path: str, body: Any
) -> None:
    reply = local_stack.request(method, path, as_=ALICE, json_body=body)
    assert reply.status_code == 403, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")


def test_a_staff_member_without_the_role_is_refused_before_the_body_is_read(
    local_stack: LocalStackProcess,
) -> None:
    reply = local_stack.post(
        "/v1/admin/after-sales/cas_01JBBBBBBBBBBBBBBBBBBBBBBB/resolve-dispute", as_=AGENT, json_body={}
    )
    assert reply.status_code == 403, reply.text


def test_another_customers_resource_is_404_whatever_the_body(local_stack: LocalStackProcess) -> None:
    order = order_of(local_stack, ALICE)
    ticket = ticket_of(local_stack, ALICE)
    invalid = {"shippingAddress": {"city": 12}}
    for path, body in [
        (f"/v1/orders/{order['orderId']}/shipping-address", invalid),
        (f"/v1/orders/{order['orderId']}/cancel", {"reason": ["not", "text"]}),
        (f"/v1/tickets/{ticket['ticketId']}/messages", {}),
        ("/v1/after-sales/cas_01JBBBBBBBBBBBBBBBBBBBBBBB/appeal", {}),
        ("/v1/me/surveys/srv_01JBBBBBBBBBBBBBBBBBBBBBBB/responses", {"csat": 9}),
    ]:
        method = "PATCH" if path.endswith("shipping-address") else "POST"
        reply = local_stack.request(method, path, as_=BOB, json_body=body)
        assert reply.status_code == 404, (path, reply.text)
    # The owner sending the same invalid body learns what is wrong with it.
    mine = local_stack.request(
        "PATCH", f"/v1/orders/{order['orderId']}/shipping-address", as_=ALICE, json_body=invalid
    )
    assert mine.status_code == 400, mine.text
    assert mine.json()["errors"]


def test_the_staff_queues_answer_without_filters_with_the_open_work(local_stack: LocalStackProcess) -> None:
    ticket = ticket_of(local_stack, ALICE)
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 2}
    for _ in range(50):
        reply = local_stack.get("/v1/admin/tickets", as_=AGENT, params=params)
        assert reply.status_code == 200, reply.text
        seen.extend(reply.json()["items"])
        if not reply.json()["nextCursor"]:
            break
        params = {"limit": 2, "cursor": reply.json()["nextCursor"]}
    assert ticket["ticketId"] in [t["ticketId"] for t in seen]
    assert {t["status"] for t in seen} <= {"NEW", "OPEN", "PENDING"}
    dues = [t["firstResponseDue"] or t["resolutionDue"] for t in seen]
    assert len(seen) == len({t["ticketId"] for t in seen})

    cases = local_stack.get("/v1/admin/after-sales", as_=AGENT)
    assert cases.status_code == 200, cases.text
    assert {c["status"] for c in cases.json()["items"]}.isdisjoint(
        {"COMPLETED", "CANCELLED", "CLOSED_TIMEOUT"}
    )
    assert dues  # the ticket just opened is due


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("multipart/form-data", b'{"message": "hi"}', 415),  # no boundary: the parser crashed (500)
        ("text/plain", b"hello", 415),
        ("application/json", b"[null, null]", 400),  # not an object
        ("application/json", b"null", 400),  # a required body left out
    ],
)
def test_a_body_the_api_does_not_take_is_a_clear_4xx(
    local_stack: LocalStackProcess, content_type: str, body: bytes, status: int
) -> None:
    ticket = ticket_of(local_stack, ALICE)
    reply = local_stack.post(
        f"/v1/tickets/{ticket['ticketId']}/messages",
        as_=ALICE,
        data=body,
        headers={"content-type": content_type},
    )
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    after = local_stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=ALICE).json()
    assert len(after["messages"]) == len(ticket["messages"]), "nothing was written"
