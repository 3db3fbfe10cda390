"""Customer profile HTTP API: my profile (made on first access), my preferences, and the
after-sales history of a customer for staff."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.customers import service
from aftercare.customers.models import CustomerHistory, PreferencesPatch, ProfileOut
from aftercare.http import create_app, current_principal, http_handler, once
from aftercare.settings import load


@dataclass(frozen=True)
class CustomersApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    customers_table: str
    idempotency_table: str
    orders_table: str
    surveys_table: str
    tickets_table: str


SETTINGS = load(CustomersApiSettings)

app = create_app()


@app.get("/v1/me", tags=["profile"], summary="My profile: tier, points, preferences")
def get_me() -> ProfileOut:
    return service.me(current_principal(app))


@app.patch(
    "/v1/me/preferences",
    tags=["profile"],
    summary="Change my opt-outs, channels, time zone, language or contact",
)
def patch_preferences(body: PreferencesPatch) -> ProfileOut:
    principal = current_principal(app)
    return once(app, principal, "preferences", lambda: service.update_preferences(principal, body))


@app.get(
    "/v1/admin/customers/<customerId>/history",
    tags=["staff: customers"],
    summary="A customer's profile and after-sales history (orders, cases, tickets, surveys)",
)
def customer_history(customerId: str) -> CustomerHistory:
    return service.history(current_principal(app), customerId)


lambda_handler = http_handler(app)
