"""The Surveys table: the only module that reads or writes it.

Two kinds of item share the key space: surveys (`sv_...`) and subject claims
(`subject#<kind>#<id>`), written in one transaction with the survey so a subject (an
order, a ticket, a case, a refund) can never get two surveys.

The `byDispatch` index is sparse: only surveys that still have something to happen carry
`dispatchState` (SCHEDULED: waiting to be sent at `dispatchAt`; SENT: waiting to expire
at `dispatchAt`), so the scheduled jobs read what is due, never the whole table.
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import TimelineAttribute, conflicts_as_409, transaction
from aftercare.settings import get_settings


class ByCustomerIndex(GlobalSecondaryIndex["SurveyModel"]):
    class Meta:
        index_name = "byCustomer"
        projection = AllProjection()

    customerId = UnicodeAttribute(hash_key=True)
    surveyId = UnicodeAttribute(range_key=True)


class ByDispatchIndex(GlobalSecondaryIndex["SurveyModel"]):
    class Meta:
        index_name = "byDispatch"
        projection = AllProjection()

    dispatchState = UnicodeAttribute(hash_key=True)
    dispatchAt = UnicodeAttribute(range_key=True)


class SurveyModel(Model):
    class Meta:
        table_name = get_settings().surveys_table

    surveyId = UnicodeAttribute(hash_key=True)
    customerId = UnicodeAttribute()
    subjectKind = UnicodeAttribute()
    subjectId = UnicodeAttribute()
    orderId = UnicodeAttribute(null=True)
    status = UnicodeAttribute()
    invitationId = UnicodeAttribute()  # the notification id of the invitation (sent once)
    dueAt = UnicodeAttribute()
    sentAt = UnicodeAttribute(null=True)
    expiresAt = UnicodeAttribute(null=True)
    answeredAt = UnicodeAttribute(null=True)
    answeredVia = UnicodeAttribute(null=True)  # app or link
    csat = NumberAttribute(null=True)
    nps = NumberAttribute(null=True)
    comment = UnicodeAttribute(null=True)
    tags = ListAttribute(of=UnicodeAttribute, null=True)
    dispatchState = UnicodeAttribute(null=True)
    dispatchAt = UnicodeAttribute(null=True)
    timeline = ListAttribute(of=TimelineAttribute)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    version = VersionAttribute()

    by_customer = ByCustomerIndex()
    by_dispatch = ByDispatchIndex()


class SubjectClaim(Model):
    """`subject#order#ord_...` -> the survey that subject got."""

    class Meta:
        table_name = get_settings().surveys_table

    surveyId = UnicodeAttribute(hash_key=True)  # holds the claim key
    claimedBy = UnicodeAttribute()


def claim_key(subject_kind: str, subject_id: str) -> str:
    return f"subject#{subject_kind}#{subject_id}"


def claimed_survey(subject_kind: str, subject_id: str) -> str | None:
    try:
        return SubjectClaim.get(claim_key(subject_kind, subject_id), consistent_read=True).claimedBy
    except SubjectClaim.DoesNotExist:
        return None


def timeline_entry(
    at: str, from_status: str | None, to: str, actor: str, note: str | None
) -> TimelineAttribute:
    return TimelineAttribute(at=at, from_status=from_status, to=to, actor=actor, note=note)


def add_new(tx: TransactWrite, survey: SurveyModel) -> None:
    """The new survey and its subject claim as parts of a transaction (the caller's, so the
    change that earns the survey and the survey commit together or not at all). Both are
    conditional on not existing: a second survey for the same subject fails the transaction."""
    claim = SubjectClaim(surveyId=claim_key(survey.subjectKind, survey.subjectId), claimedBy=survey.surveyId)
    tx.save(claim, condition=SubjectClaim.surveyId.does_not_exist())
    tx.save(survey, condition=SurveyModel.surveyId.does_not_exist())


def create(survey: SurveyModel) -> None:
    """Write the survey and claim its subject in one transaction (409 if claimed)."""
    with transaction("this subject already has a survey") as tx:
        add_new(tx, survey)


def get(survey_id: str, *, consistent: bool = True) -> SurveyModel | None:
    if not survey_id.startswith("sv_"):
        return None
    try:
        return SurveyModel.get(survey_id, consistent_read=consistent)
    except SurveyModel.DoesNotExist:
        return None


def change(
    survey: SurveyModel,
    *,
    expected_status: str,
    entry: TimelineAttribute | None,
    actions: list[Action],
    condition: Condition | None = None,
    conflict: str = "the survey changed meanwhile; reload it and retry",
) -> None:
    """One conditional write on the expected status and version, with its timeline entry."""
    at = entry.at if entry is not None else None
    all_actions = [*actions]
    if at is not None:
        all_actions.append(SurveyModel.updatedAt.set(at))
    if entry is not None:
        all_actions.append(SurveyModel.timeline.set(SurveyModel.timeline.append([entry])))
    expected = SurveyModel.status == expected_status
    with conflicts_as_409(conflict):
        survey.update(actions=all_actions, condition=expected if condition is None else expected & condition)


def list_for_customer(
    customer_id: str, *, status: str | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[SurveyModel], dict[str, Any] | None]:
    results = SurveyModel.by_customer.query(
        customer_id,
        scan_index_forward=False,
        filter_condition=(SurveyModel.status == status) if status else None,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return list(results), results.last_evaluated_key


def due(state: str, now: str, *, limit: int) -> list[SurveyModel]:
    """Surveys in dispatch `state` whose `dispatchAt` has come, oldest first (the index is
    eventually consistent: the caller's conditional write is what decides)."""
    return list(
        SurveyModel.by_dispatch.query(
            state, SurveyModel.dispatchAt <= now, scan_index_forward=True, limit=limit
        )
    )
