"""Scheduled (EventBridge, every 5 minutes): the repair appointments' job. Reminds the
customer the day before their appointment (from 09:00 in their time zone, never in their
quiet hours; once per appointment) and settles an appointment once its slot is over:
ATTENDED when the item was handed over, MISSED when the case still waits for it (the
customer may book again). Safe to run twice or concurrently."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftercare.aftersales import appointments
from aftercare.handlers import task_handler
from aftercare.settings import load


@dataclass(frozen=True)
class AftersalesAppointmentsSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    customers_table: str
    notifications_queue_url: str


SETTINGS = load(AftersalesAppointmentsSettings)


@task_handler()
def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    def time_left() -> float:
        return float(context.get_remaining_time_in_millis()) / 1000

    return appointments.sweep(time_left=time_left).as_dict()
