"""What customers does when other domains act: the events in its queue, each handed to its
reaction in customers/reactions.py."""

from __future__ import annotations

from aftercare.customers.reactions import REACTIONS
from aftercare.reacting import reactions_handler

lambda_handler = reactions_handler("customers", REACTIONS)
