"""Who may do what: no token 401, wrong role 403, another customer's ticket 404."""

from __future__ import annotations

import pytest

from tests.integration.tickets.conftest import Tickets
from tests.support.api import Api, customer, staff

CUSTOMER_ROUTES = [
    ("GET", "/v1/tickets/{id}", None),
    ("POST", "/v1/tickets/{id}/messages", {"message": "hello"}),
]
STAFF_ROUTES = [
    ("GET", "/v1/admin/tickets?status=OPEN", None),
    ("POST", "/v1/admin/tickets/{id}/assign", {}),
    ("POST", "/v1/admin/tickets/{id}/reply", {"message": "hi"}),
    ("POST", "/v1/admin/tickets/{id}/pending", {}),
    ("POST", "/v1/admin/tickets/{id}/solve", {"resolution": "done"}),
    ("POST", "/v1/admin/tickets/{id}/escalate", {"reason": "vip"}),
    ("GET", "/v1/admin/reply-templates", None),
    ("GET", "/v1/admin/agents", None),
]
ALL_ROUTES = [
    ("POST", "/v1/tickets", {"channel": "app", "subject": "s", "message": "m"}),
    ("GET", "/v1/tickets", None),
    ("GET", "/v1/faq?q=refund", None),
    *CUSTOMER_ROUTES,
    *STAFF_ROUTES,
]


def call(api: Api, method: str, target: str, **kwargs: object):  # type: ignore[no-untyped-def]
    path, _, query = target.partition("?")
    params = dict(part.split("=", 1) for part in query.split("&")) if query else None
    return api.call(method, path, query=params, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("method", "path", "body"), ALL_ROUTES)
def test_no_token_is_401(api: Api, tickets: Tickets, method: str, path: str, body: object) -> None:
    ticket = tickets.open()
    reply = call(api, method, path.format(id=ticket["ticketId"]), json_body=body)
    assert reply.status == 401


@pytest.mark.parametrize(("method", "path", "body"), CUSTOMER_ROUTES)
def test_another_customers_ticket_is_404_and_unchanged(
    api: Api, tickets: Tickets, method: str, path: str, body: object
) -> None:
    ticket = tickets.open(owner="cus_alice")
    before = tickets.get(ticket["ticketId"])
    reply = call(
        api, method, path.format(id=ticket["ticketId"]), claims=customer("cus_mallory"), json_body=body
    )
    assert reply.status == 404
    assert tickets.get(ticket["ticketId"]) == before


@pytest.mark.parametrize(("method", "path", "body"), STAFF_ROUTES)
def test_staff_routes_refuse_customers_and_warehouse_with_403(
    api: Api, tickets: Tickets, method: str, path: str, body: object
) -> None:
    ticket = tickets.open()
    before = tickets.get(ticket["ticketId"])
    target = path.format(id=ticket["ticketId"])
    assert call(api, method, target, claims=customer(), json_body=body).status == 403
    assert call(api, method, target, claims=staff("warehouse"), json_body=body).status == 403
    assert tickets.get(ticket["ticketId"]) == before


def test_customer_routes_need_the_customer_role(api: Api, tickets: Tickets) -> None:
    assert (
        api.call(
            "POST",
            "/v1/tickets",
            claims=staff("agent"),
            json_body={"channel": "app", "subject": "s", "message": "m"},
        ).status
        == 403
    )
    assert api.call("GET", "/v1/tickets", claims=staff("agent")).status == 403
    ticket = tickets.open()
    assert (
        api.call(
            "POST",
            f"/v1/tickets/{ticket['ticketId']}/messages",
            claims=staff("agent"),
            json_body={"message": "x"},
        ).status
        == 403
    )


@pytest.mark.parametrize("role", ["agent", "supervisor", "warehouse"])
def test_staff_can_read_any_ticket(api: Api, tickets: Tickets, role: str) -> None:
    ticket = tickets.open(owner="cus_alice")
    assert api.call("GET", f"/v1/tickets/{ticket['ticketId']}", claims=staff(role)).status == 200


@pytest.mark.parametrize("ticket_id", ["tk_01NOPE", "key#logistics#x", "nonsense"])
def test_a_missing_ticket_is_404(api: Api, tickets: Tickets, ticket_id: str) -> None:
    assert api.call("GET", f"/v1/tickets/{ticket_id}", claims=staff("agent")).status == 404
    assert (
        api.call(
            "POST", f"/v1/admin/tickets/{ticket_id}/reply", claims=staff("agent"), json_body={"message": "x"}
        ).status
        == 404
    )
