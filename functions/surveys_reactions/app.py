"""What surveys does when other domains act: the events in its queue, each handed to its
reaction in surveys/reactions.py."""

from __future__ import annotations

from aftercare.reacting import reactions_handler
from aftercare.surveys.reactions import REACTIONS

lambda_handler = reactions_handler("surveys", REACTIONS)
