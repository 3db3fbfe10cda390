"""Order use cases: what customers, staff and the payment provider can do to an order."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from aftercare import clock, db, ids
from aftercare.aftersales import queries as aftersales
from aftercare.auth import Principal, require_owner, require_owner_or_staff
from aftercare.errors import BusinessRuleViolation, Conflict, NotFound
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.orders import rules, store
from aftercare.orders.models import (
    Address,
    OrderExceptionOut,
    OrderItemOut,
    OrderOut,
    OrderSource,
    PlaceOrderRequest,
    RaiseExceptionRequest,
)
from aftercare.orders.rules import OrderAction, OrderStatus
from aftercare.orders.store import OrderModel, ParcelAttribute, timeline_entry
from aftercare.pagination import clamp_limit, decode_cursor, encode_cursor
from aftercare.wire import Page, TimelineEntry

WHAT = "order"
SOURCE: TypeAdapter[Any] = TypeAdapter(OrderSource)  # the stored source, read back to its wire shape


def to_wire(order: OrderModel) -> OrderOut:
    exception = order.exception
    return OrderOut(
        order_id=order.orderId,
        customer_id=order.customerId,
        status=OrderStatus(order.status),
        items=[
            OrderItemOut(
                sku=item.sku,
                name=item.name,
                category=item.category,
                quantity=int(item.quantity),
                unit_price=int(item.unitPrice),
            )
            for item in order.items
        ],
        currency=order.currency,
        subtotal=int(order.subtotal),
        shipping_fee=int(order.shippingFee),
        discount=int(order.discount),
        coupon_code=order.couponCode,
        coupon_discount=int(order.couponDiscount or 0),
        total=int(order.total),
        paid_amount=int(order.paidAmount),
        refund_owed=int(order.refundOwed),
        refunded_amount=int(order.refundedAmount or 0),
        reserved_for_refunds=int(order.reservedAmount or 0),
        shipping_address=Address.model_validate(order.shippingAddress.as_dict()),
        payment_method=order.paymentMethod,
        payment=order.payment.as_dict() if order.payment else None,
        exception=OrderExceptionOut(
            kind=exception.kind,
            note=exception.note,
            proposal=exception.proposal,
            raised_at=exception.raisedAt,
            raised_by=exception.raisedBy,
        )
        if exception
        else None,
        shipment_ids=list(order.shipmentIds or []),
        delivered_at=order.deliveredAt,
        source=SOURCE.validate_python(order.source.as_dict()) if order.source else None,
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in order.timeline
        ],
        created_at=order.createdAt,
        updated_at=order.updatedAt,
        version=int(order.version or 0),
    )


def _load(order_id: str) -> OrderModel:
    order = store.get(order_id, consistent=True)
    if order is None:
        raise NotFound(f"{WHAT} not found")
    return order


def load_for_system(order_id: str) -> OrderModel:
    """The order for a trusted machine caller (a verified webhook, a queue consumer)."""
    return _load(order_id)


def load_for(principal: Principal, order_id: str) -> OrderModel:
    """The order if the caller may see it (owner or staff); another customer's is a 404."""
    order = _load(order_id)
    require_owner_or_staff(principal, order.customerId, WHAT)
    return order


def _load_owned(principal: Principal, order_id: str) -> OrderModel:
    order = _load(order_id)
    require_owner(principal, order.customerId, WHAT)
    return order


def place_order(principal: Principal, request: PlaceOrderRequest) -> OrderOut:
    totals = rules.compute_totals(
        ((item.quantity, item.unit_price) for item in request.items), request.shipping_fee, request.discount
    )
    coupon_discount = 0
    if request.coupon_code is not None:
        coupon_discount = _coupon_discount(principal, request, totals)
        totals = rules.compute_totals(
            ((item.quantity, item.unit_price) for item in request.items),
            request.shipping_fee,
            request.discount + coupon_discount,
        )
    if request.total is not None and request.total != totals.total:
        raise BusinessRuleViolation(
            f"total {request.total} does not match the computed total {totals.total}",
            errors=[{"field": "total", "message": f"expected {totals.total}"}],
        )
    now = clock.now_iso()
    placed = OrderOut(
        order_id=ids.new_id("ord"),
        customer_id=principal.sub,
        status=OrderStatus.PENDING_PAYMENT,
        items=[
            OrderItemOut(
                sku=i.sku, name=i.name, category=i.category, quantity=i.quantity, unit_price=i.unit_price
            )
            for i in request.items
        ],
        currency=request.currency,
        subtotal=totals.subtotal,
        shipping_fee=totals.shipping_fee,
        discount=totals.discount,
        coupon_code=request.coupon_code,
        coupon_discount=coupon_discount,
        total=totals.total,
        paid_amount=0,
        refund_owed=0,
        shipping_address=request.shipping_address,
        payment_method=request.payment_method,
        source=request.source,
        shipment_ids=[],
        timeline=[
            TimelineEntry(at=now, to=OrderStatus.PENDING_PAYMENT, actor=principal.sub, note="order placed")
        ],
        created_at=now,
        updated_at=now,
        version=1,
    )
    if request.coupon_code is not None:
        store.create_with_coupon(placed, request.coupon_code)
    else:
        store.create(placed)
    metrics.add_metric(name="OrdersPlaced", unit="Count", value=1)
    logger.info("order placed", extra={"order_id": placed.order_id, "total": totals.total})
    return placed


def _coupon_discount(principal: Principal, request: PlaceOrderRequest, before: rules.Totals) -> int:
    """What the request's coupon takes off, or a 422 saying why it cannot go on this order.
    The claim itself is conditional, in the order's own transaction (store.create_with_coupon)."""
    assert request.coupon_code is not None
    copy = store.get_coupon(request.coupon_code)
    coupon = (
        rules.Coupon(
            code=copy.couponCode,
            owner=copy.couponOwner,
            discount=int(copy.discount),
            min_spend=int(copy.minSpend),
            currency=copy.currency,
            expires_at=clock.parse_iso(copy.expiresAt),
            claimed_by=copy.claimedBy,
        )
        if copy is not None
        else None
    )
    refusal = rules.coupon_refusal(
        coupon, customer_id=principal.sub, currency=request.currency, total=before.total, now=clock.now()
    )
    if refusal is not None or coupon is None:
        raise BusinessRuleViolation(
            f"coupon {request.coupon_code}: {refusal}",
            errors=[{"field": "couponCode", "message": str(refusal)}],
        )
    return rules.coupon_discount(coupon.discount, subtotal=before.subtotal, discount=before.discount)


def list_orders(
    principal: Principal,
    *,
    status: OrderStatus | None,
    customer_id: str | None,
    limit: int | None,
    cursor: str | None,
) -> Page[OrderOut]:
    size = clamp_limit(limit)
    if principal.is_staff and customer_id is None:
        if status is None:
            raise BusinessRuleViolation(
                "staff listings need a status or a customerId",
                errors=[{"field": "status", "message": "required without customerId"}],
            )
        scope = f"orders:status:{status}"
        rows, last = store.list_by_status(
            status, limit=size, start_key=decode_cursor(cursor, owner=principal.sub, scope=scope)
        )
    else:
        owner = customer_id if principal.is_staff and customer_id else principal.sub
        scope = f"orders:customer:{owner}:{status or '*'}"
        rows, last = store.list_for_customer(
            owner,
            status=status,
            limit=size,
            start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    return Page[OrderOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def _transition(
    order: OrderModel,
    action: OrderAction,
    actor: str,
    note: str | None,
    extra: list[Any] | None = None,
) -> OrderModel:
    current = OrderStatus(order.status)
    target = rules.next_status(current, action, on_hold=order.exception is not None)
    store.change(
        order,
        expected_status=current,
        entry=timeline_entry(clock.now_iso(), current, target, actor, note),
        actions=[OrderModel.status.set(target), *(extra or [])],
    )
    metrics.add_metric(name=f"Order{action.title()}", unit="Count", value=1)
    logger.info("order moved", extra={"order_id": order.orderId, "from": current, "to": target})
    return order


def change_address(principal: Principal, order_id: str, address: Address) -> OrderOut:
    order = _load_owned(principal, order_id)
    current = OrderStatus(order.status)
    if not rules.can_change_address(current):
        raise Conflict(f"the address cannot change once the order is {current}")
    store.change(
        order,
        expected_status=current,
        entry=timeline_entry(clock.now_iso(), current, current, principal.sub, "shipping address changed"),
        actions=[OrderModel.shippingAddress.set(address.model_dump(by_alias=True, exclude_none=True))],
    )
    return to_wire(order)


def cancel(principal: Principal, order_id: str, reason: str | None) -> OrderOut:
    order = _load_owned(principal, order_id)
    paid = int(order.paidAmount)
    note = f"cancelled by customer: {reason}" if reason else "cancelled by customer"
    extra = []
    if paid > 0:
        # The refund workflow picks up what is owed; the order records the debt atomically
        # with the cancellation so it can never be cancelled without it.
        extra.append(OrderModel.refundOwed.set(paid))
        note += f"; full refund of {paid} owed"
    elif order.couponCode:
        return to_wire(_cancel_giving_coupon_back(order, principal.sub, note))
    return to_wire(_transition(order, OrderAction.CANCEL, principal.sub, note, extra))


def _cancel_giving_coupon_back(order: OrderModel, actor: str, note: str) -> OrderModel:
    """Cancelled before payment: the coupon is given back in the same transaction (a paid
    order cancelled keeps it used: its refund pays back what was paid, after the discount)."""
    current = OrderStatus(order.status)
    target = rules.next_status(current, OrderAction.CANCEL, on_hold=order.exception is not None)
    at = clock.now_iso()
    code = str(order.couponCode)
    with db.transaction("the order changed meanwhile or does not allow this; reload it and retry") as tx:
        store.add_change(
            tx,
            order,
            expected_status=current,
            entry=timeline_entry(at, current, target, actor, f"{note}; coupon {code} given back"),
            actions=[OrderModel.status.set(target)],
            condition=OrderModel.paidAmount == 0,
        )
        store.add_release(tx, code, order_id=order.orderId, at=at)
    metrics.add_metric(name="OrderCancel", unit="Count", value=1)
    logger.info("order moved", extra={"order_id": order.orderId, "from": current, "to": target})
    return _load(order.orderId)


def confirm_receipt(principal: Principal, order_id: str) -> OrderOut:
    order = _load_owned(principal, order_id)
    return to_wire(mark_delivered(order, actor=principal.sub, source="customer confirmed receipt"))


def mark_delivered(order: OrderModel, *, actor: str, source: str) -> OrderModel:
    """Delivery from the courier or the customer; it starts the after-sales windows, and
    the order completes by itself when the last of them closes."""
    delivered = clock.now()
    closes = aftersales.windows_close_at(delivered_at=delivered, categories=[i.category for i in order.items])
    return _transition(
        order,
        OrderAction.DELIVER,
        actor,
        source,
        [
            OrderModel.deliveredAt.set(clock.iso(delivered)),
            OrderModel.completesAt.set(clock.iso(closes)),
            OrderModel.completionShard.set(store.completion_shard(order.orderId)),
        ],
    )


def complete_due(*, batch: int = 100) -> int:
    """Complete every delivered order whose after-sales windows have all closed (the
    scheduled sweep). Each is one conditional write from DELIVERED; a second run, or a
    run racing another, completes nothing twice."""
    completed = 0
    now = clock.now_iso()
    for index in range(store.COMPLETION_SHARDS):
        for order_id in store.due_for_completion(f"due#{index}", now, limit=batch):
            order = store.get(order_id, consistent=True)
            if order is None or order.status != OrderStatus.DELIVERED:
                continue
            try:
                _transition(
                    order,
                    OrderAction.COMPLETE,
                    "after-sales-windows",
                    "the last after-sales window closed",
                    [OrderModel.completesAt.remove(), OrderModel.completionShard.remove()],
                )
            except Conflict:
                continue  # another run got there first
            completed += 1
    return completed


def record_payment(
    order_id: str, *, amount: int, currency: str, method: str, transaction_id: str, actor: str
) -> OrderOut:
    order = _load(order_id)
    if order.payment and order.payment.as_dict().get("transactionId") == transaction_id:
        return to_wire(order)  # the same payment reported again
    if currency != order.currency or amount != int(order.total):
        raise BusinessRuleViolation(
            f"payment of {amount} {currency} does not match the order total "
            f"{int(order.total)} {order.currency}",
            errors=[{"field": "amount", "message": "must equal the order total"}],
        )
    payment = {"transactionId": transaction_id, "method": method, "paidAt": clock.now_iso()}
    return to_wire(
        _transition(
            order,
            OrderAction.PAY,
            actor,
            f"payment {transaction_id} received",
            [
                OrderModel.paidAmount.set(amount),
                OrderModel.payment.set(payment),
            ],
        )
    )


def fulfil(order_id: str, action: OrderAction, actor: str) -> OrderOut:
    """Staff's confirm and pack steps."""
    return to_wire(_transition(_load(order_id), action, actor, None))


def ship(order_id: str, *, carrier: str, tracking_number: str, actor: str) -> OrderOut:
    """Move to SHIPPED with the parcel's shipment id and courier on the order, in one
    conditional write. Logistics starts tracking the parcel from the OrderShipped event
    published from this change (orders/publisher.py), so the shipment appears a moment
    later; the order already names it, and tracking says it is on its way to being tracked."""
    order = _load(order_id)
    shipment_id = ids.new_id("shp")
    parcel = ParcelAttribute(
        shipmentId=shipment_id, carrier=carrier, trackingNumber=tracking_number, shippedAt=clock.now_iso()
    )
    return to_wire(
        _transition(
            order,
            OrderAction.SHIP,
            actor,
            f"shipped with {carrier} {tracking_number}",
            [
                OrderModel.shipmentIds.set(OrderModel.shipmentIds.append([shipment_id])),
                # orders placed before parcels were recorded have none yet
                OrderModel.parcels.set((OrderModel.parcels | []).append([parcel])),
            ],
        )
    )


def raise_exception(order_id: str, request: RaiseExceptionRequest, actor: str) -> OrderOut:
    order = _load(order_id)
    current = OrderStatus(order.status)
    if current in {OrderStatus.CANCELLED, OrderStatus.COMPLETED}:
        raise Conflict(f"an order in {current} cannot be put on hold")
    now = clock.now_iso()
    exception = {
        "kind": request.kind.value,
        "note": request.note,
        "proposal": request.proposal,
        "raisedAt": now,
        "raisedBy": actor,
    }
    store.change(
        order,
        expected_status=current,
        entry=timeline_entry(now, current, current, actor, f"exception {request.kind}: {request.note}"),
        actions=[OrderModel.exception.set(exception)],
        condition=OrderModel.exception.does_not_exist(),
    )
    notifications.send(
        order.customerId,
        "order.exception",
        {
            "orderId": order.orderId,
            "kind": request.kind.value,
            "reason": request.note,
            "proposal": request.proposal,
        },
    )
    metrics.add_metric(name="OrderExceptions", unit="Count", value=1)
    return to_wire(order)


def resolve_exception(order_id: str, resolution: str, actor: str) -> OrderOut:
    order = _load(order_id)
    if order.exception is None:
        raise Conflict("the order has no open exception")
    current = OrderStatus(order.status)
    store.change(
        order,
        expected_status=current,
        entry=timeline_entry(clock.now_iso(), current, current, actor, f"exception resolved: {resolution}"),
        actions=[OrderModel.exception.remove()],
        condition=OrderModel.exception.exists(),
    )
    return to_wire(order)


def keep_coupon(
    *, code: str, owner: str, discount: int, min_spend: int, currency: str, expires_at: str, at: str
) -> bool:
    """Keep orders' copy of a coupon customers issued; False if it is kept already."""
    return store.keep_coupon(
        store.CouponCopyModel(
            orderId=store.coupon_key(code),
            couponCode=code,
            couponOwner=owner,
            discount=discount,
            minSpend=min_spend,
            currency=currency,
            expiresAt=expires_at,
            revision=0,
            updatedAt=at,
        )
    )
