"""customers/queries.py: how to reach a customer (defaults without a profile), the
campaigns' audiences, and the contact rules other domains apply, as frozen views."""

from __future__ import annotations

import dataclasses

import pytest

from aftercare import clock
from aftercare.customers import queries, rules, service
from tests.support.api import Api, customer


def test_a_customer_without_a_profile_is_reached_with_the_defaults(api: Api) -> None:
    reach = queries.reach("cus_nobody")
    assert reach == queries.Reach(
        customer_id="cus_nobody", time_zone="Asia/Shanghai", language="zh",
        channels=(rules.Channel.PUSH, rules.Channel.EMAIL, rules.Channel.SMS), opt_outs=frozenset(),
        email=None, phone=None, last_care_at=None, tier="MEMBER", points=0,
    )  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        reach.tier = "GOLD"  # type: ignore[misc]
    # The defaults are the profile's own: a profile made now reads the same.
    service.ensure_profile("cus_nobody")
    assert queries.reach("cus_nobody") == reach


def test_the_reach_follows_the_preferences(api: Api, fixed_clock: clock.FixedClock) -> None:
    reply = api.call(
        "PATCH",
        "/v1/me/preferences",
        claims=customer(),
        json_body={
            "optOuts": ["care"],
            "channels": ["sms"],
            "timeZone": "Europe/Berlin",
            "phone": "+4930123",
        },
    )
    assert reply.status == 200, reply.body
    reach = queries.reach("cus_alice")
    assert (reach.channels, reach.opt_outs, reach.time_zone, reach.phone) == (
        (rules.Channel.SMS,), frozenset({"care"}), "Europe/Berlin", "+4930123",
    )  # fmt: skip
    assert queries.opted_out("care.warranty", reach.opt_outs)


def test_the_campaigns_audiences(api: Api, fixed_clock: clock.FixedClock) -> None:
    service.record_delivery(
        customer_id="cus_alice", order_id="ord_1", delivered_at="2026-11-20T10:00:00Z",
        total=5000, currency="CNY", categories=["kitchen", "appliances", "kitchen"],
    )  # fmt: skip
    assert list(queries.delivered_on("2026-11-20")) == [
        queries.Delivered("cus_alice", "ord_1", "2026-11-20T10:00:00Z", "2026-11-20", 5000, "CNY",
                          ("appliances", "kitchen")),
    ]  # fmt: skip
    assert list(queries.delivered_on("2026-11-21")) == []
    service.credit_points(customer_id="cus_gold", source="test", source_id="1", points=6000, reason="seed")
    assert list(queries.members_of("GOLD")) == [queries.Member("cus_gold", "GOLD", 6000)]


def test_the_shared_contact_rules_are_customers_own() -> None:
    for name in ("CARE_CAP", "CARE_PREFIX", "SURVEY_KIND", "Channel", "Tier", "cap_allows",
                 "earliest_send_at", "is_marketing", "is_quiet", "next_morning", "opted_out"):  # fmt: skip
        assert getattr(queries, name) is getattr(rules, name)
