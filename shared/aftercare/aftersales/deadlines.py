"""The deadline job: acts on every case whose next deadline has passed (auto-approve, close
without a return, auto-pass inspection, auto-complete, count a missed resolution target).
Each action is a conditional write on the state the case is in, so a
second run, or two runs at once, change nothing more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aftercare import clock
from aftercare.aftersales import reads, rules, store
from aftercare.aftersales.moves import move
from aftercare.aftersales.review import approve
from aftercare.aftersales.rules import CaseStatus, DeadlineAction, InspectionResult
from aftercare.aftersales.transitions import Move
from aftercare.aftersales.warehouse import inspect
from aftercare.observability import logger, metrics

S = CaseStatus
SYSTEM = "system:deadlines"


@dataclass
class SweepReport:
    examined: int = 0
    acted: int = 0
    failed: int = 0
    actions: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"examined": self.examined, "acted": self.acted, "failed": self.failed,
                "actions": dict(self.actions)}  # fmt: skip


def sweep_deadlines(*, batch: int = 100, time_left: Callable[[], float] | None = None) -> SweepReport:
    """Act on every case whose next deadline has passed, found through the sparse
    dueDeadlines index (never a scan), until the time left runs short."""
    report = SweepReport()
    now_iso = clock.now_iso()
    for shard in rules.all_due_shards():
        while True:
            due = store.due(shard, now_iso, limit=batch)
            progressed = False
            for row in due:
                if time_left is not None and time_left() < 2.0:
                    logger.warning(
                        "deadline sweep stopped early; the next run continues", extra=report.as_dict()
                    )
                    return report
                report.examined += 1
                try:
                    done = enforce(row.case_id, now_iso)
                except Exception:
                    report.failed += 1
                    logger.exception("deadline action failed", extra={"case_id": row.case_id})
                    continue
                for action in done:
                    report.actions[action] = report.actions.get(action, 0) + 1
                if done:
                    report.acted += 1
                    progressed = True
            if len(due) < batch or not progressed:
                break
    logger.info("deadline sweep", extra=report.as_dict())
    return report


def enforce(case_id: str, now_iso: str) -> list[str]:
    """Do what the case's passed deadlines call for; returns the actions taken."""
    done: list[str] = []
    case = store.get(case_id, consistent=True)
    if case is None:
        return done
    pending = rules.due_actions(
        case.status,
        case.deadlines,
        now_iso,
        inspection_failed=case.inspection_failed,
        breached=case.breached,
    )
    for action in pending:
        case = reads.load(case_id)
        if action is DeadlineAction.RESOLVE_BREACH:
            move(
                case, Move((), SYSTEM, "resolution target missed (48 hours after receipt)", mark_breach=True)
            )
        elif action is DeadlineAction.AUTO_APPROVE:
            approve(case_id, SYSTEM, automatic=True)
        elif action is DeadlineAction.CLOSE:
            move(case, Move((S.CLOSED_TIMEOUT,), SYSTEM, "closed: the return was not shipped within 7 days"))
            metrics.add_metric(name="CasesClosedTimeout", unit="Count", value=1)
        elif action is DeadlineAction.AUTO_PASS:
            text = "passed automatically: not inspected within 48 hours"
            inspect(case_id, SYSTEM, InspectionResult.PASS, text, automatic=True)
        elif action is DeadlineAction.AUTO_COMPLETE:
            move(case, Move((S.COMPLETED,), SYSTEM, "completed automatically 7 days after the resolution"))
        done.append(action)
    return done
