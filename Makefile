# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3
DEMO_SEED ?= 20251203
export DJANGO_ALLOW_ASYNC_UNSAFE := true

.PHONY: demo test install system-deps assets messages messages-update lint typecheck importlint migrations-check \
        pytest-sqlite pytest-postgres worker serve clean

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed system-deps messages

# Debian's Chromium drives the browser tests; a Korean font makes Hangul render in PDFs and screenshots;
# gettext compiles the translations; poppler's pdftotext reads PDFs back in tests. Installed only
# when missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi nanum || missing="$$missing fonts-nanum"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y -q $$missing >/dev/null 2>&1 || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q $$missing >/dev/null; }; \
	fi

# Front-end libraries come from the npm registry and are vendored into static/vendor (committed, so
# the demo needs no network). `make assets` refreshes them from frontend/package.json.
assets:
	cd frontend && npm install --no-audit --no-fund
	cp frontend/node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	mkdir -p static/vendor/swagger-ui
	cp frontend/node_modules/swagger-ui-dist/{LICENSE,NOTICE} static/vendor/swagger-ui/
	for f in swagger-ui-bundle.js swagger-ui.css; do \
	  sed -E '/^\/[\/*]# sourceMappingURL=/d' frontend/node_modules/swagger-ui-dist/$$f > static/vendor/swagger-ui/$$f; done
	# The source-map comment would make collectstatic look for a .map file that is not vendored.
	sed '/^\/\/# sourceMappingURL=/d' frontend/node_modules/chart.js/dist/chart.umd.min.js > static/vendor/chart.umd.min.js

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv -v 0

# Refresh locale/{ko,en} from the code and templates; then translate every new entry.
messages-update: $(VENV)/.installed
	$(PY) manage.py makemessages -l ko -l en --no-obsolete --no-location --ignore=.venv --ignore=frontend --ignore=var
	$(PY) scripts/fill_english_catalogue.py

demo: install
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py demo-data --seed $(DEMO_SEED) --if-empty
	@$(PY) manage.py demo-data --print-logins
	@echo "Starting a Celery worker (embedded broker unless REDIS_URL is set) and the web server on http://127.0.0.1:8000"
	@set -m; $(BIN)/celery -A config worker -B --pool=solo --loglevel=WARNING \
	    --schedule=var/celerybeat-schedule > var/celery.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000 --noreload

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(VENV)/.installed
	$(BIN)/mypy .

importlint: $(VENV)/.installed
	$(BIN)/lint-imports

migrations-check: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run

pytest-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest -q

# PostgreSQL run: uses DATABASE_URL if set, else the local server with trust auth. Without a
# server, says so plainly (and fails when REQUIRE_POSTGRES=1, as .ci/run sets).
pytest-postgres: install
	@url="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/talenthub}"; \
	if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || [ -n "$$DATABASE_URL" ]; then \
	  echo "== pytest on PostgreSQL ($$url) =="; \
	  DATABASE_URL="$$url" $(BIN)/pytest -q -m "not e2e"; \
	else \
	  echo "!! PostgreSQL is not reachable on 127.0.0.1:5432: the PostgreSQL test run DID NOT HAPPEN."; \
	  [ "$$REQUIRE_POSTGRES" != 1 ] || exit 1; \
	fi

test: install lint typecheck importlint migrations-check pytest-sqlite pytest-postgres

clean:
	rm -rf $(VENV) var
