"""The per-province parallel evaluation gives the serial result, field by field and in order."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import pytest

from giamsat.evaluate import synth
from giamsat.evaluate.engine import evaluate
from giamsat.evaluate.model import Dataset, Evaluation, UnitRef
from giamsat.evaluate.parallel import evaluate_parallel, province_blocks

AS_OF = dt.date(2027, 1, 20)


@pytest.fixture(scope="module")
def five() -> Dataset:
    return synth.generate(seed=11, provinces=5, departments=10, communes=25, tasks_per_plan=10,
                          targets_per_plan=5)


def assert_same(a: Evaluation, b: Evaluation) -> None:
    assert (a.as_of, a.scope_unit_id) == (b.as_of, b.scope_unit_id)
    assert list(a.tasks) == list(b.tasks)
    for k, r in a.tasks.items():
        assert r == b.tasks[k], k
    assert list(a.targets) == list(b.targets)
    for k2, g in a.targets.items():
        assert g == b.targets[k2], k2
    assert a.issues == b.issues  # same order too
    assert a.warnings == b.warnings
    assert list(a.own) == list(b.own) and a.own == b.own
    assert a.rollups == b.rollups
    assert a.scorecards == b.scorecards
    assert a.to_json() == b.to_json()


@pytest.mark.parametrize("workers", [2, 3, 50])
def test_parallel_equals_serial(five: Dataset, workers: int) -> None:
    serial = evaluate(five, AS_OF)
    assert_same(evaluate_parallel(five, AS_OF, workers=workers), serial)
    assert_same(evaluate(five, AS_OF, workers=workers), serial)


def test_parallel_equals_serial_for_one_province(five: Dataset) -> None:
    assert_same(evaluate(five, AS_OF, unit_id="P02", workers=2), evaluate(five, AS_OF, unit_id="P02"))


def test_parallel_equals_serial_with_units_out_of_province_order(five: Dataset) -> None:
    units = list(five.units)
    random.Random(3).shuffle(units)
    mixed = Dataset(units, five.tasks, five.targets, five.submissions, five.config)
    assert len(province_blocks(units)) > 6  # provinces split into several runs
    assert_same(evaluate(mixed, AS_OF, workers=2), evaluate(mixed, AS_OF))


def test_what_crosses_provinces_is_done_after_the_merge(five: Dataset) -> None:
    ev = evaluate(five, AS_OF, workers=2)
    provinces = [u.id for u in five.units if u.kind == "province"]
    # the nation rolls up every province, and the provinces are ranked among themselves
    assert ev.rollups[synth.NATION].units == len(five.units)
    assert sorted(ev.scorecards[p].rank or 0 for p in provinces) == sorted(
        1 + sum(1 for q in provinces if ev.scorecards[q].score > ev.scorecards[p].score) for p in provinces)
    assert all(ev.scorecards[p].peers == len(provinces) for p in provinces)


def test_province_blocks() -> None:
    units = [UnitRef("VN", None, "nation", ""), UnitRef("A", "VN", "province", ""),
             UnitRef("A-1", "A", "commune", ""), UnitRef("A-1-x", "A-1", "village", ""),
             UnitRef("B", "VN", "province", ""), UnitRef("B-1", "B", "commune", ""),
             UnitRef("A-2", "A", "commune", "")]
    assert province_blocks(units) == [(0, 1), (1, 4), (4, 6), (6, 7)]
    # a subtree: its root alone, then each child with its own units
    assert province_blocks(units[1:4]) == [(0, 1), (1, 3)]
    assert province_blocks([]) == []


def test_results_pickle_to_equal_objects(five: Dataset) -> None:
    ev = evaluate(five, AS_OF)
    again = pickle.loads(pickle.dumps(ev))
    assert_same(again, ev)
