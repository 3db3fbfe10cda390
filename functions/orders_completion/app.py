"""Scheduled: a delivered order completes when its last after-sales window closes."""

from __future__ import annotations

from typing import Any

from aftercare.handlers import task_handler
from aftercare.orders import service


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return {"completed": service.complete_due()}
