"""Scheduled (EventBridge, every 5 minutes): escalate ticket SLA breaches once each, close
tickets solved 4 days ago."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.observability import logger, metrics, tracer
from aftercare.settings import load
from aftercare.tickets import sla


@dataclass(frozen=True)
class TicketsSlaCheckSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    agents_table: str
    notifications_queue_url: str
    tickets_table: str


SETTINGS = load(TicketsSlaCheckSettings)


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return sla.run_sla_check()
