"""surveys/queries.py: a customer's recent surveys, as frozen views."""

from __future__ import annotations

from aftercare import clock
from aftercare.surveys import queries
from aftercare.surveys import service as surveys
from tests.support.orders import Orders


def test_recent_surveys_newest_first(orders: Orders, fixed_clock: clock.FixedClock) -> None:
    first = surveys.schedule(subject_kind="order", subject_id="ord_1", customer_id="cus_alice", order_id=None)
    fixed_clock.advance(60)
    second = surveys.schedule(
        subject_kind="order", subject_id="ord_2", customer_id="cus_alice", order_id=None
    )
    surveys.schedule(subject_kind="order", subject_id="ord_3", customer_id="cus_bob", order_id=None)
    recent = queries.recent_for_customer("cus_alice", limit=5)
    assert [(s.survey_id, s.subject_kind, s.subject_id, s.status, s.csat) for s in recent] == [
        (second, "order", "ord_2", "SCHEDULED", None),
        (first, "order", "ord_1", "SCHEDULED", None),
    ]
    assert queries.recent_for_customer("cus_nobody", limit=5) == ()
