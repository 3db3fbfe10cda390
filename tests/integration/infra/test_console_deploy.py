"""Publishing the console: the stack's outputs become config.json, console/ is uploaded under
console/ with its content types and cache headers, and CloudFront's copies are invalidated."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from infra.console_deploy import CONSOLE_DIR, assets, console_config, invalidate, stack_outputs, upload

OUTPUTS = {
    "ApiUrl": "https://abc123.execute-api.eu-west-1.amazonaws.com",
    "ConsoleUrl": "https://d111.cloudfront.net/console/",
    "ConsoleBucketName": "aftercare-prod-consolebucket-1",
    "ConsoleDistributionId": "E2EXAMPLE",
    "ConsoleUserPoolClientId": "5client",
    "HostedUiUrl": "https://aftercare-prod-123456789012.auth.eu-west-1.amazoncognito.com",
}


def test_the_config_names_the_api_and_the_hosted_ui_with_pkce_parameters() -> None:
    assert console_config(OUTPUTS) == {
        "apiBase": "https://abc123.execute-api.eu-west-1.amazonaws.com",
        "auth": {
            "mode": "cognito",
            "domain": "https://aftercare-prod-123456789012.auth.eu-west-1.amazoncognito.com",
            "clientId": "5client",
            "redirectUri": "https://d111.cloudfront.net/console/",
            "logoutUri": "https://d111.cloudfront.net/console/",
            "scopes": ["openid", "email", "profile"],
        },
    }


def test_the_outputs_come_from_the_stack_and_a_stack_without_them_is_refused() -> None:
    cloudformation = boto3.client("cloudformation", region_name="eu-west-1")
    with Stubber(cloudformation) as stub:
        listed = [{"OutputKey": k, "OutputValue": v} for k, v in OUTPUTS.items()]
        stub.add_response("describe_stacks", {"Stacks": [_stack(listed)]}, {"StackName": "aftercare-prod"})
        assert stack_outputs(cloudformation, "aftercare-prod") == OUTPUTS
        stub.add_response("describe_stacks", {"Stacks": [_stack(listed[:2])]}, {"StackName": "old"})
        with pytest.raises(SystemExit, match="ConsoleBucketName"):
            stack_outputs(cloudformation, "old")


def _stack(outputs: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "StackName": "s",
        "CreationTime": "2026-01-01T00:00:00Z",
        "StackStatus": "CREATE_COMPLETE",
        "Outputs": outputs,
    }


@pytest.fixture
def s3() -> Iterator[Any]:
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=OUTPUTS["ConsoleBucketName"])
        yield client


def test_every_console_file_and_the_config_land_under_console_with_their_types(
    s3: Any, tmp_path: Path
) -> None:
    (tmp_path / "config.json").write_text('{"auth": {"mode": "local"}}')  # a local copy is never shipped
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / "index.html").write_text("<!doctype html>")
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "main.js").write_text("export {};")
    keys = upload(s3, OUTPUTS["ConsoleBucketName"], list(assets(tmp_path, console_config(OUTPUTS))))
    assert keys == ["console/index.html", "console/js/main.js", "console/config.json"]

    def head(key: str) -> tuple[str, str]:
        found = s3.head_object(Bucket=OUTPUTS["ConsoleBucketName"], Key=key)
        return found["ContentType"], found["CacheControl"]

    assert head("console/index.html") == ("text/html; charset=utf-8", "no-cache")
    assert head("console/js/main.js") == ("text/javascript; charset=utf-8", "public, max-age=300")
    assert head("console/config.json") == ("application/json", "no-cache")
    body = s3.get_object(Bucket=OUTPUTS["ConsoleBucketName"], Key="console/config.json")["Body"].read()
    assert json.loads(body)["auth"]["mode"] == "cognito"


def test_the_real_console_folder_ships_its_page_scripts_and_styles() -> None:
    keys = {asset.key for asset in assets(CONSOLE_DIR, console_config(OUTPUTS))}
    assert {
        "console/index.html",
        "console/css/console.css",
        "console/js/main.js",
        "console/config.json",
    } <= keys
    assert all(key.startswith("console/") for key in keys)


def test_a_deploy_invalidates_the_distributions_copies_of_the_console() -> None:
    cloudfront = boto3.client("cloudfront", region_name="us-east-1")
    with Stubber(cloudfront) as stub:
        batch = {"Paths": {"Quantity": 1, "Items": ["/console/*"]}, "CallerReference": "console-1"}
        stub.add_response(
            "create_invalidation",
            {
                "Invalidation": {
                    "Id": "I1",
                    "Status": "InProgress",
                    "CreateTime": "2026-01-01T00:00:00Z",
                    "InvalidationBatch": batch,
                }
            },
            {"DistributionId": "E2EXAMPLE", "InvalidationBatch": batch},
        )
        assert invalidate(cloudfront, "E2EXAMPLE", "console-1") == "I1"
