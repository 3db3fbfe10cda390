"""Least privilege follows the domains: a function's policy names its own domain's tables
(and their streams and indexes) and the kernel's shared ones, never another domain's.

What still crosses is listed in STILL_CROSSING, exactly: a function that stops reaching
into another domain's table must leave the list (the test fails until it does), and a new
reach fails at once. It is empty: no function reaches into another domain's table.

A read another domain truly needs goes through that domain's queries module; the tables a
function reads that way are READS_THROUGH_QUERIES, exactly, and its policy may only read
them (no PutItem, UpdateItem, DeleteItem...: a read policy, never CRUD). No function may
write another domain's table unless STILL_CROSSING still lists it."""

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
    "AuditsTable": "audits",
}
KERNEL = {"IdempotencyTable"}  # Idempotency-Key and once-per-event records, keyed per function

# function → the other domains' tables its policy still names (read by stream included) and
# that are still to migrate: written, read by stream, or read on behalf of a call that is not
# an event yet.
STILL_CROSSING: dict[str, set[str]] = {}

# function → the other domains' tables it reads only through their queries module (a read
# policy only). Each says which queries read it, so a table that leaves knows its reader.
READS_THROUGH_QUERIES: dict[str, set[str]] = {
    "AftersalesAppointmentsFunction": {"CustomersTable"},  # customers.queries reach (quiet hours)
    "AftersalesApiFunction": {"OrdersTable"},  # orders.queries: what was bought, when it arrived
    "CampaignRunnerFunction": {"CustomersTable"},  # customers.queries reach, delivered_on, members_of
    # customers' history: orders/aftersales/surveys/tickets .queries recent_for_customer
    "CustomersApiFunction": {"CasesTable", "OrdersTable", "SurveysTable", "TicketsTable"},
    "NotificationSenderFunction": {"CustomersTable"},  # customers.queries reach
    "SurveyDispatchFunction": {"CustomersTable"},  # customers.queries reach (quiet hours)
    "SurveysReactionsFunction": {"CustomersTable"},  # customers.queries reach (the survey's time)
    "TicketsApiFunction": {"CustomersTable", "OrdersTable"},  # customers.queries tier, orders.queries total
    "TicketsReactionsFunction": {"OrdersTable"},  # orders.queries total_of (triage)
    # orders.queries order_for (the owner check, 404); aftersales.queries parcels_of_order
    "TrackingApiFunction": {"CasesTable", "OrdersTable"},
}

# What only reads a table: everything else a policy may grant on it writes (ConditionCheckItem
# counts as writing: it takes part in the caller's transaction).
READ_ACTIONS = frozenset(
    {
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:DescribeTable",
        "dynamodb:DescribeStream",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
        "dynamodb:ListStreams",
    }
)
READ_POLICY_TEMPLATES = frozenset({"DynamoDBReadPolicy", "DynamoDBStreamReadPolicy"})
STREAM = "stream"  # the table's stream as the function's event source

STACK = new_stack()
FUNCTIONS = {spec.logical_id: spec for spec in STACK.functions()}


def tables_named(logical_id: str) -> set[str]:
    properties = STACK.resources[logical_id]["Properties"]
    named = refs(properties.get("Policies") or []) | refs(properties.get("Events") or {})
    return {name for name in named if name in OWNER}


def crossing(logical_id: str) -> set[str]:
    domain = FUNCTIONS[logical_id].environment["POWERTOOLS_SERVICE_NAME"]
    return {table for table in tables_named(logical_id) if OWNER[table] != domain}


def access(logical_id: str) -> dict[str, set[str]]:
    """table → what the function's policy grants on it: dynamodb actions of its statements,
    the names of SAM policy templates, STREAM for an event source."""
    properties = STACK.resources[logical_id]["Properties"]
    granted: dict[str, set[str]] = {}
    for policy in properties.get("Policies") or []:
        if not isinstance(policy, dict):
            continue
        if "Statement" in policy:
            for statement in policy["Statement"]:
                actions = statement.get("Action") or []
                actions = [actions] if isinstance(actions, str) else actions
                for table in refs(statement.get("Resource") or statement.get("NotResource") or []):
                    if table in OWNER:
                        granted.setdefault(table, set()).update(
                            a for a in actions if a.startswith("dynamodb:")
                        )
        else:
            for template, value in policy.items():
                for table in refs(value):
                    if table in OWNER:
                        granted.setdefault(table, set()).add(template)
    for event in (properties.get("Events") or {}).values():
        for table in refs(event):
            if table in OWNER:
                granted.setdefault(table, set()).add(STREAM)
    return granted


def writes(grants: set[str]) -> bool:
    return not grants <= READ_ACTIONS | READ_POLICY_TEMPLATES | {STREAM}


def test_every_table_of_the_template_has_an_owner() -> None:
    tables = {logical_id for logical_id, _ in STACK.of_type("AWS::DynamoDB::Table")}
    assert tables == set(OWNER) | KERNEL


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_a_function_touches_only_its_own_domains_tables(logical_id: str) -> None:
    assert crossing(logical_id) == STILL_CROSSING.get(logical_id, set()) | READS_THROUGH_QUERIES.get(
        logical_id, set()
    )


def test_a_table_is_either_still_crossing_or_read_through_queries() -> None:
    assert set(READS_THROUGH_QUERIES) <= set(FUNCTIONS) and set(STILL_CROSSING) <= set(FUNCTIONS)
    for logical_id, tables in READS_THROUGH_QUERIES.items():
        assert tables and not tables & STILL_CROSSING.get(logical_id, set()), logical_id


@pytest.mark.parametrize("logical_id", sorted(READS_THROUGH_QUERIES))
def test_what_a_function_reads_through_queries_it_may_only_read(logical_id: str) -> None:
    granted = access(logical_id)
    assert {
        table: sorted(granted[table]) for table in READS_THROUGH_QUERIES[logical_id] if writes(granted[table])
    } == {}


@pytest.mark.parametrize("logical_id", sorted(FUNCTIONS))
def test_no_function_writes_another_domains_table_unless_still_crossing(logical_id: str) -> None:
    granted = access(logical_id)
    written = {table for table in crossing(logical_id) if writes(granted[table])}
    assert written <= STILL_CROSSING.get(logical_id, set())


def test_the_write_check_sees_writes() -> None:
    assert writes({"dynamodb:GetItem", "dynamodb:PutItem"}) and writes({"DynamoDBCrudPolicy"})
    assert writes({"dynamodb:ConditionCheckItem"})
    assert not writes({"dynamodb:GetItem", "dynamodb:Query", STREAM, "DynamoDBReadPolicy"})
