"""`local_stack`: the whole backend started once per test session (per xdist worker) as
`python -m infra.local` on free ports, driven over real HTTP.

    def test_something(local_stack: LocalStackProcess) -> None:
        alice = local_stack.as_customer("cus_alice")
        reply = local_stack.post("/v1/orders", as_=alice, json_body={...})
        local_stack.webhook("/v1/payments/events", {...})   # signed as the provider signs
        local_stack.advance(48 * 3600)                      # local clock, schedules, settle
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.client import LocalClient
from infra.template import ROOT

WEBHOOK_SECRET = "e2e-webhook-secret-0123456789abcdef"
JWT_SECRET = "e2e-jwt-secret-0123456789abcdef0123456789"
STARTUP_SECONDS = 60
# Template parameters for the e2e stack (`--parameter-overrides`), e.g. shorter timers than
# production's so a workflow's timeout is reached within a test. One place, every domain.
# Timers shortened so workflows that wait for people or providers finish within a test.
PARAMETER_OVERRIDES: dict[str, str] = {
    "RefundApprovalTimeoutSeconds": "12",
    "RefundProviderPollSeconds": "1",
    # A pending pay-out is polled after 1, 2, 2, 2 s, then handed to people (issue 14).
    "RefundProviderMaxPolls": "4",
    "RefundProviderMaxPollSeconds": "2",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalStackProcess(LocalClient):
    """The running stack: `LocalClient` (token, request/get/post, webhook, advance,
    run_schedule) plus where it runs and its log."""

    def __init__(self, base_url: str, aws_url: str, log_path: Path) -> None:
        super().__init__(base_url, WEBHOOK_SECRET)
        self.aws_url = aws_url
        self.log_path = log_path
        self.jwt_secret = JWT_SECRET

    @staticmethod
    def as_customer(sub: str = "cus_alice") -> tuple[str, str]:
        return (sub, "customer")

    @staticmethod
    def as_staff(*roles: str, sub: str = "staff_sam") -> tuple[str, str]:
        return (sub, ",".join(roles) or "agent")

    def aws(self, service: str) -> Any:
        """A boto3 client for the stack's AWS endpoint (to look at queues, tables, executions)."""
        import boto3

        return boto3.client(  # type: ignore[call-overload]
            service,
            endpoint_url=self.aws_url,
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )

    def log_tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the local stack exited ({process.returncode}):\n{log_path.read_text()[-4000:]}"
            )
        try:
            if requests.get(f"{base_url}/_local/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"the local stack was not ready in {STARTUP_SECONDS}s:\n{log_path.read_text()[-4000:]}"
    )


@contextmanager
def started_stack(log_dir: Path, *arguments: str) -> Iterator[LocalStackProcess]:
    """`python -m infra.local [arguments]` on free ports, ready to serve, stopped (SIGINT) on exit."""
    port, aws_port = free_port(), free_port()
    log_path = log_dir / "stack.log"
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "POWERTOOLS_", "MOTO_"))
        and key not in {"PORT", "PYTEST_XDIST_WORKER", "PAYMENT_PROVIDER"}
    }
    environment.update(
        AFTERCARE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        AFTERCARE_LOCAL_JWT_SECRET=JWT_SECRET,
        PYTHONUNBUFFERED="1",
    )
    # The tests wait for every eventual effect; the template's batching windows (up to 5 s)
    # would pace the suite, not test anything: batches gather for at most 0.2 s here.
    environment.setdefault("AFTERCARE_LOCAL_MAX_BATCHING_WINDOW", "0.2")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "infra.local",
                "--port",
                str(port),
                "--aws-port",
                str(aws_port),
                "--parameter-overrides",
                *(f"{name}={value}" for name, value in PARAMETER_OVERRIDES.items()),
                *arguments,
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(process, base_url, log_path)
        yield LocalStackProcess(base_url, f"http://127.0.0.1:{aws_port}", log_path)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    # Every function ran under its own role from the template (infra/local/iam.py): a request
    # outside its policy fails here even when the code swallowed the error.
    found = re.findall(
        r"(aftercare-local-\w+) is not authorized to perform: (\S+) on resource: (\S+)",
        log_path.read_text(errors="replace"),
    )
    denials = sorted({" ".join(denial) for denial in found})
    assert not denials, "requests outside a function's policy:\n" + "\n".join(denials)


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    with started_stack(tmp_path_factory.mktemp("local-stack")) as stack:
        yield stack


@pytest.fixture(scope="session")
def stripe_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    """The stack paying refunds through the Stripe SDK against its local fake (issue 14)."""
    with started_stack(tmp_path_factory.mktemp("stripe-stack"), "--payment-provider", "stripe") as stack:
        yield stack


@pytest.fixture(scope="session")
def alipay_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    """The stack paying refunds through the Alipay SDK against its local fake (issue 14)."""
    with started_stack(tmp_path_factory.mktemp("alipay-stack"), "--payment-provider", "alipay") as stack:
        yield stack


@pytest.fixture
def fresh_stack(tmp_path: Path) -> Iterator[LocalStackProcess]:
    """A stack of its own, just started: no function has served a request yet."""
    with started_stack(tmp_path) as stack:
        yield stack
