"""A LocalStack of tests/integration/infra/template.yaml, in this process, on a free port:
the event sources and state machines run against moto in server mode as in `make dev`."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from infra.local import batching
from infra.local.stack import LocalStack
from infra.template import Stack, load

TEMPLATE = Path(__file__).parent / "template.yaml"


@pytest.fixture(scope="module")
def local(request: pytest.FixtureRequest) -> Iterator[LocalStack]:
    """A module that only needs the effects of its batches may cap their windows
    (`MAX_BATCHING_WINDOW = "0.2"`, as the end-to-end stacks do); by default the template's."""
    from moto.awslambda_simple.models import LambdaSimpleBackend
    from moto.core.models import default_user_config as moto_config
    from moto.stepfunctions.parser.asl.component.state.wait.wait_function.wait_function import WaitFunction

    default_user_config = cast(dict[str, Any], moto_config)

    from aftercare import clock
    from aftercare.aws import reset_clients

    saved_environment = dict(os.environ)
    saved_config = copy.deepcopy(default_user_config)
    saved_invoke = LambdaSimpleBackend.invoke
    saved_wait = WaitFunction._wait_interval
    cap = getattr(request.module, "MAX_BATCHING_WINDOW", None)
    if cap is not None:
        os.environ[batching.CAP_VARIABLE] = cap
    stack = LocalStack(Stack(load(TEMPLATE), name="fragment"))
    stack.start()
    try:
        yield stack
    finally:
        stack.stop(reset=True)  # moto's backends are global to the process: leave nothing behind
        LambdaSimpleBackend.invoke = saved_invoke  # type: ignore[method-assign]
        WaitFunction._wait_interval = saved_wait  # type: ignore[method-assign]
        default_user_config.clear()
        default_user_config.update(saved_config)
        os.environ.clear()
        os.environ.update(saved_environment)
        clock.use(clock.SystemClock())
        reset_clients()
