"""Server time of the portal's main pages on a built demo database, through Django's test client.

    GIAMSAT_DEBUG=1 GIAMSAT_VAR_DIR=/tmp/demo .venv/bin/giamsat demo --no-serve
    GIAMSAT_DEBUG=1 GIAMSAT_VAR_DIR=/tmp/demo .venv/bin/python benchmarks/bench_portal.py [--runs 10]

Prints, per page and account, the first (cold cache) and the median of later runs in milliseconds,
and the number of SQL queries. Target: the dashboard under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from giamsat.plans.models import Document, DocumentStatus  # noqa: E402

PAGES = [
    ("bcd.dongnai", "portal:dashboard"),
    ("bcd.dongnai", "portal:dashboard-trends"),
    ("thuongtruc.dongnai", "portal:dashboard"),
    ("thuongtruc.dongnai", "portal:home"),
    ("baocao.sokhcn", "portal:home"),
    ("thuongtruc.dongnai", "portal:reports"),
    ("bcd.dongnai", "portal:plan"),
    (None, "portal:public"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    plan = Document.objects.filter(status=DocumentStatus.PUBLISHED).order_by("pk").first()
    print(f"{'page':24} {'account':20} {'first ms':>9} {'median ms':>10} {'queries':>8}")
    for username, name in PAGES:
        client = Client()
        if username:
            from django.contrib.auth import get_user_model

            client.force_login(get_user_model().objects.get(username=username))
        url = reverse(name, args=[plan.pk] if name == "portal:plan" and plan else [])
        if name == "portal:dashboard" and username == "bcd.dongnai":
            from giamsat.reporting.evaluation import clear_cache

            clear_cache()  # the first run is the cold one: nothing evaluated yet
        times = []
        queries = 0
        for _ in range(args.runs):
            reset_queries()
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            queries = len(ctx.captured_queries)
            if response.status_code != 200:
                print(f"{name}: HTTP {response.status_code}")
                break
        print(f"{name:24} {username or '(công khai)':20} {times[0]:9.0f} {statistics.median(times[1:] or times):10.0f} {queries:8}")


if __name__ == "__main__":
    main()
