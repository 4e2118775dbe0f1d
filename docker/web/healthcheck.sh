#!/bin/sh
# HEALTHCHECK of the web image: nginx answers on its plain-HTTP port (edge mode: a 301 to HTTPS; static
# mode: /nginx-healthz 200). No curl in the image: bash's /dev/tcp.
exec bash -c 'exec 3<>/dev/tcp/127.0.0.1/${NGINX_HTTP_PORT:-8080} && printf "GET /nginx-healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -1 <&3 | grep -Eq " (200|301) "'
