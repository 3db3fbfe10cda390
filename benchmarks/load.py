"""A bounded load test with locust (headless) against the local stack's API on loopback: the
stack started as the end-to-end tests start it (`python -m infra.local` on free ports), the
app's mix of calls from `benchmarks/locustfile.py`, a fixed number of users for a fixed time.
Reports requests, errors (target 0) and latency percentiles per call.

    python -m benchmarks.load [--users 10] [--spawn-rate 5] [--seconds 30]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 60


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Row:
    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float
    rps: float


def _stack(log: Any) -> tuple[subprocess.Popen[bytes], str]:
    port, aws_port = _free_port(), _free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "POWERTOOLS_", "MOTO_"))}
    environment["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "infra.local",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--aws-port",
            str(aws_port),
            "--log-level",
            "INFO",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    import requests

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the local stack exited ({process.returncode})")
        try:
            if requests.get(f"{base_url}/_local/health", timeout=1).status_code == 200:
                return process, base_url
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("the local stack was not ready in 90 s")


def _wait_for_warm(log: Path, seconds: float = 120) -> None:
    """Every handler imported (the stack warms them in the background) before the clock starts."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if "functions imported" in log.read_text(errors="replace"):
            return
        time.sleep(0.5)


def run(users: int, spawn_rate: int, seconds: int) -> list[Row]:
    seconds = min(seconds, MAX_SECONDS)
    with tempfile.TemporaryDirectory() as work, open(Path(work) / "stack.log", "wb") as log:
        process, base_url = _stack(log)
        try:
            _wait_for_warm(Path(work) / "stack.log")
            prefix = str(Path(work) / "load")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(ROOT / "benchmarks" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(spawn_rate),
                    "--run-time",
                    f"{seconds}s",
                    "--host",
                    base_url,
                    "--csv",
                    prefix,
                    "--only-summary",
                    "--loglevel",
                    "ERROR",
                    "--stop-timeout",
                    "5",
                ],
                check=False,
                cwd=ROOT,
                capture_output=True,
                timeout=seconds + 60,
            )
            return _rows(Path(f"{prefix}_stats.csv"))
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _rows(path: Path) -> list[Row]:
    rows = []
    with path.open() as handle:
        for line in csv.DictReader(handle):
            if line["Name"].startswith("(setup)"):
                continue
            rows.append(
                Row(
                    name=line["Name"] if line["Name"] != "Aggregated" else "all calls",
                    requests=int(line["Request Count"]),
                    failures=int(line["Failure Count"]),
                    p50=float(line["50%"] or 0),
                    p95=float(line["95%"] or 0),
                    p99=float(line["99%"] or 0),
                    rps=float(line["Requests/s"] or 0),
                )
            )
    return rows


def report(rows: list[Row], users: int, spawn_rate: int, seconds: int) -> str:
    lines = [
        f"{users} users (spawn rate {spawn_rate}/s), {seconds} s, loopback; target: 0 errors",
        "",
        "| call | requests | errors | req/s | p50 | p95 | p99 |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.requests} | {row.failures} | {row.rps:.1f} | {row.p50:.0f} ms | "
            f"{row.p95:.0f} ms | {row.p99:.0f} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--spawn-rate", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    rows = run(args.users, args.spawn_rate, args.seconds)
    print(report(rows, args.users, args.spawn_rate, min(args.seconds, MAX_SECONDS)))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps([row.__dict__ for row in rows]))


if __name__ == "__main__":
    main()
