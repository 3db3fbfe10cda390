"""Scheduled (EventBridge): sends the surveys that fell due, in each customer's daytime,
and expires those unanswered 7 days after sending."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.handlers import task_handler
from aftercare.settings import load
from aftercare.surveys import service


@dataclass(frozen=True)
class SurveyDispatchSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_table: str
    notifications_queue_url: str
    survey_link_secret_id: str
    surveys_table: str


SETTINGS = load(SurveyDispatchSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return service.dispatch_due().as_dict()
