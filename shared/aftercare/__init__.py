"""Aftercare: the shared Lambda layer — domain logic, data access, ports to AWS, settings."""
