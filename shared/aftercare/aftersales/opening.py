"""Opening a case: what an order's items allow now (types, windows, units left), and the
request that opens one, reserving its units in the same write."""

from __future__ import annotations

from aftercare import clock, ids
from aftercare.aftersales import evidence, rules, store
from aftercare.aftersales.models import (
    AfterSalesOptionsOut,
    CaseOut,
    ItemOptionsOut,
    OpenCaseRequest,
    ReasonOptionOut,
    TypeOptionOut,
)
from aftercare.aftersales.reads import to_wire
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case, CoverageChange, Line, Step
from aftercare.auth import CUSTOMER, Principal, require_owner, require_role
from aftercare.errors import BusinessRuleViolation
from aftercare.observability import logger, metrics
from aftercare.orders import queries as orders


def options(principal: Principal, order_id: str) -> AfterSalesOptionsOut:
    order = orders.order_for(principal, order_id)
    policy = rules.load_policy()
    delivered_at = order.received_at
    now = clock.now()
    covered = store.covered_units(order.order_id, [item.sku for item in order.items])
    items = []
    for item in order.items:
        bought = item.quantity
        remaining = rules.remaining_quantity(bought, covered[item.sku])
        type_options = rules.item_options(
            policy,
            category=item.category,
            delivered_at=delivered_at,
            now=now,
            remaining=remaining,
            extended_warranty_days=item.extended_warranty_days,
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
        order_id=order.order_id,
        order_status=order.status,
        delivered_at=order.delivered_at,
        evaluated_at=clock.iso(now),
        items=items,
    )


def open_case(principal: Principal, request: OpenCaseRequest) -> CaseOut:
    require_role(principal, CUSTOMER)
    order = orders.order(request.order_id)
    require_owner(principal, order.customer_id, "order")
    policy = rules.load_policy()
    delivered_at = order.received_at
    now = clock.now()
    by_sku = {item.sku: item for item in order.items}
    covered = store.covered_units(order.order_id, [line.sku for line in request.items if line.sku in by_sku])
    lines: list[Line] = []
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
            extended_warranty_days=item.extended_warranty_days,
        )
        bought = item.quantity
        rules.check_quantity(line.sku, line.quantity, bought, covered[line.sku], index=index)
        lines.append(Line(item.sku, item.name, item.category, line.quantity, item.unit_price, bought))
    evidence.check_cited(principal.sub, request.evidence_keys)

    at = clock.iso(now)
    case_id = ids.new_id("as")
    review_by = clock.iso(now + rules.REVIEW_WITHIN)
    case = Case(
        case_id=case_id,
        customer_id=principal.sub,
        order_id=order.order_id,
        type=request.type,
        reason=request.reason,
        status=CaseStatus.REQUESTED,
        items=tuple(lines),
        description=request.description,
        evidence_keys=tuple(request.evidence_keys),
        merchant_fault=rules.is_merchant_fault(policy, request.reason),
        deadlines={rules.REVIEW_BY: review_by},
        queue_at=rules.queue_position(review_by, at),
        next_deadline_at=review_by,
        due_shard=rules.due_shard(case_id),
        timeline=(Step(at, None, CaseStatus.REQUESTED, principal.sub, f"{request.type} requested"),),
        created_at=at,
        updated_at=at,
        version=0,
    )
    stored = store.create(case, [CoverageChange(line.sku, line.quantity, line.bought) for line in lines])
    metrics.add_metric(name="CasesOpened", unit="Count", value=1)
    logger.info("case opened", extra={"case_id": case_id, "order_id": order.order_id, "type": request.type})
    return to_wire(stored)
