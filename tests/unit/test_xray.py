"""The X-Ray SDK's sampling client is made on first use, and tracing still works."""

from __future__ import annotations

import aftercare.observability  # noqa: F401 - installs the deferral before the SDK loads
from aftercare.xray import _DeferredClient


def test_the_sampling_connector_holds_a_deferred_client() -> None:
    import aws_xray_sdk.core as xray  # after observability, as in every handler

    connector = xray.xray_recorder.sampler._connector
    assert isinstance(connector._xray_client, _DeferredClient)
    assert connector._xray_client._client is None


def test_the_deferred_client_is_created_once_on_first_use() -> None:
    made: list[int] = []

    class Client:
        def get_sampling_rules(self) -> str:
            return "rules"

    def create() -> Client:
        made.append(1)
        return Client()

    deferred = _DeferredClient(create)
    assert made == []
    assert deferred.get_sampling_rules() == "rules"
    assert deferred.get_sampling_rules() == "rules"
    assert made == [1]
