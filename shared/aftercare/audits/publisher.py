"""Which changes of the Audits table are events for the other domains: a pure function of
an item before and after the change (the table's stream). Only an audit that becomes SCORED
is news; candidates and the sampler's claims are the domain's own bookkeeping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.audits.events import AuditScored
from aftercare.events import Happened

Image = Mapping[str, Any]
AUDIT = "aud_"
SCORED = "SCORED"


def _is_audit(image: Image | None) -> bool:
    return bool(image) and str((image or {}).get("pk") or "").startswith(AUDIT)


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not _is_audit(new) or new.get("status") != SCORED:
        return []
    if old is not None and old.get("status") == SCORED:
        return []
    scores = new.get("scores") or {}
    at = str(new.get("scoredAt") or new.get("updatedAt") or "")
    return [
        Happened(
            AuditScored(
                audit_id=str(new["pk"]),
                agent=str(new.get("agent") or ""),
                week=str(new.get("week") or ""),
                kind=str(new.get("kind") or ""),
                subject_id=str(new.get("subjectId") or ""),
                scores={str(name): int(value) for name, value in scores.items()},
                scored_by=str(new.get("scoredBy") or ""),
                at=at,
            ),
            subject=str(new["pk"]),
            time=at,
        )
    ]
