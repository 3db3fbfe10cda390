"""What orders does when others act: the events in its queue, each handed to its reaction in
orders/reactions.py."""

from __future__ import annotations

from aftercare.orders.reactions import REACTIONS
from aftercare.reacting import reactions_handler

lambda_handler = reactions_handler("orders", REACTIONS)
