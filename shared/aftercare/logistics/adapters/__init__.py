"""Carrier adapters: each turns one carrier's signed payload into normalized courier events.

An adapter is a module in this package exposing `ADAPTER`, an object with

    name: str                                   the {carrier} path segment it answers for
    verify(headers, body, *, now) -> None       raise Unauthorized unless genuine and fresh
    parse(body, *, carrier) -> Delivery         raise BadRequest (with `errors`) if invalid

Adding a carrier is adding one module here (and its test file): the registry below finds it.
Any carrier code without its own adapter speaks the canonical Aftercare shape
(`canonical.py`, API.md), signed with X-Aftercare-Timestamp / X-Aftercare-Signature.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Protocol

from aftercare.errors import BadRequest
from aftercare.logistics.rules import CourierEvent

CARRIER_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,31}$")
CANONICAL = "canonical"


@dataclass(frozen=True)
class Delivery:
    """One payload's worth of events, and how to file the raw payload for replay."""

    raw_id: str  # the payload's own id (an event id), stable across redeliveries
    carrier: str  # the courier the parcel travels with (our shipment's carrier code)
    tracking_number: str
    events: tuple[CourierEvent, ...]

    @property
    def tracking_key(self) -> str:
        return f"{self.carrier}#{self.tracking_number}"


class Adapter(Protocol):
    name: str

    def verify(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> None: ...

    def parse(self, body: bytes, *, carrier: str | None) -> Delivery: ...


@cache
def registry() -> dict[str, Adapter]:
    found: dict[str, Adapter] = {}
    for module in pkgutil.iter_modules(__path__):
        adapter = getattr(importlib.import_module(f"{__name__}.{module.name}"), "ADAPTER", None)
        if adapter is not None:
            found[adapter.name] = adapter
    return found


def adapter_for(carrier: str) -> Adapter:
    """The adapter for a {carrier} path segment: its own, or the canonical one."""
    if not CARRIER_CODE.match(carrier):
        raise BadRequest(
            "unknown carrier code",
            errors=[{"field": "carrier", "message": "lowercase letters, digits, '-' or '_', 2-32 long"}],
        )
    adapters = registry()
    return adapters.get(carrier) or adapters[CANONICAL]
