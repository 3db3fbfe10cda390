"""What refunds does when other domains act: the events in its queue, each handed to its
reaction in refunds/reactions.py."""

from __future__ import annotations

from aftercare.reacting import reactions_handler
from aftercare.refunds.reactions import REACTIONS

lambda_handler = reactions_handler("refunds", REACTIONS)
