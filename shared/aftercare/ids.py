"""Prefixed, sortable, unguessable ids: `ord_` + a ULID (48-bit time, 80 random bits)."""

from __future__ import annotations

import secrets

from aftercare import clock

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIXES = frozenset({"ord", "shp", "as", "rf", "tk", "sv", "cus", "ntf", "evt", "pay", "slot", "cpn", "aud"})


def ulid() -> str:
    millis = int(clock.now().timestamp() * 1000)
    value = (millis << 80) | secrets.randbits(80)
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_id(prefix: str) -> str:
    if prefix not in PREFIXES:
        raise ValueError(f"unknown id prefix {prefix!r}")
    return f"{prefix}_{ulid()}"


def has_prefix(value: str, prefix: str) -> bool:
    return value.startswith(f"{prefix}_") and len(value) == len(prefix) + 27
