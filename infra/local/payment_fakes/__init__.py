"""Local stand-ins for the payment providers' HTTP APIs, following their documentation:
the real SDKs talk to them over HTTP (tests, and `make dev PAYMENT_PROVIDER=stripe|alipay`).

    with FakeStripe().serving() as stripe_fake:   # stripe_fake.url -> STRIPE_API_BASE
        ...
"""
