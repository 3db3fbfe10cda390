"""Campaigns as data: the shipped catalog is valid, and its periods, cohorts, audiences
and messages follow the rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from aftercare.campaigns import rules
from aftercare.campaigns.rules import DeliveredOrders, Every, Members

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_the_shipped_catalog_defines_revisits_warranty_reminders_and_member_care() -> None:
    by_name = {campaign.name: campaign for campaign in rules.campaigns()}
    assert set(by_name) == {"high-value-revisit", "warranty-expiry-reminder", "member-care"}
    revisit = by_name["high-value-revisit"].audience
    assert isinstance(revisit, DeliveredOrders) and revisit.min_total and revisit.min_total["CNY"] > 0
    assert isinstance(by_name["member-care"].audience, Members)
    for campaign in by_name.values():
        assert campaign.kind.startswith("care.")
        assert {"en", "zh"} <= set(campaign.message)


@pytest.mark.parametrize(
    "change",
    [
        {"audience": {"rule": "everyone"}},  # an unknown audience rule
        {"audience": {"rule": "delivered-orders"}},  # missing its day
        {"kind": "survey.invitation"},  # not a care kind
        {"schedule": {"every": "minute"}},
        {"channel": "fax"},
        {"surprise": True},  # unknown field
    ],
)
def test_an_invalid_campaign_definition_is_refused(change: dict[str, object]) -> None:
    campaign = {
        "name": "x-campaign", "kind": "care.x", "description": "d",
        "audience": {"rule": "members", "tiers": ["GOLD"]}, "schedule": {"every": "day"},
        "channel": "push", "message": {"en": {"subject": "s", "text": "t"}},
    }  # fmt: skip
    campaign.update(change)
    with pytest.raises(ValueError, match="validation error"):
        rules.parse_catalog(json.dumps({"campaigns": [campaign]}))


def test_campaign_names_are_unique() -> None:
    campaign = {"name": "dup", "kind": "care.x", "description": "d", "audience": {"rule": "members",
                "tiers": ["GOLD"]}, "schedule": {"every": "day"}, "channel": "push",
                "message": {"en": {"subject": "s", "text": "t"}}}  # fmt: skip
    with pytest.raises(ValueError, match="unique"):
        rules.parse_catalog(json.dumps({"campaigns": [campaign, campaign]}))


@pytest.mark.parametrize(
    ("every", "at", "period"),
    [
        (Every.DAY, "2026-11-23T08:00:00", "2026-11-23"),
        (Every.WEEK, "2026-11-23T08:00:00", "2026-W48"),
        (Every.WEEK, "2027-01-01T08:00:00", "2026-W53"),  # ISO week of the year before
        (Every.MONTH, "2026-11-30T23:59:59", "2026-11"),
    ],
)
def test_one_message_per_campaign_customer_and_period(every: Every, at: str, period: str) -> None:
    assert rules.period_key(every, datetime.fromisoformat(at).replace(tzinfo=UTC)) == period


def test_the_cohort_is_the_delivery_day_the_campaign_looks_back_to() -> None:
    audience = DeliveredOrders(rule="delivered-orders", daysAfterDelivery=14)
    assert rules.cohort_day(audience, AT) == "2026-11-09"


@pytest.mark.parametrize(
    ("min_total", "categories", "total", "currency", "bought", "matches"),
    [
        (None, None, 1, "CNY", ["x"], True),
        ({"CNY": 100000}, None, 100000, "CNY", [], True),
        ({"CNY": 100000}, None, 99999, "CNY", [], False),
        ({"CNY": 100000}, None, 10**9, "JPY", [], False),  # no threshold for the currency: not high-value
        (None, ["appliances"], 1, "CNY", ["kitchen", "appliances"], True),
        (None, ["appliances"], 1, "CNY", ["kitchen"], False),
    ],
)
def test_delivered_orders_match_the_value_and_category_rules(
    min_total: dict[str, int] | None,
    categories: list[str] | None,
    total: int,
    currency: str,
    bought: list[str],
    matches: bool,
) -> None:
    audience = DeliveredOrders(rule="delivered-orders", daysAfterDelivery=1, minTotal=min_total,
                               categories=categories)  # fmt: skip
    assert rules.order_matches(audience, total=total, currency=currency, categories=bought) is matches


def test_messages_render_in_the_customers_language_with_english_as_fallback() -> None:
    revisit = next(c for c in rules.campaigns() if c.name == "high-value-revisit")
    zh = rules.render(revisit, "zh", {"orderId": "ord_1"})
    en = rules.render(revisit, "fr", {"orderId": "ord_1"})
    assert "ord_1" in zh["text"] and "订单" in zh["text"]
    assert "ord_1" in en["text"] and en["subject"] == "How is your purchase?"


def test_the_warranty_ends_365_days_after_delivery() -> None:
    assert rules.warranty_ends("2025-12-23") == "2026-12-23"
