"""The one way any domain asks for a satisfaction survey: a ticket solved, an after-sales
case completed, an order delivered, a refund paid. One survey per subject, ever."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pynamodb.transactions import TransactWrite


@dataclass(frozen=True)
class NewSurvey:
    """A survey scheduled as part of the caller's own state change (`prepare_for`).

    `add_to(tx)` adds the survey and its subject claim to the caller's transaction, both on
    the condition that they do not exist yet (None when the subject has its survey already:
    there is nothing to write). Call `scheduled()` once that transaction has committed."""

    survey_id: str
    add_to: Callable[[TransactWrite], None] | None
    scheduled: Callable[[], None]


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


def prepare_for(
    *, subject_kind: str, subject_id: str, customer_id: str, order_id: str | None = None
) -> NewSurvey:
    """`schedule_for`, for a caller that writes the survey together with its own change:
    nothing is written here. A subject that has its survey already gets that survey's id
    (and `add_to` None)."""
    from aftercare.surveys import service

    return service.prepare(
        subject_kind=subject_kind, subject_id=subject_id, customer_id=customer_id, order_id=order_id
    )
