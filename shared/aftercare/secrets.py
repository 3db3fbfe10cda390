"""Secret values, read from AWS Secrets Manager and cached per execution environment.

The template hands a function the ARN of each secret it may read (`*_SECRET_ID`) and a
policy naming only those; the value is fetched on first use and kept for `MAX_AGE_SECONDS`,
so a rotated secret reaches every warm environment within that time without a redeploy.
Without an id (tests, tools beside the stack) the plain value given instead is used.
"""

from __future__ import annotations

MAX_AGE_SECONDS = 300


def value(secret_id: str, fallback: str = "") -> str:
    """The secret `secret_id` names (an ARN or a name), else `fallback`."""
    if not secret_id:
        return fallback
    from aws_lambda_powertools.utilities import parameters  # on first use: cold start

    fetched = parameters.get_secret(secret_id, max_age=MAX_AGE_SECONDS)
    if isinstance(fetched, bytes):
        return fetched.decode()
    return str(fetched)


def forget() -> None:
    """Drop every cached value (after a SnapStart restore, or a test that rotates one)."""
    from aws_lambda_powertools.utilities import parameters

    parameters.clear_caches()


def webhook_secret() -> str:
    from aftercare.settings import get_settings

    settings = get_settings()
    return value(settings.webhook_secret_id, settings.webhook_secret)


def aftership_webhook_secret() -> str:
    """AfterShip's own secret; the template stores the courier webhook secret in it when
    the account has none, and without a store the plain fallbacks apply in that order."""
    from aftercare.settings import get_settings

    settings = get_settings()
    return value(settings.aftership_webhook_secret_id, settings.aftership_webhook_secret) or webhook_secret()


def cursor_secret() -> str:
    from aftercare.settings import get_settings

    settings = get_settings()
    return value(settings.cursor_secret_id, settings.cursor_secret)


def survey_link_secret() -> str:
    from aftercare.settings import get_settings

    settings = get_settings()
    return value(settings.survey_link_secret_id, settings.survey_link_secret)
