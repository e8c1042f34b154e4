"""Benchmark: the national evaluation and one province's dashboard, from the database, against DuckDB.

    .venv/bin/python benchmarks/bench_dashboard.py [--scale national|medium|small] [--as-of 2026-11-20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giamsat_bench .venv/bin/python benchmarks/bench_dashboard.py

Without DATABASE_URL it uses its own SQLite file (var/bench/bench.sqlite3); give PostgreSQL a
database of its own, never the one people work in. The synthetic dataset (`giamsat synth`) is
loaded once and reused on later runs (`--reload` loads it again).

The task histories (`TaskHistory`, what the evaluation reads instead of the task report rows) are
rebuilt once after a bulk load, timed apart, as `giamsat rebuild_facts` would.

Measured: the national evaluation from the database (loading the facts, then the engine); one
province's dashboard figures (see `bench_province`: cold with and without kept figures, in this
process and in a new one, warm, the refresh after one approval and the read after it; `--skip-national`
runs only these); peak memory (maximum resident set size of this process). Reference: the same facts exported to DuckDB
(in-process, through a CSV file) and the core aggregations run there — each task's latest
approved report and its status as of the date (one-off deadlines), rolled up per province;
reporting timeliness per unit; each target's latest value — timing only the queries.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(scale: str, reload: bool) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'bench.sqlite3'}")
    os.environ.setdefault("GIAMSAT_DEBUG", "1")
    os.environ.setdefault("GIAMSAT_VAR_DIR", str(ROOT / "var" / "bench"))
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from giamsat.org.models import OrgUnit
    from giamsat.reporting.management.commands.synth import ROOT_CODE

    call_command("migrate", verbosity=0)
    if reload or not OrgUnit.objects.filter(code=ROOT_CODE).exists():
        t = time.perf_counter()
        call_command("synth", "--scale", scale, "--replace")
        print(f"nạp dữ liệu tổng hợp ({scale}): {time.perf_counter() - t:.1f} s")
    from giamsat.reporting.evaluation import ensure_facts

    t = time.perf_counter()
    rebuilt = ensure_facts(None)  # once after a bulk load (what `giamsat rebuild_facts` does); then nothing to do
    print(f"lịch sử báo cáo nhiệm vụ: {rebuilt:,} đơn vị dựng lại trong {time.perf_counter() - t:.1f} s")


def _timed(label: str, fn: Any) -> tuple[Any, float]:
    """Wall time (returned) and this process's CPU time (printed too: steadier on a shared machine;
    on PostgreSQL the server's own work is not in it)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    took, cpu = time.perf_counter() - t, time.process_time() - c
    CPU[label] = cpu
    print(f"{label:<48} {took * 1000:>10.0f} ms   (CPU {cpu * 1000:,.0f} ms)")
    return out, took


CPU: dict[str, float] = {}  # CPU seconds of this process per timed step (all threads: DuckDB's too)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _national(as_of: dt.date) -> tuple[float, float]:
    """(loading, engine) seconds for the whole synthetic nation; the data are freed on return."""
    from giamsat.evaluate import engine
    from giamsat.org.models import OrgUnit
    from giamsat.reporting import evaluation
    from giamsat.reporting.management.commands.synth import ROOT_CODE

    root = OrgUnit.objects.get(code=ROOT_CODE)
    tree = evaluation.UnitTree()
    scope = evaluation.Scope(frozenset(tree.subtree(root.pk)))
    loaded, load = _timed("quốc gia: đọc dữ liệu từ CSDL", lambda: evaluation.load_dataset(
        scope, as_of, tree, keep=ROOT_CODE))
    dataset = loaded[0]
    print(f"  {len(dataset.units):,} đơn vị, {len(dataset.tasks):,} nhiệm vụ, "
          f"{sum(len(t.reports) for t in dataset.tasks):,} dòng báo cáo, {len(dataset.targets):,} chỉ tiêu")
    _ev, run = _timed("quốc gia: chạy engine", lambda: engine.evaluate(dataset, as_of, ROOT_CODE))
    print(f"{'quốc gia: tổng':<48} {(load + run) * 1000:>10.0f} ms   (bộ nhớ đỉnh {_rss_mb():,.0f} MB)")
    return load, run


def bench_database(as_of: dt.date, national: bool = True) -> dict[str, float]:
    out: dict[str, float] = {}
    if national:
        load, run = _national(as_of)
        out |= {"load": load, "engine": run, "national": load + run}
    out |= bench_province(as_of)
    out["rss"] = _rss_mb()
    return out


# --------------------------------------------------------------------------- one province's dashboard
#
# The figures are kept in the database per scope and day (`KeptFigures`), with the version of the
# scope's data. Measured: the cold read with no kept figures (the engine path: load, evaluate, keep),
# the cold read from kept figures (in this process with its memory emptied, and in a new process),
# the warm read, and after one approval in the province: the background refresh (in this process,
# which holds the province's evaluation and updates it incrementally, and in a new process, as a
# fresh worker would) and the cold read after it. On PostgreSQL the server backend's CPU (from
# /proc) is printed too.


def _server_cpu() -> float | None:
    """CPU seconds of this connection's PostgreSQL backend so far (None on SQLite or another host)."""
    from giamsat.ops.backend_cpu import backend_cpu

    return backend_cpu()


def _timed_server(label: str, fn: Any) -> tuple[Any, float]:
    before = _server_cpu()
    out, took = _timed(label, fn)
    after = _server_cpu()
    if before is not None and after is not None:
        print(f"{'':<48} {'':>10}      (CPU máy chủ PostgreSQL {(after - before) * 1000:,.0f} ms)")
    return out, took


def _child(args: list[str]) -> dict[str, float]:
    """Run this script's `--child` step in a new process (empty caches, its own connection)."""
    import json
    import subprocess

    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True,
                          env=os.environ.copy())
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_main(step: str, as_of: dt.date, province: str, submission: int | None) -> int:
    """A new process: Django set up (not timed), then one dashboard read or one refresh job, timed."""
    import json

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from giamsat.reporting import evaluation

    user = get_user_model().objects.get(username="bench-admin")
    server = _server_cpu()
    t, c = time.perf_counter(), time.process_time()
    if step == "read":
        figures = evaluation.dashboard_figures(user, as_of=as_of, unit_id=province)
        size = figures.tasks_total
    else:
        assert submission is not None
        size = evaluation.refresh_after_change(submission, as_of)
    took, cpu = time.perf_counter() - t, time.process_time() - c
    after = _server_cpu()
    print(json.dumps({"wall": took, "cpu": cpu, "server": None if server is None or after is None else after - server,
                      "size": size}))
    return 0


def _print_child(label: str, r: dict[str, float]) -> None:
    server = f", CPU máy chủ PostgreSQL {r['server'] * 1000:,.0f} ms" if r.get("server") is not None else ""
    print(f"{label:<48} {r['wall'] * 1000:>10.0f} ms   (CPU {r['cpu'] * 1000:,.0f} ms{server})")
    CPU[label] = r["cpu"]


def bench_province(as_of: dt.date) -> dict[str, float]:
    from django.contrib.auth import get_user_model

    from giamsat.org.models import OrgUnit
    from giamsat.reporting import evaluation
    from giamsat.reporting.management.commands.synth import code_of
    from giamsat.reporting.models import KeptFigures, Submission

    user = get_user_model().objects.filter(username="bench-admin").first() or get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.invalid", "bench-admin-password")
    province = code_of("P01")
    root = OrgUnit.objects.get(code=province)
    units = evaluation.scope_of(root)
    print(f"tỉnh {province}: {len(units):,} đơn vị")
    _timed_server("phiên bản dữ liệu của tỉnh (một truy vấn)", lambda: evaluation.scope_version(units))
    KeptFigures.objects.filter(unit=root).delete()
    evaluation.clear_cache()
    figures, cold = _timed_server(f"tỉnh {province}: lần đầu, chưa lưu sẵn (engine)", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    print(f"  {figures.tasks_total:,} nhiệm vụ, {figures.targets_total:,} chỉ tiêu; số liệu lưu sẵn "
          f"{len(KeptFigures.objects.get(unit=root, as_of=as_of, document_id=None, theme='', period_id=None).figures):,} byte")
    evaluation.clear_cache()
    _, kept = _timed_server(f"tỉnh {province}: lần đầu, từ số liệu lưu sẵn", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    child = _child(["read", as_of.isoformat(), province])
    _print_child(f"tỉnh {province}: tiến trình mới, từ số liệu lưu sẵn", child)
    _, warm = _timed_server(f"tỉnh {province}: lần sau (bộ nhớ)", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    standing = _standing_agency(root)
    evaluation.clear_cache()
    _, agency = _timed_server(f"tỉnh {province}: cơ quan thường trực, từ số liệu lưu sẵn",
                              lambda: evaluation.dashboard_figures(standing, as_of=as_of))
    evaluation.clear_cache()
    evaluation.dashboard_figures(user, as_of=as_of, unit_id=province, document_id=None)  # kept row → memory
    out = {"cold_engine": cold, "cold_kept": kept, "cold_kept_process": child["wall"], "warm": warm,
           "agency": agency}
    sub = Submission.objects.filter(unit__code__startswith=f"{province}-s", state="approved").order_by("-id").first()
    if sub is None:
        return out
    # one approval in the province (the data stay the same; its version moves as approve_report's save moves it)
    _approve_again(sub)
    evaluation._evaluate(evaluation.Scope(units), as_of, root.pk)  # this process holds the province's evaluation
    _approve_again(sub)
    _, refresh = _timed_server("một phê duyệt: làm mới (tiến trình đã có đánh giá)",
                               lambda: evaluation.refresh_after_change(sub.pk, as_of))
    evaluation.clear_cache()
    _, after = _timed_server(f"tỉnh {province}: lần đầu sau làm mới", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    _approve_again(sub)
    fresh_worker = _child(["refresh", as_of.isoformat(), province, str(sub.pk)])
    _print_child("một phê duyệt: làm mới (tiến trình mới, như worker)", fresh_worker)
    after_child = _child(["read", as_of.isoformat(), province])
    _print_child(f"tỉnh {province}: tiến trình mới, sau làm mới", after_child)
    _approve_again(sub)
    evaluation.clear_cache()
    _, lazy = _timed_server(f"tỉnh {province}: sau phê duyệt, chưa làm mới (engine)", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    return out | {"refresh": refresh, "after": after, "refresh_process": fresh_worker["wall"], "lazy": lazy}


def _standing_agency(root: Any) -> Any:
    """The province's standing agency (sees the province's subtree, opens its dashboard without a unit)."""
    from django.contrib.auth import get_user_model

    from giamsat.org.actions import grant_role
    from giamsat.org.models import Role

    user = get_user_model().objects.filter(username="bench-standing").first() or get_user_model().objects.create_user(
        "bench-standing", "standing@example.invalid", "bench-standing-password")
    grant_role(None, user, root, Role.STANDING_AGENCY)
    return user


def _approve_again(sub: Any) -> None:
    """What approve_report writes on the submission row (its state stays approved): a new version, a new
    updated_at. (The job recomputes today's kept figures; here those of the bench's day.)"""
    sub.version += 1
    sub.save(update_fields=["version", "updated_at"])


def bench_duckdb(as_of: dt.date) -> float:
    """Export the facts to CSV, load them into in-process DuckDB, time only the aggregations."""
    import duckdb
    from django.db import connection

    from giamsat.org.models import OrgUnit
    from giamsat.reporting.management.commands.synth import ROOT_CODE

    root = OrgUnit.objects.get(code=ROOT_CODE)
    queries = {
        "units": ("SELECT u.id, COALESCE(p.id, u.id) FROM org_orgunit u LEFT JOIN org_orgunit p "
                  "ON p.parent_id = %s AND u.path LIKE p.path || '%%' WHERE u.path LIKE %s"),
        "tasks": ("SELECT t.id, t.lead_id, t.deadline_kind, t.due_date FROM plans_task t "
                  "JOIN plans_document d ON d.id = t.document_id WHERE d.is_demo AND d.status = 'published'"),
        "reports": ("SELECT r.task_id, p.\"end\", r.state, r.percent, s.submitted_at, r.completed_on "
                    "FROM reporting_taskreport r JOIN reporting_submission s ON s.id = r.submission_id "
                    "JOIN reporting_reportingperiod p ON p.id = s.period_id WHERE s.state = 'approved' AND s.is_demo"),
        "submissions": ("SELECT s.unit_id, p.due_date, s.submitted_at FROM reporting_submission s "
                        "JOIN reporting_reportingperiod p ON p.id = s.period_id WHERE s.state = 'approved' AND s.is_demo"),
        "vals": ("SELECT v.target_id, COALESCE(v.measured_on, p.\"end\"), v.value FROM reporting_indicatorvalue v "
                 "JOIN reporting_submission s ON s.id = v.submission_id "
                 "JOIN reporting_reportingperiod p ON p.id = s.period_id WHERE s.state = 'approved' AND s.is_demo"),
    }
    db = duckdb.connect()
    schemas = {
        "units": "id BIGINT, province BIGINT",
        "tasks": "id BIGINT, unit BIGINT, kind VARCHAR, due DATE",
        "reports": "task BIGINT, period_end DATE, state VARCHAR, pct INTEGER, reported_at TIMESTAMP, completed_on DATE",
        "submissions": "unit BIGINT, due DATE, submitted_at TIMESTAMP",
        "vals": "target BIGINT, day DATE, value DOUBLE",
    }
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, connection.cursor() as cur:
        for name, sql in queries.items():
            params = [root.pk, f"{root.path}%"] if name == "units" else []
            cur.execute(sql, params)
            path = Path(tmp) / f"{name}.csv"
            with path.open("w", newline="") as fh:
                w = csv.writer(fh)
                while rows := cur.fetchmany(50000):
                    w.writerows(rows)
            db.execute(f"CREATE TABLE {name} ({schemas[name]})")
            db.execute(f"INSERT INTO {name} SELECT * FROM read_csv('{path}', header=false, "
                       f"columns={{{', '.join(repr(c.split()[0]) + ': ' + repr(c.split()[1]) for c in schemas[name].split(', '))}}})")
    print(f"{'duckdb: xuất và nạp dữ liệu (không tính)':<48} {(time.perf_counter() - t) * 1000:>10.0f} ms")
    day = as_of.isoformat()
    aggregation = f"""
        WITH latest AS (
            SELECT task, arg_max(state, (reported_at, period_end)) AS state,
                   arg_max(COALESCE(completed_on, period_end), (reported_at, period_end)) AS done_on
            FROM reports WHERE CAST(reported_at AS DATE) <= DATE '{day}' GROUP BY task),
        status AS (
            SELECT t.id, t.unit, CASE
                WHEN l.task IS NULL THEN 'not_reported'
                WHEN l.state = 'completed' AND l.done_on <= t.due THEN 'completed_on_time'
                WHEN l.state IN ('completed', 'completed_late') THEN 'completed_late'
                WHEN t.due < DATE '{day}' THEN l.state || '_overdue'
                ELSE l.state || '_on_time' END AS status
            FROM tasks t LEFT JOIN latest l ON l.task = t.id
            WHERE t.kind IN ('date', 'month', 'quarter', 'half', 'year', 'range'))
        SELECT u.province, s.status, count(*) FROM status s JOIN units u ON u.id = s.unit GROUP BY ALL
    """
    timeliness = f"""
        SELECT unit, count(*) AS made, count(*) FILTER (WHERE CAST(submitted_at AS DATE) <= due) AS on_time
        FROM submissions WHERE due < DATE '{day}' GROUP BY unit
    """
    latest_values = f"SELECT target, arg_max(value, day) FROM vals WHERE day <= DATE '{day}' GROUP BY target"
    _, took = _timed("duckdb: các truy vấn tổng hợp", lambda: [
        db.execute(sql).fetchall() for sql in (aggregation, timeliness, latest_values)])
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=["national", "medium", "small"], default="national")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 20))
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--skip-duckdb", action="store_true")
    parser.add_argument("--skip-national", action="store_true", help="only the province's dashboard")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)  # a step run in a new process
    args = parser.parse_args()
    if args.child:
        step, day, province, *rest = args.child
        return child_main(step, dt.date.fromisoformat(day), province, int(rest[0]) if rest else None)
    _setup(args.scale, args.reload)
    from django.db import connection

    print(f"CSDL: {connection.vendor}; ngày đánh giá {args.as_of:%d/%m/%Y}")
    figures = bench_database(args.as_of, national=not args.skip_national)
    if not args.skip_duckdb and not args.skip_national:
        duck = bench_duckdb(args.as_of)
        print(f"tỷ lệ quốc gia / duckdb: {figures['national'] / duck:.1f}x "
              f"(engine riêng / duckdb: {figures['engine'] / duck:.1f}x)")
        national_cpu = CPU["quốc gia: đọc dữ liệu từ CSDL"] + CPU["quốc gia: chạy engine"]
        print(f"tỷ lệ theo thời gian CPU (máy dùng chung; không tính CPU của máy chủ PostgreSQL): "
              f"{national_cpu / CPU['duckdb: các truy vấn tổng hợp']:.1f}x")
    print(f"bộ nhớ đỉnh của tiến trình: {_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
