"""A payment provider that does what it is told, per refund: succeed, fail permanently,
fail transiently N times, time out, or succeed late (answer PENDING first).

Plans are keyed by the order id (the refund id is not known before the refund starts),
and live in this process: the local stack and the tests run the functions in-process."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from aftercare import clock
from aftercare.payments.contract import (
    PermanentPaymentError,
    ProviderRefund,
    SettledRefund,
    TransientPaymentError,
)

SCENARIOS = ("succeed", "fail-permanently", "fail-transiently", "time-out", "succeed-late")


@dataclass
class Plan:
    scenario: str = "succeed"
    failures: int = 0  # for fail-transiently / time-out: how many calls fail before one succeeds


_plans: dict[str, Plan] = {}
_calls: dict[str, int] = {}
_refunds: dict[str, ProviderRefund] = {}
_pending: set[str] = set()
_books: dict[str, tuple[datetime, SettledRefund]] = {}  # what reconciliation reads
_lock = threading.Lock()


def plan(order_id: str, scenario: str, failures: int = 0) -> None:
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown sandbox scenario {scenario!r}; one of {SCENARIOS}")
    with _lock:
        _plans[order_id] = Plan(scenario, failures)


def reset() -> None:
    with _lock:
        _plans.clear()
        _calls.clear()
        _refunds.clear()
        _pending.clear()
        _books.clear()


def plant(refund_id: str, amount: int, currency: str = "CNY", reference: str = "") -> None:
    """Write a refund into the sandbox's books as if paid now (reconciliation tests): one we
    never asked for, or one of ours with another amount."""
    with _lock:
        _books[refund_id or reference] = (
            clock.now(),
            SettledRefund(refund_id, reference or f"sbx_{refund_id}", amount, currency, "SUCCEEDED"),
        )


def payouts() -> dict[str, ProviderRefund]:
    """What the sandbox actually paid out, by idempotency key (tests assert on it)."""
    with _lock:
        return dict(_refunds)


class SandboxProvider:
    def refund(
        self, *, idempotency_key: str, order_id: str, payment_reference: str, amount: int, currency: str
    ) -> ProviderRefund:
        with _lock:
            if idempotency_key in _refunds:
                return _refunds[idempotency_key]  # the provider honours its idempotency key
            chosen = _plans.get(order_id, Plan())
            calls = _calls[idempotency_key] = _calls.get(idempotency_key, 0) + 1
            if chosen.scenario == "fail-permanently":
                raise PermanentPaymentError("sandbox: refund refused (account closed)")
            if chosen.scenario in {"fail-transiently", "time-out"} and calls <= chosen.failures:
                kind = "timed out" if chosen.scenario == "time-out" else "temporarily unavailable"
                raise TransientPaymentError(f"sandbox: provider {kind} (call {calls})")
            status = "PENDING" if chosen.scenario == "succeed-late" and calls == 1 else "SUCCEEDED"
            result = ProviderRefund(reference=f"sbx_{idempotency_key}", status=status)  # type: ignore[arg-type]
            if status == "SUCCEEDED":
                _refunds[idempotency_key] = result
            else:
                _pending.add(idempotency_key)
            _books[idempotency_key] = (
                clock.now(),
                SettledRefund(idempotency_key, result.reference, amount, currency, "SUCCEEDED"),
            )
            return result

    def refunds_between(self, start: datetime, end: datetime) -> list[SettledRefund]:
        with _lock:
            return [entry for at, entry in _books.values() if start <= at < end]

    def status(
        self, *, idempotency_key: str, reference: str | None = None, payment_reference: str = ""
    ) -> ProviderRefund:
        with _lock:
            if idempotency_key in _refunds:
                return _refunds[idempotency_key]
            if idempotency_key not in _pending:
                raise PermanentPaymentError(f"sandbox: no refund {idempotency_key}")
            # "succeed late": by the time anyone asks again, it has gone through.
            _pending.discard(idempotency_key)
            result = ProviderRefund(reference=f"sbx_{idempotency_key}", status="SUCCEEDED")
            _refunds[idempotency_key] = result
            return result
