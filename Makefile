# Two habits matter most: `make dev` runs the product locally, `make test` runs every check.
# Both build their own virtual environment from pyproject.toml with the interpreter named in
# .python-version (pyenv), so a fresh machine needs nothing else.

PYTHON_VERSION := $(shell cat .python-version)
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
BASE_PYTHON ?= $(firstword $(wildcard $(PYENV_ROOT)/versions/$(PYTHON_VERSION)/bin/python) $(shell command -v python3.13))
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 3000

.PHONY: dev test venv browser faketime lint typecheck cfn-lint unit clock-shifted e2e openapi demo demo-process bench format clean train-triage export-triage-corrections
.PHONY: checkov deploy smoke imports

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(BASE_PYTHON)" ]; then \
		echo "python $(PYTHON_VERSION) not found: run 'pyenv install $(PYTHON_VERSION)'"; exit 1; fi
	$(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

## Run the whole backend locally: API on 127.0.0.1:$(PORT), local AWS endpoint, schedules, queues.
dev: venv
	PORT=$(PORT) $(PY) -m infra.local --seed

## Every check CI runs: lint, types, template lint, the whole test suite.
test: venv browser lint typecheck imports cfn-lint checkov unit clock-shifted

## Headless Chromium for the browser end-to-end tests (the analytics report, the service desk console).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
		else echo "chromium is missing and we are not root: install the Debian package 'chromium'"; fi; \
	fi
	@# The console's Chinese UI needs a CJK font to be readable in the browser tests' screenshots.
	@if ! fc-list :lang=zh 2>/dev/null | grep -q . && [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei; \
	fi

## libfaketime (Debian `faketime`) for the shifted-clock run.
faketime:
	@if ! command -v faketime >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime; \
		else echo "faketime is missing and we are not root: install the Debian package 'faketime'"; exit 1; fi; \
	fi

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv
	$(VENV)/bin/mypy

## The domains' boundaries (import-linter contracts in pyproject.toml; no ignore lists).
imports: venv
	PYTHONPATH=shared $(VENV)/bin/lint-imports

cfn-lint: venv
	$(VENV)/bin/cfn-lint template.yaml

# checkov in its own environment: it pins boto3 1.35 and packaging 23, the project needs newer.
CHECKOV_VERSION := 3.3.30
CHECKOV_VENV := .venv-checkov

$(CHECKOV_VENV)/.installed-$(CHECKOV_VERSION):
	$(BASE_PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet "checkov==$(CHECKOV_VERSION)"
	touch $@

## checkov over template.yaml: 0 failures, every skip with its reason in the template.
checkov: venv $(CHECKOV_VENV)/.installed-$(CHECKOV_VERSION)
	CHECKOV=$(CHECKOV_VENV)/bin/checkov $(PY) -m infra.checkov

## Build and deploy to AWS: make deploy ENV=dev|prod [PARAMS='WebhookSecret=... CursorSecret=... AlarmEmail=...']
## (samconfig.toml holds each environment; PARAMS are added to its parameter_overrides).
ENV ?= dev
SAM ?= sam
deploy: venv
	@command -v $(SAM) >/dev/null || { echo "the AWS SAM CLI is missing: pipx install aws-sam-cli (it pins its own boto3)"; exit 1; }
	$(SAM) build --config-env $(ENV)
	$(SAM) deploy --config-env $(ENV) $(if $(PARAMS),--parameter-overrides $$($(PY) -m infra.samconfig $(ENV)) $(PARAMS))

## After a deploy: make smoke BASE_URL=<the ApiUrl output> [STAGE=prod] [TOKEN=<a customer JWT>]
STAGE ?= dev
smoke: venv
	@test -n "$(BASE_URL)" || { echo "usage: make smoke BASE_URL=https://... [STAGE=prod] [TOKEN=...]"; exit 2; }
	$(PY) -m infra.smoke --base-url $(BASE_URL) --stage $(STAGE) $(if $(TOKEN),--token $(TOKEN))

unit: venv
	$(VENV)/bin/pytest -n 2 --dist loadfile

## No test may depend on the calendar: the unit suite again with the system clock 400 days
## ahead and 30 days back (libfaketime shifts time(), gettimeofday() and clock_gettime()).
clock-shifted: venv faketime
	faketime -f '+400d' $(VENV)/bin/pytest tests/unit -n 2 -q -p no:cacheprovider
	faketime -f '-30d' $(VENV)/bin/pytest tests/unit -n 2 -q -p no:cacheprovider

e2e: venv
	$(VENV)/bin/pytest -m e2e

## The committed OpenAPI document (docs/openapi.json), regenerated from the handlers.
openapi: venv
	$(PY) -m infra.openapi > docs/openapi.json

demo: venv
	$(PY) -m infra.local.demo

## The service-process features (appointments, coupons, audits, product/live/topic analytics).
demo-process: venv
	$(PY) -m infra.local.demo_process

bench: venv
	$(PY) -m benchmarks

## Rebuild the triage model from its corpus (deterministic) and write ml/triage/RESULTS.md.
train-triage: venv
	$(PY) -m ml.triage.generate
	$(PY) -m ml.triage.train
	$(PY) -m ml.triage.evaluate

## Staff corrections of the triage (local stack by default) into ml/triage/corpus/corrections.jsonl.
export-triage-corrections: venv
	$(PY) -m ml.triage.export_corrections $(ARGS)

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Publish the service desk console to a deployed stack: make deploy-console STACK=aftercare-prod
.PHONY: deploy-console
deploy-console: venv
	@if [ -z "$(STACK)" ]; then echo "usage: make deploy-console STACK=<stack name> [AWS_REGION=...]"; exit 2; fi
	$(PY) -m infra.console_deploy --stack-name $(STACK)

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) .pytest_cache .mypy_cache .ruff_cache
