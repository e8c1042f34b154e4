#!/usr/bin/env bash
# Sets up and runs every check: ruff, mypy on the engines, migrations check, then the
# whole test suite on SQLite and again on PostgreSQL. Browser tests use headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
export GIAMSAT_SHARED_DIR="${GIAMSAT_SHARED_DIR:-$(cd .. && pwd)/shared}"
export GIAMSAT_REQUIRE_TOOLS=1  # setup.sh installed them: a missing tool fails its tests instead of skipping them

echo "== ruff";  .venv/bin/ruff check .
echo "== mypy";  .venv/bin/mypy
echo "== migrations"; DJANGO_SETTINGS_MODULE=giamsat.test_settings .venv/bin/python manage.py makemigrations --check --dry-run
echo "== tests on SQLite"
DATABASE_URL="sqlite:///$(pwd)/var/test/unused.sqlite3" .venv/bin/pytest "$@"
echo "== tests on PostgreSQL"
DATABASE_URL="$(scripts/ensure_postgres.sh)" .venv/bin/pytest "$@"
