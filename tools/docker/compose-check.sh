#!/usr/bin/env bash
# Checks every compose combination with `docker-compose config -q` (Debian's docker-compose 1.29; no
# engine needed), filled from the committed examples: .env.production.example and docker/dev.env.
set -euo pipefail
cd "$(dirname "$0")/../.."
COMPOSE="${COMPOSE:-docker-compose}"
example="$(mktemp)"; trap 'rm -f "$example"' EXIT
cp .env.production.example "$example"
failed=0
check() { # name, env file, compose files…
  local name=$1 envf=$2; shift 2
  local args=() f
  for f in "$@"; do args+=(-f "docker/$f"); done
  if PA_ENV_FILE="${PA_ENV_FILE_OVERRIDE:-$example}" "$COMPOSE" --env-file "$envf" -p pa-check "${args[@]}" --profile monitoring config -q; then
    echo "ok   $name"
  else
    echo "FAIL $name"; failed=1
  fi
}
check production .env.production.example compose.yml compose.prod.yml
check staging .env.production.example compose.yml compose.staging.yml
check "host networking" .env.production.example compose.yml compose.host.yml
PA_ENV_FILE_OVERRIDE=dev.env check development docker/dev.env compose.yml compose.dev.yml
exit $failed
