"""Early warnings: what will go wrong if nothing changes.

- Target projection: the least-squares trend (targets.project) misses the
  next milestone; the warning gives the projected value, its 95% prediction
  interval, the shortfall and the date since which projections kept missing.
- Task pace: a one-off task in progress, not yet overdue, whose percent
  trend (least squares over the last `PACE_WINDOW` reports, at least two)
  reaches 100% after the deadline, or does not rise at all.
- Unit stopped reporting: the last `EvalConfig.stopped_reporting_periods`
  closed reporting periods have no submission.
- Target without task: no task of the unit's plan lists the target in
  ``target_ids`` (tasks of other plans are not looked at).
"""

from __future__ import annotations

import datetime as dt

from giamsat.domain.states import ReportedTaskState, TaskStatus
from giamsat.evaluate.model import EarlyWarning, TargetFacts, TargetResult, TaskFacts, TaskResult, WarningKind
from giamsat.evaluate.periods import Period
from giamsat.evaluate.util import vn_date

PACE_WINDOW = 6
PACE_STATUSES = (TaskStatus.IN_PROGRESS_ON_TIME, TaskStatus.AT_RISK)  # the only statuses a pace warning looks at


_VN_SEPARATORS = str.maketrans({",": ".", ".": ","})  # 1,234.5 → 1.234,5


def _num(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".").translate(_VN_SEPARATORS)


def target_projection_warning(t: TargetFacts, r: TargetResult) -> EarlyWarning | None:
    p = r.projection
    if p is None or not p.misses:
        return None
    goal = next((m.value for m in t.milestones if m.year == p.milestone_year), None)
    since = f"; dự báo liên tục không đạt từ {vn_date(p.since)}" if p.since else ""
    msg = (f"Dự báo năm {p.milestone_year}: {_num(p.value)} (khoảng dự báo 95%: {_num(p.lower)} – "
           f"{_num(p.upper)}), thiếu {_num(p.shortfall)} so với mục tiêu {_num(goal or 0.0)}{since}")
    return EarlyWarning(WarningKind.TARGET_PROJECTION, t.unit_id, t.id, msg, p.since, p.shortfall)


def task_pace_warning(task: TaskFacts, r: TaskResult, as_of: dt.date) -> EarlyWarning | None:
    if r.status not in PACE_STATUSES or r.due_date is None or r.occurrences:
        return None
    pts = [(x.period_end, x.percent) for x in task.reports
           if x.reported_on <= as_of and x.percent is not None and 0 <= x.percent <= 100
           and x.state is ReportedTaskState.IN_PROGRESS]
    if len(pts) < 2:
        return None
    pts.sort()
    pts = pts[-PACE_WINDOW:]
    x0 = pts[0][0]
    xs = [(d - x0).days for d, _ in pts]
    ys = [float(p) for _, p in pts]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cxx = sum((x - mx) ** 2 for x in xs)
    if cxx == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / cxx  # percent per day
    last_day, last_pct = pts[-1][0], ys[-1]
    if slope <= 0:
        msg = (f"Tiến độ không tăng ({_num(last_pct)}% từ {vn_date(pts[0][0])} đến {vn_date(last_day)}); "
               f"hạn {vn_date(r.due_date)}")
        return EarlyWarning(WarningKind.TASK_PACE, task.unit_id, task.id, msg, pts[0][0], None)
    finish = last_day + dt.timedelta(days=round((100.0 - last_pct) / slope))
    if finish <= r.due_date:
        return None
    late = (finish - r.due_date).days
    msg = (f"Với tốc độ hiện tại ({_num(slope * 30)}%/tháng), dự kiến hoàn thành ngày {vn_date(finish)}, "
           f"chậm {late} ngày so với hạn {vn_date(r.due_date)}")
    return EarlyWarning(WarningKind.TASK_PACE, task.unit_id, task.id, msg, last_day, float(late))


def stopped_reporting_warning(unit_id: str, closed_periods: list[Period], submitted: set[str],
                              n: int) -> EarlyWarning | None:
    """`closed_periods`: reporting periods whose due date has passed, in order."""
    if n <= 0 or len(closed_periods) < n:
        return None
    run = 0
    for p in reversed(closed_periods):
        if p.key in submitted:
            break
        run += 1
    if run < n:
        return None
    first = closed_periods[-run]
    msg = f"Đơn vị không gửi báo cáo {run} kỳ liên tiếp, từ kỳ {first.label}"
    return EarlyWarning(WarningKind.UNIT_STOPPED_REPORTING, unit_id, unit_id, msg, first.due_date, float(run))


def target_without_task_warning(t: TargetFacts) -> EarlyWarning:
    name = f" “{t.name}”" if t.name else ""
    return EarlyWarning(WarningKind.TARGET_WITHOUT_TASK, t.unit_id, t.id,
                        f"Chỉ tiêu{name} chưa có nhiệm vụ nào phục vụ")
