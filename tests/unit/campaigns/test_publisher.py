"""Which changes of the CampaignSends table are events for the other domains
(campaigns/publisher.py): a send settling SENT, nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.campaigns.events import CareMessageSent
from aftercare.campaigns.publisher import events_of

KEY = "send#high-value-revisit#cus_alice#2026-11-23"


def send(status: str, **fields: Any) -> dict[str, Any]:
    return {
        "pk": KEY,
        "campaign": "high-value-revisit",
        "kind": "care.revisit",
        "customerId": "cus_alice",
        "period": "2026-11-23",
        "status": status,
        "notificationId": "ntf_1",
        "updatedAt": "2026-11-23T09:00:00.000Z",
        **fields,
    }


@pytest.mark.parametrize(
    ("old", "new", "types"),
    [
        (None, send("PENDING"), []),
        (send("PENDING"), send("PENDING", sendAt="later"), []),  # postponed to the morning
        (send("PENDING"), send("SENT"), ["CareMessageSent"]),
        (send("PENDING"), send("SKIPPED", detail="the customer opted out"), []),
        (send("SENT"), send("SENT", updatedAt="later"), []),  # once
        (send("SENT"), None, []),  # expired (TTL)
        (None, {"pk": "care#cus_alice", "customerId": "cus_alice", "lastCareAt": "x"}, []),  # the claim
        (None, {"pk": "run#high-value-revisit#2026-11-23", "campaign": "high-value-revisit"}, []),
        (None, {"pk": "lease#runner", "holder": "h", "until": "x"}, []),
    ],
)
def test_events_of_a_send_change(
    old: dict[str, Any] | None, new: dict[str, Any] | None, types: list[str]
) -> None:
    assert [type(h.payload).TYPE for h in events_of(old, new)] == types


def test_the_sent_payload_is_what_the_profile_needs() -> None:
    (sent,) = events_of(send("PENDING"), send("SENT"))
    assert (sent.subject, sent.time) == (KEY, "2026-11-23T09:00:00.000Z")
    assert sent.payload == CareMessageSent(
        customer_id="cus_alice",
        campaign="high-value-revisit",
        kind="care.revisit",
        notification_id="ntf_1",
        sent_at="2026-11-23T09:00:00.000Z",
    )


def test_the_sample_stream_record_is_one_CareMessageSent() -> None:
    import json
    from pathlib import Path

    from aws_lambda_powertools.utilities.data_classes import DynamoDBStreamEvent

    from aftercare.publishing import events_of_record

    root = Path(__file__).resolve().parents[3]
    sample = json.loads((root / "events" / "campaigns_publisher" / "Changes.json").read_text())
    (record,) = DynamoDBStreamEvent(sample).records
    assert [event.type for event in events_of_record("campaigns", events_of, record)] == ["CareMessageSent"]
