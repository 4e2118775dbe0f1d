#!/usr/bin/env bash
# Runs the compose stack for real on this machine: docker/compose.yml + docker/compose.host.yml (host
# networking, loopback ports 184xx), with local PostgreSQL/Redis images (Debian's, made when missing:
# no registry here), the built app images (`npm run images` first), a throw-away env file and a
# self-signed certificate. Checks: the one-shot migrate service exits 0 before the apps start; every
# service healthy; through Nginx over HTTPS a person signs up; Redis asks for its password and runs with
# AOF everysec + noeviction. Then `down -v` (containers and volumes). Exit 0 = all passed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/make-bases.sh"
cd "$PA_ROOT"
R="$PA_STATE_DIR/compose-rehearsal"
PROJECT=pa-rehearsal
PASSED=0 FAILED=0
check() { local what=$1; shift; if "$@"; then log "ok: $what"; PASSED=$((PASSED + 1)); else log "FAIL: $what"; FAILED=$((FAILED + 1)); fi; }

ensure_dockerd
C=(docker-compose --env-file "$R/env" -p "$PROJECT" -f docker/compose.yml -f docker/compose.host.yml)
cleanup() {
  set +e
  "${C[@]}" down -v >/dev/null 2>&1
  rm -rf "$R"
  stop_dockerd
}
trap cleanup EXIT
LOCAL_DB_BASES=1 make_bases
for t in api worker sms-router web; do image_exists "pa-$t:latest" || die "pa-$t:latest missing: npm run images first"; done

rm -rf "$R" && mkdir -p "$R/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$R/tls/tls.key" -out "$R/tls/tls.crt" >/dev/null 2>&1
chmod 644 "$R/tls/tls.key"
PGPW=$(openssl rand -hex 16) RPW=$(openssl rand -hex 16)
read -r VAPID_PUBLIC_KEY VAPID_PRIVATE_KEY < <(node -e "const k=require('web-push').generateVAPIDKeys();console.log(k.publicKey, k.privateKey)")
cat >"$R/env" <<ENV
PA_ENV_FILE=$R/env
PA_TAG=latest
PA_DOMAIN=localhost
PA_TLS_DIR=$R/tls
PA_TLS_CERT_FILE=tls.crt
PA_TLS_KEY_FILE=tls.key
PA_TLS_CHAIN_FILE=tls.crt
PA_OCSP_STAPLING=off
PA_POSTGRES_IMAGE=pa-local/postgres:15
PA_REDIS_IMAGE=pa-local/redis:7
POSTGRES_PASSWORD=$PGPW
POSTGRES_DB=assistant
REDIS_PASSWORD=$RPW
DATABASE_URL=postgres://postgres:$PGPW@127.0.0.1:18432/assistant
REDIS_URL=redis://:$RPW@127.0.0.1:18479
JWT_SECRET=$(openssl rand -hex 32)
MFA_ENCRYPTION_KEY=$(openssl rand -base64 32)
VAPID_PUBLIC_KEY=$VAPID_PUBLIC_KEY
VAPID_PRIVATE_KEY=$VAPID_PRIVATE_KEY
VAPID_SUBJECT=mailto:rehearsal@example.com
TWILIO_AUTH_TOKEN=$(openssl rand -hex 16)
TWILIO_API_BASE_URL=http://127.0.0.1:9
SMTP_URL=smtp://127.0.0.1:9
SMS_WEBHOOK_BASE_URL=https://localhost:18443
PUBLIC_WEB_URL=https://localhost:18443
PUBLIC_API_URL=https://localhost:18443
CORS_ORIGINS=https://localhost:18443
TRUST_PROXY=true
ENV

t0=$(date +%s)
"${C[@]}" up -d >"$R/up.log" 2>&1 || { cat "$R/up.log" >&2; die "compose up failed"; }
curl_tls=(curl -sS --max-time 30 --cacert "$R/tls/tls.crt" --resolve "localhost:18443:127.0.0.1")
ready=""
for _ in $(seq 1 120); do
  if "${curl_tls[@]}" -sf -o /dev/null "https://localhost:18443/readyz" 2>/dev/null; then ready=$(($(date +%s) - t0)); break; fi
  sleep 1
done
check "the stack answers /readyz through Nginx over HTTPS (${ready:-never} s after up)" test -n "$ready"
check "migrate ran once and exited 0" test "$("$DOCKER" inspect -f '{{.State.ExitCode}}' "${PROJECT}_migrate_1")" = 0
for s in api worker sms-router web postgres redis; do
  h=""
  for _ in $(seq 1 60); do
    h=$("$DOCKER" inspect -f '{{.State.Health.Status}}' "${PROJECT}_${s}_1" 2>/dev/null || echo missing)
    [ "$h" = healthy ] && break
    sleep 2
  done
  check "$s healthy" test "$h" = healthy
done
EMAIL="rehearsal-$RANDOM@example.test"
reg=$("${curl_tls[@]}" --http2 -H 'content-type: application/json' -H 'apollo-require-preflight: true' \
  --data "{\"query\":\"mutation R(\$i: RegisterInput!) { register(input: \$i) { accessToken } }\",\"variables\":{\"i\":{\"displayName\":\"Compose\",\"email\":\"$EMAIL\",\"password\":\"Lantern-$(openssl rand -hex 10)-still-meadow\",\"timeZone\":\"Europe/Paris\",\"refreshTokenIn\":\"BODY\"}}}" \
  "https://localhost:18443/graphql" || true)
check "a person signs up through Nginx over HTTPS" grep -q accessToken <<<"$reg"
check "Redis refuses a client without the password" bash -c "redis-cli -p 18479 PING 2>&1 | grep -q NOAUTH"
conf=$(REDISCLI_AUTH="$RPW" redis-cli -p 18479 --no-auth-warning CONFIG GET '*' | paste -sd' ')
check "Redis: appendonly yes" grep -q 'appendonly yes' <<<"$conf"
check "Redis: appendfsync everysec" grep -q 'appendfsync everysec' <<<"$conf"
check "Redis: maxmemory-policy noeviction" grep -q 'maxmemory-policy noeviction' <<<"$conf"
check "PostgreSQL keeps the person" test "$(PGPASSWORD=$PGPW psql -h 127.0.0.1 -p 18432 -U postgres -d assistant -qAt -c "SELECT count(*) FROM users WHERE email = '$EMAIL'")" = 1
echo "compose rehearsal: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
