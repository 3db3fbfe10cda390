"""Survey use cases: scheduling (the port), dispatch and expiry (the scheduled job),
reading and answering (app or link). What follows an answer is the other domains'
reaction to the SurveyAnswered event (surveys/publisher.py): customers credit its loyalty
points, tickets open a low score's service-recovery ticket.

Sending is exactly-once end to end: each survey carries the id of its invitation
(`invitationId`, fixed when it is scheduled); the dispatcher queues the invitation under
that id and then marks the survey SENT with a conditional write. A dispatcher that dies in
between, or two that race, queue the same notification id again, and the sender delivers
a notification id once.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from aftercare import clock, ids, secrets
from aftercare.auth import CUSTOMER, Principal, require_owner
from aftercare.customers import queries as customers
from aftercare.customers.queries import SURVEY_KIND, is_quiet, next_morning, opted_out
from aftercare.errors import Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.settings import get_settings
from aftercare.surveys import rules, store
from aftercare.surveys.models import ResponseRequest, SurveyOut, SurveyResponseOut
from aftercare.surveys.rules import LinkClaims, SubjectKind, SurveyAction, SurveyStatus
from aftercare.surveys.store import SurveyModel, timeline_entry
from aftercare.wire import Page, TimelineEntry

WHAT = "survey"
SYSTEM = "survey-dispatch"
S = SurveyStatus
DISPATCH_BATCH = 200


# ---------------------------------------------------------------- the link secret
def link_secret() -> bytes:
    """The survey link secret (from the secret store, cached there), or without one a key
    derived from the cursor secret for this one purpose, so the two never sign each
    other's tokens."""
    configured = secrets.survey_link_secret()
    if configured:
        return configured.encode()
    cursor = secrets.cursor_secret()
    if not cursor:
        raise RuntimeError("neither SURVEY_LINK_SECRET nor CURSOR_SECRET is configured")
    return hmac.new(cursor.encode(), b"aftercare/survey-link-key", hashlib.sha256).digest()


def link_token(survey: SurveyModel, *, now: datetime) -> str | None:
    """A token for the survey's public routes while it can still be answered."""
    if survey.status not in (S.SCHEDULED, S.SENT):
        return None
    expires = clock.parse_iso(survey.expiresAt) if survey.expiresAt else rules.expires_at(now)
    if expires <= now:
        return None
    return rules.sign_link(
        link_secret(), survey_id=survey.surveyId, customer_id=survey.customerId, expires=expires
    )


def link_url(survey_id: str, token: str) -> str:
    return f"{get_settings().survey_link_base_url.rstrip('/')}/{survey_id}?{urlencode({'token': token})}"


# ---------------------------------------------------------------- reads
def to_wire(survey: SurveyModel, *, token: str | None = None) -> SurveyOut:
    response = None
    if survey.status == S.ANSWERED and survey.csat is not None:
        response = SurveyResponseOut(
            csat=int(survey.csat),
            nps=int(survey.nps) if survey.nps is not None else None,
            comment=survey.comment,
            tags=list(survey.tags or []),
            answered_at=survey.answeredAt or survey.updatedAt,
            answered_via=survey.answeredVia or "app",
        )
    return SurveyOut(
        survey_id=survey.surveyId,
        customer_id=survey.customerId,
        subject_kind=SubjectKind(survey.subjectKind),
        subject_id=survey.subjectId,
        order_id=survey.orderId,
        status=SurveyStatus(survey.status),
        due_at=survey.dueAt,
        sent_at=survey.sentAt,
        expires_at=survey.expiresAt,
        response=response,
        token=token,
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in survey.timeline
        ],
        created_at=survey.createdAt,
        updated_at=survey.updatedAt,
    )


def _load(survey_id: str) -> SurveyModel:
    survey = store.get(survey_id)
    if survey is None:
        raise NotFound(f"{WHAT} not found")
    return survey


def load_for_owner(principal: Principal, survey_id: str) -> SurveyModel:
    """The caller's own survey; anyone else's (or none) is a 404."""
    survey = _load(survey_id)
    require_owner(principal, survey.customerId, WHAT)
    return survey


def load_by_link(token: str | None, survey_id: str) -> tuple[SurveyModel, LinkClaims]:
    """The survey a link token opens: 401 for a missing, forged or expired token; a genuine
    token for another survey opens nothing here (404)."""
    claims = rules.verify_link(link_secret(), token, now=clock.now())
    if claims.survey_id != survey_id:
        raise NotFound(f"{WHAT} not found")
    survey = _load(survey_id)
    if survey.customerId != claims.customer_id:
        raise NotFound(f"{WHAT} not found")
    return survey, claims


def owner_view(survey: SurveyModel) -> SurveyOut:
    return to_wire(survey, token=link_token(survey, now=clock.now()))


def list_mine(
    principal: Principal, *, status: SurveyStatus | None, limit: int | None, cursor: str | None
) -> Page[SurveyOut]:
    from aftercare.auth import require_role

    require_role(principal, CUSTOMER)
    size = clamp_limit(limit)
    scope = f"surveys:customer:{principal.sub}:{status or '*'}"
    rows, last = store.list_for_customer(
        principal.sub,
        status=status,
        limit=size,
        start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
    )
    return Page[SurveyOut](
        items=[owner_view(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


# ---------------------------------------------------------------- scheduling (the port)
def _new_survey(kind: SubjectKind, subject_id: str, customer_id: str, order_id: str | None) -> SurveyModel:
    reach = customers.reach(customer_id)
    now = clock.now()
    due = rules.due_at(
        now, delay=timedelta(seconds=get_settings().survey_delay_seconds), zone=reach.time_zone
    )
    at, due_iso = clock.iso(now), clock.iso(due)
    return SurveyModel(
        surveyId=ids.new_id("sv"),
        customerId=customer_id,
        subjectKind=kind.value,
        subjectId=subject_id,
        orderId=order_id,
        status=S.SCHEDULED,
        invitationId=ids.new_id("ntf"),
        dueAt=due_iso,
        dispatchState=S.SCHEDULED,
        dispatchAt=due_iso,
        timeline=[timeline_entry(at, None, S.SCHEDULED, SYSTEM, f"after {kind.value} {subject_id}")],
        createdAt=at,
        updatedAt=at,
    )


def _scheduled(survey: SurveyModel) -> None:
    metrics.add_metric(name="SurveysScheduled", unit="Count", value=1)
    subject = f"{survey.subjectKind}:{survey.subjectId}"
    logger.info(
        "survey scheduled", extra={"survey_id": survey.surveyId, "subject": subject, "due_at": survey.dueAt}
    )


def schedule(*, subject_kind: str, subject_id: str, customer_id: str, order_id: str | None) -> str:
    kind = SubjectKind(subject_kind)
    existing = store.claimed_survey(kind, subject_id)
    if existing:
        return existing
    survey = _new_survey(kind, subject_id, customer_id, order_id)
    try:
        store.create(survey)
    except Conflict:
        claimed = store.claimed_survey(kind, subject_id)
        if claimed:
            return claimed
        raise
    _scheduled(survey)
    return survey.surveyId


# ---------------------------------------------------------------- dispatch and expiry (scheduled)
@dataclass
class DispatchReport:
    sent: int = 0
    postponed: int = 0
    skipped: int = 0
    expired: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def dispatch_due(*, batch: int = DISPATCH_BATCH) -> DispatchReport:
    """Send every survey that fell due (in the customer's daytime), expire the ones sent
    more than 7 days ago. One survey's failure does not stop the others."""
    report = DispatchReport()
    now = clock.now()
    for candidate in store.due(S.SCHEDULED, clock.iso(now), limit=batch):
        try:
            outcome = _dispatch_one(candidate.surveyId, now)
        except Exception:
            logger.exception("survey dispatch failed", extra={"survey_id": candidate.surveyId})
            outcome = "failed"
        setattr(report, outcome, getattr(report, outcome) + 1)
    for candidate in store.due(S.SENT, clock.iso(now), limit=batch):
        try:
            report.expired += _expire_one(candidate.surveyId, now)
        except Exception:
            logger.exception("survey expiry failed", extra={"survey_id": candidate.surveyId})
            report.failed += 1
    for name, value in report.as_dict().items():
        if value:
            metrics.add_metric(name=f"Surveys{name.title()}", unit="Count", value=value)
    logger.info("survey dispatch", extra=report.as_dict())
    return report


def _dispatch_one(survey_id: str, now: datetime) -> str:
    survey = store.get(survey_id)  # the index is eventually consistent; the item decides
    if survey is None or survey.status != S.SCHEDULED or (survey.dispatchAt or "") > clock.iso(now):
        return "skipped"
    reach = customers.reach(survey.customerId)
    at = clock.iso(now)
    if opted_out(SURVEY_KIND, reach.opt_outs):
        target = rules.next_status(S.SCHEDULED, SurveyAction.EXPIRE)
        store.change(
            survey,
            expected_status=S.SCHEDULED,
            entry=timeline_entry(at, S.SCHEDULED, target, SYSTEM, "not sent: the customer opted out"),
            actions=[SurveyModel.status.set(target), SurveyModel.dispatchState.remove(),
                     SurveyModel.dispatchAt.remove()],
        )  # fmt: skip
        return "skipped"
    if is_quiet(now, reach.time_zone):
        morning = clock.iso(next_morning(now, reach.time_zone))
        store.change(
            survey,
            expected_status=S.SCHEDULED,
            entry=timeline_entry(
                at, S.SCHEDULED, S.SCHEDULED, SYSTEM, f"quiet hours in {reach.time_zone}: waits"
            ),
            actions=[SurveyModel.dueAt.set(morning), SurveyModel.dispatchAt.set(morning)],
        )
        return "postponed"
    expires = rules.expires_at(now)
    token = rules.sign_link(
        link_secret(), survey_id=survey.surveyId, customer_id=survey.customerId, expires=expires
    )
    notifications.send_once(
        survey.invitationId,
        survey.customerId,
        SURVEY_KIND,
        {
            "surveyId": survey.surveyId,
            "subjectKind": survey.subjectKind,
            "subjectId": survey.subjectId,
            "orderId": survey.orderId,
            "link": link_url(survey.surveyId, token),
            "token": token,
            "expiresAt": clock.iso(expires),
        },
    )
    target = rules.next_status(S.SCHEDULED, SurveyAction.SEND)
    try:
        store.change(
            survey,
            expected_status=S.SCHEDULED,
            entry=timeline_entry(at, S.SCHEDULED, target, SYSTEM, "invitation sent"),
            actions=[
                SurveyModel.status.set(target),
                SurveyModel.sentAt.set(at),
                SurveyModel.expiresAt.set(clock.iso(expires)),
                SurveyModel.dispatchState.set(S.SENT),
                SurveyModel.dispatchAt.set(clock.iso(expires)),
            ],
        )
    except Conflict:
        # Someone else moved it first (another dispatcher, or the customer answered in the
        # app); the invitation we queued carries the same id and is delivered at most once.
        return "skipped"
    return "sent"


def _expire_one(survey_id: str, now: datetime) -> int:
    survey = store.get(survey_id)
    if survey is None or survey.status != S.SENT or (survey.expiresAt or "") > clock.iso(now):
        return 0
    target = rules.next_status(S.SENT, SurveyAction.EXPIRE)
    try:
        store.change(
            survey,
            expected_status=S.SENT,
            entry=timeline_entry(clock.iso(now), S.SENT, target, SYSTEM, "no response within 7 days"),
            actions=[SurveyModel.status.set(target), SurveyModel.dispatchState.remove(),
                     SurveyModel.dispatchAt.remove()],
        )  # fmt: skip
    except Conflict:
        return 0  # answered at the last moment
    return 1


# ---------------------------------------------------------------- answering
def answer(survey: SurveyModel, request: ResponseRequest, *, via: str, actor: str) -> SurveyOut:
    """Record the one response: a second answer is a 409, an expired survey a 422."""
    for attempt in range(2):
        now = clock.now()
        current = SurveyStatus(survey.status)
        rules.check_answerable(current, clock.parse_iso(survey.expiresAt) if survey.expiresAt else None, now)
        target = rules.next_status(current, SurveyAction.ANSWER)
        at = clock.iso(now)
        actions: list[Any] = [
            SurveyModel.status.set(target),
            SurveyModel.answeredAt.set(at),
            SurveyModel.answeredVia.set(via),
            SurveyModel.csat.set(request.csat),
            SurveyModel.dispatchState.remove(),
            SurveyModel.dispatchAt.remove(),
        ]
        if request.nps is not None:
            actions.append(SurveyModel.nps.set(request.nps))
        if request.comment:
            actions.append(SurveyModel.comment.set(request.comment))
        if request.tags:
            actions.append(SurveyModel.tags.set(list(request.tags)))  # type: ignore[arg-type]
        try:
            store.change(
                survey,
                expected_status=current,
                entry=timeline_entry(at, current, target, actor, f"CSAT {request.csat} via {via}"),
                actions=actions,
            )
        except Conflict:
            # Lost a race: with the dispatcher (SCHEDULED → SENT) retry once; with another
            # answer, the reload says ANSWERED and the retry is the 409.
            if attempt == 1:
                raise
            survey = _load(survey.surveyId)
            continue
        break
    metrics.add_metric(name="SurveysAnswered", unit="Count", value=1)
    metrics.add_metric(name=f"Csat{request.csat}", unit="Count", value=1)
    logger.info("survey answered", extra={"survey_id": survey.surveyId, "csat": request.csat, "via": via})
    return to_wire(_load(survey.surveyId))
