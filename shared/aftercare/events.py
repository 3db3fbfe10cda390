"""Domain events: what one domain tells the others happened.

Every event travels in one envelope: an id (the same for every redelivery of the change it
comes from, so reactions can be idempotent on it), a type, a version of its payload's
shape, the time it happened on the service clock, the domain it comes from, the id of the
thing it is about, and a small payload. A domain's `events` module is its published
contract: the event types it emits and their payloads, as frozen dataclasses; the
schemas are listed in docs/events.md. The bus itself is EventBridge: `source` is
`aftercare.<domain>`, `detail-type` the event's type, `detail` this envelope.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

SOURCE_PREFIX = "aftercare."


class Payload(Protocol):
    """An event's payload type: a frozen dataclass naming its event type and version."""

    TYPE: ClassVar[str]
    VERSION: ClassVar[int]


P = TypeVar("P", bound=Payload)


@dataclass(frozen=True)
class DomainEvent:
    id: str
    type: str
    version: int
    time: str
    source: str  # the domain it comes from: "orders", "refunds", ...
    subject: str  # the id of what it is about: an order, a case, a refund...
    payload: Mapping[str, Any] = field(default_factory=dict)

    def to_detail(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "version": self.version,
            "time": self.time,
            "source": self.source,
            "subject": self.subject,
            "payload": dict(self.payload),
        }

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> DomainEvent:
        missing = [
            name for name in ("id", "type", "version", "time", "source", "subject") if name not in detail
        ]
        if missing:
            raise ValueError(f"not a domain event: missing {', '.join(missing)}")
        return cls(
            id=str(detail["id"]),
            type=str(detail["type"]),
            version=int(detail["version"]),
            time=str(detail["time"]),
            source=str(detail["source"]),
            subject=str(detail["subject"]),
            payload=dict(detail.get("payload") or {}),
        )

    def read(self, kind: builtins.type[P]) -> P:
        """The payload as its contract type; an event of another type or a newer shape than
        the reader knows is refused rather than half-read."""
        if self.type != kind.TYPE:
            raise ValueError(f"{self.type} is not {kind.TYPE}")
        if self.version > kind.VERSION:
            raise ValueError(f"{self.type} v{self.version} is newer than this reader's v{kind.VERSION}")
        names = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type,unused-ignore]
        return kind(**{name: value for name, value in self.payload.items() if name in names})


@dataclass(frozen=True)
class Happened:
    """What a domain's `events_of(old, new)` returns: one event, before it has an envelope."""

    payload: Any  # a Payload dataclass instance
    subject: str
    time: str


def event_id(origin: str, event_type: str) -> str:
    """A stable id for the event of `event_type` that `origin` (a stream record's id)
    produced: the stream's redelivery of the record yields the same id."""
    digest = hashlib.sha256(f"{origin}\x1f{event_type}".encode()).hexdigest()
    return f"ev_{digest[:26]}"


def envelope(happened: Happened, *, source: str, origin: str) -> DomainEvent:
    kind = type(happened.payload)
    return DomainEvent(
        id=event_id(origin, kind.TYPE),
        type=kind.TYPE,
        version=kind.VERSION,
        time=happened.time,
        source=source,
        subject=happened.subject,
        payload=dataclasses.asdict(happened.payload),
    )


def to_entry(event: DomainEvent, bus_name: str) -> dict[str, Any]:
    """The PutEvents entry for an event."""
    return {
        "EventBusName": bus_name,
        "Source": SOURCE_PREFIX + event.source,
        "DetailType": event.type,
        "Detail": json.dumps(event.to_detail(), separators=(",", ":"), sort_keys=True, default=str),
    }


def from_message_body(body: str) -> DomainEvent:
    """The event in an SQS message an EventBridge rule delivered (the whole EventBridge
    event is the body; our envelope is its `detail`)."""
    message = json.loads(body)
    if not isinstance(message, dict) or not isinstance(message.get("detail"), dict):
        raise ValueError("not an EventBridge event")
    return DomainEvent.from_detail(message["detail"])
