"""Reply templates (`reply_templates.json`, shipped in the layer) and their placeholders.

A placeholder is `{{name}}`; only the known names may appear, and they are filled by plain
substitution (never `str.format`, so a customer's text cannot reach a format string).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aftercare.errors import BadRequest, BusinessRuleViolation, NotFound

PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
KNOWN = ("customerName", "orderId", "ticketId", "deadline", "agentName")


@dataclass(frozen=True)
class ReplyTemplate:
    template_id: str
    language: str
    category: str | None
    title: str
    body: str

    @property
    def placeholders(self) -> list[str]:
        return list(dict.fromkeys(PLACEHOLDER.findall(self.body)))


@cache
def all_templates() -> tuple[ReplyTemplate, ...]:
    raw = resources.files("aftercare.tickets").joinpath("reply_templates.json").read_text(encoding="utf-8")
    found = tuple(
        ReplyTemplate(t["templateId"], t["language"], t.get("category"), t["title"], t["body"])
        for t in json.loads(raw)["templates"]
    )
    for template in found:
        unknown = set(template.placeholders) - set(KNOWN)
        if unknown:
            raise ValueError(f"template {template.template_id} uses unknown placeholders {sorted(unknown)}")
    return found


def get(template_id: str) -> ReplyTemplate:
    for template in all_templates():
        if template.template_id == template_id:
            return template
    raise NotFound(f"no reply template {template_id!r}")


def fill(template: ReplyTemplate, values: dict[str, str | None]) -> str:
    """The template's text with every placeholder replaced; a placeholder without a value
    is refused (422) naming each missing variable."""
    unknown = sorted(set(values) - set(KNOWN))
    if unknown:
        raise BadRequest(
            "unknown template variables",
            errors=[
                {"field": f"variables.{name}", "message": f"one of {', '.join(KNOWN)}"} for name in unknown
            ],
        )
    missing = [name for name in template.placeholders if not values.get(name)]
    if missing:
        raise BusinessRuleViolation(
            f"template {template.template_id} needs {', '.join(missing)}",
            errors=[
                {"field": f"variables.{name}", "message": "required by the template"} for name in missing
            ],
        )
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template.body)
