"""Orders HTTP API: customer and staff routes of API.md that touch orders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.auth import AGENT, CUSTOMER, STAFF_ROLES, SUPERVISOR, WAREHOUSE
from aftercare.http import allow, create_app, current_principal, http_handler, once, owned_by
from aftercare.orders import service
from aftercare.orders.models import (
    CancelRequest,
    ChangeAddressRequest,
    OrderOut,
    PaymentRequest,
    PlaceOrderRequest,
    RaiseExceptionRequest,
    ResolveExceptionRequest,
    ShipRequest,
)
from aftercare.orders.rules import OrderAction, OrderStatus
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.wire import Page


@dataclass(frozen=True)
class OrdersApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cursor_secret_id: str
    idempotency_table: str
    notifications_queue_url: str
    orders_table: str


SETTINGS = load(OrdersApiSettings)

app = create_app()


@app.post("/v1/orders", status_code=201, tags=["orders"], summary="Place an order")
@allow(CUSTOMER)
def place_order(body: PlaceOrderRequest) -> OrderOut:
    principal = current_principal(app)
    return once(app, principal, "place-order", lambda: service.place_order(principal, body))


@app.get("/v1/orders", tags=["orders"], summary="My orders, newest first (staff: by status or customer)")
def list_orders(
    status: Annotated[OrderStatus | None, Query()] = None,
    customer_id: Annotated[str | None, Query(alias="customerId")] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[OrderOut]:
    principal = current_principal(app)
    return service.list_orders(principal, status=status, customer_id=customer_id, limit=limit, cursor=cursor)


@app.get("/v1/orders/<orderId>", tags=["orders"], summary="One order with its timeline")
def get_order(orderId: str) -> OrderOut:
    return service.to_wire(service.load_for(current_principal(app), orderId))


@app.patch(
    "/v1/orders/<orderId>/shipping-address", tags=["orders"], summary="Change the address before shipment"
)
@owned_by(lambda principal, path: service.load_for(principal, path["orderId"]))
def change_address(orderId: str, body: ChangeAddressRequest) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.change_address(principal, orderId, body.shipping_address)  # noqa: E731
    return once(app, principal, "change-address", call)


@app.post("/v1/orders/<orderId>/cancel", tags=["orders"], summary="Cancel before shipment")
@owned_by(lambda principal, path: service.load_for(principal, path["orderId"]))
def cancel(orderId: str, body: CancelRequest | None = None) -> OrderOut:
    principal = current_principal(app)
    reason = body.reason if body else None
    return once(app, principal, "cancel", lambda: service.cancel(principal, orderId, reason))


@app.post("/v1/orders/<orderId>/confirm-receipt", tags=["orders"], summary="Confirm delivery")
def confirm_receipt(orderId: str) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.confirm_receipt(principal, orderId)  # noqa: E731
    return once(app, principal, "confirm-receipt", call)


@app.post(
    "/v1/admin/orders/<orderId>/payment", tags=["staff: orders"], summary="Record a payment staff received"
)
@allow(AGENT, SUPERVISOR)
def record_payment(orderId: str, body: PaymentRequest) -> OrderOut:
    principal = current_principal(app)
    order = service.load_for(principal, orderId)

    def call() -> OrderOut:
        return service.record_payment(
            orderId,
            amount=body.amount,
            currency=order.currency,
            method=body.method,
            transaction_id=body.transaction_id,
            actor=principal.sub,
        )

    return once(app, principal, "record-payment", call)


@app.post("/v1/admin/orders/<orderId>/confirm", tags=["staff: orders"], summary="Confirm a paid order")
@allow(AGENT, SUPERVISOR)
def confirm(orderId: str) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.fulfil(orderId, OrderAction.CONFIRM, principal.sub)  # noqa: E731
    return once(app, principal, "confirm", call)


@app.post("/v1/admin/orders/<orderId>/pack", tags=["staff: orders"], summary="Mark picked, packed and sorted")
@allow(WAREHOUSE, SUPERVISOR)
def pack(orderId: str) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.fulfil(orderId, OrderAction.PACK, principal.sub)  # noqa: E731
    return once(app, principal, "pack", call)


@app.post(
    "/v1/admin/orders/<orderId>/ship",
    tags=["staff: orders"],
    summary="Ship with a carrier and tracking number",
)
@allow(WAREHOUSE, SUPERVISOR)
def ship(orderId: str, body: ShipRequest) -> OrderOut:
    principal = current_principal(app)

    def call() -> OrderOut:
        return service.ship(
            orderId, carrier=body.carrier, tracking_number=body.tracking_number, actor=principal.sub
        )

    return once(app, principal, "ship", call)


@app.post(
    "/v1/admin/orders/<orderId>/exception", tags=["staff: orders"], summary="Hold the order with an exception"
)
@allow(*STAFF_ROLES)
def raise_exception(orderId: str, body: RaiseExceptionRequest) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.raise_exception(orderId, body, principal.sub)  # noqa: E731
    return once(app, principal, "raise-exception", call)


@app.post(
    "/v1/admin/orders/<orderId>/exception/resolve", tags=["staff: orders"], summary="Resolve the exception"
)
@allow(AGENT, SUPERVISOR)
def resolve_exception(orderId: str, body: ResolveExceptionRequest) -> OrderOut:
    principal = current_principal(app)
    call = lambda: service.resolve_exception(orderId, body.resolution, principal.sub)  # noqa: E731
    return once(app, principal, "resolve-exception", call)


lambda_handler = http_handler(app)
