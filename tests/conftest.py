from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tests.support import environment

environment.install()

from moto import mock_aws  # noqa: E402

from aftercare import clock, idempotency  # noqa: E402
from aftercare.aws import reset_clients  # noqa: E402
from infra.local.provision import provision  # noqa: E402
from infra.template import Stack  # noqa: E402
from tests.support.api import Api  # noqa: E402

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def fixed_clock() -> Iterator[clock.FixedClock]:
    pinned = clock.FixedClock(START)
    clock.use(pinned)
    yield pinned
    clock.use(clock.SystemClock())


@pytest.fixture
def aws() -> Iterator[Stack]:
    """A moto account holding every data resource the template declares."""
    import boto3

    with mock_aws():
        reset_clients()
        idempotency.reset()
        stack = environment.new_stack()
        provision(stack, lambda service: boto3.client(service, region_name="us-east-1"))
        yield stack
    reset_clients()
    idempotency.reset()


@pytest.fixture
def api(aws: Stack) -> Api:
    return Api(aws)
