"""The after-sales policy, one case per line: which request is allowed for which goods, until when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseType, Reason
from aftercare.errors import BusinessRuleViolation

POLICY = rules.load_policy()
DELIVERED = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
T, R = CaseType, Reason


def day(n: float) -> datetime:
    return DELIVERED + timedelta(days=n)


# (type, reason, category, days after delivery, extended warranty days, allowed?)
CASES = [
    # no-reason returns: 7 days, for returnable goods only
    (T.RETURN_REFUND, R.NO_REASON, "kitchen", 0, 0, True),
    (T.RETURN_REFUND, R.NO_REASON, "kitchen", 7, 0, True),
    (T.RETURN_REFUND, R.NO_REASON, "kitchen", 7.01, 0, False),
    (T.RETURN_REFUND, R.SIZE_FIT, "apparel", 6, 0, True),
    (T.RETURN_REFUND, R.OTHER, "apparel", 8, 0, False),
    (T.EXCHANGE, R.SIZE_FIT, "apparel", 5, 0, True),
    # quality-type returns and exchanges: 15 days
    (T.RETURN_REFUND, R.QUALITY_ISSUE, "kitchen", 15, 0, True),
    (T.RETURN_REFUND, R.QUALITY_ISSUE, "kitchen", 15.01, 0, False),
    (T.EXCHANGE, R.WRONG_ITEM, "kitchen", 10, 0, True),
    (T.EXCHANGE, R.NOT_AS_DESCRIBED, "kitchen", 16, 0, False),
    (T.RETURN_REFUND, R.DAMAGED_IN_TRANSIT, "kitchen", 14, 0, True),
    # non-returnable goods: never without a quality issue, always with one
    (T.RETURN_REFUND, R.NO_REASON, "customized", 1, 0, False),
    (T.RETURN_REFUND, R.NO_REASON, "perishable", 1, 0, False),
    (T.RETURN_REFUND, R.NO_REASON, "digital", 1, 0, False),
    (T.RETURN_REFUND, R.NO_REASON, "personal-hygiene", 1, 0, False),
    (T.EXCHANGE, R.SIZE_FIT, "personal-hygiene", 1, 0, False),
    (T.RETURN_REFUND, R.SIZE_FIT, "underwear", 1, 0, False),  # an alias of personal-hygiene
    (T.RETURN_REFUND, R.NO_REASON, "Customized", 1, 0, False),  # names are case-insensitive
    (T.RETURN_REFUND, R.QUALITY_ISSUE, "customized", 10, 0, True),
    (T.RETURN_REFUND, R.QUALITY_ISSUE, "perishable", 2, 0, True),
    (T.EXCHANGE, R.WRONG_ITEM, "personal-hygiene", 3, 0, True),
    # repairs under warranty: 365 days, lengthened by an extended warranty
    (T.REPAIR, R.QUALITY_ISSUE, "appliances", 364, 0, True),
    (T.REPAIR, R.QUALITY_ISSUE, "appliances", 365.01, 0, False),
    (T.REPAIR, R.QUALITY_ISSUE, "appliances", 700, 365, True),
    (T.REPAIR, R.QUALITY_ISSUE, "appliances", 731, 365, False),
    (T.REPAIR, R.QUALITY_ISSUE, "unknown-category", 200, 0, True),  # the default policy
    (T.REPAIR, R.NO_REASON, "appliances", 3, 0, False),  # a repair needs a fault
    (T.REPAIR, R.QUALITY_ISSUE, "perishable", 1, 0, False),  # no warranty at all
    (T.REPAIR, R.QUALITY_ISSUE, "digital", 1, 365, False),  # an extension of nothing is nothing
    # refund only: not received or missing, 15 days
    (T.REFUND_ONLY, R.NOT_RECEIVED, "kitchen", 14, 0, True),
    (T.REFUND_ONLY, R.MISSING_ITEM, "perishable", 3, 0, True),
    (T.REFUND_ONLY, R.MISSING_ITEM, "kitchen", 16, 0, False),
    (T.REFUND_ONLY, R.NO_REASON, "kitchen", 1, 0, False),
    (T.REFUND_ONLY, R.QUALITY_ISSUE, "kitchen", 1, 0, False),
    (T.RETURN_REFUND, R.NOT_RECEIVED, "kitchen", 1, 0, False),
]


@pytest.mark.parametrize(("case_type", "reason", "category", "days", "extended", "allowed"), CASES)
def test_the_policy_table(
    case_type: CaseType, reason: Reason, category: str, days: float, extended: int, allowed: bool
) -> None:
    def check() -> None:
        rules.check_request(
            POLICY,
            case_type=case_type,
            reason=reason,
            category=category,
            delivered_at=DELIVERED,
            now=day(days),
            evidence_count=1,
            extended_warranty_days=extended,
        )

    if allowed:
        check()
    else:
        with pytest.raises(BusinessRuleViolation):
            check()


@pytest.mark.parametrize(
    ("reason", "needs_evidence"),
    [
        (R.QUALITY_ISSUE, True),
        (R.WRONG_ITEM, True),
        (R.DAMAGED_IN_TRANSIT, True),
        (R.NOT_AS_DESCRIBED, True),
        (R.NO_REASON, False),
        (R.SIZE_FIT, False),
        (R.OTHER, False),
    ],
)
def test_quality_type_reasons_need_evidence(reason: Reason, needs_evidence: bool) -> None:
    def check() -> None:
        rules.check_request(
            POLICY, case_type=T.RETURN_REFUND, reason=reason, category="kitchen",
            delivered_at=DELIVERED, now=day(1), evidence_count=0,
        )  # fmt: skip

    if needs_evidence:
        with pytest.raises(BusinessRuleViolation) as refused:
            check()
        assert refused.value.errors == [
            {"field": "evidenceKeys", "message": "evidence required for this reason"}
        ]
    else:
        check()


def test_nothing_opens_before_delivery() -> None:
    with pytest.raises(BusinessRuleViolation, match="delivered"):
        rules.check_request(
            POLICY, case_type=T.REFUND_ONLY, reason=R.NOT_RECEIVED, category="kitchen",
            delivered_at=None, now=day(1), evidence_count=0,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("bought", "covered", "wanted", "allowed"),
    [(2, 0, 2, True), (2, 0, 3, False), (2, 1, 1, True), (2, 1, 2, False), (2, 2, 1, False), (1, 0, 1, True)],
)
def test_a_case_covers_at_most_what_was_bought_less_earlier_cases(
    bought: int, covered: int, wanted: int, allowed: bool
) -> None:
    if allowed:
        rules.check_quantity("KTL-1", wanted, bought, covered, index=0)
    else:
        with pytest.raises(BusinessRuleViolation) as refused:
            rules.check_quantity("KTL-1", wanted, bought, covered, index=0)
        assert refused.value.errors == [
            {"field": "items[0].quantity", "message": f"at most {bought - covered}"}
        ]


def test_options_name_each_type_with_its_reasons_and_deadline() -> None:
    options = {
        o.type: o
        for o in rules.item_options(
            POLICY, category="kitchen", delivered_at=DELIVERED, now=day(3), remaining=2
        )
    }
    assert options[T.RETURN_REFUND].allowed
    assert options[T.RETURN_REFUND].until == day(15)
    until = {r.reason: r.until for r in options[T.RETURN_REFUND].reasons}
    assert until[R.NO_REASON] == day(7)
    assert until[R.QUALITY_ISSUE] == day(15)
    assert options[T.REPAIR].until == day(365)
    assert [r.reason for r in options[T.REPAIR].reasons] == [R.QUALITY_ISSUE]
    assert options[T.REFUND_ONLY].until == day(15)


def test_options_after_the_windows_close_leave_only_the_warranty() -> None:
    options = {
        o.type: o
        for o in rules.item_options(
            POLICY, category="kitchen", delivered_at=DELIVERED, now=day(20), remaining=1
        )
    }
    assert [t for t, o in options.items() if o.allowed] == [T.REPAIR]
    assert options[T.RETURN_REFUND].refusal == "the RETURN_REFUND window closed on 2026-11-08"


def test_options_of_non_returnable_goods_say_why() -> None:
    options = {
        o.type: o
        for o in rules.item_options(
            POLICY, category="personal-hygiene", delivered_at=DELIVERED, now=day(1), remaining=1
        )
    }
    assert options[T.RETURN_REFUND].allowed
    assert {r.reason for r in options[T.RETURN_REFUND].reasons} == {
        R.QUALITY_ISSUE,
        R.WRONG_ITEM,
        R.DAMAGED_IN_TRANSIT,
        R.NOT_AS_DESCRIBED,
    }


def test_options_with_nothing_left_or_undelivered_allow_nothing() -> None:
    covered = rules.item_options(POLICY, category="kitchen", delivered_at=DELIVERED, now=day(1), remaining=0)
    assert not any(o.allowed for o in covered)
    assert covered[0].refusal == "every unit is already covered by another case"
    undelivered = rules.item_options(POLICY, category="kitchen", delivered_at=None, now=day(1), remaining=1)
    assert {o.refusal for o in undelivered} == {"the order has not been delivered"}


def test_merchant_fault_follows_the_reason() -> None:
    assert [r for r in Reason if rules.is_merchant_fault(POLICY, r)] == [
        R.QUALITY_ISSUE, R.WRONG_ITEM, R.DAMAGED_IN_TRANSIT, R.NOT_AS_DESCRIBED, R.MISSING_ITEM, R.NOT_RECEIVED,
    ]  # fmt: skip


def test_the_policy_is_configuration_and_a_broken_one_fails_at_load() -> None:
    data = {
        "reasonClasses": {"preference": ["NO_REASON"]},
        "types": {"RETURN_REFUND": {"preference": "noReasonReturnDays"}},
        "default": {"noReasonReturnDays": 30, "qualityReturnDays": 0, "warrantyDays": 0, "refundOnlyDays": 0},
        "categories": {"books": {"noReasonReturnDays": 3}},
    }
    policy = rules.policy_from_dict(data)
    assert rules.window_days(policy, T.RETURN_REFUND, R.NO_REASON, "toys") == (30, None)
    assert rules.window_days(policy, T.RETURN_REFUND, R.NO_REASON, "books") == (3, None)
    assert rules.window_days(policy, T.EXCHANGE, R.NO_REASON, "books")[0] is None
    with pytest.raises(ValueError, match="unknown class"):
        rules.policy_from_dict({**data, "types": {"RETURN_REFUND": {"whim": "noReasonReturnDays"}}})
    with pytest.raises(ValueError, match="aliases"):
        rules.policy_from_dict({**data, "aliases": {"novels": "fiction"}})
    with pytest.raises(ValueError, match="BECAUSE"):
        rules.policy_from_dict({**data, "evidenceRequiredFor": ["BECAUSE"]})
