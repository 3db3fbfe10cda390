"""Daily reconciliation: the provider's refunds of a day against Aftercare's ledger, and a
recorded mismatch for each disagreement — a refund the provider has and we do not
(extra), one we recorded as paid that the provider does not have (missing), or the two
amounts differ. Each new mismatch is published as RefundMismatchFound, and tickets opens
its ticket (tickets/reactions.py).

`compare` is pure (table-tested); `reconcile` reads both sides and records the mismatches,
one per (day, refund) (refunds/mismatches.py): running the job twice for a day records,
and so opens, nothing new."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from aftercare import clock
from aftercare.observability import logger, metrics
from aftercare.payments.provider import SettledRefund, provider
from aftercare.refunds import mismatches, store
from aftercare.refunds.store import RefundModel

LOOK_BACK_DAYS = 35  # a refund paid today was asked for at most this long ago
OUTSIDE = "OUTSIDE"  # providerOutcome of a refund staff recorded as paid outside Aftercare


@dataclass(frozen=True)
class LedgerRefund:
    refund_id: str
    amount: int
    currency: str
    order_id: str = ""
    customer_id: str = ""


@dataclass(frozen=True)
class Mismatch:
    kind: Literal["missing", "extra", "different-amount"]
    refund_id: str  # ours; "" for a provider refund that names none of ours
    reference: str
    ours: int | None
    theirs: int | None
    currency: str


def _key(refund_id: str) -> str:
    return refund_id.partition(".")[0]  # a staff retry's pay-out key is `<refund id>.<n>`


def compare(
    ledger: Sequence[LedgerRefund],
    books: Sequence[SettledRefund],
    *,
    paid_other_days: Mapping[str, LedgerRefund] | None = None,
) -> list[Mismatch]:
    """`ledger`: our refunds settled that day; `books`: the provider's refunds of that day;
    `paid_other_days`: our succeeded refunds the provider's day names but our ledger put on
    another day (a refund paid at 23:59 and recorded at 00:01 is no mismatch)."""
    others = dict(paid_other_days or {})
    ours = {entry.refund_id: entry for entry in ledger}
    found: list[Mismatch] = []
    seen: set[str] = set()
    for row in books:
        if row.status == "FAILED":
            continue  # no money moved
        refund_id = _key(row.refund_id) if row.refund_id else ""
        mine = ours.get(refund_id) or others.get(refund_id)
        if mine is None:
            found.append(Mismatch("extra", refund_id, row.reference, None, row.amount, row.currency))
            continue
        seen.add(refund_id)
        if (mine.amount, mine.currency) != (row.amount, row.currency):
            found.append(
                Mismatch("different-amount", refund_id, row.reference, mine.amount, row.amount, row.currency)
            )
    for entry in ledger:
        if entry.refund_id not in seen:
            found.append(Mismatch("missing", entry.refund_id, "", entry.amount, None, entry.currency))
    return found


def _settled_at(refund: RefundModel) -> str:
    return next((e.at for e in reversed(refund.timeline) if e.to == "SUCCEEDED"), refund.updatedAt)


def _ledger(refund: RefundModel) -> LedgerRefund:
    return LedgerRefund(
        refund.refundId, int(refund.amount), refund.currency, refund.orderId, refund.customerId
    )


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=UTC)
    return start, start + timedelta(days=1)


def reconcile(day: date | None = None) -> dict[str, object]:
    """Reconcile `day` (default: yesterday, UTC) and record each mismatch (once)."""
    day = day or (clock.now() - timedelta(days=1)).date()
    start, end = day_bounds(day)
    low, high = clock.iso(start), clock.iso(end)
    paid = [
        refund
        for refund in store.succeeded_since(clock.iso(start - timedelta(days=LOOK_BACK_DAYS)))
        if refund.providerOutcome != OUTSIDE
    ]
    ledger = [_ledger(r) for r in paid if low <= _settled_at(r) < high]
    books = provider().refunds_between(start, end)
    by_id = {r.refundId: r for r in paid}
    others: dict[str, LedgerRefund] = {}
    for row in books:
        refund_id = _key(row.refund_id) if row.refund_id else ""
        if refund_id and refund_id not in {e.refund_id for e in ledger}:
            other = by_id.get(refund_id) or store.get(refund_id)
            if other is not None and other.status == "SUCCEEDED":
                others[refund_id] = _ledger(other)
    found = compare(ledger, books, paid_other_days=others)
    recorded = [_record(day, mismatch, by_id.get(mismatch.refund_id) or store.get(mismatch.refund_id))
                for mismatch in found]  # fmt: skip
    metrics.add_metric(name="RefundReconciliationMismatches", unit="Count", value=len(found))
    logger.info("refunds reconciled", extra={"day": str(day), "ledger": len(ledger), "provider": len(books),
                                              "mismatches": len(found)})  # fmt: skip
    return {"day": str(day), "ledger": len(ledger), "provider": len(books), "mismatches": len(found),
            "recorded": [key for key in recorded if key]}  # fmt: skip


def _record(day: date, mismatch: Mismatch, refund: RefundModel | None) -> str | None:
    """Keep the mismatch; its key when it is new, None when the day's rerun found it again."""
    key = mismatches.key(str(day), mismatch.refund_id, mismatch.reference)
    kept = mismatches.record(
        mismatches.MismatchModel(
            refundId=key,
            kind=mismatch.kind,
            day=str(day),
            ourRefundId=mismatch.refund_id or None,
            reference=mismatch.reference or None,
            ours=mismatch.ours,
            theirs=mismatch.theirs,
            currency=mismatch.currency,
            customerRef=refund.customerId if refund else None,
            orderRef=refund.orderId if refund else None,
            recordedAt=clock.now_iso(),
        )
    )
    return key if kept else None
