from __future__ import annotations

import datetime as dt

import pytest

from giamsat.domain.deadline import DeadlineSpec, Recurrence
from giamsat.domain.states import ReportedTaskState as R
from giamsat.domain.states import TaskStatus as S
from giamsat.evaluate.model import EvalConfig, TaskFacts, TaskReportFact
from giamsat.evaluate.tasks import counts_as_due, expected_percent, judge_task

D = dt.date
JUNE = DeadlineSpec.in_month(2026, 6, "6/2026")  # due 30/06/2026


def rep(period_end: dt.date, state: R, percent: float | None = None, reported_on: dt.date | None = None,
        completed_on: dt.date | None = None) -> TaskReportFact:
    return TaskReportFact(period_end, state, percent, reported_on or period_end + dt.timedelta(days=5),
                          completed_on)


JAN_1 = D(2026, 1, 1)


def task(reports: list[TaskReportFact], deadline: DeadlineSpec = JUNE, assigned: dt.date | None = JAN_1,
         trigger: dt.date | None = None) -> TaskFacts:
    return TaskFacts("t1", "u1", deadline, reports, assigned, trigger)


# as_of, reports, expected status, expected overdue
ONE_OFF_CASES = [
    ("no report, in time", D(2026, 3, 1), [], S.NOT_REPORTED, False),
    ("no report, after deadline", D(2026, 7, 1), [], S.NOT_REPORTED, True),
    ("completed in the June window", D(2026, 7, 1), [rep(D(2026, 6, 14), R.COMPLETED, 100)],
     S.COMPLETED_ON_TIME, False),
    ("completed on the deadline day", D(2026, 8, 1),
     [rep(D(2026, 7, 14), R.COMPLETED, 100, completed_on=D(2026, 6, 30))], S.COMPLETED_ON_TIME, False),
    ("completed the day after", D(2026, 8, 1),
     [rep(D(2026, 7, 14), R.COMPLETED, 100, completed_on=D(2026, 7, 1))], S.COMPLETED_LATE, False),
    ("completion first reported in the July window", D(2026, 8, 1), [rep(D(2026, 7, 14), R.COMPLETED, 100)],
     S.COMPLETED_LATE, False),
    ("unit itself reports late completion", D(2026, 8, 1), [rep(D(2026, 6, 14), R.COMPLETED_LATE, 100)],
     S.COMPLETED_LATE, False),
    ("last day, half done: at risk", D(2026, 6, 30), [rep(D(2026, 6, 14), R.IN_PROGRESS, 50)],
     S.AT_RISK, False),
    ("in progress after the deadline", D(2026, 7, 1), [rep(D(2026, 6, 14), R.IN_PROGRESS, 90)],
     S.IN_PROGRESS_OVERDUE, True),
    ("not started after the deadline", D(2026, 7, 1), [rep(D(2026, 6, 14), R.NOT_STARTED, 0)],
     S.NOT_STARTED_OVERDUE, True),
    # 15/4: 76 days left (≤ 90), expected 104/180 = 57.8 %; 60 % is fine, 30 % is 27.8 points behind
    ("on pace near the deadline", D(2026, 4, 15), [rep(D(2026, 4, 14), R.IN_PROGRESS, 60, D(2026, 4, 15))],
     S.IN_PROGRESS_ON_TIME, False),
    ("behind near the deadline", D(2026, 4, 15), [rep(D(2026, 4, 14), R.IN_PROGRESS, 30, D(2026, 4, 15))],
     S.AT_RISK, False),
    ("exactly 20 points behind is not at risk", D(2026, 4, 15),
     [rep(D(2026, 4, 14), R.IN_PROGRESS, 100 * 104 / 180 - 20, D(2026, 4, 15))], S.IN_PROGRESS_ON_TIME, False),
    ("behind but deadline far (107 days)", D(2026, 3, 15), [rep(D(2026, 3, 14), R.IN_PROGRESS, 5, D(2026, 3, 15))],
     S.IN_PROGRESS_ON_TIME, False),
    ("not started with 40 days left: at risk", D(2026, 5, 21), [rep(D(2026, 5, 14), R.NOT_STARTED, 0, D(2026, 5, 20))],
     S.AT_RISK, False),
    ("not started, deadline far", D(2026, 2, 1), [rep(D(2026, 1, 14), R.NOT_STARTED, 0)],
     S.NOT_STARTED_ON_TIME, False),
    ("a report made after as_of is not known yet", D(2026, 4, 30),
     [rep(D(2026, 3, 14), R.IN_PROGRESS, 70, D(2026, 3, 20)), rep(D(2026, 4, 14), R.COMPLETED, 100, D(2026, 5, 1))],
     S.IN_PROGRESS_ON_TIME, False),
    ("latest report wins regardless of list order", D(2026, 8, 1),
     [rep(D(2026, 6, 14), R.COMPLETED, 100), rep(D(2026, 3, 14), R.IN_PROGRESS, 40)], S.COMPLETED_ON_TIME, False),
    ("an impossible percent (130) is not taken as progress", D(2026, 4, 15),
     [rep(D(2026, 4, 14), R.IN_PROGRESS, 130, D(2026, 4, 15))], S.AT_RISK, False),
    ("suspended", D(2026, 7, 1), [rep(D(2026, 6, 14), R.SUSPENDED, 20)], S.SUSPENDED, True),
]


@pytest.mark.parametrize(("name", "as_of", "reports", "status", "overdue"), ONE_OFF_CASES,
                         ids=[c[0] for c in ONE_OFF_CASES])
def test_one_off(name: str, as_of: dt.date, reports: list[TaskReportFact], status: S, overdue: bool) -> None:
    r = judge_task(task(reports), as_of)
    assert (r.status, r.overdue) == (status, overdue), r.reason
    assert r.due_date == D(2026, 6, 30)


@pytest.mark.parametrize(
    ("deadline", "as_of", "overdue"),
    [
        (DeadlineSpec.on(D(2028, 2, 29)), D(2028, 2, 29), False),  # leap day is the deadline
        (DeadlineSpec.on(D(2028, 2, 29)), D(2028, 3, 1), True),
        (DeadlineSpec.in_month(2028, 2), D(2028, 2, 29), False),
        (DeadlineSpec.in_month(2027, 2), D(2027, 3, 1), True),
        (DeadlineSpec.in_quarter(2026, 1), D(2026, 3, 31), False),
        (DeadlineSpec.in_quarter(2026, 1), D(2026, 4, 1), True),
        (DeadlineSpec.in_half(2026, 2), D(2026, 12, 31), False),
        (DeadlineSpec.in_year(2026), D(2027, 1, 1), True),
        (DeadlineSpec.between_years(2025, 2027), D(2027, 12, 31), False),
    ],
)
def test_deadline_boundaries(deadline: DeadlineSpec, as_of: dt.date, overdue: bool) -> None:
    r = judge_task(task([rep(D(2025, 12, 14), R.IN_PROGRESS, 99)], deadline, D(2025, 1, 1)), as_of)
    assert r.overdue is overdue
    assert r.status is (S.IN_PROGRESS_OVERDUE if overdue else S.IN_PROGRESS_ON_TIME)


def test_expected_percent_without_window_uses_last_90_days() -> None:
    due = D(2026, 6, 30)
    assert expected_percent(due, due, due - dt.timedelta(days=45)) == pytest.approx(50.0)
    assert expected_percent(None, due, D(2026, 1, 1)) == 0.0


QUARTERLY_2026 = DeadlineSpec.every(Recurrence.QUARTERLY, "Hằng quý", start=D(2026, 1, 1), end=D(2026, 12, 31))


@pytest.mark.parametrize(
    ("reports", "q1_status"),
    [
        ([rep(D(2026, 3, 14), R.COMPLETED, 100, D(2026, 4, 10))], S.COMPLETED_ON_TIME),
        ([], S.NOT_REPORTED),
        ([rep(D(2026, 2, 14), R.IN_PROGRESS, 50)], S.IN_PROGRESS_OVERDUE),
        ([rep(D(2026, 2, 14), R.NOT_STARTED, 0)], S.NOT_STARTED_OVERDUE),
        ([rep(D(2026, 3, 14), R.COMPLETED, 100, completed_on=D(2026, 3, 20))], S.COMPLETED_LATE),
        # Decree 09 window: 15/12/2025 belongs to Q1/2026
        ([rep(D(2025, 12, 15), R.COMPLETED, 100)], S.COMPLETED_ON_TIME),
    ],
)
def test_recurring_per_period(reports: list[TaskReportFact], q1_status: S) -> None:
    # 1/5/2026: Q1 (15/12/2025–14/3/2026, report due 15/4) is closed; Q2 is open
    r = judge_task(task(reports, QUARTERLY_2026), D(2026, 5, 1))
    assert [o.period for o in r.occurrences] == ["2026-Q1", "2026-Q2"]
    assert r.occurrences[0].status is q1_status
    assert r.occurrences[0].closed and not r.occurrences[1].closed
    assert r.status is q1_status  # the latest closed occurrence
    assert r.due_date is None


def test_recurring_before_first_close_uses_open_occurrence() -> None:
    r = judge_task(task([rep(D(2026, 2, 14), R.IN_PROGRESS, 30)], QUARTERLY_2026), D(2026, 2, 20))
    assert r.status is S.IN_PROGRESS_ON_TIME
    assert [o.period for o in r.occurrences] == ["2026-Q1"]


def test_continuous_judged_on_reported_activity() -> None:
    cont = DeadlineSpec.continuous("Thường xuyên")
    reports = [rep(D(2026, 1, 14), R.IN_PROGRESS, 100), rep(D(2026, 3, 14), R.IN_PROGRESS, 100),
               rep(D(2026, 4, 14), R.NOT_STARTED, 0, D(2026, 4, 16))]
    r = judge_task(task(reports, cont), D(2026, 5, 20))
    got = {o.period: (o.status, o.closed) for o in r.occurrences}
    assert got["2026-M01"] == (S.IN_PROGRESS_ON_TIME, True)
    assert got["2026-M02"] == (S.NOT_REPORTED, True)  # nothing reported for February's window
    assert got["2026-M03"] == (S.IN_PROGRESS_ON_TIME, True)
    assert got["2026-M04"] == (S.NOT_STARTED_OVERDUE, True)  # due 15/5: reported no activity
    assert got["2026-M05"] == (S.NOT_STARTED_ON_TIME, False)
    assert r.status is S.NOT_STARTED_OVERDUE
    assert counts_as_due(r, D(2025, 1, 1), D(2026, 5, 20)) == (4, 2)


def test_conditional_not_due_until_triggered() -> None:
    cond = DeadlineSpec.when("Ngay khi Luật được ban hành")
    r = judge_task(task([], cond), D(2030, 1, 1))
    assert (r.status, r.overdue, r.due_date) == (S.NOT_STARTED_ON_TIME, False, None)
    assert "Chưa phát sinh điều kiện" in r.reason
    # triggered 10/1/2026: due 90 days later, on 10/4/2026
    r2 = judge_task(task([], cond, trigger=D(2026, 1, 10)), D(2026, 4, 11))
    assert (r2.status, r2.overdue, r2.due_date) == (S.NOT_REPORTED, True, D(2026, 4, 10))
    # a trigger recorded after as_of is not known yet
    assert judge_task(task([], cond, trigger=D(2026, 5, 1)), D(2026, 4, 11)).due_date is None
    quick = DeadlineSpec(cond.kind, cond.raw, condition=cond.condition, extra={"within_days": 30})
    done = [rep(D(2026, 2, 14), R.COMPLETED, 100)]
    assert judge_task(task(done, quick, trigger=D(2026, 1, 10)), D(2026, 3, 1)).status is S.COMPLETED_LATE
    cfg = EvalConfig(conditional_default_days=60)
    assert judge_task(task(done, cond, trigger=D(2026, 1, 10)), D(2026, 3, 1), cfg).status is S.COMPLETED_ON_TIME


def test_unknown_deadline_is_never_overdue() -> None:
    r = judge_task(task([rep(D(2026, 1, 14), R.IN_PROGRESS, 10)], DeadlineSpec.unknown("Theo tiến độ")),
                   D(2040, 1, 1))
    assert (r.status, r.overdue) == (S.IN_PROGRESS_ON_TIME, False)
    assert "Không xác định được thời hạn" in r.reason


def test_counts_as_due_one_off() -> None:
    r = judge_task(task([rep(D(2026, 6, 14), R.COMPLETED, 100)]), D(2026, 8, 1))
    assert counts_as_due(r, D(2026, 1, 1), D(2026, 12, 31)) == (1, 1)
    assert counts_as_due(r, D(2026, 7, 1), D(2026, 12, 31)) == (0, 0)


# ---------------------------------------------------------------- properties

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_report = st.builds(
    TaskReportFact,
    period_end=st.dates(D(2025, 1, 1), D(2027, 12, 31)),
    state=st.sampled_from(list(R)),
    percent=st.one_of(st.none(), st.floats(-10, 150, allow_nan=False)),
    reported_on=st.dates(D(2025, 1, 1), D(2028, 6, 30)),
)
_COMPLETED = {S.COMPLETED_ON_TIME, S.COMPLETED_LATE}


@given(reports=st.lists(_report, max_size=8), as_of=st.dates(D(2025, 1, 1), D(2028, 12, 31)),
       due=st.dates(D(2025, 1, 1), D(2027, 12, 31)))
def test_one_off_invariants(reports: list[TaskReportFact], as_of: dt.date, due: dt.date) -> None:
    t = task(reports, DeadlineSpec.on(due), D(2025, 1, 1))
    r = judge_task(t, as_of)
    known = [x for x in reports if x.reported_on <= as_of]
    assert (r.status is S.NOT_REPORTED) == (not known)
    if r.status in _COMPLETED:
        assert any(x.state in (R.COMPLETED, R.COMPLETED_LATE) for x in known)
    else:
        assert r.overdue == (as_of > due)
    if r.status in (S.IN_PROGRESS_OVERDUE, S.NOT_STARTED_OVERDUE):
        assert as_of > due
    if r.status in (S.AT_RISK, S.IN_PROGRESS_ON_TIME, S.NOT_STARTED_ON_TIME):
        assert as_of <= due
    # the order in which the facts arrive does not matter (when no two share a date pair)
    keys = [(x.reported_on, x.period_end) for x in known]
    if len(set(keys)) == len(keys):
        again = judge_task(task(list(reversed(reports)), DeadlineSpec.on(due), D(2025, 1, 1)), as_of)
        assert again.status is r.status


@given(reports=st.lists(_report, max_size=12), as_of=st.dates(D(2025, 6, 1), D(2027, 12, 31)),
       rec=st.sampled_from([Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.ANNUAL]))
def test_recurring_occurrences_tile_and_close_in_order(reports: list[TaskReportFact], as_of: dt.date,
                                                       rec: Recurrence) -> None:
    r = judge_task(task(reports, DeadlineSpec.every(rec, start=D(2025, 1, 1)), D(2025, 1, 1)), as_of)
    closed = [o.closed for o in r.occurrences]
    assert closed == sorted(closed, reverse=True)  # closed ones first, then open ones
    for a, b in zip(r.occurrences, r.occurrences[1:], strict=False):
        assert a.end < b.end


def test_recurring_occurrences_before_reporting_start_are_not_judged() -> None:
    monthly = DeadlineSpec.every(Recurrence.MONTHLY)
    t = task([], monthly, D(2024, 12, 1))
    keys = [o.period for o in judge_task(t, D(2025, 3, 1)).occurrences]
    assert keys[0] == "2024-M12"  # 15/11–14/12/2024 overlaps the plan's start
    cfg = EvalConfig(reporting_start=D(2025, 2, 15))  # the first report was Tháng 1/2025's
    assert next(o.period for o in judge_task(t, D(2025, 3, 1), cfg).occurrences) == "2025-M01"


def test_tasks_sharing_a_deadline_are_judged_each_on_its_own_reports() -> None:
    # the occurrence series of a deadline is computed once and shared; the judgements are not
    done = task([rep(D(2026, 3, 14), R.COMPLETED, 100, D(2026, 4, 10))], QUARTERLY_2026)
    silent = task([], QUARTERLY_2026)
    late = task([rep(D(2026, 2, 14), R.IN_PROGRESS, 40)], QUARTERLY_2026)
    as_of = D(2026, 5, 1)
    for _ in range(2):  # and again, once the series is cached
        a, b, c = (judge_task(t, as_of) for t in (done, silent, late))
        assert [o.status for o in a.occurrences] == [S.COMPLETED_ON_TIME, S.NOT_STARTED_ON_TIME]
        assert [o.status for o in b.occurrences] == [S.NOT_REPORTED, S.NOT_STARTED_ON_TIME]
        assert [o.status for o in c.occurrences] == [S.IN_PROGRESS_OVERDUE, S.NOT_STARTED_ON_TIME]
        assert (a.status, b.status, c.status) == (S.COMPLETED_ON_TIME, S.NOT_REPORTED, S.IN_PROGRESS_OVERDUE)
        assert (a.overdue, b.overdue, c.overdue) == (False, False, True)
        assert a.reason == b.reason == "Nhiệm vụ định kỳ: 1 kỳ đã đến hạn báo cáo"
    # a later date is another series: Q2 (due 15/7) has closed by 20/7
    assert judge_task(silent, D(2026, 7, 20)).reason == "Nhiệm vụ định kỳ: 2 kỳ đã đến hạn báo cáo"
    assert judge_task(done, D(2026, 7, 20)).status is S.NOT_REPORTED  # Q2: nothing reported


def test_one_off_reasons() -> None:
    assert judge_task(task([rep(D(2026, 6, 14), R.COMPLETED, 100)]), D(2026, 7, 1)).reason == (
        "Hoàn thành ngày 14/06/2026, hạn 30/06/2026")
    assert judge_task(task([rep(D(2026, 7, 14), R.COMPLETED, 100)]), D(2026, 8, 1)).reason == (
        "Hoàn thành ngày 14/07/2026, sau hạn 30/06/2026")
    assert judge_task(task([rep(D(2026, 6, 14), R.IN_PROGRESS, 50)]), D(2026, 7, 3)).reason == (
        "Quá hạn 3 ngày (hạn 30/06/2026)")
    assert judge_task(task([rep(D(2026, 2, 14), R.IN_PROGRESS, 50)]), D(2026, 3, 1)).reason == (
        "Trong hạn (hạn 30/06/2026)")
