"""Ticket triage at intake: category, priority and sentiment from the text and its context.

`classify` is the one seam the intake calls. A trained model decides (model.py, over the
features of features.py, trained on the labelled corpus in ml/triage/ by `make
train-triage`); the urgency rules (urgency.py) only ever raise the priority, for what must
never be missed, and add the context (order value, repeat contacts, membership tier). The
channel is one feature among the others: it never decides alone.

Pure and deterministic; the weights are read once per execution environment.
"""

from __future__ import annotations

from typing import NamedTuple

from aftercare.tickets.rules import Category, Priority, Sentiment
from aftercare.tickets.triage import urgency
from aftercare.tickets.triage.features import MAX_CHARS, read
from aftercare.tickets.triage.model import LinearModel, Prediction, default_model
from aftercare.tickets.triage.text import normalize

_OVERLAP = 150  # characters: longer than any rule's match

__all__ = ["Triage", "TriageContext", "classify", "normalize"]


# NamedTuples rather than dataclasses: building a dataclass costs a millisecond or more of the
# cold start each (it compiles its methods), a NamedTuple a fraction of one
class TriageContext(NamedTuple):
    order_value: int | None = None  # minor units of the linked order, if any
    recent_contacts: int = 0  # the customer's other tickets in the last 7 days
    open_categories: tuple[str, ...] = ()  # the categories of those still open
    follow_up: bool = False  # the ticket follows up a closed one
    tier: str | None = None  # the customer's membership tier
    channel: str | None = None


class Triage(NamedTuple):
    category: Category
    priority: Priority
    sentiment: Sentiment
    reasons: tuple[str, ...] = ()
    confidence: float = 1.0  # the model's probability for the category


def _model_priority(predicted: dict[str, Prediction], found: urgency.Signals) -> Priority:
    """The model's priority, except URGENT for a pleased customer in whose text the rules find
    none of URGENT's kinds: a shout-out or praise told to a club is not an incident, and the
    model, having learnt URGENT from threats and incidents, sometimes takes a platform or an
    excited "!!" for one. Then its runner-up."""
    priority = predicted["priority"]
    pleased = predicted["sentiment"].label == Sentiment.POSITIVE
    if priority.label != Priority.URGENT or found.urgent or not pleased:
        return Priority(priority.label)
    runner_up = max((score, label) for label, score in priority.scores.items() if label != Priority.URGENT)
    return Priority(runner_up[1])


def classify(
    subject: str, message: str, context: TriageContext | None = None, *, model: LinearModel | None = None
) -> Triage:
    ctx = context or TriageContext()
    present, found = read(subject, message, ctx.channel)
    predicted = (model or default_model()).predict(present)
    category = Category(predicted["category"].label)
    if len(subject) + 1 + len(message) > MAX_CHARS:
        # the rules read all of it, never just the opening: the rest, from a little before
        # where the opening ended (a phrase may straddle it), for what the opening lacked
        rest = normalize(f"{subject}\n{message}")[max(0, MAX_CHARS - _OVERLAP) :]
        found = urgency.signals(rest, known=found)
    # unhappy about something to be done: a question before buying, thanks or feedback (LOW) is
    # not a threat, however the sentiment head reads it
    unhappy = (
        predicted["sentiment"].label == Sentiment.NEGATIVE and predicted["priority"].label != Priority.LOW
    )
    found = urgency.with_identity(found, unhappy=unhappy)
    priority, raised = urgency.apply(
        _model_priority(predicted, found),
        found,
        urgency.Context(
            order_value=ctx.order_value,
            recent_contacts=ctx.recent_contacts,
            same_problem_open=sum(1 for c in ctx.open_categories if c == category),
            follow_up=ctx.follow_up,
            tier=ctx.tier,
        ),
    )
    sentiment = Sentiment(predicted["sentiment"].label)
    if found.urgent or found.anger:
        sentiment = Sentiment.NEGATIVE  # a threat or an incident is never a pleased customer
    reasons = (
        f"model: {category} ({predicted['category'].confidence:.2f}), "
        f"{predicted['priority'].label}, {sentiment}",
        *raised,
    )
    return Triage(category, priority, sentiment, reasons, round(predicted["category"].confidence, 4))
