"""What the arrival of the load test's users costs the server: each user's first requests (locustfile.py's
`on_start`), replayed through Django's test client in one fresh process, as one gunicorn worker sees them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h5_load GIAMSAT_CACHE=redis \\
        .venv/bin/python benchmarks/load/arrival.py [--users 200] [--no-warm]

The process first does what gunicorn's master does before forking (`caching.warm`, then its database
connections closed), then replays the arrivals in locust's mix (4 public visitors : 3 leaders : 3 unit
reporters), each with a prepared session like load_test.py's. Redirects are followed and counted in the
request that started them, as locust does. For each request kind it prints the first arrival's cost
(what the first user of a fresh worker pays), the median of the others, the sum over all arrivals, and the
queries, in CPU of this process (time.process_time) and, on PostgreSQL on this host, of its backend
(/proc; 10 ms ticks, so summed). CPU, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
os.environ.setdefault("GIAMSAT_ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("GIAMSAT_SECRET_KEY", "arrival-" + "x" * 50)
os.environ.setdefault("GIAMSAT_HTTPS", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from giamsat.ops.backend_cpu import backend_cpu as server_backend_cpu  # noqa: E402
from giamsat.portal import caching  # noqa: E402

LEADERS = ["bcd.dongnai", "thuongtruc.dongnai"]
REPORTERS = ["baocao.sotaichinh", "baocao.sokhcn", "baocao.soyte", "baocao.longbinh"]


def backend_cpu() -> float:
    return server_backend_cpu() or 0.0


def session_for(username: str) -> str:
    """A signed-in session stored as the site's engine stores one (load_test.py does the same)."""
    from importlib import import_module

    user = get_user_model().objects.get(username=username)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return str(store.session_key)


def arrivals(users: int) -> list[tuple[str, str | None]]:
    """(kind, username) in locust's weighted order: 4 public visitors, 3 leaders, 3 reporters per ten."""
    out: list[tuple[str, str | None]] = []
    pattern = ["public", "leader", "reporter", "public", "leader", "reporter", "public", "leader", "reporter", "public"]
    for i in range(users):
        kind = pattern[i % len(pattern)]
        if kind == "public":
            out.append((kind, None))
        elif kind == "leader":
            out.append((kind, LEADERS[(i // 10) % len(LEADERS)]))
        else:
            out.append((kind, REPORTERS[(i // 10) % len(REPORTERS)]))
    return out


def on_start(kind: str, client: Client) -> list[tuple[str, str, dict[str, Any]]]:
    """The requests locustfile.py's `on_start` makes: (name, path, extra)."""
    if kind == "public":
        return [("/", "/", {})]
    first = [("/dang-nhap/", "/dang-nhap/", {"follow": True})]
    if kind == "leader":
        return [*first, ("/api/plans", "/api/plans", {})]
    return [*first, ("/api/submissions?state=draft", "/api/submissions?state=draft", {})]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--no-warm", action="store_true", help="skip the master's warm-up")
    parser.add_argument("--threads", type=int, default=24,
                        help="the first N arrivals each open a database connection of their own, as gunicorn's "
                             "threads do (3 workers x 8 threads); 0: one connection throughout")
    parser.add_argument("--show-queries", default="", help="print the queries of the first request with this name")
    args = parser.parse_args()
    people = arrivals(args.users)
    sessions = {name: session_for(name) for name in {u for _k, u in people if u}}
    if not args.no_warm:
        started = time.process_time()
        pages = caching.warm(600)
        print(f"warm-up (the master): {pages} pages, {time.process_time() - started:.2f} CPU-s")
    connections.close_all()  # the fork: a worker starts with no connection
    settings.DEBUG = True  # captured queries
    cost: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    for n, (kind, username) in enumerate(people):
        if n < args.threads:
            connections.close_all()  # the next thread's first request: a new connection and PostgreSQL backend
        client = Client()
        if username:
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[username]
        for name, path, extra in on_start(kind, client):
            label = f"{name} ({kind}{': ' + username if username and kind == 'leader' else ''})"
            fresh = connection.connection is None
            db_before = 0.0 if fresh else backend_cpu()
            start = time.process_time()
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(path, **extra)
            cpu = time.process_time() - start
            db = backend_cpu() - db_before  # a fresh backend's CPU from its start
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            chain = " → ".join(url for url, _code in getattr(response, "redirect_chain", [])) or ""
            cost[label].append((cpu, db, len(ctx.captured_queries), chain))
            if args.show_queries and args.show_queries in label and len(cost[label]) == 1:
                for q in ctx.captured_queries:
                    print(f"    {q['time']} {q['sql'][:300]}")
    print(f"{args.users} arrivals in one process, CPU of this process (process_time) and of its PostgreSQL backend")
    print(f"{'request (user kind)':52} {'n':>4} {'first ms':>9} {'median ms':>10} {'sum s':>7} {'db sum s':>9} "
          f"{'q first':>8} {'q median':>9}  redirects")
    total = total_db = 0.0
    for label, rows in cost.items():
        cpus = [r[0] for r in rows]
        rest = cpus[1:] or cpus
        total += sum(cpus)
        total_db += sum(r[1] for r in rows)
        print(f"{label[:52]:52} {len(rows):4} {1000 * cpus[0]:9.1f} {1000 * statistics.median(rest):10.1f} "
              f"{sum(cpus):7.2f} {sum(r[1] for r in rows):9.2f} {rows[0][2]:8} {statistics.median(r[2] for r in rows):9.0f}"
              f"  {rows[0][3]}")
    print(f"total: {total:.2f} CPU-s in Django, {total_db:.2f} CPU-s in PostgreSQL, "
          f"{1000 * total / sum(len(r) for r in cost.values()):.1f} ms per request")


if __name__ == "__main__":
    main()
