"""The settings catalogue and a function's own settings built from it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from aftercare import settings
from aftercare.settings import SettingError, load, variable_of


@dataclass(frozen=True)
class Needs:
    orders_table: str
    refund_provider_max_polls: int


def test_a_functions_settings_are_read_from_the_catalogues_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERS_TABLE", "orders-dev")
    monkeypatch.setenv("REFUND_PROVIDER_MAX_POLLS", "7")
    assert load(Needs) == Needs(orders_table="orders-dev", refund_provider_max_polls=7)


def test_every_missing_variable_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDERS_TABLE", raising=False)
    monkeypatch.delenv("REFUND_PROVIDER_MAX_POLLS", raising=False)
    with pytest.raises(SettingError, match=r"Needs: .* ORDERS_TABLE, REFUND_PROVIDER_MAX_POLLS$"):
        load(Needs)


def test_a_number_that_is_not_one_is_refused_naming_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERS_TABLE", "orders-dev")
    monkeypatch.setenv("REFUND_PROVIDER_MAX_POLLS", "twelve")
    with pytest.raises(SettingError, match="REFUND_PROVIDER_MAX_POLLS must be a whole number"):
        load(Needs)


def test_a_field_that_is_no_setting_is_a_mistake_in_the_function() -> None:
    @dataclass(frozen=True)
    class Typo:
        order_table: str

    with pytest.raises(TypeError, match=r"Typo\.order_table is not a setting"):
        load(Typo)


def test_each_catalogue_field_has_its_own_variable() -> None:
    variables = [variable_of(name) for name in settings.CATALOGUE]
    assert len(variables) == len(set(variables))
    assert variable_of("orders_table") == "ORDERS_TABLE"
