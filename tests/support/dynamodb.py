"""The DynamoDB requests application code makes, counted where every botocore client makes
them (boto3's clients and pynamodb's alike), so a test can say how many writes a request
took, as the cost benchmark does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

WRITES = frozenset({"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"})


@dataclass(frozen=True)
class Request:
    operation: str
    tables: tuple[str, ...]  # a transaction's tables in the order of its items
    failed: bool


@dataclass
class Requests:
    seen: list[Request] = field(default_factory=list)

    @property
    def writes(self) -> list[Request]:
        return [request for request in self.seen if request.operation in WRITES]

    def clear(self) -> None:
        self.seen.clear()


def _tables(params: dict[str, Any]) -> tuple[str, ...]:
    if "TransactItems" in params:
        return tuple(next(iter(item.values()))["TableName"] for item in params["TransactItems"])
    if "RequestItems" in params:
        return tuple(params["RequestItems"])
    return (params.get("TableName", "?"),)


@contextmanager
def recording() -> Iterator[Requests]:
    """Record every DynamoDB request made inside the block, whether it succeeded or not."""
    from botocore.client import BaseClient

    found = Requests()
    lock = threading.Lock()
    original = BaseClient._make_api_call

    def recorded(self: Any, operation_name: str, api_params: Any) -> Any:
        if self.meta.service_model.service_name != "dynamodb":
            return original(self, operation_name, api_params)
        failed = True
        try:
            result = original(self, operation_name, api_params)
            failed = False
            return result
        finally:
            with lock:
                found.seen.append(Request(operation_name, _tables(api_params), failed))

    BaseClient._make_api_call = recorded  # type: ignore[method-assign]
    try:
        yield found
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]


@contextmanager
def transactions_without_table_backups() -> Iterator[None]:
    """moto backs up every table a transaction touches (a deep copy of the whole table, its
    stream included) before applying it, so N transactions on one table cost O(N²) in the
    simulator; DynamoDB has no such cost. Inside this block moto skips that backup, which
    it needs only to roll back a refused transaction: the block fails on the first refused
    one instead (its rollback would be wrong), so use it only where none is expected."""
    import copy

    from moto.dynamodb import models

    class NoTableBackups:
        def __getattr__(self, name: str) -> Any:
            return getattr(copy, name)

        @staticmethod
        def deepcopy(value: Any, memo: Any = None) -> Any:
            return value if isinstance(value, models.Table) else copy.deepcopy(value, memo)

    backend_write = models.DynamoDBBackend.transact_write_items

    def refused_fails_the_block(self: Any, transact_items: Any) -> None:
        try:
            backend_write(self, transact_items)
        except Exception as error:
            raise AssertionError(
                f"a transaction was refused without a backup to roll back to: {error}"
            ) from error

    models.copy = NoTableBackups()  # type: ignore[assignment]
    models.DynamoDBBackend.transact_write_items = refused_fails_the_block  # type: ignore[method-assign]
    try:
        yield
    finally:
        models.copy = copy
        models.DynamoDBBackend.transact_write_items = backend_write  # type: ignore[method-assign]
