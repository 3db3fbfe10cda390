"""Campaign definitions (campaigns.json) and their pure rules: periods, cohorts, messages."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from importlib import resources
from string import Template
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from aftercare.customers.queries import CARE_PREFIX, Channel, Tier

WARRANTY_DAYS = 365


class Every(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DeliveredOrders(Strict):
    rule: Literal["delivered-orders"]
    days_after_delivery: int = Field(alias="daysAfterDelivery", ge=0, le=3650)
    min_total: dict[str, int] | None = Field(default=None, alias="minTotal")
    categories: list[str] | None = None


class Members(Strict):
    rule: Literal["members"]
    tiers: list[Tier] = Field(min_length=1)


class Schedule(Strict):
    every: Every


class MessageText(Strict):
    subject: str
    text: str = Field(min_length=1, max_length=600)


class Campaign(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,40}$")
    kind: str = Field(pattern=r"^care\.[a-z0-9-]{1,40}$")
    description: str
    enabled: bool = True
    audience: Annotated[DeliveredOrders | Members, Field(discriminator="rule")]
    schedule: Schedule
    channel: Channel
    message: dict[Literal["en", "zh"], MessageText]


class Catalog(Strict):
    about: str | None = Field(default=None, alias="_about")
    campaigns: list[Campaign]


def parse_catalog(text: str) -> list[Campaign]:
    catalog = Catalog.model_validate(json.loads(text))
    names = [campaign.name for campaign in catalog.campaigns]
    if len(set(names)) != len(names):
        raise ValueError("campaign names must be unique")
    for campaign in catalog.campaigns:
        if not campaign.kind.startswith(CARE_PREFIX):
            raise ValueError(f"{campaign.name}: a care campaign's kind starts with {CARE_PREFIX}")
    return catalog.campaigns


@cache
def campaigns() -> tuple[Campaign, ...]:
    text = resources.files("aftercare.campaigns").joinpath("campaigns.json").read_text(encoding="utf-8")
    return tuple(parse_catalog(text))


def period_key(every: Every, at: datetime) -> str:
    """The period a run at `at` (UTC) belongs to: one message per campaign, customer and period."""
    day = at.date()
    if every is Every.DAY:
        return day.isoformat()
    if every is Every.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def cohort_day(audience: DeliveredOrders, at: datetime) -> str:
    """The delivery day (UTC) whose orders a run at `at` looks at."""
    return (at.date() - timedelta(days=audience.days_after_delivery)).isoformat()


def order_matches(audience: DeliveredOrders, *, total: int, currency: str, categories: list[str]) -> bool:
    if audience.min_total is not None:
        threshold = audience.min_total.get(currency)
        if threshold is None or total < threshold:
            return False
    return not (audience.categories and not set(audience.categories) & set(categories))


def warranty_ends(delivered_day: str) -> str:
    return (date.fromisoformat(delivered_day) + timedelta(days=WARRANTY_DAYS)).isoformat()


def render(campaign: Campaign, language: str, values: dict[str, str]) -> dict[str, str]:
    by_language: dict[str, MessageText] = {str(key): value for key, value in campaign.message.items()}
    chosen = by_language.get(language) or by_language.get("en") or next(iter(by_language.values()))
    return {
        "subject": Template(chosen.subject).safe_substitute(values),
        "text": Template(chosen.text).safe_substitute(values),
    }
