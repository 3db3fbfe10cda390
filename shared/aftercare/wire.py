"""Base for every model that crosses the HTTP edge: camelCase on the wire, snake_case in code."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt
from pydantic.alias_generators import to_camel


class WireModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        serialize_by_alias=True,
        str_strip_whitespace=True,
    )


# Money and counts must be JSON integers: "12" or 12.5 or true are refused, not coerced.
MinorUnits = Annotated[StrictInt, Field(ge=0, le=10**13)]
Quantity = Annotated[StrictInt, Field(gt=0, le=9999)]


class TimelineEntry(WireModel):
    at: str
    from_status: str | None = Field(default=None, alias="from")
    to: str
    actor: str
    note: str | None = None


ItemT = TypeVar("ItemT")


class Page(WireModel, Generic[ItemT]):
    """A page of a listing: `{"items": [...], "nextCursor": "..." | null}`."""

    items: list[ItemT]
    next_cursor: str | None = None
