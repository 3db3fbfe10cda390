"""What the audits domain tells the others: its published event types (the contract other
domains may import; nothing else of `audits` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True)
class AuditScored:
    """A supervisor scored a sampled piece of an agent's work (once per audit). Subject:
    the audit id."""

    TYPE: ClassVar[str] = "AuditScored"
    VERSION: ClassVar[int] = 1

    audit_id: str
    agent: str  # whose work was audited
    week: str  # the ISO week the work was done in, e.g. 2026-W48
    kind: str  # TICKET or CASE
    subject_id: str  # the ticket or case id
    scores: dict[str, int] = field(default_factory=dict)  # greeting, accuracy, tone, resolution: 1-5
    scored_by: str = ""
    at: str = ""  # UTC ISO, when it was scored


ALL = (AuditScored,)
