"""Scheduled (EventBridge, Mondays): samples the last whole week's work for quality audits,
per agent AUDIT_SAMPLES_PER_AGENT solved tickets and handled cases (idempotent per week)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.audits import service
from aftercare.handlers import task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AuditSamplingSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    audits_table: str


SETTINGS = load(AuditSamplingSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return service.sample_week().model_dump(mode="json")
