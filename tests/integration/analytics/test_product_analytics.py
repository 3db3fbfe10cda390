"""Product quality and live-stream analytics on moto: orders placed with a source, delivered,
returned, exchanged and complained about through the APIs reach the per-SKU and per-session
figures through the event flow; the two supervisor routes answer them; a live session's
after-sales requests alert supervisors once per day, however many follow, however often an
event is redelivered, and when they arrive at once; the report shows the new sections."""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

import pytest

from aftercare import clock
from aftercare.aftersales.events import CaseOpened
from aftercare.analytics import products, service, store
from aftercare.aws import client
from aftercare.events import DomainEvent, Happened, envelope
from aftercare.orders.events import OrderPlaced
from aftercare.settings import get_settings
from aftercare.tickets import team
from tests.integration.analytics.conftest import SUPERVISOR
from tests.integration.analytics.support import deliver, message
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow
from tests.support.orders import Orders, order_body

DAY = date(2026, 11, 23)
LIVE = {"kind": "live-stream", "sessionId": "live_1", "host": "Lin"}
KETTLE = {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900}
MUG = {"sku": "MUG-2", "name": "Mug", "category": "kitchen", "quantity": 1, "unitPrice": 3500}


def route(
    api: Api, path: str, claims: dict[str, Any] | None = SUPERVISOR, query: dict[str, str] | None = None
) -> Any:
    return api.call("GET", f"/v1/admin/analytics/{path}", claims=claims, query=query or {})


def delivered(orders: Orders, owner: str, **changes: Any) -> dict[str, Any]:
    order = orders.place(owner, **changes)
    order_id = order["orderId"]
    assert orders.pay(order_id, amount=order["total"], transaction=f"txn-{order_id}").status == 200
    assert orders.step(order_id, "confirm", "agent").status == 200
    assert orders.step(order_id, "pack", "warehouse").status == 200
    ship = {"carrier": "sf-express", "trackingNumber": f"SF{order_id[-10:]}"}
    assert orders.step(order_id, "ship", "warehouse", ship).status == 200
    reply = orders.api.call("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer(owner))
    assert reply.status == 200, reply.body
    return dict(reply.json)


def open_case(api: Api, order_id: str, owner: str, case_type: str, reason: str, sku: str) -> None:
    body = {"orderId": order_id, "type": case_type, "reason": reason, "items": [{"sku": sku, "quantity": 1}]}
    reply = api.call("POST", "/v1/after-sales", claims=customer(owner), json_body=body)
    assert reply.status == 201, reply.body


def notifications() -> list[dict[str, Any]]:
    """Every notification queued so far (drains the queue)."""
    sqs, url = client("sqs"), get_settings().notifications_queue_url
    found: list[dict[str, Any]] = []
    while batch := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
        for item in batch:
            found.append(json.loads(item["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=item["ReceiptHandle"])
    return found


def alerts() -> list[dict[str, Any]]:
    return [n for n in notifications() if n["kind"] == service.LIVE_ALERT]


# ---------------------------------------------------------------- through the APIs and the flow
def test_orders_cases_and_complaints_reach_the_product_and_live_figures(
    api: Api, flow: EventFlow, orders: Orders, fixed_clock: clock.FixedClock
) -> None:
    team.seed_agents()
    live = delivered(orders, "cus_a", items=[KETTLE, MUG], source=LIVE)
    app = delivered(orders, "cus_b", items=[KETTLE], source={"kind": "app"})
    delivered(orders, "cus_c", items=[MUG])
    assert live["source"] == LIVE and app["source"] == {"kind": "app"}
    open_case(api, live["orderId"], "cus_a", "RETURN_REFUND", "NO_REASON", "KTL-1")
    open_case(api, app["orderId"], "cus_b", "EXCHANGE", "SIZE_FIT", "KTL-1")
    complaint = {"channel": "app", "subject": "投诉客服", "orderId": live["orderId"],
                 "message": "你们客服态度太差了，三天都没人回复，再不处理我就去12315投诉！"}  # fmt: skip
    opened = api.call("POST", "/v1/tickets", claims=customer("cus_a"), json_body=complaint)
    assert opened.status == 201 and opened.json["category"] == "COMPLAINT", opened.body
    flow.run()
    assert not flow.failures

    reply = route(api, "products", query={"from": DAY.isoformat(), "to": DAY.isoformat()})
    assert reply.status == 200, reply.body
    skus = {s["sku"]: s for s in reply.json["skus"]}
    kettle, mug = skus["KTL-1"], skus["MUG-2"]
    assert (kettle["category"], kettle["orderLines"], kettle["unitsSold"]) == ("appliances", 2, 4)
    assert kettle["returnRate"] == {"value": 0.5, "numerator": 1, "n": 2}
    assert kettle["exchangeRate"] == {"value": 0.5, "numerator": 1, "n": 2}
    assert kettle["complaintRate"] == {"value": 0.5, "numerator": 1, "n": 2}
    assert kettle["reasons"] == {"NO_REASON": 1, "SIZE_FIT": 1}
    assert kettle["cases"] == {"RETURN_REFUND": 1, "EXCHANGE": 1}
    assert (mug["orderLines"], mug["returnRate"]["value"], mug["complaintRate"]["numerator"]) == (2, 0.0, 1)
    assert [s["sku"] for s in reply.json["skus"]] == ["KTL-1", "MUG-2"]  # by return rate
    categories = {c["category"]: c for c in reply.json["categories"]}
    assert categories["appliances"]["returnRate"]["numerator"] == 1
    assert categories["kitchen"]["orderLines"] == 2
    assert reply.json["jumps"] == []  # no past sales: nothing to jump against

    reply = route(api, "live-sessions", query={"from": DAY.isoformat(), "to": DAY.isoformat()})
    assert reply.status == 200, reply.body
    [session] = reply.json["sessions"]
    assert (session["sessionId"], session["host"], session["orders"]) == ("live_1", "Lin", 1)
    assert session["gmv"] == {"CNY": live["total"]}
    assert (session["afterSalesRequests"], session["returns"], session["complaints"]) == (1, 1, 1)
    assert session["returnRate"] == {"value": 1.0, "numerator": 1, "n": 1}
    [host] = reply.json["hosts"]
    assert (host["host"], host["sessions"], host["orders"]) == ("Lin", 1, 1)


@pytest.mark.parametrize(
    "source",
    [
        {"kind": "live-stream", "host": "Lin"},
        {"kind": "live-stream", "sessionId": "live_1"},
        {"kind": "live-stream", "sessionId": "", "host": "Lin"},
        {"kind": "tv"},
        {"sessionId": "live_1", "host": "Lin"},
    ],
)
def test_a_source_that_does_not_say_its_session_and_host_is_refused(api: Api, source: dict[str, str]) -> None:
    reply = api.call("POST", "/v1/orders", claims=customer("cus_a"), json_body=order_body(source=source))
    assert reply.status == 400, reply.body  # a malformed body, as every pydantic refusal here
    assert reply.json["errors"][0]["field"].startswith("source"), reply.body


def test_the_product_and_live_routes_are_for_supervisors_with_a_valid_range(api: Api) -> None:
    for path in ("products", "live-sessions"):
        assert route(api, path, claims=staff("agent")).status == 403
        assert route(api, path, claims=customer("cus_a")).status == 403
        assert route(api, path, query={"from": "2026-11-24", "to": "2026-11-23"}).status == 400
        assert route(api, path, query={"from": "2026-1-1"}).status == 400
        assert route(api, path, query={"from": "2025-01-01", "to": "2026-11-23"}).status == 400


# ---------------------------------------------------------------- events fed to the reactions
def ev(payload: Any, time: str) -> DomainEvent:
    domain = type(payload).__module__.split(".")[1]
    return envelope(Happened(payload, subject="x", time=time), source=domain, origin=f"{payload!r}{time}")


def placed(
    index: int, sku: str = "TEA-1", at: str = "2026-11-23T08:00:00.000Z", **source: str
) -> DomainEvent:
    lines = [{"sku": sku, "quantity": 1, "unit_price": 5000, "category": "kitchen"}]
    return ev(OrderPlaced(f"ord_{index}", "cus_a", "CNY", 5000, at, lines=lines, source=source), at)


def returned(index: int, sku: str = "TEA-1", at: str = "2026-11-23T10:00:00.000Z") -> DomainEvent:
    items = [{"sku": sku, "quantity": 1}]
    return ev(
        CaseOpened(f"as_{index}", f"ord_{index}", "cus_a", "RETURN_REFUND", at, "QUALITY_ISSUE", items), at
    )


def test_a_sku_whose_return_rate_jumps_against_the_day_before_is_flagged(api: Api) -> None:
    before, now = "2026-11-22T08:00:00.000Z", "2026-11-23T08:00:00.000Z"
    events = [placed(i, at=before) for i in range(10)] + [returned(0, at=before)]
    events += [placed(i, at=now) for i in range(10, 20)] + [returned(i, at=now) for i in (10, 11, 12)]
    events += [placed(i, sku="CUP-2", at=before) for i in range(20, 24)]
    events += [placed(i, sku="CUP-2", at=now) for i in range(24, 28)] + [returned(24, sku="CUP-2", at=now)]
    assert deliver(api, [message(e) for e in events]) == []
    assert deliver(api, [message(e) for e in events[-5:]]) == []  # redelivered: counted once
    doc = route(api, "products", query={"from": "2026-11-23", "to": "2026-11-23"}).json
    assert (doc["baselineFrom"], doc["baselineTo"]) == ("2026-11-22", "2026-11-22")
    assert doc["jumps"] == [
        {
            "sku": "TEA-1",
            "category": "kitchen",
            "kind": "returns",
            "current": {"value": 0.3, "numerator": 3, "n": 10},
            "baseline": {"value": 0.1, "numerator": 1, "n": 10},
            "ratio": 3.0,
        }
    ]  # CUP-2: 25% against 0%, but 1 case only
    assert [s["sku"] for s in doc["skus"]] == ["TEA-1", "CUP-2"]
    assert doc["skus"][1]["returnRate"] == {"value": 0.25, "numerator": 1, "n": 4}


def test_a_live_sessions_requests_reaching_the_threshold_notify_supervisors_once(api: Api) -> None:
    live = {"kind": "live-stream", "session_id": "live_9", "host": "Zhou"}
    orders = [placed(i, **live) for i in range(8)] + [placed(99, kind="app")]
    assert deliver(api, [message(e) for e in orders]) == []
    cases = [returned(i) for i in range(8)]
    assert deliver(api, [message(e) for e in cases[:4]] + [message(returned(99))]) == []
    assert alerts() == []  # 4 of the session's, and an app order's: below 5
    assert deliver(api, [message(cases[4])]) == []
    [alert] = alerts()
    assert alert["recipientId"] == "role:supervisor"
    assert alert["notificationId"] == products.alert_id("live_9", "2026-11-23")
    assert alert["data"] | {"details": ""} == {"sessionId": "live_9", "host": "Zhou", "day": "2026-11-23",
                                               "requests": 5, "threshold": 5, "details": ""}  # fmt: skip
    assert deliver(api, [message(e) for e in cases[5:]]) == []  # more requests that day
    assert deliver(api, [message(cases[4], receives=2)]) == []  # a redelivery
    assert alerts() == []
    next_day = returned(0, at="2026-11-24T09:00:00.000Z")  # another day starts its own count
    assert deliver(api, [message(next_day)]) == []
    assert alerts() == []
    doc = route(api, "live-sessions", query={"from": "2026-11-23", "to": "2026-11-24"}).json
    [session] = doc["sessions"]
    assert (session["orders"], session["afterSalesRequests"], session["returns"]) == (8, 9, 9)
    assert doc["alertThreshold"] == 5


def test_requests_arriving_at_once_notify_supervisors_once(api: Api, fixed_clock: clock.FixedClock) -> None:
    live = {"kind": "live-stream", "session_id": "live_7", "host": "Zhou"}
    for i in range(10):
        assert service.aggregate(placed(i, **live))
    barrier = threading.Barrier(10)
    errors: list[BaseException] = []

    def one(index: int) -> None:
        try:
            barrier.wait()
            service.aggregate(returned(index))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(alerts()) == 1
    assert store.scoped_count("2026-11-23", products.SESSION, "live_7", "cases") == 10


def test_an_alert_that_could_not_be_queued_is_claimed_again_by_the_retry(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = {"kind": "live-stream", "session_id": "live_5", "host": "Zhou"}
    for i in range(5):
        service.aggregate(placed(i, **live))
    for i in range(4):
        service.aggregate(returned(i))
    original = service.notifications.send_once

    def down(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("queue unavailable")

    monkeypatch.setattr(service.notifications, "send_once", down)
    with pytest.raises(RuntimeError):
        service.aggregate(returned(4))
    monkeypatch.setattr(service.notifications, "send_once", original)
    service.aggregate(returned(4))  # the event's retry: counted already, and now it alerts
    assert len(alerts()) == 1
    service.aggregate(returned(4))
    assert alerts() == []


def test_the_report_shows_the_top_skus_the_jumps_and_the_live_sessions(api: Api) -> None:
    live = {"kind": "live-stream", "session_id": "live_3", "host": "Qian"}
    events = [placed(i, at="2026-11-22T08:00:00.000Z") for i in range(4)]
    events += [placed(i, **live) for i in range(4, 8)] + [returned(i) for i in (4, 5, 6)]
    assert deliver(api, [message(e) for e in events]) == []
    html = service.render_report(DAY, DAY)
    assert "Product quality: top SKUs by return rate" in html
    assert "<th>TEA-1</th><td>kitchen</td><td>4</td><td>4</td><td>75.0% (3 of n=4)</td>" in html
    assert "SKUs whose rates jumped (against 2026-11-22 to 2026-11-22)" in html
    assert "<td>returns</td><td>75.0% (3 of n=4)</td><td>0.0% (0 of n=4)</td><td>new</td>" in html
    assert "Live-stream sessions" in html and "<th>live_3</th><td>Qian</td><td>4</td>" in html
    assert "Live-stream hosts" in html and "<th>Qian</th><td>1</td><td>4</td>" in html
    assert html.index("Live-stream hosts") < html.index("How the figures are computed")
