import sys

from infra.local.demo import run
from infra.local.demo_process import __doc__ as about
from infra.local.demo_process import feature_steps


def main(argv: list[str] | None = None) -> int:
    return run(
        feature_steps(),
        argv,
        prog="python -m infra.local.demo_process",
        description=(about or "").splitlines()[0],
    )


if __name__ == "__main__":
    sys.exit(main())
