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

from giamsat.domain.deadline import DeadlineKind
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
_OCC_CACHE: dict[tuple[object, ...], list[Period]] = {}


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
                              f"Hoàn thành ngày {vn_date(done_on)}, hạn {vn_date(due)}")
        return TaskResult(task.id, task.unit_id, TaskStatus.COMPLETED_LATE, False, due, pct, None,
                          f"Hoàn thành ngày {vn_date(done_on)}, sau hạn {vn_date(due)}")
    if r.state is ReportedTaskState.SUSPENDED:
        return TaskResult(task.id, task.unit_id, TaskStatus.SUSPENDED, overdue, due, pct, None, "Đơn vị báo cáo tạm dừng")
    started = r.state is ReportedTaskState.IN_PROGRESS
    if overdue:
        status = TaskStatus.IN_PROGRESS_OVERDUE if started else TaskStatus.NOT_STARTED_OVERDUE
        return TaskResult(task.id, task.unit_id, status, True, due, pct, 100.0,
                          f"Quá hạn {(as_of - due).days} ngày (hạn {vn_date(due)})")
    expected = expected_percent(window_start, due, as_of)
    # a percent outside 0–100 is flagged by checks.check_task and not used here
    reported = pct if started and pct is not None and 0 <= pct <= 100 else 0.0
    days_left = (due - as_of).days
    if days_left <= AT_RISK_HORIZON_DAYS and reported < expected - AT_RISK_GAP_POINTS:
        return TaskResult(task.id, task.unit_id, TaskStatus.AT_RISK, False, due, pct, expected,
                          f"Còn {days_left} ngày đến hạn, tiến độ {reported:.0f}% so với dự kiến {expected:.0f}%")
    status = TaskStatus.IN_PROGRESS_ON_TIME if started else TaskStatus.NOT_STARTED_ON_TIME
    return TaskResult(task.id, task.unit_id, status, False, due, pct, expected, f"Trong hạn (hạn {vn_date(due)})")


def _periodic(task: TaskFacts, as_of: dt.date, config: EvalConfig) -> TaskResult:
    spec = task.deadline
    continuous = spec.kind is DeadlineKind.CONTINUOUS
    first = spec.start or task.assigned_on or config.reporting_start
    if first is None:
        first = min((r.period_end for r in task.reports), default=as_of)
    freq: Frequency = config.reporting_frequency
    ckey = (spec.kind, spec.recurrence, spec.start, spec.end, first, as_of, freq, config.regime,
            config.reporting_start)
    occ = _OCC_CACHE.get(ckey)
    if occ is None:
        if len(_OCC_CACHE) > 100_000:
            _OCC_CACHE.clear()
        floor = config.reporting_start or dt.date.min
        occ = _OCC_CACHE[ckey] = [p for p in occurrences(spec, first, as_of, freq, config.regime)
                                  if p.start <= as_of and p.due_date >= floor]
    if not occ:
        return TaskResult(task.id, task.unit_id, TaskStatus.NOT_STARTED_ON_TIME, False, None, None, None,
                          "Chưa đến kỳ thực hiện")
    n = len(occ)
    first_start, last_end = occ[0].start, occ[-1].end
    starts = [p.start for p in occ]
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
    results: list[OccurrenceResult] = []
    last_closed: TaskStatus | None = None
    open_status: TaskStatus | None = None
    for k in range(n):
        p = occ[k]
        closed = as_of > p.due_date
        status: TaskStatus
        last = best[k]
        if done_any[k]:
            status = TaskStatus.COMPLETED_ON_TIME if done_ok[k] else TaskStatus.COMPLETED_LATE
        elif last is None:
            status = TaskStatus.NOT_REPORTED if closed else TaskStatus.NOT_STARTED_ON_TIME
        elif last.state is ReportedTaskState.SUSPENDED:
            status = TaskStatus.SUSPENDED
        elif last.state is ReportedTaskState.IN_PROGRESS or (continuous and (last.percent or 0) > 0):
            # a continuous duty with reported activity has done its period's work
            status = (TaskStatus.IN_PROGRESS_ON_TIME if (continuous or not closed)
                      else TaskStatus.IN_PROGRESS_OVERDUE)
        else:
            status = TaskStatus.NOT_STARTED_OVERDUE if closed else TaskStatus.NOT_STARTED_ON_TIME
        results.append(_occurrence(p, status, closed))
        if closed:
            last_closed = status
        elif open_status is None:
            open_status = status
    final = last_closed if last_closed is not None else open_status
    assert final is not None
    kind = "thường xuyên" if continuous else "định kỳ"
    closed_n = sum(1 for o in results if o.closed)
    return TaskResult(task.id, task.unit_id, final, final in (TaskStatus.NOT_STARTED_OVERDUE,
                      TaskStatus.IN_PROGRESS_OVERDUE), None, None, None,
                      f"Nhiệm vụ {kind}: {closed_n} kỳ đã đến hạn báo cáo", tuple(results))


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

