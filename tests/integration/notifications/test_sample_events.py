"""The sample events in events/ for the survey, campaign, profile (its reactions: a
delivered order, an answered survey) and notification functions are accepted by their handlers (the shapes `sam local invoke -e` would send)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from aftercare import clock
from aftercare.settings import get_settings
from tests.support.api import Api

EVENTS = Path(__file__).resolve().parents[3] / "events"


def sample(function: str, name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EVENTS / function / f"{name}.json").read_text())
    return event


@pytest.mark.parametrize(
    ("logical_id", "function", "name", "expected"),
    [
        ("NotificationSenderFunction", "notification_sender", "Notifications", {"batchItemFailures": []}),
        ("CustomersReactionsFunction", "customers_reactions", "DomainEvents", {"batchItemFailures": []}),
        ("SurveyDispatchFunction", "survey_dispatch", "DispatchSurveys",
         {"sent": 0, "postponed": 0, "skipped": 0, "expired": 0, "failed": 0}),
        ("CampaignRunnerFunction", "campaign_runner", "RunCampaigns",
         {"queued": 0, "sent": 0, "skipped": 0, "postponed": 0, "failed": 0, "overlapped": 0}),
    ],
)  # fmt: skip
def test_event_samples_run(
    api: Api, fixed_clock: clock.FixedClock, logical_id: str, function: str, name: str, expected: Any
) -> None:
    boto3.client("ses", region_name="us-east-1").verify_email_identity(
        EmailAddress=get_settings().notification_from_email
    )
    assert api.host.invoke(logical_id, sample(function, name)) == expected


@pytest.mark.parametrize(
    ("logical_id", "function", "name", "status"),
    [
        ("SurveysApiFunction", "surveys_api", "ListSurveys", 200),
        ("SurveysApiFunction", "surveys_api", "GetMySurvey", 404),
        ("SurveysApiFunction", "surveys_api", "AnswerMySurvey", 404),
        ("SurveyLinksFunction", "survey_links", "GetSurvey", 401),  # the sample's token is not signed
        ("SurveyLinksFunction", "survey_links", "AnswerSurvey", 401),
        ("CustomersApiFunction", "customers_api", "GetMe", 200),
        ("CustomersApiFunction", "customers_api", "PatchPreferences", 200),
        ("CustomersApiFunction", "customers_api", "CustomerHistory", 200),
    ],
)
def test_http_samples_reach_their_routes(
    api: Api, fixed_clock: clock.FixedClock, logical_id: str, function: str, name: str, status: int
) -> None:
    reply = api.host.invoke(logical_id, sample(function, name))
    assert reply["statusCode"] == status, reply
