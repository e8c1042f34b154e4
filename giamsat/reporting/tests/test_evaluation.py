"""From database rows to statuses: hand-worked cases on a small Đồng Nai plan.

The plan (KH 99/KH-UBND, issued 01/12/2025, monthly reports under Decree 09: "Tháng 9/2026"
covers 15/08–14/09/2026 and is due 15/10/2026). We look on 20/11/2026, when the reports up
to "Tháng 10/2026" (due 15/11) are all due.

- Sở KH&CN leads "Xây dựng cơ sở dữ liệu" (Quý III/2026, due 30/09/2026): its approved
  report for Tháng 9 says in progress, 60 % → in progress, overdue.
- Sở KH&CN leads "Ban hành quy chế" (6/2026, due 30/06/2026): approved report for Tháng 8
  says completed on 20/07/2026 → completed late.
- Sở Tài chính leads "Số hoá hồ sơ" (9/2026): nobody reported on it → not reported, overdue.
- Sở KH&CN leads "Kết nối liên thông" (Năm 2026): the approved reports say not started (at
  risk, 41 days before the deadline); a later report that says completed on 10/10/2026 is only
  submitted, not approved → it does not count until approved.
- Sở KH&CN is responsible for "Tỷ lệ dịch vụ công trực tuyến toàn trình" ≥ 80 % in 2026,
  baseline 20 % in 2025; approved values 25 (Tháng 3), 28 (Tháng 6), 30 (Tháng 9) → off track.
- Sở Y tế reported (approved) Tháng 1–7, then nothing → it stopped reporting.
- Bình Phước (merged into Đồng Nai on 01/07/2025) had its own plan; its Sở KH&CN's overdue
  task rolls up into Đồng Nai.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.http import Http404
from django.utils import timezone

from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import Comparator, Frequency, TargetStatus, TaskStatus
from giamsat.evaluate import engine
from giamsat.evaluate.model import WarningKind
from giamsat.evaluate.periods import make_period
from giamsat.org.models import OrgUnit, Role
from giamsat.org.tests.factories import persona, registry, unit
from giamsat.plans.models import Document, DocumentStatus, Milestone, Target, Task
from giamsat.reporting import actions, evaluation
from giamsat.reporting.models import (
    FactsStamp,
    IndicatorValue,
    ReportingPeriod,
    Submission,
    TaskHistory,
    TaskReport,
)

AS_OF = dt.date(2026, 11, 20)


def _moment(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


class Plan:
    """A published plan with monthly periods and helpers to file reports on it."""

    def __init__(self, owner: str, number: str, months: int = 10) -> None:
        self.doc = Document.objects.create(
            number=number, owner=unit(owner), issuer=unit(owner), issued_on=dt.date(2025, 12, 1),
            status=DocumentStatus.PUBLISHED, title=f"Kế hoạch {number}")
        self.periods: dict[int, ReportingPeriod] = {}
        for m in range(1, months + 1):
            p = make_period(Frequency.MONTHLY, 2026, m)
            self.periods[m] = ReportingPeriod.objects.create(
                document=self.doc, frequency="monthly", year=2026, index=m, label=p.label, start=p.start,
                end=p.end, due_date=p.due_date)

    def task(self, lead: str, name: str, spec: DeadlineSpec, serves: tuple[Target, ...] = ()) -> Task:
        t = Task(document=self.doc, lead=unit(lead), name=name)
        t.set_deadline(spec)
        t.save()
        if serves:
            t.serves_targets.set(serves)
        return t

    def target(self, responsible: str, name: str, value: str, year: int = 2026, *, uom: str = "%",
               baseline: str | None = None, baseline_year: int | None = None) -> Target:
        g = Target.objects.create(document=self.doc, responsible=unit(responsible), name=name, unit_of_measure=uom,
                                  baseline_value=Decimal(baseline) if baseline else None, baseline_year=baseline_year)
        Milestone.objects.create(target=g, year=year, comparator=Comparator.GE.value, value=Decimal(value))
        return g

    def report(self, who: str, month: int, *, state: str = "approved", late_days: int = -3,
               tasks: tuple[tuple[Task, str, int, dt.date | None], ...] = (),
               values: tuple[tuple[Target, str], ...] = ()) -> Submission:
        period = self.periods[month]
        sent = period.due_date + dt.timedelta(days=late_days)
        sub = Submission.objects.create(
            period=period, unit=unit(who), state=state,
            submitted_at=_moment(sent) if state != "draft" else None,
            approved_at=_moment(sent + dt.timedelta(days=1)) if state == "approved" else None)
        for task, task_state, percent, completed in tasks:
            TaskReport.objects.create(submission=sub, task=task, state=task_state, percent=percent,
                                      completed_on=completed)
        for target, value in values:
            IndicatorValue.objects.create(submission=sub, target=target, value=Decimal(value))
        return sub


@pytest.fixture
def dong_nai(db: Any) -> Any:
    registry()
    evaluation.clear_cache()
    plan = Plan("dong-nai", "99/KH-UBND")
    dvc = plan.target("dong-nai.so-khcn", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "80", baseline="20",
                      baseline_year=2025)
    csdl = plan.task("dong-nai.so-khcn", "Xây dựng cơ sở dữ liệu khoa học và công nghệ",
                     DeadlineSpec.in_quarter(2026, 3, "Quý III/2026"), serves=(dvc,))
    quy_che = plan.task("dong-nai.so-khcn", "Ban hành quy chế quản lý dữ liệu", DeadlineSpec.in_month(2026, 6, "6/2026"))
    so_hoa = plan.task("dong-nai.so-tai-chinh", "Số hoá hồ sơ tài chính", DeadlineSpec.in_month(2026, 9, "9/2026"))
    ket_noi = plan.task("dong-nai.so-khcn", "Kết nối liên thông", DeadlineSpec.in_year(2026, "Năm 2026"))
    y_te = plan.task("dong-nai.so-y-te", "Bệnh án điện tử", DeadlineSpec.in_year(2027, "Năm 2027"))
    for m in range(1, 11):
        rows: list[tuple[Task, str, int, dt.date | None]] = [(ket_noi, "not_started", 0, None)]
        if m == 9:
            rows.append((csdl, "in_progress", 60, None))
        if m == 8:
            rows.append((quy_che, "completed", 100, dt.date(2026, 7, 20)))
        values = {3: "25", 6: "28", 9: "30"}
        plan.report("dong-nai.so-khcn", m, tasks=tuple(rows),
                    values=((dvc, values[m]),) if m in values else ())
        plan.report("dong-nai.so-tai-chinh", m)
        if m <= 7:
            plan.report("dong-nai.so-y-te", m, tasks=((y_te, "in_progress", 10 * m, None),))
    # the only report that says the link-up is done was never approved
    late = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=plan.periods[10])
    late.delete()
    plan.report("dong-nai.so-khcn", 10, state="submitted",
                tasks=((ket_noi, "completed", 100, dt.date(2026, 10, 10)), (csdl, "completed", 100, None)))
    # Bình Phước's plan from before the merger
    bp = Plan("binh-phuoc", "12/KH-UBND", months=3)
    bp_task = bp.task("binh-phuoc.so-khcn", "Chuyển đổi số ngành khoa học", DeadlineSpec.in_month(2026, 2, "2/2026"))
    bp.report("binh-phuoc.so-khcn", 1, tasks=((bp_task, "in_progress", 30, None),))
    return type("DongNai", (), {"plan": plan, "dvc": dvc, "csdl": csdl, "quy_che": quy_che, "so_hoa": so_hoa,
                                "ket_noi": ket_noi, "bp": bp, "bp_task": bp_task})


def _status(ev: Any, task: Task) -> Any:
    return ev.tasks[str(task.pk)]


def test_task_statuses_from_database_rows(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    csdl = _status(ev, dong_nai.csdl)
    assert (csdl.status, csdl.overdue, csdl.percent) == (TaskStatus.IN_PROGRESS_OVERDUE, True, 60)
    assert _status(ev, dong_nai.quy_che).status is TaskStatus.COMPLETED_LATE
    so_hoa = _status(ev, dong_nai.so_hoa)
    assert (so_hoa.status, so_hoa.overdue) == (TaskStatus.NOT_REPORTED, True)
    assert so_hoa.unit_id == "dong-nai.so-tai-chinh"


def test_only_approved_reports_count(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    # the submitted-but-not-approved report of Tháng 10 says "completed": it is ignored, and
    # "not started" with 41 days left of the year is at risk
    assert _status(ev, dong_nai.ket_noi).status is TaskStatus.AT_RISK
    assert _status(ev, dong_nai.csdl).status is TaskStatus.IN_PROGRESS_OVERDUE

    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state, sub.approved_at = "approved", _moment(dt.date(2026, 11, 14))
    sub.save()
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)
    assert _status(ev, dong_nai.ket_noi).status is TaskStatus.COMPLETED_ON_TIME
    assert _status(ev, dong_nai.csdl).status is TaskStatus.COMPLETED_LATE


def test_a_target_off_track(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    r = ev.targets[str(dong_nai.dvc.pk)]
    assert r.status is TargetStatus.OFF_TRACK
    assert (r.latest_value, r.milestone_year) == (30.0, 2026)
    assert r.projection is not None and r.projection.misses


def test_a_unit_that_stopped_reporting(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    stopped = {w.unit_id for w in ev.warnings if w.kind is WarningKind.UNIT_STOPPED_REPORTING}
    # Sở Y tế sent nothing for Tháng 8, 9, 10; the province itself owes no report of its own
    assert stopped == {"dong-nai.so-y-te", "binh-phuoc.so-khcn"}


def test_a_merged_units_figures_roll_into_its_successor(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    bp = ev.tasks[str(dong_nai.bp_task.pk)]
    assert (bp.status, bp.unit_id) == (TaskStatus.IN_PROGRESS_OVERDUE, "binh-phuoc.so-khcn")
    assert ev.rollups["binh-phuoc"].task_status == {TaskStatus.IN_PROGRESS_OVERDUE: 1}
    province = ev.rollups["dong-nai"].task_status
    # Đồng Nai's five tasks and Bình Phước's one
    assert sum(province.values()) == 6
    assert province[TaskStatus.IN_PROGRESS_OVERDUE] == 2


def test_the_dashboard_of_a_standing_agency_shows_only_its_units(dong_nai: Any) -> None:
    lang_son = Plan("lang-son", "7/KH-UBND", months=2)
    ls_task = lang_son.task("lang-son.so-khcn", "Nhiệm vụ của Lạng Sơn", DeadlineSpec.in_month(2026, 1, "1/2026"))
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)

    figures = evaluation.dashboard_figures(standing, as_of=AS_OF)

    assert figures.scope is not None and figures.scope.code == "dong-nai"
    units = {c.unit.code for c in figures.compliance} | {u.unit.code for u in figures.tasks_by_unit}
    assert "lang-son.so-khcn" not in units
    overdue = {a.id for u in figures.tasks_by_unit for a in u.overdue}
    assert ls_task.pk not in overdue
    assert {dong_nai.csdl.pk, dong_nai.so_hoa.pk, dong_nai.bp_task.pk} <= overdue
    assert sum(c.count for c in figures.task_status) == 6
    with pytest.raises(Http404):
        evaluation.dashboard_figures(standing, as_of=AS_OF, unit_id="lang-son")


def test_dashboard_figures_carry_ids_and_compliance(dong_nai: Any) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)

    figures = evaluation.dashboard_figures(standing, as_of=AS_OF, document_id=dong_nai.plan.doc.pk)

    assert figures.period is not None and figures.period.label == "Tháng 10/2026"
    by_unit = {c.unit.code: c for c in figures.compliance}
    khcn, y_te = by_unit["dong-nai.so-khcn"], by_unit["dong-nai.so-y-te"]
    assert (khcn.expected, khcn.submitted, khcn.approved, khcn.missing) == (1, 1, 0, 0)
    assert (y_te.expected, y_te.submitted, y_te.missing) == (1, 0, 1)
    assert [a.id for a in figures.targets_at_risk] == [dong_nai.dvc.pk]
    assert figures.targets_at_risk[0].document_id == dong_nai.plan.doc.pk
    kinds = {(w.kind, w.subject, w.subject_id) for w in figures.warnings}
    assert (WarningKind.UNIT_STOPPED_REPORTING.value, "unit", unit("dong-nai.so-y-te").pk) in kinds
    ranked = {r.unit.code: r for r in figures.ranking}
    assert set(ranked) == {"dong-nai.so-khcn", "dong-nai.so-tai-chinh", "dong-nai.so-y-te"}
    assert all(r.band for r in ranked.values())


def test_dashboard_query_count_is_pinned(dong_nai: Any, django_assert_max_num_queries: Any) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    evaluation.refresh_facts()  # as the approvals would have left them
    # 18 to evaluate, 1 for the units' stamp (the tree is built once), 3 for the kept figures (the row,
    # the scope's version, keeping the new figures)
    with django_assert_max_num_queries(22):
        cold = evaluation.dashboard_figures(standing, as_of=AS_OF)
    with django_assert_max_num_queries(4):  # memberships are cached on the user; the data version decides
        warm = evaluation.dashboard_figures(standing, as_of=AS_OF)
    assert warm.task_status == cold.task_status
    # a bigger plan costs no more queries: the loading is set-based
    for i in range(30):
        dong_nai.plan.task("dong-nai.so-y-te", f"Nhiệm vụ thêm {i}", DeadlineSpec.in_year(2026, "Năm 2026"))
    evaluation.clear_cache()
    with django_assert_max_num_queries(22):
        bigger = evaluation.dashboard_figures(standing, as_of=AS_OF)
    assert bigger.tasks_total == cold.tasks_total + 30


def test_incremental_update_equals_full_evaluation(dong_nai: Any) -> None:
    evaluation.evaluate_scope(unit("dong-nai"), AS_OF)
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state, sub.approved_at = "approved", _moment(dt.date(2026, 11, 14))
    sub.save()

    evaluation.on_submission_approved(sub)
    before_reads = evaluation.data_version()
    incremental = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)  # served from the updated cache
    assert evaluation._CACHE and next(iter(evaluation._CACHE.values())).version == before_reads
    evaluation.clear_cache()
    full = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert incremental is not full
    assert _status(incremental, dong_nai.ket_noi).status is TaskStatus.COMPLETED_ON_TIME
    assert incremental.to_dict() == _normalised(full.to_dict(), incremental.to_dict())


def _normalised(full: dict[str, Any], incremental: dict[str, Any]) -> dict[str, Any]:
    """The same content; lists of issues and warnings may come in another order after an update."""
    for key in ("issues", "warnings"):
        order = [json.dumps(x, sort_keys=True) for x in incremental[key]]
        full[key] = sorted(full[key], key=lambda x: order.index(json.dumps(x, sort_keys=True))
                           if json.dumps(x, sort_keys=True) in order else len(order))
    return full


def test_a_cached_evaluation_never_hides_an_approval(dong_nai: Any) -> None:
    first = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)
    assert _status(first, dong_nai.ket_noi).status is TaskStatus.AT_RISK
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state, sub.approved_at = "approved", _moment(dt.date(2026, 11, 14))
    sub.save()  # nobody calls on_submission_approved

    again = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert _status(again, dong_nai.ket_noi).status is TaskStatus.COMPLETED_ON_TIME


def test_evaluate_command_json_names_the_unit(dong_nai: Any) -> None:
    out = StringIO()
    call_command("evaluate", "--as-of", "2026-11-20", "--unit", "dong-nai", "--json", stdout=out)

    data = json.loads(out.getvalue())
    assert data["unit"] == {"code": "dong-nai", "name": unit("dong-nai").name}
    assert data["scope_unit_id"] == "dong-nai"
    assert data["tasks"][str(dong_nai.so_hoa.pk)]["status"] == "not_reported"


def test_evaluate_command_prints_a_vietnamese_summary(dong_nai: Any) -> None:
    out = StringIO()
    call_command("evaluate", "--as-of", "2026-11-20", "--unit", "dong-nai", stdout=out)

    text = out.getvalue()
    assert f"Đơn vị: {unit('dong-nai').name}" in text
    assert "Đang thực hiện quá hạn: 2" in text
    assert "Chưa báo cáo: 1" in text


def test_evaluate_command_json_without_details_keeps_the_unit_figures(dong_nai: Any) -> None:
    out = StringIO()
    call_command("evaluate", "--as-of", "2026-11-20", "--unit", "dong-nai", "--json", "--no-details", stdout=out)

    data = json.loads(out.getvalue())
    assert data["unit"]["code"] == "dong-nai"
    assert data["rollups"]["dong-nai"]["task_status"]["in_progress_overdue"] == 2
    assert "tasks" not in data and data["counts"]["tasks"] == 6


def test_engine_sees_the_same_units_as_the_database(dong_nai: Any) -> None:
    scope = evaluation.Scope(evaluation.scope_of(unit("dong-nai")))
    dataset, _meta = evaluation.load_dataset(scope, AS_OF, keep="dong-nai")
    parents = {u.id: u.parent_id for u in dataset.units}
    assert parents["binh-phuoc"] == "dong-nai"
    assert parents["dong-nai"] is None
    assert "dong-nai.so-noi-vu" not in parents  # no task, no target, no report: not in the tree
    assert engine.subtree(dataset.units, "dong-nai")
    assert OrgUnit.objects.get(code="binh-phuoc").successor == unit("dong-nai")


def test_evaluation_of_one_plan_only(dong_nai: Any) -> None:
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF, document_ids=[dong_nai.bp.doc.pk])

    assert set(ev.tasks) == {str(dong_nai.bp_task.pk)}
    assert ev.targets == {}
    assert sum(ev.rollups["dong-nai"].task_status.values()) == 1


def test_a_theme_narrows_the_dashboard_to_its_targets_and_their_tasks(dong_nai: Any) -> None:
    Target.objects.filter(pk=dong_nai.dvc.pk).update(theme="chinh-quyen-so")
    admin = persona("quantri", "dong-nai", Role.ADMIN)

    figures = evaluation.dashboard_figures(admin, as_of=AS_OF, unit_id="dong-nai", theme="chinh-quyen-so")

    assert (figures.targets_total, figures.tasks_total) == (1, 1)  # the target and the one task serving it
    assert [a.id for u in figures.tasks_by_unit for a in u.overdue] == [dong_nai.csdl.pk]


def test_the_engine_closes_periods_when_the_stored_periods_fall_due(plan: Document) -> None:
    """Periods opened by the workflow (the plan's own regime: quarterly, due on the 20th) set the
    engine's regime, so a period is closed exactly when its stored due date has passed."""
    from giamsat.reporting.actions import open_periods

    periods = open_periods(plan, today=dt.date(2026, 11, 20))
    for p in periods:
        Submission.objects.create(period=p, unit=unit("dong-nai.so-khcn"), state="approved",
                                  submitted_at=_moment(p.due_date), approved_at=_moment(p.due_date))
    dataset, _meta = evaluation.load_dataset(evaluation.Scope(evaluation.scope_of(unit("dong-nai"))), AS_OF)

    cfg = dataset.config
    mine = [p for p in periods if p.frequency == cfg.reporting_frequency.value]
    assert mine and cfg.reporting_frequency is Frequency.QUARTERLY
    assert [make_period(cfg.reporting_frequency, p.year, p.index, cfg.regime).due_date for p in mine] == [
        p.due_date for p in mine]
    assert [p.key for p in engine.closed_periods(dataset, AS_OF)] == [p.key for p in mine if p.due_date < AS_OF]


# --------------------------------------------------------------------------- pre-aggregated task histories


def _history(task: Task) -> list[str]:
    row = TaskHistory.objects.filter(task=task).first()
    return row.reports.split(" ") if row else []


def test_an_approval_updates_the_task_histories_in_its_transaction(dong_nai: Any) -> None:
    evaluation.refresh_facts()
    assert len(_history(dong_nai.ket_noi)) == 9  # Tháng 1–9 approved; Tháng 10 only submitted
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])

    actions.approve_report(standing, sub)

    tokens = _history(dong_nai.ket_noi)
    assert len(tokens) == 10
    assert tokens[-1].split("|")[1].split(",")[:2] == ["completed", "100"]
    assert evaluation.stale_units(None) == set()  # nothing left for the next read to rebuild
    ev = evaluation.evaluate_scope(unit("dong-nai"), timezone.localdate())  # approved today
    assert _status(ev, dong_nai.ket_noi).status is TaskStatus.COMPLETED_ON_TIME

    actions.reopen_report(standing, Submission.objects.get(pk=sub.pk), "Sai ngày hoàn thành")

    assert len(_history(dong_nai.ket_noi)) == 9
    assert evaluation.stale_units(None) == set()


def test_a_report_approved_without_the_action_is_seen_all_the_same(dong_nai: Any) -> None:
    evaluation.refresh_facts()
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state, sub.approved_at = "approved", _moment(dt.date(2026, 11, 14))
    sub.save()  # straight to the database: the histories of Sở KH&CN are now stale

    assert evaluation.stale_units(None) == {unit("dong-nai.so-khcn").pk}
    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert _status(ev, dong_nai.ket_noi).status is TaskStatus.COMPLETED_ON_TIME
    assert len(_history(dong_nai.ket_noi)) == 10


def test_rebuild_facts_command_restores_the_histories(dong_nai: Any) -> None:
    evaluation.refresh_facts()
    before = dict(TaskHistory.objects.values_list("task_id", "reports"))
    TaskHistory.objects.all().delete()
    FactsStamp.objects.all().delete()
    out = StringIO()

    call_command("rebuild_facts", stdout=out)

    assert dict(TaskHistory.objects.values_list("task_id", "reports")) == before
    assert set(before) == {dong_nai.csdl.pk, dong_nai.quy_che.pk, dong_nai.ket_noi.pk,
                           dong_nai.bp_task.pk, Task.objects.get(name="Bệnh án điện tử").pk}
    assert "5 nhiệm vụ" in out.getvalue()
    assert evaluation.stale_units(None) == set()


def test_histories_hold_only_the_lead_units_approved_reports(dong_nai: Any) -> None:
    coordinator = Submission.objects.get(unit=unit("dong-nai.so-tai-chinh"), period=dong_nai.plan.periods[9])
    TaskReport.objects.create(submission=coordinator, task=dong_nai.csdl, state="completed", percent=100)

    evaluation.refresh_facts()

    assert len(_history(dong_nai.csdl)) == 1  # Sở KH&CN's Tháng 9 only; Sở Tài chính only coordinates
    assert _history(dong_nai.so_hoa) == []


def test_the_dashboard_from_histories_equals_the_one_from_report_rows(dong_nai: Any, monkeypatch: Any) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    monkeypatch.setattr(evaluation, "KEEP_FIGURES", False)  # both readings evaluate
    for as_of in (AS_OF, dt.date(2026, 8, 16), dt.date(2026, 3, 1)):
        evaluation.clear_cache()
        fast = evaluation.dashboard_figures(standing, as_of=as_of)
        monkeypatch.setattr(evaluation, "USE_HISTORIES", False)
        evaluation.clear_cache()
        full = evaluation.dashboard_figures(standing, as_of=as_of)
        monkeypatch.setattr(evaluation, "USE_HISTORIES", True)
        assert fast == full
        assert fast.tasks_total == 6


def test_many_stale_units_are_read_from_the_report_rows_without_rewriting(dong_nai: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(evaluation, "INLINE_REFRESH_LIMIT", 1)  # three units have approved reports, none a history

    ev = evaluation.evaluate_scope(unit("dong-nai"), AS_OF)

    assert _status(ev, dong_nai.csdl).status is TaskStatus.IN_PROGRESS_OVERDUE
    assert _status(ev, dong_nai.quy_che).status is TaskStatus.COMPLETED_LATE
    assert not TaskHistory.objects.exists()
    assert len(evaluation.stale_units(None)) == 4  # Sở KH&CN, Sở Tài chính, Sở Y tế; Bình Phước's Sở KH&CN


def test_saving_a_draft_keeps_the_evaluation_but_opening_or_sending_one_does_not(dong_nai: Any) -> None:
    period = dong_nai.plan.periods[10]
    Submission.objects.filter(period=period, unit=unit("dong-nai.so-y-te")).delete()
    start = evaluation.data_version()
    draft = Submission.objects.create(period=period, unit=unit("dong-nai.so-y-te"))
    opened = evaluation.data_version()
    assert opened != start  # a new draft: the unit's expected reports may change
    draft.summary = "Đang cập nhật số liệu"
    draft.save()
    assert evaluation.data_version() == opened  # a saved draft changes nothing the evaluation reads
    draft.state, draft.submitted_at = "submitted", _moment(dt.date(2026, 12, 10))
    draft.save()
    sent = evaluation.data_version()
    assert sent != opened
    draft.return_count, draft.state = 1, "draft"  # returned to the unit
    draft.save()
    returned = evaluation.data_version()
    assert returned != sent
    draft.state = "submitted"
    draft.save()
    again = evaluation.data_version()
    draft.state, draft.approved_at = "approved", _moment(dt.date(2026, 12, 12))
    draft.save()
    assert evaluation.data_version() != again  # an approval: same rows out of draft, a newer change


def test_the_unit_tree_is_built_once_and_again_when_the_units_change(dong_nai: Any, monkeypatch: Any) -> None:
    tree = evaluation.current_tree()
    assert evaluation.current_tree() is tree  # nothing changed: the same tree
    so_y_te = unit("dong-nai.so-y-te")
    so_y_te.name = "Sở Y tế (tên mới sau sắp xếp)"
    so_y_te.save()
    renamed = evaluation.current_tree()
    assert renamed is not tree and renamed.by_pk[so_y_te.pk].name == "Sở Y tế (tên mới sau sắp xếp)"
    moved = OrgUnit.objects.create(code="dong-nai.so-moi", name="Sở mới", kind=so_y_te.kind, parent=unit("dong-nai"))
    grown = evaluation.current_tree()
    assert grown is not renamed and moved.pk in grown.subtree(unit("dong-nai").pk)
    moved.parent = unit("lang-son")
    moved.save()
    assert moved.pk not in evaluation.current_tree().subtree(unit("dong-nai").pk)
    monkeypatch.setattr(evaluation, "TREE_TTL", 0.0)  # a rename the stamp cannot see shows once the tree is old
    before = evaluation.current_tree()
    assert evaluation.current_tree() is not before


def test_evaluations_over_plans_read_the_histories_and_equal_the_report_rows(dong_nai: Any, monkeypatch: Any) -> None:
    """The target and task lists and the public figures evaluate plans (`document_ids`) over every unit:
    they read the task histories, and judge exactly as the report rows of the plans' own periods do, with
    returned and reopened reports, a report approved again later, a merged unit's plan and a plan nobody
    reported on."""
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    sent = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    actions.return_report(standing, sent, "Thiếu minh chứng")  # submitted → returned
    actions.reopen_report(standing, Submission.objects.get(unit=unit("dong-nai.so-khcn"),
                                                          period=dong_nai.plan.periods[8]), "Sai ngày")
    again = Submission.objects.get(unit=unit("dong-nai.so-y-te"), period=dong_nai.plan.periods[7])
    actions.reopen_report(standing, again, "Sai số liệu")
    again.refresh_from_db()
    again.state, again.approved_at = "approved", _moment(dt.date(2026, 10, 1))  # approved again, later
    again.save()
    quiet = Plan("lang-son", "7/KH-UBND", months=3)  # a plan nobody reported on
    quiet.task("lang-son.so-khcn", "Số hoá hồ sơ", DeadlineSpec.in_month(2026, 2, "2/2026"))
    docs = {"all": [dong_nai.plan.doc.pk, dong_nai.bp.doc.pk, quiet.doc.pk], "dong-nai": [dong_nai.plan.doc.pk],
            "merged": [dong_nai.bp.doc.pk], "quiet": [quiet.doc.pk]}
    read: list[Any] = []
    monkeypatch.setattr(evaluation, "_read_histories",
                        lambda *a, _read=evaluation._read_histories: read.append(a[0]) or _read(*a))
    tree = evaluation.UnitTree()

    def reports(ds: Any) -> dict[str, list[tuple[Any, ...]]]:
        return {t.id: sorted((r.period_end, r.reported_on, r.state.value, r.percent, r.completed_on)
                             for r in t.reports) for t in ds.tasks}

    for as_of in (AS_OF, dt.date(2026, 9, 20), dt.date(2026, 3, 1)):
        for name, ids in docs.items():
            for units in (None, frozenset(tree.subtree(unit("dong-nai").pk))):
                scope = evaluation.Scope(units, tuple(ids))
                read.clear()
                fast, _ = evaluation.load_dataset(scope, as_of, tree)
                assert [s.document_ids for s in read] == [tuple(ids)], name  # the histories, not the rows
                full, _ = evaluation.load_dataset(scope, as_of, tree, histories=False)
                assert reports(fast) == reports(full), (name, as_of)
                assert (engine.evaluate(fast, as_of).to_dict() == engine.evaluate(full, as_of).to_dict()), name
    all_plans, _ = evaluation.load_dataset(evaluation.Scope(None, tuple(docs["all"])), AS_OF, tree)
    by_task = {t.id: t for t in all_plans.tasks}
    assert len(by_task[str(dong_nai.quy_che.pk)].reports) == 0  # its only completed report was reopened
    assert len(by_task[str(dong_nai.ket_noi.pk)].reports) == 8  # Tháng 1–7 and 9; 8 reopened, 10 returned
    assert len(by_task[str(dong_nai.bp_task.pk)].reports) == 1
    assert len(all_plans.tasks) == 7
    early, _ = evaluation.load_dataset(evaluation.Scope(None, tuple(docs["all"])), dt.date(2026, 9, 20), tree)
    y_te = next(t for t in early.tasks if t.unit_id == "dong-nai.so-y-te")
    assert len(y_te.reports) == 6  # Tháng 7 approved again only on 01/10
