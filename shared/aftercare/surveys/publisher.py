"""Which changes of a survey are events for the other domains: a pure function of the
survey's item before and after the change (the Surveys table's stream). The table also
holds subject claims (`subject#<kind>#<id>`), which are no survey."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.events import Happened
from aftercare.surveys import rules
from aftercare.surveys.events import SurveyAnswered, SurveySent
from aftercare.surveys.rules import SubjectKind, SurveyStatus

Image = Mapping[str, Any]


def _is_survey(image: Image) -> bool:
    survey_id = str(image.get("surveyId") or "")
    return bool(survey_id) and "#" not in survey_id and bool(image.get("customerId") and image.get("status"))


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not _is_survey(new):
        return []
    return [*_sent(old, new), *_answered(old, new)]


def _sent(old: Image | None, new: Image) -> list[Happened]:
    sent = SurveyStatus.SENT
    if new["status"] != sent or (old is not None and old.get("status") == sent):
        return []
    at = str(new.get("sentAt") or new.get("updatedAt") or "")
    payload = SurveySent(
        survey_id=str(new["surveyId"]),
        customer_id=str(new["customerId"]),
        subject_kind=str(new.get("subjectKind") or ""),
        subject_id=str(new.get("subjectId") or ""),
        sent_at=at,
    )
    return [Happened(payload, subject=payload.survey_id, time=at)]


def _answered(old: Image | None, new: Image) -> list[Happened]:
    if new.get("csat") is None:
        return []
    answered = SurveyStatus.ANSWERED
    if new["status"] != answered or (old is not None and old.get("status") == answered):
        return []
    csat = int(new["csat"])
    kind = str(new.get("subjectKind") or "")
    subject_id = str(new.get("subjectId") or "")
    at = str(new.get("answeredAt") or new.get("updatedAt") or "")
    return [
        Happened(
            SurveyAnswered(
                survey_id=str(new["surveyId"]),
                customer_id=str(new["customerId"]),
                subject_kind=kind,
                subject_id=subject_id,
                csat=csat,
                needs_recovery=rules.needs_recovery(csat),
                answered_at=at,
                comment=str(new.get("comment") or ""),
                order_id=str(new.get("orderId") or ""),
                case_id=subject_id if kind == SubjectKind.CASE else "",
                nps=None if new.get("nps") is None else int(new["nps"]),
            ),
            subject=str(new["surveyId"]),
            time=at,
        )
    ]
