#!/usr/bin/env bash
# Sets giamsat up on a Debian machine: system packages, a virtualenv in .venv, the project.
#   scripts/setup.sh          what the app needs
#   scripts/setup.sh dev      plus test tools and headless Chromium
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=(tesseract-ocr tesseract-ocr-vie hunspell-vi poppler-utils fonts-dejavu-core libreoffice-writer-nogui fonts-liberation gettext)
if [ "$MODE" = dev ]; then apt_packages+=(chromium); fi
missing=()
for pkg in "${apt_packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Django 6 needs Python 3.12+. Use a 3.12/3.13 when the machine has one, else Python 3.11,
# on which pip resolves the Django 5.2 LTS line (docs/adr/0001-django-version.md).
pick_python() {
  for cand in python3.12 python3.13 "$HOME"/.pyenv/versions/3.12*/bin/python3.12 \
              "$HOME"/.pyenv/versions/3.13*/bin/python3.13 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$cand"; return
    fi
  done
  echo "setup: Python 3.11 or newer is required" >&2; exit 1
}

if [ ! -x .venv/bin/python ]; then
  PY="$(pick_python)"
  echo "setup: creating .venv with $PY"
  if ! "$PY" -m venv .venv 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
    "$PY" -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
fi

stamp=".venv/.giamsat-$MODE-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -e "$stamp" ]; then
  extra=""; [ "$MODE" = dev ] && extra="[dev]"
  echo "setup: installing Python packages ($MODE)"
  .venv/bin/python -m pip install -q -e ".$extra"
  touch "$stamp"
fi

# The project's modules compiled once (.pyc files beside them, not in git): a new process (`giamsat parse`, a worker)
# reads them instead of compiling its sources again where PYTHONDONTWRITEBYTECODE is set; Python still checks each
# against its source and compiles an edited module anew.
.venv/bin/python -m compileall -q giamsat >/dev/null
