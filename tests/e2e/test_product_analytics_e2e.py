"""Product quality and live-stream analytics through the local stack over real HTTP: orders
for two SKUs, some sold in a live stream, delivered; returns opened at once from several
threads, an exchange and a complaint; the product and live-session routes answer the exact
figures (a SKU whose return rate jumped against the day before is flagged); the live
session's requests cross the alert threshold and supervisors are notified exactly once,
even with more requests after; the report page shows the new sections."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
import requests

from aftercare.analytics.products import alert_id
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

SUPERVISOR = ("sup_e2e_qian", "supervisor")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")
ADDRESS = {"recipient": "Han Mei", "phone": "+86 139 0000 1111", "line1": "1 Huaihai Road", "city": "Shanghai",
           "postalCode": "200020", "country": "CN"}  # fmt: skip
THRESHOLD = 5  # LiveAfterSalesAlertThreshold's default
ALERT = "live.after-sales-surge"


def ok(reply: requests.Response, status: int = 200) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json())


def place(
    stack: LocalStackProcess, who: tuple[str, str], sku: str, price: int, source: dict[str, str]
) -> dict[str, Any]:
    body = {"items": [{"sku": sku, "name": sku, "category": "kitchen", "quantity": 1, "unitPrice": price}],
            "currency": "CNY", "shippingFee": 0, "discount": 0, "shippingAddress": ADDRESS,
            "paymentMethod": "ALIPAY", "source": source}  # fmt: skip
    return ok(stack.post("/v1/orders", as_=who, json_body=body), 201)


def deliver(stack: LocalStackProcess, who: tuple[str, str], order: dict[str, Any]) -> dict[str, Any]:
    path = f"/v1/admin/orders/{order['orderId']}"
    payment = {
        "amount": order["total"],
        "method": "BANK_TRANSFER",
        "transactionId": f"txn-{order['orderId']}",
    }
    ok(stack.post(f"{path}/payment", as_=AGENT, json_body=payment))
    ok(stack.post(f"{path}/confirm", as_=AGENT))
    ok(stack.post(f"{path}/pack", as_=WAREHOUSE))
    ship = {"carrier": "sf-express", "trackingNumber": f"SF{order['orderId'][-10:]}"}
    ok(stack.post(f"{path}/ship", as_=WAREHOUSE, json_body=ship))
    return ok(stack.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=who))


def open_case(stack: LocalStackProcess, who: tuple[str, str], order: dict[str, Any], case_type: str,
              reason: str) -> requests.Response:  # fmt: skip
    sku = order["items"][0]["sku"]
    body = {
        "orderId": order["orderId"],
        "type": case_type,
        "reason": reason,
        "items": [{"sku": sku, "quantity": 1}],
    }
    return stack.post("/v1/after-sales", as_=who, json_body=body)


def eventually(stack: LocalStackProcess, read: Callable[[], Any], done: Callable[[Any], bool],
               seconds: float = 60) -> Any:  # fmt: skip
    deadline = time.monotonic() + seconds
    while True:
        ok(stack.post("/_local/settle"))
        seen = read()
        if done(seen) or time.monotonic() > deadline:
            return seen
        time.sleep(0.5)


def alert_records(stack: LocalStackProcess, session: str, day: str) -> list[dict[str, Any]]:
    """This session's live alerts, of any day the test spans: other tests on the same stack
    (the service-process demo) raise alerts of their own sessions."""
    mine = {alert_id(session, (date.fromisoformat(day) + timedelta(days=d)).isoformat()) for d in (-1, 0, 1)}
    dynamodb: Any = stack.aws("dynamodb")
    table = next(
        name for name in dynamodb.list_tables()["TableNames"] if name.endswith("NotificationLogTable")
    )
    items = dynamodb.scan(TableName=table)["Items"]  # a test looking at a small local table
    return [
        dict(item) for item in items if item["kind"]["S"] == ALERT and item["notificationId"]["S"] in mine
    ]


def test_product_and_live_session_figures_the_alert_once_and_the_report(
    local_stack: LocalStackProcess,
) -> None:
    stack = local_stack
    run = uuid.uuid4().hex[:6].upper()
    tea, cup, session, host = f"TEA-{run}", f"CUP-{run}", f"live_{run}", f"host_{run}"
    live = {"kind": "live-stream", "sessionId": session, "host": host}
    fans = [(f"cus_e2e_fan{run}{i}", "customer") for i in range(6)]
    shopper = (f"cus_e2e_shop{run}", "customer")

    # The day before: two tea sets sold in the app and kept (the SKU's own past).
    for _ in range(2):
        place(stack, shopper, tea, 5000, {"kind": "app"})
    ok(stack.post("/_local/settle"))
    with stack.only_schedules():
        stack.advance(24 * 3600)
    day = stack.now()[:10]

    # Today: six tea sets sold in the live stream, two cups in the web shop, all delivered.
    sold = [place(stack, fan, tea, 5000, live) for fan in fans]
    assert sold[0]["source"] == live
    cups = [place(stack, shopper, cup, 2500, {"kind": "web"}) for _ in range(2)]
    for who, order in [*zip(fans, sold, strict=True), (shopper, cups[0]), (shopper, cups[1])]:
        assert deliver(stack, who, order)["status"] == "DELIVERED"
    refused = stack.post(
        "/v1/orders", as_=shopper, json_body={"items": [], "source": {"kind": "live-stream"}}
    )
    assert refused.status_code == 400

    # Five fans return their tea set at the same moment: the fifth request crosses the threshold.
    replies: list[requests.Response] = []
    barrier = threading.Barrier(THRESHOLD)

    def returns(index: int) -> None:
        barrier.wait()
        replies.append(open_case(stack, fans[index], sold[index], "RETURN_REFUND", "NO_REASON"))

    threads = [threading.Thread(target=returns, args=(i,)) for i in range(THRESHOLD)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in replies) == [201] * THRESHOLD, [r.text for r in replies]
    records = eventually(stack, lambda: alert_records(stack, session, day), lambda found: len(found) >= 1)
    assert [(r["notificationId"]["S"], r["recipientId"]["S"], r["status"]["S"]) for r in records] == [
        (alert_id(session, day), "role:supervisor", "SENT")
    ]

    # More requests that day (an exchange) and a complaint about a cup: still the one alert.
    assert open_case(stack, fans[5], sold[5], "EXCHANGE", "SIZE_FIT").status_code == 201
    complaint = {"channel": "app", "subject": "投诉客服", "orderId": cups[0]["orderId"],
                 "message": "你们客服态度太差了，三天都没人回复，再不处理我就去12315投诉！"}  # fmt: skip
    assert ok(stack.post("/v1/tickets", as_=shopper, json_body=complaint), 201)["category"] == "COMPLAINT"

    query = {"from": day, "to": day}

    def products() -> dict[str, Any]:
        return ok(stack.get("/v1/admin/analytics/products", as_=SUPERVISOR, params=query))

    def figures(doc: dict[str, Any]) -> dict[str, Any]:
        return {s["sku"]: s for s in doc["skus"] if s["sku"] in (tea, cup)}

    doc = eventually(
        stack,
        products,
        lambda d: (
            tea in figures(d)
            and figures(d)[tea]["exchangeRate"]["numerator"] == 1
            and cup in figures(d)
            and figures(d)[cup]["complaintRate"]["numerator"] == 1
        ),
    )
    found = figures(doc)
    assert (found[tea]["orderLines"], found[tea]["unitsSold"], found[tea]["category"]) == (6, 6, "kitchen")
    assert found[tea]["returnRate"] == {"value": 0.8333, "numerator": 5, "n": 6}
    assert found[tea]["exchangeRate"] == {"value": 0.1667, "numerator": 1, "n": 6}
    assert found[tea]["reasons"] == {"NO_REASON": 5, "SIZE_FIT": 1}
    assert found[cup]["orderLines"] == 2 and found[cup]["returnRate"]["numerator"] == 0
    assert found[cup]["complaintRate"] == {"value": 0.5, "numerator": 1, "n": 2}
    assert found[cup]["tickets"] == {"COMPLAINT": 1}
    jumps = [j for j in doc["jumps"] if j["sku"] in (tea, cup)]
    assert jumps == [
        {
            "sku": tea,
            "category": "kitchen",
            "kind": "returns",
            "current": {"value": 0.8333, "numerator": 5, "n": 6},
            "baseline": {"value": 0.0, "numerator": 0, "n": 2},
            "ratio": None,
        }
    ]  # the cups had no past; the exchange is 1 case

    sessions = ok(stack.get("/v1/admin/analytics/live-sessions", as_=SUPERVISOR, params=query))
    [mine] = [s for s in sessions["sessions"] if s["sessionId"] == session]
    assert (mine["host"], mine["orders"], mine["gmv"]) == (host, 6, {"CNY": 30000})
    assert (mine["afterSalesRequests"], mine["returns"], mine["complaints"]) == (6, 6, 0)
    assert mine["returnRate"] == {"value": 1.0, "numerator": 6, "n": 6}
    [me] = [h for h in sessions["hosts"] if h["host"] == host]
    assert (me["sessions"], me["orders"], me["afterSalesRequests"]) == (1, 6, 6)
    assert sessions["alertThreshold"] == THRESHOLD
    assert stack.get("/v1/admin/analytics/live-sessions", as_=AGENT, params=query).status_code == 403

    assert len(alert_records(stack, session, day)) == 1  # exactly one, after every request was counted

    # The report page shows the product and live-stream sections.
    page = stack.session.get(stack.url(f"/_local/reports/kpis?from={day}&to={day}"), timeout=60)
    assert page.status_code == 200, page.text
    html = page.text
    assert "Product quality: top SKUs by return rate" in html
    assert f"<th>{tea}</th><td>kitchen</td><td>6</td><td>6</td><td>83.3% (5 of n=6)</td>" in html
    assert (
        f"<th>{tea}</th><td>kitchen</td><td>returns</td><td>83.3% (5 of n=6)</td><td>0.0% (0 of n=2)</td>"
        in html
    )
    assert f"<th>{session}</th><td>{host}</td><td>6</td>" in html
    assert "Live-stream hosts" in html and f"<th>{host}</th><td>1</td><td>6</td>" in html
