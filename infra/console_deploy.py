"""`python -m infra.console_deploy --stack-name aftercare-prod`: publish the service desk console.

After `sam deploy`, the stack's outputs name the console bucket, its CloudFront distribution,
the HTTP API, the hosted UI and the console's user pool client. This uploads console/ under
`console/` in the bucket with a config.json made from those outputs (the one file that
differs from the local stack's), then invalidates the distribution's cached copies.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infra.template import ROOT

CONSOLE_DIR = Path(ROOT) / "console"
PREFIX = "console/"
REQUIRED_OUTPUTS = ("ApiUrl", "ConsoleUrl", "ConsoleBucketName", "ConsoleDistributionId",
                    "ConsoleUserPoolClientId", "HostedUiUrl")  # fmt: skip
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
}
# File names carry no content hash, so browsers revalidate the page and its config and keep
# scripts and styles five minutes; each deploy invalidates CloudFront's copies.
NO_CACHE = "no-cache"
SHORT_CACHE = "public, max-age=300"


@dataclass(frozen=True)
class Asset:
    key: str
    body: bytes
    content_type: str
    cache_control: str


def stack_outputs(cloudformation: Any, stack_name: str) -> dict[str, str]:
    stacks = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}
    missing = [name for name in REQUIRED_OUTPUTS if name not in outputs]
    if missing:
        raise SystemExit(f"{stack_name} has no outputs {missing}: deploy template.yaml first (sam deploy)")
    return outputs


def console_config(outputs: dict[str, str]) -> dict[str, Any]:
    """The console's config.json on AWS: the API's URL and the hosted UI's PKCE parameters."""
    console_url = outputs["ConsoleUrl"]
    return {
        "apiBase": outputs["ApiUrl"].rstrip("/"),
        "auth": {
            "mode": "cognito",
            "domain": outputs["HostedUiUrl"].rstrip("/"),
            "clientId": outputs["ConsoleUserPoolClientId"],
            "redirectUri": console_url,
            "logoutUri": console_url,
            "scopes": ["openid", "email", "profile"],
        },
    }


def assets(root: Path, config: dict[str, Any]) -> Iterator[Asset]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if relative == "config.json" or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue  # config.json is this deployment's; dotfiles are nobody's
        kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        cache = NO_CACHE if path.suffix == ".html" else SHORT_CACHE
        yield Asset(PREFIX + relative, path.read_bytes(), kind, cache)
    body = json.dumps(config, indent=2).encode()
    yield Asset(PREFIX + "config.json", body, "application/json", NO_CACHE)


def upload(s3: Any, bucket: str, items: list[Asset]) -> list[str]:
    for item in items:
        s3.put_object(
            Bucket=bucket,
            Key=item.key,
            Body=item.body,
            ContentType=item.content_type,
            CacheControl=item.cache_control,
        )
    return [item.key for item in items]


def invalidate(cloudfront: Any, distribution_id: str, reference: str) -> str:
    batch = {"Paths": {"Quantity": 1, "Items": [f"/{PREFIX}*"]}, "CallerReference": reference}
    reply = cloudfront.create_invalidation(DistributionId=distribution_id, InvalidationBatch=batch)
    return str(reply["Invalidation"]["Id"])


def main(argv: list[str] | None = None) -> int:
    import boto3

    parser = argparse.ArgumentParser(
        prog="python -m infra.console_deploy", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--stack-name", required=True)
    parser.add_argument("--region", default=None)
    args = parser.parse_args(argv)
    session = boto3.session.Session(region_name=args.region)
    outputs = stack_outputs(session.client("cloudformation"), args.stack_name)
    items = list(assets(CONSOLE_DIR, console_config(outputs)))
    keys = upload(session.client("s3"), outputs["ConsoleBucketName"], items)
    invalidation = invalidate(
        session.client("cloudfront"), outputs["ConsoleDistributionId"], f"console-{time.time_ns()}"
    )
    sys.stdout.write(f"uploaded {len(keys)} files, invalidation {invalidation}: {outputs['ConsoleUrl']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
