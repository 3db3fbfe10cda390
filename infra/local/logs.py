"""Readable structured logs for the local stack: one line per event, `key=value` fields.

The functions keep logging as they do on Lambda (Powertools JSON on stdout); these lines
are the stack's own: startup, access log, queue and schedule activity, failures.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        at = datetime.fromtimestamp(record.created).strftime("%H:%M:%S.%f")[:-3]
        fields = " ".join(f"{key}={value}" for key, value in record.__dict__.items() if key not in _STANDARD)
        line = f"{at} {record.levelname:<5} {record.name.removeprefix('aftercare.local.'):<10} "
        line += record.getMessage() + (f"  {fields}" if fields else "")
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    root = logging.getLogger("aftercare.local")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
