"""Reacts to changes of the Orders table (its DynamoDB stream): a cancelled order that
was paid gets its full refund started; a delivered order gets its satisfaction survey.
Driven by the stream, so a cancellation can never be stored without its refund following,
whatever happens to the request that cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from aftercare import clock
from aftercare.customers import port as customers
from aftercare.handlers import task_handler
from aftercare.refunds import port as refunds
from aftercare.settings import load
from aftercare.surveys import port as surveys


@dataclass(frozen=True)
class OrderEventsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    customers_table: str
    orders_table: str
    refund_state_machine_arn: str
    refunds_table: str
    surveys_table: str


SETTINGS = load(OrderEventsSettings)

processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def _status(image: dict[str, Any] | None) -> str | None:
    return str(image.get("status")) if image else None


def on_change(record: DynamoDBRecord) -> None:
    image = record.dynamodb.new_image if record.dynamodb else None
    before = record.dynamodb.old_image if record.dynamodb else None
    if image and _status(image) == "DELIVERED" and _status(before) != "DELIVERED":
        _delivered(image)
        return
    # Only the change *into* CANCELLED: later writes to a cancelled order (the refund's own
    # bookkeeping) must not ask again, even though asking again would be harmless.
    if not image or _status(image) != "CANCELLED" or _status(before) == "CANCELLED":
        return
    if int(image.get("refundOwed") or 0) <= 0:
        return
    refunds.request_refund(
        source="order",
        source_id=str(image["orderId"]),
        order_id=str(image["orderId"]),
        customer_id=str(image["customerId"]),
        items=None,
        reason="order cancelled after payment",
    )


def _delivered(image: dict[str, Any]) -> None:
    """Delivery: the order joins the care campaigns' audiences, and its satisfaction
    survey is scheduled (both idempotent, so a redelivered record changes nothing)."""
    order_id, customer_id = str(image["orderId"]), str(image["customerId"])
    customers.record_delivery(
        customer_id=customer_id,
        order_id=order_id,
        delivered_at=str(image.get("deliveredAt") or clock.now_iso()),
        total=int(image.get("total") or 0),
        currency=str(image.get("currency") or ""),
        categories=[str(item["category"]) for item in image.get("items") or [] if item.get("category")],
    )
    surveys.schedule_for(
        subject_kind="order", subject_id=order_id, customer_id=customer_id, order_id=order_id
    )


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> Any:
    return process_partial_response(
        event=event, record_handler=on_change, processor=processor, context=context
    )
