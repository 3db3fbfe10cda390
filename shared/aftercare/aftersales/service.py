"""After-sales use cases: what customers, staff, couriers, the refund workflow and the
deadline job can do to a case.

Every change goes through `_move`: the transition table is checked, the deadlines of the
statuses entered are added, coverage is reserved or released when the case starts or stops
holding its units, and the whole change is one conditional write (one transaction when
coverage, a shipment or a refund is part of it). Cross-domain effects go through ports:
refunds (`prepare_refund`, `request_refund`), tickets (`open_or_update_for`), logistics (the
shipments store), and notifications. A move into REFUNDING writes its refund in the same
transaction as the case. Any other hand-off to another domain (or a refund that could not
be prepared or started) is recorded on the case in the same write that makes it necessary,
tried at once, and retried by the deadline job until it succeeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from aftercare import clock, ids
from aftercare.aftersales import rules, store
from aftercare.aftersales.models import (
    AfterSalesOptionsOut,
    CaseItemOut,
    CaseOut,
    Deadlines,
    DisputeOut,
    EvidenceUploadOut,
    EvidenceViewOut,
    EvidenceViewsOut,
    InspectionOut,
    ItemOptionsOut,
    NextDeadline,
    OpenCaseRequest,
    ReasonOptionOut,
    RepairOut,
    RepairProgressRequest,
    RepairStepOut,
    ShipmentIn,
    ShipmentOut,
    TypeOptionOut,
)
from aftercare.aftersales.rules import (
    CaseStatus,
    CaseType,
    DeadlineAction,
    DisputeDecision,
    InspectionResult,
    Reason,
    RepairStage,
)
from aftercare.aftersales.store import CaseItemAttribute, CaseModel, CoverageChange, as_dict
from aftercare.auth import CUSTOMER, Principal, require_owner, require_owner_or_staff, require_role
from aftercare.aws import client
from aftercare.errors import BusinessRuleViolation, Conflict, NotFound
from aftercare.logistics import store as shipments
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics
from aftercare.orders import service as orders
from aftercare.orders.rules import OrderStatus
from aftercare.pagination import Lane, clamp_limit, decode_cursor, encode_cursor, merged_page
from aftercare.settings import get_settings
from aftercare.wire import Page, TimelineEntry

if TYPE_CHECKING:
    from aftercare.refunds.port import NewRefund

WHAT = "case"
S = CaseStatus
SYSTEM = "system:deadlines"
COURIER = "courier"
REFUND_WORKFLOW = "refund-workflow"
AFTER_SALES = "after-sales"  # the actor of hand-offs to other domains
REFUND, TICKET = "REFUND", "TICKET"
_RETRIES = 4

# A photo's GET link lives long enough to look at the case, not to be passed around.
EVIDENCE_VIEW_SECONDS = 600
EVIDENCE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "video/mp4": ".mp4"}
DELIVERED_STATUSES = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED})
MOVING_PARCEL = frozenset({"IN_TRANSIT", "OUT_FOR_DELIVERY", "ATTEMPT_FAIL", "AVAILABLE_FOR_PICKUP"})
# Parcels the case itself sends to the customer are registered as REPLACEMENT shipments.
REPLACEMENT_KIND = "REPLACEMENT"
RETURN_KIND = "RETURN"

_NOTIFY = {
    S.AWAITING_RETURN: "case.approved",
    S.REJECTED: "case.rejected",
    S.CLOSED_TIMEOUT: "case.closed",
    S.RECEIVED: "case.received",
    S.INSPECTED: "case.inspected",
    S.REFUNDING: "case.refund-requested",
    S.REFUNDED: "case.refunded",
    S.EXCHANGE_SHIPPED: "case.exchange-shipped",
    S.REPAIRING: "case.repair-started",
    S.REPAIR_SHIPPED: "case.repair-shipped",
    S.COMPLETED: "case.completed",
}


# ================================================================= reads
def _deadlines(case: CaseModel) -> dict[str, str]:
    return {key: str(value) for key, value in as_dict(case.deadlines).items() if value}


def _inspection_failed(case: CaseModel) -> bool:
    return as_dict(case.inspection).get("result") == InspectionResult.FAIL


def _shipment_out(data: dict[str, Any]) -> ShipmentOut | None:
    if not data:
        return None
    return ShipmentOut(
        shipment_id=data["shipmentId"],
        carrier=data["carrier"],
        tracking_number=data["trackingNumber"],
        status=data.get("status", "INFO_RECEIVED"),
        registered_at=data["registeredAt"],
        updated_at=data.get("updatedAt"),
    )


def to_wire(case: CaseModel) -> CaseOut:
    deadlines = _deadlines(case)
    failed = _inspection_failed(case)
    pending = rules.pending_deadlines(
        CaseStatus(case.status), deadlines, inspection_failed=failed, breached=bool(case.resolveBreachedAt)
    )
    visible = [p for p in pending if p.name in rules.PUBLIC_DEADLINES]
    inspection, repair, dispute = as_dict(case.inspection), as_dict(case.repair), as_dict(case.dispute)
    return CaseOut(
        case_id=case.caseId,
        order_id=case.orderId,
        customer_id=case.customerId,
        type=CaseType(case.type),
        reason=Reason(case.reason),
        status=CaseStatus(case.status),
        items=[
            CaseItemOut(
                sku=i.sku,
                name=i.name,
                category=i.category,
                quantity=int(i.quantity),
                unit_price=int(i.unitPrice),
            )
            for i in case.items
        ],
        description=case.description,
        evidence_keys=list(case.evidenceKeys or []),
        merchant_fault=bool(case.merchantFault),
        deadlines=Deadlines(**{rules_key: deadlines.get(rules_key) for rules_key in rules.PUBLIC_DEADLINES}),
        next_deadline=NextDeadline(name=visible[0].name, at=visible[0].at) if visible else None,
        resolve_target_breached=bool(case.resolveBreachedAt),
        rejection_reason=as_dict(case.rejection).get("reason"),
        return_shipment=_shipment_out(as_dict(case.returnShipment)),
        replacement_shipment=_shipment_out(as_dict(case.replacementShipment)),
        inspection=InspectionOut(
            result=InspectionResult(inspection["result"]),
            notes=inspection.get("notes"),
            at=inspection["at"],
            by=inspection["by"],
            automatic=bool(inspection.get("automatic")),
        )
        if inspection
        else None,
        repair=RepairOut(
            stage=RepairStage(repair["stage"]),
            stages=[
                RepairStepOut(stage=RepairStage(s["stage"]), at=s["at"], actor=s["actor"], note=s.get("note"))
                for s in repair.get("stages", [])
            ],
        )
        if repair
        else None,
        dispute=DisputeOut(
            reason=dispute["reason"],
            origin=CaseStatus(dispute["origin"]),
            opened_at=dispute["openedAt"],
            ticket_id=dispute.get("ticketId"),
            decision=DisputeDecision(dispute["decision"]) if dispute.get("decision") else None,
            note=dispute.get("note"),
            decided_by=dispute.get("decidedBy"),
            decided_at=dispute.get("decidedAt"),
        )
        if dispute
        else None,
        refund_id=case.refundId,
        refund_status=case.refundStatus,
        resolved_at=case.resolvedAt,
        timeline=[
            TimelineEntry(at=e.at, from_status=e.from_status, to=e.to, actor=e.actor, note=e.note)
            for e in case.timeline
        ],
        created_at=case.createdAt,
        updated_at=case.updatedAt,
        version=int(case.version or 0),
    )


def _load(case_id: str) -> CaseModel:
    case = store.get(case_id, consistent=True)
    if case is None:
        raise NotFound(f"{WHAT} not found")
    return case


def load_for(principal: Principal, case_id: str) -> CaseModel:
    """The case if the caller may see it (owner or staff); another customer's is a 404."""
    case = _load(case_id)
    require_owner_or_staff(principal, case.customerId, WHAT)
    return case


def _load_owned(principal: Principal, case_id: str) -> CaseModel:
    case = _load(case_id)
    require_owner(principal, case.customerId, WHAT)
    return case


def list_mine(
    principal: Principal, *, status: CaseStatus | None, limit: int | None, cursor: str | None
) -> Page[CaseOut]:
    require_role(principal, CUSTOMER)
    scope = f"cases:customer:{principal.sub}:{status or '*'}"
    rows, last = store.list_for_customer(
        principal.sub,
        status=status,
        limit=clamp_limit(limit),
        start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
    )
    return Page[CaseOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def work_queue(
    principal: Principal, *, status: CaseStatus | None, limit: int | None, cursor: str | None
) -> Page[CaseOut]:
    """Cases in `status` (with none: every case not yet closed), the nearest deadline
    first (cases without one last)."""
    if status is None:
        scope = "cases:queue:open"
        lanes = [
            Lane(str(state), _queue_lane(state), store.resume_after_in_queue)
            for state in CaseStatus
            if state not in rules.TERMINAL
        ]
        rows, last = merged_page(
            lanes,
            order=lambda row: (row.queueAt, row.caseId),
            limit=clamp_limit(limit),
            position=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    else:
        scope = f"cases:queue:{status}"
        rows, last = store.work_queue(
            status,
            limit=clamp_limit(limit),
            start_key=decode_cursor(cursor, owner=principal.sub, scope=scope),
        )
    return Page[CaseOut](
        items=[to_wire(row) for row in rows],
        next_cursor=encode_cursor(last, owner=principal.sub, scope=scope),
    )


def _queue_lane(
    status: CaseStatus,
) -> Callable[[dict[str, Any] | None, int], tuple[list[Any], dict[str, Any] | None]]:
    return lambda start, limit: store.work_queue(status, limit=limit, start_key=start)


# ================================================================= policy: options
def _delivered_at(order: Any) -> Any:
    if OrderStatus(order.status) in DELIVERED_STATUSES and order.deliveredAt:
        return clock.parse_iso(order.deliveredAt)
    return None


def _extended_warranty_days(item: Any) -> int:
    # An order item may carry an extended warranty (days added to the category's warranty)
    # once the order snapshot records one; until then this is 0.
    return int(getattr(item, "extendedWarrantyDays", 0) or 0)


def options(principal: Principal, order_id: str) -> AfterSalesOptionsOut:
    order = orders.load_for(principal, order_id)
    policy = rules.load_policy()
    delivered_at = _delivered_at(order)
    now = clock.now()
    covered = store.covered_units(order.orderId, [item.sku for item in order.items])
    items = []
    for item in order.items:
        bought = int(item.quantity)
        remaining = rules.remaining_quantity(bought, covered[item.sku])
        type_options = rules.item_options(
            policy,
            category=item.category,
            delivered_at=delivered_at,
            now=now,
            remaining=remaining,
            extended_warranty_days=_extended_warranty_days(item),
        )
        items.append(
            ItemOptionsOut(
                sku=item.sku,
                name=item.name,
                category=item.category,
                quantity=bought,
                covered_quantity=covered[item.sku],
                remaining_quantity=remaining,
                options=[
                    TypeOptionOut(
                        type=option.type,
                        allowed=option.allowed,
                        until=clock.iso(option.until) if option.until else None,
                        reasons=[
                            ReasonOptionOut(
                                reason=r.reason,
                                until=clock.iso(r.until),
                                evidence_required=r.evidence_required,
                            )
                            for r in option.reasons
                        ],
                        refusal=option.refusal,
                    )
                    for option in type_options
                ],
            )
        )
    return AfterSalesOptionsOut(
        order_id=order.orderId,
        order_status=order.status,
        delivered_at=order.deliveredAt,
        evaluated_at=clock.iso(now),
        items=items,
    )


# ================================================================= evidence
def _evidence_prefix(customer_id: str) -> str:
    return f"evidence/{customer_id}/"


@cache
def _presigner() -> Any:
    """An S3 client that signs with SigV4 (boto3's default presigned URL may still be
    SigV2, which new buckets refuse). Presigning is local: no request is made."""
    import boto3
    from botocore.config import Config

    return boto3.client("s3", config=Config(signature_version="s3v4"))


def create_evidence_upload(principal: Principal, content_type: str) -> EvidenceUploadOut:
    """A presigned S3 PUT for one photo or video under the customer's own prefix.

    A presigned PUT cannot carry a content-length-range (only a presigned POST policy can),
    so the URL signs the Content-Type, and the size limit is enforced when a case cites the
    key: the object must exist, be no larger than EVIDENCE_MAX_BYTES and have an allowed type.
    Objects never cited expire with the bucket's lifecycle rule."""
    require_role(principal, CUSTOMER)
    if "/" in principal.sub:
        raise BusinessRuleViolation("this account cannot upload evidence")
    settings = get_settings()
    key = f"{_evidence_prefix(principal.sub)}{ids.ulid()}{EVIDENCE_TYPES[content_type]}"
    url = _presigner().generate_presigned_url(
        "put_object",
        Params={"Bucket": settings.evidence_bucket, "Key": key, "ContentType": content_type},
        ExpiresIn=settings.evidence_upload_seconds,
        HttpMethod="PUT",
    )
    metrics.add_metric(name="EvidenceUploadsIssued", unit="Count", value=1)
    return EvidenceUploadOut(
        upload_url=url,
        evidence_key=key,
        headers={"Content-Type": content_type},
        max_bytes=settings.evidence_max_bytes,
        expires_at=clock.iso(clock.now() + timedelta(seconds=settings.evidence_upload_seconds)),
    )


def evidence_views(principal: Principal, case_id: str) -> EvidenceViewsOut:
    """A presigned GET for each of the case's evidence keys, so the staff console (or the
    customer's app) can show the photos without the bucket ever being public. The links are
    their own short-lived resource, not part of the case, whose reads stay stable.
    Presigning is local: no request is made."""
    case = load_for(principal, case_id)
    settings = get_settings()
    expires = clock.iso(clock.now() + timedelta(seconds=EVIDENCE_VIEW_SECONDS))
    return EvidenceViewsOut(
        items=[
            EvidenceViewOut(
                key=key,
                url=_presigner().generate_presigned_url(
                    "get_object",
                    Params={"Bucket": settings.evidence_bucket, "Key": key},
                    ExpiresIn=EVIDENCE_VIEW_SECONDS,
                ),
                expires_at=expires,
            )
            for key in case.evidenceKeys or []
        ]
    )


def _check_evidence(customer_id: str, keys: Sequence[str]) -> None:
    """Every key must have been issued to this customer and hold an uploaded file within the
    limits. Another customer's key is refused exactly like a key never issued (422), so a
    key's existence is never revealed."""
    from botocore.exceptions import ClientError

    settings = get_settings()
    prefix = _evidence_prefix(customer_id)
    for index, key in enumerate(keys):
        field = f"evidenceKeys[{index}]"
        unknown = BusinessRuleViolation(
            "an evidence key was not issued to you or was never uploaded",
            errors=[{"field": field, "message": "unknown evidence key"}],
        )
        if not key.startswith(prefix):
            raise unknown
        try:
            head = client("s3").head_object(Bucket=settings.evidence_bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound", "403"}:
                raise unknown from error
            raise
        if int(head.get("ContentLength", 0)) > settings.evidence_max_bytes:
            raise BusinessRuleViolation(
                f"evidence larger than {settings.evidence_max_bytes} bytes is not accepted",
                errors=[{"field": field, "message": "file too large"}],
            )
        if head.get("ContentType") not in EVIDENCE_TYPES:
            raise BusinessRuleViolation(
                "evidence must be a JPEG, PNG or WebP photo or an MP4 video",
                errors=[{"field": field, "message": "unsupported content type"}],
            )


# ================================================================= opening a case
def open_case(principal: Principal, request: OpenCaseRequest) -> CaseOut:
    require_role(principal, CUSTOMER)
    order = orders.load_for_system(request.order_id)
    require_owner(principal, order.customerId, "order")
    policy = rules.load_policy()
    delivered_at = _delivered_at(order)
    now = clock.now()
    by_sku = {item.sku: item for item in order.items}
    covered = store.covered_units(order.orderId, [line.sku for line in request.items if line.sku in by_sku])
    snapshot: list[CaseItemAttribute] = []
    coverage: list[CoverageChange] = []
    for index, line in enumerate(request.items):
        item = by_sku.get(line.sku)
        if item is None:
            raise BusinessRuleViolation(
                f"{line.sku} is not an item of this order",
                errors=[{"field": f"items[{index}].sku", "message": "not in this order"}],
            )
        rules.check_request(
            policy,
            case_type=request.type,
            reason=request.reason,
            category=item.category,
            delivered_at=delivered_at,
            now=now,
            evidence_count=len(request.evidence_keys),
            extended_warranty_days=_extended_warranty_days(item),
        )
        bought = int(item.quantity)
        rules.check_quantity(line.sku, line.quantity, bought, covered[line.sku], index=index)
        snapshot.append(
            CaseItemAttribute(
                sku=item.sku,
                name=item.name,
                category=item.category,
                quantity=line.quantity,
                unitPrice=int(item.unitPrice),
                bought=bought,
            )
        )
        coverage.append(CoverageChange(item.sku, line.quantity, bought))
    _check_evidence(principal.sub, request.evidence_keys)

    at = clock.iso(now)
    case_id = ids.new_id("as")
    deadlines = {rules.REVIEW_BY: clock.iso(now + rules.REVIEW_WITHIN)}
    case = CaseModel(
        pk=case_id,
        caseId=case_id,
        customerId=principal.sub,
        orderId=order.orderId,
        type=request.type,
        reason=request.reason,
        status=S.REQUESTED,
        items=snapshot,
        description=request.description,
        evidenceKeys=list(request.evidence_keys),
        merchantFault=rules.is_merchant_fault(policy, request.reason),
        deadlines=deadlines,
        nextDeadlineAt=deadlines[rules.REVIEW_BY],
        dueShard=rules.due_shard(case_id),
        queueAt=rules.queue_position(deadlines[rules.REVIEW_BY], at),
        timeline=[store.timeline_entry(at, None, S.REQUESTED, principal.sub, f"{request.type} requested")],
        createdAt=at,
        updatedAt=at,
    )
    store.create(case, coverage)
    metrics.add_metric(name="CasesOpened", unit="Count", value=1)
    logger.info("case opened", extra={"case_id": case_id, "order_id": order.orderId, "type": request.type})
    return to_wire(case)


# ================================================================= the one way a case changes
_KEEP: Any = object()


@dataclass
class _Outcome:
    case: CaseModel
    breached_now: bool


def _move(
    case: CaseModel,
    path: Sequence[CaseStatus],
    actor: str,
    note: str | None,
    *,
    notes: Sequence[str | None] | None = None,
    actions: Sequence[Action] | None = None,
    deadlines: Mapping[str, str] | None = None,
    inspection_failed: bool | None = None,
    refund_id: str | None = None,
    ticket_id: str | None = None,
    condition: Condition | None = None,
    extra: Callable[[TransactWrite], None] | None = None,
    mark_breach: bool = False,
    handoff: str | None = None,
) -> CaseModel:
    current = CaseStatus(case.status)
    case_type = CaseType(case.type)
    rules.check_path(case_type, current, path)
    now = clock.now()
    at = clock.iso(now)
    final = path[-1] if path else current
    failed_before = _inspection_failed(case)
    failed_after = failed_before if inspection_failed is None else inspection_failed

    # Entering REFUNDING asks for the money in the same write: the refund and its source
    # claim join the case's transaction, so both commit or neither does (no hand-off left).
    new_refund = None
    if path and final is S.REFUNDING and not (refund_id or case.refundId) and handoff is None:
        new_refund = _prepare_refund(case)
        if new_refund is not None:
            refund_id = new_refund.refund_id

    merged = _deadlines(case)
    for status in path:
        failed_here = failed_after if status is final else False
        merged.update(
            rules.deadlines_on_entering(status, now, inspection_failed=failed_here, existing=merged)
        )
    merged.update(deadlines or {})

    all_actions: list[Action] = list(actions or [])
    if path:
        all_actions.append(CaseModel.status.set(final))
    if refund_id:
        all_actions.append(CaseModel.refundId.set(refund_id))

    # Resolution: the first time a case reaches a resolution, and whether it was in time.
    breached = bool(case.resolveBreachedAt)
    breached_now = False
    if rules.is_resolved(final, inspection_failed=failed_after) and not case.resolvedAt:
        all_actions.append(CaseModel.resolvedAt.set(at))
        target = merged.get(rules.RESOLVE_TARGET)
        if target and at > target and not breached:
            mark_breach = True
    if mark_breach and not breached:
        all_actions.append(CaseModel.resolveBreachedAt.set(at))
        breached = breached_now = True

    # Hand-offs to other domains the new state calls for (or the caller names), retried by
    # the job until done.
    dispute = as_dict(case.dispute)
    ticket_known = ticket_id or (dispute.get("ticketId") and current is S.DISPUTED)
    want = handoff
    if want is None and final is S.REFUNDING and not (refund_id or case.refundId):
        want = REFUND
    elif want is None and final is S.DISPUTED and not ticket_known:
        want = TICKET
    if want:
        if case.handoff != want or rules.HANDOFF_AT not in merged:
            merged[rules.HANDOFF_AT] = clock.iso(now + rules.HANDOFF_RETRY)
        all_actions.append(CaseModel.handoff.set(want))
    else:
        merged.pop(rules.HANDOFF_AT, None)
        if case.handoff:
            all_actions.append(CaseModel.handoff.remove())

    all_actions.append(CaseModel.deadlines.set(merged))
    next_at = rules.next_deadline(final, merged, inspection_failed=failed_after, breached=breached)
    index = store.Index(next_at, rules.due_shard(case.caseId), rules.queue_position(next_at, case.createdAt))

    # Coverage follows whether the case holds its units before and after.
    held_before = not rules.releases_coverage(current, inspection_failed=failed_before)
    held_after = not rules.releases_coverage(final, inspection_failed=failed_after)
    sign = 0 if held_before == held_after else (1 if held_after else -1)
    coverage = [
        CoverageChange(item.sku, sign * int(item.quantity), int(item.bought or item.quantity))
        for item in case.items
    ]

    entries = []
    previous = current
    for position, status in enumerate(path or [current]):
        text = notes[position] if notes and position < len(notes) else (note if position == 0 else None)
        entries.append(store.timeline_entry(at, previous, status, actor, text))
        previous = status
    if new_refund is not None:
        entries.append(store.timeline_entry(at, final, final, AFTER_SALES, f"refund {refund_id} requested"))
    store.change(
        case,
        expected_status=current,
        entries=entries,
        actions=all_actions,
        index=index,
        coverage=coverage if sign else None,
        condition=condition,
        extra=_together(extra, new_refund.add_to if new_refund is not None else None),
    )
    if new_refund is not None:
        _start_refund(case, new_refund)
    if breached_now:
        metrics.add_metric(name="CaseResolutionTargetBreaches", unit="Count", value=1)
    if path:
        metrics.add_metric(name=f"Cases{final.title().replace('_', '')}", unit="Count", value=1)
        logger.info(
            "case moved", extra={"case_id": case.caseId, "from": current, "to": final, "actor": actor}
        )
        if final in _NOTIFY and actor != case.customerId:
            _notify(case, _NOTIFY[final])
        if final is S.COMPLETED:
            _schedule_survey(case)
    return case


def _together(
    *parts: Callable[[TransactWrite], None] | None,
) -> Callable[[TransactWrite], None] | None:
    """Several other tables' parts of one transaction as one (None when there are none)."""
    present = [part for part in parts if part is not None]
    if not present:
        return None

    def add(tx: TransactWrite) -> None:
        for part in present:
            part(tx)

    return add


def _prepare_refund(case: CaseModel) -> NewRefund | None:
    """The refund a move into REFUNDING writes with the case; None when the refunds side
    cannot be asked now: the move then records a REFUND hand-off instead (as it always did),
    which `_after` tries at once and the deadline job retries."""
    from aftercare.refunds import port as refunds

    try:
        return refunds.prepare_refund(**_refund_request(case))
    except Exception:
        logger.exception("refund not prepared; the case hands it off", extra={"case_id": case.caseId})
        return None


def _start_refund(case: CaseModel, refund: NewRefund) -> None:
    """The refund is stored with the case: start its workflow. If that fails, the case is
    given a REFUND hand-off (a second write, on this failure only), so the deadline job
    retries the start until it succeeds."""
    try:
        refund.start()
    except Exception:
        metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
        logger.exception(
            "refund workflow not started; the deadline job retries it",
            extra={"case_id": case.caseId, "refund_id": refund.refund_id},
        )
        try:
            note = f"refund {refund.refund_id} not started yet; retried"
            _move(case, [], AFTER_SALES, note, handoff=REFUND)
        except Exception:
            logger.exception(
                "could not record the refund hand-off; the refund waits for a person",
                extra={"case_id": case.caseId, "refund_id": refund.refund_id},
            )


def _schedule_survey(case: CaseModel) -> None:
    """A completed case gets its satisfaction survey (once per case, surveys/port.py)."""
    from aftercare.surveys import port as surveys

    try:
        surveys.schedule_for(
            subject_kind="case", subject_id=case.caseId, customer_id=case.customerId, order_id=case.orderId
        )
    except Exception:  # the change is made; a lost survey must not turn it into an error
        logger.exception("survey scheduling failed", extra={"case_id": case.caseId})


def _notify(case: CaseModel, kind: str) -> None:
    try:
        notifications.send(
            case.customerId,
            kind,
            {"caseId": case.caseId, "orderId": case.orderId, "status": case.status, "type": case.type},
        )
    except Exception:  # the change is made; a lost notice must not turn it into an error
        logger.exception("case notification failed", extra={"case_id": case.caseId, "kind": kind})


def _after(case: CaseModel) -> CaseModel:
    """Run a hand-off the last change called for (best effort: the job retries it)."""
    if case.handoff:
        try:
            return _run_handoff(case)
        except Exception:
            metrics.add_metric(name="CaseHandoffFailures", unit="Count", value=1)
            logger.exception(
                "case hand-off failed; the deadline job retries it", extra={"case_id": case.caseId}
            )
    return case


def _run_handoff(case: CaseModel) -> CaseModel:
    for _ in range(_RETRIES):
        kind = case.handoff
        if kind == REFUND:
            refund_id = _request_refund(case)
            change: dict[str, Any] = {"refund_id": refund_id}
            # The refund may be on the case already, its workflow's start failed: now started.
            text = f"refund {refund_id} " + ("started" if case.refundId == refund_id else "requested")
        elif kind == TICKET:
            ticket_id = _open_ticket(case)
            dispute = as_dict(case.dispute)
            change = {
                "ticket_id": ticket_id,
                "actions": [CaseModel.dispute.set({**dispute, "ticketId": ticket_id})],
            }
            text = f"ticket {ticket_id} opened for the dispute"
        else:
            return case
        try:
            return _move(case, [], AFTER_SALES, text, condition=CaseModel.handoff == kind, **change)
        except Conflict:
            case = _load(case.caseId)  # moved meanwhile (the refund may have settled): look again
    return case


def _refund_request(case: CaseModel) -> dict[str, Any]:
    """What the refunds port is asked for a case's refund."""
    return {
        "source": "case",
        "source_id": case.caseId,
        "order_id": case.orderId,
        "customer_id": case.customerId,
        "items": [(item.sku, int(item.quantity)) for item in case.items],
        "reason": f"after-sales {case.type}: {case.reason}",
        "merchant_fault": bool(case.merchantFault),
        # Money that leaves on a refund-only case nobody reviewed waits for a person.
        "flagged": bool(case.autoApproved) and case.type == CaseType.REFUND_ONLY,
    }


def _request_refund(case: CaseModel) -> str:
    from aftercare.refunds import port as refunds

    return refunds.request_refund(**_refund_request(case))


def _open_ticket(case: CaseModel) -> str:
    from aftercare.tickets import port as tickets

    dispute = as_dict(case.dispute)
    origin = dispute.get("origin")
    what = "the rejection" if origin == S.REJECTED else "the failed inspection"
    return tickets.open_or_update_for(
        source="after-sales",
        source_id=case.caseId,
        customer_id=case.customerId,
        subject=f"Appeal against {what} of after-sales case {case.caseId}",
        message=str(dispute.get("reason") or "the customer appealed"),
        category="COMPLAINT" if origin == S.REJECTED else "RETURN",
        order_id=case.orderId,
        case_id=case.caseId,
    )


def _shipment(
    case: CaseModel, kind: str, parcel: ShipmentIn, at: str
) -> tuple[dict[str, Any], Callable[[TransactWrite], None]]:
    """A parcel of this case: its record on the case, and the Shipments part of the write."""
    shipment_id = ids.new_id("shp")
    record = {
        "shipmentId": shipment_id,
        "carrier": parcel.carrier,
        "trackingNumber": parcel.tracking_number,
        "status": "INFO_RECEIVED",
        "registeredAt": at,
    }

    def add(tx: TransactWrite) -> None:
        shipments.add_new_shipment(
            tx,
            shipment_id=shipment_id,
            order_id=case.orderId,
            customer_id=case.customerId,
            kind=kind,
            carrier=parcel.carrier,
            tracking_number=parcel.tracking_number,
            at=at,
            case_id=case.caseId,
        )

    return record, add


# ================================================================= review
def approve(case_id: str, actor: str, note: str | None = None, *, automatic: bool = False) -> CaseOut:
    case = _load(case_id)
    if case.status != S.REQUESTED:
        raise Conflict(f"a case in {case.status} cannot be approved")
    path = rules.approval_path(CaseType(case.type))
    text = note or ("approved automatically: not reviewed within 48 hours" if automatic else "approved")
    follow = (
        "waiting for the customer's return parcel" if path[-1] is S.AWAITING_RETURN else "refund requested"
    )
    case.autoApproved = automatic  # what this write records: the refund asked for with it sees it
    case = _move(
        case, path, actor, text, notes=[text, follow], actions=[CaseModel.autoApproved.set(automatic)]
    )
    return to_wire(_after(case))


def reject(case_id: str, actor: str, reason: str) -> CaseOut:
    case = _load(case_id)
    at = clock.now_iso()
    case = _move(
        case,
        [S.REJECTED],
        actor,
        f"rejected: {reason}",
        actions=[CaseModel.rejection.set({"reason": reason, "at": at, "by": actor})],
    )
    return to_wire(case)


# ================================================================= the customer
def ship_return(principal: Principal, case_id: str, parcel: ShipmentIn) -> CaseOut:
    case = _load_owned(principal, case_id)
    if case.status != S.AWAITING_RETURN:
        raise Conflict(f"a case in {case.status} is not waiting for a return parcel")
    at = clock.now_iso()
    record, add = _shipment(case, RETURN_KIND, parcel, at)
    case = _move(
        case,
        [S.RETURN_IN_TRANSIT],
        principal.sub,
        f"return shipped with {parcel.carrier} {parcel.tracking_number}",
        actions=[CaseModel.returnShipment.set(record)],
        extra=add,
    )
    return to_wire(case)


def cancel(principal: Principal, case_id: str, reason: str | None) -> CaseOut:
    case = _load_owned(principal, case_id)
    if case.status not in rules.CANCELLABLE:
        raise Conflict(f"a case in {case.status} can no longer be cancelled (the return has shipped)")
    note = f"cancelled by the customer: {reason}" if reason else "cancelled by the customer"
    return to_wire(_move(case, [S.CANCELLED], principal.sub, note))


def confirm(principal: Principal, case_id: str) -> CaseOut:
    case = _load_owned(principal, case_id)
    status = CaseStatus(case.status)
    if not rules.is_resolved(status, inspection_failed=_inspection_failed(case)):
        raise Conflict(f"a case in {status} has no resolution to accept yet")
    return to_wire(_move(case, [S.COMPLETED], principal.sub, "the customer accepted the resolution"))


def appeal(principal: Principal, case_id: str, reason: str) -> CaseOut:
    case = _load_owned(principal, case_id)
    status = CaseStatus(case.status)
    appealable = status is S.REJECTED or (status is S.INSPECTED and _inspection_failed(case))
    if not appealable:
        raise Conflict(f"a case in {status} cannot be appealed; only a rejection or a failed inspection can")
    if case.appealed:
        raise Conflict("this case was appealed once already; the supervisor's decision is final")
    appeal_by = _deadlines(case).get(rules.APPEAL_BY)
    now = clock.now_iso()
    if appeal_by and now > appeal_by:
        raise BusinessRuleViolation(
            f"the appeal window closed at {appeal_by}",
            errors=[{"field": "reason", "message": "window closed"}],
        )
    dispute = {"reason": reason, "origin": status.value, "openedAt": now}
    case = _move(
        case,
        [S.DISPUTED],
        principal.sub,
        f"appealed: {reason}",
        actions=[CaseModel.dispute.set(dispute), CaseModel.appealed.set(True)],
    )
    metrics.add_metric(name="CasesDisputed", unit="Count", value=1)
    return to_wire(_after(case))


# ================================================================= warehouse
def receive(case_id: str, actor: str, note: str | None = None) -> CaseOut:
    case = _load(case_id)
    if case.status not in {S.AWAITING_RETURN, S.RETURN_IN_TRANSIT}:
        raise Conflict(f"a case in {case.status} is not waiting for its return")
    return to_wire(_move(case, [S.RECEIVED], actor, note or "return received at the warehouse"))


def inspect(
    case_id: str,
    actor: str,
    result: InspectionResult,
    notes: str | None,
    replacement: ShipmentIn | None = None,
    *,
    automatic: bool = False,
) -> CaseOut:
    case = _load(case_id)
    status, case_type = CaseStatus(case.status), CaseType(case.type)
    at = clock.now_iso()
    if replacement is not None and (case_type is not CaseType.EXCHANGE or result is InspectionResult.FAIL):
        raise BusinessRuleViolation(
            "a replacement is sent only for an exchange that passed inspection",
            errors=[{"field": "replacement", "message": "only with an exchange's PASS"}],
        )
    awaiting_dispatch = (
        status is S.INSPECTED and case_type is CaseType.EXCHANGE and not _inspection_failed(case)
    )
    if awaiting_dispatch:
        # The exchange passed (automatically or on appeal): this call sends its replacement.
        if result is not InspectionResult.PASS or replacement is None:
            raise Conflict(
                "this exchange passed inspection; send its replacement with result PASS and replacement"
            )
        record, add = _shipment(case, REPLACEMENT_KIND, replacement, at)
        text = f"replacement shipped with {replacement.carrier} {replacement.tracking_number}"
        case = _move(
            case,
            [S.EXCHANGE_SHIPPED],
            actor,
            text,
            actions=[CaseModel.replacementShipment.set(record)],
            extra=add,
        )
        return to_wire(case)
    if status is not S.RECEIVED:
        raise Conflict(f"a case in {status} is not waiting for inspection")
    path = rules.inspection_path(case_type, result, replacement=replacement is not None)
    inspection = {"result": result.value, "at": at, "by": actor, "automatic": automatic}
    if notes:
        inspection["notes"] = notes
    actions: list[Action] = [CaseModel.inspection.set(inspection)]
    texts: list[str | None] = [f"inspection {result}" + (f": {notes}" if notes else "")]
    extra = None
    if path[-1] is S.EXCHANGE_SHIPPED and replacement is not None:
        record, extra = _shipment(case, REPLACEMENT_KIND, replacement, at)
        actions.append(CaseModel.replacementShipment.set(record))
        texts.append(f"replacement shipped with {replacement.carrier} {replacement.tracking_number}")
    elif path[-1] is S.REPAIRING:
        actions.append(CaseModel.repair.set(_repair_start(at, actor)))
        texts.append("repair started")
    elif path[-1] is S.REFUNDING:
        texts.append("refund requested")
    case = _move(
        case,
        path,
        actor,
        texts[0],
        notes=texts,
        actions=actions,
        inspection_failed=result is InspectionResult.FAIL,
        extra=extra,
    )
    return to_wire(_after(case))


def _repair_start(at: str, actor: str) -> dict[str, Any]:
    return {"stage": RepairStage.RECEIVED.value, "stages": [{"stage": RepairStage.RECEIVED.value, "at": at,
                                                             "actor": actor}]}  # fmt: skip


def repair_progress(case_id: str, actor: str, request: RepairProgressRequest) -> CaseOut:
    case = _load(case_id)
    if case.status != S.REPAIRING:
        raise Conflict(f"a case in {case.status} is not being repaired")
    repair = as_dict(case.repair) or _repair_start(case.updatedAt, actor)
    stage = rules.repair_stage_after(RepairStage(repair["stage"]), request.stage)
    at = clock.now_iso()
    step: dict[str, Any] = {"stage": stage.value, "at": at, "actor": actor}
    if request.note:
        step["note"] = request.note
    repair = {"stage": stage.value, "stages": [*list(repair.get("stages", [])), step]}
    actions: list[Action] = [CaseModel.repair.set(repair)]
    text = f"repair {stage}" + (f": {request.note}" if request.note else "")
    if stage is RepairStage.SHIPPED_BACK:
        assert request.carrier
        assert request.tracking_number  # the request model requires both
        parcel = ShipmentIn(carrier=request.carrier, tracking_number=request.tracking_number)
        record, add = _shipment(case, REPLACEMENT_KIND, parcel, at)
        actions.append(CaseModel.replacementShipment.set(record))
        return to_wire(_move(case, [S.REPAIR_SHIPPED], actor, text, actions=actions, extra=add))
    return to_wire(_move(case, [], actor, text, actions=actions))


# ================================================================= disputes
def resolve_dispute(case_id: str, actor: str, decision: DisputeDecision, note: str) -> CaseOut:
    case = _load(case_id)
    if case.status != S.DISPUTED:
        raise Conflict(f"a case in {case.status} has no open dispute")
    dispute = as_dict(case.dispute)
    origin = CaseStatus(dispute.get("origin", S.REJECTED))
    case_type = CaseType(case.type)
    path = rules.dispute_path(case_type, origin, decision)
    at = clock.now_iso()
    decided = {**dispute, "decision": decision.value, "note": note, "decidedBy": actor, "decidedAt": at}
    actions: list[Action] = [CaseModel.dispute.set(decided)]
    inspection_failed = None
    if origin is S.INSPECTED and decision is DisputeDecision.FOR_CUSTOMER:
        inspection = {
            **as_dict(case.inspection),
            "result": InspectionResult.PASS.value,
            "at": at,
            "by": actor,
            "notes": f"overturned on appeal: {note}",
            "automatic": False,
        }
        actions.append(CaseModel.inspection.set(inspection))
        inspection_failed = False
        if path[-1] is S.REPAIRING:
            actions.append(CaseModel.repair.set(_repair_start(at, actor)))
    if origin is S.REJECTED and decision is DisputeDecision.FOR_CUSTOMER:
        actions.append(CaseModel.rejection.remove())
    text = f"dispute decided {decision}: {note}"
    case = _move(case, path, actor, text, actions=actions, inspection_failed=inspection_failed)
    _notify(case, "case.dispute-decided")
    _tell_ticket(case, f"Decision {decision}: {note}")
    return to_wire(_after(case))


def _tell_ticket(case: CaseModel, message: str) -> None:
    try:
        from aftercare.tickets import port as tickets

        tickets.open_or_update_for(
            source="after-sales",
            source_id=case.caseId,
            customer_id=case.customerId,
            subject=f"Appeal on after-sales case {case.caseId}",
            message=message,
            category="RETURN",
            order_id=case.orderId,
            case_id=case.caseId,
        )
    except Exception:
        logger.exception(
            "could not record the dispute decision on its ticket", extra={"case_id": case.caseId}
        )


# ================================================================= ports: couriers and refunds
def _earlier(first: str, second: str) -> bool:
    try:
        return clock.parse_iso(first) < clock.parse_iso(second)
    except ValueError:
        return first < second


def on_return_parcel_moved(*, case_id: str, status: str, occurred_at: str) -> None:
    """A RETURN parcel's status changed: moving parcels put the case in RETURN_IN_TRANSIT,
    a delivered one makes it RECEIVED. Idempotent, and never moves a case backwards."""
    for _ in range(_RETRIES):
        case = store.get(case_id, consistent=True)
        if case is None:
            logger.warning("a return parcel names an unknown case", extra={"case_id": case_id})
            return
        current = CaseStatus(case.status)
        parcel = as_dict(case.returnShipment)
        if current not in {S.AWAITING_RETURN, S.RETURN_IN_TRANSIT}:
            return  # received or beyond: a late courier event changes nothing
        if parcel.get("updatedAt") and _earlier(occurred_at, parcel["updatedAt"]):
            return  # older than what the case already knows
        recorded = (
            [CaseModel.returnShipment.set({**parcel, "status": status, "updatedAt": occurred_at})]
            if parcel
            else []
        )
        try:
            if status == "DELIVERED":
                _move(
                    case, [S.RECEIVED], COURIER, f"return parcel delivered at {occurred_at}", actions=recorded
                )
            elif status in MOVING_PARCEL and current is S.AWAITING_RETURN:
                _move(
                    case,
                    [S.RETURN_IN_TRANSIT],
                    COURIER,
                    f"return parcel {status} at {occurred_at}",
                    actions=recorded,
                )
            elif parcel and parcel.get("status") != status:
                _move(case, [], COURIER, f"return parcel {status} at {occurred_at}", actions=recorded)
            return
        except Conflict:
            continue
    raise Conflict(f"case {case_id} kept changing; the courier event will be retried")


def on_refund_settled(*, case_id: str, refund_id: str, status: str) -> None:
    """The refund workflow finished a case's refund. SUCCEEDED → REFUNDED. REJECTED or
    MANUAL_REVIEW leave the case in REFUNDING (it stays in the staff queue) with a timeline
    note, so a supervisor can act; a later SUCCEEDED still completes it. Idempotent."""
    for _ in range(_RETRIES):
        case = store.get(case_id, consistent=True)
        if case is None:
            logger.warning(
                "a refund names an unknown case", extra={"case_id": case_id, "refund_id": refund_id}
            )
            return
        if case.refundId and case.refundId != refund_id:
            logger.warning(
                "a refund that is not the case's settled", extra={"case_id": case_id, "refund_id": refund_id}
            )
            return
        if case.status != S.REFUNDING or case.refundStatus == status:
            return
        recorded = [CaseModel.refundStatus.set(status)]
        try:
            if status == "SUCCEEDED":
                _move(case, [S.REFUNDED], REFUND_WORKFLOW, f"refund {refund_id} paid", actions=recorded,
                      refund_id=refund_id)  # fmt: skip
            else:
                _move(case, [], REFUND_WORKFLOW, f"refund {refund_id} {status}: a supervisor needs to act",
                      actions=recorded, refund_id=refund_id)  # fmt: skip
                metrics.add_metric(name="CaseRefundsStuck", unit="Count", value=1)
            return
        except Conflict:
            continue
    raise Conflict(f"case {case_id} kept changing; the refund outcome will be retried")


# ================================================================= the deadline job
@dataclass
class SweepReport:
    examined: int = 0
    acted: int = 0
    failed: int = 0
    actions: dict[str, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"examined": self.examined, "acted": self.acted, "failed": self.failed,
                "actions": dict(self.actions or {})}  # fmt: skip


def sweep_deadlines(*, batch: int = 100, time_left: Callable[[], float] | None = None) -> SweepReport:
    """Act on every case whose next deadline has passed (found through the sparse
    dueDeadlines index, never a scan). Each action is a conditional write on the state the
    case is in, so a second run, or two runs at once, change nothing more."""
    report = SweepReport(actions={})
    now_iso = clock.now_iso()
    for shard in rules.all_due_shards():
        while True:
            due = store.due(shard, now_iso, limit=batch)
            progressed = False
            for row in due:
                if time_left is not None and time_left() < 2.0:
                    logger.warning(
                        "deadline sweep stopped early; the next run continues", extra=report.as_dict()
                    )
                    return report
                report.examined += 1
                try:
                    done = _enforce(row.caseId, now_iso)
                except Exception:
                    report.failed += 1
                    logger.exception("deadline action failed", extra={"case_id": row.caseId})
                    continue
                for action in done:
                    assert report.actions is not None
                    report.actions[action] = report.actions.get(action, 0) + 1
                if done:
                    report.acted += 1
                    progressed = True
            if len(due) < batch or not progressed:
                break
    logger.info("deadline sweep", extra=report.as_dict())
    return report


def _enforce(case_id: str, now_iso: str) -> list[str]:
    done: list[str] = []
    case = store.get(case_id, consistent=True)
    if case is None:
        return done
    pending = rules.due_actions(
        CaseStatus(case.status),
        _deadlines(case),
        now_iso,
        inspection_failed=_inspection_failed(case),
        breached=bool(case.resolveBreachedAt),
    )
    for action in pending:
        case = _load(case_id)
        if action is DeadlineAction.HANDOFF:
            before = case.handoff
            case = _run_handoff(case)
            if case.handoff != before:
                done.append(action)
            continue
        if action is DeadlineAction.RESOLVE_BREACH:
            _move(case, [], SYSTEM, "resolution target missed (48 hours after receipt)", mark_breach=True)
        elif action is DeadlineAction.AUTO_APPROVE:
            approve(case_id, SYSTEM, automatic=True)
        elif action is DeadlineAction.CLOSE:
            _move(case, [S.CLOSED_TIMEOUT], SYSTEM, "closed: the return was not shipped within 7 days")
            metrics.add_metric(name="CasesClosedTimeout", unit="Count", value=1)
        elif action is DeadlineAction.AUTO_PASS:
            text = "passed automatically: not inspected within 48 hours"
            inspect(case_id, SYSTEM, InspectionResult.PASS, text, automatic=True)
        elif action is DeadlineAction.AUTO_COMPLETE:
            _move(case, [S.COMPLETED], SYSTEM, "completed automatically 7 days after the resolution")
        done.append(action)
    return done
