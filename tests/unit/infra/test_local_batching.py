"""The local event sources honour the template's batching window unless a test caps it."""

from __future__ import annotations

import pytest

from infra.local import batching


@pytest.mark.parametrize(
    ("declared", "cap", "window"),
    [
        (None, None, 0.0),  # no window declared: invoke as soon as a record is there
        (5, None, 5.0),  # the template's window, as Lambda honours it
        (5, "", 5.0),
        (5, "0.2", 0.2),  # a test's cap shortens it
        (1, "3", 1.0),  # and never lengthens it
        (0, "0.2", 0.0),
    ],
)
def test_the_window_is_the_templates_capped_by_the_variable(
    monkeypatch: pytest.MonkeyPatch, declared: int | None, cap: str | None, window: float
) -> None:
    if cap is None:
        monkeypatch.delenv(batching.CAP_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(batching.CAP_VARIABLE, cap)
    properties = {} if declared is None else {"MaximumBatchingWindowInSeconds": declared}
    assert batching.window_seconds(properties) == window
