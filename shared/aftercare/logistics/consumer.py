"""The courier events consumer: one SQS batch at a time, each message on its own.

A message is the raw payload (from the webhook, with the URL's carrier as the `carrier`
message attribute, or straight from a courier on AWS: canonical JSON, attribute optional).
The batch's payloads are parsed and kept as received (TrackingEvents, one BatchWriteItem),
then each message's events are applied (service.apply_delivery). A message that fails is
reported in `batchItemFailures` and comes back after the visibility timeout; on its last
allowed receive it is moved to the dead-letter queue with the reason instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from aftercare import clock
from aftercare.errors import DomainError
from aftercare.logistics import queue, service, store
from aftercare.logistics.adapters import CANONICAL, Delivery, adapter_for, registry
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings


class InvalidEvent(Exception):
    """The message can never be applied as it is (malformed, invalid, unknown carrier)."""


@dataclass
class Prepared:
    record: SQSRecord
    delivery: Delivery | None = None
    error: Exception | None = None


def _attribute(record: SQSRecord, name: str) -> str | None:
    attribute = (record.raw_event.get("messageAttributes") or {}).get(name) or {}
    value = attribute.get("stringValue")
    return str(value) if value else None


def reason_of(error: BaseException) -> str:
    if isinstance(error, DomainError):
        # Named by its class, as any other error is: the reason is for an operator, not a caller.
        fields = "; ".join(f"{item['field']}: {item['message']}" for item in error.errors)
        return f"{type(error).__name__}: {error.detail}" + (f" ({fields})" if fields else "")
    return f"{type(error).__name__}: {error}"


def prepare(records: list[SQSRecord]) -> dict[str, Prepared]:
    """Parse every message through its adapter and keep every parsable payload as received."""
    prepared: dict[str, Prepared] = {}
    raw: list[store.RawEvent] = []
    now = clock.now_iso()
    for record in records:
        carrier = _attribute(record, queue.CARRIER_ATTRIBUTE)
        try:
            adapter = adapter_for(carrier) if carrier else registry()[CANONICAL]
            delivery = adapter.parse(record.body.encode(), carrier=carrier)
        except (DomainError, ValueError) as error:
            prepared[record.message_id] = Prepared(record, error=InvalidEvent(reason_of(error)))
            continue
        prepared[record.message_id] = Prepared(record, delivery)
        raw.append(
            store.RawEvent(
                tracking_key=delivery.tracking_key,
                raw_id=delivery.raw_id,
                adapter=adapter.name,
                body=record.body,
                received_at=_attribute(record, "receivedAt") or now,
                message_id=record.message_id,
            )
        )
    if raw:
        store.save_raw(raw)
    return prepared


def handle(item: Prepared) -> None:
    """Apply one message; raise to have it retried, or dead-letter it on its last receive."""
    record = item.record
    try:
        if item.error is not None:
            raise item.error
        assert item.delivery is not None
        service.apply_delivery(item.delivery)
    except Exception as error:
        receives = int(record.attributes.approximate_receive_count or 1)
        reason = reason_of(error)
        metrics.add_metric(name="CourierEventFailures", unit="Count", value=1)
        if receives >= get_settings().tracking_max_receive_count:
            attributes: dict[str, Any] = {
                name: _attribute(record, name) for name in (queue.CARRIER_ATTRIBUTE, "receivedAt", "source")
            }
            queue.dead_letter(record.body, attributes, message_id=record.message_id, reason=reason,
                              receives=receives)  # fmt: skip
            return
        logger.warning(
            "courier event failed; it will be retried",
            extra={"message_id": record.message_id, "receives": receives, "reason": reason},
        )
        raise
