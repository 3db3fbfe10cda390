"""Surveys through the local stack over real HTTP: an order is delivered, the Orders stream
schedules its survey, the local clock moves a day, the scheduled dispatcher sends the
invitation through the notifications queue to the sender, and the customer answers once
with the link token, without logging in. And a care campaign's message: capped by
campaigns' own claim, noted on the profile by customers' reaction to CareMessageSent."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from aftercare.clock import parse_iso
from infra.local.seed import order_request
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")
DISPATCHER = "SurveyDispatchFunction"


def wait_for(probe: Any, *, seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


def deliver(stack: LocalStackProcess, who: tuple[str, str]) -> dict[str, Any]:
    placed = stack.post("/v1/orders", as_=who, json_body=order_request())
    assert placed.status_code == 201, placed.text
    order = placed.json()
    steps = [
        ("/payment", AGENT, {"amount": order["total"], "method": "BANK_TRANSFER", "transactionId": f"txn-{order['orderId']}"}),
        ("/confirm", AGENT, None),
        ("/pack", WAREHOUSE, None),
        ("/ship", WAREHOUSE, {"carrier": "sf-express", "trackingNumber": "SF3000000001"}),
    ]  # fmt: skip
    for step, actor, body in steps:
        reply = stack.post(f"/v1/admin/orders/{order['orderId']}{step}", as_=actor, json_body=body)
        assert reply.status_code == 200, reply.text
    received = stack.post(f"/v1/orders/{order['orderId']}/confirm-receipt", as_=who)
    assert received.status_code == 200, received.text
    return dict(received.json())


def my_surveys(stack: LocalStackProcess, who: tuple[str, str]) -> list[dict[str, Any]]:
    reply = stack.get("/v1/surveys", as_=who)
    assert reply.status_code == 200, reply.text
    return list(reply.json()["items"])


def delivery_record(stack: LocalStackProcess, customer_id: str) -> dict[str, Any] | None:
    dynamodb: Any = stack.aws("dynamodb")
    table = next(
        name for name in dynamodb.list_tables()["TableNames"] if name.endswith("NotificationLogTable")
    )
    items = dynamodb.scan(TableName=table)["Items"]  # a test looking at a small local table
    for item in items:
        if item["recipientId"]["S"] == customer_id and item["kind"]["S"] == "survey.invitation":
            return dict(item)
    return None


def test_a_delivered_order_gets_a_survey_a_day_later_answered_once_by_its_link(
    local_stack: LocalStackProcess,
) -> None:
    customer_id = f"cus_e2e_{uuid.uuid4().hex[:10]}"
    who = (customer_id, "customer")
    order = deliver(local_stack, who)
    assert order["status"] == "DELIVERED"

    # The Orders table's stream schedules the survey.
    [survey] = wait_for(lambda: my_surveys(local_stack, who))
    assert (survey["status"], survey["subjectKind"], survey["orderId"]) == (
        "SCHEDULED",
        "order",
        order["orderId"],
    )

    # A day later (and, if that falls in the customer's night, their morning) the
    # scheduled dispatcher sends it; the sender delivers the invitation.
    with local_stack.only_schedules(DISPATCHER):
        local_stack.advance(24 * 3600)
        survey = my_surveys(local_stack, who)[0]
        if survey["status"] == "SCHEDULED":
            wait = parse_iso(survey["dueAt"]).timestamp() - local_stack.now_epoch() + 300
            local_stack.advance(max(wait, 300))
            survey = my_surveys(local_stack, who)[0]
    assert survey["status"] == "SENT", survey
    record = wait_for(lambda: delivery_record(local_stack, customer_id))
    assert (record["status"]["S"], record["channel"]["S"]) == ("SENT", "push")

    # Answer with the link token, no login: once.
    token = survey["token"]
    path = f"/v1/surveys/{survey['surveyId']}"
    opened = local_stack.session.get(local_stack.url(path), params={"token": token}, timeout=10)
    assert opened.status_code == 200, opened.text
    first = local_stack.session.post(
        local_stack.url(f"{path}/responses"), params={"token": token}, json={"csat": 5, "nps": 10}, timeout=10
    )
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "ANSWERED"
    second = local_stack.session.post(
        local_stack.url(f"{path}/responses"), params={"token": token}, json={"csat": 1}, timeout=10
    )
    assert second.status_code == 409, second.text
    assert second.headers["content-type"] == "application/problem+json"

    # A forged token is refused, and the answer earned points (customers' reaction to
    # SurveyAnswered, through the bus: waited for).
    forged = local_stack.session.get(local_stack.url(path), params={"token": token[:-3] + "AAA"}, timeout=10)
    assert forged.status_code == 401
    points = wait_for(lambda: local_stack.get("/v1/me", as_=who).json()["points"])
    assert points == 50


def test_a_long_clock_move_sends_the_survey_in_the_customers_morning_not_at_the_end(
    local_stack: LocalStackProcess,
) -> None:
    """The dispatcher runs every five minutes: a move of days must run each firing with the
    clock at its own time, so the survey goes out when it fell due (daytime in Shanghai),
    not once at the end of the move (here 23:30 in Shanghai, inside quiet hours)."""
    customer_id = f"cus_e2e_{uuid.uuid4().hex[:10]}"
    who = (customer_id, "customer")
    zone = ZoneInfo("Asia/Shanghai")
    assert local_stack.request(
        "PATCH", "/v1/me/preferences", as_=who, json_body={"timeZone": "Asia/Shanghai"}
    ).ok
    deliver(local_stack, who)
    [survey] = wait_for(lambda: my_surveys(local_stack, who))
    due = parse_iso(survey["dueAt"])
    assert 9 <= due.astimezone(zone).hour < 21

    end = (due + timedelta(hours=2)).astimezone(zone).replace(hour=23, minute=30, second=0, microsecond=0)
    if end < due + timedelta(hours=2):
        end += timedelta(days=1)
    with local_stack.only_schedules(DISPATCHER):  # days of firings: the dispatcher's alone
        local_stack.advance((end - parse_iso(local_stack.now())).total_seconds())

    [survey] = my_surveys(local_stack, who)
    assert survey["status"] == "SENT", survey
    sent = parse_iso(survey["sentAt"])
    assert timedelta(0) <= sent - due <= timedelta(minutes=10), (survey["dueAt"], survey["sentAt"])

    # Past its expiry the link is no proof of who answers: 401, as docs/api.md says.
    with local_stack.only_schedules(DISPATCHER):
        local_stack.advance(8 * 24 * 3600)
    late = local_stack.session.post(
        local_stack.url(f"/v1/surveys/{survey['surveyId']}/responses"),
        params={"token": survey["token"]},
        json={"csat": 4},
        timeout=10,
    )
    assert late.status_code == 401, late.text
    assert "expired" in late.json()["detail"]


def test_a_care_message_goes_out_once_in_7_days_and_the_profile_learns_of_it(
    local_stack: LocalStackProcess,
) -> None:
    """The campaign runner (its role reads the Customers table only) holds the cap with its
    own claim; the profile's lastCareAt is customers' reaction to CareMessageSent, through
    the bus, so the test waits for it."""
    customer_id = f"cus_care_{uuid.uuid4().hex[:8]}"
    who = (customer_id, "customer")
    # A campaign evaluates a day's cohort once, at the day's first hourly run, and earlier
    # tests have moved the clock through days already: so the cohort is tomorrow's (UTC),
    # and the customer lives at UTC+12, where tomorrow's first hour is midday (no quiet hours).
    now = parse_iso(local_stack.now())
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    patched = local_stack.request(
        "PATCH", "/v1/me/preferences", as_=who, json_body={"timeZone": "Etc/GMT-12"}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["lastCareAt"] is None
    # A high-value order delivered 14 days before tomorrow, as customers record it for the audiences.
    dynamodb: Any = local_stack.aws("dynamodb")
    table = next(name for name in dynamodb.list_tables()["TableNames"] if name.endswith("CustomersTable"))
    day = (tomorrow - timedelta(days=14)).date().isoformat()
    order_id = f"ord_care_{uuid.uuid4().hex[:8]}"
    dynamodb.put_item(
        TableName=table,
        Item={
            "customerId": {"S": customer_id}, "sk": {"S": f"DELIVERY#{order_id}"},
            "orderId": {"S": order_id}, "deliveredAt": {"S": f"{day}T10:00:00.000Z"},
            "deliveredDay": {"S": day}, "total": {"N": "150000"}, "currency": {"S": "CNY"},
            "categories": {"L": [{"S": "appliances"}]},
        },
    )  # fmt: skip
    with local_stack.only_schedules("CampaignRunnerFunction"):  # the hourly runner
        local_stack.advance((tomorrow + timedelta(minutes=65) - now).total_seconds())
    sends = next(n for n in dynamodb.list_tables()["TableNames"] if n.endswith("CampaignSendsTable"))
    key = f"send#high-value-revisit#{customer_id}#{tomorrow.date().isoformat()}"
    send = dynamodb.get_item(TableName=sends, Key={"pk": {"S": key}}, ConsistentRead=True)["Item"]
    assert send["status"]["S"] == "SENT", send
    claim = dynamodb.get_item(TableName=sends, Key={"pk": {"S": f"care#{customer_id}"}}, ConsistentRead=True)
    assert claim["Item"]["sendKey"]["S"] == key  # the cap's claim, written with the send
    last_care = wait_for(lambda: local_stack.get("/v1/me", as_=who).json()["lastCareAt"])
    assert last_care == claim["Item"]["lastCareAt"]["S"]
