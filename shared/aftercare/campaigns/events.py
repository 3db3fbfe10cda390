"""What the campaigns domain tells the others: its published event types (the contract other
domains may import; nothing else of `campaigns` is theirs to read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class CareMessageSent:
    """A care message was queued for a customer: its send settled SENT in the same
    transaction as campaigns' frequency-cap claim (once per send). Subject: the send's key."""

    TYPE: ClassVar[str] = "CareMessageSent"
    VERSION: ClassVar[int] = 1

    customer_id: str
    campaign: str
    kind: str  # care.<...>: the notification kind
    notification_id: str
    sent_at: str


ALL = (CareMessageSent,)
