"""State machines on the local endpoint: moto executes them with real ASL semantics (Choice,
Retry, Catch, Map, Parallel, `.waitForTaskToken`, optimized integrations); Lambda tasks reach
the template's handlers through the seam in `aws_endpoint`. This module starts executions,
lists them with their history, and tells when they have settled.

Wait states with Seconds/SecondsPath follow the local clock (`follow_local_clock`), so
`POST /_local/clock` moves a workflow past its waits; Retry intervals, callback timeouts and
Timestamp waits still run in real time (moto sleeps).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

log = logging.getLogger("aftercare.local.states")

# An execution whose latest event is one of these is parked: it waits for a person (a task
# token), an activity worker or a Wait state, not for the machine.
_PARKED = {"WaitStateEntered", "ActivityScheduled", "ActivityStarted"}


def is_parked(history: list[dict[str, Any]]) -> bool:
    """True when a running execution waits on something outside the machine."""
    if not history:
        return False
    latest = history[-1]["type"]
    if latest in _PARKED:
        return True
    if latest in {"TaskSubmitted", "TaskStarted"}:
        for event in reversed(history):
            if event["type"] == "TaskScheduled":
                resource = event.get("taskScheduledEventDetails", {}).get("resource", "")
                return str(resource).endswith(".waitForTaskToken")
    return False


WAIT_SLICE_SECONDS = 0.05


def follow_local_clock(now: Callable[[], datetime]) -> None:
    """Make moto's Wait states end when `now()` (the local clock) reaches the end of the
    wait, as well as when real time does; a stopped execution still ends its wait at once."""
    from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction

    def wait_interval(self: Any, env: Any, wait_seconds: int) -> None:
        local_end = now() + timedelta(seconds=wait_seconds)
        real_end = time.monotonic() + wait_seconds
        while env.is_running() and now() < local_end and time.monotonic() < real_end:
            env.program_state_event.wait(WAIT_SLICE_SECONDS)

    WaitFunction._wait_interval = wait_interval  # type: ignore[method-assign]


class StateMachines:
    def __init__(self, client: Callable[[str], Any]) -> None:
        self._client = client

    @property
    def _sfn(self) -> Any:
        return self._client("stepfunctions")

    def start(self, state_machine_arn: str, payload: Any, *, name: str | None = None) -> str:
        # Always named: moto collides on a second unnamed execution.
        arn: str = self._sfn.start_execution(
            stateMachineArn=state_machine_arn, name=name or str(uuid.uuid4()), input=json.dumps(payload)
        )["executionArn"]
        log.info("execution started", extra={"execution": arn.rsplit(":", 2)[-2:]})
        return arn

    def history(self, execution_arn: str) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        token: dict[str, str] = {}
        while True:
            page = self._sfn.get_execution_history(executionArn=execution_arn, maxResults=1000, **token)
            events.extend(page["events"])
            if not page.get("nextToken"):
                return events
            token = {"nextToken": page["nextToken"]}

    def executions(self, *, with_history: bool = True) -> list[dict[str, Any]]:
        found = []
        for machine in self._sfn.list_state_machines()["stateMachines"]:
            for execution in self._sfn.list_executions(stateMachineArn=machine["stateMachineArn"])[
                "executions"
            ]:
                described = self._sfn.describe_execution(executionArn=execution["executionArn"])
                item: dict[str, Any] = {
                    "stateMachine": machine["name"],
                    "executionArn": execution["executionArn"],
                    "name": execution["name"],
                    "status": described["status"],
                    "startDate": described["startDate"].isoformat(),
                    "stopDate": described["stopDate"].isoformat() if described.get("stopDate") else None,
                    "input": _json(described.get("input")),
                    "output": _json(described.get("output")),
                    "error": described.get("error"),
                    "cause": described.get("cause"),
                }
                if with_history:
                    item["history"] = [_event(event) for event in self.history(execution["executionArn"])]
                found.append(item)
        return found

    def unsettled(self) -> list[str]:
        """Running executions that are still working (not parked)."""
        busy = []
        for machine in self._sfn.list_state_machines()["stateMachines"]:
            running = self._sfn.list_executions(
                stateMachineArn=machine["stateMachineArn"], statusFilter="RUNNING"
            )
            for execution in running["executions"]:
                if not is_parked(self.history(execution["executionArn"])):
                    busy.append(execution["executionArn"])
        return busy


def _json(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _event(event: dict[str, Any]) -> dict[str, Any]:
    details = {key: value for key, value in event.items() if key.endswith("EventDetails")}
    return {
        "id": event["id"],
        "type": event["type"],
        "timestamp": event["timestamp"].isoformat(),
        **({"details": next(iter(details.values()))} if details else {}),
    }
