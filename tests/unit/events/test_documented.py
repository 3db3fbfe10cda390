"""docs/events.md is the contract other domains build on: every published event type is
there with its version, its payload fields and the domains that react to it."""

from __future__ import annotations

import dataclasses
import importlib
import re
from pathlib import Path

import pytest

from tests.support.environment import new_stack

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "events.md").read_text()
PUBLISHERS = sorted(path.parent.name for path in (ROOT / "shared" / "aftercare").glob("*/events.py"))


def published() -> list[type]:
    modules = [importlib.import_module(f"aftercare.{domain}.events") for domain in PUBLISHERS]
    return [kind for module in modules for kind in module.ALL]


def section(event_type: str) -> str:
    match = re.search(rf"^### {event_type} \(v(\d+)\)\n(.*?)(?=^### |\Z)", DOC, re.M | re.S)
    assert match, f"docs/events.md has no section for {event_type}"
    return match.group(0)


def consumers_in_template() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for logical_id, props in new_stack().of_type("AWS::Events::Rule"):
        for event_type in props["EventPattern"]["detail-type"]:
            found.setdefault(event_type, set()).add(logical_id.removesuffix("ReactionsRule").lower())
    return found


@pytest.mark.parametrize("kind", published(), ids=lambda kind: kind.TYPE)
def test_every_event_type_is_documented_with_its_version_fields_and_consumers(kind: type) -> None:
    text = section(kind.TYPE)  # type: ignore[attr-defined]
    assert text.startswith(f"### {kind.TYPE} (v{kind.VERSION})")  # type: ignore[attr-defined]
    first_table = text[text.index("| field |") :].split("\n\n", 1)[0]  # (a nested type's table may follow)
    documented = set(re.findall(r"^\| `(\w+)` \|", first_table, re.M))
    assert documented == {field.name for field in dataclasses.fields(kind)}
    named = set(re.findall(r"`(\w+)`", text.split("Consumers:", 1)[1].split("\n", 1)[0]))
    assert named == consumers_in_template().get(kind.TYPE, set())  # type: ignore[attr-defined]


def test_every_rule_listens_to_published_types_only() -> None:
    types = {kind.TYPE for kind in published()}  # type: ignore[attr-defined]
    assert set(consumers_in_template()) <= types


def test_each_reacting_domain_reacts_to_exactly_what_its_rule_delivers() -> None:
    delivered: dict[str, set[str]] = {}
    for event_type, domains in consumers_in_template().items():
        for domain in domains:
            delivered.setdefault(domain, set()).add(event_type)
    for domain, types in delivered.items():
        assert set(importlib.import_module(f"aftercare.{domain}.reactions").REACTIONS) == types, domain
