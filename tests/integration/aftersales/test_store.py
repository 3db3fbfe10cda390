"""The store applies a planned transition as one conditional write and returns the case as
written; a transition planned from a stale read, or for a hand-off no longer waited on,
writes nothing."""

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


def test_a_hand_off_recorded_only_while_the_case_still_waits_on_it(cases: Cases) -> None:
    opened = cases.open(cases.delivered_order()["orderId"])
    case = store.get(opened["caseId"], consistent=True)
    assert case is not None and case.handoff is None
    change = plan(case, Move((), "after-sales", "ticket opened", only_if_handoff="TICKET"), clock.now())
    with pytest.raises(Conflict):
        store.apply(change)
    assert store.get(case.case_id, consistent=True) == case


def test_a_transition_with_units_or_another_tables_part_is_one_transaction(cases: Cases) -> None:
    opened = cases.open(cases.delivered_order()["orderId"])
    case = store.get(opened["caseId"], consistent=True)
    assert case is not None
    parts: list[object] = []
    change = plan(
        case, Move((S.CANCELLED,), "cus_alice", "changed my mind", side_writes=(parts.append,)), clock.now()
    )
    assert change.reservations  # a cancelled case gives its units back
    with recording() as requests:
        written = store.apply(change)
    assert [w.operation for w in requests.writes] == ["TransactWriteItems"]
    assert len(parts) == 1  # the other table's part was handed the case's own transaction
    assert written.status is S.CANCELLED
    assert Field.STATUS in change.sets
    assert store.covered_units(case.order_id, ["KTL-1"]) == {"KTL-1": 0}
