"""The environment every in-process test runs in: the template's own function environment
(table names, queue URLs) with local secrets, set before any aftercare module is imported."""

from __future__ import annotations

import os

from infra.local.provision import function_environment
from infra.template import Stack

WEBHOOK_SECRET = "test-webhook-secret-0123456789"
CURSOR_SECRET = "test-cursor-secret-0123456789"
PARAMETERS = {"Stage": "dev", "WebhookSecret": WEBHOOK_SECRET, "CursorSecret": CURSOR_SECRET}


def new_stack() -> Stack:
    return Stack(parameters=PARAMETERS)


def install() -> None:
    os.environ.update(
        {
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SESSION_TOKEN": "testing",
            "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_METRICS_DISABLED": "false",
            "POWERTOOLS_LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("AWS_ENDPOINT_URL", None)
    os.environ.pop("AWS_PROFILE", None)
    os.environ.update(in_process_environment(new_stack()))


def in_process_environment(stack: Stack) -> dict[str, str]:
    """The functions' environment for handlers imported by a test. In-process tests have no
    secret store outside the `aws` fixture: they get the secrets' values directly
    (aftercare.secrets falls back to them). The store itself is exercised by
    tests/integration/infra/test_secrets.py and by every e2e test."""
    environment = function_environment(stack)
    for name in [key for key in environment if key.endswith("_SECRET_ID")]:
        del environment[name]
        os.environ.pop(name, None)
    environment.update({"WEBHOOK_SECRET": WEBHOOK_SECRET, "CURSOR_SECRET": CURSOR_SECRET})
    return environment
