"""The tickets API's request and response shapes (API.md)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from aftercare.tickets.rules import Category, Channel, Priority, Sentiment, TicketStatus
from aftercare.wire import NOT_BLANK, TimelineEntry, WireModel

MAX_MESSAGE = 2000
Message = Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=MAX_MESSAGE)]
Note = Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=1000)]


class MediationOutcome(StrEnum):
    """How a complaint or dispute ended (recorded when it is solved)."""

    CUSTOMER_ACCEPTED = "CUSTOMER_ACCEPTED"
    COMPENSATED = "COMPENSATED"
    REFUNDED = "REFUNDED"
    REPLACED = "REPLACED"
    UNFOUNDED = "UNFOUNDED"
    WITHDRAWN = "WITHDRAWN"


class OpenTicketRequest(WireModel):
    channel: Channel
    subject: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=200)]
    message: Message
    order_id: Annotated[str, Field(pattern=r"^ord_[0-9A-Z]{26}$")] | None = None


class PostMessageRequest(WireModel):
    message: Message


class AssignRequest(WireModel):
    assignee: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=64)] | None = Field(
        default=None, description="an agent id; omitted: the least-loaded agent with the category's skill"
    )


class ReplyRequest(WireModel):
    model_config = ConfigDict(
        **WireModel.model_config,
        json_schema_extra={
            "anyOf": [
                {"required": ["message"], "properties": {"message": {"type": "string"}}},
                {"required": ["templateId"], "properties": {"templateId": {"type": "string"}}},
            ]
        },
    )

    message: Message | None = None
    template_id: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=64)] | None = None
    variables: dict[Annotated[str, Field(max_length=32)], Annotated[str, Field(max_length=200)]] | None = None

    @model_validator(mode="after")
    def _something_to_send(self) -> ReplyRequest:
        if self.message is None and self.template_id is None:
            raise ValueError("send a message, a templateId, or both")
        return self


class PendingRequest(WireModel):
    message: Message | None = Field(default=None, description="the question for the customer, if any")


class SolveRequest(WireModel):
    resolution: Note
    outcome: MediationOutcome | None = Field(
        default=None, description="the mediation outcome; required for complaints"
    )
    message: Message | None = Field(default=None, description="a last reply to the customer")


class EscalateRequest(WireModel):
    reason: Note


class TriageCorrectionRequest(WireModel):
    """Staff correct what intake triage decided; the ticket becomes a labelled example."""

    model_config = ConfigDict(
        **WireModel.model_config,
        json_schema_extra={
            "anyOf": [
                {"required": ["category"], "properties": {"category": {"type": "string"}}},
                {"required": ["priority"], "properties": {"priority": {"type": "string"}}},
                {"required": ["sentiment"], "properties": {"sentiment": {"type": "string"}}},
            ]
        },
    )

    category: Category | None = None
    priority: Priority | None = None
    sentiment: Sentiment | None = None
    note: Annotated[str, Field(min_length=1, pattern=NOT_BLANK, max_length=500)] | None = None

    @model_validator(mode="after")
    def _something_to_correct(self) -> TriageCorrectionRequest:
        if self.category is None and self.priority is None and self.sentiment is None:
            raise ValueError("correct the category, the priority, the sentiment, or several")
        return self


class TriageCorrectionOut(WireModel):
    from_category: Category
    from_priority: Priority
    from_sentiment: Sentiment
    category: Category
    priority: Priority
    sentiment: Sentiment
    by: str
    at: str
    note: str | None = None


class MessageOut(WireModel):
    message_id: str
    at: str
    author_id: str
    author_role: str
    body: str
    template_id: str | None = None


class BreachOut(WireModel):
    kind: str
    due: str
    at: str
    priority_from: Priority
    priority_to: Priority


class ResolutionOut(WireModel):
    note: str
    outcome: MediationOutcome | None = None
    by: str
    at: str


class TicketOut(WireModel):
    ticket_id: str
    customer_id: str
    channel: Channel | None = None
    source: str
    subject: str
    status: TicketStatus
    category: Category
    priority: Priority
    sentiment: Sentiment
    triage_reasons: list[str] = Field(default_factory=list, description="why intake triage decided so")
    triage_correction: TriageCorrectionOut | None = Field(
        default=None, description="set once staff corrected the triage"
    )
    assignee: str | None = None
    order_id: str | None = None
    case_id: str | None = None
    follow_up_of: str | None = None
    follow_up_id: str | None = None
    messages: list[MessageOut] = Field(
        description="the latest messages, oldest first (a listed ticket: its latest message); "
        "the whole conversation: GET /v1/tickets/{ticketId}/messages"
    )
    message_count: int = Field(description="how many messages the conversation holds")
    first_response_due: str
    resolution_due: str
    first_responded_at: str | None = None
    paused_at: str | None = Field(default=None, description="set while waiting on the customer")
    solved_at: str | None = None
    auto_close_at: str | None = None
    closed_at: str | None = None
    resolution: ResolutionOut | None = None
    breaches: list[BreachOut]
    breach_count: int
    escalations: int
    timeline: list[TimelineEntry]
    created_at: str
    updated_at: str
    version: int


class FaqHitOut(WireModel):
    faq_id: str
    category: str
    language: str
    question: str
    answer: str
    score: float


class OpenedTicketOut(TicketOut):
    suggestions: list[FaqHitOut] = Field(description="FAQ answers that may already help")


class FaqPageOut(WireModel):
    query: str | None = None
    items: list[FaqHitOut]


class ReplyTemplateOut(WireModel):
    template_id: str
    language: str
    category: Category | None = None
    title: str
    body: str
    placeholders: list[str]


class ReplyTemplatesOut(WireModel):
    items: list[ReplyTemplateOut]


class AgentOut(WireModel):
    agent_id: str
    name: str
    role: str
    skills: list[Category]
    supervisor_id: str | None = None
    active: bool
    load: int
    max_load: int


class AgentsOut(WireModel):
    items: list[AgentOut]
