"""The one step of the upgrade to the domain events (issue 18) that touches data: cases stored
before it may still wait on a `handoff` attribute (REFUND: a refund to request or start;
TICKET: a dispute ticket to open) that the deadline job used to retry and nothing retries now.

    AWS_REGION=eu-west-1 python -m infra.release_handoffs --table aftercare-prod-Cases [--dry-run]

Run it once after the deploy (again at any time: a second run finds nothing). For each such
case it removes the attribute; the Cases table's stream then publishes CaseRefundRequested or
CaseDisputed for it (aftersales/publisher.py), and refunds and tickets react as they do for
any case, once per case. It prints one line per case and the count.

It reads the table with a Scan, which the service itself never does: this is an operator's
one-off, outside the layer, and the attribute it looks for is no longer in the model.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import boto3

HANDOFF = "handoff"
NAMES = {"#h": HANDOFF}


def waiting(dynamodb: Any, table: str) -> list[tuple[str, str]]:
    """(case id, hand-off kind) of every case still carrying the old attribute."""
    found: list[tuple[str, str]] = []
    pages = dynamodb.get_paginator("scan").paginate(
        TableName=table,
        FilterExpression="attribute_exists(#h)",
        ProjectionExpression="pk, #h",
        ExpressionAttributeNames=NAMES,
    )
    for page in pages:
        found.extend((item["pk"]["S"], item[HANDOFF]["S"]) for item in page.get("Items", []))
    return sorted(found)


def release(dynamodb: Any, table: str, case_id: str) -> bool:
    """Remove the case's old hand-off (False: it had none any more, e.g. a run racing this)."""
    try:
        dynamodb.update_item(
            TableName=table,
            Key={"pk": {"S": case_id}},
            UpdateExpression="REMOVE #h",
            ConditionExpression="attribute_exists(#h)",
            ExpressionAttributeNames=NAMES,
        )
    except dynamodb.exceptions.ConditionalCheckFailedException:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infra.release_handoffs", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--table", required=True, help="the Cases table's name (the stack's CasesTable)")
    parser.add_argument("--dry-run", action="store_true", help="list the cases, change nothing")
    args = parser.parse_args(argv)
    dynamodb = boto3.client("dynamodb")
    cases = waiting(dynamodb, args.table)
    released = 0
    for case_id, kind in cases:
        if args.dry_run:
            print(f"{case_id}: waits on {kind}")
            continue
        done = release(dynamodb, args.table, case_id)
        released += done
        print(f"{case_id}: {kind} " + ("released" if done else "already released"))
    if args.dry_run:
        print(f"{len(cases)} case(s) waiting on an old hand-off; none changed (dry run)")
    else:
        print(f"{len(cases)} case(s) waiting on an old hand-off; {released} released")
    return 0


if __name__ == "__main__":
    sys.exit(main())
