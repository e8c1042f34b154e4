"""Memory and CPU of an evaluation over plans (`document_ids`: the administrators' target and task lists,
the public figures, a plan's page), read from the task report rows (the reading before 26/11, kept as the
reference: `histories=False`) and from the packed task histories (now), on a built database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hd_eval GIAMSAT_DEBUG=1 \\
        .venv/bin/python benchmarks/bench_eval_plans.py --runs 2

Each measurement runs in a process of its own (peak RSS is a process's high-water mark), alternating the two
readings. Printed per reading and scope: CPU seconds of the evaluation (`time.process_time`: reading, engine),
PostgreSQL is not counted), wall seconds, the process's peak RSS after Django's start and after the
evaluation, and a digest of the whole evaluation (`Evaluation.to_dict`, issues and warnings as sets): the two
readings must give the same digest, else the script exits 1.

Scopes: `all` = every published plan (what the target list and the public figures evaluate: since 26/11
the same evaluation as the one without a plan filter, `evaluation._every_plan`), `most` = every published
plan but one (the plan filter applied: rows against histories over plans), `one` = the
published plan with the most tasks (a plan page that misses its kept results), `master` = the national
dashboard's evaluation (every unit, no plan filter: read from the histories before and after) and then
`all`, in one process whose evaluation cache keeps both, as the warm-up leaves a web server's master.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    os.environ.setdefault("GIAMSAT_SECRET_KEY", "bench-eval-plans-" + os.urandom(16).hex())
    os.environ.setdefault("GIAMSAT_LOG_LEVEL", "ERROR")
    import django
    django.setup()


def _digest(ev: Any) -> str:
    data = ev.to_dict()
    for key in ("issues", "warnings"):
        data[key] = sorted(json.dumps(x, sort_keys=True, default=str) for x in data[key])
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(reading: str, scope: str, as_of: str) -> dict[str, Any]:
    _setup()
    import datetime as dt

    from django.db.models import Count

    from giamsat.plans.models import Document, DocumentStatus
    from giamsat.reporting import evaluation

    published = Document.objects.filter(status=DocumentStatus.PUBLISHED)
    if scope in ("all", "master", "most"):
        docs = list(published.order_by("pk").values_list("pk", flat=True))[1 if scope == "most" else 0:]
    else:
        docs = [published.annotate(n=Count("tasks")).order_by("-n", "pk").values_list("pk", flat=True)[0]]
    evaluation.USE_HISTORIES = reading == "histories"
    evaluation.current_tree()  # the unit tree is shared by every reading: not part of the figure
    day = dt.date.fromisoformat(as_of)
    start_rss = _rss_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    first = None
    if scope == "master":  # the national dashboard's evaluation: from the histories, before and after
        evaluation.USE_HISTORIES = True
        first = evaluation.evaluate_scope(None, day)
        evaluation.USE_HISTORIES = reading == "histories"
    ev = evaluation.evaluate_scope(None, day, document_ids=docs)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = _rss_mb()  # before the digests, which build the whole evaluation as JSON
    digest = _digest(ev) if first is None else _digest(first) + "+" + _digest(ev)
    return {"reading": reading, "scope": scope, "plans": len(docs), "tasks": len(ev.tasks), "targets": len(ev.targets),
            "cpu": round(cpu, 2), "wall": round(wall, 2), "rss_start_mb": round(start_rss),
            "rss_peak_mb": round(peak), "digest": digest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="measurements per reading and scope (alternated)")
    parser.add_argument("--scopes", default="all,most,one,master")
    parser.add_argument("--as-of", default="2026-06-20")
    parser.add_argument("--child", nargs=2, metavar=("READING", "SCOPE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.as_of)))
        return 0
    failed = False
    for scope in args.scopes.split(","):
        results: dict[str, list[dict[str, Any]]] = {"rows": [], "histories": []}
        for _ in range(args.runs):
            for reading in ("rows", "histories"):
                out = subprocess.run([sys.executable, __file__, "--child", reading, scope, "--as-of", args.as_of],
                                     capture_output=True, text=True, check=True)
                result = json.loads(out.stdout.strip().splitlines()[-1])
                results[reading].append(result)
                print(json.dumps(result), flush=True)
        digests = {r["digest"] for rs in results.values() for r in rs}
        same = len(digests) == 1
        failed |= not same
        row, hist = (min(rs, key=lambda r: r["cpu"]) for rs in (results["rows"], results["histories"]))
        print(f"{scope}: {row['plans']} plans, {row['tasks']:,} tasks, {row['targets']:,} targets | "
              f"CPU {row['cpu']} -> {hist['cpu']} s (best of {args.runs}), "
              f"peak RSS {row['rss_peak_mb']} -> {hist['rss_peak_mb']} MB "
              f"(process after start {row['rss_start_mb']} / {hist['rss_start_mb']} MB) | "
              f"{'same evaluation' if same else 'DIFFERENT evaluations: ' + ', '.join(sorted(digests))}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
