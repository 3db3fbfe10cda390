"""Which changes of the CampaignSends table are events for the other domains: a pure
function of an item before and after the change (the table's stream). Only a send that
settles SENT is news; run markers, the runner's lease and the care claims are campaigns'
own bookkeeping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aftercare.campaigns.events import CareMessageSent
from aftercare.events import Happened

Image = Mapping[str, Any]
SEND = "send#"
SENT = "SENT"


def events_of(old: Image | None, new: Image | None) -> list[Happened]:
    if new is None or not str(new.get("pk") or "").startswith(SEND) or new.get("status") != SENT:
        return []
    if old is not None and old.get("status") == SENT:
        return []
    at = str(new.get("updatedAt") or "")
    return [
        Happened(
            CareMessageSent(
                customer_id=str(new["customerId"]),
                campaign=str(new.get("campaign") or ""),
                kind=str(new.get("kind") or ""),
                notification_id=str(new.get("notificationId") or ""),
                sent_at=at,
            ),
            subject=str(new["pk"]),
            time=at,
        )
    ]
