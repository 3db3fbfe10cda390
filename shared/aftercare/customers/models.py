"""The profile API's request and response shapes (API.md: /v1/me)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, field_validator, model_validator

from aftercare.customers.rules import Channel, CouponStatus, Tier, is_valid_time_zone
from aftercare.money import CURRENCY_EXPONENTS, is_currency
from aftercare.wire import NOT_BLANK, MinorUnits, WireModel

# What a customer may opt out of: all surveys, all care campaigns, or one campaign's kind.
OptOut = Annotated[str, Field(pattern=r"^(surveys|care|care\.[a-z0-9-]{1,40})$")]
# Spaces as Python counts them (see aftercare.wire.NOT_BLANK), so the schema's readers agree.
Email = Annotated[
    str,
    Field(pattern=r"^[^@\s\x1c-\x1f\x85]{1,64}@[^@\s\x1c-\x1f\x85]{1,190}\.[A-Za-z]{2,24}$", max_length=254),
]
Phone = Annotated[str, Field(pattern=r"^\+[1-9][0-9]{6,14}$", description="E.164, e.g. +8613800138000")]
Language = Annotated[str, Field(pattern=r"^(zh|en)$")]


class PreferencesPatch(WireModel):
    """Only the fields sent change; `email`/`phone` sent as null remove the contact.
    Unknown fields are refused (points or tier cannot be patched)."""

    # Patterns are matched as Python's `re` reads them (as schemathesis and most JSON Schema
    # tools here do): the Rust engine's `\s` and `$` differ on a few Unicode edge cases.
    model_config = ConfigDict(
        **WireModel.model_config,
        extra="forbid",
        json_schema_extra={"minProperties": 1},
        regex_engine="python-re",
    )

    # Not nullable (only the contact can be removed): omitted means unchanged, null is refused.
    opt_outs: Annotated[list[OptOut], Field(max_length=20)] = Field(default=None)  # type: ignore[arg-type]
    channels: Annotated[
        list[Channel], Field(min_length=1, max_length=3, json_schema_extra={"uniqueItems": True})
    ] = Field(default=None)  # type: ignore[arg-type]
    time_zone: Annotated[str, Field(max_length=64, examples=["Asia/Shanghai"])] = Field(default=None)  # type: ignore[assignment]
    language: Language = Field(default=None)  # type: ignore[assignment]
    email: Email | None = None
    phone: Phone | None = None

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None and not is_valid_time_zone(value):
            raise ValueError("not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin)")
        return value

    @field_validator("channels")
    @classmethod
    def _distinct(cls, value: list[Channel] | None) -> list[Channel] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("each channel may appear once, in order of preference")
        return value

    @model_validator(mode="after")
    def _something(self) -> PreferencesPatch:
        if not self.model_fields_set:
            raise ValueError("send at least one preference to change")
        for name in ("opt_outs", "channels", "time_zone", "language"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class Preferences(WireModel):
    opt_outs: list[str]
    channels: list[Channel]
    time_zone: str
    language: str


class Contact(WireModel):
    email: str | None = None
    phone: str | None = None


class PointsEntry(WireModel):
    points: int
    source: str
    source_id: str
    reason: str
    at: str


class ProfileOut(WireModel):
    customer_id: str
    tier: Tier
    points: int
    lifetime_points: int
    preferences: Preferences
    contact: Contact
    recent_points: list[PointsEntry]
    last_care_at: str | None = None
    created_at: str
    updated_at: str


class HistoryEntry(WireModel):
    kind: str  # order, case, ticket, survey
    id: str
    status: str
    summary: str
    at: str


class CustomerHistory(WireModel):
    customer_id: str
    profile: ProfileOut | None
    orders: list[HistoryEntry]
    cases: list[HistoryEntry]
    tickets: list[HistoryEntry]
    surveys: list[HistoryEntry]
    coupons: list[HistoryEntry] = []  # bought with points or given as goodwill (who, why)


# ---------------------------------------------------------------- coupons
CatalogId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]


class CatalogItemOut(WireModel):
    catalog_id: str
    title: str
    points_cost: int
    discount: int = Field(description="minor units of currency")
    min_spend: int = Field(description="minor units of currency: the order total it needs")
    currency: str
    valid_days: int


class CouponCatalog(WireModel):
    items: list[CatalogItemOut]


class RedeemRequest(WireModel):
    model_config = ConfigDict(**WireModel.model_config, extra="forbid")

    catalog_id: CatalogId


class CouponOut(WireModel):
    coupon_code: str
    source: str  # points or goodwill
    catalog_id: str | None = None
    title: str
    discount: int = Field(description="minor units of currency")
    min_spend: int = Field(description="minor units of currency: the order total it needs")
    currency: str
    points_cost: int
    issued_at: str
    expires_at: str
    status: CouponStatus
    order_id: str | None = None
    used_at: str | None = None
    issued_by: str | None = None
    reason: str | None = None


class GoodwillRequest(WireModel):
    """A catalog coupon, or a discount of the staff member's choosing (within their role's limit)."""

    model_config = ConfigDict(**WireModel.model_config, extra="forbid")

    catalog_id: CatalogId | None = None
    discount: Annotated[int, Field(gt=0, le=10**9)] | None = None
    currency: Annotated[
        str, Field(description="ISO 4217 code", json_schema_extra={"enum": sorted(CURRENCY_EXPONENTS)})
    ] = "CNY"
    min_spend: MinorUnits = 0
    valid_days: Annotated[int, Field(ge=1, le=365)] = 30
    reason: Annotated[str, Field(min_length=1, max_length=500, pattern=NOT_BLANK)]

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if not is_currency(value):
            raise ValueError("not a supported ISO 4217 currency")
        return value

    @model_validator(mode="after")
    def _one_of(self) -> GoodwillRequest:
        if (self.catalog_id is None) == (self.discount is None):
            raise ValueError("send either catalogId or discount")
        return self
