"""Product and live-stream analytics: orders sold in a live stream are delivered and returned
until the session's after-sales requests of the day reach the alert threshold (supervisors
are notified once); a supervisor reads the product quality per SKU and the KPIs per live
session and host; the report page shows both."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from infra.local.demo import AGENT, SUPERVISOR, WAREHOUSE, Demo

RUN = uuid.uuid4().hex[:6].upper()
SKU = f"TEA-DEMO-{RUN}"
SESSION, HOST = f"live_demo_{RUN}", f"host_demo_{RUN}"
FANS = [(f"cus_demo_fan{RUN.lower()}{i}", "customer") for i in range(5)]
THRESHOLD = 5  # LiveAfterSalesAlertThreshold's default
ADDRESS = {"recipient": "Demo Fan", "phone": "+86 139 0000 2222", "line1": "9 Live Street",
           "city": "Hangzhou", "postalCode": "310000", "country": "CN"}  # fmt: skip
ITEM = {"sku": SKU, "name": "Tea set", "category": "kitchen", "quantity": 1, "unitPrice": 8800}


def _figures(demo: Demo, path: str) -> dict[str, Any]:
    day = demo.state["live_day"]
    reply = demo.client.get(f"/v1/admin/analytics/{path}", as_=SUPERVISOR, params={"from": day, "to": day})
    return demo.expect(reply, 200)


def live_orders_delivered(demo: Demo) -> str:
    orders = []
    for fan in FANS:
        body = {"items": [ITEM],
                "currency": "CNY", "shippingFee": 0, "discount": 0, "shippingAddress": ADDRESS,
                "paymentMethod": "WECHAT_PAY",
                "source": {"kind": "live-stream", "sessionId": SESSION, "host": HOST}}  # fmt: skip
        order = demo.expect(demo.client.post("/v1/orders", as_=fan, json_body=body), 201)
        path = f"/v1/admin/orders/{order['orderId']}"
        payment = {
            "amount": order["total"],
            "method": "BANK_TRANSFER",
            "transactionId": f"demo-{order['orderId']}",
        }
        demo.expect(demo.client.post(f"{path}/payment", as_=AGENT, json_body=payment), 200)
        demo.expect(demo.client.post(f"{path}/confirm", as_=AGENT), 200)
        demo.expect(demo.client.post(f"{path}/pack", as_=WAREHOUSE), 200)
        ship = {"carrier": "sf-express", "trackingNumber": f"SF{order['orderId'][-10:]}"}
        demo.expect(demo.client.post(f"{path}/ship", as_=WAREHOUSE, json_body=ship), 200)
        delivered = demo.client.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=fan)
        orders.append(demo.expect(delivered, 200))
    demo.state["live_orders"] = orders
    demo.state["live_day"] = demo.client.now()[:10]
    return f"{len(orders)} orders of {SKU} sold in live session {SESSION} (host {HOST}), delivered"


def live_returns_alert_supervisors(demo: Demo) -> str:
    for fan, order in zip(FANS, demo.state["live_orders"], strict=True):
        body = {"orderId": order["orderId"], "type": "RETURN_REFUND", "reason": "NO_REASON",
                "items": [{"sku": SKU, "quantity": 1}]}  # fmt: skip
        demo.expect(demo.client.post("/v1/after-sales", as_=fan, json_body=body), 201)

    def session() -> dict[str, Any]:
        demo.expect(demo.client.post("/_local/settle"), 200)
        found = [s for s in _figures(demo, "live-sessions")["sessions"] if s["sessionId"] == SESSION]
        return found[0] if found else {"afterSalesRequests": 0}

    seen = demo.until(
        "the returns reaching analytics", session, lambda s: s["afterSalesRequests"] >= THRESHOLD
    )
    return (
        f"{seen['afterSalesRequests']} returns of the session today reach the threshold of {THRESHOLD}: "
        "supervisors get one live.after-sales-surge notification (role:supervisor)"
    )


def product_quality(demo: Demo) -> str:
    doc = _figures(demo, "products")
    [tea] = [s for s in doc["skus"] if s["sku"] == SKU]
    rate = tea["returnRate"]
    return (
        f"{SUPERVISOR[0]} reads product quality: {SKU} return rate {rate['value']:.0%} "
        f"({rate['numerator']} of n={rate['n']} order lines), reasons {tea['reasons']}; "
        f"{len(doc['jumps'])} SKU(s) jumped against "
        f"{doc['baselineFrom']}..{doc['baselineTo']}"
    )


def live_sessions(demo: Demo) -> str:
    doc = _figures(demo, "live-sessions")
    [mine] = [s for s in doc["sessions"] if s["sessionId"] == SESSION]
    return (
        f"live session {SESSION}: {mine['orders']} orders, GMV {mine['gmv']}, return rate "
        f"{mine['returnRate']['value']:.0%}, {mine['complaints']} complaints, CSAT n={mine['csat']['n']}"
    )


def report_sections(demo: Demo) -> str:
    day = demo.state["live_day"]
    page = demo.client.session.get(demo.client.url(f"/_local/reports/kpis?from={day}&to={day}"), timeout=60)
    if page.status_code != 200 or SKU not in page.text or SESSION not in page.text:
        from infra.local.demo import DemoFailed

        raise DemoFailed(f"the report lacks the product or live sections: {page.status_code}")
    return (
        f"the report {demo.client.url(f'/_local/reports/kpis?from={day}&to={day}')} shows {SKU} and {SESSION}"
    )


STEPS: list[Callable[[Demo], str]] = [
    live_orders_delivered,
    live_returns_alert_supervisors,
    product_quality,
    live_sessions,
    report_sections,
]
