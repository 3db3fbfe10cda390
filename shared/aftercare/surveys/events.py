"""What the surveys domain tells the others: its published event types (the contract other
domains may import; nothing else of `surveys` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class SurveySent:
    """A satisfaction survey went out to its customer (once per survey)."""

    TYPE: ClassVar[str] = "SurveySent"
    VERSION: ClassVar[int] = 1

    survey_id: str
    customer_id: str
    subject_kind: str  # order, ticket, case or refund
    subject_id: str
    sent_at: str


@dataclass(frozen=True)
class SurveyAnswered:
    """A customer answered a satisfaction survey (once per survey). `needs_recovery` is
    surveys' own judgement of the score (surveys/rules.py): a reader acts on it rather than
    setting its own threshold."""

    TYPE: ClassVar[str] = "SurveyAnswered"
    VERSION: ClassVar[int] = 1

    survey_id: str
    customer_id: str
    subject_kind: str  # order, ticket, case or refund
    subject_id: str
    csat: int
    needs_recovery: bool
    answered_at: str
    comment: str = ""
    order_id: str = ""
    case_id: str = ""  # the subject, when the survey is about an after-sales case
    nps: int | None = None  # 0-10, when the customer gave one


ALL = (SurveySent, SurveyAnswered)
