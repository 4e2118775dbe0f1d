#!/bin/sh
# The web image's entry point (PID 1 is tini): renders the Nginx templates into /tmp (the root
# filesystem may be read-only), then runs nginx in the foreground.
#   /etc/nginx/templates/*.conf.template  → /tmp/nginx/conf.d/*.conf   (${VAR} replaced by the environment,
#                                                                       only variables that are set)
#   API_UPSTREAMS="host:port host:port"    → upstream pa_api { server …; }   (default 127.0.0.1:4000)
#   SMS_UPSTREAMS="host:port …"            → upstream pa_sms { server …; }   (default 127.0.0.1:8003)
set -eu
out=/tmp/nginx/conf.d
mkdir -p "$out" /tmp/nginx/client_body /tmp/nginx/proxy /tmp/nginx/fastcgi /tmp/nginx/uwsgi /tmp/nginx/scgi

: "${NGINX_HTTP_PORT:=8080}" "${NGINX_HTTPS_PORT:=8443}" "${SERVER_NAME:=_}"
: "${TLS_CERT:=/etc/nginx/tls/tls.crt}" "${TLS_KEY:=/etc/nginx/tls/tls.key}"
export NGINX_HTTP_PORT NGINX_HTTPS_PORT SERVER_NAME TLS_CERT TLS_KEY

upstream() { # name, list, default
  printf 'upstream %s {\n' "$1"
  for s in ${2:-$3}; do printf '  server %s max_fails=2 fail_timeout=5s;\n' "$s"; done
  printf '  keepalive 32;\n}\n'
}
{
  upstream pa_api "${API_UPSTREAMS:-}" 127.0.0.1:4000
  upstream pa_sms "${SMS_UPSTREAMS:-}" 127.0.0.1:8003
} >"$out/00-upstreams.conf"

vars=$(env | sed -n 's/^\([A-Z_][A-Z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
for t in /etc/nginx/templates/*.conf.template; do
  [ -e "$t" ] || continue
  envsubst "$vars" <"$t" >"$out/$(basename "$t" .template)"
done
exec "$@"
