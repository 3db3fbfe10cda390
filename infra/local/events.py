"""The domain event bus, locally: moto's EventBridge with the template's bus and rules.

moto matches each put event against the bus's rules and sends it to their SQS targets
(checked: `Rule.send_to_targets` handles sqs ARNs, and the patterns' matching is moto's),
so delivery is moto's own; the reaction queues' pollers take it from there as any other
SQS event source. What moto does not give is a look at what passed: `EventLog` records
every event put on a bus, the rules that matched it with the queue each delivered to, and
what the consumer did with it (processed, failed and retried, dead-lettered with its
reason), for `GET /_local/events`.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from infra.template import Stack

ClientFactory = Callable[[str], Any]
KEEP = 500  # events kept in the log, newest last


def provision_events(stack: Stack, client: ClientFactory) -> list[str]:
    """Create the template's event buses, then its rules with their targets."""
    created = []
    events = client("events")
    for logical_id, _ in stack.of_type("AWS::Events::EventBus"):
        name = stack.ref(logical_id)
        arn = events.create_event_bus(Name=name)["EventBusArn"]
        stack.record(logical_id, ref=name, Arn=arn, Name=name)
        created.append(logical_id)
    for logical_id, props in stack.of_type("AWS::Events::Rule"):
        props = stack.resolve(props)
        name = props.get("Name") or stack.physical_name(logical_id)
        bus = props.get("EventBusName") or "default"
        arn = events.put_rule(
            Name=name,
            EventBusName=bus,
            EventPattern=json.dumps(props["EventPattern"]),
            State=props.get("State", "ENABLED"),
            Description=props.get("Description", ""),
        )["RuleArn"]
        targets = [{"Id": t["Id"], "Arn": t["Arn"]} for t in props.get("Targets") or []]
        if targets:
            events.put_targets(Rule=name, EventBusName=bus, Targets=targets)
        stack.record(logical_id, ref=f"{bus}|{name}" if bus != "default" else name, Arn=arn)
        created.append(logical_id)
    return created


def _queue_name(arn_or_url: str) -> str:
    return arn_or_url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]


class EventLog:
    """The recent events on the local bus, with their deliveries and what became of them."""

    def __init__(self, stack: Stack, keep: int = KEEP) -> None:
        self._keep = keep
        self._lock = threading.Lock()
        self._events: OrderedDict[str, dict[str, Any]] = OrderedDict()
        # Running totals, never trimmed: what the bus was asked to carry and delivered (the
        # cost benchmark bills them; the listing above keeps only the recent ones).
        self.published = 0
        self.delivered = 0
        self._by_bus_id: dict[str, str] = {}  # EventBridge's id → our envelope's id
        self._rule_names = {}
        self._dead_letter_of: dict[str, str] = {}  # DLQ name → the queue it serves
        for logical_id, props in stack.of_type("AWS::Events::Rule"):
            self._rule_names[props.get("Name") or stack.physical_name(logical_id)] = logical_id
        for logical_id, props in stack.of_type("AWS::SQS::Queue"):
            policy = stack.resolve(props.get("RedrivePolicy") or {})
            if policy:
                self._dead_letter_of[_queue_name(policy["deadLetterTargetArn"])] = _queue_name(
                    stack.get_att(logical_id, "Arn")
                )
        self._queue_logical = {
            _queue_name(stack.get_att(logical_id, "Arn")): logical_id
            for logical_id, _ in stack.of_type("AWS::SQS::Queue")
        }

    # ------------------------------------------------------------ what moto tells us
    def put(self, entry: dict[str, Any], bus_event_id: str) -> None:
        try:
            detail = json.loads(entry.get("Detail") or "{}")
        except ValueError:
            detail = {}
        key = str(detail.get("id") or bus_event_id)
        with self._lock:
            self.published += 1
            record = self._events.get(key)
            if record is None:
                record = {
                    "id": key,
                    "type": entry.get("DetailType"),
                    "source": entry.get("Source"),
                    "bus": entry.get("EventBusName") or "default",
                    "subject": detail.get("subject"),
                    "time": detail.get("time"),
                    "payload": detail.get("payload"),
                    "published": 0,
                    "deliveries": [],
                }
                self._events[key] = record
            record["published"] += 1  # a republished stream record: the same id again
            self._by_bus_id[bus_event_id] = key
            while len(self._events) > self._keep:
                self._events.popitem(last=False)

    def matched(self, bus_event_id: str, rule: str, targets: list[str]) -> None:
        with self._lock:
            self.delivered += len(targets)
            record = self._events.get(self._by_bus_id.get(bus_event_id, ""))
            if record is None:
                return
            for target in targets:
                queue = _queue_name(target)
                delivery = self._delivery(record, queue)
                delivery["rule"] = self._rule_names.get(rule, rule)
                delivery["sent"] += 1

    def consumed(self, queue_url: str, body: str, *, ok: bool) -> None:
        """A consumer took a message from a queue: ok, or failed (it comes back)."""
        key = _envelope_id(body)
        if key is None:
            return
        with self._lock:
            record = self._events.get(key)
            if record is None:
                return
            delivery = self._delivery(record, _queue_name(queue_url))
            delivery["attempts"] += 1
            if delivery["status"] != "dead-lettered":
                delivery["status"] = "processed" if ok else "failed, will be retried"

    def sent(self, queue_name: str, body: str, attributes: dict[str, Any]) -> None:
        """A message sent to a queue: a dead-letter queue's copy of an event names why."""
        served = self._dead_letter_of.get(queue_name)
        key = _envelope_id(body) if served else None
        if key is None:
            return
        with self._lock:
            record = self._events.get(key)
            if record is None:
                return
            delivery = self._delivery(record, served or queue_name)
            delivery["status"] = "dead-lettered"
            delivery["deadLetterQueue"] = self._queue_logical.get(queue_name, queue_name)
            reason = (attributes or {}).get("reason") or {}
            delivery["reason"] = reason.get("StringValue") or reason.get("string_value")

    def _delivery(self, record: dict[str, Any], queue: str) -> dict[str, Any]:
        logical = self._queue_logical.get(queue, queue)
        for delivery in record["deliveries"]:
            if delivery["queue"] == logical:
                return delivery
        delivery = {"queue": logical, "rule": None, "sent": 0, "attempts": 0, "status": "queued"}
        record["deliveries"].append(delivery)
        return delivery

    # ------------------------------------------------------------ what /_local/events shows
    def listing(self, *, limit: int = 50, event_type: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            chosen = [
                json.loads(json.dumps(record))
                for record in reversed(self._events.values())
                if event_type is None or record["type"] == event_type
            ]
        return chosen[:limit]


def _envelope_id(body: str) -> str | None:
    try:
        message = json.loads(body)
    except ValueError:
        return None
    detail = message.get("detail") if isinstance(message, dict) else None
    return str(detail["id"]) if isinstance(detail, dict) and detail.get("id") else None


_installed: dict[str, Any] = {"log": None}


def install_recorder(log: EventLog) -> None:
    """Point moto's bus and queues at `log` (once per process; a later stack replaces the log)."""
    first = _installed["log"] is None
    _installed["log"] = log
    if not first:
        return
    from moto.events import models as events_models
    from moto.sqs.models import SQSBackend

    original_put = events_models.EventsBackend.put_events
    original_send = events_models.Rule.send_to_targets
    original_sqs_send = SQSBackend.send_message

    def put_events(self: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        _matching.found = []
        try:
            entries = original_put(self, events)  # moto sends to the targets inside this call
            _record(events, entries, _matching.found)
        finally:
            _matching.found = None
        return entries

    def send_to_targets(self: Any, original_event: dict[str, Any], transform_input: bool = True) -> None:
        found = getattr(_matching, "found", None)
        if found is not None and self.event_pattern.matches_event(original_event):
            found.append((str(original_event["id"]), self.name, [t["Arn"] for t in self.targets]))
        original_send(self, original_event, transform_input)  # type: ignore[arg-type]

    def send_message(self: Any, queue_name: str, message_body: str, *args: Any, **kwargs: Any) -> Any:
        current = _installed["log"]
        if current is not None:
            attributes = kwargs.get("message_attributes") or (args[0] if args else None) or {}
            current.sent(queue_name, message_body, attributes)
        return original_sqs_send(self, queue_name, message_body, *args, **kwargs)

    events_models.EventsBackend.put_events = put_events  # type: ignore[method-assign]
    events_models.Rule.send_to_targets = send_to_targets  # type: ignore[method-assign,assignment]
    SQSBackend.send_message = send_message  # type: ignore[method-assign]


# The rules one put_events call matched: moto runs the call on the request's own thread.
_matching = threading.local()


def _record(events: list[dict[str, Any]], entries: list[dict[str, Any]], matched: list[Any]) -> None:
    log: EventLog | None = _installed["log"]
    if log is None:
        return
    for event, entry in zip(events, entries, strict=False):
        if entry.get("EventId"):
            log.put(event, entry["EventId"])
    for bus_event_id, rule, targets in matched:
        log.matched(bus_event_id, rule, targets)
