#!/usr/bin/env bash
# Backup → restore round trip, for real (`npm run backup:roundtrip`):
#   1. a fresh database pa_bk_src_<random> on PostgreSQL (PG_URL, default postgres://postgres@127.0.0.1:5432)
#      and a redis-server of its own (127.0.0.1:18479, AOF everysec, in a temp dir);
#   2. the built API on it (127.0.0.1:18410): a person signs up and writes a task; a marker key in Redis;
#   3. tools/ops/backup.sh; the source Redis is stopped;
#   4. tools/ops/restore.sh into a fresh database pa_bk_dst_<random> and an empty Redis directory;
#   5. the API on the restored copy: the person signs in with their password and finds their task; the
#      access token issued before the backup still works; row counts and Redis keys are equal.
# Cleans up (processes it started, both databases, temp files). Exit 0 = the data came back intact.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
API_PORT="${ROUNDTRIP_API_PORT:-18410}"
REDIS_PORT="${ROUNDTRIP_REDIS_PORT:-18479}"
RUN="$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SRC_DB="pa_bk_src_$RUN" DST_DB="pa_bk_dst_$RUN"
WORK="$ROOT/tmp/backup-roundtrip-$RUN"
API_PID="" REDIS_PID=""
PASSED=0 FAILED=0
log() { printf '[roundtrip %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
check() { # description, then a command
  local what=$1; shift
  if "$@"; then log "ok: $what"; PASSED=$((PASSED + 1)); else log "FAIL: $what"; FAILED=$((FAILED + 1)); fi
}

cleanup() {
  set +e
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  for db in "$SRC_DB" "$DST_DB"; do psql "$PG_URL/postgres" -qAt -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start_redis() { # data dir
  mkdir -p "$1"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$1" --appendonly yes --appendfsync everysec \
    --maxmemory-policy noeviction --save "" --logfile "$1/../redis-$(basename "$1").log" &
  REDIS_PID=$!
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" PING >/dev/null 2>&1 && return 0; sleep 0.1; done
  log "redis-server did not start"; exit 1
}
stop_redis() { kill "$REDIS_PID"; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; }

start_api() { # database
  DATABASE_URL="$PG_URL/$1" node dist/server/apps/api/src/main.js >"$WORK/api-$1.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 150); do
    curl -sf --max-time 2 "http://127.0.0.1:$API_PORT/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$API_PID" 2>/dev/null || break
    sleep 0.2
  done
  tail -20 "$WORK/api-$1.log" >&2; log "the API did not become ready"; exit 1
}
stop_api() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""; }

gql() { # query, variables JSON, [token] → prints the response
  local auth=()
  [ -n "${3:-}" ] && auth=(-H "authorization: Bearer $3")
  node -e 'process.stdout.write(JSON.stringify({query:process.argv[1],variables:JSON.parse(process.argv[2])}))' "$1" "$2" |
    curl -sS --max-time 10 -H 'content-type: application/json' -H 'apollo-require-preflight: true' "${auth[@]}" \
      --data @- "http://127.0.0.1:$API_PORT/graphql"
}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],JSON.parse(s));process.stdout.write(typeof v==="string"?v:JSON.stringify(v??null))})' "$1"; }

mkdir -p "$WORK"
[ -f dist/server/apps/api/src/main.js ] && [ "${BUILD:-0}" != 1 ] || node tools/scripts/build-server.mjs >/dev/null
export NODE_ENV=production HOST=127.0.0.1 PORT="$API_PORT" DB_MIGRATE_ON_START=true
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT" REDIS_KEY_PREFIX="pa-rt:" LOG_LEVEL=warn
JWT_SECRET="$(openssl rand -hex 32)" MFA_ENCRYPTION_KEY="$(openssl rand -base64 32)" TWILIO_AUTH_TOKEN="$(openssl rand -hex 16)"
read -r VAPID_PUBLIC_KEY VAPID_PRIVATE_KEY < <(node -e "const k=require('web-push').generateVAPIDKeys();console.log(k.publicKey, k.privateKey)")
export VAPID_PUBLIC_KEY VAPID_PRIVATE_KEY VAPID_SUBJECT=mailto:roundtrip@example.com
export JWT_SECRET MFA_ENCRYPTION_KEY TWILIO_AUTH_TOKEN TWILIO_API_BASE_URL=http://127.0.0.1:9 SMTP_URL=smtp://127.0.0.1:9
export SMS_WEBHOOK_BASE_URL=https://sms.example.test COOKIE_SECURE=true

# 1–2. A person with data.
psql "$PG_URL/postgres" -qAt -c "CREATE DATABASE \"$SRC_DB\""
start_redis "$WORK/redis-src"
start_api "$SRC_DB"
EMAIL="roundtrip-$RUN@example.test" PASSWORD="Lantern-$(openssl rand -hex 10)-quiet-harbour"
TITLE="Call the dentist before Friday ($RUN)"
reg=$(gql 'mutation R($i: RegisterInput!) { register(input: $i) { accessToken } }' \
  "{\"i\":{\"displayName\":\"Round Trip\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"timeZone\":\"Europe/Paris\",\"refreshTokenIn\":\"BODY\"}}")
TOKEN=$(printf '%s' "$reg" | json data.register.accessToken)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { log "register failed: $reg"; exit 1; }
task=$(gql 'mutation T($t: String!) { createTask(title: $t) { id title } }' "{\"t\":\"$TITLE\"}" "$TOKEN")
TASK_ID=$(printf '%s' "$task" | json data.createTask.id)
[ -n "$TASK_ID" ] && [ "$TASK_ID" != null ] || { log "createTask failed: $task"; exit 1; }
redis-cli -p "$REDIS_PORT" SET "pa-rt:backup-check" "$RUN" >/dev/null
stop_api
SRC_USERS=$(psql "$PG_URL/$SRC_DB" -qAt -c 'SELECT count(*) FROM users')
SRC_TASKS=$(psql "$PG_URL/$SRC_DB" -qAt -c 'SELECT count(*) FROM tasks')
# Lasting keys (no expiry, or more than 5 minutes left): they must all come back.
lasting_keys() {
  redis-cli -p "$REDIS_PORT" --scan --pattern '*' | sort | while read -r k; do
    t=$(redis-cli -p "$REDIS_PORT" TTL "$k"); { [ "$t" = -1 ] || [ "$t" -gt 300 ]; } && echo "$k"
  done
}
SRC_KEYS=$(lasting_keys | sha256sum)
log "source: $SRC_USERS user(s), $SRC_TASKS task(s), $(redis-cli -p "$REDIS_PORT" DBSIZE) Redis keys"

# 3. Backup; the source Redis goes away.
BACKUP=$(DATABASE_URL="$PG_URL/$SRC_DB" REDIS_DATA_DIR="$WORK/redis-src" tools/ops/backup.sh "$WORK/backups")
stop_redis

# 4. Restore into a fresh database and an empty Redis directory.
psql "$PG_URL/postgres" -qAt -c "CREATE DATABASE \"$DST_DB\""
if [ "${ROUNDTRIP_SKIP_RESTORE:-0}" != 1 ]; then # (=1 shows the checks failing without a restore)
  DATABASE_URL="$PG_URL/$DST_DB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT" REDIS_DATA_DIR="$WORK/redis-dst" \
    tools/ops/restore.sh "$BACKUP"
fi
start_redis "$WORK/redis-dst"
check "Redis: the marker key came back from the AOF" test "$(redis-cli -p "$REDIS_PORT" GET pa-rt:backup-check)" = "$RUN"
check "Redis: the same lasting keys as before the backup" test "$(lasting_keys | sha256sum)" = "$SRC_KEYS"
start_api "$DST_DB"

# 5. The person's data, intact.
login=$(gql 'mutation L($i: LoginInput!) { login(input: $i) { accessToken } }' \
  "{\"i\":{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"refreshTokenIn\":\"BODY\"}}")
NEW_TOKEN=$(printf '%s' "$login" | json data.login.accessToken)
check "the person signs in on the restored copy with their password" test -n "$NEW_TOKEN" -a "$NEW_TOKEN" != null
tasks=$(gql '{ tasks { id title } }' '{}' "$NEW_TOKEN")
check "their task is there, same id and title" test "$(printf '%s' "$tasks" | json data.tasks.0.title)|$(printf '%s' "$tasks" | json data.tasks.0.id)" = "$TITLE|$TASK_ID"
me=$(gql '{ me { email } }' '{}' "$TOKEN")
check "the access token issued before the backup still works (session restored)" test "$(printf '%s' "$me" | json data.me.email)" = "$EMAIL"
check "row counts equal (users $SRC_USERS, tasks $SRC_TASKS)" test \
  "$(psql "$PG_URL/$DST_DB" -qAt -c 'SELECT count(*) FROM users')|$(psql "$PG_URL/$DST_DB" -qAt -c 'SELECT count(*) FROM tasks')" = "$SRC_USERS|$SRC_TASKS"
stop_api

echo "backup round trip: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
