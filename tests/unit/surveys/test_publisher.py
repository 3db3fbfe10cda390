"""Which changes of the Surveys table are events for the other domains (surveys/publisher.py)."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.surveys.events import SurveyAnswered, SurveySent
from aftercare.surveys.publisher import events_of


def survey(status: str, **fields: Any) -> dict[str, Any]:
    answered = status == "ANSWERED"
    return {
        "surveyId": "sv_1",
        "customerId": "cus_alice",
        "subjectKind": "order",
        "subjectId": "ord_1",
        "orderId": "ord_1",
        "status": status,
        **(
            {"csat": 2, "answeredAt": "2026-11-23T08:00:00.000000Z", "comment": "crushed"} if answered else {}
        ),
        "updatedAt": "2026-11-23T08:00:00.000000Z",
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, survey("SCHEDULED"), []),
        (survey("SCHEDULED"), survey("SENT"), ["SurveySent"]),
        (survey("SENT"), survey("SENT", reminded=True), []),  # sent once
        (survey("SENT"), survey("ANSWERED"), ["SurveyAnswered"]),
        (survey("SCHEDULED"), survey("ANSWERED"), ["SurveyAnswered"]),  # answered in the app first
        (survey("ANSWERED"), survey("ANSWERED", updatedAt="later"), []),  # once
        (survey("SENT"), survey("EXPIRED"), []),
        (survey("ANSWERED"), None, []),
        (None, {"surveyId": "subject#order#ord_1", "claimedBy": "sv_1"}, []),  # a claim, no survey
    ],
)
def test_events_of_a_survey_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


@pytest.mark.parametrize(("csat", "recovery"), [(1, True), (2, True), (3, False), (5, False)])
def test_surveys_says_whether_the_score_needs_recovery(csat: int, recovery: bool) -> None:
    (answered,) = events_of(survey("SENT"), survey("ANSWERED", csat=csat))
    assert answered.payload.needs_recovery is recovery


def test_the_answered_payload_is_what_a_recovery_ticket_needs() -> None:
    (answered,) = events_of(survey("SENT"), survey("ANSWERED"))
    assert (answered.subject, answered.time) == ("sv_1", "2026-11-23T08:00:00.000000Z")
    assert answered.payload == SurveyAnswered(
        survey_id="sv_1",
        customer_id="cus_alice",
        subject_kind="order",
        subject_id="ord_1",
        csat=2,
        needs_recovery=True,
        answered_at="2026-11-23T08:00:00.000000Z",
        comment="crushed",
        order_id="ord_1",
        case_id="",
    )
    (case,) = events_of(
        survey("SENT"), survey("ANSWERED", subjectKind="case", subjectId="cs_1", comment=None)
    )
    assert (case.payload.case_id, case.payload.comment) == ("cs_1", "")


def test_the_sample_stream_record_is_one_SurveyAnswered() -> None:
    import json
    from pathlib import Path

    from aws_lambda_powertools.utilities.data_classes import DynamoDBStreamEvent

    from aftercare.publishing import events_of_record

    root = Path(__file__).resolve().parents[3]
    sample = json.loads((root / "events" / "surveys_publisher" / "Changes.json").read_text())
    (record,) = DynamoDBStreamEvent(sample).records
    assert [event.type for event in events_of_record("surveys", events_of, record)] == ["SurveyAnswered"]


def test_sent_and_the_nps_given_are_told() -> None:
    at = "2026-11-22T08:00:00.000000Z"
    (sent,) = events_of(survey("SCHEDULED"), survey("SENT", sentAt=at))
    assert (sent.payload, sent.time) == (SurveySent("sv_1", "cus_alice", "order", "ord_1", at), at)
    (answered,) = events_of(survey("SENT"), survey("ANSWERED", nps=9))
    assert answered.payload.nps == 9
