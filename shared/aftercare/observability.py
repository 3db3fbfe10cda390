"""Logger, Tracer and Metrics, set up once for every function (Powertools).

Logs are JSON with the request's correlation id; personal data (phone, email, address) is
masked before a record is written, whichever module logged it.
"""

from __future__ import annotations

import re
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

from aftercare.xray import defer_sampling_client

_PERSONAL_KEYS = frozenset(
    {
        "phone",
        "phonenumber",
        "email",
        "address",
        "shippingaddress",
        "line1",
        "line2",
        "postalcode",
        "recipient",
    }
)
_EMAIL = re.compile(r"([\w.+-])[\w.+-]*@([\w-]+\.[\w.-]+)")
# Not after a word character, ':' or '/', so account ids inside ARNs and ids in paths survive.
_PHONE = re.compile(r"(?<![\w:/=.-])(\+?\d[\d\s-]{5,}\d)(\d{2})(?![\w])")
MASK = "***"


# What Powertools itself puts on every record (the function, the request, the trace): never
# personal data, and masking them was most of a log line's cost.
_FRAMEWORK_KEYS = frozenset(
    {
        "level",
        "location",
        "timestamp",
        "service",
        "cold_start",
        "function_name",
        "function_memory_size",
        "function_arn",
        "function_request_id",
        "xray_trace_id",
        "sampling_rate",
    }
)


def mask_text(text: str) -> str:
    # The e-mail pattern backtracks over every run of word characters: only look where an
    # address could be.
    if "@" in text:
        text = _EMAIL.sub(r"\1***@\2", text)
    return _PHONE.sub(lambda match: MASK + match.group(2), text)


def mask(value: Any) -> Any:
    """Return `value` with personal data masked: whole values under personal keys, and
    e-mail addresses and phone numbers found inside any string."""
    if isinstance(value, dict):
        return {key: _masked(key, item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask(item) for item in value]
    if isinstance(value, str):
        return mask_text(value)
    return value


def _masked(key: Any, item: Any) -> Any:
    return MASK if str(key).lower() in _PERSONAL_KEYS else mask(item)


def mask_record(log: dict[str, Any]) -> dict[str, Any]:
    """`mask` for a log record: the framework's own keys pass as they are."""
    return {key: item if key in _FRAMEWORK_KEYS else _masked(key, item) for key, item in log.items()}


class MaskingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: Any) -> str:
        return super().serialize(mask_record(log) if isinstance(log, dict) else mask(log))


logger = Logger(logger_formatter=MaskingFormatter())
defer_sampling_client()
tracer = Tracer()
metrics = Metrics()
