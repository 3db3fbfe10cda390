"""Exports staff corrections of the triage as labelled examples for retraining:
`make export-triage-corrections` writes ml/triage/corpus/corrections.jsonl, which
`make train-triage` then trains on beside the generated corpus (train.py).

It reads the Tickets table's sparse byTriageCorrection index through the tickets store
(`corrections.triage_examples`), by default on the local stack's AWS endpoint (`make dev`);
`--endpoint-url ''` and `--table` point it at a deployed table with the caller's own AWS
credentials. Examples already exported are kept and updated (a ticket corrected again
carries its latest labels), so running it twice adds nothing twice.

    python -m ml.triage.export_corrections [--endpoint-url URL] [--table NAME] [--since ISO]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "ml" / "triage" / "corpus" / "corrections.jsonl"
LOCAL_ENDPOINT = "http://127.0.0.1:4566"
LOCAL_TABLE = "aftercare-local-TicketsTable"


def merge(existing: list[dict[str, Any]], exported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One example per ticket, the latest export winning, in correction order."""
    by_id = {example["id"]: example for example in existing}
    by_id.update({example["id"]: example for example in exported})
    return sorted(by_id.values(), key=lambda example: (example.get("correctedAt", ""), example["id"]))


def write(examples: list[dict[str, Any]], path: Path = OUT) -> None:
    lines = [json.dumps(example, ensure_ascii=False, sort_keys=True) for example in examples]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read(path: Path = OUT) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint-url", default=LOCAL_ENDPOINT, help="'' for AWS itself")
    parser.add_argument("--table", default=LOCAL_TABLE)
    parser.add_argument("--since", default=None, help="only corrections at or after this ISO time")
    parser.add_argument("--out", type=Path, default=OUT)
    arguments = parser.parse_args()
    os.environ["TICKETS_TABLE"] = arguments.table
    if arguments.endpoint_url:
        from infra.local.aws_endpoint import client_environment

        os.environ.update(client_environment(arguments.endpoint_url))
    sys.path.insert(0, str(ROOT / "shared"))
    from aftercare.tickets import corrections

    exported = corrections.triage_examples(arguments.since)
    merged = merge(read(arguments.out), exported)
    write(merged, arguments.out)
    print(f"{len(exported)} corrections exported, {len(merged)} in {arguments.out}")


if __name__ == "__main__":
    main()
