#!/usr/bin/env bash
# Releases one tag to one environment (used by .github/workflows/deploy.yml and rollback.yml):
#   tools/ops/k8s-release.sh <staging|production> <tag> <registry/prefix> [--skip-migrations]
# 1. the migration Job of that tag (unless --skip-migrations: a rollback never migrates, and never
#    reverts: migrations are compatible with the version before, see docs/deploy.md), waited for;
# 2. the apps at that tag, applied together; then waits for every rollout (maxUnavailable 0).
# Needs kubectl (with kustomize) and KUBECONFIG pointing at the cluster.
set -euo pipefail
env="${1:?environment}"; tag="${2:?tag}"; registry="${3:?registry, e.g. ghcr.io/owner}"; skip="${4:-}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
overlay="$here/deploy/k8s/overlays/$env"
[ -d "$overlay" ] || { echo "no overlay $env" >&2; exit 64; }
ns="pa-$env"
work="$(mktemp -d "$here/deploy/k8s/overlays/.release-XXXXXX")"
trap 'rm -rf "$work"' EXIT

images() {
  cat <<YAML
images:
  - name: pa-api
    newName: $registry/pa-api
    newTag: "$tag"
  - name: pa-worker
    newName: $registry/pa-worker
    newTag: "$tag"
  - name: pa-sms-router
    newName: $registry/pa-sms-router
    newTag: "$tag"
  - name: pa-web
    newName: $registry/pa-web
    newTag: "$tag"
YAML
}

mkdir -p "$work/apps" "$work/migrate"
{ printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../%s\n' "$env"; images; } >"$work/apps/kustomization.yaml"
{ printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../%s/migrate\n' "$env"; images; } >"$work/migrate/kustomization.yaml"

if [ "$skip" != "--skip-migrations" ]; then
  echo "== migrations ($tag)"
  kubectl -n "$ns" delete job migrate --ignore-not-found --wait=true
  kubectl apply -k "$work/migrate"
  if ! kubectl -n "$ns" wait --for=condition=complete job/migrate --timeout=600s; then
    kubectl -n "$ns" logs job/migrate --tail=100 || true
    echo "migrations failed: the running version is untouched" >&2
    exit 1
  fi
fi

echo "== apps ($tag)"
kubectl apply -k "$work/apps"
for d in api worker sms-router web; do
  kubectl -n "$ns" rollout status "deployment/$d" --timeout=600s
done
echo "released $tag to $env"
