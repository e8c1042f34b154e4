from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from giamsat.domain.states import Frequency, ReportedTaskState, SubmissionState, TaskStatus
from giamsat.evaluate import synth
from giamsat.evaluate.engine import evaluate, period_scorecards, replace_unit_facts, update_unit
from giamsat.evaluate.model import Dataset, Evaluation, SubmissionFacts, TaskReportFact
from giamsat.evaluate.periods import make_period

AS_OF = dt.date(2027, 1, 20)


@pytest.fixture(scope="module")
def small() -> Dataset:
    return synth.generate(seed=7, provinces=3, departments=6, communes=12, tasks_per_plan=12,
                          targets_per_plan=6)


def normal(ev: Evaluation) -> dict[str, Any]:
    d = ev.to_dict()
    d["issues"] = sorted(d["issues"], key=json.dumps)
    d["warnings"] = sorted(d["warnings"], key=json.dumps)
    return d


def test_full_evaluation_shape(small: Dataset) -> None:
    ev = evaluate(small, AS_OF)
    assert len(ev.tasks) == len(small.tasks) and len(ev.targets) == len(small.targets)
    nation = ev.rollups[synth.NATION]
    assert nation.units == len(small.units)
    assert sum(nation.task_status.values()) == len(small.tasks)
    assert sum(nation.target_status.values()) == len(small.targets)
    # a province's figures are the sum of its own and its units'
    kids = [u.id for u in small.units if u.parent_id == "P01"]
    assert ev.rollups["P01"].tasks_due == ev.own["P01"].tasks_due + sum(ev.rollups[k].tasks_due for k in kids)
    for card in ev.scorecards.values():
        assert 0 <= card.score <= 100
        assert card.rank is None or 1 <= card.rank <= (card.peers or 0)
    text = ev.to_json()
    data = json.loads(text)
    assert data["as_of"] == "2027-01-20"
    assert "Hoàn thành" in text or "Quá hạn" in text  # Vietnamese reasons, not escaped
    assert set(data["scorecards"]["P01"]) >= {"score", "band", "items", "rank", "peers"}
    brief = json.loads(ev.to_json(details=False))
    assert brief["counts"]["tasks"] == len(small.tasks) and "tasks" not in brief
    assert brief["scorecards"] == data["scorecards"]


def test_scope_to_one_province(small: Dataset) -> None:
    full = evaluate(small, AS_OF)
    one = evaluate(small, AS_OF, unit_id="P02")
    assert all(r.unit_id.startswith("P02") for r in one.tasks.values())
    assert one.rollups["P02"] == full.rollups["P02"]
    assert one.scorecards["P02"].score == full.scorecards["P02"].score
    assert synth.NATION not in one.rollups
    with pytest.raises(KeyError):
        evaluate(small, AS_OF, unit_id="nope")


@pytest.mark.parametrize("uid", ["P02-X001", "P02"])
def test_incremental_equals_full(uid: str) -> None:
    small = synth.generate(seed=7, provinces=3, departments=6, communes=12, tasks_per_plan=12,
                           targets_per_plan=6)
    ev = evaluate(small, AS_OF)
    # the unit catches up: every task completed, every report resubmitted on time, nothing returned
    for t in small.tasks:
        if t.unit_id == uid:
            t.reports = [*t.reports, TaskReportFact(dt.date(2026, 12, 14), ReportedTaskState.COMPLETED, 100,
                                                    dt.date(2026, 12, 20))]
    fresh_subs = []
    for m in range(1, 13):
        p = make_period(Frequency.MONTHLY, 2026, m)
        fresh_subs.append(SubmissionFacts(uid, p.key, p.due_date, p.due_date, 0, SubmissionState.APPROVED))
    replace_unit_facts(small, uid, submissions=fresh_subs)
    for g in small.targets:
        if g.unit_id == uid:
            g.values = [*g.values, (dt.date(2026, 12, 31), 150.0)]
    before = ev.scorecards[uid].score
    updated = update_unit(ev, small, uid)
    fresh = evaluate(small, AS_OF)
    assert normal(updated) == normal(fresh)
    assert updated.scorecards[uid].score != before
    assert updated.rollups["P02"] == fresh.rollups["P02"]
    assert updated.rollups[synth.NATION] == fresh.rollups[synth.NATION]


def test_period_scorecards(small: Dataset) -> None:
    ev = evaluate(small, AS_OF)
    q = make_period(Frequency.QUARTERLY, 2026, 2)
    cards = period_scorecards(small, ev, q)
    assert cards["P01"].period == "2026-Q2"
    sub = next(i for i in cards[synth.NATION].items if i.component == "reporting_timeliness")
    # three monthly reports per unit fall inside a quarter's window
    assert sub.denominator == 3 * (len(small.units) - 1)  # the nation root has no plan: owes no report
    assert all(0 <= c.score <= 100 for c in cards.values())


def test_statuses_cover_taxonomy(small: Dataset) -> None:
    ev = evaluate(small, AS_OF)
    seen = {r.status for r in ev.tasks.values()}
    assert {TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE, TaskStatus.IN_PROGRESS_OVERDUE} <= seen


def test_synth_is_deterministic() -> None:
    a = synth.generate(seed=3, provinces=2, departments=2, communes=4, tasks_per_plan=5, targets_per_plan=3)
    b = synth.generate(seed=3, provinces=2, departments=2, communes=4, tasks_per_plan=5, targets_per_plan=3)
    c = synth.generate(seed=4, provinces=2, departments=2, communes=4, tasks_per_plan=5, targets_per_plan=3)
    ra = {k: list(v) for k, v in synth.rows(a).items()}
    assert ra == {k: list(v) for k, v in synth.rows(b).items()}
    assert ra != {k: list(v) for k, v in synth.rows(c).items()}
    for table, cols in synth.COLUMNS.items():
        assert all(len(r) == len(cols) for r in ra[table]), table
    first = next(synth.dict_rows(a, "units"))
    assert first == {"id": "VN", "parent_id": None, "kind": "nation", "name": "Toàn quốc"}
    assert len([u for u in a.units if u.kind == "commune"]) == 4


def test_text_summary(small: Dataset) -> None:
    from giamsat.evaluate.report import text_summary

    ev = evaluate(small, AS_OF, unit_id="P01")
    text = text_summary(ev)
    assert "Đánh giá tại ngày 20/01/2027" in text
    assert "Điểm tổng hợp" in text and "Nhiệm vụ hoàn thành đúng hạn" in text
    assert "Hoàn thành đúng hạn:" in text
    full = evaluate(small, AS_OF)
    assert "Đơn vị: VN" in text_summary(full)


def test_explain_score_lists_the_items(small: Dataset) -> None:
    from giamsat.evaluate.report import explain_score

    ev = evaluate(small, AS_OF)
    uid = "P03-X001"
    items = explain_score(ev, small, uid, limit=1000)
    card = ev.own[uid]
    assert len(items["task_on_time"]) == card.tasks_due - card.tasks_on_time
    assert len(items["reporting_timeliness"]) == card.submissions_due - card.submissions_on_time
    assert len(items["reporting_quality"]) == card.submissions_made - card.submissions_clean
    not_achieved = sum(n for s, n in card.target_status.items() if s.value in ("no_data", "off_track", "at_risk"))
    assert len(items["target_achievement"]) == not_achieved


def test_dataset_from_rows_round_trip(small: Dataset) -> None:
    from giamsat.evaluate.loader import dataset_from_rows

    # as a database would return them: dates as ISO strings for the reports
    tables = {k: list(v) for k, v in synth.rows(small).items()}
    tables["task_reports"] = [(a, b.isoformat(), c, d, e.isoformat(), f) for a, b, c, d, e, f in
                              tables["task_reports"]]
    again = dataset_from_rows(tables, small.config)
    assert normal(evaluate(again, AS_OF)) == normal(evaluate(small, AS_OF))


def test_engine_agrees_with_sql_reference(small: Dataset, tmp_path: Path) -> None:
    """The benchmark's DuckDB SQL re-expresses the rules; on the same rows both must agree."""
    spec = importlib.util.spec_from_file_location(
        "bench_evaluate", Path(__file__).resolve().parents[3] / "benchmarks" / "bench_evaluate.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    con = bench.load_duckdb(small, tmp_path)
    sql = bench.dashboard_sql(small)
    start = small.config.reporting_start
    for province in ("P01", "P03"):
        ours = bench.engine_dashboard(small, province)
        ref = bench.duckdb_dashboard(con, sql, province, start)
        assert bench.compare(ours, ref) == []
        assert sum(ours["task_status"].values()) == sum(1 for t in small.tasks if t.unit_id.startswith(province))


def test_rollup_of_the_nation_is_the_sum_of_every_unit(small: Dataset) -> None:
    ev = evaluate(small, AS_OF)
    nation = ev.rollups[synth.NATION]
    for field in ("tasks_due", "tasks_on_time", "submissions_due", "submissions_on_time", "submissions_made",
                  "submissions_clean", "targets", "issues", "warnings", "units"):
        assert getattr(nation, field) == sum(getattr(f, field) for f in ev.own.values()), field
    assert nation.issues == len(ev.issues) and nation.warnings == len(ev.warnings)
