"""Evidence files checked by content, and the Excel round trip."""

from __future__ import annotations

import decimal
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from giamsat.reporting import actions
from giamsat.reporting.errors import ConflictError, LockedError, ValidationError
from giamsat.reporting.models import Attachment, ReportingPeriod
from giamsat.reporting.workbook import build_submission_workbook, fill_from_workbook

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def draft(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    period = ReportingPeriod.objects.get(document=plan, key="2026-Q1")
    return actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), period)


def test_a_pdf_of_evidence_is_attached_to_a_task_row(draft, people):
    row = draft.task_reports.first()
    attachment = actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("bien-ban.pdf", PDF), task_report=row)
    assert (attachment.content_type, attachment.size, attachment.task_report) == ("application/pdf", len(PDF), row)
    assert attachment.file.read() == PDF
    assert draft.events.filter(kind="attachment_added", comment="bien-ban.pdf").exists()


def test_a_disguised_or_oversized_file_is_refused_and_nothing_is_stored(draft, people, settings):
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200
    with pytest.raises(ValidationError, match=r"có đuôi \.pdf nhưng nội dung là tệp chạy được"):
        actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("ket-qua.pdf", exe))
    with pytest.raises(ValidationError, match=r"có đuôi \.docx nhưng nội dung là PDF"):
        actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("bao-cao.docx", PDF))
    with pytest.raises(ValidationError, match=r"định dạng \.exe không được chấp nhận"):
        actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("setup.exe", exe))
    settings.GIAMSAT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="vượt quá dung lượng"):
        actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("lon.pdf", PDF + b"0" * 2000))
    assert Attachment.objects.count() == 0
    assert not draft.events.filter(kind="attachment_added").exists()


def test_no_attachment_after_submission(draft, people):
    draft = actions.save_draft(people.reporter_khcn, draft, expected_version=draft.version)
    actions.submit_report(people.approver_khcn, draft)
    with pytest.raises(LockedError):
        actions.add_attachment(people.reporter_khcn, draft, SimpleUploadedFile("muon.pdf", PDF))
    assert Attachment.objects.count() == 0


def _filled(draft, edit):
    book = load_workbook(io.BytesIO(build_submission_workbook(draft)))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_unit_fills_its_submission_from_the_workbook_giamsat_made(draft, people):
    def edit(book):
        tasks, values = book["Nhiệm vụ"], book["Chỉ tiêu"]
        assert tasks["C5"].value == "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh"
        tasks["E5"], tasks["F5"], tasks["H5"] = "Đang thực hiện", 55, "Đã nhập 3.000 hồ sơ nhà khoa học."
        tasks["E6"], tasks["G6"] = "Đã hoàn thành", "28/02/2026"
        values["E5"], values["G5"], values["H5"] = 64.2, "09/03/2026", "Cổng dịch vụ công"
        values["E6"] = 33
        book["Thông tin chung"]["B1"] = "Quý I hoàn thành kế hoạch."

    saved = fill_from_workbook(people.reporter_khcn, draft, _filled(draft, edit))
    tasks = {r.task.order: r for r in saved.task_reports.select_related("task")}
    assert (tasks[0].state, tasks[0].percent, tasks[0].progress) == ("in_progress", 55, "Đã nhập 3.000 hồ sơ nhà khoa học.")
    assert (tasks[1].state, tasks[1].percent, str(tasks[1].completed_on)) == ("completed", 100, "2026-02-28")
    values = {v.target.order: v for v in saved.values.select_related("target")}
    assert values[0].value == decimal.Decimal("64.2") and values[1].value == decimal.Decimal("33")
    assert saved.summary == "Quý I hoàn thành kế hoạch."
    again = load_workbook(io.BytesIO(build_submission_workbook(saved)))  # download it again: the values are there
    assert again["Nhiệm vụ"]["F5"].value == 55 and again["_giamsat"]["B2"].value == saved.version


def test_a_bad_workbook_row_is_named_and_nothing_is_saved(draft, people):
    def edit(book):
        book["Nhiệm vụ"]["E5"] = "Xong rồi"
        book["Nhiệm vụ"]["F6"] = "nhiều"
        book["Chỉ tiêu"]["E5"] = "80 tỷ đồng"

    data = _filled(draft, edit)
    before = actions.submission_snapshot(draft)
    with pytest.raises(ValidationError) as caught:
        fill_from_workbook(people.reporter_khcn, draft, data)
    assert [e.split(":")[0] for e in caught.value.errors] == [
        "Nhiệm vụ dòng 5 (“Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh”)",
        "Nhiệm vụ dòng 6 (“Tổng kết, đánh giá kết quả chuyển đổi số hằng năm”)",
        "Chỉ tiêu dòng 5 (“Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình”)",
    ]
    draft.refresh_from_db()
    assert actions.submission_snapshot(draft) == before
    with pytest.raises(ValidationError, match="không phải tệp Excel"):
        fill_from_workbook(people.reporter_khcn, draft, PDF)


def test_a_stale_workbook_is_a_conflict(draft, people):
    data = _filled(draft, lambda book: None)
    actions.save_draft(people.approver_khcn, draft, expected_version=draft.version, summary="Sửa trên web")
    with pytest.raises(ConflictError, match="Hãy tải tệp mới"):
        fill_from_workbook(people.reporter_khcn, draft, data)
    draft.refresh_from_db()
    assert draft.summary == "Sửa trên web"
