"""The one way any domain asks for a satisfaction survey: a ticket solved, an after-sales
case completed, an order delivered, a refund paid. One survey per subject, ever."""

from __future__ import annotations


def schedule_for(*, subject_kind: str, subject_id: str, customer_id: str, order_id: str | None = None) -> str:
    """Schedule the survey about `subject_kind` ("order", "ticket", "case" or "refund")
    `subject_id` and return its id (`sv_...`).

    The invitation goes out after the configured delay (SURVEY_DELAY_SECONDS, 24 h by
    default), moved to 09:00 if that falls in the customer's quiet hours. Idempotent: a
    second call for the same subject returns the first survey's id and schedules nothing."""
    from aftercare.surveys import service

    return service.schedule(
        subject_kind=subject_kind, subject_id=subject_id, customer_id=customer_id, order_id=order_id
    )
