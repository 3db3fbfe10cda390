"""Least privilege follows the domains: a function's policy names its own domain's tables
(and their streams and indexes) and the kernel's shared ones, never another domain's.

What still crosses is listed in STILL_CROSSING, exactly: a function that stops reaching
into another domain's table must leave the list (the test fails until it does), and a new
reach fails at once. The list shrinks as issue 18's remaining calls become events."""

from __future__ import annotations

import pytest

from tests.support.environment import new_stack
from tests.support.template_refs import refs

OWNER = {
    "OrdersTable": "orders",
    "ShipmentsTable": "logistics",
    "TrackingEventsTable": "logistics",
    "CasesTable": "aftersales",
    "RefundsTable": "refunds",
    "TicketsTable": "tickets",
    "AgentsTable": "tickets",
    "SurveysTable": "surveys",
    "CustomersTable": "customers",
    "CampaignSendsTable": "campaigns",
    "NotificationLogTable": "notifications",
    "AnalyticsTable": "analytics",
}
KERNEL = {"IdempotencyTable"}  # Idempotency-Key and once-per-event records, keyed per function

# function → the other domains' tables its policy still names (read by stream included)
STILL_CROSSING: dict[str, set[str]] = {
    "AftersalesApiFunction": {
        "AgentsTable",
        "CustomersTable",
        "OrdersTable",
        "RefundsTable",
        "ShipmentsTable",
        "SurveysTable",
        "TicketsTable",
    },
    "AftersalesDeadlinesFunction": {
        "AgentsTable",
        "CustomersTable",
        "OrdersTable",
        "RefundsTable",
        "SurveysTable",
        "TicketsTable",
    },
    "AnalyticsAggregatorFunction": {
        "CasesTable",
        "OrdersTable",
        "RefundsTable",
        "ShipmentsTable",
        "SurveysTable",
        "TicketsTable",
    },
    "CampaignRunnerFunction": {"CustomersTable"},
    "CustomersApiFunction": {"CasesTable", "OrdersTable", "SurveysTable", "TicketsTable"},
    "NotificationSenderFunction": {"CustomersTable"},
    "OrdersApiFunction": {"ShipmentsTable"},
    "PaymentsWebhookFunction": {"OrdersTable", "RefundsTable"},
    "RefundReconciliationFunction": {"AgentsTable", "TicketsTable"},
    "SurveyDispatchFunction": {"CustomersTable"},
    "SurveyEventsFunction": {"AgentsTable", "CustomersTable", "OrdersTable", "TicketsTable"},
    "SurveysReactionsFunction": {"CustomersTable"},
    "TicketsApiFunction": {"CustomersTable", "OrdersTable", "SurveysTable"},
    "TicketsReactionsFunction": {"OrdersTable"},
    "TrackingApiFunction": {"OrdersTable"},
}

STACK = new_stack()
FUNCTIONS = {spec.logical_id: spec for spec in STACK.functions()}


def tables_named(logical_id: str) -> set[str]:
    properties = STACK.resources[logical_id]["Properties"]
    named = refs(properties.get("Policies") or []) | refs(properties.get("Events") or {})
    return {name for name in named if name in OWNER}


def crossing(logical_id: str) -> set[str]:
    domain = FUNCTIONS[logical_id].environment["POWERTOOLS_SERVICE_NAME"]
    return {table for table in tables_named(logical_id) if OWNER[table] != domain}


def test_every_table_of_the_template_has_an_owner() -> None:
    tables = {logical_id for logical_id, _ in STACK.of_type("AWS::DynamoDB::Table")}
    assert tables == set(OWNER) | KERNEL


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_a_function_touches_only_its_own_domains_tables(logical_id: str) -> None:
    assert crossing(logical_id) == STILL_CROSSING.get(logical_id, set())
