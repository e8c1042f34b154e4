"""The periodic report as DOCX (Decree 30/2020/NĐ-CP layout) and PDF (LibreOffice headless).

The header is a two-column borderless table as officials type it: issuer and number on the left,
the national motto block with place and date on the right. Times New Roman stays the font name in
the DOCX (Word has it); on Debian the PDF uses the metric-compatible Liberation Serif.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from giamsat.exchange.export import number
from giamsat.exchange.report import Report, issuer_name

FONT = "Times New Roman"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
TASK_HEADERS = ["STT", "Nhiệm vụ", "Đơn vị báo cáo", "Thời hạn", "Tình trạng", "Tiến độ (%)", "Kết quả trong kỳ"]
TARGET_HEADERS = ["STT", "Chỉ tiêu", "Đơn vị báo cáo", "Đơn vị tính", "Mốc cần đạt", "Giá trị kỳ báo cáo", "Đánh giá"]


class PdfError(RuntimeError):
    """LibreOffice is missing, failed or took too long."""


def _font(run: object, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT  # type: ignore[attr-defined]
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run.font.italic = italic  # type: ignore[attr-defined]
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _line(cell_or_doc: object, text: str, size: float = 13, *, bold: bool = False, italic: bool = False,
          align: int = WD_ALIGN_PARAGRAPH.CENTER, first: bool = False, after: float = 0) -> object:
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _widths(table: Table, widths_cm: list[float]) -> None:
    """Fixed column widths on the grid and on every cell: Word reads the cells, LibreOffice the grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _no_borders(table: Table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


def _header(doc: object, report: Report) -> None:
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [6.5, 10.0])
    left, right = table.rows[0].cells
    first = True
    if report.superior:
        _line(left, report.superior, 13, first=True)
        first = False
    _line(left, issuer_name(report.issuer), 13, bold=True, first=first)
    _line(left, "_______", 13)
    _line(left, report.number, 13)
    _line(right, MOTTO, 12, bold=True, first=True)
    _line(right, MOTTO_LINE, 13, bold=True)
    _line(right, "_______________________", 13)
    place = f"{report.place}, " if report.place else ""
    _line(right, f"{place}ngày {report.day.day} tháng {report.day.month} năm {report.day.year}", 14, italic=True)


def _body(doc: object, text: str) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    _font(paragraph.add_run(text), 14)


def _data_table(doc: object, headers: list[str], rows: list[list[str]], widths_cm: list[float]) -> Table:
    table = doc.add_table(rows=1, cols=len(headers))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _line(cell, text, 12, bold=True, first=True)
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _line(cell, text, 12, first=True, align=WD_ALIGN_PARAGRAPH.CENTER if i == 0 else WD_ALIGN_PARAGRAPH.LEFT)
    _widths(table, widths_cm)
    return table


def vn_number(value: object) -> str:
    """72.5 → "72,5": the Vietnamese decimal comma."""
    return (number(value) or "").replace(".", ",")  # type: ignore[arg-type]


def task_table_rows(report: Report) -> list[list[str]]:
    return [[str(i), t.name, t.unit, t.deadline, t.state_label + (" (chậm)" if t.overdue else ""), str(t.percent), t.progress]
            for i, t in enumerate(report.tasks, start=1)]


def target_table_rows(report: Report) -> list[list[str]]:
    return [[str(i), t.name, t.unit, t.unit_of_measure, f"{t.goal} ({t.goal_year})" if t.goal_year else "",
             vn_number(t.value) if t.value is not None else t.value_text, t.status]
            for i, t in enumerate(report.targets, start=1)]


def _footer(doc: object, report: Report) -> None:
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _no_borders(table)
    _widths(table, [8.0, 8.5])
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, first=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for recipient in report.recipients:
        _line(left, f"- {recipient}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, report.signer_title, 13, bold=True, first=True)
    _line(right, "(Ký, ghi rõ họ tên, đóng dấu)", 13, italic=True)


def render_docx(report: Report) -> bytes:
    doc = DocxDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _header(doc, report)
    _line(doc, report.kind_title, 14, bold=True).paragraph_format.space_before = Pt(12)  # type: ignore[attr-defined]
    _line(doc, report.subject, 14, bold=True, after=12)
    for heading, paragraphs in report.narrative():
        _line(doc, heading, 14, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
        for text in paragraphs:
            _body(doc, text)
    _line(doc, "", 13)
    _footer(doc, report)
    doc.add_page_break()
    _line(doc, "Phụ lục I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", 13, bold=True, after=6)
    _data_table(doc, TASK_HEADERS, task_table_rows(report), [1.3, 4.6, 2.7, 1.9, 2.1, 1.4, 2.5])
    _line(doc, "", 13)
    _line(doc, "Phụ lục II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU", 13, bold=True, after=6)
    _data_table(doc, TARGET_HEADERS, target_table_rows(report), [1.3, 4.9, 2.7, 1.5, 2.1, 2.0, 2.0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, timeout: float = 120) -> bytes:
    """Convert with LibreOffice headless in a throw-away profile, so parallel runs never share one."""
    binary = soffice_path()
    if binary is None:
        raise PdfError("Máy chủ chưa cài LibreOffice (gói libreoffice-writer-nogui): không tạo được PDF.")
    with tempfile.TemporaryDirectory(prefix="giamsat-pdf-") as tmp:
        folder = Path(tmp)
        (folder / "bao-cao.docx").write_bytes(docx)
        command = [binary, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder), str(folder / "bao-cao.docx")]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=tmp)
        except subprocess.TimeoutExpired as exc:
            raise PdfError("Chuyển sang PDF quá thời gian cho phép.") from exc
        pdf = folder / "bao-cao.pdf"
        if not pdf.is_file():
            raise PdfError("LibreOffice không tạo được tệp PDF.")
        return pdf.read_bytes()
