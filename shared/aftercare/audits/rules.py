"""Quality audits' pure rules: the audit week, the weekly sample, the scores, the transitions.

A quality team samples every part of the after-sales process at least twice a month: each
week, per agent, a few of that week's solved tickets and of the after-sales cases they
handled are drawn for a supervisor to score. The draw is random but reproducible: seeded by
the week, the agent and the kind, over the candidates in a stable (sorted) order, so the
same week's candidates always give the same sample.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from aftercare import clock
from aftercare.errors import BusinessRuleViolation, Conflict, Forbidden


class AuditKind(StrEnum):
    TICKET = "TICKET"
    CASE = "CASE"


class AuditStatus(StrEnum):
    PENDING = "PENDING"
    SCORED = "SCORED"


class AuditAction(StrEnum):
    SCORE = "score"


CRITERIA = ("greeting", "accuracy", "tone", "resolution")
LOWEST, HIGHEST = 1, 5
WEEK_PATTERN = r"^\d{4}-W\d{2}$"
_WEEK = re.compile(WEEK_PATTERN)

TRANSITIONS: dict[tuple[AuditStatus, AuditAction], AuditStatus] = {
    (AuditStatus.PENDING, AuditAction.SCORE): AuditStatus.SCORED,
}


class AlreadyScored(Conflict):
    """An audit is scored once."""


class OwnWork(Forbidden):
    """Nobody audits their own work."""


# ---------------------------------------------------------------- weeks
def week_of(at: str | datetime) -> str:
    """The ISO week (`2026-W48`, weeks start on Monday, UTC) of a time."""
    moment = clock.parse_iso(at) if isinstance(at, str) else at
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def previous_week(now: datetime) -> str:
    """The last whole week before `now`: what the Monday run samples."""
    return week_of(now - timedelta(days=7))


def is_week(value: str) -> bool:
    return bool(_WEEK.match(value))


# ---------------------------------------------------------------- the sample
def seed(week: str, agent: str, kind: str) -> str:
    return f"{week}:{agent}:{kind}"


def sample(candidates: Iterable[str], *, week: str, agent: str, kind: str, n: int) -> list[str]:
    """Up to `n` distinct subjects of `candidates`, drawn at random with the seed of the
    week, agent and kind: the same candidates (in any order, repeats ignored) always give
    the same picks, in the same order."""
    ordered = sorted(set(candidates))
    if n <= 0 or not ordered:
        return []
    return random.Random(seed(week, agent, kind)).sample(ordered, min(n, len(ordered)))  # noqa: S311 - a reproducible draw, not a secret


# ---------------------------------------------------------------- scoring
def checked_scores(scores: Mapping[str, int]) -> dict[str, int]:
    """The four criteria, each a whole number 1-5, or a 422 naming each bad one."""
    errors = [
        {"field": f"scores.{name}", "message": f"must be a whole number {LOWEST}-{HIGHEST}"}
        for name in CRITERIA
        if not _in_range(scores.get(name))
    ]
    unknown = sorted(set(scores) - set(CRITERIA))
    errors += [{"field": f"scores.{name}", "message": "not a criterion"} for name in unknown]
    if errors:
        raise BusinessRuleViolation(
            f"scores are {', '.join(CRITERIA)}, each {LOWEST} to {HIGHEST}", errors=errors
        )
    return {name: int(scores[name]) for name in CRITERIA}


def _in_range(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and LOWEST <= value <= HIGHEST


def check_not_own_work(scorer: str, agent: str) -> None:
    if scorer == agent:
        raise OwnWork("an agent never audits their own work: another supervisor scores this audit")


def next_status(current: AuditStatus, action: AuditAction) -> AuditStatus:
    target = TRANSITIONS.get((current, action))
    if target is None:
        if current is AuditStatus.SCORED:
            raise AlreadyScored("this audit is scored already")
        raise Conflict(f"an audit in {current} cannot {action}")
    return target


def total(scores: Mapping[str, int]) -> int:
    return sum(int(scores[name]) for name in CRITERIA)


def mean(scores: Mapping[str, int]) -> float:
    return round(total(scores) / len(CRITERIA), 2)
