"""Task status as of a date, in the Government's taxonomy for assigned tasks.

Rules (each is tested in tests/test_tasks.py):

- Only reports known on ``as_of`` count (``reported_on <= as_of``); the latest
  (by ``reported_on``, then ``period_end``) gives the task's state.
- One-off deadlines (date, month, quarter, half, year, range): due on
  ``deadline.end``; overdue when ``as_of`` is after it. Completion is dated
  ``completed_on`` if given, else the report's ``period_end`` (the data window
  in which completion was reported); on time iff that date <= due and the unit
  did not itself report "completed late".
- No report at all: ``NOT_REPORTED`` (``overdue`` still says whether the
  deadline passed).
- At risk: a task neither completed nor overdue whose deadline is within
  `AT_RISK_HORIZON_DAYS` and whose reported percent (0 if not started) is more
  than `AT_RISK_GAP_POINTS` below the expected percent. Expected percent is the
  elapsed share of the window from ``assigned_on`` (else ``deadline.start``)
  to the deadline; when there is no window (a bare date) the last
  `AT_RISK_HORIZON_DAYS` before the deadline are taken as the window.
- Recurring: judged per period of the recurrence; continuous: per reporting
  period, on whether activity was reported. The series starts at the
  deadline's ``start``, else ``assigned_on``, else ``EvalConfig.reporting_start``;
  occurrences whose report fell due before ``reporting_start`` are not judged. An occurrence is closed once its
  report due date has passed: then no report means ``NOT_REPORTED``, a report
  without completion/activity means overdue. The task's status is the latest
  closed occurrence's (the open one's if none is closed).
- Conditional: not due until ``trigger_date`` is recorded; then due
  ``deadline.extra["within_days"]`` (default `EvalConfig.conditional_default_days`)
  days after the trigger and judged as a one-off.
- Unknown deadline: judged on the reported state only, never overdue; the
  engine also raises a data issue so the approver fixes the deadline.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import lru_cache

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec
from giamsat.domain.states import Frequency, ReportedTaskState, TaskStatus
from giamsat.evaluate.model import EvalConfig, OccurrenceResult, TaskFacts, TaskReportFact, TaskResult
from giamsat.evaluate.periods import Period, occurrences
from giamsat.evaluate.util import vn_date

AT_RISK_HORIZON_DAYS = 90
AT_RISK_GAP_POINTS = 20.0

_DONE = (ReportedTaskState.COMPLETED, ReportedTaskState.COMPLETED_LATE)
_COMPLETED = ReportedTaskState.COMPLETED
_COMPLETED_LATE = ReportedTaskState.COMPLETED_LATE
_OCCURRENCES: dict[tuple[str, dt.date, TaskStatus, bool], OccurrenceResult] = {}


def _occurrence(p: Period, status: TaskStatus, closed: bool) -> OccurrenceResult:
    """Shared, never-mutated result objects: a national run has millions of occurrences
    but only (periods × statuses) distinct ones."""
    key = (p.key, p.due_date, status, closed)
    o = _OCCURRENCES.get(key)
    if o is None:
        o = _OCCURRENCES[key] = OccurrenceResult(p.key, p.label, status, p.end, p.due_date, closed)
    return o
_ACTIVE = (ReportedTaskState.IN_PROGRESS, ReportedTaskState.COMPLETED, ReportedTaskState.COMPLETED_LATE)


def latest_report(reports: list[TaskReportFact], as_of: dt.date) -> TaskReportFact | None:
    best: TaskReportFact | None = None
    best_on = dt.date.min
    for r in reports:
        on = r.reported_on
        if on > as_of or on < best_on:
            continue
        if best is None or on > best_on or r.period_end > best.period_end:
            best = r
            best_on = on
    return best


def expected_percent(window_start: dt.date | None, due: dt.date, day: dt.date) -> float:
    """Share of the time from window start to the deadline that has elapsed on `day`, in percent."""
    if window_start is None or window_start >= due:
        window_start = due - dt.timedelta(days=AT_RISK_HORIZON_DAYS)
    total = (due - window_start).days
    done = (day - window_start).days
    return max(0.0, min(100.0, 100.0 * done / total))


def completion_date(r: TaskReportFact) -> dt.date:
    return r.completed_on if r.completed_on is not None else r.period_end


# reasons shared between tasks (cached: few distinct dates, and shared strings keep a national run small)
@lru_cache(maxsize=65536)
def _done_reason(done_on: dt.date, due: dt.date) -> str:
    return f"Hoàn thành ngày {vn_date(done_on)}, hạn {vn_date(due)}"


@lru_cache(maxsize=65536)
def _late_reason(done_on: dt.date, due: dt.date) -> str:
    return f"Hoàn thành ngày {vn_date(done_on)}, sau hạn {vn_date(due)}"


@lru_cache(maxsize=65536)
def _overdue_reason(days: int, due: dt.date) -> str:
    return f"Quá hạn {days} ngày (hạn {vn_date(due)})"


@lru_cache(maxsize=4096)
def _in_time_reason(due: dt.date) -> str:
    return f"Trong hạn (hạn {vn_date(due)})"


def _one_off(task: TaskFacts, due: dt.date, window_start: dt.date | None, as_of: dt.date) -> TaskResult:
    overdue = as_of > due
    r = latest_report(task.reports, as_of)
    if r is None:
        return TaskResult(task.id, task.unit_id, TaskStatus.NOT_REPORTED, overdue, due, None, None,
                          "Chưa có báo cáo về nhiệm vụ")
    pct = r.percent
    if r.state in _DONE:
        done_on = completion_date(r)
        if r.state is ReportedTaskState.COMPLETED and done_on <= due:
            return TaskResult(task.id, task.unit_id, TaskStatus.COMPLETED_ON_TIME, False, due, pct, None,
                              _done_reason(done_on, due))
        return TaskResult(task.id, task.unit_id, TaskStatus.COMPLETED_LATE, False, due, pct, None,
                          _late_reason(done_on, due))
    if r.state is ReportedTaskState.SUSPENDED:
        return TaskResult(task.id, task.unit_id, TaskStatus.SUSPENDED, overdue, due, pct, None, "Đơn vị báo cáo tạm dừng")
    started = r.state is ReportedTaskState.IN_PROGRESS
    if overdue:
        status = TaskStatus.IN_PROGRESS_OVERDUE if started else TaskStatus.NOT_STARTED_OVERDUE
        return TaskResult(task.id, task.unit_id, status, True, due, pct, 100.0,
                          _overdue_reason((as_of - due).days, due))
    expected = expected_percent(window_start, due, as_of)
    # a percent outside 0–100 is flagged by checks.check_task and not used here
    reported = pct if started and pct is not None and 0 <= pct <= 100 else 0.0
    days_left = (due - as_of).days
    if days_left <= AT_RISK_HORIZON_DAYS and reported < expected - AT_RISK_GAP_POINTS:
        return TaskResult(task.id, task.unit_id, TaskStatus.AT_RISK, False, due, pct, expected,
                          f"Còn {days_left} ngày đến hạn, tiến độ {reported:.0f}% so với dự kiến {expected:.0f}%")
    status = TaskStatus.IN_PROGRESS_ON_TIME if started else TaskStatus.NOT_STARTED_ON_TIME
    return TaskResult(task.id, task.unit_id, status, False, due, pct, expected, _in_time_reason(due))


class _Series:
    """The occurrences of one (deadline, first day, as_of, config) combination, with what every
    task sharing it reuses: window starts, closed flags, the index of the last closed and of
    the first open occurrence, and one shared result object per (occurrence, status)."""

    __slots__ = ("closed", "closed_n", "first_open", "first_start", "last_closed", "last_end", "n", "occ",
                 "starts", "tables")

    def __init__(self, occ: list[Period], as_of: dt.date) -> None:
        self.occ = occ
        self.n = len(occ)
        self.starts = [p.start for p in occ]
        self.closed = [as_of > p.due_date for p in occ]
        self.closed_n = sum(self.closed)
        self.last_closed = max((k for k in range(self.n) if self.closed[k]), default=-1)
        self.first_open = min((k for k in range(self.n) if not self.closed[k]), default=-1)
        self.first_start = occ[0].start if occ else dt.date.min
        self.last_end = occ[-1].end if occ else dt.date.min
        self.tables: list[dict[TaskStatus, OccurrenceResult]] = [{} for _ in occ]


_SERIES: dict[tuple[object, ...], _Series] = {}


def _series(spec: DeadlineSpec, first: dt.date, as_of: dt.date, config: EvalConfig) -> _Series:
    freq: Frequency = config.reporting_frequency
    ckey = (spec.kind, spec.recurrence, spec.start, spec.end, first, as_of, freq, config.regime,
            config.reporting_start)
    series = _SERIES.get(ckey)
    if series is None:
        if len(_SERIES) > 100_000:
            _SERIES.clear()
        floor = config.reporting_start or dt.date.min
        occ = [p for p in occurrences(spec, first, as_of, freq, config.regime)
               if p.start <= as_of and p.due_date >= floor]
        series = _SERIES[ckey] = _Series(occ, as_of)
    return series


_IN_PROGRESS = ReportedTaskState.IN_PROGRESS
_SUSPENDED = ReportedTaskState.SUSPENDED
_S_ON_TIME = TaskStatus.COMPLETED_ON_TIME
_S_LATE = TaskStatus.COMPLETED_LATE
_S_NOT_REPORTED = TaskStatus.NOT_REPORTED
_S_NOT_STARTED = TaskStatus.NOT_STARTED_ON_TIME
_S_NOT_STARTED_OVERDUE = TaskStatus.NOT_STARTED_OVERDUE
_S_IN_PROGRESS = TaskStatus.IN_PROGRESS_ON_TIME
_S_IN_PROGRESS_OVERDUE = TaskStatus.IN_PROGRESS_OVERDUE
_S_SUSPENDED = TaskStatus.SUSPENDED


def _periodic(task: TaskFacts, as_of: dt.date, config: EvalConfig) -> TaskResult:
    spec = task.deadline
    continuous = spec.kind is DeadlineKind.CONTINUOUS
    first = spec.start or task.assigned_on or config.reporting_start
    if first is None:
        first = min((r.period_end for r in task.reports), default=as_of)
    series = _series(spec, first, as_of, config)
    n = series.n
    if not n:
        return TaskResult(task.id, task.unit_id, TaskStatus.NOT_STARTED_ON_TIME, False, None, None, None,
                          "Chưa đến kỳ thực hiện")
    occ = series.occ
    first_start, last_end = series.first_start, series.last_end
    starts = series.starts
    # per occurrence: the latest report known on as_of, and whether (and how) it was completed
    best: list[TaskReportFact | None] = [None] * n
    done_ok = [False] * n
    done_any = [False] * n
    i = 0
    for r in task.reports:
        pe = r.period_end
        if r.reported_on > as_of or pe < first_start or pe > last_end:
            continue
        if not (starts[i] <= pe and (i + 1 == n or pe < starts[i + 1])):
            if i + 1 < n and starts[i + 1] <= pe and (i + 2 == n or pe < starts[i + 2]):
                i += 1  # the next period: the usual case for reports in period order
            else:
                i = bisect_right(starts, pe) - 1
        st = r.state
        if st is _COMPLETED or st is _COMPLETED_LATE:
            done_any[i] = True
            if st is _COMPLETED and (r.completed_on is None or r.completed_on <= occ[i].end):
                done_ok[i] = True
        b = best[i]
        if b is None or r.reported_on > b.reported_on or (r.reported_on == b.reported_on
                                                          and pe > b.period_end):
            best[i] = r
    closed_flags = series.closed
    tables = series.tables
    results: list[OccurrenceResult] = []
    append = results.append
    for k in range(n):
        closed = closed_flags[k]
        status: TaskStatus
        if done_any[k]:
            status = _S_ON_TIME if done_ok[k] else _S_LATE
        else:
            last = best[k]
            if last is None:
                status = _S_NOT_REPORTED if closed else _S_NOT_STARTED
            elif last.state is _SUSPENDED:
                status = _S_SUSPENDED
            elif last.state is _IN_PROGRESS or (continuous and (last.percent or 0) > 0):
                # a continuous duty with reported activity has done its period's work
                status = _S_IN_PROGRESS if (continuous or not closed) else _S_IN_PROGRESS_OVERDUE
            else:
                status = _S_NOT_STARTED_OVERDUE if closed else _S_NOT_STARTED
        o = tables[k].get(status)
        if o is None:
            o = tables[k][status] = _occurrence(occ[k], status, closed)
        append(o)
    final = results[series.last_closed if series.last_closed >= 0 else series.first_open].status
    return TaskResult(task.id, task.unit_id, final, final is _S_NOT_STARTED_OVERDUE
                      or final is _S_IN_PROGRESS_OVERDUE, None, None, None,
                      _PERIODIC_REASON[continuous][series.closed_n], tuple(results))


class _Reasons(dict[int, str]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def __missing__(self, closed_n: int) -> str:
        text = self[closed_n] = f"Nhiệm vụ {self.kind}: {closed_n} kỳ đã đến hạn báo cáo"
        return text


_PERIODIC_REASON = {True: _Reasons("thường xuyên"), False: _Reasons("định kỳ")}


def judge_task(task: TaskFacts, as_of: dt.date, config: EvalConfig | None = None) -> TaskResult:
    config = config or EvalConfig()
    spec = task.deadline
    kind = spec.kind
    if kind in (DeadlineKind.RECURRING, DeadlineKind.CONTINUOUS):
        return _periodic(task, as_of, config)
    if kind is DeadlineKind.CONDITIONAL:
        if task.trigger_date is None or task.trigger_date > as_of:
            res = _no_deadline(task, as_of)
            res.reason = f"Chưa phát sinh điều kiện: {spec.condition or spec.raw}".rstrip(": ")
            return res
        days = int(spec.extra.get("within_days", config.conditional_default_days))
        due = task.trigger_date + dt.timedelta(days=days)
        return _one_off(task, due, task.trigger_date, as_of)
    if kind is DeadlineKind.UNKNOWN or spec.end is None:
        res = _no_deadline(task, as_of)
        res.reason = f"Không xác định được thời hạn: “{spec.raw}”"
        return res
    window_start = task.assigned_on or spec.start
    return _one_off(task, spec.end, window_start, as_of)


def _no_deadline(task: TaskFacts, as_of: dt.date) -> TaskResult:
    """State as reported, never overdue (untriggered conditional, unknown deadline)."""
    r = latest_report(task.reports, as_of)
    if r is None:
        status = TaskStatus.NOT_STARTED_ON_TIME
    elif r.state in _DONE:
        status = TaskStatus.COMPLETED_ON_TIME
    elif r.state is ReportedTaskState.SUSPENDED:
        status = TaskStatus.SUSPENDED
    elif r.state is ReportedTaskState.IN_PROGRESS:
        status = TaskStatus.IN_PROGRESS_ON_TIME
    else:
        status = TaskStatus.NOT_STARTED_ON_TIME
    return TaskResult(task.id, task.unit_id, status, False, None, r.percent if r else None, None, "")


def counts_as_due(result: TaskResult, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(due, on time) contributions of a task to a window [start, end] for scorecards.

    One-off: due if its deadline falls in the window; on time iff completed on
    time. Recurring/continuous: each closed occurrence whose data window ends
    falls in the window counts once (on time iff completed on time, or — continuous —
    activity reported). Untriggered conditional and unknown deadlines count
    nothing: they were never due.
    """
    if result.occurrences:
        due = ok = 0
        for o in result.occurrences:
            if o.closed and start <= o.end <= end:
                due += 1
                if o.status in (TaskStatus.COMPLETED_ON_TIME, TaskStatus.IN_PROGRESS_ON_TIME):
                    ok += 1
        return due, ok
    if result.due_date is None or not (start <= result.due_date <= end):
        return 0, 0
    return 1, 1 if result.status is TaskStatus.COMPLETED_ON_TIME else 0

