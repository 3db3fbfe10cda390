"""Public survey routes opened from an invitation link: no login, the link's signed,
expiring token (`?token=`) names the survey and its customer. The token is checked before
anything reads the body, so an anonymous caller without a valid token learns nothing
else (401). A signed-in app uses GET /v1/surveys, whose items carry the same token, or
the /v1/me/surveys routes (functions/surveys_api)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare import clock
from aftercare.auth import CUSTOMER, Principal
from aftercare.errors import DomainError
from aftercare.http import create_app, http_handler, once
from aftercare.problems import problem_event
from aftercare.settings import load
from aftercare.surveys import rules, service
from aftercare.surveys.models import ResponseRequest, SurveyOut


@dataclass(frozen=True)
class SurveyLinksSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    idempotency_table: str
    survey_link_secret_id: str
    surveys_table: str


SETTINGS = load(SurveyLinksSettings)

app = create_app()

Token = Annotated[str | None, Query(description="the link token from the survey invitation")]


@app.get("/v1/surveys/<surveyId>", tags=["surveys"], summary="A survey opened from its invitation link")
def get_survey(surveyId: str, token: Token = None) -> SurveyOut:
    survey, _ = service.load_by_link(token, surveyId)
    return service.to_wire(survey)


@app.post(
    "/v1/surveys/<surveyId>/responses",
    status_code=201,
    tags=["surveys"],
    summary="Answer a survey from its invitation link, once (a second answer is a 409)",
)
def answer_survey(surveyId: str, body: ResponseRequest, token: Token = None) -> SurveyOut:
    survey, claims = service.load_by_link(token, surveyId)
    principal = Principal(sub=claims.customer_id, roles=frozenset({CUSTOMER}))
    call = lambda: service.answer(survey, body, via="link", actor=claims.customer_id)  # noqa: E731
    return once(app, principal, "answer-survey", call)


_resolve = http_handler(app, authenticated=False)


def _token_refusal(event: dict[str, Any]) -> DomainError | None:
    token = (event.get("queryStringParameters") or {}).get("token")
    try:
        rules.verify_link(service.link_secret(), token, now=clock.now())
    except DomainError as error:
        return error
    return None


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    refusal = _token_refusal(event)
    if refusal is not None:
        return problem_event(refusal)
    return _resolve(event, context)
