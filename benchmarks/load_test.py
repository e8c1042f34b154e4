"""Load test: N concurrent users browsing and saving drafts against gunicorn on 127.0.0.1.

    .venv/bin/python benchmarks/load_test.py                      # demo data, SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giamsat_load \\
        .venv/bin/python benchmarks/load_test.py --synth small     # PostgreSQL + synthetic data

It builds the database in a private folder (demo data, optionally the synthetic national set),
starts gunicorn, runs locust headless (bounded in users and time; loopback only), prints
requests per second, p50/p95/p99 latency and errors, and stops everything it started.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


# Signed-in users arrive with a session, as officials do during the day: the load measures browsing
# and reporting, not a storm of password hashing (each login costs ~0.5 s of CPU by design).
SESSIONS = """
import json, sys, django
django.setup()
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
out = {}
for user in get_user_model().objects.filter(username__contains="."):
    keys = []
    for _ in range(60):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "giamsat.org.auth.ThrottledModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys.append(store.session_key)
    out[user.username] = keys
json.dump(out, open(sys.argv[1], "w"))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--synth", choices=["none", "small", "full"], default="none")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="giamsat-load-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "giamsat.settings", "GIAMSAT_VAR_DIR": str(var),
           "GIAMSAT_DEBUG": "0", "GIAMSAT_HTTPS": "0",
           "GIAMSAT_SECRET_KEY": secrets.token_urlsafe(50), "GIAMSAT_ALLOWED_HOSTS": "127.0.0.1,localhost",
           "GIAMSAT_QUEUE": "immediate", "GIAMSAT_LOGIN_MAX_FAILURES": "1000",
           "GIAMSAT_SHARED_DIR": os.environ.get("GIAMSAT_SHARED_DIR", str(ROOT.parent / "shared"))}
    database = env.get("DATABASE_URL", f"sqlite:///{var / 'giamsat.sqlite3'}")
    env["DATABASE_URL"] = database
    print(f"database: {database.split('@')[-1]}; data folder {var}", flush=True)
    giamsat = [str(BIN / "giamsat")]
    subprocess.run([*giamsat, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    if args.synth != "none":
        scale = [] if args.synth == "full" else ["--scale", "small"]
        subprocess.run([*giamsat, "synth", *scale, "--replace"], env=env, check=True)
    sessions = var / "sessions.json"
    subprocess.run([sys.executable, "-c", SESSIONS, str(sessions)], env=env, check=True, cwd=ROOT)
    env["GIAMSAT_LOAD_SESSIONS"] = str(sessions)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "giamsat.wsgi", "-b", f"127.0.0.1:{args.port}", "-w", str(args.workers),
         "--threads", str(args.threads), "--timeout", "120", "--log-level", "warning"], env=env, cwd=ROOT)
    host = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(host + "/api/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        prefix = var / "locust"
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "benchmarks" / "load" / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s", "--host", host,
             "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"],
            env=env, check=False, stdout=subprocess.DEVNULL, timeout=args.seconds + 120)
        report(prefix)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return 0


def report(prefix: Path) -> None:
    with open(f"{prefix}_stats.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    print(f"{'request':40} {'count':>7} {'fail':>5} {'rps':>7} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
    for row in rows:
        print(f"{row['Name'][:40]:40} {row['Request Count']:>7} {row['Failure Count']:>5} "
              f"{float(row['Requests/s']):7.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}")
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        for row in list(csv.DictReader(failures.open()))[:10]:
            print(f"  failure: {row.get('Method')} {row.get('Name')}: {row.get('Error')} x{row.get('Occurrences')}")


if __name__ == "__main__":
    raise SystemExit(main())
