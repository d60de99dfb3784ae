# 서울 일자리·노동 도우미 — every command a developer or CI needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Python 3.10 (Rasa 3.6 runs on 3.8–3.10): PATH first, then pyenv's install, then Debian's.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	if "$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then command -v "$$p" || echo "$$p"; break; fi; done)
STAMP := $(VENV)/.installed

# Safe defaults for the variables credentials.yml / endpoints.yml read (override in the environment or .env).
export RASA_TELEMETRY_ENABLED ?= false
# the same order of sets of strings in every process: the same reply to the same conversation, run after run
export PYTHONHASHSEED ?= 0
export ACTION_SERVER_PORT ?= 5055
export ACTION_ENDPOINT_URL ?= http://127.0.0.1:$(ACTION_SERVER_PORT)/webhook
export RASA_BIND ?= 127.0.0.1
export RASA_PORT ?= 5005
export WEB_PORT ?= 8080
export RASA_PUBLIC_URL ?= http://127.0.0.1:$(RASA_PORT)
# One database for knowledge, handoffs and Rasa's conversations; Rasa's lock store (endpoints.yml).
export DATABASE_URL ?= sqlite:///$(CURDIR)/var/knowledge.db
export LOCK_STORE_TYPE ?= in_memory
export TRACKER_CACHE_SIZE ?= 2000
export REDIS_HOST ?= 127.0.0.1
export REDIS_PORT ?= 6379
export REDIS_DB ?= 0
# The staff console reaches Rasa's API (token-protected, bound to 127.0.0.1) and socket.io channel with
# these; fresh random ones per `make run` unless set.
ifndef RASA_API_TOKEN
export RASA_API_TOKEN := $(shell python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
endif
ifndef STAFF_CHANNEL_TOKEN
export STAFF_CHANNEL_TOKEN := $(shell python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
endif
export RASA_URL ?= http://127.0.0.1:$(RASA_PORT)
WIDGET := bot/web/widget
WIDGET_JS := bot/web/static/widget.js


.PHONY: help install kb lookups train run run-scaled test test-fast eval eval-dialogue bench clean widget web tune staff-user

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

$(STAMP): pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found: install it (pyenv install 3.10) or set PYTHON310=/path/to/python3.10"; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip wheel
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)  ## create .venv and install the pinned dependencies

kb: $(STAMP)  ## validate knowledge/sources and (re)load them into $$DATABASE_URL (default SQLite in var/)
	$(BIN)/python -m knowledge.loader

lookups: $(STAMP)  ## regenerate data/nlu/lookups.yml from the knowledge base sources
	$(BIN)/python -m knowledge.nlu_export

train: $(STAMP)  ## train a model if data, config or domain changed
	$(BIN)/rasa train --quiet --num-threads 2

$(WIDGET_JS): $(WIDGET)/package.json $(WIDGET)/package-lock.json $(WIDGET)/build.mjs $(wildcard $(WIDGET)/src/*.js)
	cd $(WIDGET) && npm ci && npm test && npm run build

widget: $(WIDGET_JS)  ## build the web chat widget (bot/web/static/widget.js)

web: $(WIDGET_JS)  ## serve only the web chat page on http://127.0.0.1:$$WEB_PORT
	$(BIN)/python -m bot.web

run: kb train $(WIDGET_JS)  ## serve everything in the foreground (Ctrl-C stops all)
	@echo
	@echo "  Web chat:        http://127.0.0.1:$(WEB_PORT)"
	@echo "  Staff console:   http://127.0.0.1:$(WEB_PORT)/console  (make staff-user NAME=you first)"
	@echo "  Chat over REST:  curl -s localhost:5005/webhooks/rest/webhook -d '{\"sender\":\"me\",\"message\":\"안녕하세요\"}'"
	@echo "  Shell chat:      $(BIN)/rasa shell"
	@echo
	$(BIN)/honcho start -f Procfile

# The scaled set-up: nginx in front of two Rasa replicas and two action servers, conversations and knowledge in
# PostgreSQL, Rasa's lock store (and the rate limit) in Redis. Same endpoints.yml, other environment.
SCALED_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/seoul_assistant
export NGINX_DIR ?= $(CURDIR)/var/nginx
export RASA_REPLICA_1_PORT ?= 5101
export RASA_REPLICA_2_PORT ?= 5102
export ACTION_REPLICA_1_PORT ?= 5151
export ACTION_REPLICA_2_PORT ?= 5152
run-scaled: export DATABASE_URL := $(SCALED_DATABASE_URL)
run-scaled: export LOCK_STORE_TYPE := redis

run-scaled: kb train $(WIDGET_JS)  ## two Rasa + two action servers behind nginx, on PostgreSQL and Redis
	@command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx-light"; exit 1; }
	@redis-cli -h $(REDIS_HOST) -p $(REDIS_PORT) ping >/dev/null || { echo "Redis does not answer on $(REDIS_HOST):$(REDIS_PORT)"; exit 1; }
	mkdir -p $(NGINX_DIR)
	envsubst '$$NGINX_DIR $$RASA_BIND $$RASA_PORT $$ACTION_SERVER_PORT $$RASA_REPLICA_1_PORT $$RASA_REPLICA_2_PORT $$ACTION_REPLICA_1_PORT $$ACTION_REPLICA_2_PORT' \
		< deploy/local/nginx.conf.template > $(NGINX_DIR)/nginx.conf
	nginx -t -q -p $(NGINX_DIR) -c $(NGINX_DIR)/nginx.conf
	$(BIN)/python -m scripts.services prepare-tracker-store "$(DATABASE_URL)"
	@echo
	@echo "  Same addresses as make run (nginx on :$(RASA_PORT) and :$(ACTION_SERVER_PORT)); replicas on :$(RASA_REPLICA_1_PORT) :$(RASA_REPLICA_2_PORT)"
	@echo
	$(BIN)/honcho start -f Procfile.scaled

test: kb train $(WIDGET_JS)  ## the whole test suite: data validation, story tests, then pytest (unit, integration, e2e)
	$(BIN)/python scripts/validate_data.py
	$(BIN)/rasa test core --stories tests/test_stories.yml --fail-on-prediction-errors --out results/stories
	$(BIN)/python -m pytest -q tests/unit tests/integration
	$(BIN)/python -m pytest -q tests/e2e

eval: $(STAMP)  ## NLU on the held-out set vs. two baselines (writes results/)
	$(BIN)/python scripts/evaluate_nlu.py

eval-dialogue: $(STAMP)  ## the held-out conversations (tests/heldout/conversations*.yml) against the real servers
	$(BIN)/python scripts/evaluate_dialogue.py

bench: kb train  ## closed-loop load over REST: ours vs. the stock `rasa init` floor, 1/20/50 conversations (results/bench.md)
	$(BIN)/python scripts/bench.py

tune: $(STAMP)  ## choose the FallbackClassifier threshold on a split of the training data
	$(BIN)/python scripts/evaluate_nlu.py --tune-threshold

test-fast: kb  ## unit tests only (no model training)
	$(BIN)/python -m pytest -q -m "not slow" tests/unit

staff-user: $(STAMP)  ## create a staff account for the console: make staff-user NAME=kim.minji
	$(BIN)/python -m bot.console create-user $(NAME)

clean:  ## remove generated files (database, models, caches) but keep .venv
	rm -rf var/*.db models .rasa .pytest_cache
