"""The samples in events/analytics_*/ are events the functions handle: each domain event sample
adds its facts (once, however often it is delivered), the API sample answers a supervisor."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from aftercare.analytics import store
from infra.local.http_events import parse_http_response
from infra.template import ROOT
from tests.integration.analytics.support import deliver
from tests.support.api import Api

EVENTS = Path(ROOT) / "events"
SAMPLES = [
    ("DomainEvents", {"orders.delivered": 1}),  # the standard sample (an order delivered)
    ("ShipmentEvents", {"shipments.delivered": 1, "shipments.on_time": 1}),
    ("TicketEvents", {"tickets.first_response.n": 1, "tickets.replies": 1}),
    ("CaseEvents", {"cases.first_response.n": 1}),
    ("SurveyEvents", {"surveys.answered": 1, "csat.c4": 1, "nps.promoters": 1}),
    ("RefundEvents", {"refunds.succeeded": 1, "refunds.amount.CNY": 29800}),
]
DAY = date(2026, 11, 22)


def sample(function: str, name: str) -> dict[str, Any]:
    return dict(json.loads((EVENTS / function / f"{name}.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize(("name", "wanted"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_each_event_sample_adds_its_facts_once(api: Api, name: str, wanted: dict[str, int]) -> None:
    records = sample("analytics_reactions", name)["Records"]
    assert deliver(api, records) == []
    assert deliver(api, records) == []
    totals = store.read_range(DAY, DAY).totals[DAY.isoformat()]
    assert {metric: totals[metric] for metric in wanted} == wanted


def test_the_api_sample_answers_a_supervisor(api: Api) -> None:
    status, _, _, body = parse_http_response(
        api.host.invoke("AnalyticsApiFunction", sample("analytics_api", "AnalyticsKpis"))
    )
    assert status == 200
    assert json.loads(body)["days"] == 22
