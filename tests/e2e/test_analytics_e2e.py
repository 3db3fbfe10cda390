"""Service analytics through the local stack: orders and a ticket driven over HTTP reach the
KPIs through the tables' streams, the supervisor-only API answers them, and the report page
renders them with charts, looked at in a real headless browser (a screenshot under
test-artifacts/)."""

from __future__ import annotations

import struct
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from infra.template import ROOT
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

SUPERVISOR = ("sup_e2e_zhao", "supervisor")
CUSTOMER = ("cus_e2e_analytics", "customer")
ARTIFACTS = Path(ROOT) / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ADDRESS = {"recipient": "Han Mei", "phone": "+86 139 0000 1111", "line1": "1 Huaihai Road", "city": "Shanghai",
           "postalCode": "200020", "country": "CN"}  # fmt: skip


def ok(reply: Any, status: int = 200) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json())


def delivered_order(stack: LocalStackProcess) -> dict[str, Any]:
    body = {"items": [{"sku": "TEA-1", "name": "Tea set", "category": "kitchen", "quantity": 1, "unitPrice": 15900}],
            "currency": "CNY", "shippingFee": 0, "discount": 0, "shippingAddress": ADDRESS, "paymentMethod": "ALIPAY"}  # fmt: skip
    order = ok(stack.post("/v1/orders", as_=CUSTOMER, json_body=body), 201)
    path = f"/v1/admin/orders/{order['orderId']}"
    payment = {
        "amount": order["total"],
        "method": "BANK_TRANSFER",
        "transactionId": f"txn-{order['orderId']}",
    }
    ok(stack.post(f"{path}/payment", as_=("staff_e2e", "agent"), json_body=payment))
    ok(stack.post(f"{path}/confirm", as_=("staff_e2e", "agent")))
    ok(stack.post(f"{path}/pack", as_=("staff_e2e", "warehouse")))
    ship = {"carrier": "sf-express", "trackingNumber": f"SF{order['orderId'][-10:]}"}
    ok(stack.post(f"{path}/ship", as_=("staff_e2e", "warehouse"), json_body=ship))
    return ok(stack.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=CUSTOMER))


def kpis(stack: LocalStackProcess, first: date, last: date) -> dict[str, Any]:
    query = {"from": first.isoformat(), "to": last.isoformat()}
    return ok(stack.get("/v1/admin/analytics/kpis", as_=SUPERVISOR, params=query))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def screenshot(url: str, target: Path) -> bytes:
    if not Path(CHROMIUM).exists():
        pytest.skip("headless Chromium is missing: `make browser` installs it (Debian package chromium)")
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={target}",
             "--window-size=1280,2000", url],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    return target.read_bytes()


def test_kpis_follow_the_api_and_the_report_shows_them_in_a_browser(local_stack: LocalStackProcess) -> None:
    stack = local_stack
    today = date.fromisoformat(stack.now()[:10])
    first = today - timedelta(days=13)
    ok(stack.post("/_local/settle"))  # what earlier tests did has reached the aggregates
    before = kpis(stack, first, today)

    for _ in range(2):
        delivered_order(stack)
    ok(
        stack.post("/v1/orders", as_=CUSTOMER, json_body={**_order_body(), "paymentMethod": "WECHAT_PAY"}),
        201,
    )
    ticket = ok(stack.post("/v1/tickets", as_=CUSTOMER, json_body={
        "channel": "app", "subject": "Parcel", "message": "When will my tea set arrive?"}), 201)  # fmt: skip
    agent = ticket["assignee"]
    assert agent, ticket
    ok(stack.post(f"/v1/admin/tickets/{ticket['ticketId']}/reply", as_=(agent, "agent"),
                  json_body={"message": "It arrives tomorrow morning."}))  # fmt: skip
    ok(stack.post(f"/v1/admin/tickets/{ticket['ticketId']}/solve", as_=(agent, "agent"),
                  json_body={"resolution": "delivery date given"}))  # fmt: skip
    # the ticket's survey is surveys' reaction to TicketSolved (the bus): wait for it
    deadline = time.monotonic() + 30
    while True:
        ok(stack.post("/_local/settle"))
        surveys = ok(stack.get("/v1/surveys", as_=CUSTOMER, params={"limit": 100}))["items"]
        about_ticket = next((s for s in surveys if s.get("subjectId") == ticket["ticketId"]), None)
        if about_ticket is not None or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert about_ticket is not None, "the solved ticket got no survey"
    ok(stack.post(f"/v1/me/surveys/{about_ticket['surveyId']}/responses", as_=CUSTOMER,
                  json_body={"csat": 5, "nps": 10}), 201)  # fmt: skip

    # the aggregates follow the streams asynchronously: wait until they have caught up
    deadline = time.monotonic() + 60
    while True:
        ok(stack.post("/_local/settle"))
        after = kpis(stack, first, today)
        if after["surveys"]["csat"]["n"] > before["surveys"]["csat"]["n"] or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert after["orders"]["placed"] == before["orders"]["placed"] + 3
    assert after["orders"]["delivered"] == before["orders"]["delivered"] + 2
    assert after["tickets"]["opened"] == before["tickets"]["opened"] + 1
    assert after["tickets"]["firstResponse"]["n"] >= before["tickets"]["firstResponse"]["n"] + 1
    assert after["surveys"]["csat"]["n"] == before["surveys"]["csat"]["n"] + 1
    assert agent in {a["agentId"] for a in after["agents"]}
    assert stack.get("/v1/admin/analytics/kpis", as_=(agent, "agent")).status_code == 403

    # the report page: rendered by the report function into the reports bucket, served locally
    url = stack.url(f"/_local/reports/kpis?from={first.isoformat()}&to={today.isoformat()}")
    page = stack.session.get(url, timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    shown = kpis(stack, first, today)
    assert f"Service KPIs · {first.isoformat()} to {today.isoformat()}" in html
    assert f'<div class="value">{shown["orders"]["placed"]:,}</div>' in html
    assert f"mean of n={shown['surveys']['csat']['n']} answers" in html
    assert f"n={shown['satisfactionVsHandlingTime']['n']} pairs" in html
    assert html.count("<svg") >= 8 and agent in html
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "analytics-report.html").write_text(html, encoding="utf-8")

    image = screenshot(url, ARTIFACTS / "analytics-report.png")
    assert png_size(image) == (1280, 2000)
    assert len(image) > 50_000, "the screenshot looks blank"


def _order_body() -> dict[str, Any]:
    return {"items": [{"sku": "CUP-2", "name": "Cup", "category": "kitchen", "quantity": 2, "unitPrice": 2500}],
            "currency": "CNY", "shippingFee": 0, "discount": 0, "shippingAddress": ADDRESS}  # fmt: skip
