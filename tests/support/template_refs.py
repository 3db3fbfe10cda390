"""What a template value refers to, and so what a function's policy lets it touch."""

from __future__ import annotations

from typing import Any

from infra.template import FunctionSpec, Stack


def refs(value: Any) -> set[str]:
    """Every logical id or parameter a (part of a) template value refers to."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and isinstance(item, str):
                found.add(item)
            elif key == "Fn::GetAtt":
                found.add(item[0] if isinstance(item, list) else item.split(".")[0])
            elif key == "Fn::Sub":
                text = item[0] if isinstance(item, list) else item
                found |= {part.split("}")[0].split(".")[0] for part in text.split("${")[1:]}
                if isinstance(item, list):
                    found |= refs(item[1])
            else:
                found |= refs(item)
    elif isinstance(value, list):
        for item in value:
            found |= refs(item)
    return found


def resource_variables(stack: Stack, function: FunctionSpec) -> set[str]:
    """The function's environment variables that name a resource its policy names: the
    resources it may touch, so the settings it cannot run without."""
    properties = stack.resources[function.logical_id]["Properties"]
    granted = refs(properties.get("Policies") or [])
    variables = {
        **stack.template["Globals"]["Function"].get("Environment", {}).get("Variables", {}),
        **(properties.get("Environment") or {}).get("Variables", {}),
    }
    return {
        name
        for name, value in variables.items()
        if (named := refs(value)) and named <= set(stack.resources) and named & granted
    }
