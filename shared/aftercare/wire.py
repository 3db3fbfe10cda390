"""Base for every model that crosses the HTTP edge: camelCase on the wire, snake_case in code."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel

# A character that is not blank. Python strips (and pydantic with it) more than JSON Schema's
# ECMA `\s` calls space: U+001C-U+001F and U+0085 too. Patterns name them, so a string that
# the schema calls non-blank is one that stays non-blank after stripping.
NOT_BLANK = r"[^\s\x1c-\x1f\x85]"


class WireModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        serialize_by_alias=True,
        str_strip_whitespace=True,
    )


def _json_integer(value: Any) -> Any:
    """A JSON integer, as JSON Schema counts them: 12 and 12.0 (a number with no fraction)
    are 12; "12", 12.5 and true are refused, not coerced."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be an integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be an integer")
        return int(value)
    return value


JsonInteger = BeforeValidator(_json_integer)
JsonInt = Annotated[int, JsonInteger]
# Money and counts must be JSON integers. The constraints come before the validator so the
# schema carries them as minimum/maximum (after it, pydantic would emit them raw).
MinorUnits = Annotated[int, Field(ge=0, le=10**13), JsonInteger]
Quantity = Annotated[int, Field(gt=0, le=9999), JsonInteger]


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
