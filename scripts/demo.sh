#!/usr/bin/env bash
# Sets up and runs the demo: the web app with the five seed plans imported, on SQLite,
# at http://127.0.0.1:8000 (accounts are printed at start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export GIAMSAT_DEBUG="${GIAMSAT_DEBUG:-1}"
export GIAMSAT_SHARED_DIR="${GIAMSAT_SHARED_DIR:-$(cd .. && pwd)/shared}"
exec .venv/bin/giamsat demo "$@"
