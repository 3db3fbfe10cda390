"""A domain reacts to other domains' events from its own queue.

An EventBridge rule delivers the events a domain listens to into that domain's queue; its
reactions function takes them in batches and reports only the failed ones back, so one bad
event never holds up the rest. Each reaction runs once per event id (a redelivered message
or a republished stream record changes nothing). A message that keeps failing is moved to
the domain's dead-letter queue by the consumer itself on its last attempt, with the reason
as message attributes, so the person who looks at the DLQ sees why, not only what; the
queue's redrive policy stays as the backstop for a consumer that dies without answering.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aftercare import clock
from aftercare.aws import client
from aftercare.events import DomainEvent, from_message_body
from aftercare.observability import logger, metrics

Reaction = Callable[[DomainEvent], None]


class NoReaction(Exception):
    """The queue got an event its domain has no reaction for: the rule and the reactions
    disagree, which retrying cannot fix."""


@dataclass(frozen=True)
class ReactionSettings:
    dead_letter_queue_url: str
    max_receives: int

    @classmethod
    def from_environment(cls, domain: str) -> ReactionSettings:
        """`<DOMAIN>_REACTIONS_DLQ_URL` and `<DOMAIN>_REACTIONS_MAX_RECEIVES` (named per domain:
        the local stack runs every function in one process, with one environment)."""
        url_name, receives_name = (
            f"{domain.upper()}_REACTIONS_DLQ_URL",
            f"{domain.upper()}_REACTIONS_MAX_RECEIVES",
        )
        url = os.environ.get(url_name, "").strip()
        receives = os.environ.get(receives_name, "").strip()
        missing = [name for name, value in ((url_name, url), (receives_name, receives)) if not value]
        if missing:
            raise RuntimeError(f"{', '.join(missing)} not set: the {domain} reactions function cannot start")
        if not receives.isdigit() or int(receives) < 1:
            raise RuntimeError(f"{receives_name} must be a positive integer, not {receives!r}")
        return cls(dead_letter_queue_url=url, max_receives=int(receives))


def react(domain: str, reaction: Reaction, event: DomainEvent, context: Any = None) -> None:
    """Run the domain's reaction to `event`, once per event id."""
    from aftercare.idempotency import run_once

    scope = f"reaction:{domain}:{event.type}"
    run_once(event.id, scope=scope, payload=event.id, operation=lambda: reaction(event), context=context)
    metrics.add_metric(name=f"{event.type}ReactedTo", unit="Count", value=1)
    logger.info("reacted", extra={"event_id": event.id, "event_type": event.type, "subject": event.subject})


def dead_letter(
    settings: ReactionSettings, body: str, error: BaseException, *, domain: str, receives: int
) -> None:
    """Move a message to the DLQ with why it failed (the last attempt's error)."""
    reason = f"{type(error).__name__}: {error}"[:1000]
    client("sqs").send_message(
        QueueUrl=settings.dead_letter_queue_url,
        MessageBody=body,
        MessageAttributes={
            "reason": {"DataType": "String", "StringValue": reason},
            "domain": {"DataType": "String", "StringValue": domain},
            "receives": {"DataType": "Number", "StringValue": str(receives)},
            "failedAt": {"DataType": "String", "StringValue": clock.now_iso()},
        },
    )
    metrics.add_metric(name="ReactionDeadLettered", unit="Count", value=1)
    logger.error("reaction dead-lettered", extra={"domain": domain, "reason": reason, "receives": receives})


def reactions_handler(domain: str, reactions: Mapping[str, Reaction]) -> Callable[[dict[str, Any], Any], Any]:
    """The Lambda handler of a domain's reactions function (an SQS event source with
    ReportBatchItemFailures). Its settings are read here, at import: a function deployed
    without them fails its cold start, not a customer's refund."""
    from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response

    from aftercare.handlers import task_handler

    settings = ReactionSettings.from_environment(domain)
    # An all-failed batch answers its failures like any other, rather than raising: the
    # messages that fail are then retried one by one, never the ones that were handled.
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    invocation: dict[str, Any] = {"context": None}

    def on_record(record: Any) -> None:
        receives = int(record.attributes.approximate_receive_count or 1)
        try:
            event = from_message_body(record.body)
            reaction = reactions.get(event.type)
            if reaction is None:
                raise NoReaction(f"{domain} has no reaction to {event.type}")
        except (ValueError, NoReaction) as error:  # retrying cannot help: straight to the DLQ
            dead_letter(settings, record.body, error, domain=domain, receives=receives)
            return
        try:
            react(domain, reaction, event, invocation["context"])
        except Exception as error:
            if receives >= settings.max_receives:
                dead_letter(settings, record.body, error, domain=domain, receives=receives)
                return
            logger.warning(
                "reaction failed, will be retried", extra={"receives": receives, "error": repr(error)}
            )
            raise

    @task_handler()
    def handler(event: dict[str, Any], context: Any) -> Any:
        invocation["context"] = context  # an in-progress claim then expires with the invocation
        return process_partial_response(
            event=event, record_handler=on_record, processor=processor, context=context
        )

    return handler
