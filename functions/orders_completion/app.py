"""Scheduled: a delivered order completes when its last after-sales window closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.handlers import task_handler
from aftercare.orders import service
from aftercare.settings import load


@dataclass(frozen=True)
class OrdersCompletionSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    orders_table: str


SETTINGS = load(OrdersCompletionSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    return {"completed": service.complete_due()}
