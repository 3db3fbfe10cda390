"""Daily: the payment provider's refunds of yesterday against the refund ledger; a ticket
for every mismatch (missing, extra, different amount)."""

from __future__ import annotations

from typing import Any

from aftercare.handlers import task_handler
from aftercare.refunds import reconciliation


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, object]:
    return reconciliation.reconcile()
