"""Quality audit use cases: the weekly sample (the scheduled job), the supervisors' list and
scores. Candidates come from the other domains' events (audits/reactions.py); a scored
audit is published from the table's stream (AuditScored) and counted by analytics."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from aftercare import clock, ids
from aftercare.audits import rules, store
from aftercare.audits.models import AuditOut, SamplingOut, ScoreRequest, Scores
from aftercare.audits.rules import AuditAction, AuditKind, AuditStatus
from aftercare.audits.store import AuditModel, timeline_entry
from aftercare.auth import Principal
from aftercare.errors import NotFound
from aftercare.observability import logger, metrics
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.settings import get_settings
from aftercare.wire import Page, TimelineEntry

WHAT = "audit"
SAMPLER = "system:audit-sampling"


# ---------------------------------------------------------------- candidates (reactions)
def note_candidate(*, kind: AuditKind, subject_id: str, agent: str, done_at: str) -> None:
    """Work done by `agent` at `done_at` may be audited in the week it was done."""
    store.record_candidate(
        week=rules.week_of(done_at),
        agent=agent,
        kind=kind.value,
        subject_id=subject_id,
        done_at=done_at,
        at=clock.now_iso(),
    )


# ---------------------------------------------------------------- the weekly sample
def sample_week(
    week: str | None = None, *, per_agent: int | None = None, now: datetime | None = None
) -> SamplingOut:
    """Audit up to `per_agent` (AUDIT_SAMPLES_PER_AGENT) of each agent's tickets and cases of
    `week` (default: the last whole week). Idempotent: the claims written with each audit
    make a second run of the week create nothing."""
    moment = now or clock.now()
    week = week or rules.previous_week(moment)
    n = get_settings().audit_samples_per_agent if per_agent is None else per_agent
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for agent, kind, subject_id in store.candidates_of(week):
        groups[(agent, kind)].append(subject_id)
    created = existing = 0
    at = clock.iso(moment)
    for (agent, kind), subjects in sorted(groups.items()):
        for slot, subject_id in enumerate(rules.sample(subjects, week=week, agent=agent, kind=kind, n=n)):
            if store.claimed(week, agent, kind, slot, subject_id):  # an earlier run's
                existing += 1
                continue
            candidate = store.get_candidate(week, agent, kind, subject_id)
            audit_id = ids.new_id("aud")
            audit = AuditModel(
                pk=audit_id,
                kind=kind,
                subjectId=subject_id,
                agent=agent,
                week=week,
                status=AuditStatus.PENDING.value,
                listKey=store.list_key(week, audit_id),
                doneAt=candidate.doneAt if candidate else at,
                timeline=[
                    timeline_entry(at, None, AuditStatus.PENDING.value, SAMPLER, f"sampled for {week}")
                ],
                createdAt=at,
                updatedAt=at,
            )
            if store.create_sampled(audit, slot=slot):
                created += 1
            else:
                existing += 1
    candidates = sum(len(subjects) for subjects in groups.values())
    metrics.add_metric(name="AuditsSampled", unit="Count", value=created)
    logger.info(
        "audit week sampled", extra={"week": week, "candidates": candidates, "audits_created": created}
    )
    return SamplingOut(week=week, candidates=candidates, created=created, existing=existing)


# ---------------------------------------------------------------- supervisors
def to_wire(audit: AuditModel) -> AuditOut:
    scores = {name: int(value) for name, value in (audit.scores.as_dict() if audit.scores else {}).items()}
    return AuditOut(
        audit_id=audit.pk,
        kind=AuditKind(audit.kind),
        subject_id=audit.subjectId,
        agent=audit.agent,
        week=audit.week,
        status=AuditStatus(audit.status),
        done_at=audit.doneAt,
        scores=Scores(**scores) if scores else None,
        mean_score=rules.mean(scores) if scores else None,
        note=audit.note,
        scored_by=audit.scoredBy,
        scored_at=audit.scoredAt,
        created_at=audit.createdAt,
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in audit.timeline or []
        ],
    )


def list_audits(
    principal: Principal,
    *,
    status: AuditStatus | None,
    agent: str | None,
    limit: int | None,
    cursor: str | None,
) -> Page[AuditOut]:
    size = clamp_limit(limit)
    scope = f"audits:{status.value if status else '*'}:{agent or '*'}"
    rows, last = store.listing(
        status=status.value if status else None,
        agent=agent,
        limit=size,
        start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
    )
    return Page[AuditOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def get_audit(audit_id: str) -> AuditOut:
    audit = store.get(audit_id)
    if audit is None:
        raise NotFound(f"{WHAT} not found")
    return to_wire(audit)


def score(audit_id: str, principal: Principal, request: ScoreRequest) -> AuditOut:
    scores = rules.checked_scores(request.scores.model_dump(by_alias=False))
    audit = store.get(audit_id)
    if audit is None:
        raise NotFound(f"{WHAT} not found")
    rules.check_not_own_work(principal.sub, audit.agent)
    current = AuditStatus(audit.status)
    target = rules.next_status(current, AuditAction.SCORE)
    at = clock.now_iso()
    mean = rules.mean(scores)
    actions = [
        AuditModel.status.set(target.value),
        AuditModel.scores.set(scores),
        AuditModel.scoredBy.set(principal.sub),
        AuditModel.scoredAt.set(at),
    ]
    if request.note:
        actions.append(AuditModel.note.set(request.note))
    store.change(
        audit,
        expected_status=current.value,
        entry=timeline_entry(at, current.value, target.value, principal.sub, f"scored {mean} of 5"),
        actions=actions,
    )
    metrics.add_metric(name="AuditsScored", unit="Count", value=1)
    return get_audit(audit_id)
