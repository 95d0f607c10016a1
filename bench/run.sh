#!/usr/bin/env bash
# The benchmark in one command: bash bench/run.sh [--quick] [--write-docs] [--postgres CONNSTRING] [--label TEXT]
# [--duration SECONDS] [--users N] [--tokens N]. See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian..."
  as_root apt-get update -qq && as_root apt-get install -y -qq wrk
fi
for tool in node npm dotnet; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed (see bench/README.md)" >&2; exit 1; }
done

if [ ! -d bench/peer/node_modules/oidc-provider ]; then
  echo "Installing oidc-provider 9.13.3 into bench/peer/node_modules..."
  (cd bench/peer && npm ci --no-audit --no-fund --loglevel=error)
fi

# Published as docs/operations.md tells a hosting team to: Release, ReadyToRun (precompiled: about a second less to
# start than a plain build, which JIT-compiles everything it runs first).
echo "Publishing ClinikoIdP (Release, ReadyToRun) into bench/server-build and building the benchmark..."
dotnet publish src/ClinikoIdP.Server -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o bench/server-build -v quiet -nologo
dotnet build -c Release bench/ClinikoIdP.Bench -v quiet -nologo

exec dotnet bench/ClinikoIdP.Bench/bin/Release/net10.0/ClinikoIdP.Bench.dll --repo "$root" "$@"
