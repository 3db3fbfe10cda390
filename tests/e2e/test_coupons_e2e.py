"""Points buy coupons through the local stack over real HTTP: a customer earns points the way
the product gives them (answering the survey of a delivered order), two redemptions race for
the last points (one wins, the balance never goes negative), two orders race for the one
coupon (one gets it, it is USED once), cancelling before payment gives it back, an order
with it carries its discount; and staff's goodwill coupons within and over their limit, on
the customer's history."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import requests

from aftercare.clock import parse_iso
from infra.local.seed import order_request
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

AGENT = ("staff_sam", "agent")
SUPERVISOR = ("staff_sue", "supervisor")
WAREHOUSE = ("staff_wu", "warehouse")
DISPATCHER = "SurveyDispatchFunction"
TEN_OFF = "cny-10-off-100"  # 50 points (one answered survey): 1000 off an order of 10000 or more


def wait_for(probe: Callable[[], Any], *, seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


def settle(stack: LocalStackProcess) -> None:
    """Every stream, bus rule and queue drained: the events of what we did have been reacted to."""
    assert stack.post("/_local/settle").status_code == 200


def at_once(calls: list[Callable[[], requests.Response]]) -> list[requests.Response]:
    """Each call in its own thread, released together."""
    start = threading.Barrier(len(calls), timeout=30)
    replies: list[requests.Response] = []

    def run(call: Callable[[], requests.Response]) -> None:
        start.wait()
        replies.append(call())

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies


def earn_survey_points(stack: LocalStackProcess, who: tuple[str, str]) -> int:
    """An order delivered, its survey sent a day later and answered: the survey's points."""
    placed = stack.post("/v1/orders", as_=who, json_body=order_request())
    assert placed.status_code == 201, placed.text
    order = placed.json()
    steps = [
        ("/payment", AGENT, {"amount": order["total"], "method": "BANK_TRANSFER", "transactionId": f"txn-{order['orderId']}"}),
        ("/confirm", AGENT, None),
        ("/pack", WAREHOUSE, None),
        ("/ship", WAREHOUSE, {"carrier": "sf-express", "trackingNumber": "SF3000000077"}),
    ]  # fmt: skip
    for step, actor, body in steps:
        reply = stack.post(f"/v1/admin/orders/{order['orderId']}{step}", as_=actor, json_body=body)
        assert reply.status_code == 200, reply.text
    received = stack.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=who)
    assert received.status_code == 200, received.text
    surveys = lambda: stack.get("/v1/surveys", as_=who).json()["items"]  # noqa: E731
    [survey] = wait_for(surveys)
    with stack.only_schedules(DISPATCHER):
        stack.advance(24 * 3600)
        survey = surveys()[0]
        if survey["status"] == "SCHEDULED":
            wait = parse_iso(survey["dueAt"]).timestamp() - stack.now_epoch() + 300
            stack.advance(max(wait, 300))
            survey = surveys()[0]
    assert survey["status"] == "SENT", survey
    answered = stack.post(f"/v1/me/surveys/{survey['surveyId']}/responses", as_=who, json_body={"csat": 4})
    assert answered.status_code == 201, answered.text
    return int(wait_for(lambda: stack.get("/v1/me", as_=who).json()["points"]))


def my_coupons(stack: LocalStackProcess, who: tuple[str, str], status: str) -> list[dict[str, Any]]:
    reply = stack.get("/v1/me/coupons", as_=who, params={"status": status})
    assert reply.status_code == 200, reply.text
    return list(reply.json()["items"])


def test_points_buy_a_coupon_once_and_one_order_at_a_time_uses_it(local_stack: LocalStackProcess) -> None:
    who = (f"cus_e2e_cpn_{uuid.uuid4().hex[:10]}", "customer")
    catalog = local_stack.get("/v1/coupon-catalog", as_=who).json()["items"]
    ten_off = next(item for item in catalog if item["catalogId"] == TEN_OFF)
    assert (ten_off["pointsCost"], ten_off["discount"], ten_off["minSpend"], ten_off["currency"]) == (
        50, 1000, 10000, "CNY",
    )  # fmt: skip
    assert earn_survey_points(local_stack, who) == 50

    # Two redemptions race for the last 50 points: exactly one coupon, the balance at 0.
    redeem = lambda: local_stack.post("/v1/me/coupons", as_=who, json_body={"catalogId": TEN_OFF})  # noqa: E731
    replies = at_once([redeem, redeem])
    assert sorted(reply.status_code for reply in replies) == [201, 422], [r.text for r in replies]
    [coupon] = [reply.json() for reply in replies if reply.status_code == 201]
    [refused] = [reply.json() for reply in replies if reply.status_code == 422]
    assert "too few points" in refused["detail"]
    me = local_stack.get("/v1/me", as_=who).json()
    assert me["points"] == 0
    assert sorted(entry["points"] for entry in me["recentPoints"]) == [-50, 50]
    assert (coupon["status"], coupon["discount"], coupon["minSpend"]) == ("ACTIVE", 1000, 10000)
    code = coupon["couponCode"]
    assert redeem().status_code == 422  # nothing left to spend
    settle(local_stack)  # orders keep their copy (CouponIssued)

    # One coupon, two orders at once: exactly one order gets it.
    place = lambda: local_stack.post("/v1/orders", as_=who, json_body=order_request(couponCode=code))  # noqa: E731
    raced = at_once([place, place])
    # The loser is a 409 when both checked the coupon before either claimed it (the claim's
    # condition refused it), a 422 "used already" when the winner's claim was in first.
    statuses = sorted(reply.status_code for reply in raced)
    assert statuses in ([201, 409], [201, 422]), [r.text for r in raced]
    [first] = [reply.json() for reply in raced if reply.status_code == 201]
    [lost] = [reply.json() for reply in raced if reply.status_code != 201]
    assert lost["status"] == 409 or "used already" in lost["detail"], lost
    assert (first["couponCode"], first["couponDiscount"], first["discount"]) == (code, 1000, 1000)
    assert first["total"] == first["subtotal"] + first["shippingFee"] - 1000
    settle(local_stack)
    [used] = my_coupons(local_stack, who, "USED")
    assert (used["couponCode"], used["orderId"]) == (code, first["orderId"])
    assert my_coupons(local_stack, who, "ACTIVE") == []
    again = local_stack.post("/v1/orders", as_=who, json_body=order_request(couponCode=code))
    assert again.status_code == 422 and "used already" in again.json()["detail"], again.text

    # Cancelled before payment: the coupon is ACTIVE again, and goes on the next order.
    cancelled = local_stack.post(f"/v1/orders/{first['orderId']}/cancel", as_=who, json_body={})
    assert cancelled.status_code == 200, cancelled.text
    settle(local_stack)
    [back] = my_coupons(local_stack, who, "ACTIVE")
    assert (back["couponCode"], back["orderId"]) == (code, None)
    second = local_stack.post("/v1/orders", as_=who, json_body=order_request(couponCode=code))
    assert second.status_code == 201, second.text
    assert second.json()["couponDiscount"] == 1000
    settle(local_stack)
    assert [c["orderId"] for c in my_coupons(local_stack, who, "USED")] == [second.json()["orderId"]]


def test_goodwill_coupons_are_within_the_roles_limit_and_on_the_customers_history(
    local_stack: LocalStackProcess,
) -> None:
    customer_id = f"cus_e2e_gw_{uuid.uuid4().hex[:10]}"
    path = f"/v1/admin/customers/{customer_id}/coupons"
    body = {"discount": 2000, "currency": "CNY", "reason": "the parcel arrived a week late"}
    given = local_stack.post(path, as_=AGENT, json_body=body)
    assert given.status_code == 201, given.text
    over = local_stack.post(path, as_=AGENT, json_body={**body, "discount": 5000})
    assert over.status_code == 403, over.text
    assert over.headers["content-type"] == "application/problem+json"
    bigger = local_stack.post(path, as_=SUPERVISOR, json_body={**body, "discount": 5000})
    assert bigger.status_code == 201, bigger.text
    assert local_stack.post(path, as_=(customer_id, "customer"), json_body=body).status_code == 403

    history = local_stack.get(f"/v1/admin/customers/{customer_id}/history", as_=AGENT).json()
    coupons = {entry["id"]: entry for entry in history["coupons"]}
    assert set(coupons) == {given.json()["couponCode"], bigger.json()["couponCode"]}
    assert "staff_sam" in coupons[given.json()["couponCode"]]["summary"]
    assert "a week late" in coupons[given.json()["couponCode"]]["summary"]
    assert history["profile"]["points"] == 0  # no points were debited

    # The customer sees both, and may use one on an order.
    who = (customer_id, "customer")
    assert len(my_coupons(local_stack, who, "ACTIVE")) == 2
    settle(local_stack)
    order = local_stack.post(
        "/v1/orders", as_=who, json_body=order_request(couponCode=given.json()["couponCode"])
    )
    assert order.status_code == 201, order.text
    assert order.json()["couponDiscount"] == 2000
