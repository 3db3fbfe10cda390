"""Satisfaction surveys: scheduled after service, sent by link, answered once."""
