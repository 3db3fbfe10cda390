"""Reconciliation's comparison of the ledger's day with the provider's day: pure."""

from __future__ import annotations

import pytest

from aftercare.payments.provider import SettledRefund
from aftercare.refunds.reconciliation import LedgerRefund, Mismatch, compare

A = LedgerRefund("rf_a", 5000, "CNY")
B = LedgerRefund("rf_b", 700, "CNY")


def paid(refund_id: str, amount: int, status: str = "SUCCEEDED", reference: str = "") -> SettledRefund:
    return SettledRefund(refund_id, reference or f"re_{refund_id}", amount, "CNY", status)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ledger", "books", "expected"),
    [
        ([A, B], [paid("rf_a", 5000), paid("rf_b", 700)], []),
        ([], [], []),
        ([A], [], [Mismatch("missing", "rf_a", "", 5000, None, "CNY")]),
        ([A], [paid("rf_a", 5000, "FAILED")], [Mismatch("missing", "rf_a", "", 5000, None, "CNY")]),
        ([A], [paid("rf_a", 4900)], [Mismatch("different-amount", "rf_a", "re_rf_a", 5000, 4900, "CNY")]),
        ([], [paid("", 300, reference="re_dash")], [Mismatch("extra", "", "re_dash", None, 300, "CNY")]),
        ([], [paid("rf_zz", 300)], [Mismatch("extra", "rf_zz", "re_rf_zz", None, 300, "CNY")]),
        ([A], [paid("rf_a.1", 5000)], []),  # a staff retry's pay-out key names the same refund
        ([A], [paid("rf_a", 5000, "PENDING")], []),  # money on its way is not missing
    ],
    ids=[
        "agree",
        "quiet day",
        "missing",
        "failed at the provider",
        "different amount",
        "extra, not ours",
        "extra, unknown id",
        "retried key",
        "pending",
    ],
)
def test_each_kind_of_mismatch_is_found_and_agreement_is_silent(
    ledger: list[LedgerRefund], books: list[SettledRefund], expected: list[Mismatch]
) -> None:
    assert compare(ledger, books) == expected


def test_a_refund_the_ledger_put_on_another_day_is_no_extra() -> None:
    late = LedgerRefund("rf_late", 900, "CNY")
    assert compare([], [paid("rf_late", 900)], paid_other_days={"rf_late": late}) == []
    assert compare([], [paid("rf_late", 800)], paid_other_days={"rf_late": late}) == [
        Mismatch("different-amount", "rf_late", "re_rf_late", 900, 800, "CNY")
    ]
