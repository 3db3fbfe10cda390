"""What a courier's news or a settled refund changes on a case, decided without a table:
forward only, idempotent, late news ignored."""

from __future__ import annotations

import pytest

from aftercare.aftersales.reactions import COURIER, REFUND_WORKFLOW, parcel_move, refund_move
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case, Field
from tests.unit.aftersales.cases import a_case

S = CaseStatus
PARCEL = {"shipmentId": "shp_1", "status": "INFO_RECEIVED", "updatedAt": "2026-11-23T09:00:00Z"}
LATER, EARLIER = "2026-11-24T10:00:00Z", "2026-11-22T10:00:00Z"


@pytest.mark.parametrize(
    ("status", "parcel", "news", "at", "path"),
    [
        (S.AWAITING_RETURN, PARCEL, "IN_TRANSIT", LATER, (S.RETURN_IN_TRANSIT,)),
        (S.AWAITING_RETURN, PARCEL, "DELIVERED", LATER, (S.RECEIVED,)),
        (S.RETURN_IN_TRANSIT, PARCEL, "DELIVERED", LATER, (S.RECEIVED,)),
        (S.AWAITING_RETURN, {}, "DELIVERED", LATER, (S.RECEIVED,)),  # no parcel recorded on the case
        (S.AWAITING_RETURN, {}, "IN_TRANSIT", LATER, (S.RETURN_IN_TRANSIT,)),
        (S.RETURN_IN_TRANSIT, PARCEL, "OUT_FOR_DELIVERY", LATER, ()),  # noted, no move
        (S.AWAITING_RETURN, PARCEL, "EXCEPTION", LATER, ()),  # not a moving status: noted only
    ],
)
def test_courier_news_moves_a_waiting_case_forward(
    status: CaseStatus, parcel: dict[str, str], news: str, at: str, path: tuple[CaseStatus, ...]
) -> None:
    wanted = parcel_move(a_case(status, return_shipment=parcel), news, at)
    assert wanted is not None
    assert (wanted.path, wanted.actor) == (path, COURIER)
    if parcel:
        assert wanted.sets[Field.RETURN_SHIPMENT] == {**parcel, "status": news, "updatedAt": at}
    else:
        assert Field.RETURN_SHIPMENT not in wanted.sets


@pytest.mark.parametrize(
    ("status", "parcel", "news", "at"),
    [
        (S.RECEIVED, PARCEL, "DELIVERED", LATER),  # received already: a late event changes nothing
        (S.INSPECTED, PARCEL, "IN_TRANSIT", LATER),
        (S.RETURN_IN_TRANSIT, PARCEL, "DELIVERED", EARLIER),  # older than what the case knows
        (S.RETURN_IN_TRANSIT, {**PARCEL, "status": "IN_TRANSIT"}, "IN_TRANSIT", LATER),  # the same again
    ],
)
def test_courier_news_that_is_late_repeated_or_for_a_case_past_waiting_changes_nothing(
    status: CaseStatus, parcel: dict[str, str], news: str, at: str
) -> None:
    assert parcel_move(a_case(status, return_shipment=parcel), news, at) is None


@pytest.mark.parametrize(
    ("outcome", "path"),
    [("SUCCEEDED", (S.REFUNDED,)), ("REJECTED", ()), ("MANUAL_REVIEW", ())],
)
def test_a_settled_refund_refunds_the_case_or_notes_it_for_a_supervisor(
    outcome: str, path: tuple[CaseStatus, ...]
) -> None:
    wanted = refund_move(a_case(S.REFUNDING, refund_id="rf_1"), "rf_1", outcome)
    assert wanted is not None
    assert (wanted.path, wanted.actor, wanted.refund_id) == (path, REFUND_WORKFLOW, "rf_1")
    assert wanted.sets == {Field.REFUND_STATUS: outcome}


def test_a_later_success_still_completes_a_refund_left_for_review() -> None:
    case = a_case(S.REFUNDING, refund_id="rf_1", refund_status="MANUAL_REVIEW")
    wanted = refund_move(case, "rf_1", "SUCCEEDED")
    assert wanted is not None and wanted.path == (S.REFUNDED,)


@pytest.mark.parametrize(
    ("case", "outcome"),
    [
        (a_case(S.REFUNDED, refund_id="rf_1", refund_status="SUCCEEDED"), "SUCCEEDED"),  # settled already
        (a_case(S.REFUNDING, refund_id="rf_1", refund_status="MANUAL_REVIEW"), "MANUAL_REVIEW"),  # again
        (a_case(S.COMPLETED, refund_id="rf_1"), "SUCCEEDED"),
    ],
)
def test_a_repeated_or_late_refund_outcome_changes_nothing(case: Case, outcome: str) -> None:
    assert refund_move(case, "rf_1", outcome) is None
