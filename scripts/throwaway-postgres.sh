#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for tests (CI, or a developer's TEST_DATABASE_URL).
#   scripts/throwaway-postgres.sh start DIR   -> prints the URL on stdout; data and socket live in DIR
#   scripts/throwaway-postgres.sh stop DIR
# Installs Debian's postgresql package when initdb is missing and we are root.
set -euo pipefail
cmd=${1:?usage: start|stop DIR}
dir=${2:?usage: start|stop DIR}

find_bin() {
  command -v "$1" 2>/dev/null && return
  ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  initdb=$(find_bin initdb || true)
  if [ -z "$initdb" ]; then
    if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed and we are not root: install postgresql, or unset TEST_DATABASE_URL" >&2; exit 1; fi
    echo "Installing PostgreSQL from Debian…" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    initdb=$(find_bin initdb)
  fi
  pg_ctl=$(dirname "$initdb")/pg_ctl
  [ -x "$pg_ctl" ] || pg_ctl=$(find_bin pg_ctl)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=""
  for p in $(seq 55432 55532); do
    if ! (echo > /dev/tcp/127.0.0.1/$p) 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; exit 1; }
  as_owner "$initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
  ;;
stop)
  pg_ctl=$(dirname "$(find_bin initdb)")/pg_ctl
  [ -d "$dir/data" ] && as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: start|stop DIR" >&2; exit 2 ;;
esac
