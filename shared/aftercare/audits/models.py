"""The audits API's request and response shapes (camelCase on the wire)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from aftercare.audits.rules import AuditKind, AuditStatus
from aftercare.wire import JsonInteger, TimelineEntry, WireModel

# Any integer passes the schema; the range (1-5) is the scoring rule's, answered as a 422.
Score = Annotated[int, Field(description="1 (poor) to 5 (excellent)"), JsonInteger]


class Scores(WireModel):
    model_config = ConfigDict(**WireModel.model_config, extra="forbid")

    greeting: Score
    accuracy: Score
    tone: Score
    resolution: Score


class ScoreRequest(WireModel):
    model_config = ConfigDict(**WireModel.model_config, extra="forbid")

    scores: Scores
    note: Annotated[str, Field(max_length=2000)] | None = None


class AuditOut(WireModel):
    audit_id: str
    kind: AuditKind
    subject_id: str = Field(description="the ticket or case id")
    agent: str = Field(description="whose work is audited")
    week: str = Field(description="the ISO week the work was done in, e.g. 2026-W48")
    status: AuditStatus
    done_at: str = Field(description="when the work was done (the ticket solved, the case resolved)")
    scores: Scores | None = None
    mean_score: float | None = Field(default=None, description="the mean of the four scores")
    note: str | None = None
    scored_by: str | None = None
    scored_at: str | None = None
    created_at: str
    timeline: list[TimelineEntry]


class SamplingOut(WireModel):
    week: str
    candidates: int
    created: int
    existing: int = Field(description="picks audited already (an earlier run of the week)")
