"""Recurring issues on the wire (camelCase), as the topics job stores them and
GET /v1/admin/analytics/topics answers them."""

from __future__ import annotations

from pydantic import Field

from aftercare.wire import WireModel


class Period(WireModel):
    from_: str = Field(alias="from", description="first day, UTC, inclusive")
    to: str = Field(description="last day, UTC, inclusive")


class TopicOut(WireModel):
    topic: str = Field(description='a readable label: its first terms, e.g. "kettle · leak · lid"')
    terms: list[str] = Field(description="the topic's top terms, heaviest first")
    count: int = Field(description="tickets of the period about it")
    previous_count: int = Field(description="tickets of the previous period about it")
    trend: str = Field(description='"up from 3", "down from 9", "same as before (4)" or "new"')
    examples: list[str] = Field(description="ids of its most typical tickets (at most 5)")


class TopicsOut(WireModel):
    period: Period | None = Field(description="the period the topics are of (none: no run yet)")
    previous: Period | None = Field(description="the period the trend compares with")
    tickets: int = Field(description="customer tickets of the period that were grouped")
    previous_tickets: int
    generated_at: str | None
    items: list[TopicOut] = Field(description="most tickets first")
