"""Who may do what to a case: no token 401, wrong role 403, someone else's case 404."""

from __future__ import annotations

import pytest

from tests.integration.aftersales.conftest import Cases
from tests.support.api import Api, customer, staff

CASE = "as_01JD6Z3Q000000000000000000"
ROUTES = [
    ("GET", "/v1/orders/ord_01JD6Z3Q000000000000000000/after-sales-options", None),
    ("POST", "/v1/after-sales/evidence-uploads", {"contentType": "image/jpeg"}),
    (
        "POST",
        "/v1/after-sales",
        {
            "orderId": "ord_01JD6Z3Q000000000000000000",
            "type": "RETURN_REFUND",
            "reason": "NO_REASON",
            "items": [{"sku": "A", "quantity": 1}],
        },
    ),
    ("GET", "/v1/after-sales", None),
    ("GET", f"/v1/after-sales/{CASE}", None),
    (
        "POST",
        f"/v1/after-sales/{CASE}/return-shipment",
        {"carrier": "sf-express", "trackingNumber": "SF1234"},
    ),
    ("POST", f"/v1/after-sales/{CASE}/cancel", None),
    ("POST", f"/v1/after-sales/{CASE}/appeal", {"reason": "x"}),
    ("POST", f"/v1/after-sales/{CASE}/confirm", None),
    ("GET", "/v1/admin/after-sales", None),
    ("POST", f"/v1/admin/after-sales/{CASE}/approve", None),
    ("POST", f"/v1/admin/after-sales/{CASE}/reject", {"reason": "x"}),
    ("POST", f"/v1/admin/after-sales/{CASE}/receive", None),
    ("POST", f"/v1/admin/after-sales/{CASE}/inspect", {"result": "PASS"}),
    ("POST", f"/v1/admin/after-sales/{CASE}/repair-progress", {"stage": "DIAGNOSING"}),
    ("POST", f"/v1/admin/after-sales/{CASE}/resolve-dispute", {"decision": "FOR_CUSTOMER", "note": "x"}),
]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_every_route_needs_a_token(api: Api, method: str, path: str, body: object) -> None:
    reply = api.call(method, path, json_body=body)
    assert reply.status == 401
    assert reply.headers["content-type"] == "application/problem+json"


# (method, action, body, roles refused)
STAFF_ACTIONS = [
    ("approve", None, ["customer", "warehouse"]),
    ("reject", {"reason": "x"}, ["customer", "warehouse"]),
    ("receive", None, ["customer", "agent"]),
    ("inspect", {"result": "PASS"}, ["customer", "agent"]),
    ("repair-progress", {"stage": "DIAGNOSING"}, ["customer", "agent"]),
    ("resolve-dispute", {"decision": "FOR_CUSTOMER", "note": "x"}, ["customer", "agent", "warehouse"]),
]


@pytest.mark.parametrize(("action", "body", "refused"), STAFF_ACTIONS)
def test_staff_actions_need_the_right_role(
    cases: Cases, api: Api, action: str, body: object, refused: list[str]
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    for role in refused:
        claims = customer() if role == "customer" else staff(role)
        reply = api.call(
            "POST", f"/v1/admin/after-sales/{case['caseId']}/{action}", claims=claims, json_body=body
        )
        assert (role, reply.status) == (role, 403)
    assert cases.get(case["caseId"])["status"] == "REQUESTED"


def test_the_work_queue_is_for_staff_and_my_cases_are_for_customers(api: Api, cases: Cases) -> None:
    assert (
        api.call("GET", "/v1/admin/after-sales", claims=customer(), query={"status": "REQUESTED"}).status
        == 403
    )
    assert api.call("GET", "/v1/after-sales", claims=staff("agent")).status == 403
    assert (
        api.call(
            "POST",
            "/v1/after-sales/evidence-uploads",
            claims=staff("agent"),
            json_body={"contentType": "image/png"},
        ).status
        == 403
    )


def test_another_customers_case_is_not_found_whatever_the_action(cases: Cases, api: Api) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    case_id = case["caseId"]
    bob = customer("cus_bob")
    assert api.call("GET", f"/v1/after-sales/{case_id}", claims=bob).status == 404
    for action, body in [("cancel", None), ("appeal", {"reason": "x"}), ("confirm", None),
                         ("return-shipment", {"carrier": "sf-express", "trackingNumber": "SF1234"})]:  # fmt: skip
        reply = api.call("POST", f"/v1/after-sales/{case_id}/{action}", claims=bob, json_body=body)
        assert (action, reply.status) == (action, 404)
    assert api.call("GET", f"/v1/orders/{order['orderId']}/after-sales-options", claims=bob).status == 404
    assert cases.open_reply(order["orderId"], owner="cus_bob").status == 404
    assert cases.get(case_id) == case
    assert api.call("GET", f"/v1/after-sales/{case_id}", claims=staff("agent")).status == 200


def test_unknown_cases_are_not_found(api: Api, cases: Cases) -> None:
    assert api.call("GET", f"/v1/after-sales/{CASE}", claims=customer()).status == 404
    assert api.call("GET", "/v1/after-sales/not-a-case", claims=customer()).status == 404
    assert api.call("POST", f"/v1/admin/after-sales/{CASE}/approve", claims=staff("agent")).status == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"type": "RETURN_REFUND", "reason": "NO_REASON", "items": [{"sku": "KTL-1", "quantity": 1}]},
            "orderId",
        ),
        (
            {
                "orderId": "ORDER",
                "type": "RETURN_REFUND",
                "reason": "NO_REASON",
                "items": [{"sku": "KTL-1", "quantity": 1}],
            },
            "orderId",
        ),
        ({"type": "RETURN_ALL", "reason": "NO_REASON", "items": [{"sku": "KTL-1", "quantity": 1}]}, "type"),
        ({"type": "RETURN_REFUND", "reason": "BORED", "items": [{"sku": "KTL-1", "quantity": 1}]}, "reason"),
        ({"type": "RETURN_REFUND", "reason": "NO_REASON", "items": []}, "items"),
        (
            {"type": "RETURN_REFUND", "reason": "NO_REASON", "items": [{"sku": "KTL-1", "quantity": 0}]},
            "items[0].quantity",
        ),
        (
            {"type": "RETURN_REFUND", "reason": "NO_REASON", "items": [{"sku": "KTL-1", "quantity": "1"}]},
            "items[0].quantity",
        ),
        (
            {"type": "RETURN_REFUND", "reason": "NO_REASON", "items": [{"sku": "KTL-1", "quantity": 1}] * 2},
            "body",
        ),
        (
            {
                "type": "RETURN_REFUND",
                "reason": "NO_REASON",
                "items": [{"sku": "KTL-1", "quantity": 1}],
                "evidenceKeys": ["../x"],
            },
            "evidenceKeys[0]",
        ),
    ],
)
def test_a_malformed_case_is_a_400_naming_the_field(
    cases: Cases, api: Api, body: dict[str, object], field: str
) -> None:
    order = cases.delivered_order()
    body = {"orderId": order["orderId"], **body} if "orderId" not in body and field != "orderId" else body
    reply = api.call("POST", "/v1/after-sales", claims=customer(), json_body=body)
    assert reply.status == 400, reply.body
    assert any(error["field"] == field for error in reply.json["errors"]), reply.json


@pytest.mark.parametrize(
    ("action", "body", "role"),
    [
        ("reject", {}, "agent"),
        ("reject", {"reason": ""}, "agent"),
        ("inspect", {"result": "MAYBE"}, "warehouse"),
        ("repair-progress", {"stage": "POLISHING"}, "warehouse"),
        ("resolve-dispute", {"decision": "SPLIT", "note": "x"}, "supervisor"),
    ],
)
def test_malformed_staff_bodies_are_400s(
    cases: Cases, api: Api, action: str, body: object, role: str
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    assert cases.staff_action(case["caseId"], action, body, role=role).status == 400


def test_bad_bodies_and_queries_are_400s(cases: Cases, api: Api) -> None:
    bad_json = api.call(
        "POST", "/v1/after-sales", claims=customer(), body=b"{", headers={"content-type": "application/json"}
    )
    assert bad_json.status == 400
    assert api.call("GET", "/v1/after-sales", claims=customer(), query={"limit": 0}).status == 400
    assert api.call("GET", "/v1/after-sales", claims=customer(), query={"cursor": "forged"}).status == 400
    assert api.call("GET", "/v1/after-sales", claims=customer(), query={"status": "LOST"}).status == 400
    assert api.call("GET", "/v1/admin/after-sales", claims=staff(), query={"status": "NOPE"}).status == 400


def test_a_case_for_an_undelivered_order_or_a_foreign_sku_is_refused(cases: Cases, orders: object) -> None:
    from tests.support.orders import Orders

    assert isinstance(orders, Orders)
    shipped = orders.to("SHIPPED")
    reply = cases.open_reply(shipped["orderId"])
    assert reply.status == 422
    assert reply.json["errors"] == [{"field": "orderId", "message": "the order has not been delivered"}]
    delivered = cases.delivered_order()
    reply = cases.open_reply(delivered["orderId"], items=[{"sku": "NOPE-1", "quantity": 1}])
    assert (reply.status, reply.json["errors"]) == (
        422,
        [{"field": "items[0].sku", "message": "not in this order"}],
    )


def test_a_state_change_that_the_case_does_not_allow_is_a_409(cases: Cases) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    for action, role, body in [("receive", "warehouse", None), ("inspect", "warehouse", {"result": "PASS"}),
                               ("repair-progress", "warehouse", {"stage": "DIAGNOSING"}),
                               ("resolve-dispute", "supervisor", {"decision": "FOR_CUSTOMER", "note": "x"})]:  # fmt: skip
        assert (action, cases.staff_action(case["caseId"], action, body, role=role).status) == (action, 409)
    for action, body in [("return-shipment", {"carrier": "sf-express", "trackingNumber": "SF1234"}),
                         ("appeal", {"reason": "x"}), ("confirm", None)]:  # fmt: skip
        assert (action, cases.customer_action(case["caseId"], action, body).status) == (action, 409)
    cases.ok(cases.staff_action(case["caseId"], "approve"))
    assert cases.staff_action(case["caseId"], "approve").status == 409
    assert cases.staff_action(case["caseId"], "reject", {"reason": "late"}).status == 409


def test_a_repeated_request_with_the_same_idempotency_key_changes_nothing(cases: Cases, api: Api) -> None:
    order = cases.delivered_order()
    body = {
        "orderId": order["orderId"],
        "type": "RETURN_REFUND",
        "reason": "NO_REASON",
        "items": [{"sku": "KTL-1", "quantity": 2}],
    }
    headers = {"idempotency-key": "open-1"}
    first = api.call("POST", "/v1/after-sales", claims=customer(), json_body=body, headers=headers)
    second = api.call("POST", "/v1/after-sales", claims=customer(), json_body=body, headers=headers)
    assert (first.status, second.status) == (201, 201)
    assert first.json == second.json
    assert len(api.call("GET", "/v1/after-sales", claims=customer()).json["items"]) == 1
