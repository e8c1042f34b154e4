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
# The sessions are stored through the site's own engine (with Redis, cached_db also puts them in the
# cache), as a sign-in through the form leaves them: not in the database only, which would make each
# user's first request miss the cache, read the database and write the cache.
SESSIONS = """
import json, sys, django
from importlib import import_module
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
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
    parser.add_argument("--no-timing", action="store_true",
                        help="do not log each request's server wall and CPU time (scripts/gunicorn.conf.py's hook)")
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
    timing = var / "timing"
    if not args.no_timing:
        timing.mkdir()
        env["GIAMSAT_GUNICORN_TIMING"] = str(timing)
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
        locust_started = time.time()
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "benchmarks" / "load" / "locustfile.py"), "--headless",
             "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s", "--host", host,
             "--csv", str(prefix), "--only-summary", "--stop-timeout", "10", *(["--reset-stats"] if args.steady else [])],
            env=env, check=False, stdout=subprocess.DEVNULL, timeout=args.seconds + 120)
        locust_stopped = time.time()
        locust_cpu = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - _cpu(before)
        server_cpu = _tree_cpu(server.pid) - server_before
        load_after = _loadavg()
        if args.steady:
            print(f"steady state: statistics reset once all {args.users} users had arrived "
                  f"({args.users / args.spawn_rate:.0f} s of arrivals excluded)")
        report(prefix)
        if not args.steady:
            arrival_report(prefix, locust_started, args.users / args.spawn_rate)
        if not args.no_timing:
            server_report(timing, locust_started, locust_stopped, args.users / args.spawn_rate)
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


ARRIVAL_MARGIN = 6.0  # seconds after the last user arrived still counted in the arrival window


def arrival_report(prefix: Path, started: float, spawn_seconds: float) -> None:
    """Client-side figures of the requests that ended in the arrival window (locust's cumulative history)."""
    end = started + spawn_seconds + ARRIVAL_MARGIN
    try:
        with open(f"{prefix}_stats_history.csv", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r["Name"] == "Aggregated"]
    except OSError:
        return
    inside = [r for r in rows if float(r["Timestamp"]) <= end and r["95%"] not in ("N/A", "")]
    if inside:
        last = inside[-1]
        print(f"arrival window (the first {spawn_seconds + ARRIVAL_MARGIN:.0f} s, client side, cumulative): "
              f"{last['Total Request Count']} requests, {last['Total Failure Count']} failures, "
              f"p50 {last['50%']} ms, p95 {last['95%']} ms, p99 {last['99%']} ms")


def _kind(method: str, path: str) -> str:
    return method + " " + "/".join("[id]" if part.isdigit() else part for part in path.split("/"))


def server_report(folder: Path, started: float, stopped: float, spawn_seconds: float) -> None:
    """Per request kind, in the arrival window and after it: the server's own wall time (from the worker
    thread taking the request to its last byte; not the time queued before) and the handling thread's CPU;
    "GC gen2" lines are the workers' full garbage collections (every thread of the worker waits meanwhile)."""
    rows = []
    for path in folder.glob("requests-*.tsv"):
        for line in path.read_text().splitlines():
            at, method, url, status, wall, cpu = line.split("\t")
            if started <= float(at) <= stopped:
                rows.append((float(at) - started, _kind(method, url), status, float(wall), float(cpu)))
    if not rows:
        return
    split = spawn_seconds + ARRIVAL_MARGIN
    print(f"server side (gunicorn hook; wall = in the worker thread, CPU = that thread's): arrival = first {split:.0f} s")
    print(f"{'request':34} {'window':8} {'count':>6} {'wall p50':>9} {'wall p95':>9} {'CPU/req ms':>11} {'CPU s':>7}")
    kinds = [*sorted({r[1] for r in rows}), "all"]
    for kind in kinds:
        for window, chosen in (("arrival", [r for r in rows if r[0] < split]), ("after", [r for r in rows if r[0] >= split])):
            picked = [r for r in chosen if kind == r[1] or (kind == "all" and not r[1].startswith("GC"))]
            if not picked:
                continue
            walls = sorted(r[3] for r in picked)
            cpu = sum(r[4] for r in picked)
            print(f"{kind[:34]:34} {window:8} {len(picked):6} {walls[len(walls) // 2]:9.0f} "
                  f"{walls[min(len(walls) - 1, int(0.95 * len(walls)))]:9.0f} {cpu / len(picked):11.1f} {cpu / 1000:7.2f}")
    print(f"{'second':>6} {'requests':>9} {'server CPU s':>13} {'wall p95 ms':>12}")
    for second in range(int(split) + 4):
        picked = [r for r in rows if second <= r[0] < second + 1]
        if picked:
            walls = sorted(r[3] for r in picked)
            print(f"{second:6} {len(picked):9} {sum(r[4] for r in picked) / 1000:13.2f} "
                  f"{walls[min(len(walls) - 1, int(0.95 * len(walls)))]:12.0f}")


if __name__ == "__main__":
    raise SystemExit(main())
