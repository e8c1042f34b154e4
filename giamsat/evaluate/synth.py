"""A deterministic national-scale synthetic dataset for benchmarks and load tests.

Shape (defaults): one nation root, 34 provinces, ~700 departments (sở) and
3,321 communes, one plan per province/department/commune with 150 tasks and
40 targets, 24 monthly reporting periods (Decree 09 windows) from
"Tháng 1/2025", task reports in every month a task is active, quarterly target
values, one submission per unit and month. About 1 % of units stop reporting
in the last months, a few values are deliberately wrong (percent > 100, a
cumulative stock that falls, a spike) so every check and warning fires.

Everything is drawn from one `random.Random(seed)`: the same seed gives the
same dataset. `rows` turns the dataset into plain tuples per table (column
names in `COLUMNS`) for bulk loading into PostgreSQL or DuckDB.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from giamsat.domain.deadline import DeadlineSpec, Recurrence
from giamsat.domain.states import Comparator, Direction, Frequency, ReportedTaskState, SubmissionState
from giamsat.evaluate.model import (
    Dataset,
    EvalConfig,
    Milestone,
    RollupRule,
    SubmissionFacts,
    TargetFacts,
    TaskFacts,
    TaskReportFact,
    UnitRef,
)
from giamsat.evaluate.periods import DECREE_09, Period, periods_for_years
from giamsat.evaluate.util import paused_gc

NATION = "VN"
IN_PROGRESS = ReportedTaskState.IN_PROGRESS
NOT_STARTED = ReportedTaskState.NOT_STARTED
COMPLETED = ReportedTaskState.COMPLETED
CASCADED_TARGETS = 5  # the first targets of a department/commune plan feed the province's


def _spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split `total` into `parts` positive integers that vary by about ±30 %."""
    weights = [0.7 + 0.6 * rng.random() for _ in range(parts)]
    s = sum(weights)
    counts = [max(1, int(total * w / s)) for w in weights]
    i = 0
    while sum(counts) < total:
        counts[i % parts] += 1
        i += 1
    while sum(counts) > total:
        if counts[i % parts] > 1:
            counts[i % parts] -= 1
        i += 1
    return counts


def _deadline_pool(first_year: int) -> list[tuple[DeadlineSpec, float]]:
    """Shared (immutable) deadline specs with their probability weights."""
    pool: list[tuple[DeadlineSpec, float]] = []
    for y in range(first_year, first_year + 6):
        pool.append((DeadlineSpec.in_year(y, f"Năm {y}"), 3.0))
        for q in range(1, 5):
            pool.append((DeadlineSpec.in_quarter(y, q, f"Quý {q}/{y}"), 1.0))
        for h in (1, 2):
            pool.append((DeadlineSpec.in_half(y, h, f"6 tháng {h}/{y}"), 0.7))
        for m in (3, 6, 9, 12):
            pool.append((DeadlineSpec.in_month(y, m, f"{m}/{y}"), 0.6))
            pool.append((DeadlineSpec.on(dt.date(y, m, 15), f"15/{m}/{y}"), 0.4))
    pool.append((DeadlineSpec.between_years(first_year, first_year + 2, "2025-2027"), 3.0))
    pool.append((DeadlineSpec.between_years(first_year, first_year + 5, "2025-2030"), 3.0))
    pool.append((DeadlineSpec.every(Recurrence.MONTHLY, "Hằng tháng"), 4.0))
    pool.append((DeadlineSpec.every(Recurrence.QUARTERLY, "Hằng quý"), 5.0))
    pool.append((DeadlineSpec.every(Recurrence.ANNUAL, "Hằng năm"), 3.0))
    pool.append((DeadlineSpec.continuous("Thường xuyên"), 12.0))
    pool.append((DeadlineSpec.when("Ngay khi văn bản được ban hành", "Ngay khi văn bản được ban hành"), 6.0))
    pool.append((DeadlineSpec.unknown("Theo tiến độ"), 3.0))
    return pool


def generate(seed: int = 57, provinces: int = 34, departments: int = 700, communes: int = 3321,
             tasks_per_plan: int = 150, targets_per_plan: int = 40, months: int = 24,
             first_year: int = 2025) -> Dataset:
    """The dataset for `seed` (same seed, same data). About 10 s and 1.2 GB at national scale."""
    with paused_gc():
        return _generate(seed, provinces, departments, communes, tasks_per_plan, targets_per_plan, months,
                         first_year)


def _generate(seed: int, provinces: int, departments: int, communes: int, tasks_per_plan: int,
              targets_per_plan: int, months: int, first_year: int) -> Dataset:
    rng = random.Random(seed)
    rand = rng.random
    randrange = rng.randrange
    periods: list[Period] = periods_for_years(Frequency.MONTHLY, first_year,
                                              first_year + (months - 1) // 12, DECREE_09)[:months]
    # units
    units = [UnitRef(NATION, None, "nation", "Toàn quốc")]
    plan_units: list[tuple[str, str]] = []  # (unit id, province id)
    deps = _spread(departments, provinces, rng)
    coms = _spread(communes, provinces, rng)
    for p in range(provinces):
        pid = f"P{p + 1:02d}"
        units.append(UnitRef(pid, NATION, "province", f"Tỉnh {p + 1}"))
        plan_units.append((pid, pid))
        for d in range(deps[p]):
            uid = f"{pid}-S{d + 1:02d}"
            units.append(UnitRef(uid, pid, "department", f"Sở {d + 1} – Tỉnh {p + 1}"))
            plan_units.append((uid, pid))
        for c in range(coms[p]):
            uid = f"{pid}-X{c + 1:03d}"
            units.append(UnitRef(uid, pid, "commune", f"Xã {c + 1} – Tỉnh {p + 1}"))
            plan_units.append((uid, pid))

    pool = _deadline_pool(first_year)
    specs = [s for s, _ in pool]
    cum: list[float] = []
    acc = 0.0
    for _, w in pool:
        acc += w
        cum.append(acc)
    spec_choices = rng.choices(range(len(specs)), cum_weights=cum, k=4096)

    plan_day = dt.date(first_year - 1, 12, 1)
    # shared date objects: submission day per (period, delay)
    delays = list(range(-10, 46))
    sub_day = [{d: p.due_date + dt.timedelta(days=d) for d in delays} for p in periods]
    ends = [p.end for p in periods]
    quarter_days = [dt.date(first_year + q // 4, 3 * (q % 4) + 3, 28) for q in range(months // 3)]
    baseline_day = dt.date(first_year - 1, 12, 31)

    tasks: list[TaskFacts] = []
    targets: list[TargetFacts] = []
    subs: list[SubmissionFacts] = []
    n_units = len(plan_units)
    stoppers = {plan_units[i][0] for i in rng.sample(range(n_units), max(1, n_units // 100))}
    # lazy units skip some periodic work: a few fixed masks of months
    masks = [tuple(rand() < 0.5 for _ in range(months)) for _ in range(8)]
    # one-off progress curves: (start month, speed %/month) -> state and percent by month, cut at completion
    curves: dict[tuple[int, int], list[tuple[int, ReportedTaskState, int]]] = {}
    for s0 in range(14):
        for sp in range(0, 18):
            seq: list[tuple[int, ReportedTaskState, int]] = []
            for m in range(max(0, s0 - 1), months):
                if m < s0:
                    seq.append((m, NOT_STARTED, 0))
                    continue
                pc = min(100, sp * (m - s0 + 1) + (0 if sp == 0 else 2))
                seq.append((m, COMPLETED if pc >= 100 else IN_PROGRESS, pc))  # stays completed
            curves[(s0, sp)] = seq
    Cols = tuple[list[dt.date], list[ReportedTaskState], list[int], list[dt.date]]
    make = TaskReportFact

    for uid, pid in plan_units:
        # ---- reporting behaviour of the unit
        miss_p = rand() * 0.08
        late_p = rand() * 0.3
        stop_at = months - 2 - randrange(3) if uid in stoppers else months
        rep_days: list[dt.date | None] = []
        for m in range(months):
            if m >= stop_at or rand() < miss_p:
                rep_days.append(None)
                continue
            delay = randrange(1, 45) if rand() < late_p else -randrange(0, 10)
            rep_days.append(sub_day[m][delay])
            subs.append(SubmissionFacts(uid, periods[m].key, sub_day[m][delay], periods[m].due_date,
                                        1 if rand() < 0.1 else 0, SubmissionState.APPROVED))
        cache: dict[tuple[int, int, int], Cols] = {}

        def columns(key: tuple[int, int, int], rep_days: list[dt.date | None] = rep_days) -> Cols:
            """Report columns for one behaviour at this unit (built once, objects made per task)."""
            kind_code, a, b = key
            e: list[dt.date] = []
            s: list[ReportedTaskState] = []
            pcs: list[int] = []
            ds: list[dt.date] = []
            if kind_code == 0:  # one-off curve (a = start, b = speed), cut after the first completion
                seq = [c for c in curves[(a, b)] if rep_days[c[0]] is not None]
                for i, c in enumerate(seq):
                    if c[1] is COMPLETED:
                        del seq[i + 1:]
                        break
                e = [ends[c[0]] for c in seq]
                s = [c[1] for c in seq]
                pcs = [c[2] for c in seq]
                ds = [rep_days[c[0]] or ends[0] for c in seq]
            else:  # periodic (kind 1 continuous, 2 recurring; a = step, b = mask or -1)
                for m in range(months):
                    day = rep_days[m]
                    if day is None:
                        continue
                    active = b < 0 or masks[b][m]
                    if kind_code == 1:
                        st, pc = (IN_PROGRESS, 100) if active else (NOT_STARTED, 0)
                    elif (m + 1) % a == 0 and active:
                        st, pc = COMPLETED, 100
                    else:
                        st, pc = IN_PROGRESS, 50
                    e.append(ends[m])
                    s.append(st)
                    pcs.append(pc)
                    ds.append(day)
            return e, s, pcs, ds

        # ---- targets
        tids = [f"{uid}-T{k + 1:02d}" for k in range(targets_per_plan)]
        for k, tid in enumerate(tids):
            targets.append(_target(rng, tid, uid, pid, k, quarter_days, baseline_day, first_year))

        # ---- tasks
        for j in range(tasks_per_plan):
            spec = specs[spec_choices[randrange(4096)]]
            served = (tids[int(rand() * targets_per_plan)],) if rand() < 0.8 else ()
            kind = spec.kind.value
            trigger = None
            if kind == "continuous" or kind == "recurring":
                rec = spec.recurrence
                step = 3 if rec is Recurrence.QUARTERLY else 12 if rec is Recurrence.ANNUAL else 1
                key = (1 if kind == "continuous" else 2, step, int(rand() * 8) if rand() < 0.1 else -1)
            else:
                if kind == "conditional" and rand() < 0.5:
                    trigger = ends[int(rand() * months)]
                speed = 3 + int(rand() * 15)
                if rand() < 0.05:
                    speed = 0  # stalled
                key = (0, int(rand() * 14), speed)
            cols = cache.get(key)
            if cols is None:
                cols = cache[key] = columns(key)
            reps = list(map(make, *cols))
            if reps and rand() < 0.0005:
                reps[-1].percent = 130  # a typo the checks must catch
            tasks.append(TaskFacts(f"{uid}-N{j + 1:03d}", uid, spec, reps, plan_day, trigger, served))
    cfg = EvalConfig(regime=DECREE_09, reporting_frequency=Frequency.MONTHLY,
                     reporting_start=periods[0].due_date)
    return Dataset(units, tasks, targets, subs, cfg)


_COMPARATORS = [(Comparator.GE, 45), (Comparator.GT, 5), (Comparator.LE, 12), (Comparator.LT, 3),
                (Comparator.EQ, 5), (Comparator.RANGE, 5), (Comparator.RANK_TOP, 10), (Comparator.TEXT, 15)]
_CMP_LIST = [c for c, w in _COMPARATORS for _ in range(w)]


def _target(rng: random.Random, tid: str, uid: str, pid: str, k: int, days: list[dt.date],
            baseline_day: dt.date, first_year: int) -> TargetFacts:
    rand = rng.random
    cmp = _CMP_LIST[int(rand() * len(_CMP_LIST))]
    n = len(days)
    pace = rand() * 1.6  # 1.0 = exactly on the planned line
    noise = 0.02 + rand() * 0.05
    ms1, ms2 = first_year, first_year + 5
    cascade = k < CASCADED_TARGETS and uid != pid
    parent = f"{pid}-T{k + 1:02d}" if cascade else None
    if cmp is Comparator.TEXT:
        level = 0.0
        vals = []
        for d in days:
            if rand() < 0.15 * pace:
                level = min(1.0, level + 0.5)
            vals.append((d, level))
        return TargetFacts(tid, uid, cmp, Direction.HIGHER_IS_BETTER, (Milestone(ms2, 1.0, text="Đạt"),),
                           0.0, baseline_day, vals, name=f"Chỉ tiêu định tính {k + 1}")
    if cmp is Comparator.RANK_TOP:
        base = 20.0 + int(rand() * 40)
        goal1, goal2 = base - 5, max(1.0, base - 20)
        direction = Direction.LOWER_IS_BETTER
    elif cmp in (Comparator.LE, Comparator.LT):
        base = 10.0 + rand() * 40
        goal1, goal2 = base * 0.9, base * 0.5
        direction = Direction.LOWER_IS_BETTER
    else:
        base = 20.0 + rand() * 40
        goal1, goal2 = base * 1.1, min(99.0, base * 1.6)
        direction = Direction.HIGHER_IS_BETTER
    is_percent = cmp is not Comparator.RANK_TOP and rand() < 0.6
    monotone = not is_percent and direction is Direction.HIGHER_IS_BETTER and cmp is not Comparator.EQ
    horizon = (dt.date(ms2, 12, 31) - baseline_day).days
    vals2: list[tuple[dt.date, float]] = []
    level = base
    for d in days:
        frac = (d - baseline_day).days / horizon
        planned = base + frac * (goal2 - base)
        v = base + pace * (planned - base) + noise * base * (rand() - 0.5)
        if monotone:
            v = max(v, level)
        if cmp is Comparator.RANK_TOP:
            v = float(max(1, round(v)))
        level = v
        vals2.append((d, round(v, 3)))
    r = rand()
    if r < 0.01 and n > 2:
        i = 2 + int(rand() * (n - 2))
        d, v = vals2[i]
        vals2[i] = (d, 120.0 if is_percent else v * 10)  # impossible / spike
    elif r < 0.015 and monotone and n > 3:
        d, v = vals2[-1]
        vals2[-1] = (d, v * 0.5)  # a cumulative stock that falls
    if cmp is Comparator.RANGE:
        milestones: tuple[Milestone, ...] = (Milestone(ms1, goal1, goal1 * 1.3), Milestone(ms2, goal2, goal2 * 1.2))
    elif cmp is Comparator.EQ:
        milestones = (Milestone(ms2, round(goal2, 1)),)
    else:
        milestones = (Milestone(ms1, goal1), Milestone(ms2, goal2))
    rule = RollupRule.NONE
    if cascade:
        rule = RollupRule.RATIO if is_percent else RollupRule.SUM
    return TargetFacts(tid, uid, cmp, direction, milestones, round(base, 3), baseline_day, vals2,
                       monotone=monotone, is_percent=is_percent,
                       plausible_min=0.0, plausible_max=None if not is_percent else 100.0,
                       parent_target_id=parent, rollup=rule,
                       denominator=float(1000 + int(rand() * 5000)) if rule is RollupRule.RATIO else None,
                       name=f"Chỉ tiêu {k + 1}")


# --------------------------------------------------------------------------- rows for bulk loading

COLUMNS: dict[str, tuple[str, ...]] = {
    "units": ("id", "parent_id", "kind", "name"),
    "tasks": ("id", "unit_id", "deadline_kind", "deadline_raw", "deadline_start", "deadline_end",
              "recurrence", "condition", "assigned_on", "trigger_date", "name"),
    "task_targets": ("task_id", "target_id"),
    "task_reports": ("task_id", "period_end", "state", "percent", "reported_on", "completed_on"),
    "targets": ("id", "unit_id", "comparator", "direction", "baseline", "baseline_date", "monotone",
                "is_percent", "plausible_min", "plausible_max", "parent_target_id", "rollup",
                "denominator", "name"),
    "milestones": ("target_id", "year", "value", "upper", "text"),
    "target_values": ("target_id", "on", "value"),
    "submissions": ("unit_id", "period", "submitted_at", "due_date", "returned_count", "state"),
}


def rows(ds: Dataset) -> dict[str, Iterator[tuple[Any, ...]]]:
    """Lazy rows per table, in `COLUMNS` order; enums as their values, dates as `datetime.date`."""

    def units() -> Iterator[tuple[Any, ...]]:
        for u in ds.units:
            yield (u.id, u.parent_id, u.kind, u.name)

    def tasks() -> Iterator[tuple[Any, ...]]:
        for t in ds.tasks:
            s = t.deadline
            yield (t.id, t.unit_id, s.kind.value, s.raw, s.start, s.end,
                   s.recurrence.value if s.recurrence else None, s.condition, t.assigned_on, t.trigger_date,
                   t.name)

    def task_targets() -> Iterator[tuple[Any, ...]]:
        for t in ds.tasks:
            for g in t.target_ids:
                yield (t.id, g)

    def task_reports() -> Iterator[tuple[Any, ...]]:
        for t in ds.tasks:
            tid = t.id
            for r in t.reports:
                yield (tid, r.period_end, r.state.value, r.percent, r.reported_on, r.completed_on)

    def targets() -> Iterator[tuple[Any, ...]]:
        for g in ds.targets:
            yield (g.id, g.unit_id, g.comparator.value, g.direction.value, g.baseline, g.baseline_date,
                   g.monotone, g.is_percent, g.plausible_min, g.plausible_max, g.parent_target_id,
                   g.rollup.value, g.denominator, g.name)

    def milestones() -> Iterator[tuple[Any, ...]]:
        for g in ds.targets:
            for m in g.milestones:
                yield (g.id, m.year, m.value, m.upper, m.text)

    def target_values() -> Iterator[tuple[Any, ...]]:
        for g in ds.targets:
            gid = g.id
            for d, v in g.values:
                yield (gid, d, v)

    def submissions() -> Iterator[tuple[Any, ...]]:
        for s in ds.submissions:
            yield (s.unit_id, s.period, s.submitted_at, s.due_date, s.returned_count, s.state.value)

    return {"units": units(), "tasks": tasks(), "task_targets": task_targets(),
            "task_reports": task_reports(), "targets": targets(), "milestones": milestones(),
            "target_values": target_values(), "submissions": submissions()}


def dict_rows(ds: Dataset, table: str) -> Iterator[dict[str, Any]]:
    cols = COLUMNS[table]
    for row in rows(ds)[table]:
        yield dict(zip(cols, row, strict=True))
