"""Load test: N concurrent users browsing and saving drafts against gunicorn on 127.0.0.1.

    .venv/bin/python benchmarks/load_test.py                      # demo data, SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giamsat_load \\
        .venv/bin/python benchmarks/load_test.py --synth small     # PostgreSQL + synthetic data

It builds the database (SQLite in a private folder; on PostgreSQL it drops and recreates the database
named in DATABASE_URL, whose name must contain "load") with the demo data, optionally the synthetic
national set, starts gunicorn with scripts/gunicorn.conf.py (gthread workers, app preloaded, pages warmed before
the workers fork), runs locust headless (FastHttpUser; bounded in users and time; loopback only),
prints requests per second, p50/p95/p99 latency and errors, the CPU seconds the server and locust
used, and the machine's load before and after, and stops everything it started.

The page cache is Redis (GIAMSAT_CACHE=redis, a key prefix of its own per run) when Redis answers
on 127.0.0.1:6379, else each worker's memory (--cache locmem forces that).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
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
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--cache", choices=["redis", "locmem"], default="redis" if _redis_up() else "locmem")
    parser.add_argument("--synth", choices=["none", "small", "full"], default="none")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--steady", action="store_true",
                        help="statistics only from the moment every user has arrived (locust --reset-stats): "
                             "the steady state, without the arrival burst; report it beside a run without it")
    parser.add_argument("--reuse-db", action="store_true",
                        help="PostgreSQL: keep the data a previous run built (the national set takes ~15 min to build)")
    parser.add_argument("--warm-seconds", type=int, default=600, help="budget for rendering pages before serving")
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="giamsat-load-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "giamsat.settings", "GIAMSAT_VAR_DIR": str(var),
           "GIAMSAT_DEBUG": "0", "GIAMSAT_HTTPS": "0",
           "GIAMSAT_SECRET_KEY": secrets.token_urlsafe(50), "GIAMSAT_ALLOWED_HOSTS": "127.0.0.1,localhost",
           "GIAMSAT_QUEUE": "immediate", "GIAMSAT_LOGIN_MAX_FAILURES": "1000",
           "GIAMSAT_LOG_LEVEL": "ERROR",  # not a "Conflict" warning line per expected 409 in the output
           "GIAMSAT_SHARED_DIR": os.environ.get("GIAMSAT_SHARED_DIR", str(ROOT.parent / "shared"))}
    database = env.get("DATABASE_URL", f"sqlite:///{var / 'giamsat.sqlite3'}")
    env["DATABASE_URL"] = database
    env["GIAMSAT_CACHE"] = args.cache
    env["GIAMSAT_CACHE_PREFIX"] = f"load-{var.name}"
    print(f"database: {database.split('@')[-1]}; data folder {var}; cache {args.cache}; "
          f"gunicorn {args.workers} workers x {args.threads} threads; {args.users} users for {args.seconds} s", flush=True)
    env["GIAMSAT_WARM_SECONDS"] = str(args.warm_seconds)
    giamsat = [str(BIN / "giamsat")]
    if not (args.reuse_db and database.startswith("postgres")):
        if database.startswith("postgres"):
            _recreate(database)
        subprocess.run([*giamsat, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
        if args.synth != "none":
            scale = [] if args.synth == "full" else ["--scale", "small"]
            subprocess.run([*giamsat, "synth", *scale, "--replace"], env=env, check=True)
            # A bulk load bypasses the approval actions: build the task histories the evaluation reads once,
            # as an operator would (README), instead of leaving the first renders to fall back to raw rows.
            subprocess.run([*giamsat, "rebuild_facts"], env=env, check=True)
    subprocess.run([*giamsat, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*giamsat, "collectstatic", "--noinput"], env=env, check=True, stdout=subprocess.DEVNULL)
    sessions = var / "sessions.json"
    subprocess.run([sys.executable, "-c", SESSIONS, str(sessions)], env=env, check=True, cwd=ROOT)
    env["GIAMSAT_LOAD_SESSIONS"] = str(sessions)
    started = time.perf_counter()
    locust_cpu = server_cpu = 0.0
    load_after = ""
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "scripts" / "gunicorn.conf.py"), "giamsat.wsgi",
         "-b", f"127.0.0.1:{args.port}", "-w", str(args.workers), "--threads", str(args.threads),
         "--log-level", "info"], env=env, cwd=ROOT)
    host = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(host + "/api/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        print(f"server ready (pages warmed) after {time.perf_counter() - started:.1f} s; load {_loadavg()}", flush=True)
        prefix = var / "locust"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        server_before = _tree_cpu(server.pid)
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "benchmarks" / "load" / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s", "--host", host,
             "--csv", str(prefix), "--only-summary", "--stop-timeout", "10", *(["--reset-stats"] if args.steady else [])],
            env=env, check=False, stdout=subprocess.DEVNULL, timeout=args.seconds + 120)
        locust_cpu = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - _cpu(before)
        server_cpu = _tree_cpu(server.pid) - server_before
        load_after = _loadavg()
        if args.steady:
            print(f"steady state: statistics reset once all {args.users} users had arrived "
                  f"({args.users / args.spawn_rate:.0f} s of arrivals excluded)")
        report(prefix)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"CPU seconds during the run ({args.seconds} s, {2 * args.seconds} available on 2 cores): "
          f"locust {locust_cpu:.1f}, server {server_cpu:.1f}; load average after: {load_after}")
    return 0


def _recreate(url: str) -> None:
    """A fresh PostgreSQL database for the run; only one whose name says it is for load tests."""
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if "load" not in name:
        raise SystemExit(f"refusing to recreate database {name!r}: its name must contain 'load'")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and its live descendants (from /proc)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            todo += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _loadavg() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


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
