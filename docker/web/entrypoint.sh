#!/bin/sh
# The web image's entry point (PID 1 is tini): renders docker/nginx's templates into /tmp (the root
# filesystem may be read-only), then runs nginx in the foreground.
#   $NGINX_TEMPLATE_DIR/*.conf.template → /tmp/nginx/conf.d/*.conf, with envsubst on NGINX_* only
#   (/etc/nginx/templates: the edge server with TLS; /etc/nginx/templates-static: the PWA alone on plain
#   HTTP behind an ingress, as deploy/k8s runs it)
#   (nginx's own $host, $uri… stay). Defaults below suit this unprivileged image; docker/nginx/README.md
#   says what each variable is.
set -eu
out=/tmp/nginx/conf.d
mkdir -p "$out" /tmp/nginx/client_body /tmp/nginx/proxy /tmp/nginx/fastcgi /tmp/nginx/uwsgi /tmp/nginx/scgi

: "${NGINX_SERVER_NAME:=localhost}"
: "${NGINX_PUBLIC_ORIGIN:=https://${NGINX_SERVER_NAME}}"
: "${NGINX_HTTP_PORT:=8080}" "${NGINX_HTTPS_PORT:=8443}"
: "${NGINX_SSL_CERTIFICATE:=/etc/nginx/tls/tls.crt}" "${NGINX_SSL_CERTIFICATE_KEY:=/etc/nginx/tls/tls.key}"
: "${NGINX_SSL_TRUSTED_CERTIFICATE:=$NGINX_SSL_CERTIFICATE}"
: "${NGINX_SSL_PROTOCOLS:=TLSv1.3}" "${NGINX_OCSP_STAPLING:=off}" "${NGINX_RESOLVER:=127.0.0.11}"
: "${NGINX_API_UPSTREAM:=api:4000}" "${NGINX_SMS_ROUTER_UPSTREAM:=sms-router:8003}"
: "${NGINX_WEB_ROOT:=/usr/share/nginx/html}" "${NGINX_ACME_ROOT:=/var/www/acme}"
: "${NGINX_ACCESS_LOG:=/dev/stdout}"
: "${NGINX_GRAPHQL_RATE:=20r/s}" "${NGINX_GRAPHQL_BURST:=60}"
: "${NGINX_TWILIO_RATE:=30r/s}" "${NGINX_TWILIO_BURST:=100}"
export NGINX_SERVER_NAME NGINX_PUBLIC_ORIGIN NGINX_HTTP_PORT NGINX_HTTPS_PORT NGINX_SSL_CERTIFICATE \
  NGINX_SSL_CERTIFICATE_KEY NGINX_SSL_TRUSTED_CERTIFICATE NGINX_SSL_PROTOCOLS NGINX_OCSP_STAPLING \
  NGINX_RESOLVER NGINX_API_UPSTREAM NGINX_SMS_ROUTER_UPSTREAM NGINX_WEB_ROOT NGINX_ACME_ROOT \
  NGINX_ACCESS_LOG NGINX_GRAPHQL_RATE NGINX_GRAPHQL_BURST NGINX_TWILIO_RATE NGINX_TWILIO_BURST

vars=$(env | sed -n 's/^\(NGINX_[A-Z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
for t in "${NGINX_TEMPLATE_DIR:-/etc/nginx/templates}"/*.conf.template; do
  [ -e "$t" ] || continue
  envsubst "$vars" <"$t" >"$out/$(basename "$t" .template)"
done
exec "$@"
