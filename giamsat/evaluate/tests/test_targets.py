from __future__ import annotations

import datetime as dt

import pytest

from giamsat.domain.states import Comparator as C
from giamsat.domain.states import Direction
from giamsat.domain.states import TargetStatus as S
from giamsat.evaluate.model import Milestone, TargetFacts
from giamsat.evaluate.targets import achievement_ratio, judge_milestone, judge_target, meets, project, years

D = dt.date
BASE_DAY = D(2024, 12, 31)


@pytest.mark.parametrize(
    ("cmp", "value", "milestone", "expected"),
    [
        (C.GE, 80.0, Milestone(2030, 80), True),
        (C.GE, 79.99, Milestone(2030, 80), False),
        (C.GT, 80.0, Milestone(2030, 80), False),
        (C.LE, 5.0, Milestone(2030, 5), True),
        (C.LT, 5.0, Milestone(2030, 5), False),
        (C.EQ, 100.0, Milestone(2030, 100), True),
        (C.EQ, 99.0, Milestone(2030, 100), False),
        (C.RANGE, 12.0, Milestone(2030, 10, 15), True),
        (C.RANGE, 15.5, Milestone(2030, 10, 15), False),
        (C.RANK_TOP, 3.0, Milestone(2030, 3), True),  # top 3: rank 3 is in
        (C.RANK_TOP, 4.0, Milestone(2030, 3), False),
        (C.TEXT, 1.0, Milestone(2030, 1.0, text="Đạt"), True),
        (C.TEXT, 0.5, Milestone(2030, 1.0, text="Đạt"), False),
    ],
)
def test_meets(cmp: C, value: float, milestone: Milestone, expected: bool) -> None:
    assert meets(cmp, value, milestone) is expected


@pytest.mark.parametrize(
    ("cmp", "value", "milestone", "ratio"),
    [
        (C.GE, 40.0, Milestone(2030, 80), 0.5),
        (C.LE, 10.0, Milestone(2030, 5), 0.5),  # twice the allowed level
        (C.RANK_TOP, 40.0, Milestone(2030, 20), 0.5),  # rank 40 for a top-20 goal
        (C.RANK_TOP, 10.0, Milestone(2030, 20), 2.0),
        (C.EQ, 90.0, Milestone(2030, 100), 0.9),
        (C.RANGE, 5.0, Milestone(2030, 10, 15), 0.5),
        (C.RANGE, 30.0, Milestone(2030, 10, 15), 0.5),
        (C.RANGE, 12.0, Milestone(2030, 10, 15), 1.0),
        (C.TEXT, 0.5, Milestone(2030, 1.0), 0.5),
        (C.GE, 0.0, Milestone(2030, 0), 1.0),
        (C.GE, -2.0, Milestone(2030, 3), 0.0),  # negative growth against a positive goal
    ],
)
def test_achievement_ratio(cmp: C, value: float, milestone: Milestone, ratio: float) -> None:
    assert achievement_ratio(cmp, value, milestone) == pytest.approx(ratio)


def target(cmp: C = C.GE, values: list[tuple[dt.date, float]] | None = None,
           milestones: tuple[Milestone, ...] = (Milestone(2030, 80.0),), baseline: float | None = 20.0,
           direction: Direction = Direction.HIGHER_IS_BETTER) -> TargetFacts:
    return TargetFacts("g1", "u1", cmp, direction, milestones, baseline, BASE_DAY if baseline is not None else None,
                       values or [])


# baseline 20 on 31/12/2024, goal 80 on 31/12/2030; on 31/12/2027 1095 of 2191 days have passed (49.98 %)
@pytest.mark.parametrize(
    ("value", "status"),
    [
        (50.0, S.ON_TRACK),  # progress 0.5 vs planned 0.4998
        (48.0, S.ON_TRACK),  # progress 0.467: lags 0.033 ≤ 0.05
        (45.0, S.AT_RISK),  # progress 0.417: lags 0.083
        (30.0, S.OFF_TRACK),  # progress 0.167: lags 0.333 > 0.20
        (85.0, S.ACHIEVED),
    ],
)
def test_trajectory_status(value: float, status: S) -> None:
    t = target(values=[(D(2027, 12, 31), value)])
    m = judge_milestone(t, t.milestones[0], t.values, D(2028, 1, 15))
    assert m.status is status
    assert m.planned_value == pytest.approx(20 + 60 * 1095 / 2191)
    assert m.progress == pytest.approx((value - 20) / 60)


@pytest.mark.parametrize(
    ("rank", "status"),
    [(40.0, S.ON_TRACK), (15.0, S.ACHIEVED), (20.0, S.ACHIEVED), (55.0, S.OFF_TRACK), (45.0, S.AT_RISK)],
)
def test_rank_top_trajectory(rank: float, status: S) -> None:
    # baseline rank 60, goal: top 20 by 2030; lower rank number is better
    t = target(C.RANK_TOP, [(D(2027, 12, 31), rank)], (Milestone(2030, 20.0),), 60.0, Direction.LOWER_IS_BETTER)
    assert judge_target(t, t.values, D(2028, 1, 15)).status is status


def test_past_milestone_judged_on_value_at_its_date() -> None:
    t = target(values=[(D(2025, 12, 31), 25.0), (D(2026, 6, 30), 35.0)],
               milestones=(Milestone(2025, 30.0), Milestone(2030, 80.0)))
    r = judge_target(t, t.values, D(2026, 7, 1))
    by_year = {m.year: m for m in r.milestones}
    assert by_year[2025].status is S.OFF_TRACK  # 25 on 31/12/2025 missed 30
    assert r.milestone_year == 2030  # headline: the next milestone
    assert r.latest_value == 35.0


def test_milestone_due_today_is_still_open() -> None:
    t = target(values=[(D(2025, 6, 30), 28.0)], milestones=(Milestone(2025, 30.0),))
    assert judge_target(t, t.values, D(2025, 12, 31)).milestone_year == 2025


def test_no_data() -> None:
    r = judge_target(target(values=[]), [], D(2026, 1, 1))
    assert r.status is S.NO_DATA and r.latest_value is None


def test_values_after_as_of_are_ignored() -> None:
    t = target(values=[(D(2025, 6, 30), 30.0), (D(2026, 6, 30), 90.0)])
    assert judge_target(t, t.values, D(2026, 1, 1)).latest_value == 30.0


def test_without_baseline_first_value_starts_the_line() -> None:
    t = target(values=[(D(2025, 12, 31), 20.0), (D(2027, 12, 31), 50.0)], baseline=None,
               milestones=(Milestone(2029, 80.0),))
    m = judge_milestone(t, t.milestones[0], t.values, D(2028, 1, 1))
    assert m.progress == pytest.approx(0.5)
    assert m.status is S.ON_TRACK


def test_single_value_without_baseline_uses_ratio() -> None:
    t = target(values=[(D(2025, 12, 31), 60.0)], baseline=None)
    assert judge_target(t, t.values, D(2026, 1, 1)).status is S.AT_RISK  # ratio 0.75


def test_projection_exact_line() -> None:
    days = [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31), D(2026, 3, 31)]
    values = [(d, 10 + 5 * (years(d) - 25)) for d in days]
    t = target(values=values, milestones=(Milestone(2030, 80.0),))
    p = project(t, t.milestones[0], values)
    assert p is not None
    expected = 10 + 5 * (years(D(2030, 12, 31)) - 25)
    assert p.value == pytest.approx(expected)
    assert p.slope_per_year == pytest.approx(5.0)
    assert p.std_error == pytest.approx(0.0, abs=1e-6)
    assert p.misses and p.shortfall == pytest.approx(80 - expected)
    assert p.since == D(2025, 9, 30)  # the first projection (3 points) already missed


def test_projection_interval_and_since_reset() -> None:
    # slow start, then a fast catch-up, then stalls: "since" is where the current run of misses began
    vals = [(D(2025, 3, 31), 20.0), (D(2025, 6, 30), 21.0), (D(2025, 9, 30), 22.0),
            (D(2025, 12, 31), 60.0), (D(2026, 3, 31), 62.0), (D(2026, 6, 30), 62.0), (D(2026, 9, 30), 62.5)]
    t = target(values=vals, milestones=(Milestone(2026, 90.0),))
    p = project(t, t.milestones[0], vals)
    assert p is not None
    assert p.lower < p.value < p.upper
    assert p.n_points == 7
    assert p.misses
    # 3 points project 27 (miss); after the jump, 4 and 5 points project 97.2 and 98.6 (meet);
    # from the 6th point on (89.0, then 80.0) every projection misses
    assert p.since == D(2026, 6, 30)
    assert p.value == pytest.approx(79.96, abs=0.01)


def test_projection_needs_three_points_and_no_text() -> None:
    t = target(values=[(D(2025, 3, 31), 1.0), (D(2025, 6, 30), 2.0)])
    assert project(t, t.milestones[0], t.values) is None
    q = target(C.TEXT, [(D(2025, 3, 31), 0.0), (D(2025, 6, 30), 0.5), (D(2025, 9, 30), 0.5)],
               (Milestone(2030, 1.0),), 0.0)
    assert project(q, q.milestones[0], q.values) is None
    assert judge_target(q, q.values, D(2025, 10, 1)).status in (S.ON_TRACK, S.AT_RISK, S.OFF_TRACK)
