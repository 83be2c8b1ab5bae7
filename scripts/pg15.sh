#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the test suite.
#
#   eval "$(bash scripts/pg15.sh start)"    # prints: export PG15_DIR=…  export TEST_DATABASE_URL=…
#   bash scripts/pg15.sh stop "$PG15_DIR"   # stops it and removes the directory
#
# The server lives in a fresh temporary directory, listens on 127.0.0.1 on a free port (and a socket in that
# directory), trusts local connections and keeps nothing: durability is switched off because the data is
# thrown away anyway. PostgreSQL refuses to run as root, so as root (CI) it runs as the `postgres` OS user,
# which the Debian package creates (and this script creates when it is missing). Logs go to stderr; only the
# export lines go to stdout.
set -euo pipefail

MARKER=".tzxm-pg15"
# The OS user the server runs as when this script runs as root.
PG_OS_USER="${PG_OS_USER:-postgres}"

log() { echo "pg15: $*" >&2; }

find_bin_dir() {
  local dir
  for dir in "${PG15_BIN:-}" /usr/lib/postgresql/15/bin; do
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir)"
    [[ -x "$dir/initdb" ]] && echo "$dir" && return 0
  fi
  return 1
}

# Runs a command as the server's OS user: `postgres` when we are root, ourselves otherwise.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start() {
  local bin
  bin="$(find_bin_dir)" || {
    log "PostgreSQL 15 is not installed (no initdb in /usr/lib/postgresql/15/bin); run scripts/ensure-test-deps.sh"
    exit 1
  }
  local version
  version="$("$bin/postgres" --version)"
  if [[ "$version" != *" 15."* ]]; then
    log "expected PostgreSQL 15, found: $version (set PG15_BIN to a PostgreSQL 15 bin directory)"
    exit 1
  fi

  if [[ $EUID -eq 0 ]] && ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating the $PG_OS_USER OS user"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
  fi

  local dir
  # Under /tmp, not $TMPDIR: the server's OS user must reach it (a TMPDIR under /root would be closed to it), and
  # the socket path inside it must stay short (Unix sockets allow about 100 bytes).
  dir="$(mktemp -d /tmp/tzxm-pg15.XXXXXX)"
  touch "$dir/$MARKER"
  if [[ $EUID -eq 0 ]]; then chown -R "$PG_OS_USER:" "$dir"; fi

  if ! as_pg "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >"$dir/initdb.log" 2>&1; then
    log "initdb failed:"
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    exit 1
  fi

  local attempt port
  for attempt in 1 2 3; do
    port="$(free_port)"
    if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      log "PostgreSQL 15 started in $dir on port $port"
      echo "export PG15_DIR='$dir'"
      echo "export TEST_DATABASE_URL='postgres://postgres@127.0.0.1:$port/postgres'"
      return 0
    fi
    log "start on port $port failed (attempt $attempt):"
    tail -n 20 "$dir/server.log" >&2 || true
  done
  rm -rf "$dir"
  exit 1
}

stop() {
  local dir="${1:-}"
  if [[ -z "$dir" || ! -f "$dir/$MARKER" ]]; then
    log "usage: pg15.sh stop DIR (a directory made by 'pg15.sh start'); got '${dir}'"
    exit 2
  fi
  local bin
  if bin="$(find_bin_dir)" && [[ -f "$dir/data/postmaster.pid" ]]; then
    # Immediate: nothing in it is worth a clean shutdown checkpoint.
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || log "pg_ctl stop failed; removing anyway"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

# The server's OS user may not reach the caller's working directory (a clone under /root), and initdb and pg_ctl
# fail when they cannot read it: work from /tmp. Every path below is absolute.
cd /tmp

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
