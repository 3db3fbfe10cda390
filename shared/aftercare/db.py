"""What every table's store shares: conditional-write failures become 409s, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from botocore.exceptions import ClientError
from pynamodb.attributes import MapAttribute, UnicodeAttribute
from pynamodb.connection import Connection
from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from aftercare.errors import Conflict


class TimelineAttribute(MapAttribute[str, Any]):
    """One entry of an entity's append-only timeline: `{at, from, to, actor, note}`."""

    at = UnicodeAttribute()
    from_status = UnicodeAttribute(attr_name="from", null=True)
    to = UnicodeAttribute()
    actor = UnicodeAttribute()
    note = UnicodeAttribute(null=True)


def is_condition_failure(error: Exception) -> bool:
    """Of pynamodb's errors, or of the low-level client's (a store's direct write)."""
    code = getattr(error, "cause_response_code", None)
    if code is None and isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code")
    return code in {"ConditionalCheckFailedException", "TransactionCanceledException"}


@contextmanager
def conflicts_as_409(detail: str) -> Iterator[None]:
    """A failed condition means someone else changed the item first: the caller gets 409."""
    try:
        yield
    except (UpdateError, PutError, TransactWriteError, ClientError) as error:
        if is_condition_failure(error):
            raise Conflict(detail) from error
        raise


@cache
def connection() -> Connection:
    """The pynamodb Connection for transactions, one per execution environment (as each Model
    keeps its own). Warm-path cost: a new Connection per transaction built a new botocore
    client every time, loading the service model and endpoint rules again (benchmarks/latency)."""
    return Connection()


@contextmanager
def transaction(conflict_detail: str) -> Iterator[TransactWrite]:
    """One DynamoDB transaction across tables; each store adds its own part to it."""
    with conflicts_as_409(conflict_detail), TransactWrite(connection=connection()) as tx:
        yield tx
