"""Triage accepted without correction: customer tickets whose triage nobody corrected, of
customer tickets opened, over the range (both counted on the ticket's creation day)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from aftercare.analytics.kpis import compute

DAY_1, DAY_2 = date(2026, 11, 22), date(2026, 11, 23)


def test_triage_accepted_is_the_share_of_triaged_tickets_nobody_corrected() -> None:
    totals = {
        "2026-11-22": Counter({"tickets.triaged": 30, "tickets.triage_corrected": 3}),
        "2026-11-23": Counter({"tickets.triaged": 10, "tickets.triage_corrected": 5}),
    }
    both = compute(DAY_1, DAY_2, totals, {}, generated_at="now").tickets.triage_accepted
    assert (both.numerator, both.n, both.value) == (32, 40, 0.8)
    first = compute(DAY_1, DAY_1, totals, {}, generated_at="now").tickets.triage_accepted
    assert (first.numerator, first.n, first.value) == (27, 30, 0.9)


def test_with_no_triaged_ticket_there_is_no_rate() -> None:
    none = compute(DAY_1, DAY_2, {}, {}, generated_at="now").tickets.triage_accepted
    assert (none.numerator, none.n, none.value) == (0, 0, None)
