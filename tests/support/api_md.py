"""Reads the routes the project's API reference (docs/api.md) promises:
`| METHOD | /path · /sibling ... | ... |` table rows."""

from __future__ import annotations

import re

from infra.template import ROOT

API_MD = ROOT / "docs" / "api.md"
OPENAPI_JSON = ROOT / "docs" / "openapi.json"
_ROW = re.compile(r"^\|\s*(GET|POST|PATCH|PUT|DELETE)\s*\|\s*([^|]+)\|(.*)$")
_SUCCESS = re.compile(r"\|\s*(\d{3})\b[^|]*\|\s*$")


def operations(text: str | None = None) -> dict[tuple[str, str], int | None]:
    """(METHOD, path) → the documented success status, if the row states one.

    `/v1/admin/orders/{orderId}/confirm · /pack · /ship {body}` names three siblings:
    each `· /x` replaces the first path's last segment."""
    text = text if text is not None else API_MD.read_text(encoding="utf-8")
    found: dict[tuple[str, str], int | None] = {}
    for line in text.splitlines():
        match = _ROW.match(line.strip())
        if not match:
            continue
        method, cell, rest = match.group(1), match.group(2), match.group(3)
        success = _SUCCESS.search(rest)
        parts = [part.strip() for part in cell.split("·")]
        first = parts[0].split()[0].split("?")[0]
        base = first.rsplit("/", 1)[0]
        paths = [first] + [base + part.split()[0] for part in parts[1:]]
        for path in paths:
            found[(method, path)] = int(success.group(1)) if success else None
    return found
