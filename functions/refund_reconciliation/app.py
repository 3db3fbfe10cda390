"""Daily: the payment provider's refunds of yesterday against the refund ledger; a ticket
for every mismatch (missing, extra, different amount)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.handlers import task_handler
from aftercare.refunds import reconciliation
from aftercare.settings import load


@dataclass(frozen=True)
class RefundReconciliationSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    agents_table: str
    notifications_queue_url: str
    refunds_table: str
    tickets_table: str


SETTINGS = load(RefundReconciliationSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, object]:
    return reconciliation.reconcile()
