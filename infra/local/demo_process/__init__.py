"""`python -m infra.local.demo_process`: the service-process features, each shown once against
the running local stack (`make dev` first): repair appointments, points and coupons, quality
audits, product and live-stream analytics, recurring issues.

Each feature is one module in this package with `STEPS: list[Callable[[Demo], str]]` (the
same step shape as `infra.local.demo`); they run in module-name order, sharing one `Demo` (each
feature keeps its own keys in `Demo.state`), and the run stops at the first step that
misbehaves.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from infra.local.demo import Demo


def feature_steps() -> list[Callable[[Demo], str]]:
    steps: list[Callable[[Demo], str]] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        feature = importlib.import_module(f"{__name__}.{module.name}")
        steps.extend(feature.STEPS)
    return steps
