"""Surveys HTTP API for signed-in customers (JWT): my surveys, and one survey read or
answered by its owner. The same survey opened from an invitation link, without a login,
is served by functions/survey_links (public routes, link token)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.http import create_app, current_principal, http_handler, once, owned_by
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.surveys import service
from aftercare.surveys.models import ResponseRequest, SurveyOut
from aftercare.surveys.rules import SurveyStatus
from aftercare.wire import Page


@dataclass(frozen=True)
class SurveysApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cursor_secret_id: str
    idempotency_table: str
    survey_link_secret_id: str
    surveys_table: str


SETTINGS = load(SurveysApiSettings)

app = create_app()


@app.get(
    "/v1/surveys",
    tags=["surveys"],
    summary="My surveys, newest first; each answerable one carries its link token",
)
def list_surveys(
    status: Annotated[SurveyStatus | None, Query()] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[SurveyOut]:
    return service.list_mine(current_principal(app), status=status, limit=limit, cursor=cursor)


@app.get("/v1/me/surveys/<surveyId>", tags=["surveys"], summary="One of my surveys (JWT of its owner)")
def get_my_survey(surveyId: str) -> SurveyOut:
    return service.owner_view(service.load_for_owner(current_principal(app), surveyId))


@app.post(
    "/v1/me/surveys/<surveyId>/responses",
    status_code=201,
    tags=["surveys"],
    summary="Answer one of my surveys, once (JWT of its owner)",
)
@owned_by(lambda principal, path: service.load_for_owner(principal, path["surveyId"]))
def answer_my_survey(surveyId: str, body: ResponseRequest) -> SurveyOut:
    principal = current_principal(app)

    def call() -> SurveyOut:
        survey = service.load_for_owner(principal, surveyId)
        return service.answer(survey, body, via="app", actor=principal.sub)

    return once(app, principal, "answer-survey", call)


lambda_handler = http_handler(app)
