#!/usr/bin/env bash
# A private PostgreSQL server for the tests, on a loopback port, in a throw-away data directory:
#   tests/services/postgres.sh start|stop|kill|status   (kill: an immediate stop, as a crash would)
# Installs Debian's postgresql if it is missing. Prints nothing but errors; the tests find it through
# CLINIKOIDP_TEST_POSTGRES (a Npgsql connection string, exported by test.sh) and stop/start it through this script.
set -euo pipefail
port="${CLINIKOIDP_PG_PORT:-55432}"
data="${CLINIKOIDP_PG_DATA:-/tmp/clinikoidp-test-pg}"
# Fast and forgetful by default. A server the tests kill must keep every commit it acknowledged, or a crash test
# would see (correctly) that data was lost: CLINIKOIDP_PG_DURABLE=1 keeps synchronous_commit on.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${CLINIKOIDP_PG_DURABLE:-0}" != "1" ] || durability="-c synchronous_commit=on"

as_owner() {
  # PostgreSQL refuses to run as root: as root, run it as Debian's postgres user.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    echo "Installing Debian's postgresql for the database tests..." >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

case "${1:-start}" in
  start)
    bin=$(bin_dir)
    if [ ! -f "$data/PG_VERSION" ]; then
      rm -rf "$data"; mkdir -p "$data"
      [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$data"
      as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 $durability" \
        start >/dev/null
    fi
    ;;
  stop)
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$data" -w -m fast stop >/dev/null 2>&1 || true
    ;;
  kill)
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$data" -w -m immediate stop >/dev/null 2>&1 || true
    ;;
  status)
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$data" status >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|kill|status" >&2; exit 2
    ;;
esac
