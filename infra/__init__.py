"""Infrastructure code: the template reader, the local stack, state machine definitions."""
