"""Which Audits table changes are AuditScored."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.audits.events import AuditScored
from aftercare.audits.publisher import events_of

PENDING: dict[str, Any] = {
    "pk": "aud_01", "agent": "agent_li", "week": "2026-W48", "kind": "TICKET", "subjectId": "tk_1",
    "status": "PENDING", "updatedAt": "2026-11-30T02:00:00.000000Z",
}  # fmt: skip
SCORED = {
    **PENDING,
    "status": "SCORED",
    "scores": {"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3},
    "scoredBy": "sup_zhao",
    "scoredAt": "2026-12-01T09:00:00.000000Z",
}


def test_an_audit_becoming_scored_is_published_once() -> None:
    (happened,) = events_of(PENDING, SCORED)
    assert happened.payload == AuditScored(
        audit_id="aud_01",
        agent="agent_li",
        week="2026-W48",
        kind="TICKET",
        subject_id="tk_1",
        scores={"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3},
        scored_by="sup_zhao",
        at="2026-12-01T09:00:00.000000Z",
    )
    assert (happened.subject, happened.time) == ("aud_01", "2026-12-01T09:00:00.000000Z")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (None, PENDING),  # sampled
        (SCORED, {**SCORED, "note": "x"}),  # already scored
        (SCORED, None),
        (None, {"pk": "cand#2026-W48#agent_li#TICKET#tk_1", "status": "SCORED"}),  # no audit
        (None, {"pk": "slot#2026-W48#agent_li#TICKET#0", "auditId": "aud_01"}),
    ],
)
def test_other_changes_are_no_event(old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
    assert events_of(old, new) == []
