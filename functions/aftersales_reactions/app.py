"""What aftersales does when others act: the events in its queue, each handed to its reaction in
aftersales/reactions.py."""

from __future__ import annotations

from aftercare.aftersales.reactions import REACTIONS
from aftercare.reacting import reactions_handler

lambda_handler = reactions_handler("aftersales", REACTIONS)
