"""How long a local event source gathers a batch before it invokes its function.

The template's `MaximumBatchingWindowInSeconds` is honoured as Lambda honours it, so `make dev`
and the event-delay benchmark show the wiring's real delay. A test that only needs the effect
may cap it (`AFTERCARE_LOCAL_MAX_BATCHING_WINDOW`, seconds): a batch is then smaller, never
different in what it does, and a suite that waits on every eventual effect is not paced by
five-second windows.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

CAP_VARIABLE = "AFTERCARE_LOCAL_MAX_BATCHING_WINDOW"


def window_seconds(properties: Mapping[str, Any]) -> float:
    declared = float(properties.get("MaximumBatchingWindowInSeconds", 0))
    cap = os.environ.get(CAP_VARIABLE, "").strip()
    return min(declared, float(cap)) if cap else declared
