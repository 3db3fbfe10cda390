"""Who may do what: no token 401, wrong role 403, someone else's order 404, staff see all."""

from __future__ import annotations

import pytest

from tests.support.api import Api, customer, staff
from tests.support.orders import ADDRESS, Orders

CUSTOMER_ROUTES = [
    ("GET", "/v1/orders/{id}", None),
    ("PATCH", "/v1/orders/{id}/shipping-address", {"shippingAddress": ADDRESS}),
    ("POST", "/v1/orders/{id}/cancel", None),
    ("POST", "/v1/orders/{id}/confirm-receipt", None),
]
STAFF_ROUTES = [
    ("POST", "/v1/admin/orders/{id}/payment", {"amount": 1, "method": "CASH", "transactionId": "t"}, {"agent", "supervisor"}),
    ("POST", "/v1/admin/orders/{id}/confirm", None, {"agent", "supervisor"}),
    ("POST", "/v1/admin/orders/{id}/pack", None, {"warehouse", "supervisor"}),
    ("POST", "/v1/admin/orders/{id}/ship", {"carrier": "sf", "trackingNumber": "SF1234"}, {"warehouse", "supervisor"}),
    ("POST", "/v1/admin/orders/{id}/exception", {"kind": "OUT_OF_STOCK", "note": "n", "proposal": "p"}, {"agent", "warehouse", "supervisor"}),
    ("POST", "/v1/admin/orders/{id}/exception/resolve", {"resolution": "r"}, {"agent", "supervisor"}),
]  # fmt: skip
ALL_ROUTES = [("POST", "/v1/orders", None), ("GET", "/v1/orders", None), *CUSTOMER_ROUTES] + [
    route[:3] for route in STAFF_ROUTES
]


@pytest.mark.parametrize(("method", "path", "body"), ALL_ROUTES)
def test_no_token_is_401(api: Api, orders: Orders, method: str, path: str, body: object) -> None:
    order = orders.place()
    reply = api.call(method, path.format(id=order["orderId"]), json_body=body)
    assert reply.status == 401
    assert reply.json["title"] == "Unauthorized"


@pytest.mark.parametrize(("method", "path", "body"), CUSTOMER_ROUTES)
def test_another_customers_order_is_404_and_unchanged(
    api: Api, orders: Orders, method: str, path: str, body: object
) -> None:
    order = orders.place(owner="cus_alice")
    reply = api.call(method, path.format(id=order["orderId"]), claims=customer("cus_mallory"), json_body=body)
    assert reply.status == 404
    assert orders.get(order["orderId"]) == order


@pytest.mark.parametrize(("method", "path", "body", "roles"), STAFF_ROUTES)
def test_staff_routes_refuse_customers_and_other_roles_with_403(
    api: Api, orders: Orders, method: str, path: str, body: object, roles: set[str]
) -> None:
    order = orders.place()
    target = path.format(id=order["orderId"])
    assert api.call(method, target, claims=customer(), json_body=body).status == 403
    for role in {"agent", "warehouse", "supervisor"} - roles:
        assert api.call(method, target, claims=staff(role), json_body=body).status == 403, role
    assert orders.get(order["orderId"]) == order


@pytest.mark.parametrize("role", ["agent", "warehouse", "supervisor"])
def test_staff_see_any_order(api: Api, orders: Orders, role: str) -> None:
    order = orders.place(owner="cus_alice")
    reply = api.call("GET", f"/v1/orders/{order['orderId']}", claims=staff(role))
    assert reply.status == 200
    assert reply.json["orderId"] == order["orderId"]


def test_staff_cannot_act_as_the_customer(api: Api, orders: Orders) -> None:
    order = orders.place()
    assert api.call("POST", "/v1/orders", claims=staff("agent"), json_body={}).status in {400, 403}
    assert api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=staff("agent")).status == 403


def test_a_missing_order_is_404(api: Api, orders: Orders) -> None:
    assert api.call("GET", "/v1/orders/ord_01NOPE", claims=staff("agent")).status == 404
