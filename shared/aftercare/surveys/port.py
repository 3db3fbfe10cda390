"""How a domain still asks for a satisfaction survey by calling: an after-sales case
completed. A delivered order, a paid refund and a solved ticket get theirs from their
events (surveys/reactions.py). One survey per subject, ever."""

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
