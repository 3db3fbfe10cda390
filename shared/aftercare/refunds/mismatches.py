"""Reconciliation's findings, kept in the Refunds table: one item per mismatch of a day,
keyed `mismatch#<day>#<our refund id, or the provider's reference>`. Written only if it
does not exist yet, so running a day's reconciliation again records nothing new; the
table's stream publishes each new one as RefundMismatchFound (refunds/publisher.py), and
tickets opens the mismatch's ticket from that event.

The item shares the table with refunds and source claims, so it avoids their indexed
attribute names (`orderId`, `status`, `createdAt`): a mismatch is in no refund index."""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError
from pynamodb.models import Model

from aftercare.db import is_condition_failure
from aftercare.settings import get_settings

PREFIX = "mismatch#"  # refunds/publisher.py knows a mismatch item by it


class MismatchModel(Model):
    class Meta:
        table_name = get_settings().refunds_table

    refundId = UnicodeAttribute(hash_key=True)  # the key: mismatch#<day>#<refund id or reference>
    kind = UnicodeAttribute()  # missing, extra, different-amount
    day = UnicodeAttribute()
    ourRefundId = UnicodeAttribute(null=True)  # none for a provider refund that names none of ours
    reference = UnicodeAttribute(null=True)  # the provider's
    ours = NumberAttribute(null=True)
    theirs = NumberAttribute(null=True)
    currency = UnicodeAttribute()
    customerRef = UnicodeAttribute(null=True)  # the refund's customer and order, when it is ours
    orderRef = UnicodeAttribute(null=True)
    recordedAt = UnicodeAttribute()


def key(day: str, refund_id: str, reference: str) -> str:
    return f"{PREFIX}{day}#{refund_id or reference}"


def record(mismatch: MismatchModel) -> bool:
    """Keep the mismatch; False when that day's mismatch of that refund is kept already."""
    try:
        mismatch.save(condition=MismatchModel.refundId.does_not_exist())
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def get(mismatch_key: str) -> MismatchModel | None:
    try:
        return MismatchModel.get(mismatch_key, consistent_read=True)
    except MismatchModel.DoesNotExist:
        return None
