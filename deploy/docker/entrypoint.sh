#!/bin/sh
# Entrypoint of the image (deploy/docker/Dockerfile): `assistant ROLE [extra arguments]`, run in /app.
#   rasa        Rasa server with the HTTP API, port 5005 (the Procfile's `rasa` line, listening on 0.0.0.0)
#   actions     action server, port 5055
#   web         city page with the chat widget and the staff console (python -m bot.web; WEB_BIND/WEB_PORT)
#   kb          validate knowledge/sources and (re)load them into $DATABASE_URL (`make kb`); one-shot
#   staff-user  create a staff account: `staff-user kim.minji` (password prompted; needs a TTY)
# Anything else is executed as given (e.g. `bash`, `rasa shell`). Extra arguments go to the role's command,
# e.g. `rasa --cors https://www.example.go.kr` when the widget is embedded on another origin.
set -eu

role="${1:-rasa}"
if [ "$#" -gt 0 ]; then shift; fi

case "$role" in
  rasa)
    if [ -z "${RASA_API_TOKEN:-}" ]; then
      # Never run the HTTP API open: like the Makefile, fall back to a random token (the API is then closed
      # to everyone, the staff console included, until RASA_API_TOKEN is set).
      echo "assistant: RASA_API_TOKEN is not set; using a random one (Rasa's HTTP API is unusable)" >&2
      RASA_API_TOKEN="$(python -c 'import secrets; print(secrets.token_urlsafe(32))')"
    fi
    exec rasa run --enable-api --auth-token "$RASA_API_TOKEN" \
      --credentials credentials.yml --endpoints endpoints.yml --port 5005 "$@"
    ;;
  actions)
    exec rasa run actions --actions actions --port 5055 "$@"
    ;;
  web)
    exec python -m bot.web "$@"
    ;;
  kb)
    exec python -m knowledge.loader "$@"
    ;;
  staff-user)
    exec python -m bot.console create-user "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
