#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on a machine where no server answers:
#   throwaway-cluster.sh start   prints "<data dir> <port>" once the server accepts connections
#   throwaway-cluster.sh stop <data dir>
# Installs Debian's postgresql package when the server binaries are missing (as root), and
# runs the server as the `postgres` user, since PostgreSQL refuses to run as root.
set -euo pipefail

find_bin() {
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if ! BIN=$(find_bin); then
      if [ "$(id -u)" != 0 ]; then
        echo "PostgreSQL server binaries are missing: run 'sudo apt-get install -y postgresql' (or start a server on 127.0.0.1:5432)" >&2
        exit 1
      fi
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >/dev/null
      BIN=$(find_bin)
    fi
    DIR=$(mktemp -d /tmp/claimbook-pg-XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    # C.UTF-8: code-point order (as SQLite compares) and a character classification that knows
    # non-ASCII letters (the search index needs it).
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "$DIR $PORT"
    ;;
  stop)
    DIR="${2:?data dir}"
    BIN=$(find_bin)
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
