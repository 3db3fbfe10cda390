"""What logistics does when others act: the events in its queue, each handed to its reaction in
logistics/reactions.py."""

from __future__ import annotations

from aftercare.logistics.reactions import REACTIONS
from aftercare.reacting import reactions_handler

lambda_handler = reactions_handler("logistics", REACTIONS)
