"""EventBridge schedule expressions, evaluated against a clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infra.local.schedule_expressions import parse

MONDAY_8AM = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("expression", "zone", "expected"),
    [
        ("rate(1 minute)", None, ["2026-11-23T08:01", "2026-11-23T08:02"]),
        ("rate(5 minutes)", None, ["2026-11-23T08:05", "2026-11-23T08:10"]),
        ("rate(2 hours)", None, ["2026-11-23T10:00", "2026-11-23T12:00"]),
        ("rate(1 day)", None, ["2026-11-24T08:00", "2026-11-25T08:00"]),
        ("cron(0 12 * * ? *)", None, ["2026-11-23T12:00", "2026-11-24T12:00"]),
        ("cron(0/15 * * * ? *)", None, ["2026-11-23T08:15", "2026-11-23T08:30"]),
        ("cron(5,35 8-9 * * ? *)", None, ["2026-11-23T08:05", "2026-11-23T08:35"]),
        ("cron(0 9 ? * MON-FRI *)", None, ["2026-11-23T09:00", "2026-11-24T09:00"]),
        ("cron(0 9 ? * SAT,SUN *)", None, ["2026-11-28T09:00", "2026-11-29T09:00"]),
        ("cron(0 9 ? * FRI-MON *)", None, ["2026-11-23T09:00", "2026-11-27T09:00"]),
        ("cron(0 9 ? * 2 *)", None, ["2026-11-23T09:00", "2026-11-30T09:00"]),  # 2 = Monday
        ("cron(0 10 ? * 6L *)", None, ["2026-11-27T10:00", "2026-12-25T10:00"]),  # last Friday
        ("cron(0 10 ? * 3#2 *)", None, ["2026-12-08T10:00", "2027-01-12T10:00"]),  # 2nd Tuesday
        ("cron(0 18 L * ? *)", None, ["2026-11-30T18:00", "2026-12-31T18:00"]),
        ("cron(0 8 1W * ? *)", None, ["2026-12-01T08:00", "2027-01-01T08:00"]),
        ("cron(0 8 15W * ? *)", None, ["2026-12-15T08:00", "2027-01-15T08:00"]),
        ("cron(0 0 1 JAN ? *)", None, ["2027-01-01T00:00", "2028-01-01T00:00"]),
        ("cron(0 0 1 1 ? 2027)", None, ["2027-01-01T00:00", None]),
        ("cron(0 2 * * ? *)", "Asia/Shanghai", ["2026-11-23T18:00", "2026-11-24T18:00"]),
        ("at(2026-12-01T09:30:00)", None, ["2026-12-01T09:30", None]),
        ("at(2026-12-01T09:30:00)", "Asia/Shanghai", ["2026-12-01T01:30", None]),
        ("at(2020-01-01T00:00:00)", None, [None]),
    ],
)
def test_the_next_occurrences_of_an_expression(
    expression: str, zone: str | None, expected: list[str | None]
) -> None:
    schedule = parse(expression, zone=zone, created=MONDAY_8AM)
    current: datetime | None = MONDAY_8AM
    for want in expected:
        assert current is not None
        current = schedule.next_after(current)
        assert current == (at(want) if want else None)


def test_a_rate_counts_from_when_the_schedule_was_created() -> None:
    schedule = parse("rate(1 hour)", created=MONDAY_8AM)
    assert schedule.next_after(at("2026-11-23T10:30")) == at("2026-11-23T11:00")
    assert schedule.next_after(at("2026-11-23T11:00")) == at("2026-11-23T12:00")


@pytest.mark.parametrize(
    "expression",
    [
        "rate(1 minutes)",
        "rate(5 minute)",
        "rate(0 minutes)",
        "rate(5 weeks)",
        "cron(0 12 * * *)",
        "cron(0 12 * * * *)",
        "cron(0 12 ? * ? *)",
        "cron(60 12 * * ? *)",
        "cron(0 24 * * ? *)",
        "cron(0 12 ? * FUNDAY *)",
        "cron(0 12 32 * ? *)",
        "every day",
        "at(2026-12-01)",
    ],
)
def test_an_expression_eventbridge_refuses_is_refused(expression: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message names the expression
        parse(expression, created=MONDAY_8AM)
