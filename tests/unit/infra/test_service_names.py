"""Every function's logs, traces and metrics name the domain it belongs to
(POWERTOOLS_SERVICE_NAME), not the system as a whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infra.local.provision import PER_FUNCTION, function_environment
from infra.template import ROOT, FunctionSpec
from tests.support.environment import new_stack

DOMAINS = {path.name for path in (ROOT / "shared" / "aftercare").iterdir() if (path / "__init__.py").exists()}
# A handler that imports more than one domain would name its owner here; since domains
# react to each other's events, every handler imports its own domain only.
OWNER: dict[str, str] = {}
FUNCTIONS = {function.logical_id: function for function in new_stack().functions()}


def domain_of(function: FunctionSpec) -> str:
    if function.logical_id in OWNER:
        return OWNER[function.logical_id]
    source = Path(function.module_path).read_text()
    imported = set(re.findall(r"^from aftercare\.(\w+)|^import aftercare\.(\w+)", source, re.M))
    domains = {name for pair in imported for name in pair if name} & DOMAINS
    assert len(domains) == 1, f"{function.logical_id} imports {sorted(domains)}: name its owner in OWNER"
    return domains.pop()


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_every_function_names_its_domain_as_its_service(logical_id: str) -> None:
    function = FUNCTIONS[logical_id]
    assert function.environment.get("POWERTOOLS_SERVICE_NAME") == domain_of(function)


def test_the_service_name_is_no_global_default() -> None:
    globals_env = new_stack().template["Globals"]["Function"]["Environment"]["Variables"]
    assert "POWERTOOLS_SERVICE_NAME" not in globals_env
    assert globals_env["POWERTOOLS_METRICS_NAMESPACE"] == "Aftercare"  # one namespace still


def test_every_owner_named_by_hand_is_a_function_and_a_domain() -> None:
    assert set(OWNER) <= set(FUNCTIONS)
    assert set(OWNER.values()) <= DOMAINS


def test_the_local_stacks_shared_process_gets_one_service_name() -> None:
    # Local functions share one process (one logger), so their per-function names cannot
    # all apply; every other variable still agrees across functions or the union refuses.
    environment = function_environment(new_stack())
    assert environment["POWERTOOLS_SERVICE_NAME"] == PER_FUNCTION["POWERTOOLS_SERVICE_NAME"]
    assert environment["ORDERS_TABLE"] == FUNCTIONS["OrdersApiFunction"].environment["ORDERS_TABLE"]
