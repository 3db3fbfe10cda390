"""EventBridge schedule expressions: `rate(...)`, `cron(...)` and `at(...)`, as pure functions.

`cron(minutes hours day-of-month month day-of-week year)` follows EventBridge: day-of-week
1-7 is SUN-SAT (or SUN..SAT), one of the two day fields is `?`, `L` is the last day of the
month (or `5L`, the last Thursday), `3#2` the second Tuesday, `15W` the weekday nearest the
15th. Times are UTC unless a time zone is given (ScheduleV2's ScheduleExpressionTimezone).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

_RATE = re.compile(r"^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$")
_CRON = re.compile(r"^cron\((.*)\)$")
_AT = re.compile(r"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")
_MONTHS = {name: index for index, name in enumerate(calendar.month_abbr) if name}
_MONTHS = {key.upper(): value for key, value in _MONTHS.items()}
_DAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
_UNITS = {"minute": 60, "hour": 3600, "day": 86400}
HORIZON_DAYS = 366 * 5


class Schedule:
    """A schedule expression: `next_after(t)` is the first time strictly after `t` it fires."""

    expression: str

    def next_after(self, after: datetime) -> datetime | None:
        raise NotImplementedError


@dataclass(frozen=True)
class Rate(Schedule):
    expression: str
    seconds: int
    anchor: datetime | None = None  # rates count from when the schedule was created

    def next_after(self, after: datetime) -> datetime:
        anchor = self.anchor or after
        if after < anchor:
            return anchor + timedelta(seconds=self.seconds)
        elapsed = (after - anchor).total_seconds()
        return anchor + timedelta(seconds=self.seconds * (int(elapsed // self.seconds) + 1))


@dataclass(frozen=True)
class At(Schedule):
    expression: str
    at: datetime

    def next_after(self, after: datetime) -> datetime | None:
        return self.at if self.at > after else None


def _values(field: str, low: int, high: int, names: dict[str, int]) -> frozenset[int]:
    result: set[int] = set()
    for part in field.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/", 1)
            step = int(step_text)
            if step < 1:
                raise ValueError(f"bad step in {field!r}")
        if part in {"*", "?"}:
            start, end = low, high
        elif "-" in part:
            first, last = part.split("-", 1)
            start, end = _number(first, names), _number(last, names)
        else:
            start = _number(part, names)
            end = high if "/" in field else start
        if not (low <= start <= high and low <= end <= high):
            raise ValueError(f"{field!r} is outside {low}-{high}")
        span = (
            list(range(start, end + 1)) if start <= end else [*range(start, high + 1), *range(low, end + 1)]
        )
        result.update(span[::step])  # a range may wrap, e.g. FRI-MON
    return frozenset(result)


def _number(text: str, names: dict[str, int]) -> int:
    text = text.strip().upper()
    if text in names:
        return names[text]
    if not text.isdigit():
        raise ValueError(f"{text!r} is not a number or a name")
    return int(text)


@dataclass(frozen=True)
class Cron(Schedule):
    expression: str
    minutes: frozenset[int]
    hours: frozenset[int]
    day_of_month: str
    months: frozenset[int]
    day_of_week: str
    years: frozenset[int] | None
    zone: str = "UTC"

    def _day_matches(self, day: date) -> bool:
        last_day = calendar.monthrange(day.year, day.month)[1]
        weekday = (day.isoweekday() % 7) + 1  # SUN=1 .. SAT=7
        if self.day_of_month != "?":
            return _day_of_month_matches(self.day_of_month, day, last_day)
        return _day_of_week_matches(self.day_of_week, day, weekday, last_day)

    def next_after(self, after: datetime) -> datetime | None:
        zone = ZoneInfo(self.zone)
        local_after = after.astimezone(zone)
        day = local_after.date()
        times = sorted((hour, minute) for hour in self.hours for minute in self.minutes)
        for _ in range(HORIZON_DAYS):
            if (
                (self.years is None or day.year in self.years)
                and day.month in self.months
                and self._day_matches(day)
            ):
                for hour, minute in times:
                    candidate = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
                    if candidate.astimezone(UTC) > after.astimezone(UTC):
                        return candidate.astimezone(UTC)
            day += timedelta(days=1)
        return None


def _day_of_month_matches(field: str, day: date, last_day: int) -> bool:
    if field in {"*"}:
        return True
    if field == "L":
        return day.day == last_day
    if field.endswith("W"):
        target = min(int(field[:-1]), last_day)
        nearest = date(day.year, day.month, target)
        if nearest.isoweekday() == 6:  # Saturday → Friday, or Monday if the 1st
            nearest = nearest - timedelta(days=1) if target > 1 else nearest + timedelta(days=2)
        elif nearest.isoweekday() == 7:  # Sunday → Monday, or Friday if the last day
            nearest = nearest + timedelta(days=1) if target < last_day else nearest - timedelta(days=2)
        return day == nearest
    return day.day in _values(field, 1, 31, {})


def _day_of_week_matches(field: str, day: date, weekday: int, last_day: int) -> bool:
    if field == "*":
        return True
    if "#" in field:
        name, nth = field.split("#", 1)
        return weekday == _number(name, _DAYS) and (day.day - 1) // 7 + 1 == int(nth)
    if field.endswith("L"):
        return weekday == _number(field[:-1] or "SAT", _DAYS) and day.day + 7 > last_day
    return weekday in _values(field, 1, 7, _DAYS)


def parse(expression: str, *, zone: str | None = None, created: datetime | None = None) -> Schedule:
    """Parse a schedule expression; raise ValueError for one EventBridge would refuse."""
    text = expression.strip()
    if match := _RATE.match(text):
        value, unit = int(match.group(1)), match.group(2)
        if value < 1:
            raise ValueError("a rate must be at least 1")
        if (value == 1) == unit.endswith("s"):
            raise ValueError(f"{text}: use the singular unit for 1 and the plural otherwise")
        return Rate(text, value * _UNITS[unit.rstrip("s")], created)
    if match := _AT.match(text):
        local = datetime.fromisoformat(match.group(1)).replace(tzinfo=ZoneInfo(zone or "UTC"))
        return At(text, local.astimezone(UTC))
    if match := _CRON.match(text):
        fields = match.group(1).split()
        if len(fields) != 6:
            raise ValueError(
                f"{text}: cron needs 6 fields (minutes hours day-of-month month day-of-week year)"
            )
        minutes, hours, day_of_month, month, day_of_week, year = (field.upper() for field in fields)
        if (day_of_month == "?") == (day_of_week == "?"):
            raise ValueError(f"{text}: exactly one of day-of-month and day-of-week must be '?'")
        cron = Cron(
            text,
            minutes=_values(minutes, 0, 59, {}),
            hours=_values(hours, 0, 23, {}),
            day_of_month=day_of_month,
            months=_values(month, 1, 12, _MONTHS),
            day_of_week=day_of_week,
            years=None if year in {"*", "?"} else _values(year, 1970, 2199, {}),
            zone=zone or "UTC",
        )
        cron._day_matches(date(2000, 1, 31))  # the day fields are read lazily: check them now
        return cron
    raise ValueError(f"{expression!r} is not a rate(), cron() or at() expression")
