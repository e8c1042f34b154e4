"""Run giamsat in a child process against its own database, as an operator would."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


class ChildSite:
    """A separate database (SQLite file or a fresh PostgreSQL database) and var folder."""

    def __init__(self, tmp_path: Path) -> None:
        self.var = tmp_path / "var"
        self.var.mkdir()
        self.pg_name: str | None = None
        if connection.vendor == "postgresql":
            self.pg_name = f"giamsat_child_{uuid.uuid4().hex[:8]}"
            db = settings.DATABASES["default"]
            auth = f"{db.get('USER') or 'postgres'}" + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
            self.server = f"postgres://{auth}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
            with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')
            self.url = f"{self.server}/{self.pg_name}"
        else:
            self.url = f"sqlite:///{self.var / 'giamsat.sqlite3'}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
        env.update(DATABASE_URL=self.url, GIAMSAT_VAR_DIR=str(self.var), GIAMSAT_DEBUG="1",
                   GIAMSAT_QUEUE="immediate", DJANGO_SETTINGS_MODULE="giamsat.settings")
        return env

    def run(self, *args: str, check: bool = True, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([sys.executable, "-m", "giamsat.cli", *args], cwd=ROOT, env=self.env(),
                                capture_output=True, text=True, timeout=300, input=input_text)
        if check and result.returncode != 0:
            pytest.fail(f"giamsat {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=self.env(), capture_output=True,
                              text=True, timeout=300)

    def close(self) -> None:
        if self.pg_name:
            with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


@pytest.fixture
def child_site(tmp_path: Path):
    site = ChildSite(tmp_path)
    try:
        yield site
    finally:
        site.close()
