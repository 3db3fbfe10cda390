"""Scheduled (EventBridge): evaluates the care campaigns of campaigns.json and sends what
is due, respecting opt-outs, quiet hours and the frequency cap."""

from __future__ import annotations

from typing import Any

from aftercare.campaigns import service
from aftercare.handlers import task_handler


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return service.run().as_dict()
