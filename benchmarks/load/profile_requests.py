"""Server CPU of each request of the load profile (locustfile.py), on a built database, through Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h3_load_nat .venv/bin/python benchmarks/load/profile_requests.py
    .venv/bin/python benchmarks/load/profile_requests.py --runs 5 --only search --explain

For each request kind it prints, over `--runs` requests with distinct arguments where the profile has
them (plans, drafts, search words), the median CPU of this process (time.process_time: Django, the
ORM, the evaluation engine, the templates), the CPU of the PostgreSQL backend serving this process
(from /proc, so only when the server runs on this machine; ticks of 10 ms, summed over the runs then
divided), and the number of queries. Three states:

- cold: no page cache and an empty evaluation cache: what a visitor pays when nothing was warmed;
- eval: no page cache, the evaluation of the scope already in memory (a worker that rendered once);
- cached: the page cache on (the shared cache empty first, then one request to fill it).

CPU, not wall time: the machine is shared. `--explain` prints EXPLAIN ANALYZE of the slowest query
of each request (PostgreSQL).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
os.environ.setdefault("GIAMSAT_ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ.setdefault("GIAMSAT_SECRET_KEY", "profile-requests-" + os.urandom(16).hex())
os.environ.setdefault("GIAMSAT_VAR_DIR", "/tmp/giamsat-profile")
os.environ.setdefault("GIAMSAT_HTTPS", "0")
os.environ.setdefault("GIAMSAT_LOG_LEVEL", "ERROR")
os.environ["GIAMSAT_CACHE"] = "locmem"  # this process's own cache: clearing it touches no one else's entries

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from giamsat.ops.backend_cpu import backend_cpu as server_backend_cpu  # noqa: E402
from giamsat.plans.models import Task  # noqa: E402
from giamsat.portal import caching  # noqa: E402
from giamsat.portal.scope import public_documents  # noqa: E402
from giamsat.reporting import evaluation  # noqa: E402

LEADER = "bcd.dongnai"
STANDING = "thuongtruc.dongnai"  # the other leader of locustfile.py: signs in to the home page, not the dashboard
REPORTER = "baocao.sotaichinh"
SEARCHES = ["chuyen doi so", "dữ liệu", "DTI", "ha tang so", "nen tang"]


def backend_cpu() -> float:
    return server_backend_cpu() or 0.0


def requests_of_the_profile() -> list[tuple[str, str | None, str, list[Any]]]:
    """(name, user, method, [arguments]) — what locustfile.py asks, with the arguments it would pick."""
    public_home = Client().get("/").content.decode()
    import re

    listed = [int(pk) for pk in re.findall(r'href="/cong-khai/ke-hoach/(\d+)/"', public_home)]
    big = list(public_documents().order_by("-pk").values_list("pk", flat=True)[:3])  # the national set's
    plans = (listed[:3] + big)[:6] or [0]
    leader = Client()
    leader.force_login(get_user_model().objects.get(username=LEADER))
    leader_plans = [p["id"] for p in leader.get("/api/plans").json()["items"]][:3]
    reporter = Client()
    reporter.force_login(get_user_model().objects.get(username=REPORTER))
    drafts = [s["id"] for s in reporter.get("/api/submissions", {"state": "draft"}).json()["items"]
              if s["state"] in ("draft", "returned")][:5]
    return [
        ("/ (public home)", None, "get", ["/"]),
        ("/cong-khai/ke-hoach/[id]/", None, "get", [f"/cong-khai/ke-hoach/{pk}/" for pk in plans]),
        ("/cong-khai/tim-kiem/", None, "get", [f"/cong-khai/tim-kiem/?q={q}" for q in SEARCHES]),
        ("/dang-nhap/", None, "get", ["/dang-nhap/"]),
        ("/trang-chu/ (standing agency)", STANDING, "get", ["/trang-chu/"]),
        ("/trang-chu/ (reporter)", REPORTER, "get", ["/trang-chu/"]),
        ("/api/plans", LEADER, "get", ["/api/plans"]),
        ("/dieu-hanh/", LEADER, "get", ["/dieu-hanh/"]),
        ("/ke-hoach/[id]/", LEADER, "get", [f"/ke-hoach/{pk}/" for pk in leader_plans or plans]),
        ("/chi-tieu/", LEADER, "get", ["/chi-tieu/"]),
        ("/api/tasks?limit=50", LEADER, "get", ["/api/tasks?limit=50"]),
        ("/api/submissions?state=draft", REPORTER, "get", ["/api/submissions?state=draft"]),
        ("/bao-cao/", REPORTER, "get", ["/bao-cao/"]),
        ("/api/submissions/[id]", REPORTER, "get", [f"/api/submissions/{pk}" for pk in drafts]),
        ("/api/submissions/[id]/draft", REPORTER, "put", drafts),
    ]


def client_for(username: str | None) -> Client:
    client = Client(enforce_csrf_checks=False)
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def one(client: Client, method: str, arg: Any, capture: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """One request of the profile; with `capture`, the queries it ran (Django's debug cursor, which records each
    query's SQL: ~0.03 ms of CPU a query, which the server does not pay: the timed runs do not capture)."""
    with CaptureQueriesContext(connection) if capture else nullcontext() as ctx:  # type: ignore[attr-defined]
        if method == "put":
            detail = client.get(f"/api/submissions/{arg}").json()
            body = {"expected_version": detail.get("version", 1), "summary": f"Cập nhật (đo CPU) #{time.time_ns()}"}
            response = client.put(f"/api/submissions/{arg}/draft", body, content_type="application/json")
        else:
            response = client.get(arg)
    if response.status_code not in (200, 409, 423):
        raise SystemExit(f"{arg}: HTTP {response.status_code}")
    return response.status_code, list(ctx.captured_queries) if capture else []


def measure(name: str, username: str | None, method: str, args: list[Any], runs: int, state: str,
            explain: bool) -> dict[str, Any]:
    client = client_for(username)
    cpu: list[float] = []
    db = 0.0
    queries: list[int] = []
    slowest: tuple[float, str] = (0.0, "")
    page_cache = state == "cached"
    with override_settings(GIAMSAT_PAGE_CACHE=page_cache):
        if state == "eval" or state == "cached":
            for arg in args:  # fill the evaluation (and for "cached" the page) caches
                one(client, method, arg)
        for k in range(runs):
            arg = args[k % len(args)]
            if state == "cold":
                evaluation.clear_cache()
            db_before = backend_cpu()
            start = time.process_time()
            one(client, method, arg, capture=False)
            cpu.append(time.process_time() - start)
            db += backend_cpu() - db_before
        for arg in args[:runs]:  # the queries, in runs of their own (recording them costs CPU)
            if state == "cold":
                evaluation.clear_cache()
            _status, captured = one(client, method, arg)
            queries.append(len(captured))
            for q in captured:
                if float(q["time"]) > slowest[0]:
                    slowest = (float(q["time"]), q["sql"])
    row = {"name": name, "state": state, "cpu_ms": 1000 * statistics.median(cpu), "db_ms": 1000 * db / runs,
           "queries": int(statistics.median(queries)), "slowest_ms": 1000 * slowest[0], "slowest": slowest[1]}
    if explain and slowest[1] and connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest[1])
            row["plan"] = "\n".join(r[0] for r in cur.fetchall())
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="only the request kinds whose name contains this")
    parser.add_argument("--states", default="cold,eval,cached")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    cache.clear()
    caching.clear_local()
    print(f"database {connection.vendor} {connection.settings_dict['NAME']}; {Task.objects.count():,} tasks; "
          f"CPU = median of {args.runs} requests (process_time), db = PostgreSQL backend CPU per request")
    print(f"{'request':32} {'state':7} {'cpu ms':>8} {'db ms':>7} {'queries':>8} {'slowest q ms':>13}")
    for name, user, method, arguments in requests_of_the_profile():
        if args.only and args.only not in name:
            continue
        for state in args.states.split(","):
            cache.clear()
            caching.clear_local()
            row = measure(name, user, method, arguments, args.runs, state, args.explain)
            print(f"{name:32} {state:7} {row['cpu_ms']:8.1f} {row['db_ms']:7.1f} {row['queries']:8} "
                  f"{row['slowest_ms']:13.1f}", flush=True)
            if "plan" in row:
                print("    " + row["slowest"][:400] + "\n" + "\n".join("    " + line for line in row["plan"].splitlines()))


if __name__ == "__main__":
    main()
