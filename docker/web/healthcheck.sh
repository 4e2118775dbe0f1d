#!/bin/sh
# HEALTHCHECK of the web image: nginx answers on its plain-HTTP port (a redirect to HTTPS). No curl in
# the image: bash's /dev/tcp.
exec bash -c 'exec 3<>/dev/tcp/127.0.0.1/${NGINX_HTTP_PORT:-8080} && printf "GET /healthcheck HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -1 <&3 | grep -q " 301 "'
