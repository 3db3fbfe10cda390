"""Each function's settings are checked when its handler is imported (the cold start): a
variable its template environment lacks fails the import naming it, never a request."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from aftercare.settings import CATALOGUE, SettingError, variable_of
from infra.template import FunctionSpec
from tests.support.environment import new_stack
from tests.support.template_refs import resource_variables

STACK = new_stack()
FUNCTIONS = {function.logical_id: function for function in STACK.functions()}
HANDLERS: dict[Path, list[FunctionSpec]] = {}
for _function in FUNCTIONS.values():
    HANDLERS.setdefault(_function.module_path, []).append(_function)
CATALOGUED = {str(spec.metadata["env"]) for spec in CATALOGUE.values()}
STAND_INS = {name for spec in CATALOGUE.values() for name in spec.metadata["stand_ins"]}
Use = Callable[..., None]


def cold_start(path: Path) -> ModuleType:
    """A new copy of the handler module, imported as Lambda's cold start would (the shared
    layer's modules are already loaded, so only the handler's own code runs)."""
    name = f"cold_start_{uuid.uuid4().hex}"
    found = importlib.util.spec_from_file_location(name, path)
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    sys.modules[name] = module
    try:
        found.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


@pytest.fixture
def template_environment(monkeypatch: pytest.MonkeyPatch) -> Use:
    """Only the template's environment for one function: every setting (and every stand-in
    secret) of the shared test environment is removed first."""

    def use(function: FunctionSpec, *, without: str = "", blank: str = "") -> None:
        for name in CATALOGUED | STAND_INS:
            monkeypatch.delenv(name, raising=False)
        for name, value in function.environment.items():
            if name != without:
                monkeypatch.setenv(name, "  " if name == blank else value)

    return use


def declared(module: ModuleType) -> set[str]:
    return {variable_of(item.name) for item in dataclasses.fields(module.SETTINGS)}


@pytest.mark.parametrize("path", sorted(HANDLERS), ids=lambda path: path.parent.name)
def test_each_handler_needs_exactly_the_resources_its_functions_policies_name(path: Path) -> None:
    needed = set().union(*(resource_variables(STACK, function) for function in HANDLERS[path]))
    assert declared(cold_start(path)) == needed


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_with_its_template_environment_every_function_starts(
    logical_id: str, template_environment: Use
) -> None:
    function = FUNCTIONS[logical_id]
    template_environment(function)
    settings = cold_start(function.module_path).SETTINGS
    for item in dataclasses.fields(settings):
        assert getattr(settings, item.name) == function.environment[variable_of(item.name)]


@pytest.mark.parametrize(
    ("logical_id", "variable"),
    [
        ("OrdersApiFunction", "ORDERS_TABLE"),  # an API
        ("OrdersApiFunction", "IDEMPOTENCY_TABLE"),
        ("TrackingEventsFunction", "TRACKING_EVENTS_DLQ_URL"),  # a queue consumer
        ("OrdersPublisherFunction", "EVENT_BUS_NAME"),  # a stream consumer
        ("RefundsReactionsFunction", "REFUND_STATE_MACHINE_ARN"),  # a domain's reactions
        ("TicketsSlaCheckFunction", "TICKETS_TABLE"),  # a scheduled job
        ("RefundPayOutFunction", "REFUNDS_TABLE"),  # a state machine task
    ],
)
def test_a_missing_variable_fails_the_cold_start_naming_it(
    logical_id: str, variable: str, template_environment: Use
) -> None:
    function = FUNCTIONS[logical_id]
    template_environment(function, without=variable)
    with pytest.raises(SettingError, match=rf"required environment variable not set: {variable}\b"):
        cold_start(function.module_path)


def test_a_blank_variable_is_as_missing_as_an_absent_one(template_environment: Use) -> None:
    function = FUNCTIONS["CampaignRunnerFunction"]
    template_environment(function, blank="CAMPAIGN_SENDS_TABLE")
    with pytest.raises(SettingError, match="CAMPAIGN_SENDS_TABLE"):
        cold_start(function.module_path)


def test_a_secret_id_may_be_stood_in_for_by_its_plain_value_beside_the_stack(
    template_environment: Use, monkeypatch: pytest.MonkeyPatch
) -> None:
    function = FUNCTIONS["OrdersApiFunction"]
    template_environment(function, without="CURSOR_SECRET_ID")
    with pytest.raises(SettingError, match="CURSOR_SECRET_ID or CURSOR_SECRET"):
        cold_start(function.module_path)

    monkeypatch.setenv("CURSOR_SECRET", "a-plain-test-secret")
    settings = cold_start(function.module_path).SETTINGS
    assert settings.cursor_secret_id == ""  # the value itself is never kept in settings
