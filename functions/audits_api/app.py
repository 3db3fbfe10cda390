"""Quality audits HTTP API for supervisors: the sampled audits, and scoring one (never one's
own work)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.audits import service
from aftercare.audits.models import AuditOut, ScoreRequest
from aftercare.audits.rules import AuditStatus
from aftercare.auth import SUPERVISOR
from aftercare.http import allow, create_app, current_principal, http_handler, once
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.wire import Page


@dataclass(frozen=True)
class AuditsApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    audits_table: str
    cursor_secret_id: str
    idempotency_table: str


SETTINGS = load(AuditsApiSettings)

app = create_app()


@app.get(
    "/v1/admin/audits",
    tags=["staff: audits"],
    summary="Quality audits, newest week first (supervisors)",
    description="Filter by `status` (PENDING or SCORED) and/or `agent` (whose work is audited).",
)
@allow(SUPERVISOR)
def list_audits(
    status: Annotated[AuditStatus | None, Query()] = None,
    agent: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[AuditOut]:
    return service.list_audits(current_principal(app), status=status, agent=agent, limit=limit, cursor=cursor)


@app.post(
    "/v1/admin/audits/<auditId>/score",
    tags=["staff: audits"],
    summary="Score an audit: greeting, accuracy, tone, resolution, 1-5 (supervisors; not their own work)",
    description="A score outside 1-5 is a 422; an audit is scored once (409); a supervisor whose "
    "own work it is gets a 403.",
)
@allow(SUPERVISOR)
def score_audit(auditId: str, body: ScoreRequest) -> AuditOut:
    principal = current_principal(app)
    return once(app, principal, "audit-score", lambda: service.score(auditId, principal, body))


lambda_handler = http_handler(app)
