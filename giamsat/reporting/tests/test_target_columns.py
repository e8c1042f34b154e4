# ruff: noqa: F811 (the tests take the `dong_nai` fixture imported from test_evaluation)
"""Two target columns the evaluation reads: `monotone` (a cumulative figure that cannot fall) and
`cascade_denominator` (a percentage's scale when it rolls up into the target it serves)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from giamsat.org.tests.factories import unit
from giamsat.reporting import evaluation
from giamsat.reporting.tests.test_evaluation import AS_OF, Plan, dong_nai  # noqa: F401 (the fixture)


def _enterprises(plan: Plan, monotone: bool) -> Any:
    target = plan.target("dong-nai.so-khcn", "Số doanh nghiệp khoa học và công nghệ", "50", uom="doanh nghiệp")
    target.monotone = monotone
    target.save()
    plan.report("dong-nai.so-khcn", 4, state="approved", values=((target, "40"),))
    plan.report("dong-nai.so-khcn", 5, state="approved", values=((target, "35"),))
    return target


def test_a_cumulative_target_that_falls_is_flagged_and_the_value_set_aside(dong_nai: Any) -> None:
    plan = Plan("dong-nai", "100/KH-UBND", months=5)
    target = _enterprises(plan, monotone=True)

    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    issues = [i for i in ev.issues if i.subject_id == str(target.pk)]
    assert [(i.code, i.value, i.excluded) for i in issues] == [("stock_decrease", 35.0, True)]
    assert ev.targets[str(target.pk)].latest_value == 40.0


def test_a_target_that_may_fall_keeps_its_latest_value(dong_nai: Any) -> None:
    plan = Plan("dong-nai", "100/KH-UBND", months=5)
    target = _enterprises(plan, monotone=False)

    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert not [i for i in ev.issues if i.subject_id == str(target.pk)]
    assert ev.targets[str(target.pk)].latest_value == 35.0


def test_percentages_with_denominators_roll_up_as_a_weighted_rate(dong_nai: Any) -> None:
    province = Plan("dong-nai", "101/KH-UBND", months=3)
    parent = province.target("dong-nai", "Tỷ lệ hồ sơ trực tuyến của tỉnh", "80")
    department = Plan("dong-nai.so-y-te", "102/KH-SYT", months=3)
    children = []
    for who, value, files in (("dong-nai.so-y-te", "90", "1000"), ("dong-nai.so-tai-chinh", "50", "3000")):
        child = department.target(who, f"Tỷ lệ hồ sơ trực tuyến ({who})", "80")
        child.serves, child.cascade_denominator = parent, Decimal(files)
        child.save()
        department.report(who, 2, state="approved", values=((child, value),))
        children.append(child)

    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert ev.targets[str(parent.pk)].derived_value == (90 * 1000 + 50 * 3000) / 4000  # 60 %, not the mean 70 %
    for child in children:
        child.cascade_denominator = None
        child.save()
    evaluation.clear_cache()
    assert ev.targets[str(parent.pk)].derived_value != evaluation.evaluate_scope(
        unit("dong-nai"), AS_OF).targets[str(parent.pk)].derived_value
