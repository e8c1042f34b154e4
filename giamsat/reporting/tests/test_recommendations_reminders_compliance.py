"""Recommendations with deadlines and duplicates, reminders around due dates, and who reported."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from giamsat.audit.models import AuditEvent
from giamsat.reporting import actions
from giamsat.reporting.access import recommendations_for_user
from giamsat.reporting.aggregate import compliance, province_picture, recommendation_status
from giamsat.reporting.errors import LockedError, NotAllowed, ValidationError
from giamsat.reporting.models import Recommendation, ReminderLog, ReportingPeriod
from giamsat.reporting.reminders import send_reminders

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_a_number_written_the_vietnamese_way_reads_back_exactly(number):
    text = f"{number:,.2f}".replace(",", " ").replace(".", ",")  # 1 234 567,89
    assert actions.parse_value(text) == number
    assert actions.parse_value(str(number)) == number


def test_a_recommendation_from_a_report_goes_to_the_plan_owner_with_a_deadline(plan, people, unit, at):
    at("2026-03-10 09:00")
    rec = actions.raise_recommendation(
        people.reporter_khcn, title="Thiếu kinh phí duy trì cơ sở dữ liệu khoa học",
        body="Đề nghị bố trí kinh phí năm 2026 để duy trì, vận hành cơ sở dữ liệu.", category="funding",
        unit=unit("dong-nai.so-khcn"))
    assert rec.routed_to == unit("dong-nai") and rec.state == "new" and rec.due_date == dt.date(2026, 3, 25)
    assert rec.days_left() == 15 and not rec.is_overdue()
    assert recommendation_status(rec)["countdown"] == "Còn 15 ngày"
    assert recommendation_status(rec, dt.date(2026, 3, 28))["countdown"] == "Quá hạn 3 ngày"
    assert rec in recommendations_for_user(people.approver_khcn)
    assert rec in recommendations_for_user(people.standing)
    assert rec not in recommendations_for_user(people.reporter_yte)


def test_the_answer_its_state_and_lateness_are_recorded(plan, people, unit, at):
    at("2026-03-10 09:00")
    rec = actions.raise_recommendation(people.reporter_khcn, title="Chậm cấp tài khoản", body="Cần cấp tài khoản hệ thống.",
                                       category="data", unit=unit("dong-nai.so-khcn"), routed_to=unit("dong-nai.so-tai-chinh"))
    with pytest.raises(NotAllowed):
        actions.answer_recommendation(people.approver_yte, rec, "Không liên quan")
    rec.refresh_from_db()
    assert rec.state == "new" and rec.answer == ""
    actions.start_handling(people.reporter_taichinh, rec)
    assert rec.state == "in_progress"
    at("2026-03-30 09:00")
    actions.answer_recommendation(people.approver_taichinh, rec, "Đã cấp tài khoản ngày 30/3.")
    assert rec.state == "answered" and rec.answered_late and rec.days_left() is None
    status = recommendation_status(rec)
    assert (status["state_label"], status["answered_late"], status["countdown"]) == ("Đã trả lời", True, None)
    with pytest.raises(LockedError):
        actions.start_handling(people.reporter_taichinh, rec)
    actions.close_recommendation(people.reporter_khcn, rec)
    assert rec.state == "closed"
    assert list(AuditEvent.objects.filter(object_type="reporting.Recommendation").order_by("pk")
                .values_list("action", flat=True)) == [
        "reporting.recommendation_raised", "reporting.recommendation_handling", "reporting.recommendation_answered",
        "reporting.recommendation_closed"]


def test_a_citizen_raises_one_through_the_public_page_and_a_duplicate_is_detected(plan, people, unit, at, settings, tmp_path):
    at("2026-03-10 09:00")
    settings.MEDIA_ROOT = tmp_path
    anonymous = AnonymousUser()
    with pytest.raises(ValidationError, match="nội dung là tệp chạy được"):
        actions.raise_recommendation(anonymous, title="Lỗi cổng", body="Lỗi", category="public_service",
                                     routed_to=unit("dong-nai.so-khcn"), public_sender="Lê Văn Bảy",
                                     evidence=[SimpleUploadedFile("anh-chup.png", b"MZ\x90\x00" + b"\x00" * 64)])
    with pytest.raises(NotAllowed):
        actions.raise_recommendation(anonymous, title="Giả danh", body="Gửi thay Sở", category="other",
                                     unit=unit("dong-nai.so-khcn"), public_sender="Ai đó")
    assert not Recommendation.objects.exists()
    with pytest.raises(ValidationError, match="Người gửi"):
        actions.raise_recommendation(anonymous, title="Mạng yếu", body="Sóng yếu", category="infrastructure",
                                     routed_to=unit("dong-nai.so-khcn"))
    first = actions.raise_recommendation(
        anonymous, title="Cổng dịch vụ công thường xuyên bị lỗi khi nộp hồ sơ",
        body="Nộp hồ sơ đất đai trực tuyến bị lỗi nhiều lần trong tháng 3.", category="public_service",
        routed_to=unit("dong-nai.so-khcn"), public_sender="Công ty TNHH Minh Phát", public_contact="0251 3822 111",
        evidence=[SimpleUploadedFile("anh-chup.png", PNG)])
    assert [(a.name, a.content_type) for a in first.attachments.all()] == [("anh-chup.png", "image/png")]
    assert first.is_public and first.duplicate_of is None and first.raised_by is None
    again = actions.raise_recommendation(
        anonymous, title="Cong dich vu cong thuong xuyen bi loi khi nop ho so",
        body="nop ho so dat dai truc tuyen bi loi nhieu lan trong thang 3", category="public_service",
        routed_to=unit("dong-nai.so-khcn"), public_sender="Nguyễn Văn Tư")
    assert again.duplicate_of == first
    other = actions.raise_recommendation(
        anonymous, title="Đề nghị mở lớp tập huấn chữ ký số cho hộ kinh doanh",
        body="Hộ kinh doanh chưa biết dùng chữ ký số.", category="human",
        routed_to=unit("dong-nai.so-khcn"), public_sender="Trần Thị Mai")
    assert other.duplicate_of is None
    actions.close_recommendation(people.approver_khcn, again, "Trùng kiến nghị đã nhận.")
    assert actions.find_duplicates(first.title, first.body) == [(first, 100.0)]


def test_an_overdue_recommendation_is_escalated_once(plan, people, unit, at, django_capture_on_commit_callbacks):
    at("2026-03-10 09:00")
    rec = actions.raise_recommendation(people.reporter_khcn, title="Thiếu máy chủ", body="Cần đầu tư máy chủ.",
                                       category="infrastructure", unit=unit("dong-nai.so-khcn"),
                                       routed_to=unit("dong-nai.so-tai-chinh"))
    assert actions.escalate_overdue(dt.date(2026, 3, 25)) == []  # the due day itself is not late
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        escalated = actions.escalate_overdue(dt.date(2026, 3, 26))
    rec.refresh_from_db()
    assert escalated == [rec] and rec.escalated_to == unit("dong-nai") and rec.is_overdue(dt.date(2026, 3, 26))
    assert mail.outbox[0].to == ["thuongtruc.dongnai@dongnai.gov.vn"] and "quá hạn 1 ngày" in mail.outbox[0].body
    assert actions.escalate_overdue(dt.date(2026, 3, 27)) == []


def test_reminders_before_and_after_the_due_date_go_once_to_units_not_yet_in(plan, people, unit, at):
    at("2026-03-12 07:00")
    assert send_reminders(dt.date(2026, 3, 12), dry_run=True).opened == 0
    assert send_reminders(dt.date(2026, 3, 1)).opened == 2  # the daily run opens the periods the plan has reached
    mail.outbox.clear()
    khcn, taichinh = unit("dong-nai.so-khcn"), unit("dong-nai.so-tai-chinh")
    period = ReportingPeriod.objects.get(document=plan, key="2026-Q1")  # due 15/3/2026
    draft = actions.get_or_create_draft(people.reporter_taichinh, taichinh, period)
    actions.submit_report(people.approver_taichinh, actions.save_draft(people.reporter_taichinh, draft, expected_version=1))
    mail.outbox.clear()
    call_command("send_reminders", "--date", "2026-03-12", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [(m.subject.split(":")[0], sorted(m.to)) for m in mail.outbox] == [
        ("[giamsat] Nhắc hạn", ["baocao.khcn@dongnai.gov.vn", "lanhdao.khcn@dongnai.gov.vn"])]
    assert "còn 3 ngày" in mail.outbox[0].body
    send_reminders(dt.date(2026, 3, 13))
    assert len(mail.outbox) == 1  # not twice
    at("2026-03-16 07:00")
    send_reminders(dt.date(2026, 3, 16))
    assert mail.outbox[-1].subject.startswith("[giamsat] Quá hạn 1 ngày") and len(mail.outbox) == 2
    send_reminders(dt.date(2026, 3, 22))
    assert "thuongtruc.dongnai@dongnai.gov.vn" in mail.outbox[-1].to and len(mail.outbox) == 3
    assert set(ReminderLog.objects.filter(unit=khcn).values_list("kind", flat=True)) == {"due_soon", "overdue", "overdue_week"}
    assert not ReminderLog.objects.filter(unit=taichinh).exists()


def test_the_standing_agency_sees_who_reported_and_who_is_late(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    period = ReportingPeriod.objects.get(document=plan, key="2026-Q1")
    draft = actions.get_or_create_draft(people.reporter_taichinh, unit("dong-nai.so-tai-chinh"), period)
    actions.submit_report(people.approver_taichinh, actions.save_draft(people.reporter_taichinh, draft, expected_version=1))
    actions.approve_report(people.standing, draft)
    at("2026-03-20 09:00")
    result = compliance(period, unit("dong-nai"))
    by_unit = {r["unit_code"]: r for r in result["rows"]}
    assert set(by_unit) == {"dong-nai.so-khcn", "dong-nai.so-tai-chinh"}
    assert by_unit["dong-nai.so-tai-chinh"]["state"] == "approved" and not by_unit["dong-nai.so-tai-chinh"]["late"]
    assert (by_unit["dong-nai.so-khcn"]["state"], by_unit["dong-nai.so-khcn"]["missing"],
            by_unit["dong-nai.so-khcn"]["days_late"]) == ("missing", True, 5)
    assert result["totals"] == {"expected": 2, "submitted": 1, "on_time": 1, "late": 1, "missing": 1, "approved": 1,
                                "returned": 0, "awaiting_review": 0, "draft": 0, "not_started": 1, "on_time_rate": 50.0}
    assert compliance({"document": plan, "key": "2026-Q1"}, unit("lang-son"))["rows"] == []
    picture = province_picture(unit("dong-nai"))
    assert picture["plans"][0]["period"]["key"] == "2026-Q1" and picture["plans"][0]["totals"]["missing"] == 1
    assert picture["tasks"] == {}  # the only approved report is a coordinator's: lead reports count
