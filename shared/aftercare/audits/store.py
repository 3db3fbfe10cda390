"""The Audits table: the only module that reads or writes it.

One hash key, `pk`, three kinds of item:
- `aud_<ULID>`: an audit (kind, subject, agent, week, status, scores, timeline); the indexes
  `byStatus`, `byAgent` and `byList` (every audit) list them, newest week first (`listKey` =
  `<week>#<auditId>`);
- `cand#<week>#<agent>#<kind>#<subjectId>`: work that may be audited (a solved ticket, a
  resolved case), from the other domains' events; `byWeek` lists a week's candidates, in a
  stable order (`candidateKey` = `<agent>#<kind>#<subjectId>`);
- `slot#<week>#<agent>#<kind>#<n>` and `pick#<week>#<kind>#<subjectId>`: the sampler's claims,
  written in one transaction with the audit they make, so however often (or concurrently) a
  week is sampled, an agent gets at most N audits of a kind and no work is audited twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pynamodb.attributes import ListAttribute, MapAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import TimelineAttribute, conflicts_as_409, connection, is_condition_failure
from aftercare.settings import get_settings

ENTITY = "audit"
CANDIDATE = "cand#"
SLOT = "slot#"
PICK = "pick#"


class ByStatusIndex(GlobalSecondaryIndex["AuditModel"]):
    class Meta:
        index_name = "byStatus"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    listKey = UnicodeAttribute(range_key=True)


class ByAgentIndex(GlobalSecondaryIndex["AuditModel"]):
    class Meta:
        index_name = "byAgent"
        projection = AllProjection()

    agent = UnicodeAttribute(hash_key=True)
    listKey = UnicodeAttribute(range_key=True)


class ByListIndex(GlobalSecondaryIndex["AuditModel"]):
    class Meta:
        index_name = "byList"
        projection = AllProjection()

    entity = UnicodeAttribute(hash_key=True)
    listKey = UnicodeAttribute(range_key=True)


class ByWeekIndex(GlobalSecondaryIndex["CandidateModel"]):
    class Meta:
        index_name = "byWeek"
        projection = KeysOnlyProjection()

    candidateWeek = UnicodeAttribute(hash_key=True)
    candidateKey = UnicodeAttribute(range_key=True)


class AuditModel(Model):
    class Meta:
        table_name = get_settings().audits_table

    pk = UnicodeAttribute(hash_key=True)  # the audit id
    entity = UnicodeAttribute(default=ENTITY)
    kind = UnicodeAttribute()
    subjectId = UnicodeAttribute()
    agent = UnicodeAttribute()
    week = UnicodeAttribute()
    status = UnicodeAttribute()
    listKey = UnicodeAttribute()
    doneAt = UnicodeAttribute()  # when the audited work was done (solved, resolved)
    scores = MapAttribute[str, Any](null=True)
    note = UnicodeAttribute(null=True)
    scoredBy = UnicodeAttribute(null=True)
    scoredAt = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_status = ByStatusIndex()
    by_agent = ByAgentIndex()
    by_list = ByListIndex()


class CandidateModel(Model):
    class Meta:
        table_name = get_settings().audits_table

    pk = UnicodeAttribute(hash_key=True)
    candidateWeek = UnicodeAttribute()
    candidateKey = UnicodeAttribute()
    agentId = UnicodeAttribute()
    kind = UnicodeAttribute()
    subjectId = UnicodeAttribute()
    doneAt = UnicodeAttribute()
    recordedAt = UnicodeAttribute()

    by_week = ByWeekIndex()


class ClaimModel(Model):
    class Meta:
        table_name = get_settings().audits_table

    pk = UnicodeAttribute(hash_key=True)
    auditId = UnicodeAttribute()
    claimedAt = UnicodeAttribute()


def candidate_key(agent: str, kind: str, subject_id: str) -> str:
    return f"{agent}#{kind}#{subject_id}"


def list_key(week: str, audit_id: str) -> str:
    return f"{week}#{audit_id}"


def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


# ---------------------------------------------------------------- candidates
def record_candidate(*, week: str, agent: str, kind: str, subject_id: str, done_at: str, at: str) -> None:
    """Idempotent: the same work told again rewrites the same item."""
    key = candidate_key(agent, kind, subject_id)
    CandidateModel(
        pk=f"{CANDIDATE}{week}#{key}",
        candidateWeek=week,
        candidateKey=key,
        agentId=agent,
        kind=kind,
        subjectId=subject_id,
        doneAt=done_at,
        recordedAt=at,
    ).save()


def candidates_of(week: str) -> Iterator[tuple[str, str, str]]:
    """The week's candidates as (agent, kind, subject id), in key order (every page)."""
    for row in CandidateModel.by_week.query(week):
        agent, kind, subject_id = row.candidateKey.split("#", 2)
        yield agent, kind, subject_id


def get_candidate(week: str, agent: str, kind: str, subject_id: str) -> CandidateModel | None:
    try:
        return CandidateModel.get(f"{CANDIDATE}{week}#{candidate_key(agent, kind, subject_id)}")
    except CandidateModel.DoesNotExist:
        return None


# ---------------------------------------------------------------- audits
def slot_key(week: str, agent: str, kind: str, slot: int) -> str:
    return f"{SLOT}{week}#{agent}#{kind}#{slot}"


def pick_key(week: str, kind: str, subject_id: str) -> str:
    return f"{PICK}{week}#{kind}#{subject_id}"


def claimed(week: str, agent: str, kind: str, slot: int, subject_id: str) -> bool:
    """The slot is taken or the work was picked already: a consistent read sees an earlier
    run's claims, so a rerun of the week writes nothing and attempts no transaction."""
    for key in (slot_key(week, agent, kind, slot), pick_key(week, kind, subject_id)):
        try:
            ClaimModel.get(key, consistent_read=True)
            return True
        except ClaimModel.DoesNotExist:
            continue
    return False


def create_sampled(audit: AuditModel, *, slot: int) -> bool:
    """The audit with its slot and pick claims, in one transaction; False (nothing written)
    when the slot is taken or the work was picked already (by a run racing this one)."""
    week, agent, kind = audit.week, audit.agent, audit.kind
    slot_claim = ClaimModel(pk=slot_key(week, agent, kind, slot), auditId=audit.pk, claimedAt=audit.createdAt)
    pick_claim = ClaimModel(
        pk=pick_key(week, kind, audit.subjectId), auditId=audit.pk, claimedAt=audit.createdAt
    )
    try:
        with TransactWrite(connection=connection()) as tx:
            tx.save(slot_claim, condition=ClaimModel.pk.does_not_exist())
            tx.save(pick_claim, condition=ClaimModel.pk.does_not_exist())
            tx.save(audit, condition=AuditModel.pk.does_not_exist())
    except TransactWriteError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def get(audit_id: str, *, consistent: bool = True) -> AuditModel | None:
    if not audit_id.startswith("aud_"):
        return None
    try:
        return AuditModel.get(audit_id, consistent_read=consistent)
    except AuditModel.DoesNotExist:
        return None


def change(
    audit: AuditModel, *, expected_status: str, entry: TimelineAttribute, actions: Sequence[Action]
) -> None:
    """One conditional write on the expected status and version, with its timeline entry."""
    all_actions = [
        *actions,
        AuditModel.updatedAt.set(entry.at),
        AuditModel.timeline.set(AuditModel.timeline.append([entry])),
    ]
    with conflicts_as_409("the audit changed meanwhile (scored by someone else?); reload it"):
        audit.update(actions=all_actions, condition=AuditModel.status == expected_status)


def listing(
    *, status: str | None, agent: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[AuditModel], dict[str, Any] | None]:
    """Audits newest week first: by agent (and status), by status, or every audit."""
    if agent:
        condition: Condition | None = (AuditModel.status == status) if status else None
        results = AuditModel.by_agent.query(
            agent,
            scan_index_forward=False,
            filter_condition=condition,
            limit=limit,
            last_evaluated_key=start_key,
        )
    elif status:
        results = AuditModel.by_status.query(
            status, scan_index_forward=False, limit=limit, last_evaluated_key=start_key
        )
    else:
        results = AuditModel.by_list.query(
            ENTITY, scan_index_forward=False, limit=limit, last_evaluated_key=start_key
        )
    return list(results), results.last_evaluated_key
