"""The store applies a planned transition as one conditional write and returns the case as
written; a transition planned from a stale read writes nothing."""

from __future__ import annotations

import pytest

from aftercare import clock
from aftercare.aftersales import store
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Field, Step
from aftercare.aftersales.transitions import Move, plan
from aftercare.errors import Conflict
from tests.integration.aftersales.conftest import Cases
from tests.support.dynamodb import recording

S = CaseStatus


def test_a_transition_is_one_conditional_write_that_returns_the_case_as_written(cases: Cases) -> None:
    opened = cases.open(cases.delivered_order()["orderId"])
    case = store.get(opened["caseId"], consistent=True)
    assert case is not None and case.status is S.REQUESTED
    change = plan(case, Move((), "agent_bob", "called the customer"), clock.now())
    with recording() as requests:
        written = store.apply(change)
    assert [w.operation for w in requests.writes] == ["UpdateItem"]
    assert (written.status, written.version) == (S.REQUESTED, case.version + 1)
    assert written.timeline[-1] == Step(
        clock.now_iso(), "REQUESTED", "REQUESTED", "agent_bob", "called the customer"
    )
    assert written == store.get(case.case_id, consistent=True)


def test_a_transition_planned_from_a_stale_read_is_a_conflict_and_writes_nothing(cases: Cases) -> None:
    opened = cases.open(cases.delivered_order()["orderId"])
    stale = store.get(opened["caseId"], consistent=True)
    assert stale is not None
    store.apply(plan(stale, Move((), "agent_bob", "first"), clock.now()))
    before = store.get(stale.case_id, consistent=True)
    with pytest.raises(Conflict):
        store.apply(plan(stale, Move((), "agent_eve", "second"), clock.now()))
    assert store.get(stale.case_id, consistent=True) == before


def test_a_case_learns_its_refund_id_once_and_keeps_it(cases: Cases) -> None:
    """The refund id arrives by an event (RefundRequested, or RefundSettled first): the
    first one written stays, a late or repeated one writes nothing."""
    from aftercare.aftersales import reactions

    opened = cases.open(cases.delivered_order()["orderId"])
    reactions.on_refund_recorded(case_id=opened["caseId"], refund_id="rf_first")
    learnt = store.get(opened["caseId"], consistent=True)
    assert learnt is not None and learnt.refund_id == "rf_first"
    with recording() as requests:
        reactions.on_refund_recorded(case_id=opened["caseId"], refund_id="rf_first")
        reactions.on_refund_recorded(case_id=opened["caseId"], refund_id="rf_other")
        reactions.on_refund_recorded(case_id="as_unknown", refund_id="rf_other")
    assert requests.writes == []
    assert store.get(opened["caseId"], consistent=True) == learnt


def test_a_transition_with_units_is_one_transaction_of_the_cases_table_only(cases: Cases) -> None:
    """No other table's part joins a case's write (a parcel's tracking follows from the
    case's CaseParcelSent): the transaction holds the case and its coverage counters."""
    opened = cases.open(cases.delivered_order()["orderId"])
    case = store.get(opened["caseId"], consistent=True)
    assert case is not None
    change = plan(case, Move((S.CANCELLED,), "cus_alice", "changed my mind"), clock.now())
    assert change.reservations  # a cancelled case gives its units back
    with recording() as requests:
        written = store.apply(change)
    assert [w.operation for w in requests.writes] == ["TransactWriteItems"]
    assert set(requests.writes[0].tables) == {store.CaseModel.Meta.table_name}
    assert written.status is S.CANCELLED
    assert Field.STATUS in change.sets
    assert store.covered_units(case.order_id, ["KTL-1"]) == {"KTL-1": 0}
