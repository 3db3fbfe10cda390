"""FAQ ranking (BM25 over words and Chinese bigrams) and reply templates."""

from __future__ import annotations

import pytest

from aftercare.errors import BadRequest, BusinessRuleViolation, NotFound
from aftercare.tickets import faq, templates


def test_chinese_is_split_into_character_bigrams_and_english_into_words() -> None:
    assert faq.tokens("退款多久") == ["退款", "款多", "多久"]
    assert faq.tokens("Where are my Parcels?") == ["parcel"]
    assert faq.tokens("订单 order") == ["订单", "order"]


def test_the_faq_is_curated_and_bilingual() -> None:
    assert len(faq.entries("zh")) >= 25
    assert len(faq.entries("zh")) == len(faq.entries("en"))


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("退款多久能到账", "faq-refund-time"),
        ("快递显示签收了但是我没收到", "faq-delivered-not-received"),
        ("下单后地址写错了怎么改", "faq-change-address"),
        ("优惠券为什么不能用", "faq-coupon"),
        ("充电器发烫还冒烟", "faq-safety"),
        ("换了手机号登录不了", "faq-account-phone"),
        ("how long does a refund take", "faq-refund-time"),
        ("I was charged twice for one order", "faq-double-charge"),
        ("can I exchange these shoes for a bigger size", "faq-exchange"),
        ("tracking has not updated in days", "faq-no-tracking-update"),
        ("do you ship to Singapore", "faq-international"),
        ("how do I make a complaint", "faq-complaint"),
    ],
)
def test_faq_search_ranks_the_right_answer_first(query: str, best: str) -> None:
    hits = faq.search(query)
    assert hits, query
    assert hits[0].entry.faq_id == best
    assert hits[0].entry.language == faq.language_of(query)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_query_with_nothing_in_common_finds_nothing() -> None:
    assert faq.search("xyzzy") == []
    assert faq.search("") == []


def test_templates_use_only_known_placeholders() -> None:
    assert len(templates.all_templates()) >= 6
    for template in templates.all_templates():
        assert set(template.placeholders) <= set(templates.KNOWN)


def test_a_template_is_filled_server_side() -> None:
    text = templates.fill(
        templates.get("refund-progress-en"),
        {"customerName": "Ms Li", "orderId": "ord_1", "deadline": "2026-11-25 08:00 UTC", "ticketId": "tk_1"},
    )
    assert text == (
        "Hello Ms Li, the refund for order ord_1 is being processed and will reach your original "
        "payment method by 2026-11-25 08:00 UTC."
    )


def test_a_placeholder_without_a_value_is_refused_by_name() -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        templates.fill(
            templates.get("refund-progress-zh"), {"customerName": "李", "deadline": "x", "orderId": None}
        )
    assert refused.value.errors == [{"field": "variables.orderId", "message": "required by the template"}]


def test_unknown_variables_and_templates_are_refused() -> None:
    with pytest.raises(BadRequest):
        templates.fill(
            templates.get("ack-en"), {"customerName": "a", "ticketId": "t", "deadline": "d", "evil": "{x}"}
        )
    with pytest.raises(NotFound):
        templates.get("nope")


def test_variables_are_substituted_literally_never_formatted() -> None:
    text = templates.fill(
        templates.get("ack-en"),
        {"customerName": "{ticketId} {{deadline}}", "ticketId": "tk_1", "deadline": "d"},
    )
    assert text.startswith("Hello {ticketId} {{deadline}}, ")
