"""Points and coupons: a customer earns points by answering their delivered order's survey,
buys a coupon with them (the ledger debited in the same transaction), places an order with
it (the discount on the order) and sees it USED; an agent gives a goodwill coupon, shown on
the customer's history, and one over the agent's limit is refused."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from aftercare.clock import parse_iso
from infra.local.demo import Demo
from infra.local.seed import order_request

CUSTOMER = (f"cus_coupons_{uuid.uuid4().hex[:6]}", "customer")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")
DISPATCHER = "SurveyDispatchFunction"
TEN_OFF = "cny-10-off-100"


def _settle(demo: Demo) -> None:
    demo.expect(demo.client.post("/_local/settle"), 200)


def earn_points(demo: Demo) -> str:
    client = demo.client
    order = demo.expect(client.post("/v1/orders", as_=CUSTOMER, json_body=order_request("Coupon Demo")), 201)
    paid = {
        "amount": order["total"],
        "method": "BANK_TRANSFER",
        "transactionId": f"demo-{uuid.uuid4().hex[:10]}",
    }
    parcel = {"carrier": "sf-express", "trackingNumber": f"SF{uuid.uuid4().hex[:10].upper()}"}
    steps: list[tuple[str, tuple[str, str], dict[str, Any] | None]] = [
        ("payment", AGENT, paid),
        ("confirm", AGENT, None),
        ("pack", WAREHOUSE, None),
        ("ship", WAREHOUSE, parcel),
    ]
    for step, who, body in steps:
        demo.expect(client.post(f"/v1/admin/orders/{order['orderId']}/{step}", as_=who, json_body=body), 200)
    demo.expect(client.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=CUSTOMER), 200)
    mine = lambda: demo.expect(client.get("/v1/surveys", as_=CUSTOMER), 200)  # noqa: E731
    scheduled = demo.until("the delivered order's survey", mine, lambda page: bool(page["items"]))
    due = parse_iso(scheduled["items"][0]["dueAt"])
    with client.only_schedules(DISPATCHER):
        client.advance(max(0.0, (due - parse_iso(client.now())).total_seconds()) + 600)
    sent = demo.until("the survey invitation", mine, lambda page: page["items"][0]["status"] == "SENT")
    survey_id = sent["items"][0]["surveyId"]
    demo.expect(
        client.post(f"/v1/me/surveys/{survey_id}/responses", as_=CUSTOMER, json_body={"csat": 5}), 201
    )
    me = demo.until(
        "the survey's points",
        lambda: demo.expect(client.get("/v1/me", as_=CUSTOMER), 200),
        lambda profile: profile["points"] > 0,
    )
    return f"{CUSTOMER[0]} answered survey {survey_id}: {me['points']} points"


def redeem(demo: Demo) -> str:
    catalog = demo.expect(demo.client.get("/v1/coupon-catalog", as_=CUSTOMER), 200)["items"]
    item = next(entry for entry in catalog if entry["catalogId"] == TEN_OFF)
    coupon = demo.expect(
        demo.client.post("/v1/me/coupons", as_=CUSTOMER, json_body={"catalogId": TEN_OFF}), 201
    )
    demo.state["coupon"] = coupon
    points = demo.expect(demo.client.get("/v1/me", as_=CUSTOMER), 200)["points"]
    _settle(demo)  # orders keep their copy of the coupon (CouponIssued)
    return (
        f"POST /v1/me/coupons {TEN_OFF} ({item['pointsCost']} points): {coupon['couponCode']}, "
        f"{coupon['discount']} off {coupon['minSpend']} {coupon['currency']} (minor units), "
        f"until {coupon['expiresAt']}; {points} points left"
    )


def order_with_coupon(demo: Demo) -> str:
    code = demo.state["coupon"]["couponCode"]
    order = demo.expect(
        demo.client.post("/v1/orders", as_=CUSTOMER, json_body=order_request("Coupon Demo", couponCode=code)),
        201,
    )
    again = demo.client.post(
        "/v1/orders", as_=CUSTOMER, json_body=order_request("Coupon Demo", couponCode=code)
    )
    demo.expect(again, 422)
    return (
        f"order {order['orderId']} with {code}: subtotal {order['subtotal']}"
        f" + shipping {order['shippingFee']} "
        f"- discount {order['discount']} (coupon {order['couponDiscount']}) = {order['total']}; "
        f"the same coupon again: {again.status_code} {again.json()['detail']}"
    )


def coupon_used(demo: Demo) -> str:
    _settle(demo)  # customers show the use orders reported (CouponUsed)
    used = demo.expect(demo.client.get("/v1/me/coupons", as_=CUSTOMER, params={"status": "USED"}), 200)
    [coupon] = [c for c in used["items"] if c["couponCode"] == demo.state["coupon"]["couponCode"]]
    return f"GET /v1/me/coupons?status=USED: {coupon['couponCode']} {coupon['status']} by {coupon['orderId']}"


def goodwill(demo: Demo) -> str:
    path = f"/v1/admin/customers/{CUSTOMER[0]}/coupons"
    body = {"discount": 1500, "currency": "CNY", "reason": "the courier was a day late"}
    given = demo.expect(demo.client.post(path, as_=AGENT, json_body=body), 201)
    over = demo.client.post(path, as_=AGENT, json_body={**body, "discount": 10000})
    demo.expect(over, 403)
    history = demo.expect(demo.client.get(f"/v1/admin/customers/{CUSTOMER[0]}/history", as_=AGENT), 200)
    shown = [entry["summary"] for entry in history["coupons"] if entry["id"] == given["couponCode"]]
    return f"{AGENT[0]} gave {given['couponCode']} ({shown[0]}); 10000, over the limit: {over.status_code}"


STEPS: list[Callable[[Demo], str]] = [earn_points, redeem, order_with_coupon, coupon_used, goodwill]
