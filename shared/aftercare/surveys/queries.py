"""What other domains may read of surveys: frozen views, never the table's model.

Customers lists a customer's surveys in their history. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.surveys import store


@dataclass(frozen=True)
class SurveySummary:
    survey_id: str
    status: str
    subject_kind: str
    subject_id: str
    csat: int | None  # the score, once answered
    updated_at: str


def recent_for_customer(customer_id: str, *, limit: int) -> tuple[SurveySummary, ...]:
    """The customer's latest `limit` surveys, newest first (their customer index)."""
    rows, _ = store.list_for_customer(customer_id, status=None, limit=limit, start_key=None)
    return tuple(
        SurveySummary(
            survey_id=survey.surveyId,
            status=survey.status,
            subject_kind=survey.subjectKind,
            subject_id=survey.subjectId,
            csat=int(survey.csat) if survey.csat is not None else None,
            updated_at=survey.updatedAt,
        )
        for survey in rows
    )
