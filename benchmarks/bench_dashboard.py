"""Benchmark: the national evaluation and one province's dashboard, from the database, against DuckDB.

    .venv/bin/python benchmarks/bench_dashboard.py [--scale national|medium|small] [--as-of 2026-11-20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giamsat_bench .venv/bin/python benchmarks/bench_dashboard.py

Without DATABASE_URL it uses its own SQLite file (var/bench/bench.sqlite3); give PostgreSQL a
database of its own, never the one people work in. The synthetic dataset (`giamsat synth`) is
loaded once and reused on later runs (`--reload` loads it again).

The task histories (`TaskHistory`, what the evaluation reads instead of the task report rows) are
rebuilt once after a bulk load, timed apart, as `giamsat rebuild_facts` would.

Measured: the national evaluation from the database (loading the facts, then the engine); one
province's dashboard figures, cold (empty cache) and warm (cached, data unchanged); peak memory
(maximum resident set size of this process). Reference: the same facts exported to DuckDB
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


def bench_database(as_of: dt.date) -> dict[str, float]:
    from django.contrib.auth import get_user_model

    from giamsat.reporting import evaluation
    from giamsat.reporting.management.commands.synth import code_of

    load, run = _national(as_of)
    national = load + run
    user = get_user_model().objects.filter(username="bench-admin").first() or get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.invalid", "bench-admin-password")
    province = code_of("P01")
    evaluation.clear_cache()
    _, cold = _timed(f"tỉnh {province}: dashboard lần đầu (cache trống)", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    _, warm = _timed(f"tỉnh {province}: dashboard lần sau (cache)", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    incremental, after = _incremental(user, as_of, province)
    return {"load": load, "engine": run, "national": national, "cold": cold, "warm": warm,
            "incremental": incremental, "after": after, "rss": _rss_mb()}


def _incremental(user: Any, as_of: dt.date, province: str) -> tuple[float, float]:
    """One more approval in the province: the cached evaluation is updated, not recomputed."""
    from giamsat.reporting import evaluation
    from giamsat.reporting.models import Submission

    sub = Submission.objects.filter(unit__code__startswith=f"{province}-s", state="approved").order_by("-id").first()
    if sub is None:
        return 0.0, 0.0
    sub.save(update_fields=["updated_at"])  # as approve_report would touch it; the data stay the same
    _, took = _timed("một báo cáo được phê duyệt: cập nhật gia tăng", lambda: evaluation.on_submission_approved(sub))
    _, after = _timed(f"tỉnh {province}: dashboard sau cập nhật", lambda: evaluation.dashboard_figures(
        user, as_of=as_of, unit_id=province))
    return took, after


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
    args = parser.parse_args()
    _setup(args.scale, args.reload)
    from django.db import connection

    print(f"CSDL: {connection.vendor}; ngày đánh giá {args.as_of:%d/%m/%Y}")
    figures = bench_database(args.as_of)
    if not args.skip_duckdb:
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
