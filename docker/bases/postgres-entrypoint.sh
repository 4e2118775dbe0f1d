#!/bin/bash
# Minimal official-image-like entry point: initdb on first start (password auth), create POSTGRES_DB.
set -euo pipefail
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp); printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" >"$pwfile"
  initdb --username=postgres --pwfile="$pwfile" --auth-host=scram-sha-256 --auth-local=trust >/dev/null
  rm -f "$pwfile"
  printf "host all all all scram-sha-256\n" >>"$PGDATA/pg_hba.conf"
  pg_ctl -w -o "-c listen_addresses='' -c port=5432" start >/dev/null
  [ "${POSTGRES_DB:-postgres}" = postgres ] || psql -qAt -U postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
  pg_ctl -w stop >/dev/null
fi
[ "${1:-}" = postgres ] && shift && exec postgres -c listen_addresses='*' "$@"
exec "$@"
