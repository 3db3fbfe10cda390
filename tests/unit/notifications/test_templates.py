"""Every notification renders: known kinds from their template, unknown ones generically,
staff ones for staff, care campaigns from their own text."""

from __future__ import annotations

import pytest

from aftercare.notifications import templates


def test_a_survey_invitation_carries_its_link_and_deadline() -> None:
    data = {"link": "https://x/s/sv_1?token=t", "expiresAt": "2026-11-30T08:00:00.000Z", "token": "t"}
    subject, text = templates.render("survey.invitation", data, language="en")
    assert subject == "How did we do?"
    assert "https://x/s/sv_1?token=t" in text and "2026-11-30" in text
    _, chinese = templates.render("survey.invitation", data, language="zh")
    assert "https://x/s/sv_1?token=t" in chinese and "评价" in chinese


@pytest.mark.parametrize(
    "kind", ["order.exception", "refund.succeeded", "logistics.problem", "ticket.solved"]
)
def test_known_kinds_have_both_languages(kind: str) -> None:
    entry = templates.catalog()["kinds"][kind]
    assert {"en", "zh"} <= set(entry)


def test_an_unknown_kind_gets_the_generic_message_without_secrets() -> None:
    subject, text = templates.render(
        "case.approved", {"caseId": "as_1", "token": "secret", "nested": {"x": 1}}, language="en"
    )
    assert subject == "An update from customer service"
    assert "case.approved" in text and "caseId: as_1" in text
    assert "secret" not in text and "nested" not in text


def test_staff_notifications_of_any_kind_render_for_staff() -> None:
    subject, text = templates.render(
        "refund.approval-needed", {"refundId": "rf_1", "amount": 129900}, language="en", staff=True
    )
    assert subject == "[Aftercare] refund.approval-needed"
    assert "refundId: rf_1" in text and "amount: 129900" in text


def test_care_campaigns_bring_their_own_rendered_text() -> None:
    message = {"subject": "Hello", "text": "Your order ord_1 arrived two weeks ago."}
    assert templates.render("care.revisit", {"message": message}, language="zh") == (
        message["subject"],
        message["text"],
    )


def test_an_unknown_language_falls_back_to_english() -> None:
    subject, _ = templates.render("ticket.solved", {"ticketId": "tk_1"}, language="fr")
    assert subject == "Your request is solved"
