#!/usr/bin/env bash
# Shared helpers of the image scripts (sourced, not run).
#   ensure_dockerd   start dockerd when no engine answers (host networking only), remember we did
#   stop_dockerd     stop it again, only if this script started it (by its pid)
# Docker here: Debian's docker.io, classic builder, no bridge (see docs/deploy.md, "Images").

PA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PA_STATE_DIR="${PA_STATE_DIR:-$PA_ROOT/tmp/docker}"
# Debian's CLI (20.10) matches Debian's engine; another docker CLI on PATH may speak a newer API.
DOCKER="${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}"
PA_STARTED_DOCKERD_PID=""

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

ensure_dockerd() {
  if "$DOCKER" info >/dev/null 2>&1; then return 0; fi
  command -v dockerd >/dev/null || die "no Docker engine: apt-get install docker.io (Debian) first"
  mkdir -p "$PA_STATE_DIR"
  log "starting dockerd (--bridge=none --iptables=false; log: $PA_STATE_DIR/dockerd.log)"
  dockerd --bridge=none --iptables=false >"$PA_STATE_DIR/dockerd.log" 2>&1 &
  PA_STARTED_DOCKERD_PID=$!
  local i
  for i in $(seq 1 60); do
    if "$DOCKER" info >/dev/null 2>&1; then return 0; fi
    kill -0 "$PA_STARTED_DOCKERD_PID" 2>/dev/null || die "dockerd exited: see $PA_STATE_DIR/dockerd.log"
    sleep 0.5
  done
  die "dockerd did not answer within 30 s: see $PA_STATE_DIR/dockerd.log"
}

stop_dockerd() {
  if [ -n "$PA_STARTED_DOCKERD_PID" ]; then
    log "stopping the dockerd this script started (pid $PA_STARTED_DOCKERD_PID)"
    kill "$PA_STARTED_DOCKERD_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 40); do kill -0 "$PA_STARTED_DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
    PA_STARTED_DOCKERD_PID=""
  fi
}

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
