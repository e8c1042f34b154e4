#!/usr/bin/env bash
# Prints a DATABASE_URL for a PostgreSQL server on 127.0.0.1:5432.
# Uses the one the machine runs (trust auth); where none runs, installs Debian's
# PostgreSQL, starts it and sets a password for the local postgres user.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

db="${GIAMSAT_PG_DB:-giamsat}"
if ! command -v psql >/dev/null 2>&1; then  # the client first: a server may run without it on this machine
  echo "ensure_postgres: installing the PostgreSQL client from Debian" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql-client >&2
fi
# The database itself must exist too: `check` connects to it (generated columns ask the server what
# it supports), pytest then creates its own test_<name> beside it.
ensure_db() {
  if [ -z "$(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc "select 1 from pg_database where datname = '$db'")" ]; then
    createdb -h 127.0.0.1 -p 5432 -U postgres "$db" >&2
  fi
}
if psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
  ensure_db
  echo "postgres://postgres@127.0.0.1:5432/$db"; exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure_postgres: installing PostgreSQL from Debian" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-client >&2
fi
version="$(ls /etc/postgresql | sort -V | tail -1)"
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 2>&1 || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 1; done
as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'giamsat-local'\"" >&2
PGPASSWORD=giamsat-local ensure_db
echo "postgres://postgres:giamsat-local@127.0.0.1:5432/$db"
