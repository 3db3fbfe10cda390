"""Answers with the event it received; `?reply=binary` answers bytes with a cookie."""

from __future__ import annotations

import base64
import json
from typing import Any


def handler(event: dict[str, Any], context: Any) -> Any:
    query = event.get("queryStringParameters") or {}
    if query.get("reply") == "binary":
        return {
            "statusCode": 202,
            "headers": {"content-type": "image/png", "x-echo": "yes"},
            "cookies": ["session=abc; HttpOnly", "theme=dark"],
            "body": base64.b64encode(b"\x89PNG\x00\x01").decode(),
            "isBase64Encoded": True,
        }
    if query.get("reply") == "plain":
        return {"echo": True}
    if query.get("reply") == "crash":
        raise RuntimeError("boom")
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(event)}
