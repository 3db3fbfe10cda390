"""The local stack: every resource of template.yaml on one machine, no Docker, no AWS account."""
