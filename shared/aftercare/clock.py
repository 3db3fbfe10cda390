"""The one clock every deadline reads.

Production uses the system clock. Tests pin it; the local stack shifts it forward so a
developer can watch a 48-hour deadline fire in a second.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class OffsetClock:
    """System time plus an offset that only ever grows (the local stack's clock)."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> datetime:
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self.now()


class FixedClock:
    """A clock that stands still until told to move (tests)."""

    def __init__(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)

    def advance(self, seconds: float) -> datetime:
        self._at += timedelta(seconds=seconds)
        return self._at


_clock: Clock = SystemClock()


def use(clock: Clock) -> None:
    global _clock
    _clock = clock


def current() -> Clock:
    return _clock


def now() -> datetime:
    return _clock.now()


def iso(at: datetime) -> str:
    """Fixed-width UTC ISO-8601, so stored timestamps sort as strings."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def now_iso() -> str:
    return iso(now())


def parse_iso(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("timestamp needs a timezone")
    return parsed.astimezone(UTC)
