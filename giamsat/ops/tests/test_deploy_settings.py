"""The production settings pass Django's deployment checklist and refuse to start unsafely."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIAMSAT_", "DJANGO_", "PYTEST"))}
    env.update(DJANGO_SETTINGS_MODULE="giamsat.settings", **env_overrides)
    return subprocess.run([sys.executable, "-m", "giamsat.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _run({"GIAMSAT_SECRET_KEY": secrets.token_urlsafe(60), "GIAMSAT_ALLOWED_HOSTS": "giamsat.example.gov.vn",
                   "GIAMSAT_VAR_DIR": str(tmp_path)}, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _run({"GIAMSAT_VAR_DIR": str(tmp_path)}, "check")
    assert result.returncode != 0
    assert "GIAMSAT_SECRET_KEY is required" in result.stderr


def test_a_malformed_boolean_fails_loudly(tmp_path):
    result = _run({"GIAMSAT_DEBUG": "maybe", "GIAMSAT_VAR_DIR": str(tmp_path)}, "check")
    assert result.returncode != 0 and "GIAMSAT_DEBUG must be a boolean" in result.stderr
