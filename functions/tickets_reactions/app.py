"""What tickets does when others act: the events in its queue, each handed to its reaction in
tickets/reactions.py."""

from __future__ import annotations

from aftercare.reacting import reactions_handler
from aftercare.tickets.reactions import REACTIONS

lambda_handler = reactions_handler("tickets", REACTIONS)
