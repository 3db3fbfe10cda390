"""The envelope every domain event travels in (aftercare.events)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import ClassVar

import pytest

from aftercare.events import DomainEvent, Happened, envelope, event_id, from_message_body, to_entry


@dataclass(frozen=True)
class ParcelLost:
    TYPE: ClassVar[str] = "ParcelLost"
    VERSION: ClassVar[int] = 2

    shipment_id: str
    carrier: str = ""


def lost(origin: str = "record-1") -> DomainEvent:
    happened = Happened(
        ParcelLost(shipment_id="shp_1", carrier="sf"), subject="shp_1", time="2026-11-23T08:00:00Z"
    )
    return envelope(happened, source="logistics", origin=origin)


def test_the_id_is_the_same_for_a_redelivered_change_and_differs_by_type_and_change() -> None:
    assert lost("record-1").id == lost("record-1").id
    assert lost("record-1").id != lost("record-2").id
    assert event_id("record-1", "ParcelLost") != event_id("record-1", "ParcelFound")
    assert lost().id.startswith("ev_")


def test_an_event_goes_on_the_bus_and_comes_out_of_a_queue_unchanged() -> None:
    event = lost()
    entry = to_entry(event, "aftercare-events")
    assert (entry["EventBusName"], entry["Source"], entry["DetailType"]) == (
        "aftercare-events",
        "aftercare.logistics",
        "ParcelLost",
    )
    # what an EventBridge rule puts in the queue: the whole event, ours as its detail
    body = json.dumps({"id": "eb-1", "detail-type": "ParcelLost", "source": "aftercare.logistics",
                       "detail": json.loads(entry["Detail"])})  # fmt: skip
    assert from_message_body(body) == event
    assert event.read(ParcelLost) == ParcelLost(shipment_id="shp_1", carrier="sf")


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        json.dumps({"detail": "x"}),
        json.dumps({"detail": {"id": "ev_1", "type": "ParcelLost"}}),
    ],
)
def test_a_message_that_is_not_a_domain_event_is_refused(body: str) -> None:
    with pytest.raises(ValueError, match=r"not a domain event|not an EventBridge event|Expecting value"):
        from_message_body(body)


def test_a_reader_refuses_another_type_or_a_newer_shape_and_ignores_fields_it_does_not_know() -> None:
    event = lost()
    newer = DomainEvent(**{**event.to_detail(), "version": 3})
    with pytest.raises(ValueError, match="newer"):
        newer.read(ParcelLost)
    other = DomainEvent(**{**event.to_detail(), "type": "ParcelFound"})
    with pytest.raises(ValueError, match="is not ParcelLost"):
        other.read(ParcelLost)
    older_with_extra = DomainEvent(
        **{**event.to_detail(), "version": 1, "payload": {"shipment_id": "shp_1", "extra": 1}}
    )
    assert older_with_extra.read(ParcelLost) == ParcelLost(shipment_id="shp_1")
