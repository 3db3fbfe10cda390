"""Cold start: the time to import each function's handler module (and so build its app)
in a fresh interpreter, median of N runs, beside the floor — a fresh interpreter that
imports only boto3 — measured in the same run. Target: every handler <= 1.5x the floor.

    python -m benchmarks.cold_start [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5

_PROBE = """
import os, sys, time
os.environ.update({env!r})
started = time.perf_counter()
{body}
print(time.perf_counter() - started)
"""


@dataclass
class Result:
    name: str
    median_ms: float
    ratio: float

    @property
    def meets(self) -> bool:
        return self.ratio <= TARGET


def _environment() -> dict[str, str]:
    sys.path[:0] = [str(ROOT), str(ROOT / "shared")]
    from infra.local.provision import function_environment
    from infra.template import Stack

    stack = Stack(parameters={"WebhookSecret": "x" * 16, "CursorSecret": "y" * 16, "Stage": "prod"})
    env = function_environment(stack)
    env.update({"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x",
                "SURVEY_LINK_SECRET": "z" * 16})  # fmt: skip
    return env


def _time(body: str, env: dict[str, str]) -> float:
    code = _PROBE.format(env=env, body=body)
    result = subprocess.run(
        [sys.executable, "-X", "frozen_modules=on", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'shared'}", "PYTHONDONTWRITEBYTECODE": "0"},
    )
    return float(result.stdout.strip().splitlines()[-1]) * 1000


def _median(body: str, env: dict[str, str], runs: int) -> float:
    _time(body, env)  # warm the bytecode cache, as a deployed package has it
    return statistics.median(_time(body, env) for _ in range(runs))


def handlers() -> list[tuple[str, str]]:
    from infra.local.functions import module_name
    from infra.template import Stack

    stack = Stack(parameters={"WebhookSecret": "x" * 16, "CursorSecret": "y" * 16})
    seen: dict[str, str] = {}
    for function in stack.functions():
        seen.setdefault(module_name(function), function.logical_id)
    return [(logical_id, module) for module, logical_id in seen.items()]


# What every HTTP handler needs before any of its own code, measured in layers in the same
# run: where the time goes that lazy imports cannot remove (validation and observability stay).
_SDK = "import botocore.session, botocore.client, pynamodb.models"
_PYDANTIC = f"{_SDK}; import pydantic"
_RESOLVER = (
    f"{_PYDANTIC}; from aws_lambda_powertools.event_handler import APIGatewayHttpResolver; "
    "APIGatewayHttpResolver(enable_validation=True)"
)
LAYERS = [
    ("botocore + pynamodb (the SDK a handler uses)", _SDK),
    ("+ pydantic", _PYDANTIC),
    ("+ Powertools HTTP resolver with request validation", _RESOLVER),
    ("+ Logger, Tracer, Metrics (aftercare.observability)", f"{_RESOLVER}; import aftercare.observability"),
]


def run(runs: int) -> tuple[float, list[Result]]:
    floor, results, _ = run_all(runs)
    return floor, results


def run_all(runs: int) -> tuple[float, list[Result], list[Result]]:
    env = _environment()
    floor = _median("import boto3", env, runs)
    results = []
    for logical_id, module in handlers():
        median = _median(f"import {module}", env, runs)
        results.append(Result(f"{logical_id} ({module})", median, median / floor))
    layers = []
    for name, body in LAYERS:
        median = _median(body, env, runs)
        layers.append(Result(name, median, median / floor))
    return floor, results, layers


def report(floor: float, results: list[Result], layers: list[Result] | None = None) -> str:
    lines = [
        f"floor (fresh interpreter importing boto3): {floor:.0f} ms; target <= {TARGET}x",
        "",
        "| function (module) | import + app build, median | x floor | meets |",
        "|---|---|---|---|",
    ]
    for result in sorted(results, key=lambda r: -r.ratio):
        meets = "yes" if result.meets else "NO"
        lines.append(f"| {result.name} | {result.median_ms:.0f} ms | {result.ratio:.2f} | {meets} |")
    if layers:
        lines += [
            "",
            "What an HTTP handler imports before any code of its own, in layers (same run):",
            "",
            "| layer (cumulative) | median | x floor |",
            "|---|---|---|",
        ]
        lines += [f"| {layer.name} | {layer.median_ms:.0f} ms | {layer.ratio:.2f} |" for layer in layers]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    floor, results, layers = run_all(args.runs)
    figures = {
        "floor_ms": floor,
        "results": [{**r.__dict__, "meets": r.meets} for r in results],
        "layers": [r.__dict__ for r in layers],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(report(floor, results, layers))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures))


if __name__ == "__main__":
    main()
