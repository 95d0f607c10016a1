#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and (when present) headless-browser tests.
# Installs what the browser, database and load-balancer tests need (Debian's chromium, postgresql, nginx) when missing, builds once, tests without rebuilding,
# and ends with a plain "N passed, N failed" line counted from the test results.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests launch /usr/bin/chromium itself (Playwright never downloads a browser here); the load-balancer
# tests start /usr/sbin/nginx in front of two server processes.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the browser and load-balancer tests..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The PostgreSQL tests (several nodes on one database) use a private server on a loopback port, started here
# (and installed from Debian's packages if missing); the tests stop and start it through the same script.
bash tests/services/postgres.sh start
export CLINIKOIDP_TEST_POSTGRES="Host=127.0.0.1;Port=${CLINIKOIDP_PG_PORT:-55432};Username=postgres;Database=postgres"

dotnet tool restore >/dev/null
dotnet build ClinikoIdP.sln -nologo -clp:ErrorsOnly -warnaserror

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test ClinikoIdP.sln --no-build -nologo --logger "trx" --results-directory "$results" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
