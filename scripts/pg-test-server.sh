#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#   scripts/pg-test-server.sh start   prints the SQLAlchemy URL on stdout
#   scripts/pg-test-server.sh stop
set -euo pipefail
DIR=${ARBITER_PG_DIR:-/tmp/arbiter-pg-test}
PORT=${ARBITER_PG_PORT:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ] || { echo "no PostgreSQL server binaries" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "no postgres user" >&2; exit 1; }
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_pg "'$BIN/initdb' -D '$DIR/data' -U arbiter --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! as_pg "'$BIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
      as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -t 30 \
        -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off\" start" >/dev/null
    fi
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U arbiter -d postgres -tAc \
      \"SELECT 1 FROM pg_database WHERE datname='arbiter_test'\"" | grep -q 1 ||
      as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U arbiter arbiter_test"
    echo "postgresql+psycopg://arbiter@127.0.0.1:$PORT/arbiter_test" ;;
  stop)
    as_pg "'$BIN/pg_ctl' -D '$DIR/data' -m fast stop" >/dev/null 2>&1 || true ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
