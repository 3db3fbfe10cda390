"""Renders a notification from its kind's template (templates.json), in the recipient's
language; a kind without a template gets the generic one, never an error."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from aftercare.customers.queries import CARE_PREFIX

# Data fields that are never spelled out in a generic message.
_HIDDEN = frozenset({"token", "link", "message"})
_MAX_DETAILS = 6


@cache
def catalog() -> dict[str, Any]:
    text = resources.files("aftercare.notifications").joinpath("templates.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _flat(data: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in data.items() if isinstance(value, str | int | float | bool)}


def _details(data: dict[str, Any]) -> str:
    shown = [f"{key}: {value}" for key, value in sorted(_flat(data).items()) if key not in _HIDDEN]
    return ", ".join(shown[:_MAX_DETAILS]) + ("." if shown else "")


def _pick(entry: dict[str, Any], language: str) -> dict[str, str]:
    chosen: dict[str, str] = entry.get(language) or entry.get("en") or next(iter(entry.values()))
    return chosen


def has_template(kind: str) -> bool:
    return kind in catalog()["kinds"]


def render(kind: str, data: dict[str, Any], *, language: str, staff: bool = False) -> tuple[str, str]:
    """(subject, text) for `kind`. Care campaigns bring their own rendered text in
    `data.message` ({subject, text}); unknown kinds get the generic (or staff) template."""
    message = data.get("message")
    if kind.startswith(CARE_PREFIX) and isinstance(message, dict) and message.get("text"):
        return str(message.get("subject") or ""), str(message["text"])
    templates = catalog()
    entry = templates["kinds"].get(kind) or templates["staffGeneric" if staff else "generic"]
    chosen = _pick(entry, language)
    values = {"kind": kind, "details": _details(data), **_flat(data)}
    return Template(chosen["subject"]).safe_substitute(values), Template(chosen["text"]).safe_substitute(
        values
    )
