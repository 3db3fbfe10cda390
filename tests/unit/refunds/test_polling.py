from __future__ import annotations

import pytest

from aftercare.refunds.service import poll_wait_seconds


@pytest.mark.parametrize(
    ("polls", "base", "cap", "wait"),
    [
        (0, 60, 3600, 60),
        (1, 60, 3600, 120),
        (3, 60, 3600, 480),
        (6, 60, 3600, 3600),  # 3840 capped
        (40, 60, 3600, 3600),  # no overflow however long it waits
        (2, 1, 3600, 4),
    ],
)
def test_status_polls_back_off_exponentially_up_to_the_cap(
    polls: int, base: int, cap: int, wait: int
) -> None:
    assert poll_wait_seconds(polls, base=base, cap=cap) == wait
