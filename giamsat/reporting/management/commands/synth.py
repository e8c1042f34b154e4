"""`giamsat synth [--scale national|medium|small] [--seed N] [--replace]`: a synthetic dataset in the real tables.

Uses the engine's generator (`giamsat.evaluate.synth`) and writes it under one clearly named root
unit, "synth-vn" (Dữ liệu tổng hợp), every row marked ``is_demo`` where the table has the flag:
units, one published plan per unit with its targets, milestones and tasks, monthly periods,
approved submissions, task reports and indicator values.

Mapping the engine's facts to rows (what the evaluation reads back):
- a conditional task's trigger date goes into its deadline's ``extra["trigger_date"]``;
- a target is a percentage when its unit of measure is "%"; its parent target is ``serves``;
- each task report and indicator value hangs on the unit's submission for the period it
  belongs to (an indicator value dated on a day with no report goes to the next report, or the
  last one before it);
- cumulative-stock flags and cascade denominators have no column: they are not stored.

Fast: ``bulk_create`` in batches for the small tables; the two big ones (task reports and
indicator values) go through ``executemany``, or COPY on PostgreSQL; then ANALYZE.
"""

from __future__ import annotations

import datetime as dt
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from giamsat.audit.actions import record
from giamsat.domain.states import Comparator, Frequency
from giamsat.evaluate import synth
from giamsat.evaluate.model import Dataset, TargetFacts
from giamsat.evaluate.periods import period_from_key
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.plans.models import Document, DocumentKind, DocumentStatus, Milestone, Target, Task
from giamsat.reporting.models import IndicatorValue, ReportingPeriod, Submission, TaskReport

ROOT_CODE = "synth-vn"
ROOT_NAME = "Dữ liệu tổng hợp — Toàn quốc (thử nghiệm hiệu năng)"
SCALES: dict[str, dict[str, int]] = {
    "national": {},
    "medium": {"provinces": 6, "departments": 120, "communes": 580},
    "small": {"provinces": 2, "departments": 6, "communes": 12, "tasks_per_plan": 20, "targets_per_plan": 8},
}
KINDS = {"nation": UnitKind.CENTRAL, "province": UnitKind.PROVINCE, "department": UnitKind.DEPARTMENT,
         "commune": UnitKind.COMMUNE}
THEMES = ("chinh-quyen-so", "kinh-te-so", "xa-hoi-so", "khoa-hoc-cong-nghe", "doi-moi-sang-tao")
BATCH = 5000


def code_of(synth_id: str) -> str:
    """The OrgUnit code of a synthetic unit: "P01-S03" → "synth-p01-s03"; the nation is the root."""
    return ROOT_CODE if synth_id == synth.NATION else f"synth-{synth_id.lower()}"


class Command(BaseCommand):
    help = "Sinh dữ liệu tổng hợp quy mô quốc gia (34 tỉnh, 3.321 xã, ~700 sở) vào cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), default="national")
        parser.add_argument("--seed", type=int, default=57)
        parser.add_argument("--replace", action="store_true", help="xoá dữ liệu tổng hợp cũ trước khi sinh")

    def handle(self, *args: Any, **options: Any) -> None:
        if OrgUnit.objects.filter(code=ROOT_CODE).exists():
            if not options["replace"]:
                raise CommandError("Đã có dữ liệu tổng hợp (đơn vị “synth-vn”); dùng --replace để sinh lại.")
            self._say("Xoá dữ liệu tổng hợp cũ…")
            delete_synthetic()
        started = time.perf_counter()
        dataset = synth.generate(seed=options["seed"], **SCALES[options["scale"]])
        self._say(f"Đã sinh {len(dataset.units):,} đơn vị, {len(dataset.tasks):,} nhiệm vụ "
                  f"({time.perf_counter() - started:.1f} giây); đang ghi vào cơ sở dữ liệu…")
        counts = load(dataset, say=self._say)
        total = time.perf_counter() - started
        self._say("Xong trong {:.1f} giây: {}".format(total, ", ".join(f"{k} {v:,}" for k, v in counts.items())))
        self._say("Chạy “giamsat rebuild_facts” để dựng dữ liệu tổng hợp cho đánh giá nhanh (một lần, sau khi nạp).")

    def _say(self, text: str) -> None:
        self.stdout.write(text.replace(",", "."))


def delete_synthetic() -> None:
    """Remove everything under the synthetic root, children before parents (set-based deletes)."""
    root = OrgUnit.objects.get(code=ROOT_CODE)
    units = OrgUnit.objects.filter(path__startswith=root.path)
    docs = Document.objects.filter(owner__in=units)
    with transaction.atomic():
        TaskReport.objects.filter(submission__unit__in=units).delete()
        IndicatorValue.objects.filter(submission__unit__in=units).delete()
        Submission.objects.filter(unit__in=units).delete()
        ReportingPeriod.objects.filter(document__in=docs).delete()
        Task.serves_targets.through.objects.filter(task__document__in=docs).delete()
        Task.objects.filter(document__in=docs).delete()
        Milestone.objects.filter(target__document__in=docs).delete()
        Target.objects.filter(document__in=docs, serves__isnull=False).delete()
        Target.objects.filter(document__in=docs).delete()
        docs.delete()
        by_depth: dict[int, list[int]] = {}
        for pk, path in units.values_list("id", "path"):
            by_depth.setdefault(path.count("/"), []).append(pk)
        for depth in sorted(by_depth, reverse=True):  # children before parents (PROTECT)
            for chunk in _chunks(by_depth[depth], 500):
                OrgUnit.objects.filter(pk__in=chunk).delete()
        record("system", "reporting.synthetic_deleted", object_type="org.OrgUnit", object_id=root.pk)


# --------------------------------------------------------------------------- loading


def load(ds: Dataset, say: Callable[[str], None] = lambda _s: None) -> dict[str, int]:
    """Write the dataset into the real tables in one transaction; returns row counts per table."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:  # index pages stay in memory: ~10x faster for millions of rows
            cur.execute("PRAGMA cache_size = -1000000")
    with transaction.atomic():
        units = _units(ds)
        say(f"  đơn vị: {len(units):,}")
        plan_units = sorted({t.unit_id for t in ds.tasks} | {g.unit_id for g in ds.targets}
                            | {s.unit_id for s in ds.submissions})
        docs = _documents(plan_units, units)
        periods = _periods(ds, docs)
        targets = _targets(ds, docs, units)
        say(f"  kế hoạch: {len(docs):,}, kỳ báo cáo: {len(periods):,}, chỉ tiêu: {len(targets):,}")
        tasks = _tasks(ds, docs, units, targets)
        say(f"  nhiệm vụ: {len(tasks):,}")
        subs = _submissions(ds, units, periods)
        say(f"  báo cáo: {len(subs):,}")
        n_reports = _task_reports(ds, tasks, subs, periods)
        say(f"  dòng báo cáo nhiệm vụ: {n_reports:,}")
        n_values = _values(ds, targets, subs)
        counts = {"đơn vị": len(units), "kế hoạch": len(docs), "kỳ báo cáo": len(periods), "chỉ tiêu": len(targets),
                  "nhiệm vụ": len(tasks), "báo cáo": len(subs), "báo cáo nhiệm vụ": n_reports, "số liệu": n_values}
        record("system", "reporting.synthetic_loaded", object_type="org.OrgUnit", object_id=units[synth.NATION],
               after=counts)
    _analyze()
    return counts


def _analyze() -> None:
    """Fresh planner statistics: right after a bulk load they are stale, and PostgreSQL then scans all
    8 million task reports for one province instead of using the index (2 s instead of 0.4 s)."""
    tables = [m._meta.db_table for m in (OrgUnit, Document, Target, Milestone, Task, Task.serves_targets.through,
                                         ReportingPeriod, Submission, TaskReport, IndicatorValue)]
    with connection.cursor() as cur:
        for table in tables:
            cur.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _units(ds: Dataset) -> dict[str, int]:
    """Insert the tree level by level (bulk), then set the materialised paths."""
    root = OrgUnit(code=ROOT_CODE, name=ROOT_NAME, kind=UnitKind.CENTRAL, is_demo=True,
                   note="Sinh bởi lệnh `giamsat synth`; xoá bằng `giamsat synth --replace`.")
    root.save()
    pks = {synth.NATION: root.pk}
    paths = {synth.NATION: root.path}
    level = [u for u in ds.units if u.parent_id == synth.NATION]
    while level:
        rows = [OrgUnit(code=code_of(u.id), name=u.name, kind=KINDS.get(u.kind, UnitKind.OTHER),
                        parent_id=pks[u.parent_id], is_demo=True) for u in level if u.parent_id is not None]
        OrgUnit.objects.bulk_create(rows, batch_size=BATCH)
        for u, row in zip(level, rows, strict=True):
            pks[u.id] = row.pk
            row.path = f"{paths[u.parent_id or synth.NATION]}{row.pk}/"
            paths[u.id] = row.path
        OrgUnit.objects.bulk_update(rows, ["path"], batch_size=1000)
        ids = {u.id for u in level}
        level = [u for u in ds.units if u.parent_id in ids]
    return pks


def _documents(plan_units: list[str], units: dict[str, int]) -> dict[str, int]:
    now = timezone.now()
    rows = [Document(number=f"{i + 1}/KH-TH", kind=DocumentKind.PLAN, issuer_id=units[uid], owner_id=units[uid],
                     issued_on=dt.date(2024, 12, 1), title=f"Kế hoạch tổng hợp {uid}",
                     status=DocumentStatus.PUBLISHED, published_at=now, is_demo=True)
            for i, uid in enumerate(plan_units)]
    Document.objects.bulk_create(rows, batch_size=BATCH)
    return {uid: row.pk for uid, row in zip(plan_units, rows, strict=True)}


def _periods(ds: Dataset, docs: dict[str, int]) -> dict[tuple[str, str], int]:
    """One row per plan and monthly period; keyed (unit id, period key)."""
    keys = sorted({s.period for s in ds.submissions})
    engine_periods = [period_from_key(k) for k in keys]
    rows: list[ReportingPeriod] = []
    index: list[tuple[str, str]] = []
    for uid, doc in docs.items():
        for p in engine_periods:
            rows.append(ReportingPeriod(document_id=doc, frequency=Frequency.MONTHLY.value, year=p.year,
                                        index=p.index, label=p.label, start=p.start, end=p.end,
                                        due_date=p.due_date, key=p.key))
            index.append((uid, p.key))
    ReportingPeriod.objects.bulk_create(rows, batch_size=BATCH)
    return {k: row.pk for k, row in zip(index, rows, strict=True)}


def _target_row(g: TargetFacts, k: int, doc: int, unit: int, serves: int | None) -> Target:
    uom = "%" if g.is_percent else ("hạng" if g.comparator is Comparator.RANK_TOP else "chỉ số")
    base_year = g.baseline_date.year if g.baseline_date else None
    return Target(document_id=doc, responsible_id=unit, code=f"CT{k + 1}", name=g.name, unit_of_measure=uom,
                  direction=g.direction.value, baseline_value=g.baseline, baseline_year=base_year,
                  theme=THEMES[k % len(THEMES)], serves_id=serves, order=k, monotone=g.monotone,
                  cascade_denominator=None if g.denominator is None else Decimal(str(g.denominator)))


def _targets(ds: Dataset, docs: dict[str, int], units: dict[str, int]) -> dict[str, int]:
    """Parents first (province plans), so every child can point at its parent target."""
    pks: dict[str, int] = {}
    first = [g for g in ds.targets if g.parent_target_id is None]
    second = [g for g in ds.targets if g.parent_target_id is not None]
    for group in (first, second):
        for chunk in _chunks(group, BATCH):
            rows = [_target_row(g, int(g.id.rsplit("-T", 1)[1]) - 1, docs[g.unit_id], units[g.unit_id],
                                pks.get(g.parent_target_id) if g.parent_target_id else None) for g in chunk]
            Target.objects.bulk_create(rows)
            pks.update((g.id, row.pk) for g, row in zip(chunk, rows, strict=True))
    milestones = (Milestone(target_id=pks[g.id], year=m.year, comparator=g.comparator.value, value=m.value,
                            value_high=m.upper, raw_text=m.text) for g in ds.targets for m in g.milestones)
    for chunk in _chunks(milestones, BATCH):
        Milestone.objects.bulk_create(chunk)
    return pks


def _tasks(ds: Dataset, docs: dict[str, int], units: dict[str, int], targets: dict[str, int]) -> dict[str, int]:
    pks: dict[str, int] = {}
    specs: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ds.tasks, BATCH):
        rows = []
        for t in chunk:
            spec = t.deadline
            data = specs.get(id(spec))
            if data is None:
                data = specs[id(spec)] = spec.to_dict()
            if t.trigger_date is not None:
                data = {**data, "extra": {**data.get("extra", {}), "trigger_date": t.trigger_date.isoformat()}}
            rows.append(Task(document_id=docs[t.unit_id], lead_id=units[t.unit_id], code=t.id.rsplit("-", 1)[1],
                             name=t.name or f"Nhiệm vụ {t.id.rsplit('-N', 1)[1]}", deadline=data,
                             deadline_kind=spec.kind.value, due_date=spec.due_date, deadline_text=spec.raw,
                             order=int(t.id.rsplit("-N", 1)[1])))
        Task.objects.bulk_create(rows)
        pks.update((t.id, row.pk) for t, row in zip(chunk, rows, strict=True))
    through = Task.serves_targets.through
    links = (through(task_id=pks[t.id], target_id=targets[g]) for t in ds.tasks for g in t.target_ids)
    for chunk in _chunks(links, BATCH):
        through.objects.bulk_create(chunk)
    return pks


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def _submissions(ds: Dataset, units: dict[str, int], periods: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """Approved on the day they were sent (so a report counts from its reporting day)."""
    pks: dict[tuple[str, str], int] = {}
    for chunk in _chunks(ds.submissions, BATCH):
        rows = [Submission(period_id=periods[(s.unit_id, s.period)], unit_id=units[s.unit_id], state=s.state.value,
                           submitted_at=_moment(s.submitted_at, 2) if s.submitted_at else None,
                           approved_at=_moment(s.submitted_at, 3) if s.submitted_at else None,
                           return_count=s.returned_count, is_demo=True) for s in chunk]
        Submission.objects.bulk_create(rows)
        pks.update(((s.unit_id, s.period), row.pk) for s, row in zip(chunk, rows, strict=True))
    return pks


def _period_keys(ds: Dataset) -> tuple[dict[dt.date, str], list[tuple[dt.date, str]]]:
    ends: dict[dt.date, str] = {}
    for key in {s.period for s in ds.submissions}:
        ends[period_from_key(key).end] = key
    return ends, sorted(ends.items())


def _task_reports(ds: Dataset, tasks: dict[str, int], subs: dict[tuple[str, str], int],
                  periods: dict[tuple[str, str], int]) -> int:
    ends, _ordered = _period_keys(ds)

    def rows() -> Iterator[dict[str, Any]]:
        for t in ds.tasks:
            task_pk = tasks[t.id]
            for r in t.reports:
                sub = subs.get((t.unit_id, ends[r.period_end]))
                if sub is None:
                    continue
                yield {"submission_id": sub, "task_id": task_pk, "is_lead": True, "state": r.state.value,
                       "percent": int(r.percent or 0), "completed_on": r.completed_on}

    return bulk_insert(TaskReport, ("submission_id", "task_id", "is_lead", "state", "percent", "completed_on"), rows())


def _values(ds: Dataset, targets: dict[str, int], subs: dict[tuple[str, str], int]) -> int:
    """Each value on the first report at or after its date that does not hold one for the target yet
    (else the latest one before it: the last values fall after the last period)."""
    _ends, ordered = _period_keys(ds)
    ends = [e for e, _k in ordered]

    def rows() -> Iterator[dict[str, Any]]:
        for g in ds.targets:
            used: set[int] = set()
            target_pk = targets[g.id]
            for day, value in sorted(g.values):
                start = bisect_left(ends, day)
                for i in [*range(start, len(ordered)), *range(start - 1, -1, -1)]:
                    sub = subs.get((g.unit_id, ordered[i][1]))
                    if sub is not None and sub not in used:
                        used.add(sub)
                        yield {"submission_id": sub, "target_id": target_pk, "value": value, "measured_on": day}
                        break

    return bulk_insert(IndicatorValue, ("submission_id", "target_id", "value", "measured_on"), rows())


# --------------------------------------------------------------------------- raw bulk insert


def bulk_insert(model: type[models.Model], given: tuple[str, ...], rows: Iterable[dict[str, Any]],
                batch: int = 20000) -> int:
    """Insert many rows without model instances: ``executemany``, or COPY on PostgreSQL.

    Columns not in `given` take the field's default. Values must already be plain Python values.
    """
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = [f.column for f in fields]
    names = [f.attname for f in fields]
    defaults = {f.attname: f.get_default() for f in fields if f.attname not in given}
    table = connection.ops.quote_name(model._meta.db_table)
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    dates = {f.attname for f in fields if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)}
    decimals = {f.attname for f in fields if isinstance(f, models.DecimalField)}

    def tuples() -> Iterator[tuple[Any, ...]]:
        for r in rows:
            full = {**defaults, **r}
            out = []
            for n in names:
                v = full[n]
                if v is not None and n in decimals:
                    v = str(round(v, 4))
                elif v is not None and n in dates and connection.vendor == "sqlite":
                    v = v.isoformat()
                out.append(v)
            yield tuple(out)

    count = 0
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            with cur.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for t in tuples():
                    copy.write_row(t)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})"
        for chunk in _chunks(tuples(), batch):
            cur.executemany(sql, chunk)
            count += len(chunk)
    return count


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
