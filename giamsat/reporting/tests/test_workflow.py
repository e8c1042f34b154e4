"""The reporting cycle, step by step, with the people of Đồng Nai."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from django.core import mail

from giamsat.audit.models import AuditEvent
from giamsat.reporting import actions
from giamsat.reporting.access import get_submission_for_review, get_submission_for_user, review_queue
from giamsat.reporting.errors import ConflictError, LockedError, NotAllowed, ValidationError
from giamsat.reporting.models import ReportingPeriod, Submission, SubmissionEvent

pytestmark = pytest.mark.django_db


def quarter(plan, year, index):
    return ReportingPeriod.objects.get(document=plan, frequency="quarterly", year=year, index=index)


def rows(submission):
    tasks = {r.task.name: r for r in submission.task_reports.select_related("task")}
    values = {v.target.name: v for v in submission.values.select_related("target")}
    return tasks, values


DATABASE = "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh"
YEARLY = "Tổng kết, đánh giá kết quả chuyển đổi số hằng năm"
ONLINE = "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình"
FIRMS = "Số doanh nghiệp khoa học và công nghệ"


def fill(actor, submission, **overrides):
    tasks, values = rows(submission)
    task_rows = [
        {"task_id": tasks[DATABASE].task_id, "state": "in_progress", "percent": 40,
         "progress": "Hoàn thành khảo sát, thiết kế cơ sở dữ liệu.", "output": "Bản thiết kế"},
        {"task_id": tasks[YEARLY].task_id, "state": "not_started", "percent": 0},
    ]
    value_rows = [
        {"target_id": values[ONLINE].target_id, "value": "62,5", "measured_on": "09/03/2026", "source": "Cổng DVC tỉnh"},
        {"target_id": values[FIRMS].target_id, "value": 31, "measured_on": dt.date(2026, 3, 9), "source": "Sở KH&CN"},
    ]
    return actions.save_draft(actor, submission, expected_version=submission.version, summary="Tiến độ quý I đạt yêu cầu.",
                              task_reports=overrides.get("task_reports", task_rows), values=overrides.get("values", value_rows))


def test_periods_are_opened_from_the_plans_regime_with_decree_09_cut_offs(plan, at):
    at("2026-04-10 09:00")
    opened = actions.open_periods(plan)
    assert [(p.label, p.start, p.end, p.due_date) for p in opened] == [
        ("Quý IV/2025", dt.date(2025, 9, 15), dt.date(2025, 12, 14), dt.date(2025, 12, 15)),
        ("Quý I/2026", dt.date(2025, 12, 15), dt.date(2026, 3, 14), dt.date(2026, 3, 15)),
        ("Quý II/2026", dt.date(2026, 3, 15), dt.date(2026, 6, 14), dt.date(2026, 6, 15)),
    ]
    assert [p.key for p in opened] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert actions.open_periods(plan) == opened  # idempotent
    assert ReportingPeriod.objects.filter(document=plan).count() == 3


def test_a_draft_lists_exactly_the_units_tasks_and_indicators(plan, people, unit, at):
    at("2026-04-10 09:00")
    actions.open_periods(plan)
    lead = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), quarter(plan, 2026, 1))
    tasks, values = rows(lead)
    assert set(tasks) == {DATABASE, YEARLY} and set(values) == {ONLINE, FIRMS}
    assert tasks[DATABASE].is_lead and tasks[DATABASE].occurrence == ""
    assert tasks[YEARLY].occurrence == "2026-Y1"  # a yearly task: one obligation per year
    coordinator = actions.get_or_create_draft(people.reporter_taichinh, unit("dong-nai.so-tai-chinh"), quarter(plan, 2026, 1))
    tasks, values = rows(coordinator)
    assert list(tasks) == [DATABASE] and not tasks[DATABASE].is_lead and values == {}
    again = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), quarter(plan, 2026, 1))
    assert again.pk == lead.pk


def test_the_whole_cycle_draft_submit_return_fix_approve_reopen(plan, people, unit, at, django_capture_on_commit_callbacks):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    khcn = unit("dong-nai.so-khcn")
    draft = actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 1))
    draft = fill(people.reporter_khcn, draft)
    assert draft.version == 2 and draft.state == "draft"

    with pytest.raises(NotAllowed, match="lãnh đạo đơn vị"):
        actions.submit_report(people.reporter_khcn, draft)  # a reporter fills, the approver submits
    at("2026-03-12 10:00")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(people.approver_khcn, draft)
    assert draft.state == "submitted" and not draft.is_late
    assert [m.to for m in mail.outbox] == [["thuongtruc.dongnai@dongnai.gov.vn"]]
    assert list(review_queue(people.standing)) == [draft]
    assert list(review_queue(people.standing_langson)) == []
    with pytest.raises(LockedError):
        fill(people.reporter_khcn, draft)

    with django_capture_on_commit_callbacks(execute=True):
        actions.return_report(people.standing, draft, "Bổ sung minh chứng cho số liệu dịch vụ công trực tuyến.")
    assert sorted(mail.outbox[-1].to) == ["baocao.khcn@dongnai.gov.vn", "lanhdao.khcn@dongnai.gov.vn"]
    assert "Bổ sung minh chứng" in mail.outbox[-1].body
    assert draft.state == "returned" and draft.return_count == 1
    assert draft.last_comment.startswith("Bổ sung minh chứng")
    draft = fill(people.reporter_khcn, draft, values=[{"target_id": rows(draft)[1][ONLINE].target_id, "value": "63.1"}])
    actions.submit_report(people.approver_khcn, draft)
    actions.approve_report(people.standing, draft)
    assert draft.state == "approved" and draft.approved_by == people.standing
    assert rows(draft)[1][ONLINE].value == decimal.Decimal("63.1")
    approved = actions.submission_snapshot(draft)
    with pytest.raises(LockedError, match="không sửa được"):
        fill(people.reporter_khcn, draft)
    draft.refresh_from_db()
    assert actions.submission_snapshot(draft) == approved

    with pytest.raises(ValidationError, match="lý do"):
        actions.reopen_report(people.standing, draft, "  ")
    actions.reopen_report(people.standing, draft, "Cục Thống kê điều chỉnh số liệu quý I.")
    assert draft.state == "returned"
    draft = fill(people.reporter_khcn, draft, values=[{"target_id": rows(draft)[1][ONLINE].target_id, "value": "64"}])
    actions.submit_report(people.approver_khcn, draft)
    actions.approve_report(people.standing, draft)

    kinds = list(draft.events.values_list("kind", flat=True))
    assert kinds == ["created", "saved", "submitted", "returned", "saved", "resubmitted", "approved", "reopened", "saved",
                     "resubmitted", "approved"]
    reopened = draft.events.get(kind="reopened")
    old = {v["target_id"]: v["value"] for v in reopened.snapshot["values"]}
    assert old[rows(draft)[1][ONLINE].target_id] == "63.1000"  # the approved value stays in the history
    assert rows(draft)[1][ONLINE].value == decimal.Decimal("64")
    assert AuditEvent.objects.filter(action="reporting.reopened", reason__startswith="Cục Thống kê").count() == 1


def test_a_reporter_of_another_unit_is_refused_at_every_step_and_nothing_changes(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    khcn = unit("dong-nai.so-khcn")
    with pytest.raises(NotAllowed):
        actions.get_or_create_draft(people.reporter_yte, khcn, quarter(plan, 2026, 1))
    assert not Submission.objects.exists()
    draft = fill(people.reporter_khcn, actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 1)))
    before = actions.submission_snapshot(draft)
    events, audits = SubmissionEvent.objects.count(), AuditEvent.objects.count()

    outsider, outside_approver = people.reporter_yte, people.approver_yte
    steps = [
        lambda: fill(outsider, draft),
        lambda: actions.submit_report(outside_approver, draft),
        lambda: actions.return_report(outside_approver, draft, "Không đạt"),
        lambda: actions.approve_report(outsider, draft),
        lambda: actions.reopen_report(outsider, draft, "Sửa"),
        lambda: actions.approve_report(people.standing_langson, draft),
    ]
    for step in steps:
        with pytest.raises(NotAllowed):
            step()
    from django.http import Http404
    with pytest.raises(Http404):
        get_submission_for_user(outsider, draft.pk)
    with pytest.raises(Http404):
        get_submission_for_review(people.approver_khcn, draft.pk)
    assert get_submission_for_review(people.standing, draft.pk) == draft
    draft.refresh_from_db()
    assert actions.submission_snapshot(draft) == before and draft.state == "draft"
    assert (SubmissionEvent.objects.count(), AuditEvent.objects.count()) == (events, audits)


def test_two_people_saving_the_same_draft_get_a_conflict_not_a_silent_overwrite(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    khcn = unit("dong-nai.so-khcn")
    draft = actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 1))
    first_tab = Submission.objects.get(pk=draft.pk)
    second_tab = Submission.objects.get(pk=draft.pk)
    actions.save_draft(people.reporter_khcn, first_tab, expected_version=first_tab.version, summary="Bản của chị Giang")
    with pytest.raises(ConflictError, match="tải lại"):
        actions.save_draft(people.approver_khcn, second_tab, expected_version=second_tab.version, summary="Bản của anh Em")
    for garbled in (None, "", "hai", "1.5"):
        with pytest.raises(ConflictError):
            actions.save_draft(people.approver_khcn, draft, expected_version=garbled, summary="Không có phiên bản")
    actions.save_draft(people.approver_khcn, draft, expected_version="2", summary="Bản của chị Giang, anh Em bổ sung")
    draft.refresh_from_db()
    assert draft.summary == "Bản của chị Giang, anh Em bổ sung" and draft.version == 3


def test_bad_values_are_refused_row_by_row_and_nothing_is_saved(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    draft = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), quarter(plan, 2026, 1))
    draft = fill(people.reporter_khcn, draft)
    before = actions.submission_snapshot(draft)
    tasks, values = rows(draft)
    with pytest.raises(ValidationError) as caught:
        actions.save_draft(people.reporter_khcn, draft, expected_version=draft.version, summary="Bị ghi đè?",
                           task_reports=[
                               {"task_id": tasks[DATABASE].task_id, "state": "completed", "percent": 100},
                               {"task_id": tasks[YEARLY].task_id, "percent": 140},
                           ],
                           values=[
                               {"target_id": values[ONLINE].target_id, "value": "khoảng sáu mươi"},
                               {"target_id": values[FIRMS].target_id, "value": "12 tỷ đồng"},
                               {"target_id": 999999, "value": 1},
                           ])
    errors = caught.value.errors
    assert errors == [
        f"Nhiệm vụ dòng 1 (“{DATABASE}”): đã hoàn thành thì phải ghi ngày hoàn thành.",
        f"Nhiệm vụ dòng 2 (“{YEARLY}”): tiến độ “140” phải là số nguyên từ 0 đến 100.",
        f"Chỉ tiêu dòng 1 (“{ONLINE}”): giá trị “khoảng sáu mươi” không phải là số.",
        f"Chỉ tiêu dòng 2 (“{FIRMS}”): đơn vị “tỷ đồng” của giá trị “12 tỷ đồng” không khớp đơn vị tính "
        "của chỉ tiêu (“doanh nghiệp”).",
        "Chỉ tiêu dòng 3: chỉ tiêu #999999 không thuộc báo cáo này.",
    ]
    with pytest.raises(ValidationError, match="ngoài khoảng 0–100%"):
        actions.save_draft(people.reporter_khcn, draft, expected_version=draft.version,
                           values=[{"target_id": values[ONLINE].target_id, "value": "120 %"}])
    with pytest.raises(ValidationError, match="tạm dừng thì phải nêu lý do"):
        actions.save_draft(people.reporter_khcn, draft, expected_version=draft.version,
                           task_reports=[{"task_id": tasks[DATABASE].task_id, "state": "suspended"}])
    draft.refresh_from_db()
    assert actions.submission_snapshot(draft) == before


def test_a_completed_task_with_its_date_and_unit_written_values_are_accepted(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    draft = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), quarter(plan, 2026, 1))
    tasks, values = rows(draft)
    actions.save_draft(people.reporter_khcn, draft, expected_version=1,
                       task_reports=[{"task_id": tasks[DATABASE].task_id, "state": "completed", "completed_on": "05/03/2026"}],
                       values=[{"target_id": values[ONLINE].target_id, "value": "70,5%"},
                               {"target_id": values[FIRMS].target_id, "value": "1 234 doanh nghiệp"}])
    tasks, values = rows(draft)
    assert (tasks[DATABASE].state, tasks[DATABASE].percent, tasks[DATABASE].completed_on) == ("completed", 100, dt.date(2026, 3, 5))
    assert values[ONLINE].value == decimal.Decimal("70.5") and values[FIRMS].value == decimal.Decimal("1234")


def test_late_submission_is_flagged(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    draft = fill(people.reporter_khcn, actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"),
                                                                   quarter(plan, 2026, 1)))
    assert draft.days_late(dt.date(2026, 3, 18)) == 3 and draft.days_late(dt.date(2026, 3, 15)) == 0
    at("2026-03-19 08:00")
    actions.submit_report(people.approver_khcn, draft)
    assert draft.is_late and draft.days_late() == 4
    assert draft.days_late(dt.date(2026, 5, 1)) == 4  # lateness is fixed at submission


def test_the_next_period_starts_from_the_last_approved_values_marked_until_confirmed(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    khcn = unit("dong-nai.so-khcn")
    q1 = fill(people.reporter_khcn, actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 1)))
    actions.submit_report(people.approver_khcn, q1)
    actions.approve_report(people.standing, q1)
    at("2026-06-01 09:00")
    actions.open_periods(plan)
    q2 = actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 2))
    tasks, values = rows(q2)
    assert (tasks[DATABASE].state, tasks[DATABASE].percent, tasks[DATABASE].carried_forward) == ("in_progress", 40, True)
    assert tasks[YEARLY].carried_forward  # same yearly occurrence (2026-Y1): carried
    assert values[ONLINE].value == decimal.Decimal("62.5") and values[ONLINE].carried_forward
    assert values[FIRMS].value == decimal.Decimal("31")
    with pytest.raises(ValidationError, match="chưa được xác nhận"):
        actions.submit_report(people.approver_khcn, q2)
    q2 = actions.save_draft(people.reporter_khcn, q2, expected_version=q2.version,
                            task_reports=[{"task_id": tasks[DATABASE].task_id, "percent": 70},
                                          {"task_id": tasks[YEARLY].task_id}],
                            values=[{"target_id": values[ONLINE].target_id, "value": 68},
                                    {"target_id": values[FIRMS].target_id}])
    assert not q2.has_unconfirmed_rows
    actions.submit_report(people.approver_khcn, q2)
    assert q2.state == "submitted"


def test_a_yearly_task_starts_afresh_in_a_new_year(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    khcn = unit("dong-nai.so-khcn")
    q1 = actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2026, 1))
    tasks, _ = rows(q1)
    q1 = fill(people.reporter_khcn, q1, task_reports=[
        {"task_id": tasks[YEARLY].task_id, "state": "completed", "completed_on": "2026-03-01", "output": "Báo cáo tổng kết"},
        {"task_id": tasks[DATABASE].task_id, "state": "in_progress", "percent": 10}])
    actions.submit_report(people.approver_khcn, q1)
    actions.approve_report(people.standing, q1)
    at("2027-01-05 09:00")
    actions.open_periods(plan)
    q1_2027 = actions.get_or_create_draft(people.reporter_khcn, khcn, quarter(plan, 2027, 1))
    tasks, _ = rows(q1_2027)
    assert tasks[YEARLY].occurrence == "2027-Y1"
    assert (tasks[YEARLY].state, tasks[YEARLY].carried_forward) == ("not_started", False)
    assert tasks[DATABASE].carried_forward and tasks[DATABASE].percent == 10


@pytest.mark.parametrize(("regime", "period", "expected"), [
    # Decree 09 by default: data close on the 14th, the report is due the day after the cut-off
    ({"frequencies": ["monthly"], "due_day": 15, "cutoff_day": 14}, ("monthly", 2026, 1),
     (dt.date(2025, 12, 15), dt.date(2026, 1, 14), dt.date(2026, 1, 15))),
    # "trước ngày 5 của tháng sau": a due day before the cut-off falls in the following month
    ({"frequencies": ["quarterly"], "due_day": 5, "cutoff_day": 14}, ("quarterly", 2026, 2),
     (dt.date(2026, 3, 15), dt.date(2026, 6, 14), dt.date(2026, 7, 5))),
    # no due day written: the 20th, after the cut-off
    ({"frequencies": ["semiannual"], "due_day": None, "cutoff_day": 14}, ("semiannual", 2026, 1),
     (dt.date(2025, 12, 15), dt.date(2026, 6, 14), dt.date(2026, 6, 20))),
    # a plan configured for calendar periods (cut-off 0): the whole year, due in the next January
    ({"frequencies": ["annual"], "due_day": 10, "cutoff_day": 0}, ("annual", 2026, 1),
     (dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 10))),
])
def test_the_plans_regime_sets_the_windows_and_due_dates(plan, at, regime, period, expected):
    from giamsat.plans.models import ReportingRegime as StoredRegime

    StoredRegime.objects.update_or_create(document=plan, defaults=regime)
    plan.refresh_from_db()
    at("2027-02-01 09:00")
    opened = {(p.frequency, p.year, p.index): p for p in actions.open_periods(plan)}
    found = opened[period]
    assert (found.start, found.end, found.due_date) == expected
    assert {p.frequency for p in opened.values()} == {period[0]}


def test_a_plan_without_a_regime_reports_quarterly_and_yearly(plan, at):
    from giamsat.plans.models import ReportingRegime as StoredRegime

    StoredRegime.objects.filter(document=plan).delete()
    plan = type(plan).objects.get(pk=plan.pk)
    at("2026-04-01 09:00")
    opened = actions.open_periods(plan)
    assert {p.key for p in opened} == {"2025-Q4", "2025-Y1", "2026-Q1", "2026-Q2", "2026-Y1"}
    year_2025 = next(p for p in opened if p.key == "2025-Y1")  # the plan began on 1/12/2025, within that year's window
    assert (year_2025.start, year_2025.end, year_2025.due_date) == (dt.date(2024, 12, 15), dt.date(2025, 12, 14),
                                                                   dt.date(2025, 12, 20))


def test_the_lead_sees_the_coordinators_part_and_a_newly_assigned_task_joins_the_draft(plan, people, unit, at):
    from giamsat.plans.models import Task
    from giamsat.reporting.aggregate import coordination_for

    at("2026-03-10 09:00")
    actions.open_periods(plan)
    period = quarter(plan, 2026, 1)
    lead = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), period)
    part = actions.get_or_create_draft(people.reporter_taichinh, unit("dong-nai.so-tai-chinh"), period)
    task_id = rows(part)[0][DATABASE].task_id
    actions.save_draft(people.reporter_taichinh, part, expected_version=1, task_reports=[
        {"task_id": task_id, "state": "in_progress", "percent": 30, "progress": "Đã bố trí kinh phí khảo sát."}])
    assert [(c["unit_code"], c["percent"], c["progress"]) for c in coordination_for(lead)] == [
        ("dong-nai.so-tai-chinh", 30, "Đã bố trí kinh phí khảo sát.")]
    assert coordination_for(part) == []

    Task.objects.filter(document=plan, order=1).first().coordinators.add(unit("dong-nai.so-tai-chinh"))
    again = actions.get_or_create_draft(people.reporter_taichinh, unit("dong-nai.so-tai-chinh"), period)
    assert set(rows(again)[0]) == {DATABASE, YEARLY} and again.events.filter(kind="rows_added").count() == 1
    assert rows(again)[0][DATABASE].percent == 30  # what was entered stays
