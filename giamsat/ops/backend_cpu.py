"""CPU seconds the PostgreSQL backend serving this connection has used, read from /proc.

For benchmarks and diagnostics on a machine that runs its own database server: None on SQLite,
or when the backend is not a process of this host."""

from __future__ import annotations

import os
from pathlib import Path


def backend_cpu() -> float | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        pid = cur.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
