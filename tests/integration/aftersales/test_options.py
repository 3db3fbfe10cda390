"""GET /v1/orders/{orderId}/after-sales-options: per item, what may be asked now, until when, how many."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from tests.integration.aftersales.conftest import Cases
from tests.support.api import Api, customer, staff


def options_of(api: Api, order_id: str, claims: dict[str, Any] | None = None) -> dict[str, Any]:
    reply = api.call("GET", f"/v1/orders/{order_id}/after-sales-options", claims=claims or customer())
    assert reply.status == 200, reply.body
    return reply.json


def by_type(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {option["type"]: option for option in item["options"]}


def test_options_of_a_fresh_delivery_name_windows_reasons_and_quantities(cases: Cases, api: Api) -> None:
    order = cases.delivered_order()
    answer = options_of(api, order["orderId"])
    assert (answer["orderStatus"], answer["deliveredAt"]) == ("DELIVERED", "2026-11-23T08:00:00.000Z")
    kettle = answer["items"][0]
    assert (kettle["sku"], kettle["quantity"], kettle["coveredQuantity"], kettle["remainingQuantity"]) == (
        "KTL-1",
        2,
        0,
        2,
    )
    types = by_type(kettle)
    assert types["RETURN_REFUND"]["allowed"] is True
    assert types["RETURN_REFUND"]["until"] == "2026-12-08T08:00:00.000Z"
    reasons = {r["reason"]: r for r in types["RETURN_REFUND"]["reasons"]}
    assert reasons["NO_REASON"] == {
        "reason": "NO_REASON",
        "until": "2026-11-30T08:00:00.000Z",
        "evidenceRequired": False,
    }
    assert reasons["QUALITY_ISSUE"]["evidenceRequired"] is True
    assert types["REPAIR"]["until"] == "2027-11-23T08:00:00.000Z"
    assert types["REFUND_ONLY"]["allowed"] is True
    assert options_of(api, order["orderId"], staff("agent")) == answer


def test_options_follow_the_clock_and_the_cases_already_open(
    cases: Cases, api: Api, fixed_clock: clock.FixedClock
) -> None:
    order = cases.delivered_order(items=[
        {"sku": "TB-1", "name": "Toothbrush", "category": "personal-hygiene", "quantity": 1, "unitPrice": 1500},
        {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900},
    ])  # fmt: skip
    cases.open(order["orderId"], items=[{"sku": "KTL-1", "quantity": 1}])
    fixed_clock.advance(10 * 24 * 3600)
    answer = options_of(api, order["orderId"])
    toothbrush, kettle = answer["items"]
    assert {r["reason"] for r in by_type(toothbrush)["RETURN_REFUND"]["reasons"]} == {
        "QUALITY_ISSUE", "WRONG_ITEM", "DAMAGED_IN_TRANSIT", "NOT_AS_DESCRIBED"
    }  # fmt: skip
    assert (kettle["coveredQuantity"], kettle["remainingQuantity"]) == (1, 1)
    no_reason = {r["reason"] for r in by_type(kettle)["RETURN_REFUND"]["reasons"]}
    assert "NO_REASON" not in no_reason  # the 7-day window has closed
    assert "QUALITY_ISSUE" in no_reason


def test_an_order_not_yet_delivered_offers_nothing(cases: Cases, api: Api, orders: Any) -> None:
    order = orders.to("SHIPPED")
    answer = options_of(api, order["orderId"])
    assert all(not option["allowed"] for item in answer["items"] for option in item["options"])
    assert answer["items"][0]["options"][0]["refusal"] == "the order has not been delivered"


def test_options_of_an_unknown_order_are_not_found(cases: Cases, api: Api) -> None:
    reply = api.call(
        "GET", "/v1/orders/ord_01JD6Z3Q000000000000000000/after-sales-options", claims=customer()
    )
    assert reply.status == 404
