"""The upgrade over cases stored before the domain events: a case still waiting on its old
`handoff` gets what the hand-off stood for once `infra/release_handoffs.py` has run, and a
second run changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.aws import client
from aftercare.refunds import store as refunds
from aftercare.settings import get_settings
from infra import release_handoffs
from tests.integration.aftersales.conftest import Cases
from tests.support.api import Api
from tests.support.bus import EventFlow


def stored_before_the_events(case_id: str, handoff: str) -> None:
    """The attribute as the old code left it (the model no longer knows it)."""
    client("dynamodb").update_item(
        TableName=get_settings().cases_table,
        Key={"pk": {"S": case_id}},
        UpdateExpression="SET handoff = :h",
        ExpressionAttributeValues={":h": {"S": handoff}},
    )


def a_refund_case_waiting_on_an_old_handoff(cases: Cases, api: Api) -> tuple[dict[str, Any], EventFlow]:
    case = cases.received()
    refunding = cases.staff_action(
        case["caseId"], "inspect", {"result": "PASS", "notes": "ok"}, role="warehouse"
    )
    assert cases.ok(refunding, "REFUNDING")
    stored_before_the_events(case["caseId"], "REFUND")
    # What the case went through so far was never published, as under the old code: the
    # flow starts reading the stream from here.
    return case, EventFlow(api.host.stack, api.host)


def test_a_released_refund_handoff_gets_the_case_its_refund(
    cases: Cases, api: Api, refunds_started: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    case, flow = a_refund_case_waiting_on_an_old_handoff(cases, api)
    flow.run()
    assert refunds.claimed_refund("case", case["caseId"]) is None  # nothing retries it now

    assert release_handoffs.main(["--table", get_settings().cases_table]) == 0
    assert f"{case['caseId']}: REFUND released" in capsys.readouterr().out
    flow.run()
    assert "CaseRefundRequested" in flow.types()

    refund_id = refunds.claimed_refund("case", case["caseId"])
    assert refund_id is not None and refunds_started == [refund_id]
    assert cases.get(case["caseId"])["refundId"] == refund_id

    assert release_handoffs.main(["--table", get_settings().cases_table]) == 0
    assert "0 case(s) waiting" in capsys.readouterr().out
    flow.run()
    assert refunds_started == [refund_id]


def test_a_dry_run_lists_the_waiting_cases_and_changes_nothing(
    cases: Cases, api: Api, refunds_started: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    case, flow = a_refund_case_waiting_on_an_old_handoff(cases, api)
    assert release_handoffs.main(["--table", get_settings().cases_table, "--dry-run"]) == 0
    assert f"{case['caseId']}: waits on REFUND" in capsys.readouterr().out
    flow.run()
    assert refunds_started == [] and refunds.claimed_refund("case", case["caseId"]) is None
