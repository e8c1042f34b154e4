"""The periodic report as officials receive it: DOCX in the Decree 30 layout, XLSX tables, a PDF page."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.shared import Pt
from openpyxl import load_workbook

from giamsat.api.tests.world import World
from giamsat.exchange.documents import MOTTO, MOTTO_LINE, docx_to_pdf, render_docx, soffice_path
from giamsat.exchange.report import build_report, symbol
from giamsat.exchange.tables import report_workbook
from giamsat.org.tests.factories import unit
from giamsat.plans.models import Task
from giamsat.reporting.models import Submission, TaskReport
from giamsat.testing import require_tool

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
DAY = dt.date(2026, 3, 25)


def province_report(world: World) -> object:
    submissions = list(Submission.objects.filter(period=world.q1).order_by("unit__code"))
    return build_report(unit("dong-nai"), submissions, period_label="Quý I/2026", day=DAY)


def ward_report(world: World) -> object:
    return build_report(world.commune_report.unit, [world.commune_report], period_label="Quý I/2026", day=DAY)


def cell_text(table: object, row: int, col: int) -> str:
    return table.rows[row].cells[col].text  # type: ignore[attr-defined]


def test_the_docx_has_the_decree_30_header_number_title_and_recipients(world: World) -> None:
    doc = read_docx(io.BytesIO(render_docx(ward_report(world))))
    header = doc.tables[0]
    left, right = cell_text(header, 0, 0), cell_text(header, 0, 1)
    assert left.splitlines()[0] == "ỦY BAN NHÂN DÂN PHƯỜNG LONG BÌNH"
    assert "Số:" in left and "/BC-UBND" in left
    assert right.splitlines()[:2] == [MOTTO, MOTTO_LINE]
    assert "Đồng Nai, ngày 25 tháng 3 năm 2026" in right
    assert header._tbl.tblPr.first_child_found_in("w:tblBorders") is None  # borderless, as typed by officials
    body = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in body
    assert any(p.startswith("Kết quả thực hiện Nghị quyết số 57-NQ/TW") and "Quý I/2026" in p for p in body)
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN",
                    "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"):
        assert heading in body
    footer = doc.tables[1]  # the signature block closes the body; the annex tables follow on their own page
    assert cell_text(footer, 0, 0).startswith("Nơi nhận:")
    assert "Lưu: VT." in cell_text(footer, 0, 0)
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size for r in runs} <= {Pt(11), Pt(12), Pt(13), Pt(14)}


def test_the_narrative_is_drafted_from_the_data(world: World) -> None:
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render_docx(ward_report(world)))).paragraphs)
    assert "Tổng số 2 nhiệm vụ được theo dõi: hoàn thành 0, đang thực hiện 1, chưa triển khai 1" in text
    assert "UBND phường đã số hóa 70% hồ sơ hộ tịch." in text
    assert "Thiếu nhân lực chuyên trách về chuyển đổi số." in text
    # data close on 14/3, the Quý I task is due 31/3: not late yet, but first in line for the next period
    assert "Không có nhiệm vụ chậm so với thời hạn trong kỳ." in text
    assert ("Tập trung hoàn thành nhiệm vụ: Số hóa hồ sơ hộ tịch của phường "
            "(Ủy ban nhân dân phường Long Bình; hạn: Quý I/2026)") in text


def test_a_late_task_is_named_with_its_reason(world: World) -> None:
    row = world.commune_report.task_reports.get(task__order=0)
    Task.objects.filter(pk=row.task_id).update(due_date=dt.date(2026, 3, 1))
    TaskReport.objects.filter(pk=row.pk).update(difficulties="Chưa có máy quét chuyên dụng.")
    text = "\n".join(p.text for p in read_docx(io.BytesIO(render_docx(ward_report(world)))).paragraphs)
    assert ("Số hóa hồ sơ hộ tịch của phường (Ủy ban nhân dân phường Long Bình; hạn: Quý I/2026; tiến độ 70%). "
            "Nguyên nhân: Chưa có máy quét chuyên dụng.") in text
    assert "Không có nhiệm vụ chậm" not in text


def test_the_docx_tables_have_a_row_per_task_and_per_target(world: World) -> None:
    doc = read_docx(io.BytesIO(render_docx(province_report(world))))
    tasks, targets = doc.tables[2], doc.tables[3]
    assert [c.text for c in tasks.rows[0].cells][:5] == ["STT", "Nhiệm vụ", "Đơn vị báo cáo", "Thời hạn", "Tình trạng"]
    assert len(tasks.rows) == 1 + 2
    assert cell_text(tasks, 1, 1) == "Xây dựng cơ sở dữ liệu khoa học và công nghệ"
    assert cell_text(tasks, 1, 4) == "Đã hoàn thành"
    assert len(targets.rows) == 1 + 2
    assert [cell_text(targets, i, 5) for i in (1, 2)] == ["72,5", "85"]
    assert [cell_text(targets, i, 6) for i in (1, 2)] == ["Chưa đạt", "Chưa đạt"]
    assert cell_text(targets, 1, 4) == ">= 80 (2026)"


def test_the_xlsx_has_headers_widths_and_number_formats(world: World) -> None:
    wb = load_workbook(io.BytesIO(report_workbook(province_report(world))))
    assert wb.sheetnames == ["Tổng hợp", "Nhiệm vụ", "Chỉ tiêu"]
    targets = wb["Chỉ tiêu"]
    assert [c.value for c in targets[1]] == ["STT", "Chỉ tiêu", "Đơn vị báo cáo", "Đơn vị tính", "Mốc cần đạt",
                                             "Năm của mốc", "Giá trị kỳ báo cáo", "Đánh giá"]
    assert targets.max_row == 3
    assert [targets.cell(r, 7).value for r in (2, 3)] == [72.5, 85]
    assert targets["G2"].number_format == "#,##0.####"
    assert targets.column_dimensions["B"].width == 60 and targets["A1"].font.bold
    tasks = wb["Nhiệm vụ"]
    assert [tasks.cell(r, 6).value for r in (2, 3)] == [100, 40]
    summary = {row[0].value: row[1].value for row in wb["Tổng hợp"].iter_rows(min_row=2)}
    assert summary["Số báo cáo"] == 2 and summary["Nhiệm vụ đã hoàn thành"] == 1


def test_document_symbols_follow_the_issuer() -> None:
    from giamsat.org.models import OrgUnit, UnitKind

    assert symbol(OrgUnit(name="Sở Khoa học và Công nghệ tỉnh Đồng Nai", kind=UnitKind.DEPARTMENT)) == "SKHCN"
    assert symbol(OrgUnit(name="Sở Y tế tỉnh Đồng Nai", kind=UnitKind.DEPARTMENT)) == "SYT"
    assert symbol(OrgUnit(name="Ủy ban nhân dân phường Long Bình", kind=UnitKind.PEOPLES_COMMITTEE)) == "UBND"


def _dark_share(pgm: bytes) -> float:
    """Share of pixels darker than mid-grey in a binary PGM (P5) image."""
    parts = pgm.split(maxsplit=4)
    assert parts[0] == b"P5"
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][: width * height]
    return sum(1 for b in pixels if b < 128) / (width * height)


@pytest.mark.slow
def test_the_pdf_renders_a_page_with_text(world: World) -> None:
    require_tool(soffice_path() is not None, "LibreOffice (soffice)")
    require_tool(shutil.which("pdftoppm") is not None, "poppler-utils (pdftoppm)")
    pdf = docx_to_pdf(render_docx(ward_report(world)))
    assert pdf.startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bao-cao-phuong-long-binh.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", "-",
                    str(ARTIFACTS / "bao-cao-phuong-long-binh-trang-1")], input=pdf, check=True, timeout=60)
    gray = subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-gray", "-singlefile", "-"],
                          input=pdf, capture_output=True, check=True, timeout=60).stdout
    assert (ARTIFACTS / "bao-cao-phuong-long-binh-trang-1.png").stat().st_size > 5000
    share = _dark_share(gray)
    assert 0.005 < share < 0.5, f"page 1 is blank or black: {share:.4f} dark"
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    assert MOTTO in text and "BÁO CÁO" in text
