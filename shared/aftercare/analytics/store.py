"""The Analytics table and the reports bucket: the only module that reads or writes them.

Aggregate items, one partition per month (`pk = M#2026-11`) so a range of days is a
handful of Queries (one per month touched, `sk BETWEEN`), never a scan:
- a day's totals, `sk = <day>#all#<shard>`: each event adds to one of SHARDS items
  (by its event id), so concurrent writers do not all contend for one hot item; a read
  adds the shards up;
- an agent's day, `sk = <day>#agent#<agentId>`.

Every event's additions are applied in one transaction together with a marker item
(`pk = rec#<source domain>#<event id>`, expiring after MARKER_TTL), on the condition that the
marker does not exist yet: an event delivered twice (a redelivered message, a republished
stream record) adds nothing the second time.

What a survey may later be about (a ticket's or case's agent and handling time, as their
events told it) is one item per subject, `pk = subject#<kind>#<id>`, `sk = subject`: the
latest agent told wins (by its time), the first handling time told is kept, so redelivered
or late events never move it backwards.

Product and live-stream figures (analytics/products.py) are per day and scope, one partition
per month of their own (`pk = P#2026-11`, `sk = <day>#<scope>#<key>`: a SKU, category, live
session or host), written in the same transaction as the event's marker (an event touching
more items than one transaction holds continues in further transactions, each with its own
marker). What an order's OrderPlaced told (its lines and live session) is one item per
order, `pk = order#<orderId>`; a live session's alert claim is `pk = alert#<session>#<day>`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from botocore.exceptions import ClientError

from aftercare import clock
from aftercare.analytics.aggregate import ItemKey
from aftercare.analytics.facts import Subject, SubjectNote
from aftercare.analytics.products import Line, OrderNote, ScopedKey
from aftercare.aws import client
from aftercare.settings import get_settings

SHARDS = 4
MARKER_TTL = timedelta(days=7)  # redeliveries (queue retries, stream republishing) come within it
MAX_TRANSACTION_ITEMS = 100
_RETRIED = frozenset({"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"})


def _table() -> str:
    return get_settings().analytics_table


def shard_of(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:8], 16) % SHARDS


def partition(day: str) -> str:
    return f"M#{day[:7]}"


def sort_key(day: str, agent: str | None, shard: int) -> str:
    return f"{day}#agent#{agent}" if agent else f"{day}#all#{shard}"


def marker_key(source: str, event_id: str) -> str:
    return f"rec#{source}#{event_id}"


# ---------------------------------------------------------------- writing
def _update(key: ItemKey, adds: Mapping[str, int], shard: int, at: str) -> dict[str, Any]:
    day, agent = key
    names = {"#u": "updatedAt"}
    values: dict[str, Any] = {":at": {"S": at}}
    parts = []
    for index, (attribute, amount) in enumerate(sorted(adds.items())):
        names[f"#a{index}"] = attribute
        values[f":v{index}"] = {"N": str(int(amount))}
        parts.append(f"#a{index} :v{index}")
    return {
        "Update": {
            "TableName": _table(),
            "Key": {"pk": {"S": partition(day)}, "sk": {"S": sort_key(day, agent, shard)}},
            "UpdateExpression": "ADD " + ", ".join(parts) + " SET #u = :at",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
        }
    }


def _scoped_update(key: ScopedKey, adds: Mapping[str, int], at: str) -> dict[str, Any]:
    day, scope, name = key
    update = _update((day, None), adds, 0, at)
    update["Update"]["Key"] = {
        "pk": {"S": scoped_partition(day)},
        "sk": {"S": scoped_sort_key(day, scope, name)},
    }
    return update


def _marker_put(marker: str, at: str, expires: int) -> dict[str, Any]:
    return {
        "Put": {
            "TableName": _table(),
            "Item": {
                "pk": {"S": marker},
                "sk": {"S": "rec"},
                "at": {"S": at},
                "expiresAt": {"N": str(expires)},
            },
            "ConditionExpression": "attribute_not_exists(pk)",
        }
    }


def apply(
    marker: str,
    additions: Mapping[ItemKey, Mapping[str, int]],
    *,
    shard: int,
    scoped: Mapping[ScopedKey, Mapping[str, int]] | None = None,
    attempts: int = 5,
) -> bool:
    """Add `additions` (and the `scoped` ones) once for the event `marker` names: False if it
    was added before. Contention with concurrent writers is retried with backoff, then raised
    (the event's message is reported as failed and the queue delivers it again)."""
    if not additions and not scoped:
        return True
    at = clock.now_iso()
    expires = int((clock.now() + MARKER_TTL).timestamp())
    updates = [
        _update(key, adds, shard, at) for key, adds in sorted(additions.items(), key=lambda kv: str(kv[0]))
    ]
    if len(updates) >= MAX_TRANSACTION_ITEMS:
        raise ValueError(f"one event touches {len(updates)} aggregate items; at most 99 fit a transaction")
    updates += [_scoped_update(key, adds, at) for key, adds in sorted((scoped or {}).items())]
    size = MAX_TRANSACTION_ITEMS - 1
    added = True
    for part, start in enumerate(range(0, len(updates), size)):
        name = marker if part == 0 else f"{marker}#{part}"
        done = _transact([_marker_put(name, at, expires), *updates[start : start + size]], attempts)
        added = done if part == 0 else added
    return added


def _transact(items: list[dict[str, Any]], attempts: int) -> bool:
    for attempt in range(attempts):
        try:
            client("dynamodb").transact_write_items(TransactItems=items)
            return True
        except ClientError as error:
            if error.response["Error"]["Code"] != "TransactionCanceledException":
                raise
            codes = [
                str(reason.get("Code") or "None")
                for reason in error.response.get("CancellationReasons") or []
            ]
            if codes and codes[0] == "ConditionalCheckFailed":
                return False  # the marker exists: this event was counted already
            if not (set(codes) & _RETRIED) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    return True


# ---------------------------------------------------------------- product and live scopes
ORDER_TTL = timedelta(days=400)  # cases, tickets and surveys about an order come within it


def scoped_partition(day: str) -> str:
    return f"P#{day[:7]}"


def scoped_sort_key(day: str, scope: str, key: str) -> str:
    return f"{day}#{scope}#{key}"


def _order_key(order_id: str) -> dict[str, Any]:
    return {"pk": {"S": f"order#{order_id}"}, "sk": {"S": "order"}}


def remember_order(note: OrderNote) -> None:
    """Keep what an OrderPlaced told about the order (the same event always tells the same)."""
    lines = [{"sku": line.sku, "quantity": line.quantity, "category": line.category} for line in note.lines]
    client("dynamodb").put_item(
        TableName=_table(),
        Item={
            **_order_key(note.order_id),
            "lines": {"S": json.dumps(lines, separators=(",", ":"))},
            "sessionId": {"S": note.session_id},
            "host": {"S": note.host},
            "expiresAt": {"N": str(int((clock.now() + ORDER_TTL).timestamp()))},
        },
    )


def order_note(order_id: str) -> OrderNote | None:
    """What analytics remembers of an order; None if its OrderPlaced was not counted yet."""
    item = (
        client("dynamodb")
        .get_item(TableName=_table(), Key=_order_key(order_id), ConsistentRead=True)
        .get("Item")
    )
    if not item:
        return None
    lines = tuple(
        Line(str(line["sku"]), int(line["quantity"]), str(line["category"]))
        for line in json.loads(item["lines"]["S"])
    )
    return OrderNote(order_id, lines, item["sessionId"]["S"], item["host"]["S"])


def scoped_count(day: str, scope: str, key: str, metric: str) -> int:
    """One metric of one scope's day, as written so far (a consistent read)."""
    item = (
        client("dynamodb")
        .get_item(
            TableName=_table(),
            Key={"pk": {"S": scoped_partition(day)}, "sk": {"S": scoped_sort_key(day, scope, key)}},
            ConsistentRead=True,
        )
        .get("Item")
    )
    return int(_number(item[metric]) or 0) if item and metric in item else 0


def claim_alert(session_id: str, day: str, notification_id: str) -> bool:
    """Claim a live session's day alert: True for the one caller that claims it first."""
    try:
        client("dynamodb").put_item(
            TableName=_table(),
            Item={
                "pk": {"S": f"alert#{session_id}#{day}"},
                "sk": {"S": "alert"},
                "notificationId": {"S": notification_id},
                "at": {"S": clock.now_iso()},
                "expiresAt": {"N": str(int((clock.now() + ORDER_TTL).timestamp()))},
            },
            ConditionExpression="attribute_not_exists(pk) OR #released = :yes",
            ExpressionAttributeNames={"#released": "released"},
            ExpressionAttributeValues={":yes": {"BOOL": True}},
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise
    return True


def release_alert(session_id: str, day: str) -> None:
    """Give a claim back (its notification could not be queued): the next try claims it."""
    client("dynamodb").update_item(
        TableName=_table(),
        Key={"pk": {"S": f"alert#{session_id}#{day}"}, "sk": {"S": "alert"}},
        UpdateExpression="SET #released = :yes",
        ExpressionAttributeNames={"#released": "released"},
        ExpressionAttributeValues={":yes": {"BOOL": True}},
    )


def read_scoped(first: date, last: date) -> tuple[dict[str, dict[str, Counter[str]]], int]:
    """The product and live figures of the days `first`..`last`, summed per scope and key:
    one Query per month touched. Also the Query pages read."""
    found: dict[str, dict[str, Counter[str]]] = {}
    reads = 0
    for month in months(first, last):
        request: dict[str, Any] = {
            "TableName": _table(),
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": {
                ":pk": {"S": f"P#{month}"},
                ":low": {"S": max(first.isoformat(), f"{month}-01")},
                ":high": {"S": min(last.isoformat(), f"{month}-31") + "~"},
            },
        }
        while True:
            reply = client("dynamodb").query(**request)
            reads += 1
            for item in reply.get("Items") or []:
                _day, scope, key = str(item["sk"]["S"]).split("#", 2)
                numbers = Counter(
                    {
                        name: number
                        for name, value in item.items()
                        if name not in ("expiresAt",) and (number := _number(value)) is not None
                    }
                )
                found.setdefault(scope, {}).setdefault(key, Counter()).update(numbers)
            if not reply.get("LastEvaluatedKey"):
                break
            request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
    return found, reads


# ---------------------------------------------------------------- survey subjects
SUBJECT_TTL = timedelta(days=400)  # a survey is answered within weeks of its subject


def _subject_key(kind: str, subject_id: str) -> dict[str, Any]:
    return {"pk": {"S": f"subject#{kind}#{subject_id}"}, "sk": {"S": "subject"}}


def _conditional_update(**request: Any) -> None:
    try:
        client("dynamodb").update_item(TableName=_table(), **request)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
            raise  # a failed condition: what is kept already is newer (agent) or first (handling)


def remember(note: SubjectNote) -> None:
    """Keep what an event told about a ticket or case a survey may later be about."""
    key = _subject_key(note.kind, note.subject_id)
    expires = {":exp": {"N": str(int((clock.now() + SUBJECT_TTL).timestamp()))}}
    if note.agent and note.agent_at:
        _conditional_update(
            Key=key,
            UpdateExpression="SET #agent = :agent, #agentAt = :at, #exp = :exp",
            ConditionExpression="attribute_not_exists(#agentAt) OR #agentAt <= :at",
            ExpressionAttributeNames={"#agent": "agent", "#agentAt": "agentAt", "#exp": "expiresAt"},
            ExpressionAttributeValues={":agent": {"S": note.agent}, ":at": {"S": note.agent_at}, **expires},
        )
    if note.handling_seconds is not None:
        _conditional_update(
            Key=key,
            UpdateExpression="SET #h = :h, #exp = :exp",
            ConditionExpression="attribute_not_exists(#h)",
            ExpressionAttributeNames={"#h": "handlingSeconds", "#exp": "expiresAt"},
            ExpressionAttributeValues={":h": {"N": str(int(note.handling_seconds))}, **expires},
        )


def subject(kind: str, subject_id: str) -> Subject | None:
    """What analytics remembers of a survey's subject; None if nothing was told yet."""
    item = (
        client("dynamodb")
        .get_item(TableName=_table(), Key=_subject_key(kind, subject_id), ConsistentRead=True)
        .get("Item")
    )
    if not item:
        return None
    handling = _number(item["handlingSeconds"]) if "handlingSeconds" in item else None
    return Subject(agent=item["agent"]["S"] if "agent" in item else None, handling_seconds=handling)


# ---------------------------------------------------------------- reading
@dataclass
class Aggregates:
    """A range's aggregates: each day's totals, and each day's per-agent items."""

    totals: dict[str, Counter[str]] = field(default_factory=dict)
    agents: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    reads: int = 0  # Query pages read (the test of "no scans, bounded reads")


def months(first: date, last: date) -> Iterator[str]:
    current = first.replace(day=1)
    while current <= last:
        yield current.isoformat()[:7]
        current = (current + timedelta(days=32)).replace(day=1)


def _number(value: Mapping[str, Any]) -> int | None:
    if "N" not in value:
        return None
    return int(Decimal(value["N"]))


def read_range(first: date, last: date) -> Aggregates:
    """Every aggregate item of the days `first`..`last`: one Query per month touched."""
    found = Aggregates()
    for month in months(first, last):
        request: dict[str, Any] = {
            "TableName": _table(),
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :low AND :high",
            "ExpressionAttributeValues": {
                ":pk": {"S": f"M#{month}"},
                ":low": {"S": max(first.isoformat(), f"{month}-01")},
                ":high": {"S": min(last.isoformat(), f"{month}-31") + "~"},
            },
        }
        while True:
            reply = client("dynamodb").query(**request)
            found.reads += 1
            for item in reply.get("Items") or []:
                _add_item(found, item)
            if not reply.get("LastEvaluatedKey"):
                break
            request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
    return found


def _add_item(found: Aggregates, item: Mapping[str, Any]) -> None:
    day, kind, *rest = str(item["sk"]["S"]).split("#", 2)
    numbers = Counter(
        {name: number for name, value in item.items() if (number := _number(value)) is not None}
    )
    if kind == "all":
        found.totals.setdefault(day, Counter()).update(numbers)
    elif kind == "agent" and rest:
        found.agents.setdefault(day, {}).setdefault(rest[0], Counter()).update(numbers)


# ---------------------------------------------------------------- reports
REPORT_PREFIX = "reports/"


def report_key(day: date) -> str:
    return f"{REPORT_PREFIX}{day.isoformat()}.html"


def put_report(key: str, html: str) -> str:
    client("s3").put_object(
        Bucket=get_settings().reports_bucket,
        Key=key,
        Body=html.encode(),
        ContentType="text/html; charset=utf-8",
        CacheControl="no-cache",
    )
    return key


def get_report(key: str) -> str | None:
    try:
        reply = client("s3").get_object(Bucket=get_settings().reports_bucket, Key=key)
    except ClientError as error:
        if error.response["Error"]["Code"] in {"NoSuchKey", "404"}:
            return None
        raise
    return str(reply["Body"].read().decode())


def latest_report_key() -> str | None:
    """The newest daily report (keys sort by day)."""
    newest: str | None = None
    request: dict[str, Any] = {"Bucket": get_settings().reports_bucket, "Prefix": REPORT_PREFIX}
    while True:
        reply = client("s3").list_objects_v2(**request)
        for entry in reply.get("Contents") or []:
            newest = max(newest or "", str(entry["Key"]))
        if not reply.get("IsTruncated"):
            return newest
        request["ContinuationToken"] = reply["NextContinuationToken"]


# ---------------------------------------------------------------- recurring issues
# What customers wrote (TicketOpened's text: subject and first message, capped), one item per
# ticket, `pk = text#<day opened>`, `sk = <openedAt>#<ticketId>`: a period is one Query per
# day. Personal data: it expires after TEXT_TTL (two weekly periods and some slack).
# Each run of the topics job is one item, `pk = topics`, `sk = <to>#<from>` (its period).
TEXT_TTL = timedelta(days=35)
TOPICS_TTL = timedelta(days=400)
TOPICS_PK = "topics"


def keep_text(ticket_id: str, at: str, text: str) -> None:
    """Keep a ticket's text (the same item again for a redelivered event)."""
    client("dynamodb").put_item(
        TableName=_table(),
        Item={
            "pk": {"S": f"text#{at[:10]}"},
            "sk": {"S": f"{at}#{ticket_id}"},
            "ticketId": {"S": ticket_id},
            "at": {"S": at},
            "text": {"S": text},
            "expiresAt": {"N": str(int((clock.now() + TEXT_TTL).timestamp()))},
        },
    )


def texts(first: date, last: date) -> list[tuple[str, str, str]]:
    """(ticket id, text, opened at) of the tickets opened `first`..`last`: one Query per day."""
    found: list[tuple[str, str, str]] = []
    day = first
    while day <= last:
        request: dict[str, Any] = {
            "TableName": _table(),
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": {":pk": {"S": f"text#{day.isoformat()}"}},
        }
        while True:
            reply = client("dynamodb").query(**request)
            found += [
                (str(item["ticketId"]["S"]), str(item["text"]["S"]), str(item["at"]["S"]))
                for item in reply.get("Items") or []
            ]
            if not reply.get("LastEvaluatedKey"):
                break
            request["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
        day += timedelta(days=1)
    return found


def put_topics(first: date, last: date, document: str) -> None:
    """Store one run's topics (a JSON document); a run for the same period replaces it."""
    client("dynamodb").put_item(
        TableName=_table(),
        Item={
            "pk": {"S": TOPICS_PK},
            "sk": {"S": f"{last.isoformat()}#{first.isoformat()}"},
            "document": {"S": document},
            "at": {"S": clock.now_iso()},
            "expiresAt": {"N": str(int((clock.now() + TOPICS_TTL).timestamp()))},
        },
    )


def latest_topics(first: date, last: date) -> str | None:
    """The document of the latest run whose period ends `first`..`last` (one Query)."""
    reply = client("dynamodb").query(
        TableName=_table(),
        KeyConditionExpression="pk = :pk AND sk BETWEEN :low AND :high",
        ExpressionAttributeValues={
            ":pk": {"S": TOPICS_PK},
            ":low": {"S": first.isoformat()},
            ":high": {"S": last.isoformat() + "~"},
        },
        ScanIndexForward=False,
        Limit=1,
    )
    items = reply.get("Items") or []
    return str(items[0]["document"]["S"]) if items else None
