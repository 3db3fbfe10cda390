"""After-sales HTTP API: the customer's and staff's case routes of API.md, and the
after-sales options of an order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.aftersales import (
    appointments,
    customer_actions,
    disputes,
    evidence,
    opening,
    reads,
    review,
    warehouse,
)
from aftercare.aftersales.models import (
    AfterSalesOptionsOut,
    AppointmentRequest,
    CalendarOut,
    CaseOut,
    EvidenceUploadOut,
    EvidenceUploadRequest,
    EvidenceViewsOut,
    FreeSlotsOut,
    InspectRequest,
    NoteRequest,
    OpenCaseRequest,
    ReasonRequest,
    RepairProgressRequest,
    ResolveDisputeRequest,
    ReturnShipmentRequest,
    SlotOut,
    SlotRequest,
)
from aftercare.aftersales.rules import CaseStatus
from aftercare.auth import AGENT, STAFF_ROLES, SUPERVISOR, WAREHOUSE
from aftercare.errors import BadRequest
from aftercare.http import allow, create_app, current_principal, http_handler, once, owned_by
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.wire import Page


@dataclass(frozen=True)
class AftersalesApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    cursor_secret_id: str
    evidence_bucket: str
    idempotency_table: str
    notifications_queue_url: str
    orders_table: str


SETTINGS = load(AftersalesApiSettings)

app = create_app()
CUSTOMER_TAGS = ["after-sales"]
DAY = r"^\d{4}-\d{2}-\d{2}$"  # strictly (a date type would also take "0" as 1970-01-01)
STAFF_TAGS = ["staff: after-sales"]


# ---------------------------------------------------------------- customer
@app.get(
    "/v1/orders/<orderId>/after-sales-options",
    tags=CUSTOMER_TAGS,
    summary="Per item: the case types allowed now, until when, and how many units remain",
)
def after_sales_options(orderId: str) -> AfterSalesOptionsOut:
    return opening.options(current_principal(app), orderId)


@app.post(
    "/v1/after-sales/evidence-uploads",
    status_code=201,
    tags=CUSTOMER_TAGS,
    summary="A presigned upload for one photo or video of evidence",
)
def evidence_upload(body: EvidenceUploadRequest) -> EvidenceUploadOut:
    principal = current_principal(app)
    call = lambda: evidence.create_evidence_upload(principal, body.content_type)  # noqa: E731
    return once(app, principal, "evidence-upload", call)


@app.post("/v1/after-sales", status_code=201, tags=CUSTOMER_TAGS, summary="Open an after-sales case")
def open_case(body: OpenCaseRequest) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "open-case", lambda: opening.open_case(principal, body))


@app.get("/v1/after-sales", tags=CUSTOMER_TAGS, summary="My cases, newest first")
def list_cases(
    status: Annotated[CaseStatus | None, Query()] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[CaseOut]:
    return reads.list_mine(current_principal(app), status=status, limit=limit, cursor=cursor)


@app.get(
    "/v1/after-sales/<caseId>",
    tags=CUSTOMER_TAGS,
    summary="One case with its deadlines, timeline, refund and return shipment",
)
def get_case(caseId: str) -> CaseOut:
    return reads.get_case(current_principal(app), caseId)


@app.get(
    "/v1/after-sales/<caseId>/evidence",
    tags=CUSTOMER_TAGS,
    summary="Short-lived links (presigned GETs) to the case's evidence photos and videos",
)
def case_evidence(caseId: str) -> EvidenceViewsOut:
    return evidence.evidence_views(current_principal(app), caseId)


@app.post("/v1/after-sales/<caseId>/return-shipment", tags=CUSTOMER_TAGS, summary="Ship the return parcel")
@owned_by(lambda principal, path: reads.load_for(principal, path["caseId"]))
def ship_return(caseId: str, body: ReturnShipmentRequest) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "ship-return", lambda: customer_actions.ship_return(principal, caseId, body))


@app.post("/v1/after-sales/<caseId>/cancel", tags=CUSTOMER_TAGS, summary="Cancel before the return ships")
@owned_by(lambda principal, path: reads.load_for(principal, path["caseId"]))
def cancel(caseId: str, body: NoteRequest | None = None) -> CaseOut:
    principal = current_principal(app)
    note = body.note if body else None
    return once(app, principal, "cancel-case", lambda: customer_actions.cancel(principal, caseId, note))


@app.post(
    "/v1/after-sales/<caseId>/appeal",
    tags=CUSTOMER_TAGS,
    summary="Appeal a rejection or a failed inspection",
)
@owned_by(lambda principal, path: reads.load_for(principal, path["caseId"]))
def appeal(caseId: str, body: ReasonRequest) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "appeal-case", lambda: disputes.appeal(principal, caseId, body.reason))


@app.post("/v1/after-sales/<caseId>/confirm", tags=CUSTOMER_TAGS, summary="Accept the resolution")
def confirm(caseId: str) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "confirm-case", lambda: customer_actions.confirm(principal, caseId))


@app.get(
    "/v1/after-sales/<caseId>/appointment-slots",
    tags=CUSTOMER_TAGS,
    summary="Free repair appointment slots (not started, a seat left) for an approved REPAIR case",
)
def appointment_slots(caseId: str) -> FreeSlotsOut:
    return appointments.free_slots(current_principal(app), caseId)


@app.post(
    "/v1/after-sales/<caseId>/appointment",
    tags=CUSTOMER_TAGS,
    summary="Book a repair appointment slot, or move the appointment to another",
)
@owned_by(lambda principal, path: reads.load_owned(principal, path["caseId"]))
def book_appointment(caseId: str, body: AppointmentRequest) -> CaseOut:
    principal = current_principal(app)
    call = lambda: appointments.book(principal, caseId, body.slot_id)  # noqa: E731
    return once(app, principal, "book-appointment", call)


@app.post(
    "/v1/after-sales/<caseId>/appointment/cancel",
    tags=CUSTOMER_TAGS,
    summary="Cancel the repair appointment before it starts (its seat is freed)",
)
def cancel_appointment(caseId: str) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "cancel-appointment", lambda: appointments.cancel(principal, caseId))


# ---------------------------------------------------------------- staff
@app.get(
    "/v1/admin/after-sales",
    tags=STAFF_TAGS,
    summary="Work queue: cases in a status (none: every open case), the nearest deadline first",
)
@allow(*STAFF_ROLES)
def work_queue(
    status: Annotated[CaseStatus | None, Query()] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[CaseOut]:
    principal = current_principal(app)
    return reads.work_queue(principal, status=status, limit=limit, cursor=cursor)


@app.post("/v1/admin/after-sales/<caseId>/approve", tags=STAFF_TAGS, summary="Approve a requested case")
@allow(AGENT, SUPERVISOR)
def approve(caseId: str, body: NoteRequest | None = None) -> CaseOut:
    principal = current_principal(app)
    note = body.note if body else None
    return once(app, principal, "approve-case", lambda: review.approve(caseId, principal.sub, note))


@app.post("/v1/admin/after-sales/<caseId>/reject", tags=STAFF_TAGS, summary="Reject a requested case")
@allow(AGENT, SUPERVISOR)
def reject(caseId: str, body: ReasonRequest) -> CaseOut:
    principal = current_principal(app)
    return once(app, principal, "reject-case", lambda: review.reject(caseId, principal.sub, body.reason))


@app.post(
    "/v1/admin/after-sales/<caseId>/receive", tags=STAFF_TAGS, summary="The return arrived at the warehouse"
)
@allow(WAREHOUSE, SUPERVISOR)
def receive(caseId: str, body: NoteRequest | None = None) -> CaseOut:
    principal = current_principal(app)
    note = body.note if body else None
    return once(app, principal, "receive-return", lambda: warehouse.receive(caseId, principal.sub, note))


@app.post(
    "/v1/admin/after-sales/<caseId>/inspect",
    tags=STAFF_TAGS,
    summary="Inspect the return (an exchange's PASS sends its replacement)",
)
@allow(WAREHOUSE, SUPERVISOR)
def inspect(caseId: str, body: InspectRequest) -> CaseOut:
    principal = current_principal(app)

    def call() -> CaseOut:
        return warehouse.inspect(caseId, principal.sub, body.result, body.notes, body.replacement)

    return once(app, principal, "inspect-return", call)


@app.post("/v1/admin/after-sales/<caseId>/repair-progress", tags=STAFF_TAGS, summary="Record a repair stage")
@allow(WAREHOUSE, SUPERVISOR)
def repair_progress(caseId: str, body: RepairProgressRequest) -> CaseOut:
    principal = current_principal(app)
    call = lambda: warehouse.repair_progress(caseId, principal.sub, body)  # noqa: E731
    return once(app, principal, "repair-progress", call)


@app.post("/v1/admin/after-sales/<caseId>/resolve-dispute", tags=STAFF_TAGS, summary="Decide a disputed case")
@allow(SUPERVISOR)
def resolve_dispute(caseId: str, body: ResolveDisputeRequest) -> CaseOut:
    principal = current_principal(app)
    call = lambda: disputes.resolve_dispute(caseId, principal.sub, body.decision, body.note)  # noqa: E731
    return once(app, principal, "resolve-dispute", call)


@app.post(
    "/v1/admin/appointment-slots",
    status_code=201,
    tags=STAFF_TAGS,
    summary="Publish a repair appointment slot (drop-off or pick-up) with its capacity",
)
@allow(WAREHOUSE, SUPERVISOR)
def publish_appointment_slot(body: SlotRequest) -> SlotOut:
    principal = current_principal(app)
    return once(app, principal, "publish-slot", lambda: appointments.publish_slot(principal, body))


@app.get(
    "/v1/admin/appointments",
    tags=STAFF_TAGS,
    summary="The repair calendar of a day (UTC): its slots with their bookings, MISSED ones included",
)
@allow(*STAFF_ROLES)
def appointment_calendar(
    date_: Annotated[str, Query(alias="date", pattern=DAY, json_schema_extra={"format": "date"})],
) -> CalendarOut:
    try:
        day = date.fromisoformat(date_)
    except ValueError as error:
        errors = [{"field": "date", "message": "a calendar day, YYYY-MM-DD"}]
        raise BadRequest("date is not a calendar day", errors=errors) from error
    return appointments.calendar(day)


lambda_handler = http_handler(app)
