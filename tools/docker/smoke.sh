#!/usr/bin/env bash
# `npm run images:smoke`: runs the production images for real, on this machine, and checks them.
#   - starts dockerd when no engine answers (and stops it at the end, only if it started it)
#   - builds the images when missing (`npm run images`; BUILD=1 rebuilds them)
#   - a throw-away database pa_smoke_<random> on the machine's PostgreSQL (127.0.0.1:5432, user postgres)
#     and a key prefix of its own on the machine's Redis (127.0.0.1:6379): nothing shared is touched
#   - migrations as a release step with the api image's db-cli
#   - api, worker, sms-router and web (Nginx, HTTPS with a self-signed certificate made here) with
#     --network host on loopback ports, read-only root filesystems, all capabilities dropped
#   - /readyz of each (worker: its start line and its HEALTHCHECK), time to start, image sizes
#   - signs a person up through Nginx over HTTPS/2 + TLS 1.3 (GraphQL `register`), reads them back (`me`)
#   - no secret in any layer: `docker history --no-trunc` and a scan of each image's filesystem
#   - cleans up: containers, database, Redis keys of its prefix
# Ports (loopback): API 18401, SMS router 18403, Nginx HTTP 18480 / HTTPS 18443 (SMOKE_PORT_BASE moves them).
# Prints a summary; RESULT_FILE=path also writes it as JSON lines. Exit 0 = every check passed.
set -euo pipefail
SMOKE_TAG="${TAG:-latest}"
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/build-images.sh"

cd "$PA_ROOT"
TAG="$SMOKE_TAG"
BASE="${SMOKE_PORT_BASE:-18400}"
API_PORT=$((BASE + 1)) SMS_PORT=$((BASE + 3)) HTTP_PORT=$((BASE + 80)) HTTPS_PORT=$((BASE + 43))
PG="${SMOKE_PG_URL:-postgres://postgres@127.0.0.1:5432}"
REDIS="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379}"
RUN_ID="$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
DB="pa_smoke_$RUN_ID"
KEY_PREFIX="pa-smoke-$RUN_ID:"
WORK="$PA_STATE_DIR/smoke-$RUN_ID"
NAMES=(pa-smoke-api-$RUN_ID pa-smoke-worker-$RUN_ID pa-smoke-sms-$RUN_ID pa-smoke-web-$RUN_ID)
FAILED=0
SUMMARY=()

ok() { log "ok: $*"; SUMMARY+=("ok   $*"); }
bad() { log "FAIL: $*"; SUMMARY+=("FAIL $*"); FAILED=1; }
now_ms() { date +%s%3N; }
psql_admin() { psql "$PG/postgres" -v ON_ERROR_STOP=1 -qAt -c "$1"; }

cleanup() {
  local rc=$?
  set +e
  for n in "${NAMES[@]}"; do "$DOCKER" rm -f "$n" >/dev/null 2>&1; done
  if [ -n "${DB_CREATED:-}" ]; then psql_admin "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1; fi
  redis-cli -u "$REDIS" --scan --pattern "${KEY_PREFIX}*" 2>/dev/null | head -100000 |
    xargs -r -n 500 redis-cli -u "$REDIS" unlink >/dev/null 2>&1
  rm -rf "$WORK"
  stop_dockerd
  exit $rc
}

# Waits until $2 (a command) succeeds, at most $3 seconds; prints the elapsed milliseconds since $1.
wait_until() {
  local start=$1 cmd=$2 limit=$3 deadline=$(($(date +%s) + $3))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if eval "$cmd" >/dev/null 2>&1; then echo $(($(now_ms) - start)); return 0; fi
    sleep 0.2
  done
  return 1
}

run_smoke() {
  mkdir -p "$WORK"
  for t in api worker sms-router web; do
    if [ "${BUILD:-0}" = 1 ] || ! image_exists "pa-$t:$TAG"; then
      log "image pa-$t:$TAG missing: building the images"
      TAG_SAVED=$TAG; TAG=$(git rev-parse --short HEAD 2>/dev/null || echo dev); build_images; TAG=$TAG_SAVED
      break
    fi
  done

  # --- secrets and settings of this run (never in an image: passed at run time) ----------------
  local jwt mfa twilio env="$WORK/app.env"
  jwt=$(openssl rand -hex 32)
  mfa=$(openssl rand -base64 32)
  read -r VAPID_PUBLIC_KEY VAPID_PRIVATE_KEY < <(node -e "const k=require('web-push').generateVAPIDKeys();console.log(k.publicKey, k.privateKey)")
  twilio=$(openssl rand -hex 16)
  cat >"$env" <<ENV
NODE_ENV=production
HOST=127.0.0.1
PORT=$API_PORT
SMS_ROUTER_PORT=$SMS_PORT
DATABASE_URL=$PG/$DB
REDIS_URL=$REDIS
REDIS_KEY_PREFIX=$KEY_PREFIX
JWT_SECRET=$jwt
MFA_ENCRYPTION_KEY=$mfa
VAPID_PUBLIC_KEY=$VAPID_PUBLIC_KEY
VAPID_PRIVATE_KEY=$VAPID_PRIVATE_KEY
VAPID_SUBJECT=mailto:smoke@example.com
TWILIO_AUTH_TOKEN=$twilio
TWILIO_API_BASE_URL=http://127.0.0.1:9
SMTP_URL=smtp://127.0.0.1:9
SMS_WEBHOOK_BASE_URL=https://localhost:$HTTPS_PORT
PUBLIC_WEB_URL=https://localhost:$HTTPS_PORT
PUBLIC_API_URL=https://localhost:$HTTPS_PORT
CORS_ORIGINS=https://localhost:$HTTPS_PORT
TRUST_PROXY=true
LOG_LEVEL=info
ENV
  local secure=(--network host --read-only --tmpfs /tmp:rw,size=64m --cap-drop ALL
    --security-opt no-new-privileges --env-file "$env")

  # --- database and migrations (release step) ------------------------------------------------
  psql_admin "CREATE DATABASE \"$DB\"" && DB_CREATED=1
  local t0 ms
  t0=$(now_ms)
  if "$DOCKER" run --rm --name "pa-smoke-migrate-$RUN_ID" "${secure[@]}" "pa-api:$TAG" \
    node dist/server/apps/api/src/db-cli.js migrate >"$WORK/migrate.log" 2>&1; then
    ok "migrations (db-cli migrate in the api image) in $(($(now_ms) - t0)) ms"
  else
    cat "$WORK/migrate.log" >&2; bad "migrations"; return
  fi

  # --- the apps, one after the other: each start is timed alone (docker run → ready) ---------------
  local curl_tls=(curl -sS --max-time 5 --cacert "$WORK/tls/tls.crt" --resolve "localhost:$HTTPS_PORT:127.0.0.1")
  local start
  start=$(now_ms)
  "$DOCKER" run -d --name "${NAMES[0]}" "${secure[@]}" "pa-api:$TAG" >/dev/null
  if ms=$(wait_until "$start" "curl -sf --max-time 2 http://127.0.0.1:$API_PORT/readyz" 90); then
    ok "api /readyz ok $ms ms after docker run"; START_MS_api=$ms
  else bad "api /readyz not ok within 90 s"; "$DOCKER" logs "${NAMES[0]}" 2>&1 | tail -20 >&2; fi

  start=$(now_ms)
  "$DOCKER" run -d --name "${NAMES[2]}" "${secure[@]}" "pa-sms-router:$TAG" >/dev/null
  if ms=$(wait_until "$start" "curl -sf --max-time 2 http://127.0.0.1:$SMS_PORT/readyz" 90); then
    ok "sms-router /readyz ok $ms ms after docker run"; START_MS_sms=$ms
  else bad "sms-router /readyz not ok within 90 s"; "$DOCKER" logs "${NAMES[2]}" 2>&1 | tail -20 >&2; fi

  start=$(now_ms)
  "$DOCKER" run -d --name "${NAMES[1]}" "${secure[@]}" "pa-worker:$TAG" >/dev/null
  if ms=$(wait_until "$start" "$DOCKER logs ${NAMES[1]} 2>&1 | grep -q '\"worker started\"'" 90); then
    ok "worker started $ms ms after docker run"; START_MS_worker=$ms
  else bad "worker did not log 'worker started' within 90 s"; "$DOCKER" logs "${NAMES[1]}" 2>&1 | tail -20 >&2; fi

  # A self-signed certificate for localhost, made here (nginx runs as uid 101: the throw-away key is readable).
  mkdir -p "$WORK/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$WORK/tls/tls.key" -out "$WORK/tls/tls.crt" >/dev/null 2>&1
  chmod 644 "$WORK/tls/tls.key"
  start=$(now_ms)
  "$DOCKER" run -d --name "${NAMES[3]}" --network host --read-only --tmpfs /tmp:rw,size=64m \
    --cap-drop ALL --security-opt no-new-privileges \
    -v "$WORK/tls:/etc/nginx/tls:ro" -e "NGINX_HTTP_PORT=$HTTP_PORT" -e "NGINX_HTTPS_PORT=$HTTPS_PORT" \
    -e NGINX_SERVER_NAME=localhost -e "NGINX_PUBLIC_ORIGIN=https://localhost:$HTTPS_PORT" \
    -e "NGINX_API_UPSTREAM=127.0.0.1:$API_PORT" -e "NGINX_SMS_ROUTER_UPSTREAM=127.0.0.1:$SMS_PORT" \
    -e NGINX_RESOLVER=127.0.0.1 \
    "pa-web:$TAG" >/dev/null
  if ms=$(wait_until "$start" "${curl_tls[*]} -f https://localhost:$HTTPS_PORT/readyz" 60); then
    ok "web (Nginx, HTTPS) → api /readyz ok $ms ms after docker run"; START_MS_web=$ms
  else bad "web /readyz through Nginx not ok within 60 s"; "$DOCKER" logs "${NAMES[3]}" 2>&1 | tail -20 >&2; fi
  if "$DOCKER" exec "${NAMES[1]}" node /app/docker/healthcheck.js worker; then ok "worker HEALTHCHECK command passes"
  else bad "worker HEALTHCHECK command fails"; fi

  # --- through Nginx over HTTPS ---------------------------------------------------------------------
  local proto
  proto=$("${curl_tls[@]}" -o /dev/null -w '%{http_version} %{ssl_verify_result}' --http2 "https://localhost:$HTTPS_PORT/" || true)
  [ "$proto" = "2 0" ] && ok "HTTP/2 over verified TLS to Nginx" || bad "HTTP/2 + TLS to Nginx: got '$proto'"
  if "${curl_tls[@]}" -o /dev/null --tlsv1.3 --tls-max 1.3 "https://localhost:$HTTPS_PORT/"; then ok "TLS 1.3 negotiated"
  else bad "TLS 1.3 not negotiated"; fi
  if "${curl_tls[@]}" -o /dev/null --tlsv1.2 --tls-max 1.2 "https://localhost:$HTTPS_PORT/" 2>/dev/null; then
    bad "TLS 1.2 accepted (TLS 1.3 only by default)"
  else ok "TLS 1.2 refused"; fi
  local index
  index=$("${curl_tls[@]}" "https://localhost:$HTTPS_PORT/today" || true)
  echo "$index" | grep -q '<div id="root"' && ok "the PWA's index.html served for /today" ||
    bad "the PWA's index.html not served for /today"

  local email="smoke-$RUN_ID@example.test" password
  password="Lantern-$(openssl rand -hex 12)-calm-river"
  local reg
  reg=$("${curl_tls[@]}" --max-time 30 --http2 -H 'content-type: application/json' \
    -H "origin: https://localhost:$HTTPS_PORT" -H 'apollo-require-preflight: true' \
    --data "{\"query\":\"mutation R(\$input: RegisterInput!) { register(input: \$input) { accessToken } }\",\"variables\":{\"input\":{\"displayName\":\"Smoke Test\",\"email\":\"$email\",\"password\":\"$password\",\"timeZone\":\"Europe/Paris\",\"refreshTokenIn\":\"BODY\"}}}" \
    "https://localhost:$HTTPS_PORT/graphql" || true)
  local token
  token=$(printf '%s' "$reg" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{try{process.stdout.write(JSON.parse(s).data.register.accessToken)}catch{}})')
  if [ -n "$token" ]; then ok "register through Nginx over HTTPS ($email)"
  else
    bad "register through Nginx: $(printf '%s' "$reg" | head -c 400)"
    "$DOCKER" logs "${NAMES[0]}" 2>&1 | tail -15 >&2
  fi
  local me
  me=$("${curl_tls[@]}" --max-time 30 --http2 -H 'content-type: application/json' -H "authorization: Bearer $token" \
    -H 'apollo-require-preflight: true' --data '{"query":"{ me { email } }"}' \
    "https://localhost:$HTTPS_PORT/graphql" || true)
  echo "$me" | grep -q "\"$email\"" && ok "me through Nginx answers the new person" || bad "me: $(echo "$me" | head -c 300)"
  local stored
  stored=$(psql "$PG/$DB" -qAt -c "SELECT count(*) FROM users WHERE email = '$email'" 2>/dev/null || echo "?")
  [ "$stored" = 1 ] && ok "the person is stored in $DB" || bad "person rows in $DB: $stored"

  # --- health checks as Docker runs them ------------------------------------------------------------
  for i in 0 2 3; do
    local n=${NAMES[$i]} cmd
    cmd=$("$DOCKER" inspect -f '{{join .Config.Healthcheck.Test " "}}' "$n")
    if "$DOCKER" exec "$n" ${cmd#CMD } >/dev/null 2>&1; then ok "HEALTHCHECK of $n passes"
    else bad "HEALTHCHECK of $n fails ($cmd)"; fi
  done
  for n in "${NAMES[@]}"; do
    local pid1 user
    pid1=$("$DOCKER" exec "$n" cat /proc/1/comm)
    user=$("$DOCKER" exec "$n" id -u)
    local writable=no
    "$DOCKER" exec "$n" sh -c 'touch /probe || touch "$HOME/probe"' 2>/dev/null && writable=yes
    [ "$pid1" = tini ] && [ "$user" != 0 ] && [ "$writable" = no ] &&
      ok "$n: PID 1 is tini, runs as uid $user, root filesystem not writable" ||
      bad "$n: PID 1 is $pid1, uid $user, root filesystem writable: $writable"
  done

  # --- sizes ----------------------------------------------------------------------------------------
  for t in api worker sms-router web; do
    local bytes
    bytes=$("$DOCKER" image inspect -f '{{.Size}}' "pa-$t:$TAG")
    [ "$bytes" -lt 2000000000 ] && ok "image pa-$t: $((bytes / 1000000)) MB (< 2 GB)" || bad "image pa-$t: $bytes bytes"
  done
  for v in api sms worker web; do
    local var="START_MS_$v"
    [ -n "${!var:-}" ] && { [ "${!var}" -lt 30000 ] && ok "start of $v: ${!var} ms (< 30 s)" || bad "start of $v: ${!var} ms"; }
  done

  # --- no secret in any layer -------------------------------------------------------------------------
  scan_images "$jwt"

  # Graceful stop: SIGTERM through tini.
  t0=$(now_ms)
  "$DOCKER" stop -t 20 "${NAMES[0]}" >/dev/null
  local code
  code=$("$DOCKER" inspect -f '{{.State.ExitCode}}' "${NAMES[0]}")
  [ "$code" = 0 ] && ok "api stopped cleanly on SIGTERM in $(($(now_ms) - t0)) ms" || bad "api exit code $code after SIGTERM"
}

# Secrets must never be in an image: not in the build history, not as a file.
#   - files whose name says secret: env files, keys, .git, .data, .npmrc, secrets/ (Debian's own
#     /usr/share and /etc/ssl and node_modules' test fixtures aside);
#   - this run's secrets and the development JWT/MFA keys anywhere, except in the two compiled modules
#     that declare those documented development defaults (production refuses them);
#   - private keys and npm tokens in any file, except inside node_modules' code (.js/.ts: PEM parsers,
#     typings, smtp-server's built-in public test certificate).
scan_images() {
  local run_secret=$1 t scanned=""
  local secrets="dev-only-jwt-secret|cGEtZGV2ZWxvcG1lbnQtbWZhLWtleS1OT1QtUFJPRCE|JWT_SECRET=|MFA_ENCRYPTION_KEY=|VAPID_PRIVATE_KEY=|TWILIO_AUTH_TOKEN=|REDIS_PASSWORD=|POSTGRES_PASSWORD=|$run_secret"
  local keys='BEGIN [A-Z ]*PRIVATE KEY|_authToken'
  local allowed='^/app/dist/server/libs/server/(core/src/config/config|auth/src/mfa/secret-box)\.js$'
  for t in api worker sms-router web; do
    local img="pa-$t:$TAG" hist files hits layers fs="$WORK/fs"
    hist=$("$DOCKER" history --no-trunc --format '{{.CreatedBy}}' "$img")
    if echo "$hist" | grep -Eq "$secrets|$keys"; then bad "$img: a secret in docker history"
    else ok "$img: no secret in docker history ($(echo "$hist" | wc -l) layers)"; fi
    # api, worker and sms-router share every layer: their filesystem is scanned once.
    layers=$("$DOCKER" image inspect -f '{{range .RootFS.Layers}}{{.}}{{end}}' "$img" | sha256sum | cut -c1-16)
    if [ "$scanned" = "$layers" ]; then ok "$img: same filesystem as the image scanned before"; continue; fi
    scanned=$layers
    rm -rf "$fs" && mkdir -p "$fs"
    local cid
    cid=$("$DOCKER" create "$img")
    "$DOCKER" export "$cid" | tar -x -C "$fs" --exclude='dev/*' 2>/dev/null || true
    "$DOCKER" rm "$cid" >/dev/null
    files=$(cd "$fs" && find . \( -path ./proc -o -path ./sys \) -prune -o \( -name '.env' -o -name '.env.*' \
      -o -name '*.key' -o -name 'id_rsa*' -o -name 'id_ed25519*' -o -name '*.p12' -o -name '*.pfx' \
      -o -name '.git' -o -name '.data' -o -name 'secrets' -o -name '.npmrc' \) -print |
      grep -v -E '^\./(usr/(share|lib)/|etc/ssl/)' | grep -v -E '/node_modules/.*/(test|tests|fixtures?)/' || true)
    local roots=()
    for d in app etc root home usr/share/nginx usr/local; do [ -d "$fs/$d" ] && roots+=("$fs/$d"); done
    hits=$( {
      grep -rIlE "$secrets" "${roots[@]}" 2>/dev/null
      grep -rIlE "$keys" --exclude-dir=node_modules "${roots[@]}" 2>/dev/null
      [ -d "$fs/app/node_modules" ] && grep -rIlE "$keys" --exclude='*.js' --exclude='*.cjs' --exclude='*.mjs' \
        --exclude='*.ts' --exclude='*.map' "$fs/app/node_modules" 2>/dev/null
    } | sed "s#^$fs##" | sort -u | grep -v -E "$allowed" |
      grep -v -E '^/app/node_modules/.*/(test|tests|fixtures?|examples?)/' || true)
    if [ -z "$files" ] && [ -z "$hits" ]; then
      ok "$img: filesystem scan clean (no env/key/.git/.data file, no secret string)"
    else
      bad "$img: filesystem scan: ${files//$'\n'/ } ${hits//$'\n'/ }"
    fi
    rm -rf "$fs"
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_dockerd
  trap cleanup EXIT
  t_all=$(date +%s)
  if [ "${SCAN_ONLY:-0}" = 1 ]; then # only the secret scan of pa-*:$TAG
    mkdir -p "$WORK"; scan_images "no-run-secret-$RUN_ID"
  else
    run_smoke
  fi
  echo
  printf '%s\n' "${SUMMARY[@]}"
  echo "images:smoke: $(printf '%s\n' "${SUMMARY[@]}" | grep -c '^ok') passed, $(printf '%s\n' "${SUMMARY[@]}" | grep -c '^FAIL') failed in $(($(date +%s) - t_all)) s"
  if [ -n "${RESULT_FILE:-}" ]; then printf '%s\n' "${SUMMARY[@]}" >"$RESULT_FILE"; fi
  exit $FAILED
fi
