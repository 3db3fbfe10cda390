"""The surveys API's request and response shapes (API.md: /v1/surveys)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from aftercare.surveys.rules import SubjectKind, SurveyStatus
from aftercare.wire import JsonInteger, TimelineEntry, WireModel

Tag = Annotated[str, Field(pattern=r"^[\w-]{1,32}$")]


class ResponseRequest(WireModel):
    csat: Annotated[
        int, Field(ge=1, le=5, description="customer satisfaction, 1 (bad) to 5 (great)"), JsonInteger
    ]
    nps: (
        Annotated[int, Field(ge=0, le=10, description="likelihood to recommend, 0 to 10"), JsonInteger] | None
    ) = None
    comment: Annotated[str, Field(max_length=2000)] | None = None
    tags: Annotated[list[Tag], Field(max_length=10)] | None = None

    @field_validator("tags")
    @classmethod
    def _distinct(cls, value: list[str] | None) -> list[str] | None:
        return sorted(set(value)) if value is not None else None


class SurveyResponseOut(WireModel):
    csat: int
    nps: int | None = None
    comment: str | None = None
    tags: list[str] = []
    answered_at: str
    answered_via: str


class SurveyOut(WireModel):
    survey_id: str
    customer_id: str
    subject_kind: SubjectKind
    subject_id: str
    order_id: str | None = None
    status: SurveyStatus
    due_at: str
    sent_at: str | None = None
    expires_at: str | None = None
    response: SurveyResponseOut | None = None
    token: str | None = Field(
        default=None,
        description="link token for the public survey routes (`?token=`); only for the survey's owner "
        "while it can still be answered",
    )
    timeline: list[TimelineEntry]
    created_at: str
    updated_at: str
