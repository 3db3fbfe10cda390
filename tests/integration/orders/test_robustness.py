"""Idempotency keys, racing requests and bad input: nothing doubles, nothing is lost."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from aftercare.orders import store
from tests.support.api import Api, customer, staff
from tests.support.orders import ORDER, Orders, order_body


def my_orders(api: Api, owner: str = "cus_alice") -> list[dict[str, Any]]:
    return api.call("GET", "/v1/orders", claims=customer(owner)).json["items"]


def test_the_same_idempotency_key_twice_places_one_order_and_answers_the_same(
    api: Api, orders: Orders
) -> None:
    headers = {"idempotency-key": "checkout-7f3a"}
    first = api.call("POST", "/v1/orders", claims=customer(), json_body=ORDER, headers=headers)
    second = api.call("POST", "/v1/orders", claims=customer(), json_body=ORDER, headers=headers)
    assert (first.status, second.status) == (201, 201)
    assert second.json == first.json
    assert [o["orderId"] for o in my_orders(api)] == [first.json["orderId"]]


def test_another_customers_identical_key_is_a_different_request(api: Api, orders: Orders) -> None:
    headers = {"idempotency-key": "same-key"}
    alice = api.call("POST", "/v1/orders", claims=customer("cus_alice"), json_body=ORDER, headers=headers)
    bob = api.call("POST", "/v1/orders", claims=customer("cus_bob"), json_body=ORDER, headers=headers)
    assert alice.json["orderId"] != bob.json["orderId"]
    assert bob.json["customerId"] == "cus_bob"


def test_reusing_a_key_with_a_different_body_is_refused(api: Api, orders: Orders) -> None:
    headers = {"idempotency-key": "k-1"}
    api.call("POST", "/v1/orders", claims=customer(), json_body=ORDER, headers=headers)
    reply = api.call(
        "POST", "/v1/orders", claims=customer(), json_body=order_body(discount=0), headers=headers
    )
    assert reply.status == 400
    assert reply.json["errors"][0]["field"] == "Idempotency-Key"
    assert len(my_orders(api)) == 1


def test_a_repeated_transition_with_its_key_replays_instead_of_conflicting(api: Api, orders: Orders) -> None:
    order = orders.to("PAID")
    path = f"/v1/admin/orders/{order['orderId']}/confirm"
    headers = {"idempotency-key": "confirm-once"}
    first = api.call("POST", path, claims=staff("agent"), headers=headers)
    again = api.call("POST", path, claims=staff("agent"), headers=headers)
    without_key = api.call("POST", path, claims=staff("agent"))
    assert (first.status, again.status, without_key.status) == (200, 200, 409)
    assert again.json == first.json


def test_two_racing_transitions_from_the_same_state_one_wins_one_gets_409(
    api: Api, orders: Orders, monkeypatch: pytest.MonkeyPatch
) -> None:
    order = orders.to("PAID")
    both_read = threading.Barrier(2, timeout=10)
    real_get = store.get

    def get_then_wait(order_id: str, *, consistent: bool = False) -> Any:
        found = real_get(order_id, consistent=consistent)
        both_read.wait()  # both requests hold the same version before either writes
        return found

    monkeypatch.setattr(store, "get", get_then_wait)
    replies: list[int] = []

    def confirm() -> None:
        path = f"/v1/admin/orders/{order['orderId']}/confirm"
        replies.append(api.call("POST", path, claims=staff("agent")).status)

    def cancel() -> None:
        replies.append(api.call("POST", f"/v1/orders/{order['orderId']}/cancel", claims=customer()).status)

    threads = [threading.Thread(target=confirm), threading.Thread(target=cancel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    monkeypatch.setattr(store, "get", real_get)

    assert sorted(replies) == [200, 409]
    final = orders.get(order["orderId"])
    assert final["status"] in {"CONFIRMED", "CANCELLED"}
    assert [entry["to"] for entry in final["timeline"]].count(final["status"]) == 1
    assert final["version"] == order["version"] + 1


BAD_BODIES = [
    ("malformed JSON", b'{"items": [', "body"),
    ("not an object", b"[]", "body"),
    ("negative quantity", order_body(items=[{**ORDER["items"][0], "quantity": -1}]), "items[0].quantity"),
    ("zero quantity", order_body(items=[{**ORDER["items"][0], "quantity": 0}]), "items[0].quantity"),
    ("quantity as text", order_body(items=[{**ORDER["items"][0], "quantity": "2"}]), "items[0].quantity"),
    ("fractional price", order_body(items=[{**ORDER["items"][0], "unitPrice": 12.5}]), "items[0].unitPrice"),
    ("negative shipping", order_body(shippingFee=-1), "shippingFee"),
    ("unknown currency", order_body(currency="XYZ"), "currency"),
    ("no items", order_body(items=[]), "items"),
    ("missing address", {k: v for k, v in ORDER.items() if k != "shippingAddress"}, "shippingAddress"),
    ("bad country", order_body(shippingAddress={**ORDER["shippingAddress"], "country": "China"}), "shippingAddress.country"),
    ("missing sku", order_body(items=[{k: v for k, v in ORDER["items"][0].items() if k != "sku"}]), "items[0].sku"),
    ("duplicate sku", order_body(items=[ORDER["items"][0], ORDER["items"][0]]), "body"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "body", "field"), BAD_BODIES, ids=[case for case, _, _ in BAD_BODIES])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(
    api: Api, orders: Orders, case: str, body: Any, field: str
) -> None:
    raw = body if isinstance(body, bytes) else None
    reply = api.call(
        "POST",
        "/v1/orders",
        claims=customer(),
        json_body=None if raw else body,
        body=raw,
        headers={"content-type": "application/json"},
    )
    assert reply.status == 400, reply.body
    assert reply.headers["content-type"] == "application/problem+json"
    problem = reply.json
    assert problem["status"] == 400 and problem["type"].startswith("urn:aftercare:problem:")
    assert field in {error["field"] for error in problem["errors"]}, problem
    assert my_orders(api) == []


def test_an_oversized_body_is_413_and_stores_nothing(api: Api, orders: Orders) -> None:
    huge = order_body(items=[{**ORDER["items"][0], "name": "x" * 70_000}])
    reply = api.call("POST", "/v1/orders", claims=customer(), json_body=huge)
    assert reply.status == 413
    assert my_orders(api) == []


def test_an_invalid_status_filter_is_400(api: Api, orders: Orders) -> None:
    reply = api.call("GET", "/v1/orders", claims=customer(), query={"status": "LOST"})
    assert reply.status == 400
    assert reply.json["errors"][0]["field"] == "status"


def test_a_body_that_is_not_json_is_415_and_stores_nothing(api: Api, orders: Orders) -> None:
    reply = api.call(
        "POST",
        "/v1/orders",
        claims=customer(),
        body=b"\x00\x01binary",
        headers={"content-type": "application/octet-stream"},
    )
    assert reply.status == 415
    assert reply.json["status"] == 415
    assert my_orders(api) == []
