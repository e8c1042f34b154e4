from __future__ import annotations

import datetime as dt

import pytest

from giamsat.domain.deadline import DeadlineSpec, Recurrence
from giamsat.domain.states import Comparator, Direction, Frequency
from giamsat.domain.states import ReportedTaskState as R
from giamsat.domain.states import TaskStatus as S
from giamsat.evaluate.checks import check_target, check_task, robust_z
from giamsat.evaluate.early_warning import (
    stopped_reporting_warning,
    target_projection_warning,
    target_without_task_warning,
    task_pace_warning,
)
from giamsat.evaluate.model import Milestone, Severity, TargetFacts, TaskFacts, TaskReportFact, WarningKind
from giamsat.evaluate.periods import periods_for_years
from giamsat.evaluate.targets import judge_target
from giamsat.evaluate.tasks import judge_task

D = dt.date
QDAYS = [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31), D(2026, 3, 31), D(2026, 6, 30),
         D(2026, 9, 30), D(2026, 12, 31)]


def tgt(values: list[float], **kw: object) -> TargetFacts:
    t = TargetFacts("g1", "u1", Comparator.GE, Direction.HIGHER_IS_BETTER, (Milestone(2030, 100.0),),
                    values=list(zip(QDAYS, values, strict=False)))
    for k, v in kw.items():
        setattr(t, k, v)
    return t


@pytest.mark.parametrize(
    ("values", "kw", "codes", "kept"),
    [
        ([10, 20, 30], {}, [], 3),
        ([10, 120, 30], {"is_percent": True}, ["percent_out_of_range"], 2),
        ([10, -1, 30], {"is_percent": True}, ["percent_out_of_range"], 2),
        ([10, 20, 5000], {"plausible_max": 1000.0}, ["implausible_value"], 2),
        ([10, 20, 15, 25], {"monotone": True}, ["stock_decrease"], 3),
        ([10, 20, 15, 25], {}, [], 4),  # not a stock: a fall is allowed
        ([10, 20, 19.5, 25], {"monotone": True, "monotone_tol": 1.0}, [], 4),
        ([10, 11, 12, 13, 14, 15, 60, 17], {}, ["unusual_jump", "unusual_jump"], 8),  # up, then back down
        ([10, 11, 12, 13, 14, 15, 16, 17], {}, [], 8),
    ],
)
def test_check_target(values: list[float], kw: dict[str, object], codes: list[str], kept: int) -> None:
    tol = float(kw.pop("monotone_tol", 0.0))  # type: ignore[arg-type]
    t = tgt([float(v) for v in values], **kw)
    trusted, issues = check_target(t, tol)
    assert [i.code for i in issues] == codes
    assert len(trusted) == kept
    # nothing silently dropped: every excluded value has its issue
    assert len(trusted) + sum(1 for i in issues if i.excluded) == len(values)
    for i in issues:
        assert i.excluded is (i.severity is Severity.ERROR)


def test_robust_z_mad_and_fallback() -> None:
    z = robust_z([1.0, 1.0, 1.0, 1.0, 9.0])  # MAD 0: mean absolute deviation stands in
    assert z[-1] > 3.5 and z[0] == 0
    assert robust_z([2.0, 2.0, 2.0]) == [0.0, 0.0, 0.0]
    assert robust_z([1.0, 2.0, 3.0, 4.0, 100.0])[-1] == pytest.approx(0.6745 * 97 / 1)


def test_check_task() -> None:
    reps = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 50, D(2026, 1, 20)),
            TaskReportFact(D(2026, 2, 14), R.IN_PROGRESS, 30, D(2026, 2, 20)),
            TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, 130, D(2026, 3, 20))]
    codes = [i.code for i in check_task(TaskFacts("t", "u", DeadlineSpec.in_year(2026), reps))]
    assert codes == ["percent_out_of_range", "progress_decrease"]
    assert check_task(TaskFacts("t", "u", DeadlineSpec.in_year(2026), reps))[0].excluded
    # out of order input: same findings
    rev = list(reversed(reps))
    assert sorted(i.code for i in check_task(TaskFacts("t", "u", DeadlineSpec.in_year(2026), rev))) == sorted(codes)
    assert [i.code for i in check_task(TaskFacts("t", "u", DeadlineSpec.unknown("sớm"), []))] == ["unknown_deadline"]


def test_stopped_reporting() -> None:
    ps = periods_for_years(Frequency.MONTHLY, 2026, 2026)[:6]
    got = {p.key for p in ps[:3]}
    w = stopped_reporting_warning("u1", ps, got, 3)
    assert w is not None and w.kind is WarningKind.UNIT_STOPPED_REPORTING
    assert w.shortfall == 3 and "Tháng 4/2026" in w.message
    assert stopped_reporting_warning("u1", ps, got | {ps[4].key}, 3) is None
    assert stopped_reporting_warning("u1", ps, got, 4) is None


def test_task_pace_warning() -> None:
    # 10 % on 14/1, 20 % on 14/3: 10 points in 59 days; 80 points left take ~472 more days → mid-2027
    reps = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 10, D(2026, 1, 20)),
            TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, 20, D(2026, 3, 20))]
    t = TaskFacts("t", "u", DeadlineSpec.in_year(2026), reps, D(2026, 1, 1))
    r = judge_task(t, D(2026, 3, 25))
    assert r.status is S.IN_PROGRESS_ON_TIME
    w = task_pace_warning(t, r, D(2026, 3, 25))
    assert w is not None
    assert w.shortfall == pytest.approx((D(2026, 3, 14) + dt.timedelta(days=472) - D(2026, 12, 31)).days)
    fast = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 10, D(2026, 1, 20)),
            TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, 60, D(2026, 3, 20))]
    t2 = TaskFacts("t", "u", DeadlineSpec.in_year(2026), fast, D(2026, 1, 1))
    assert task_pace_warning(t2, judge_task(t2, D(2026, 3, 25)), D(2026, 3, 25)) is None
    flat = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 10, D(2026, 1, 20)),
            TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, 10, D(2026, 3, 20))]
    t3 = TaskFacts("t", "u", DeadlineSpec.in_year(2026), flat, D(2026, 1, 1))
    w3 = task_pace_warning(t3, judge_task(t3, D(2026, 3, 25)), D(2026, 3, 25))
    assert w3 is not None and "không tăng" in w3.message


def test_projection_and_no_task_warnings() -> None:
    t = tgt([10, 11, 12, 13])
    r = judge_target(t, t.values, D(2026, 1, 10))
    w = target_projection_warning(t, r)
    assert w is not None and w.kind is WarningKind.TARGET_PROJECTION
    # +1 a quarter from 10 on 31/3/2025: about 33 by 31/12/2030, 67 short of 100
    assert w.since == D(2025, 9, 30) and w.shortfall == pytest.approx(67, abs=0.5)
    assert "Dự báo năm 2030" in w.message
    ok = tgt([10, 30, 50, 70])
    assert target_projection_warning(ok, judge_target(ok, ok.values, D(2026, 1, 10))) is None
    assert target_without_task_warning(t).kind is WarningKind.TARGET_WITHOUT_TASK


def test_check_task_recurring_checks_the_range_only() -> None:
    # each period of a recurring duty starts afresh: a lower percent is no step backwards
    reps = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 50, D(2026, 1, 20)),
            TaskReportFact(D(2026, 2, 14), R.IN_PROGRESS, 30, D(2026, 2, 20)),
            TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, -5, D(2026, 3, 20))]
    monthly = DeadlineSpec.every(Recurrence.MONTHLY, "Hằng tháng")
    found = check_task(TaskFacts("t", "u", monthly, reps))
    assert [(i.code, i.on, i.value, i.excluded) for i in found] == [
        ("percent_out_of_range", D(2026, 3, 14), -5, True)]
    assert check_task(TaskFacts("t", "u", DeadlineSpec.continuous("Thường xuyên"), reps[:2])) == []
