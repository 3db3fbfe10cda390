"""The customer profile: made on first access, preferences validated, points, and the
after-sales history staff can read."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from aftercare.customers import service as customers
from aftercare.surveys import port as surveys
from tests.support.api import Api, customer, staff
from tests.support.orders import Orders


def test_the_profile_is_created_with_defaults_on_first_access(
    api: Api, fixed_clock: clock.FixedClock
) -> None:
    first = api.call("GET", "/v1/me", claims=customer())
    assert first.status == 200
    assert first.json == {
        "customerId": "cus_alice", "tier": "MEMBER", "points": 0, "lifetimePoints": 0,
        "preferences": {"optOuts": [], "channels": ["push", "email", "sms"], "timeZone": "Asia/Shanghai",
                        "language": "zh"},
        "contact": {"email": None, "phone": None}, "recentPoints": [], "lastCareAt": None,
        "createdAt": clock.now_iso(), "updatedAt": clock.now_iso(),
    }  # fmt: skip
    fixed_clock.advance(60)
    assert api.call("GET", "/v1/me", claims=customer()).json["createdAt"] == first.json["createdAt"]


def test_preferences_change_only_what_is_sent(api: Api, fixed_clock: clock.FixedClock) -> None:
    reply = api.call(
        "PATCH",
        "/v1/me/preferences",
        claims=customer(),
        json_body={
            "optOuts": ["care", "surveys", "care"],
            "timeZone": "Europe/Berlin",
            "email": "li@example.com",
        },
    )
    assert reply.status == 200, reply.body
    assert reply.json["preferences"] == {
        "optOuts": ["care", "surveys"], "channels": ["push", "email", "sms"], "timeZone": "Europe/Berlin",
        "language": "zh",
    }  # fmt: skip
    assert reply.json["contact"] == {"email": "li@example.com", "phone": None}
    again = api.call(
        "PATCH", "/v1/me/preferences", claims=customer(), json_body={"channels": ["sms"], "email": None}
    )
    assert again.json["preferences"]["channels"] == ["sms"]
    assert again.json["preferences"]["timeZone"] == "Europe/Berlin"
    assert again.json["contact"] == {"email": None, "phone": None}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timeZone": "Mars/Olympus"}, "timeZone"),
        ({"timeZone": None}, "timeZone"),
        ({"channels": ["fax"]}, "channels[0]"),
        ({"channels": ["push", "push"]}, "channels"),
        ({"channels": []}, "channels"),
        ({"optOuts": ["order.exception"]}, "optOuts[0]"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "138 0013 8000"}, "phone"),
        ({"language": "fr"}, "language"),
        ({}, "body"),
        ({"points": 100000}, "points"),
    ],
)
def test_invalid_preferences_are_a_400_naming_the_field(
    api: Api, fixed_clock: clock.FixedClock, body: dict[str, Any], field: str
) -> None:
    reply = api.call("PATCH", "/v1/me/preferences", claims=customer(), json_body=body)
    assert reply.status == 400, reply.body
    assert field in {error["field"] for error in reply.json["errors"]}


def test_the_profile_is_for_customers_only(api: Api, fixed_clock: clock.FixedClock) -> None:
    assert api.call("GET", "/v1/me").status == 401
    assert api.call("GET", "/v1/me", claims=staff("agent")).status == 403
    assert api.call("PATCH", "/v1/me/preferences", json_body={"language": "en"}).status == 401


def test_points_are_credited_once_per_source_and_lift_the_tier(
    api: Api, fixed_clock: clock.FixedClock
) -> None:
    assert customers.credit_points(
        customer_id="cus_alice", source="survey", source_id="sv_1", points=600, reason="r"
    )
    assert not customers.credit_points(
        customer_id="cus_alice", source="survey", source_id="sv_1", points=600, reason="r"
    )
    assert customers.credit_points(
        customer_id="cus_alice", source="survey", source_id="sv_2", points=600, reason="r"
    )
    me = api.call("GET", "/v1/me", claims=customer()).json
    assert (me["points"], me["lifetimePoints"], me["tier"]) == (1200, 1200, "SILVER")
    assert [p["sourceId"] for p in me["recentPoints"]] == ["sv_2", "sv_1"]


def test_staff_see_a_customers_after_sales_history(api: Api, orders: Orders) -> None:
    order = orders.to("PAID")
    survey_id = surveys.schedule_for(
        subject_kind="order", subject_id=order["orderId"], customer_id="cus_alice"
    )
    api.call("GET", "/v1/me", claims=customer())
    reply = api.call("GET", "/v1/admin/customers/cus_alice/history", claims=staff("agent"))
    assert reply.status == 200, reply.body
    history = reply.json
    assert history["profile"]["customerId"] == "cus_alice"
    assert [(o["kind"], o["id"], o["status"]) for o in history["orders"]] == [
        ("order", order["orderId"], "PAID")
    ]
    assert [(s["id"], s["status"]) for s in history["surveys"]] == [(survey_id, "SCHEDULED")]
    assert history["tickets"] == [] and history["cases"] == []
    assert api.call("GET", "/v1/admin/customers/cus_alice/history", claims=customer()).status == 403
    empty = api.call("GET", "/v1/admin/customers/cus_nobody/history", claims=staff("supervisor")).json
    assert empty["profile"] is None and empty["orders"] == []
