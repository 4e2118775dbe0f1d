#!/usr/bin/env bash
# Backs up PostgreSQL (pg_dump, custom format) and Redis (its AOF/RDB files, or an RDB over the wire).
#   DATABASE_URL=postgres://… [REDIS_URL=redis://:pass@host:6379] [REDIS_DATA_DIR=/var/lib/redis] \
#     tools/ops/backup.sh [BACKUP_ROOT]        → BACKUP_ROOT/pa-YYYYmmddTHHMMSSZ/ (default ./backups)
# Writes: postgres.dump (pg_restore -l lists it), redis/ (dump.rdb and appendonlydir/ when REDIS_DATA_DIR is
# readable; else dump.rdb fetched with `redis-cli --rdb`), manifest.txt (what, versions, sha256 of each file).
# pg_dump must be at least the server's major version (PG_DUMP=/usr/lib/postgresql/16/bin/pg_dump, or
# PG_DUMP="docker-compose -p pa -f docker/compose.yml exec -T postgres pg_dump" — see docs/deploy.md).
# Exit non-zero on any failure; a failed backup leaves no directory behind. Keep backups off the host.
set -euo pipefail
umask 077

: "${DATABASE_URL:?DATABASE_URL is required}"
ROOT="${1:-${BACKUP_ROOT:-./backups}}"
PG_DUMP="${PG_DUMP:-pg_dump}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/pa-$STAMP"
log() { printf '[backup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

mkdir -p "$OUT.partial/redis"
trap 'rm -rf "$OUT.partial"' EXIT

log "pg_dump (custom format) → $OUT/postgres.dump"
# shellcheck disable=SC2086 # PG_DUMP may be a command with arguments
$PG_DUMP --format=custom --compress=6 --no-owner --no-privileges --dbname="$DATABASE_URL" >"$OUT.partial/postgres.dump"
pg_restore --list "$OUT.partial/postgres.dump" >/dev/null # readable, complete archive

redis_mode=none
if [ -n "${REDIS_DATA_DIR:-}" ]; then
  # Flush what Redis holds in memory first (BGSAVE: dump.rdb), then copy its files as they are.
  if [ -n "${REDIS_URL:-}" ]; then
    before=$(redis-cli -u "$REDIS_URL" --no-auth-warning LASTSAVE)
    redis-cli -u "$REDIS_URL" --no-auth-warning BGSAVE >/dev/null || true
    for _ in $(seq 1 300); do
      [ "$(redis-cli -u "$REDIS_URL" --no-auth-warning LASTSAVE)" != "$before" ] && break
      sleep 0.2
    done
  fi
  [ -f "$REDIS_DATA_DIR/dump.rdb" ] && cp -p "$REDIS_DATA_DIR/dump.rdb" "$OUT.partial/redis/"
  [ -d "$REDIS_DATA_DIR/appendonlydir" ] && cp -rp "$REDIS_DATA_DIR/appendonlydir" "$OUT.partial/redis/"
  [ -f "$REDIS_DATA_DIR/appendonly.aof" ] && cp -p "$REDIS_DATA_DIR/appendonly.aof" "$OUT.partial/redis/"
  redis_mode="files from $REDIS_DATA_DIR"
  log "Redis files copied from $REDIS_DATA_DIR"
elif [ -n "${REDIS_URL:-}" ]; then
  redis-cli -u "$REDIS_URL" --no-auth-warning --rdb "$OUT.partial/redis/dump.rdb" >/dev/null
  redis_mode="RDB snapshot over the wire (redis-cli --rdb)"
  log "Redis snapshot fetched (redis-cli --rdb)"
fi

{
  echo "created: $STAMP"
  echo "postgres: $($PG_DUMP --version | head -1)"
  echo "redis: $redis_mode"
  echo "files (sha256):"
  (cd "$OUT.partial" && find . -type f ! -name manifest.txt -print0 | sort -z | xargs -0 sha256sum)
} >"$OUT.partial/manifest.txt"

mv "$OUT.partial" "$OUT"
trap - EXIT
log "done: $OUT ($(du -sh "$OUT" | cut -f1))"
echo "$OUT"
