#!/usr/bin/env bash
# Restores a backup made by tools/ops/backup.sh.
#   DATABASE_URL=postgres://…/fresh_db [REDIS_DATA_DIR=/var/lib/redis] tools/ops/restore.sh BACKUP_DIR
# - checks every file against manifest.txt first (a damaged backup is refused);
# - PostgreSQL: pg_restore into DATABASE_URL in one transaction (all or nothing). The database must be
#   empty (create it fresh: `createdb`, or CREATE DATABASE); CLEAN=1 drops existing objects first;
# - Redis: with REDIS_DATA_DIR, copies dump.rdb and appendonlydir/ there. Stop Redis first, start it after
#   (it loads the AOF when appendonly is on, else dump.rdb). Without REDIS_DATA_DIR Redis is left alone.
# Then run the release step as usual (db-cli migrate: a no-op for a backup of the same version).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL is required (the database to restore into)}"
SRC="${1:?usage: restore.sh BACKUP_DIR}"
PG_RESTORE="${PG_RESTORE:-pg_restore}"
log() { printf '[restore %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

[ -f "$SRC/manifest.txt" ] || { log "no manifest.txt in $SRC"; exit 1; }
(cd "$SRC" && sed -n '/^files (sha256):$/,$p' manifest.txt | tail -n +2 | sha256sum --check --quiet) ||
  { log "checksums do not match: refusing to restore"; exit 1; }
log "checksums ok ($(sed -n 's/^created: //p' "$SRC/manifest.txt"))"

args=(--no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL")
[ "${CLEAN:-0}" = 1 ] && args+=(--clean --if-exists)
# shellcheck disable=SC2086
$PG_RESTORE "${args[@]}" "$SRC/postgres.dump"
log "PostgreSQL restored into ${DATABASE_URL##*/}"

if [ -n "${REDIS_DATA_DIR:-}" ]; then
  if [ -n "${REDIS_URL:-}" ] && redis-cli -u "$REDIS_URL" --no-auth-warning PING >/dev/null 2>&1; then
    log "Redis at REDIS_URL still answers: stop it before restoring its files"; exit 1
  fi
  mkdir -p "$REDIS_DATA_DIR"
  rm -rf "$REDIS_DATA_DIR/appendonlydir" "$REDIS_DATA_DIR/dump.rdb" "$REDIS_DATA_DIR/appendonly.aof"
  [ -f "$SRC/redis/dump.rdb" ] && cp -p "$SRC/redis/dump.rdb" "$REDIS_DATA_DIR/"
  [ -d "$SRC/redis/appendonlydir" ] && cp -rp "$SRC/redis/appendonlydir" "$REDIS_DATA_DIR/"
  [ -f "$SRC/redis/appendonly.aof" ] && cp -p "$SRC/redis/appendonly.aof" "$REDIS_DATA_DIR/"
  log "Redis files restored into $REDIS_DATA_DIR (start Redis now)"
fi
log "done"
