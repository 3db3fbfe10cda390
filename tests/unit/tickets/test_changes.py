"""The typed intents the ticket rooms hand the stores, and the message items' keys."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.tickets.changes import Fields
from aftercare.tickets.message_store import message_key, report_digest


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (Fields(), Fields(), Fields()),
        (Fields({"status": "OPEN"}), Fields(), Fields({"status": "OPEN"})),
        (Fields(), Fields({"status": "OPEN"}), Fields({"status": "OPEN"})),
        # the right-hand side wins a field both set
        (Fields({"queueDue": "a"}), Fields({"queueDue": "b"}), Fields({"queueDue": "b"})),
        # a field cleared on the right is no longer set ...
        (
            Fields({"slaWatch": "SLA", "status": "OPEN"}),
            Fields(remove=frozenset({"slaWatch"})),
            Fields({"status": "OPEN"}, frozenset({"slaWatch"})),
        ),
        # ... and a field set on the right is no longer cleared
        (
            Fields(remove=frozenset({"pausedAt", "solvedAt"})),
            Fields({"pausedAt": "t"}),
            Fields({"pausedAt": "t"}, frozenset({"solvedAt"})),
        ),
    ],
)
def test_fields_combine_with_the_right_hand_side_winning(
    left: Fields, right: Fields, expected: Fields
) -> None:
    combined = left | right
    assert (dict(combined.set), combined.remove) == (dict(expected.set), expected.remove)
    assert not set(combined.set) & combined.remove  # never both set and cleared


@pytest.mark.parametrize(
    ("earlier", "later"),
    [(0, 1), (9, 10), (99, 100), (999, 1000), (12345, 123456)],
)
def test_message_keys_sort_as_their_positions(earlier: int, later: int) -> None:
    assert message_key("tk_1", earlier) < message_key("tk_1", later)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("logistics", "包裹延误"), ("logistics", "包裹延误"), True),
        (("logistics", "包裹延误"), ("after-sales", "包裹延误"), False),
        (("logistics", "包裹延误"), ("logistics", "包裹丢失"), False),
        # the author and the body cannot trade characters
        (("a", "b\nc"), ("a\nb", "c"), False),
    ],
)
def test_a_report_is_known_by_its_author_and_body(a: Any, b: Any, same: bool) -> None:
    assert (report_digest(*a) == report_digest(*b)) is same
