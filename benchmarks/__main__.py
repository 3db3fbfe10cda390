"""`make bench` (`python -m benchmarks`): every figure in one run, written to benchmarks/RESULTS.md.

1. cold start per function beside the boto3 floor      (benchmarks/cold_start.py)
2. warm overhead per API operation beside its floor     (benchmarks/latency.py)
3. DynamoDB cost per operation and the monthly bill     (benchmarks/cost.py)
4. courier events per second per consumer (logistics')  (benchmarks/tracking_throughput.py)
   and a bounded locust load test on the local stack    (benchmarks/load.py)
5. ticket triage: model load and inference per ticket   (benchmarks/triage.py)
6. the delay of one eventual effect on the local stack  (benchmarks/event_delay.py)
   (order cancelled → refund started, through the bus)

Each part runs in its own interpreter (they start their own local AWS endpoints), one after
the other, so the ratios of a part come from one run on an otherwise idle benchmark.

    python -m benchmarks [--quick]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SNAPSTART = ROOT / "benchmarks" / "snapstart.md"


def _shell(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine() -> str:
    memory = _shell(["free", "-m"]).splitlines()
    total = memory[1].split()[1] if len(memory) > 1 else "?"
    return (
        f"{_shell(['nproc'])} cores, {total} MiB memory; `{_shell(['uname', '-srm'])}`; "
        f"Python {platform.python_version()}; load average before the run: {_shell(['cat', '/proc/loadavg'])}"
    )


def part(module: str, *arguments: str) -> tuple[str, Any, float]:
    """Run `python -m benchmarks.<module>`: its markdown report, its JSON figures, seconds."""
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "figures.json"
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{module}", *arguments, "--json-out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        took = time.monotonic() - started
        print(f"  {module}: {took:.0f} s (exit {done.returncode})", file=sys.stderr)
        if not out.exists():  # a part that misses its target still reports its figures
            return f"**failed** (exit {done.returncode}):\n\n```\n{done.stderr[-3000:]}\n```", None, took
        return done.stdout.strip(), json.loads(out.read_text()), took


def _yes(ok: bool) -> str:
    return "met" if ok else "**not met**"


def headline(cold: Any, warm: Any, cost: Any, tracking: Any, load: Any) -> list[str]:
    rows = ["| figure | measured | floor / reference | target | |", "|---|---|---|---|---|"]
    if cold:
        worst = max(cold["results"], key=lambda r: r["ratio"])
        meeting = sum(r["meets"] for r in cold["results"])
        rows.append(
            f"| cold start (import + app build, median) | worst {worst['median_ms']:.0f} ms = "
            f"{worst['ratio']:.2f}x ({worst['name'].split(' ')[0]}); {meeting}/{len(cold['results'])} "
            f"functions within target | boto3 alone {cold['floor_ms']:.0f} ms | <= 1.5x | "
            f"{_yes(meeting == len(cold['results']))} |"
        )
    if warm:
        for kind in ("read", "write"):
            mine = [m for m in warm if m["kind"] == kind and m["requests"] > 0]
            worst = max(mine, key=lambda m: m["ratio"])
            meeting = sum(m["meets"] for m in mine)
            rows.append(
                f"| warm p50, {kind}s ({len(mine)} operations) | worst {worst['ratio']:.2f}x "
                f"({worst['operation']}: "
                f"{worst['p50_ms']:.1f} ms); {meeting}/{len(mine)} within target | its own AWS requests "
                f"timed in the boto3 client | <= 1.3x | {_yes(meeting == len(mine))} |"
            )
    if cost:
        checks = cost["checks"]
        bill = cost["bill"]
        rows.append(
            f"| monthly bill, 1 M orders (workload in section 3) | ${bill['total']:,.0f} "
            f"(${bill['total'] / 1000:.3f} per 1000 orders) | AWS list prices, us-east-1 | — | |"
        )
        rows.append(
            f"| Scan requests (whole benchmark) | {checks['scans']} | | 0 | {_yes(checks['scans'] == 0)} |"
        )
        from benchmarks.cost import SINGLE_ITEM_READS

        single = {r: n for r, n in checks["single_item_reads"].items() if n is not None}
        within = all(n <= SINGLE_ITEM_READS[r] for r, n in single.items())
        others = [n for r, n in single.items() if SINGLE_ITEM_READS[r] == 1]
        rows.append(
            f"| requests per single-item read | max {max(others, default=0)}; a ticket "
            f"{single.get('GET /v1/tickets/{ticketId}', '-')} (its item, then its latest messages) | "
            f"| 1 (a ticket: 2) | {_yes(within)} |"
        )
        writes = {r: n for r, n in checks["transition_writes"].items() if n is not None}
        ones = sum(1 for n in writes.values() if n == 1)
        rows.append(
            f"| writes per state-changing request | {ones}/{len(writes)} make one write; "
            f"max {max(writes.values())} "
            f"| | 1 | {_yes(ones == len(writes))} |"
        )
    if tracking:
        rows.append(
            f"| courier events per second, one consumer | {tracking['consumer']:.0f}/s = "
            f"{tracking['ratio']:.2f}x floor | plain PutItem {tracking['floor']:.0f}/s | "
            f">= {tracking['target']}x | "
            f"{_yes(tracking['ratio'] >= tracking['target'])} |"
        )
    if load:
        total = next(r for r in load if r["name"] == "all calls")
        rows.append(
            f"| load test (locust) | {total['requests']} requests, {total['rps']:.1f}/s, "
            f"{total['failures']} errors; "
            f"p50 {total['p50']:.0f} ms, p95 {total['p95']:.0f} ms, p99 {total['p99']:.0f} ms | | 0 errors | "
            f"{_yes(total['failures'] == 0)} |"
        )
    return rows


def _paragraph(text: str | None, index: int) -> str:
    return " ".join((text or "").strip().split("\n\n")[index].split())


def main() -> None:
    from benchmarks.event_delay import __doc__ as event_delay_doc
    from benchmarks.latency import __doc__ as latency_doc

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and samples (a smoke test)")
    args = parser.parse_args()
    started = datetime.now(UTC)
    about = machine()
    print("benchmarks: every part in its own interpreter, one after the other", file=sys.stderr)
    cold_text, cold, cold_s = part("cold_start", "--runs", "3" if args.quick else "10")
    warm_text, warm, warm_s = part("latency", "--iterations", "8" if args.quick else "40")
    cost_text, cost, cost_s = part("cost", "--orders", "4" if args.quick else "12")
    tracking_text, tracking, _ = part("tracking_throughput", *(["--shipments", "50"] if args.quick else []))
    load_text, load, load_s = part(
        "load", "--users", "10", "--spawn-rate", "5", "--seconds", "10" if args.quick else "30"
    )
    triage_text, _, triage_s = part("triage", "--runs", "3" if args.quick else "10")
    delay_text, _, delay_s = part("event_delay", "--orders", "3" if args.quick else "10")

    lines = [
        "# Benchmark results",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `make bench` (`python -m benchmarks`"
        f"{' --quick' if args.quick else ''}), in {(datetime.now(UTC) - started).seconds // 60} min.",
        f"Machine: {about}.",
        "Everything runs on loopback against moto's server (the local AWS endpoint), so absolute times "
        "are this machine's and moto's; each figure is therefore given as a ratio to a floor measured in the "
        "same run. Shared machine: other work may have been running; ratios are what to compare.",
        "",
        "## Headline",
        "",
        *headline(cold, warm, cost, tracking, load),
        "",
        "Reliability (run by `make test`, `tests/reliability/`): schemathesis contract test of every "
        "operation of the OpenAPI document on the local stack; an authorization sweep generated from "
        "template.yaml "
        "(401 without a token, 403 for customers on staff routes, 404 for another customer's resources); "
        "concurrency storms in parallel Lambda environments; DynamoDB throttling and server errors, payment "
        "provider outages and a consumer crash mid-batch injected. The Scan guard in tests/conftest.py fails "
        "any test whose application code issues a Scan.",
        "",
        f"## 1. Cold start ({cold_s:.0f} s)",
        "",
        "Import of each function's handler module (which builds its app: resolver, routes, pydantic models, "
        "Logger/Tracer/Metrics) in a fresh interpreter, median of the runs, beside the floor: a fresh "
        "interpreter importing only boto3, measured in the same run. Target: <= 1.5x.",
        "",
        cold_text,
        "",
        SNAPSTART.read_text(encoding="utf-8").rstrip(),  # the trade-off beside the figure (static)
        "",
        f"## 2. Warm overhead per API operation ({warm_s:.0f} s)",
        "",
        _paragraph(latency_doc, 1),
        "",
        warm_text,
        "",
        "An operation without AWS requests (FAQ search) has no floor: its whole time is shown.",
        "",
        f"## 3. Cost per operation and the monthly bill ({cost_s:.0f} s)",
        "",
        cost_text,
        "",
        "## 4. Throughput",
        "",
        "Courier events per second, one consumer (`benchmarks/tracking_throughput.py`, by logistics):",
        "",
        f"```\n{tracking_text}\n```" if tracking else tracking_text,
        "",
        f"Load test with locust ({load_s:.0f} s), `benchmarks/load.py` and `benchmarks/locustfile.py`: "
        "the local stack started as the end-to-end tests start it, the app's mix (place order, list/get "
        "orders, tracking, tickets, FAQ), headless and bounded, loopback only. All in one process on this "
        "machine, so the "
        "latencies are the local stack's, not Lambda's.",
        "",
        load_text,
        "",
        f"## 5. Ticket triage ({triage_s:.0f} s)",
        "",
        "`benchmarks/triage.py`: what loading the triage model (weights, gazetteers, character table, "
        "urgency rules) adds to the tickets function's cold start, fresh interpreters, beside the floor; "
        "and `classify` per ticket, warm, on every held-out message and on 2,000-character ones.",
        "",
        triage_text,
        "",
        f"## 6. Domain events: the delay of an eventual effect ({delay_s:.0f} s)",
        "",
        _paragraph(event_delay_doc, 0),
        "",
        delay_text,
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
