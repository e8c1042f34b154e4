"""Evidence files, the criteria workbook and the results documents."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from giamsat.assessment import actions, workbook
from giamsat.assessment.errors import InvalidInput
from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Evidence, Participant
from giamsat.assessment.sample import SAMPLE_NOTE

from .conftest import AS_OF

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
FIELDS = ("code", "parent__code", "title", "max_points", "method", "formula", "indicator_code", "full_at", "scale",
          "applies_to", "evidence_required", "guidance")


def _rows(criteria_set: CriteriaSet) -> list[tuple[Any, ...]]:
    return list(Criterion.objects.filter(criteria_set=criteria_set).order_by("order").values_list(*FIELDS))


@pytest.fixture
def plan_entry(province: Any, sample_set: CriteriaSet, at: Any) -> Entry:
    at("2026-12-05")
    round_ = actions.open_round("test", name="Đánh giá năm 2026", year=2026, criteria_set=sample_set,
                                organizer=province.dong_nai, units=[province.khcn, province.tai_chinh],
                                opens_on=dt.date(2026, 12, 1), closes_on=dt.date(2027, 1, 15), data_as_of=AS_OF)
    return Entry.objects.get(participant__round=round_, participant__unit=province.khcn, criterion__code="1.1")


def test_evidence_is_checked_by_content_and_size(province: Any, plan_entry: Entry) -> None:
    reporter = province.people.reporter_khcn
    actions.add_evidence(reporter, plan_entry, SimpleUploadedFile("ke-hoach-2026.pdf", PDF))
    with pytest.raises(InvalidInput, match=r"có đuôi \.pdf nhưng nội dung là tệp chạy được"):
        actions.add_evidence(reporter, plan_entry, SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00" + b"\x00" * 100))
    with pytest.raises(InvalidInput, match=r"định dạng \.exe không được chấp nhận"):
        actions.add_evidence(reporter, plan_entry, SimpleUploadedFile("cai-dat.exe", b"MZ\x90\x00"))
    with override_settings(GIAMSAT_MAX_UPLOAD_BYTES=1024), pytest.raises(InvalidInput, match="vượt quá dung lượng"):
        actions.add_evidence(reporter, plan_entry, SimpleUploadedFile("lon.pdf", PDF + b"0" * 2000))
    assert list(Evidence.objects.values_list("name", flat=True)) == ["ke-hoach-2026.pdf"]
    assert Evidence.objects.get().file.read() == PDF


def test_evidence_or_a_link_is_required_where_the_criterion_says_so(province: Any, plan_entry: Entry) -> None:
    participant = Participant.objects.get(pk=plan_entry.participant_id)
    for e in participant.entries.select_related("criterion"):
        if e.self_score is None:
            actions.self_assess("test", e, score=e.criterion.max_points if e.criterion.method != "scale" else "0",
                                links=[] if e.pk == plan_entry.pk else ["https://dongnai.gov.vn/minh-chung"])
    with pytest.raises(InvalidInput, match=r"Tiêu chí 1\.1 cần có minh chứng"):
        actions.submit_self_assessment(province.people.approver_khcn, participant)
    with pytest.raises(InvalidInput, match="phải bắt đầu bằng http"):
        actions.self_assess(province.people.reporter_khcn, plan_entry, score="4", links=["javascript:alert(1)"])
    actions.add_evidence(province.people.reporter_khcn, plan_entry, SimpleUploadedFile("kh.pdf", PDF))
    actions.submit_self_assessment(province.people.approver_khcn, participant)
    assert Participant.objects.get(pk=participant.pk).state == "submitted"


def test_a_criteria_set_survives_an_xlsx_round_trip(sample_set: CriteriaSet) -> None:
    content = workbook.export_criteria(sample_set)
    parsed = workbook.read_criteria(content)
    assert (parsed.code, parsed.year, parsed.note) == ("mau-dti-2026", 2026, SAMPLE_NOTE)
    copy = actions.create_criteria_set("admin", code="ban-sao", year=2027, name=parsed.name)
    actions.replace_criteria("admin", copy, parsed.rows)
    assert _rows(copy) == _rows(sample_set)
    assert len(_rows(copy)) == 6 + 18  # six groups, eighteen criteria
    assert ("6.3", "6", "Tỷ lệ dịch vụ công trực tuyến toàn trình", Decimal(5), "formula", "indicator",
            "dvctt-toan-trinh", Decimal(80), [], ["department", "commune"], False,
            "Đạt 80 % trở lên: 5 điểm; thấp hơn: tính theo tỷ lệ.") in _rows(copy)


def test_a_workbook_with_errors_is_refused_whole(sample_set: CriteriaSet) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook.export_criteria(sample_set)))
    sheet = wb[workbook.CRITERIA_SHEET]
    sheet["D3"] = "mười"  # 1.1's points
    sheet["B4"] = "9"  # 1.2 under a group that does not exist
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(InvalidInput, match="Dòng 3: “mười” không phải là số"):
        workbook.read_criteria(out.getvalue())
    sheet["D3"] = 4
    wb.save(out := io.BytesIO())
    target = actions.create_criteria_set("admin", code="thu", year=2027, name="Thử")
    actions.replace_criteria("admin", target, [actions.CriterionData("1", "Cũ", Decimal(1), "yes_no")])
    with pytest.raises(InvalidInput) as refused:
        actions.replace_criteria("admin", target, workbook.read_criteria(out.getvalue()).rows)
    assert "Tiêu chí 1.2: không có tiêu chí cấp trên mã “9”." in refused.value.errors
    assert _rows(target) == [("1", None, "Cũ", Decimal(1), "yes_no", "", "", None, [], [], False, "")]
    with pytest.raises(InvalidInput, match="không phải là bảng tính"):
        workbook.read_criteria(b"%PDF-1.4 not a workbook")


def test_the_results_docx_opens_and_holds_the_ranking_table(province: Any, plan_entry: Entry, at: Any) -> None:
    for participant in Participant.objects.filter(round=plan_entry.participant.round):
        for e in participant.entries.select_related("criterion"):
            if e.self_score is None:
                actions.self_assess("test", e, score="0")
    at("2027-01-20")
    round_ = actions.finalize_round("test", plan_entry.participant.round)
    document = docx.Document(io.BytesIO(workbook.results_docx(round_)))
    ranking = document.tables[0]
    assert [c.text for c in ranking.rows[0].cells][:6] == ["Hạng", "Đơn vị", "Điểm", "Điểm tối đa", "Tỷ lệ (%)",
                                                            "Xếp loại"]
    body = [[c.text for c in row.cells] for row in ranking.rows[1:]]
    by_unit = {row[1]: row for row in body}
    khcn = Participant.objects.get(round=round_, unit=province.khcn)
    assert by_unit["Sở Khoa học và Công nghệ tỉnh Đồng Nai"][0] == str(khcn.rank)
    assert by_unit["Sở Khoa học và Công nghệ tỉnh Đồng Nai"][5] == khcn.band
    assert by_unit["Sở Khoa học và Công nghệ tỉnh Đồng Nai"][7] == "Nguyễn Văn Hùng"
    assert len(body) == 2
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.results_xlsx(round_)))["Xếp hạng"]
    assert [c.value for c in sheet[2]][:3] == ["Hạng", "Đơn vị", "Điểm"]
    assert {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in (3, 4)}["Sở Khoa học và Công nghệ tỉnh Đồng Nai"] \
        == float(khcn.total)
