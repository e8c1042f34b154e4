"""Settings for the test suite: the same as production but flagged as testing.

The database comes from DATABASE_URL as usual (SQLite by default; the test command
runs the suite a second time against PostgreSQL).
"""

import os
from pathlib import Path

os.environ["GIAMSAT_TESTING"] = "1"
os.environ.setdefault("GIAMSAT_VAR_DIR", str(Path(__file__).resolve().parent.parent / "var" / "test"))

from giamsat.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
