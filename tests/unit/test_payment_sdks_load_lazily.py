"""The payment SDKs cost cold-start time only where their provider is chosen: importing
every handler on the sandbox loads neither Stripe's nor Alipay's SDK."""

from __future__ import annotations

import subprocess
import sys

from infra.template import ROOT


def test_no_handler_imports_a_provider_sdk_until_its_adapter_is_built() -> None:
    script = (
        "import importlib, sys\n"
        "from infra.local.functions import module_name\n"
        "from tests.support import environment\n"
        "environment.install()\n"
        "for spec in environment.new_stack().functions():\n"
        "    importlib.import_module(module_name(spec))\n"
        "loaded = sorted(m for m in ('stripe', 'alipay', 'Cryptodome') if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run(  # a fresh interpreter: this one may have imported them for other tests
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'shared'}", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ""
