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


def mask_text(text: str) -> str:
    text = _EMAIL.sub(r"\1***@\2", text)
    return _PHONE.sub(lambda match: MASK + match.group(2), text)


def mask(value: Any) -> Any:
    """Return `value` with personal data masked: whole values under personal keys, and
    e-mail addresses and phone numbers found inside any string."""
    if isinstance(value, dict):
        return {
            key: MASK if str(key).lower() in _PERSONAL_KEYS else mask(item) for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [mask(item) for item in value]
    if isinstance(value, str):
        return mask_text(value)
    return value


class MaskingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: Any) -> str:
        return super().serialize(mask(log))


logger = Logger(logger_formatter=MaskingFormatter())
defer_sampling_client()
tracer = Tracer()
metrics = Metrics()
