"""Keep the X-Ray SDK's import cheap without giving up tracing.

Importing the SDK builds a recorder whose centralized-sampling connector creates a
botocore X-Ray client on the spot (~200 ms: endpoint data and the X-Ray service model).
In Lambda that client is never used, since the function's facade segment makes the
sampling decision, so it is created on first use instead. Only the client's creation
moves; every segment, subsegment and annotation is recorded as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_CONNECTOR = "aws_xray_sdk.core.sampling.connector"


class _DeferredClient:
    def __init__(self, create: Callable[[], Any]) -> None:
        self._create = create
        self._client: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._client is None:
            self._client = self._create()
        return getattr(self._client, name)


def _defer(module: Any) -> None:
    connector = module.ServiceConnector
    create = connector._create_xray_client

    def deferred(self: Any, ip: str = "127.0.0.1", port: str = "2000") -> _DeferredClient:
        return _DeferredClient(lambda: create(self, ip, port))

    connector._create_xray_client = deferred


def defer_sampling_client() -> None:
    """Must run before the X-Ray SDK is first imported (observability does it)."""
    import sys

    if _CONNECTOR in sys.modules:
        return
    from wrapt.importer import when_imported

    when_imported(_CONNECTOR)(_defer)
