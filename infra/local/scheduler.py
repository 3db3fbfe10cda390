"""Schedule and ScheduleV2 events, run against the local clock.

EventBridge never fires locally, so the local stack keeps the schedules itself: every
second it compares each schedule's next due time with `aftercare.clock.now()` (the local
clock, which `POST /_local/clock` moves forward) and runs what fell due.

`POST /_local/clock` steps the clock from one firing to the next (`next_firing`), so every
occurrence that fell due runs, in order, with the clock at its due time: a job that reads
the time of day (quiet hours, a daily report) behaves as it would have. Coalescing happens
only in the background tick, when the process itself fell behind real time (a tick late by
more than a period runs the job once, for the latest occurrence).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from infra.local.schedule_expressions import Schedule, parse
from infra.template import EventSource, Stack

log = logging.getLogger("aftercare.local.schedule")

TICK_SECONDS = 1.0


@dataclass
class Job:
    target: str
    target_kind: str  # "function" or "stateMachine"
    name: str
    schedule: Schedule
    input: Any | None
    enabled: bool
    resource: str
    next_due: datetime | None = None
    runs: int = 0
    last_run: datetime | None = None
    last_outcome: str | None = None

    def describe(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "event": self.name,
            "expression": self.schedule.expression,
            "enabled": self.enabled,
            "nextDue": self.next_due.isoformat() if self.next_due else None,
            "runs": self.runs,
            "lastRun": self.last_run.isoformat() if self.last_run else None,
            "lastOutcome": self.last_outcome,
        }


def _job(stack: Stack, event: EventSource, now: datetime) -> Job:
    props = event.properties
    if event.type == "ScheduleV2":
        expression = props["ScheduleExpression"]
        zone = props.get("ScheduleExpressionTimezone")
        enabled = str(props.get("State", "ENABLED")).upper() == "ENABLED"
        resource = (
            f"arn:aws:scheduler:{stack.region}:{stack.account}:schedule/default/{event.target}-{event.name}"
        )
    else:
        expression = props["Schedule"]
        zone = None
        enabled = bool(props.get("Enabled", True)) and str(props.get("State", "ENABLED")).upper() == "ENABLED"
        resource = (
            f"arn:aws:events:{stack.region}:{stack.account}:rule/{stack.name}-{event.target}-{event.name}"
        )
    raw_input = props.get("Input")
    schedule = parse(expression, zone=zone, created=now)
    return Job(
        target=event.target,
        target_kind=event.target_kind,
        name=event.name,
        schedule=schedule,
        input=json.loads(raw_input) if isinstance(raw_input, str) else raw_input,
        enabled=enabled,
        resource=resource,
        next_due=schedule.next_after(now),
    )


def scheduled_event(job: Job, at: datetime, region: str, account: str) -> Any:
    """What EventBridge delivers: the event's Input if it has one, else a Scheduled Event."""
    if job.input is not None:
        return job.input
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events" if "events" in job.resource else "aws.scheduler",
        "account": account,
        "time": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [job.resource],
        "detail": {},
    }


@dataclass
class Scheduler:
    """Runs each job's target through `run(job, event) -> outcome` when it falls due."""

    stack: Stack
    now: Callable[[], datetime]
    run: Callable[[Job, Any], str]
    jobs: list[Job] = field(default_factory=list)

    def __post_init__(self) -> None:
        start = self.now()
        self.jobs = [_job(self.stack, event, start) for event in self.stack.events("Schedule", "ScheduleV2")]
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, *, wait: bool = True) -> None:
        self._stop.set()
        if wait and self._thread.is_alive():
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            try:
                self.run_due()
            except Exception:
                log.exception("schedule tick failed")

    def run_due(self) -> list[dict[str, Any]]:
        """Run every enabled job whose next due time has come (once each)."""
        ran = []
        with self._lock:
            now = self.now()
            for job in self.jobs:
                if not job.enabled or job.next_due is None or job.next_due > now:
                    continue
                due, missed = job.next_due, 0
                following = job.schedule.next_after(due)
                while following is not None and following <= now:
                    due, missed = following, missed + 1
                    following = job.schedule.next_after(due)
                ran.append(self._fire(job, due, missed))
                job.next_due = following
        return ran

    def next_firing(self, until: datetime) -> datetime | None:
        """The earliest due time of any enabled job at or before `until`."""
        with self._lock:
            due = [job.next_due for job in self.jobs if job.enabled and job.next_due is not None]
        due = [at for at in due if at <= until]
        return min(due) if due else None

    def run_now(self, target: str) -> list[dict[str, Any]]:
        """Run every schedule of one function or state machine now, whatever its due time."""
        with self._lock:
            return [self._fire(job, self.now(), 0) for job in self._jobs_of(target)]

    def set_enabled(self, target: str, enabled: bool) -> list[dict[str, Any]]:
        """Turn every schedule of one function or state machine off or on, as DisableRule
        and EnableRule (or a schedule's State) do on AWS: a disabled schedule does not fire,
        and one enabled again fires from its next occurrence, never for the time it was off."""
        with self._lock:
            jobs = self._jobs_of(target)
            for job in jobs:
                if enabled and not job.enabled:
                    job.next_due = job.schedule.next_after(self.now())
                job.enabled = enabled
            return [job.describe() for job in jobs]

    def _jobs_of(self, target: str) -> list[Job]:
        jobs = [job for job in self.jobs if target in {job.target, f"{self.stack.name}-{job.target}"}]
        if not jobs:
            raise KeyError(target)
        return jobs

    def _fire(self, job: Job, due: datetime, missed: int) -> dict[str, Any]:
        event = scheduled_event(job, due, self.stack.region, self.stack.account)
        outcome = self.run(job, event)
        job.runs += 1
        job.last_run = due
        job.last_outcome = outcome
        log.info(
            "schedule ran",
            extra={
                "target": job.target,
                "event": job.name,
                "due": due.isoformat(),
                "missed": missed,
                "outcome": outcome,
            },
        )
        return {
            "target": job.target,
            "event": job.name,
            "due": due.isoformat(),
            "outcome": outcome,
            "coalesced": missed,
        }

    def describe(self) -> list[dict[str, Any]]:
        return [job.describe() for job in self.jobs]
