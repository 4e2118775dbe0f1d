#!/usr/bin/env bash
# `npm run images`: builds every production image on this machine.
#   1. local base images when missing (tools/docker/make-bases.sh: no registry here)
#   2. docker/Dockerfile's targets api, worker, sms-router, web, with --build-arg pointing at them,
#      `docker build --network host` (classic builder)
# Starts dockerd if no engine answers, and stops it again at the end (KEEP_DOCKERD=1 keeps it).
# Env: TAG (default: the git commit, short), PUBLIC_BASES=1 (use node:20-bookworm-slim / nginx:1.27-bookworm
# from a registry instead of the local bases), IMAGE_PREFIX (default pa-), BUILD_CPU_SHARES.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/make-bases.sh"

cd "$PA_ROOT"
TAG="${TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo dev)}"
IMAGE_PREFIX="${IMAGE_PREFIX:-pa-}"
TARGETS="${TARGETS:-api worker sms-router web}"

build_images() {
  local args=(--network host -f docker/Dockerfile
    --build-arg "VERSION=$TAG"
    --build-arg "REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)"
    --build-arg "CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)")
  # BUILD_CPU_SHARES (e.g. 2): a low CPU weight for the build's containers, next to other work.
  [ -z "${BUILD_CPU_SHARES:-}" ] || args+=(--cpu-shares "$BUILD_CPU_SHARES")
  if [ "${PUBLIC_BASES:-0}" != 1 ]; then
    make_bases
    args+=(--build-arg "NODE_IMAGE=$BASE_NODE" --build-arg "NGINX_IMAGE=$BASE_NGINX")
  fi
  local t start
  for t in $TARGETS; do
    start=$(date +%s)
    log "building ${IMAGE_PREFIX}$t:$TAG"
    "$DOCKER" build "${args[@]}" --target "$t" -t "${IMAGE_PREFIX}$t:$TAG" -t "${IMAGE_PREFIX}$t:latest" . \
      >"$PA_STATE_DIR/build-$t.log" 2>&1 || { tail -40 "$PA_STATE_DIR/build-$t.log" >&2; die "build of $t failed (log: $PA_STATE_DIR/build-$t.log)"; }
    log "built ${IMAGE_PREFIX}$t:$TAG in $(($(date +%s) - start)) s"
  done
  "$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E "^${IMAGE_PREFIX}[a-z-]+:$TAG" >&2 || true
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  mkdir -p "$PA_STATE_DIR"
  ensure_dockerd
  [ "${KEEP_DOCKERD:-0}" = 1 ] || trap stop_dockerd EXIT
  build_images
fi
