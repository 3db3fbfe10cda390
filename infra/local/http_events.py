"""API Gateway HTTP API payload 2.0: the event a function receives and the response it returns.

One builder serves the local gateway, the tests and the samples in `events/`, so all three
agree on the shape API Gateway sends.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

API_ID = "local"
TEXT_TYPES = ("text/", "application/json", "application/problem+json", "application/xml",
              "application/x-www-form-urlencoded", "application/javascript")  # fmt: skip


def is_text(content_type: str | None) -> bool:
    if not content_type:
        return True
    lowered = content_type.lower()
    return any(lowered.startswith(kind) for kind in TEXT_TYPES) or "+json" in lowered


def claim_value(value: Any) -> str:
    """HTTP API hands JWT claims to the function as strings; an array becomes `[a b]`."""
    if isinstance(value, list | tuple):
        return "[" + " ".join(str(item) for item in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def build_http_event(
    *,
    method: str,
    path: str,
    route_key: str,
    path_parameters: Mapping[str, str] | None = None,
    query_string: str = "",
    headers: Iterable[tuple[str, str]] = (),
    body: bytes | None = None,
    claims: Mapping[str, Any] | None = None,
    source_ip: str = "127.0.0.1",
    now: datetime | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    at = now or datetime.now(UTC)
    merged_headers: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in headers:
        key = name.lower()
        if key == "cookie":
            cookies.extend(part.strip() for part in value.split(";") if part.strip())
            continue
        merged_headers[key] = f"{merged_headers[key]},{value}" if key in merged_headers else value
    query: dict[str, str] = {}
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        query[key] = f"{query[key]},{value}" if key in query else value
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": query_string,
        "headers": merged_headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": API_ID,
            "domainName": merged_headers.get("host", "127.0.0.1"),
            "domainPrefix": merged_headers.get("host", "127.0.0.1").split(".")[0],
            "http": {
                "method": method.upper(),
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": merged_headers.get("user-agent", ""),
            },
            "requestId": request_id or str(uuid.uuid4()),
            "routeKey": route_key,
            "stage": "$default",
            "time": at.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(at.timestamp() * 1000),
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = query
    if path_parameters:
        event["pathParameters"] = dict(path_parameters)
    if claims is not None:
        event["requestContext"]["authorizer"] = {
            "jwt": {"claims": {key: claim_value(value) for key, value in claims.items()}, "scopes": None}
        }
    if body:
        if is_text(merged_headers.get("content-type")):
            event["body"] = body.decode("utf-8", errors="replace")
        else:
            event["body"] = base64.b64encode(body).decode()
            event["isBase64Encoded"] = True
    return event


def encode_query(params: Mapping[str, Any]) -> str:
    return urlencode({key: value for key, value in params.items() if value is not None})


def parse_http_response(result: Any) -> tuple[int, dict[str, str], list[str], bytes]:
    """Interpret a function's result as API Gateway does for payload 2.0: a dict with
    statusCode is a full response; anything else is a 200 JSON body."""
    if isinstance(result, dict) and "statusCode" in result:
        headers = {str(k): str(v) for k, v in (result.get("headers") or {}).items()}
        for key, values in (result.get("multiValueHeaders") or {}).items():
            headers[key] = ",".join(str(v) for v in values)
        raw = result.get("body") or ""
        body = base64.b64decode(raw) if result.get("isBase64Encoded") else str(raw).encode()
        return int(result["statusCode"]), headers, list(result.get("cookies") or []), body
    if isinstance(result, str):
        return 200, {"content-type": "application/json"}, [], result.encode()
    return 200, {"content-type": "application/json"}, [], json.dumps(result).encode()
