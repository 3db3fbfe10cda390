"""What orders does when other domains act.

- The last OUTBOUND parcel of an order delivered: the order is DELIVERED, which starts its
  after-sales windows (logistics' ParcelDelivered with all_outbound_delivered).
- The payment provider says the money arrived: the order is PAID, or, when the payment
  does not fit the order (amount, currency, an order no longer payable), it is held for
  staff with a PAYMENT_PROBLEM exception (payments' PaymentCaptured).
- The provider says a payment failed: the order is held with the reason (PaymentFailed).
- Refunds reserved, released or settled part of an order: the order shows what is held
  for refunds and what went back (refunds' RefundBalanceChanged).
- A customer got a coupon: orders keeps its own copy, so an order can claim it atomically
  (customers' CouponIssued).
"""

from __future__ import annotations

from aftercare.customers.events import CouponIssued
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.events import DomainEvent
from aftercare.logistics.events import ParcelDelivered
from aftercare.observability import logger, metrics
from aftercare.orders import service, store
from aftercare.orders.models import RaiseExceptionRequest
from aftercare.orders.rules import ExceptionKind, OrderStatus
from aftercare.payments.events import PaymentCaptured, PaymentFailed
from aftercare.reacting import Reaction
from aftercare.refunds.events import RefundBalanceChanged

ACTOR = "logistics"
_ALREADY = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)


def deliver_order(event: DomainEvent) -> None:
    """Already DELIVERED (the customer confirmed first, or a republished event) is fine; an
    order that is not SHIPPED is left as it is."""
    parcel: ParcelDelivered = event.read(ParcelDelivered)
    if not parcel.all_outbound_delivered:
        return  # the last outbound parcel to arrive delivers the order
    order = service.load_for_system(parcel.order_id)
    status = OrderStatus(order.status)
    if status in _ALREADY:
        return
    if status is not OrderStatus.SHIPPED:
        logger.warning("a delivered parcel's order is not SHIPPED; left as it is",
                       extra={"order_id": order.orderId, "status": status})  # fmt: skip
        return
    try:
        service.mark_delivered(
            order, actor=ACTOR, source=f"delivered by {parcel.carrier} {parcel.tracking_number}"
        )
    except Conflict:
        if OrderStatus(service.load_for_system(parcel.order_id).status) not in _ALREADY:
            raise
    metrics.add_metric(name="OrdersDeliveredByCourier", unit="Count", value=1)


def _hold(order_id: str, note: str, actor: str) -> None:
    """A payment problem for staff; an order already on hold keeps its first exception."""
    try:
        service.raise_exception(
            order_id,
            RaiseExceptionRequest(
                kind=ExceptionKind.PAYMENT_PROBLEM,
                note=note,
                proposal="our team will check the payment and contact you",
            ),
            actor,
        )
    except Conflict:
        logger.warning("order already holds an exception", extra={"order_id": order_id})


def record_payment(event: DomainEvent) -> None:
    """The same transaction reported again (another provider event) changes nothing; an
    unknown order is not ours to retry into existence: NotFound, so it is dead-lettered
    with that reason for people to look at."""
    captured: PaymentCaptured = event.read(PaymentCaptured)
    try:
        service.record_payment(
            captured.order_id,
            amount=captured.amount,
            currency=captured.currency,
            method=captured.method,
            transaction_id=captured.transaction_id,
            actor=captured.reported_by,
        )
    except (BusinessRuleViolation, Conflict) as refused:
        _hold(
            captured.order_id,
            f"payment {captured.transaction_id} of {captured.amount} {captured.currency}: {refused.detail}",
            captured.reported_by,
        )
        metrics.add_metric(name="PaymentsHeld", unit="Count", value=1)


def hold_failed_payment(event: DomainEvent) -> None:
    failed: PaymentFailed = event.read(PaymentFailed)
    _hold(failed.order_id, f"payment failed: {failed.failure_reason}", failed.reported_by)
    metrics.add_metric(name="PaymentsFailed", unit="Count", value=1)


def show_refunds(event: DomainEvent) -> None:
    """An older revision arriving after a newer one (or twice) changes nothing."""
    balance: RefundBalanceChanged = event.read(RefundBalanceChanged)
    if not store.show_refunds(
        balance.order_id, reserved=balance.reserved, refunded=balance.refunded, revision=balance.revision
    ):
        logger.info("the order shows these refunds or newer ones already",
                    extra={"order_id": balance.order_id, "revision": balance.revision})  # fmt: skip


def keep_coupon(event: DomainEvent) -> None:
    """The same coupon told again keeps the copy as it is (it may be claimed by now)."""
    issued: CouponIssued = event.read(CouponIssued)
    if not service.keep_coupon(
        code=issued.coupon_code,
        owner=issued.customer_id,
        discount=issued.discount,
        min_spend=issued.min_spend,
        currency=issued.currency,
        expires_at=issued.expires_at,
        at=issued.issued_at,
    ):
        logger.info("the coupon is kept already", extra={"coupon": issued.coupon_code})


REACTIONS: dict[str, Reaction] = {
    ParcelDelivered.TYPE: deliver_order,
    PaymentCaptured.TYPE: record_payment,
    PaymentFailed.TYPE: hold_failed_payment,
    RefundBalanceChanged.TYPE: show_refunds,
    CouponIssued.TYPE: keep_coupon,
}
