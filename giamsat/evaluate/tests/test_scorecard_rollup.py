from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamsat.domain.states import Comparator, Direction, Frequency, SubmissionState, TargetStatus, TaskStatus
from giamsat.evaluate.model import (
    Milestone,
    RollupRule,
    SubmissionFacts,
    TargetFacts,
    TargetResult,
    TaskResult,
    UnitFigures,
    UnitRef,
)
from giamsat.evaluate.periods import periods_for_years
from giamsat.evaluate.rollup import ancestors, derive_cascade, rollup_tree, unit_figures
from giamsat.evaluate.scorecard import UNRATED, ScoreWeights, band_for, rank_peers, score

D = dt.date


def figures(tasks: tuple[int, int] = (8, 10), subs_on_time: int = 9, subs_due: int = 10, made: int = 10,
            clean: int = 8, targets: dict[TargetStatus, int] | None = None) -> UnitFigures:
    t = targets if targets is not None else {TargetStatus.ACHIEVED: 2, TargetStatus.ON_TRACK: 1,
                                             TargetStatus.OFF_TRACK: 1}
    return UnitFigures(tasks_on_time=tasks[0], tasks_due=tasks[1], submissions_on_time=subs_on_time,
                       submissions_due=subs_due, submissions_made=made, submissions_clean=clean,
                       target_status=dict(t), targets=sum(t.values()), units=1)


def test_score_hand_worked() -> None:
    # 0.4·80 (tasks) + 0.2·90 (timeliness) + 0.1·80 (quality) + 0.3·70 (targets: (2·100 + 80 + 0)/4)
    card = score("u", figures())
    assert card.score == pytest.approx(79.0)
    assert card.band == "Khá"
    items = {i.component: i for i in card.items}
    assert items["target_achievement"].value == pytest.approx(70.0)
    assert items["task_on_time"].contribution == pytest.approx(32.0)
    assert sum(i.contribution for i in card.items) == pytest.approx(card.score)


def test_empty_component_weight_is_redistributed() -> None:
    card = score("u", figures(tasks=(0, 0)))
    # (0.2·90 + 0.1·80 + 0.3·70) / 0.6
    assert card.score == pytest.approx((18 + 8 + 21) / 0.6)
    assert next(i for i in card.items if i.component == "task_on_time").value is None
    assert score("u", UnitFigures()).band == UNRATED


def test_custom_weights_and_points() -> None:
    w = ScoreWeights(task_on_time=1.0, reporting_timeliness=0.0, reporting_quality=0.0, target_achievement=0.0)
    assert score("u", figures(), w).score == pytest.approx(80.0)


@pytest.mark.parametrize(
    ("value", "band"),
    [(100.0, "Xuất sắc"), (90.0, "Xuất sắc"), (89.99, "Tốt"), (80.0, "Tốt"), (79.5, "Khá"), (70.0, "Khá"),
     (69.9, "Trung bình"), (50.0, "Trung bình"), (49.99, "Yếu"), (0.0, "Yếu")],
)
def test_bands(value: float, band: str) -> None:
    assert band_for(value) == band


def test_custom_bands() -> None:
    assert band_for(75.0, ((75.0, "Đạt"), (0.0, "Chưa đạt"))) == "Đạt"


@given(
    due=st.integers(0, 1000), ok=st.integers(0, 1000), sdue=st.integers(0, 100), son=st.integers(0, 100),
    made=st.integers(0, 100), clean=st.integers(0, 100),
    tcounts=st.lists(st.integers(0, 50), min_size=5, max_size=5),
)
def test_score_within_0_100(due: int, ok: int, sdue: int, son: int, made: int, clean: int,
                            tcounts: list[int]) -> None:
    ts = dict(zip(TargetStatus, tcounts, strict=True))
    f = UnitFigures(tasks_due=due, tasks_on_time=min(ok, due), submissions_due=sdue,
                    submissions_on_time=min(son, sdue), submissions_made=min(made, sdue),
                    submissions_clean=min(clean, made, sdue), target_status=ts, targets=sum(tcounts))
    card = score("u", f)
    assert 0.0 <= card.score <= 100.0
    for i in card.items:
        assert i.value is None or 0.0 <= i.value <= 100.0


def test_rank_peers_same_kind_same_parent_with_ties() -> None:
    units = [UnitRef("P", None, "province", "P"), UnitRef("a", "P", "commune", "a"),
             UnitRef("b", "P", "commune", "b"), UnitRef("c", "P", "commune", "c"),
             UnitRef("d", "P", "commune", "d"), UnitRef("s", "P", "department", "s")]
    cards = {"P": score("P", figures()), "a": score("a", figures(tasks=(10, 10))),
             "b": score("b", figures(tasks=(5, 10))), "c": score("c", figures(tasks=(5, 10))),
             "d": score("d", figures(tasks=(1, 10))), "s": score("s", figures(tasks=(0, 10)))}
    rank_peers(cards, units)
    assert [(cards[u].rank, cards[u].peers) for u in "abcd"] == [(1, 4), (2, 4), (2, 4), (4, 4)]
    assert (cards["s"].rank, cards["s"].peers) == (1, 1)  # departments are not ranked with communes
    assert cards["P"].rank == 1


def _task(uid: str, status: TaskStatus, due: dt.date) -> TaskResult:
    return TaskResult(uid + status, uid, status, False, due, None, None, "")


def test_rollup_recomputes_ratios_from_sums() -> None:
    units = [UnitRef("P", None, "province", "P"), UnitRef("a", "P", "commune", "a"),
             UnitRef("b", "P", "commune", "b")]
    window = (D(2026, 1, 1), D(2026, 12, 31))
    due = D(2026, 6, 30)
    own = {
        "P": unit_figures([], [], [], [], window, D(2027, 1, 1)),
        "a": unit_figures([_task("a", TaskStatus.COMPLETED_ON_TIME, due)], [], [], [], window, D(2027, 1, 1)),
        "b": unit_figures([_task("b", TaskStatus.COMPLETED_ON_TIME, due)]
                          + [TaskResult(f"b{i}", "b", TaskStatus.IN_PROGRESS_OVERDUE, True, due, None, None, "")
                             for i in range(8)], [], [], [], window, D(2027, 1, 1)),
    }
    rolled = rollup_tree(units, own)
    p = rolled["P"]
    assert (p.tasks_on_time, p.tasks_due, p.units) == (2, 10, 3)
    task_item = next(i for i in score("P", p).items if i.component == "task_on_time")
    assert task_item.value == pytest.approx(20.0)  # 2/10, not the mean of 100 % and 11 %
    assert p.task_status == {TaskStatus.COMPLETED_ON_TIME: 2, TaskStatus.IN_PROGRESS_OVERDUE: 8}
    assert ancestors("a", {u.id: u.parent_id for u in units}) == ["P"]


def test_unit_figures_submissions() -> None:
    ps = periods_for_years(Frequency.MONTHLY, 2026, 2026)[:4]
    subs = [SubmissionFacts("u", ps[0].key, ps[0].due_date, ps[0].due_date, 0, SubmissionState.APPROVED),
            SubmissionFacts("u", ps[1].key, ps[1].due_date + dt.timedelta(days=1), ps[1].due_date, 1),
            SubmissionFacts("u", ps[2].key, None, ps[2].due_date, 0, SubmissionState.DRAFT)]
    f = unit_figures([], [], subs, ps, (D(1900, 1, 1), D(2027, 1, 1)), D(2027, 1, 1))
    assert (f.submissions_due, f.submissions_made, f.submissions_on_time, f.submissions_clean) == (4, 2, 1, 1)


def _tf(tid: str, parent: str | None, rule: RollupRule, den: float | None = None) -> TargetFacts:
    return TargetFacts(tid, "u", Comparator.GE, Direction.HIGHER_IS_BETTER, (Milestone(2030, 1.0),),
                       parent_target_id=parent, rollup=rule, denominator=den)


def _tr(tid: str, value: float | None) -> TargetResult:
    return TargetResult(tid, "u", TargetStatus.NO_DATA if value is None else TargetStatus.ON_TRACK, value,
                        None, None, (), None)


def test_cascade_sum_and_ratio() -> None:
    ts = [_tf("P1", None, RollupRule.NONE), _tf("a1", "P1", RollupRule.SUM), _tf("b1", "P1", RollupRule.SUM),
          _tf("P2", None, RollupRule.NONE), _tf("a2", "P2", RollupRule.RATIO, 100.0),
          _tf("b2", "P2", RollupRule.RATIO, 300.0), _tf("c2", "P2", RollupRule.RATIO, 50.0)]
    rs = {t.id: _tr(t.id, v) for t, v in zip(ts, [None, 3.0, 4.0, None, 50.0, 10.0, None], strict=True)}
    derive_cascade(ts, rs)
    assert rs["P1"].derived_value == 7.0
    # (50·100 + 10·300) / (100 + 300): summed numerators over summed denominators, not (50+10)/2
    assert rs["P2"].derived_value == pytest.approx(20.0)


def test_cascade_multi_level() -> None:
    ts = [_tf("N", None, RollupRule.NONE), _tf("P", "N", RollupRule.SUM), _tf("x", "P", RollupRule.SUM),
          _tf("y", "P", RollupRule.SUM)]
    rs = {t.id: _tr(t.id, v) for t, v in zip(ts, [None, None, 1.0, 2.0], strict=True)}
    derive_cascade(ts, rs)
    assert rs["P"].derived_value == 3.0 and rs["N"].derived_value == 3.0


def test_unit_figures_count_occurrences_closed_inside_the_window() -> None:
    from giamsat.domain.deadline import DeadlineSpec
    from giamsat.domain.states import ReportedTaskState as R
    from giamsat.evaluate.model import TaskFacts, TaskReportFact
    from giamsat.evaluate.tasks import counts_as_due, judge_task

    # a continuous duty (monthly windows 15th–14th, report due the 15th of the next month):
    # January active, February silent, March active, April no activity, May open on 20/5
    reports = [TaskReportFact(D(2026, 1, 14), R.IN_PROGRESS, 100, D(2026, 1, 19)),
               TaskReportFact(D(2026, 3, 14), R.IN_PROGRESS, 100, D(2026, 3, 19)),
               TaskReportFact(D(2026, 4, 14), R.NOT_STARTED, 0, D(2026, 4, 16))]
    duty = judge_task(TaskFacts("c", "u", DeadlineSpec.continuous("Thường xuyên"), reports, D(2026, 1, 1)),
                      D(2026, 5, 20))
    one_off = _task("u", TaskStatus.COMPLETED_ON_TIME, D(2026, 3, 31))
    # windows ending 14/2 (not reported) and 14/3 (active) fall in February–March; the one-off is due 31/3
    window = (D(2026, 2, 1), D(2026, 3, 31))
    f = unit_figures([duty, one_off], [], [], [], window, D(2026, 5, 20))
    assert (f.tasks_due, f.tasks_on_time) == (3, 2)
    assert counts_as_due(duty, *window) == (2, 1) and counts_as_due(one_off, *window) == (1, 1)
    # the whole history: January, March on time; February, April not; May still open
    f = unit_figures([duty], [], [], [], (D(1900, 1, 1), D(2026, 5, 20)), D(2026, 5, 20))
    assert (f.tasks_due, f.tasks_on_time) == (4, 2)
    assert f.task_status == {TaskStatus.NOT_STARTED_OVERDUE: 1}
