"""What every table's store shares: conditional-write failures become 409s, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pynamodb.connection import Connection
from pynamodb.exceptions import PutError, TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from aftercare.errors import Conflict


def is_condition_failure(error: Exception) -> bool:
    code = getattr(error, "cause_response_code", None)
    return code in {"ConditionalCheckFailedException", "TransactionCanceledException"}


@contextmanager
def conflicts_as_409(detail: str) -> Iterator[None]:
    """A failed condition means someone else changed the item first: the caller gets 409."""
    try:
        yield
    except (UpdateError, PutError, TransactWriteError) as error:
        if is_condition_failure(error):
            raise Conflict(detail) from error
        raise


@contextmanager
def transaction(conflict_detail: str) -> Iterator[TransactWrite]:
    """One DynamoDB transaction across tables; each store adds its own part to it."""
    with conflicts_as_409(conflict_detail), TransactWrite(connection=Connection()) as tx:
        yield tx
