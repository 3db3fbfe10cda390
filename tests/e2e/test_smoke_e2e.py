"""`make smoke` against the local stack: the post-deploy check an operator runs passes here
first, through the same HTTP a deployed stack answers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from infra.smoke import Smoke
from infra.template import ROOT
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e


def test_the_smoke_check_passes_against_the_local_stack(local_stack: LocalStackProcess) -> None:
    lines: list[str] = []
    passed = Smoke(local_stack.base_url, "dev", local_stack.token("cus_smoke"), out=lines.append).run()
    assert "a sandbox order is placed" in passed
    assert "the sandbox order is cancelled again" in passed
    assert "the payment webhook refuses an unsigned event (its secret is readable)" in passed
    assert all(line.startswith("ok") for line in lines)


def test_the_smoke_check_never_writes_to_production(local_stack: LocalStackProcess) -> None:
    passed = Smoke(
        local_stack.base_url, "prod", local_stack.token("cus_smoke_prod"), out=lambda _: None
    ).run()
    assert "GET /v1/orders" in passed
    assert not any("order is placed" in check for check in passed)
    orders = local_stack.get("/v1/orders", as_=("cus_smoke_prod", "customer")).json()["items"]
    assert orders == []


def test_make_smoke_runs_the_module_and_fails_loudly_on_a_wrong_answer(
    local_stack: LocalStackProcess,
) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "infra.smoke", "--base-url", local_stack.base_url],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "smoke passed" in ok.stdout
    wrong = subprocess.run(
        [sys.executable, "-m", "infra.smoke", "--base-url", local_stack.base_url + "/nothing-here"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert wrong.returncode == 1
    assert "FAIL" in wrong.stderr
