"""After-sales rules, pure and table-tested: the policy (what may be asked, until when, how
many), the case state machine, and the case's deadlines. No I/O except reading the policy
file that ships in the layer (policy.json beside this module)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from aftercare.errors import BusinessRuleViolation, Conflict


class CaseType(StrEnum):
    REFUND_ONLY = "REFUND_ONLY"
    RETURN_REFUND = "RETURN_REFUND"
    EXCHANGE = "EXCHANGE"
    REPAIR = "REPAIR"


class Reason(StrEnum):
    NO_REASON = "NO_REASON"
    QUALITY_ISSUE = "QUALITY_ISSUE"
    WRONG_ITEM = "WRONG_ITEM"
    DAMAGED_IN_TRANSIT = "DAMAGED_IN_TRANSIT"
    NOT_AS_DESCRIBED = "NOT_AS_DESCRIBED"
    MISSING_ITEM = "MISSING_ITEM"
    NOT_RECEIVED = "NOT_RECEIVED"
    SIZE_FIT = "SIZE_FIT"
    OTHER = "OTHER"


class CaseStatus(StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    AWAITING_RETURN = "AWAITING_RETURN"
    RETURN_IN_TRANSIT = "RETURN_IN_TRANSIT"
    RECEIVED = "RECEIVED"
    INSPECTED = "INSPECTED"
    REFUNDING = "REFUNDING"
    REFUNDED = "REFUNDED"
    EXCHANGE_SHIPPED = "EXCHANGE_SHIPPED"
    REPAIRING = "REPAIRING"
    REPAIR_SHIPPED = "REPAIR_SHIPPED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    CLOSED_TIMEOUT = "CLOSED_TIMEOUT"
    DISPUTED = "DISPUTED"


class InspectionResult(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"


class RepairStage(StrEnum):
    RECEIVED = "RECEIVED"
    DIAGNOSING = "DIAGNOSING"
    REPAIRING = "REPAIRING"
    TESTING = "TESTING"
    SHIPPED_BACK = "SHIPPED_BACK"


class DisputeDecision(StrEnum):
    FOR_CUSTOMER = "FOR_CUSTOMER"
    FOR_MERCHANT = "FOR_MERCHANT"


# ================================================================= policy
POLICY_FILE = Path(__file__).with_name("policy.json")
WINDOW_FIELDS = ("noReasonReturnDays", "qualityReturnDays", "warrantyDays", "refundOnlyDays")


@dataclass(frozen=True)
class CategoryPolicy:
    windows: Mapping[str, int]  # window field (noReasonReturnDays ...) -> days
    refused_classes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Policy:
    reason_classes: Mapping[str, frozenset[Reason]]
    types: Mapping[CaseType, Mapping[str, str]]  # type -> reason class -> window field
    evidence_required_for: frozenset[Reason]
    merchant_fault_reasons: frozenset[Reason]
    default: CategoryPolicy
    categories: Mapping[str, CategoryPolicy] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)

    def category(self, name: str) -> CategoryPolicy:
        key = name.strip().lower()
        key = self.aliases.get(key, key)
        return self.categories.get(key, self.default)

    def classes_of(self, reason: Reason) -> list[str]:
        return [name for name, reasons in self.reason_classes.items() if reason in reasons]

    def reasons_for(self, case_type: CaseType) -> list[Reason]:
        classes = self.types.get(case_type, {})
        return [reason for reason in Reason if any(c in classes for c in self.classes_of(reason))]


def policy_from_dict(data: Mapping[str, Any]) -> Policy:
    """Build (and validate) a policy from its JSON form; a broken file fails loudly at load."""

    def reasons(values: Iterable[str]) -> frozenset[Reason]:
        return frozenset(Reason(value) for value in values)

    classes = {name: reasons(values) for name, values in data["reasonClasses"].items()}
    types: dict[CaseType, dict[str, str]] = {}
    for type_name, windows in data["types"].items():
        for class_name, window in windows.items():
            if class_name not in classes or window not in WINDOW_FIELDS:
                raise ValueError(f"policy type {type_name}: unknown class {class_name} or window {window}")
        types[CaseType(type_name)] = dict(windows)
    default_windows = {name: int(data["default"][name]) for name in WINDOW_FIELDS}

    def category(spec: Mapping[str, Any]) -> CategoryPolicy:
        refused = frozenset(spec.get("refusedClasses", []))
        if refused - classes.keys():
            raise ValueError(f"policy refuses unknown reason classes {sorted(refused - classes.keys())}")
        windows = {name: int(spec.get(name, default_windows[name])) for name in WINDOW_FIELDS}
        if any(days < 0 for days in windows.values()):
            raise ValueError("policy windows cannot be negative")
        return CategoryPolicy(windows=windows, refused_classes=refused)

    categories = {name.lower(): category(spec) for name, spec in data.get("categories", {}).items()}
    aliases = {alias.lower(): target.lower() for alias, target in data.get("aliases", {}).items()}
    if set(aliases.values()) - categories.keys():
        raise ValueError("policy aliases must name a listed category")
    return Policy(
        reason_classes=classes,
        types=types,
        evidence_required_for=reasons(data.get("evidenceRequiredFor", [])),
        merchant_fault_reasons=reasons(data.get("merchantFaultReasons", [])),
        default=category(data["default"]),
        categories=categories,
        aliases=aliases,
    )


def last_window_days(policy: Policy, categories: Iterable[str], *, extended_warranty_days: int = 0) -> int:
    """How many days after delivery the last after-sales window of these goods closes."""
    longest = 0
    for category in categories:
        windows = dict(policy.category(category).windows)
        if windows.get("warrantyDays", 0) > 0:
            windows["warrantyDays"] += max(0, extended_warranty_days)
        longest = max(longest, *windows.values())
    return longest


@cache
def load_policy(path: Path = POLICY_FILE) -> Policy:
    return policy_from_dict(json.loads(path.read_text(encoding="utf-8")))


def window_days(
    policy: Policy, case_type: CaseType, reason: Reason, category: str, *, extended_warranty_days: int = 0
) -> tuple[int | None, str | None]:
    """(days after delivery the request may be made, None) or (None, why it never may)."""
    classes = policy.types.get(case_type, {})
    rules = policy.category(category)
    candidates = [name for name in policy.classes_of(reason) if name in classes]
    if not candidates:
        return None, f"{reason} is not a reason for {case_type}"
    allowed = [name for name in candidates if name not in rules.refused_classes]
    if not allowed:
        return None, f"{category} goods are not returnable without a quality issue"
    best = 0
    for name in allowed:
        window = classes[name]
        days = rules.windows[window]
        if window == "warrantyDays" and days > 0:
            days += max(0, extended_warranty_days)
        best = max(best, days)
    if best <= 0:
        return None, f"{case_type} is not offered for {category} goods"
    return best, None


@dataclass(frozen=True)
class ReasonOption:
    reason: Reason
    until: datetime
    evidence_required: bool


@dataclass(frozen=True)
class TypeOption:
    type: CaseType
    allowed: bool
    until: datetime | None  # the latest date any reason of this type is still accepted
    reasons: list[ReasonOption]
    refusal: str | None = None


def item_options(
    policy: Policy,
    *,
    category: str,
    delivered_at: datetime | None,
    now: datetime,
    remaining: int,
    extended_warranty_days: int = 0,
) -> list[TypeOption]:
    """Per case type: allowed now or not (and why), until when, with which reasons."""
    options = []
    for case_type in CaseType:
        reasons: list[ReasonOption] = []
        refusals: list[str] = []
        for reason in policy.reasons_for(case_type):
            days, why = window_days(
                policy, case_type, reason, category, extended_warranty_days=extended_warranty_days
            )
            if days is None or delivered_at is None:
                refusals.append(why or "the order has not been delivered")
                continue
            until = delivered_at + timedelta(days=days)
            if now <= until:
                reasons.append(ReasonOption(reason, until, reason in policy.evidence_required_for))
            else:
                refusals.append(f"the {case_type} window closed on {until.date().isoformat()}")
        refusal = None
        if delivered_at is None:
            refusal = "the order has not been delivered"
        elif remaining <= 0:
            refusal = "every unit is already covered by another case"
        elif not reasons:
            refusal = refusals[0] if refusals else f"{case_type} is not offered"
        allowed = refusal is None
        options.append(
            TypeOption(
                type=case_type,
                allowed=allowed,
                until=max(r.until for r in reasons) if allowed else None,
                reasons=reasons if allowed else [],
                refusal=refusal,
            )
        )
    return options


def check_request(
    policy: Policy,
    *,
    case_type: CaseType,
    reason: Reason,
    category: str,
    delivered_at: datetime | None,
    now: datetime,
    evidence_count: int,
    extended_warranty_days: int = 0,
    field_name: str = "reason",
) -> None:
    """Refuse (422) a request the policy does not allow for this item now."""
    if delivered_at is None:
        raise BusinessRuleViolation(
            "after-sales cases open once the order is delivered",
            errors=[{"field": "orderId", "message": "the order has not been delivered"}],
        )
    days, why = window_days(
        policy, case_type, reason, category, extended_warranty_days=extended_warranty_days
    )
    if days is None:
        raise BusinessRuleViolation(
            why or "not allowed", errors=[{"field": field_name, "message": why or ""}]
        )
    until = delivered_at + timedelta(days=days)
    if now > until:
        message = f"the {days}-day window for {case_type} ({reason}) closed on {until.date().isoformat()}"
        raise BusinessRuleViolation(message, errors=[{"field": field_name, "message": "window closed"}])
    if reason in policy.evidence_required_for and evidence_count == 0:
        raise BusinessRuleViolation(
            f"{reason} needs photo or video evidence",
            errors=[{"field": "evidenceKeys", "message": "evidence required for this reason"}],
        )


def remaining_quantity(bought: int, covered: int) -> int:
    return max(0, bought - covered)


def check_quantity(sku: str, wanted: int, bought: int, covered: int, *, index: int) -> None:
    left = remaining_quantity(bought, covered)
    if wanted > left:
        raise BusinessRuleViolation(
            f"{sku}: {wanted} requested but only {left} of {bought} remain without a case",
            errors=[{"field": f"items[{index}].quantity", "message": f"at most {left}"}],
        )


def is_merchant_fault(policy: Policy, reason: Reason) -> bool:
    return reason in policy.merchant_fault_reasons


# ================================================================= the state machine
S, T = CaseStatus, CaseType
ALL_TYPES = frozenset(CaseType)
RETURN_TYPES = frozenset({T.RETURN_REFUND, T.EXCHANGE, T.REPAIR})
REFUND_TYPES = frozenset({T.REFUND_ONLY, T.RETURN_REFUND})

TRANSITIONS: dict[tuple[CaseStatus, CaseStatus], frozenset[CaseType]] = {
    (S.REQUESTED, S.APPROVED): ALL_TYPES,
    (S.REQUESTED, S.REJECTED): ALL_TYPES,
    (S.REQUESTED, S.CANCELLED): ALL_TYPES,
    (S.APPROVED, S.AWAITING_RETURN): RETURN_TYPES,
    (S.APPROVED, S.REFUNDING): frozenset({T.REFUND_ONLY}),
    (S.APPROVED, S.CANCELLED): RETURN_TYPES,
    (S.AWAITING_RETURN, S.RETURN_IN_TRANSIT): RETURN_TYPES,
    (S.AWAITING_RETURN, S.RECEIVED): RETURN_TYPES,  # handed in at a counter, no tracking
    (S.AWAITING_RETURN, S.CANCELLED): RETURN_TYPES,
    (S.AWAITING_RETURN, S.CLOSED_TIMEOUT): RETURN_TYPES,
    (S.RETURN_IN_TRANSIT, S.RECEIVED): RETURN_TYPES,
    (S.RECEIVED, S.INSPECTED): RETURN_TYPES,
    (S.INSPECTED, S.REFUNDING): frozenset({T.RETURN_REFUND}),
    (S.INSPECTED, S.EXCHANGE_SHIPPED): frozenset({T.EXCHANGE}),
    (S.INSPECTED, S.REPAIRING): frozenset({T.REPAIR}),
    (S.INSPECTED, S.DISPUTED): RETURN_TYPES,  # appeal of a failed inspection
    (S.INSPECTED, S.COMPLETED): RETURN_TYPES,  # a failed inspection accepted or timed out
    (S.REFUNDING, S.REFUNDED): REFUND_TYPES,
    (S.REPAIRING, S.REPAIR_SHIPPED): frozenset({T.REPAIR}),
    (S.REFUNDED, S.COMPLETED): REFUND_TYPES,
    (S.EXCHANGE_SHIPPED, S.COMPLETED): frozenset({T.EXCHANGE}),
    (S.REPAIR_SHIPPED, S.COMPLETED): frozenset({T.REPAIR}),
    (S.REJECTED, S.DISPUTED): ALL_TYPES,  # appeal of a rejection
    # a supervisor's decision
    (S.DISPUTED, S.APPROVED): ALL_TYPES,  # a rejection overturned
    (S.DISPUTED, S.REJECTED): ALL_TYPES,  # a rejection upheld
    (S.DISPUTED, S.REFUNDING): frozenset({T.RETURN_REFUND}),  # a failed inspection overturned
    (S.DISPUTED, S.INSPECTED): frozenset({T.EXCHANGE}),  # overturned: the replacement is due
    (S.DISPUTED, S.REPAIRING): frozenset({T.REPAIR}),  # overturned: the repair goes ahead
    (S.DISPUTED, S.COMPLETED): RETURN_TYPES,  # a failed inspection upheld
}

TERMINAL = frozenset({S.COMPLETED, S.CANCELLED, S.CLOSED_TIMEOUT})
CANCELLABLE = frozenset({S.REQUESTED, S.APPROVED, S.AWAITING_RETURN})  # before the return ships
RESOLVED = frozenset({S.REFUNDED, S.EXCHANGE_SHIPPED, S.REPAIR_SHIPPED})  # plus a failed inspection
# Reaching these gives the reserved quantities back (nothing was, or will be, given for them).
RELEASING = frozenset({S.REJECTED, S.CANCELLED, S.CLOSED_TIMEOUT})


def check_transition(case_type: CaseType, current: CaseStatus, target: CaseStatus) -> None:
    allowed = TRANSITIONS.get((current, target))
    if allowed is None or case_type not in allowed:
        raise Conflict(f"a {case_type} case in {current} cannot move to {target}")


def check_path(case_type: CaseType, current: CaseStatus, path: Iterable[CaseStatus]) -> None:
    for target in path:
        check_transition(case_type, current, target)
        current = target


def approval_path(case_type: CaseType) -> list[CaseStatus]:
    """Approval moves on at once: a refund-only case to its refund, the others to the return."""
    if case_type is T.REFUND_ONLY:
        return [S.APPROVED, S.REFUNDING]
    return [S.APPROVED, S.AWAITING_RETURN]


def inspection_path(case_type: CaseType, result: InspectionResult, *, replacement: bool) -> list[CaseStatus]:
    if result is InspectionResult.FAIL:
        return [S.INSPECTED]
    if case_type is T.RETURN_REFUND:
        return [S.INSPECTED, S.REFUNDING]
    if case_type is T.EXCHANGE:
        return [S.INSPECTED, S.EXCHANGE_SHIPPED] if replacement else [S.INSPECTED]
    if case_type is T.REPAIR:
        return [S.INSPECTED, S.REPAIRING]
    raise Conflict(f"a {case_type} case has no inspection")


def dispute_path(case_type: CaseType, origin: CaseStatus, decision: DisputeDecision) -> list[CaseStatus]:
    """Where a supervisor's decision leads, from what was appealed (a rejection or a failed
    inspection)."""
    for_customer = decision is DisputeDecision.FOR_CUSTOMER
    if origin is S.REJECTED:
        return [S.APPROVED, *approval_path(case_type)[1:]] if for_customer else [S.REJECTED]
    if not for_customer:
        return [S.COMPLETED]
    return {
        T.RETURN_REFUND: [S.REFUNDING],
        T.EXCHANGE: [S.INSPECTED],
        T.REPAIR: [S.REPAIRING],
    }.get(case_type, [S.COMPLETED])


def releases_coverage(target: CaseStatus, *, inspection_failed: bool) -> bool:
    """Whether reaching `target` gives the case's quantities back: nothing was given for
    them (rejected, cancelled, closed, or completed after an upheld failed inspection)."""
    return target in RELEASING or (target is S.COMPLETED and inspection_failed)


def is_resolved(status: CaseStatus, *, inspection_failed: bool) -> bool:
    return status in RESOLVED or (status is S.INSPECTED and inspection_failed)


def repair_stage_after(current: RepairStage, wanted: RepairStage) -> RepairStage:
    """Repair stages only move forward (skipping is allowed: not every repair is tested)."""
    order = list(RepairStage)
    if order.index(wanted) <= order.index(current):
        raise Conflict(f"the repair is already at {current}; stages only move forward")
    return wanted


# ================================================================= deadlines
REVIEW_WITHIN = timedelta(hours=48)
SHIP_RETURN_WITHIN = timedelta(days=7)
INSPECT_WITHIN = timedelta(hours=48)
RESOLVE_WITHIN = timedelta(hours=48)  # service target after the return's receipt
AUTO_COMPLETE_AFTER = timedelta(days=7)
APPEAL_WITHIN = timedelta(days=7)

REVIEW_BY = "reviewBy"
RETURN_SHIP_BY = "returnShipBy"
INSPECT_BY = "inspectBy"
RESOLVE_TARGET = "resolveTarget"
AUTO_COMPLETE_AT = "autoCompleteAt"
APPEAL_BY = "appealBy"
PUBLIC_DEADLINES = (REVIEW_BY, RETURN_SHIP_BY, INSPECT_BY, RESOLVE_TARGET, AUTO_COMPLETE_AT, APPEAL_BY)


def deadlines_on_entering(
    status: CaseStatus, at: datetime, *, inspection_failed: bool, existing: Mapping[str, str]
) -> dict[str, str]:
    """The named deadlines a case gains when it enters `status` at `at` (ISO strings)."""
    from aftercare.clock import iso

    gained: dict[str, str] = {}
    if status is S.AWAITING_RETURN:
        gained[RETURN_SHIP_BY] = iso(at + SHIP_RETURN_WITHIN)
    elif status is S.REFUNDING and RESOLVE_TARGET not in existing:
        gained[RESOLVE_TARGET] = iso(at + RESOLVE_WITHIN)  # refund-only: no receipt to count from
    elif status is S.RECEIVED:
        gained[INSPECT_BY] = iso(at + INSPECT_WITHIN)
        gained[RESOLVE_TARGET] = iso(at + RESOLVE_WITHIN)
    elif status is S.REJECTED:
        gained[APPEAL_BY] = iso(at + APPEAL_WITHIN)
    if is_resolved(status, inspection_failed=inspection_failed):
        gained[AUTO_COMPLETE_AT] = iso(at + AUTO_COMPLETE_AFTER)
        if status is S.INSPECTED:
            gained[APPEAL_BY] = gained[AUTO_COMPLETE_AT]
    return gained


class DeadlineAction(StrEnum):
    AUTO_APPROVE = "AUTO_APPROVE"
    CLOSE = "CLOSE"
    AUTO_PASS = "AUTO_PASS"
    AUTO_COMPLETE = "AUTO_COMPLETE"
    RESOLVE_BREACH = "RESOLVE_BREACH"


# The deadline that drives each status (the job acts on it when it passes).
_STATUS_DEADLINE: dict[CaseStatus, tuple[str, DeadlineAction]] = {
    S.REQUESTED: (REVIEW_BY, DeadlineAction.AUTO_APPROVE),
    S.AWAITING_RETURN: (RETURN_SHIP_BY, DeadlineAction.CLOSE),
    S.RECEIVED: (INSPECT_BY, DeadlineAction.AUTO_PASS),
    S.REFUNDED: (AUTO_COMPLETE_AT, DeadlineAction.AUTO_COMPLETE),
    S.EXCHANGE_SHIPPED: (AUTO_COMPLETE_AT, DeadlineAction.AUTO_COMPLETE),
    S.REPAIR_SHIPPED: (AUTO_COMPLETE_AT, DeadlineAction.AUTO_COMPLETE),
}
# Statuses in which the 48-hour resolution target runs (after receipt, before resolution).
_TARGET_RUNS = frozenset({S.RECEIVED, S.INSPECTED, S.REFUNDING, S.REPAIRING, S.DISPUTED})


class Pending(NamedTuple):
    at: str
    action: DeadlineAction
    name: str


def pending_deadlines(
    status: CaseStatus, deadlines: Mapping[str, str], *, inspection_failed: bool, breached: bool
) -> list[Pending]:
    """Every deadline the job should watch for a case in this state, soonest first."""
    found: list[Pending] = []
    driver = _STATUS_DEADLINE.get(status)
    if status is S.INSPECTED and inspection_failed:
        driver = (AUTO_COMPLETE_AT, DeadlineAction.AUTO_COMPLETE)
    if driver and deadlines.get(driver[0]):
        found.append(Pending(deadlines[driver[0]], driver[1], driver[0]))
    if (
        status in _TARGET_RUNS
        and not breached
        and deadlines.get(RESOLVE_TARGET)
        and not is_resolved(status, inspection_failed=inspection_failed)
    ):
        found.append(Pending(deadlines[RESOLVE_TARGET], DeadlineAction.RESOLVE_BREACH, RESOLVE_TARGET))
    return sorted(found)


def next_deadline(
    status: CaseStatus, deadlines: Mapping[str, str], *, inspection_failed: bool, breached: bool
) -> str | None:
    pending = pending_deadlines(status, deadlines, inspection_failed=inspection_failed, breached=breached)
    return pending[0].at if pending else None


def due_actions(
    status: CaseStatus, deadlines: Mapping[str, str], now_iso: str, *, inspection_failed: bool, breached: bool
) -> list[DeadlineAction]:
    """What the job must do now, breach counting before the status's own action."""
    pending = pending_deadlines(status, deadlines, inspection_failed=inspection_failed, breached=breached)
    due = {p.action for p in pending if p.at <= now_iso}
    order = [DeadlineAction.RESOLVE_BREACH]
    return [a for a in order if a in due] + [a for a in DeadlineAction if a in due and a not in order]


DUE_SHARDS = 4


def due_shard(case_id: str) -> str:
    """Spreads the due-deadline index over a few partitions (a case always lands in one)."""
    return f"due#{sum(case_id.encode()) % DUE_SHARDS}"


def all_due_shards() -> list[str]:
    return [f"due#{n}" for n in range(DUE_SHARDS)]


def queue_position(next_at: str | None, created_at: str) -> str:
    """Work-queue sort key: the nearest deadline first; cases with none after them, oldest first."""
    return next_at if next_at else f"~{created_at}"
