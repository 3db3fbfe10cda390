"""Triage speed: inference time per ticket, and what loading the model adds to the tickets
function's cold start, beside the floor (a fresh interpreter importing boto3).

- load: fresh interpreters, median of N: the triage imported, its weights, gazetteers and
  character table loaded and one ticket classified, minus the same interpreter importing
  only what the tickets function imports anyway before it triages (the ticket rules). The
  model is read on the first ticket an execution environment triages (`@cache`), so this
  is the time the first intake after a cold start pays. Target: <= 30 ms.
- inference: `classify` on every message of both held-out sets and on long messages (2,000
  characters, the API's maximum), warm, timed one by one; p50 and p99. Target: p99 <= 2 ms.

    python -m benchmarks.triage [--runs 10] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from benchmarks.cold_start import _environment, _median

ROOT = Path(__file__).resolve().parent.parent
LOAD_TARGET_MS = 30.0
P99_TARGET_MS = 2.0

_BEFORE = "import aftercare.tickets.rules"
_LOADED = (
    "import aftercare.tickets.rules; from aftercare.tickets.triage import classify; "
    "classify('快递', 'where is my parcel? 我的快递到哪了')"
)


def load_cost(runs: int) -> dict[str, float]:
    env = _environment()
    floor = _median("import boto3", env, runs)
    before = _median(_BEFORE, env, runs)
    loaded = _median(_LOADED, env, runs)
    return {"floor_ms": floor, "before_ms": before, "loaded_ms": loaded, "added_ms": loaded - before}


def _messages() -> list[tuple[str, str, str | None]]:
    sys.path[:0] = [str(ROOT), str(ROOT / "shared")]
    from ml.triage.evaluate import SETS, read

    found = [(e["subject"], e["message"], e.get("channel")) for path in SETS.values() for e in read(path)]
    long = "我上个月买的扫地机器人用了两周就坏了，" * 60 + " it keeps beeping and the app says error 5 " * 20
    found += [("售后", long[:2000], "app"), ("Help", ("my parcel is late and " * 100)[:2000], "email")] * 50
    return found


def inference(rounds: int = 2) -> dict[str, float]:
    from aftercare.tickets.triage import TriageContext, classify

    messages = _messages()
    classify("warm", "up")
    timings = []
    for _ in range(rounds):
        for subject, message, channel in messages:
            started = time.perf_counter()
            classify(subject, message, TriageContext(channel=channel))
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "n": len(timings),
        "p50_ms": statistics.median(timings),
        "p99_ms": timings[int(len(timings) * 0.99) - 1],
        "max_ms": timings[-1],
    }


def report(load: dict[str, float], speed: dict[str, float]) -> str:
    added = load["added_ms"]
    return "\n".join(
        [
            "| figure | measured | floor / reference | target | |",
            "|---|---|---|---|---|",
            f"| model load, added to the tickets function's cold start (median) | {added:.1f} ms "
            f"({added / load['floor_ms']:.2f}x the floor) | boto3 alone {load['floor_ms']:.0f} ms; "
            f"ticket rules alone {load['before_ms']:.0f} ms, "
            f"with the triage loaded {load['loaded_ms']:.0f} ms "
            f"| <= {LOAD_TARGET_MS:.0f} ms | {'met' if added <= LOAD_TARGET_MS else '**not met**'} |",
            f"| inference per ticket ({speed['n']} classifications) | p50 {speed['p50_ms']:.2f} ms, "
            f"p99 {speed['p99_ms']:.2f} ms, max {speed['max_ms']:.1f} ms | | p99 <= {P99_TARGET_MS:.0f} ms | "
            f"{'met' if speed['p99_ms'] <= P99_TARGET_MS else '**not met**'} |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    load = load_cost(args.runs)
    speed = inference()
    print(report(load, speed))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"load": load, "inference": speed}))


if __name__ == "__main__":
    main()
