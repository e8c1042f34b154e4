"""Render the sample plan as DOCX, text PDF and a scanned page, for tests, the benchmark and demos.

fpdf2 (PDF) is a development dependency; python-docx and Pillow are runtime ones.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

SAMPLES = Path(__file__).parent
SAMPLE_PLAN = SAMPLES / "sample_plan.txt"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def sample_text() -> str:
    return SAMPLE_PLAN.read_text(encoding="utf-8")


def blocks(text: str) -> list[tuple[str, list[str] | list[list[str]]]]:
    """('para', [line]) and ('table', rows) in document order."""
    out: list[tuple[str, list[str] | list[list[str]]]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-+", c) for c in cells):
                rows.append(cells)
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        out.append(("para", [line]))
    if rows:
        out.append(("table", rows))
    return out


def to_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "para":
            document.add_paragraph(str(content[0]))
        else:
            rows = [r for r in content if isinstance(r, list)]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    for kind, content in blocks(text):
        if kind == "para":
            line = str(content[0])
            if line.strip():
                pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(3)
        else:
            rows = [r for r in content if isinstance(r, list)]
            pdf.set_font("DejaVu", size=8)
            widths = _widths(len(rows[0]))
            with pdf.table(col_widths=widths, line_height=4, first_row_as_headings=False) as table:
                for row in rows:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
            pdf.set_font("DejaVu", size=10)
    return bytes(pdf.output())


def _widths(n: int) -> tuple[int, ...]:
    return {5: (8, 70, 18, 22, 50), 6: (8, 62, 34, 30, 30, 26)}.get(n, tuple([20] * n))


SCAN_TITLE = ["ỦY BAN NHÂN DÂN XÃ HÒA AN", "Số: 46/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số năm 2026",
              "", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ"]
SCAN_ROWS = [
    ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
    ["1", "Tuyên truyền kỹ năng số", "Phòng Văn hóa - Xã hội", "Hằng tháng"],
    ["2", "Số hóa hồ sơ đất đai", "Phòng Kinh tế", "Quý II/2026"],
    ["3", "Làm sạch dữ liệu dân cư", "Công an xã", "30/6/2026"],
    ["4", "Kết nối một cửa điện tử", "Văn phòng UBND tỉnh", "2026-2027"],
    ["5", "Cập nhật dữ liệu chuyển đổi số", "Sở Tài chính", "Thường xuyên"],
]


def scan_image(dpi_scale: float = 1.0) -> bytes:
    """A page with a ruled task table, as a scanner would deliver it (PNG)."""
    from PIL import Image, ImageDraw, ImageFont

    s = dpi_scale
    img = Image.new("L", (int(2000 * s), int(1500 * s)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(34 * s))
    bold = ImageFont.truetype(FONT_BOLD, int(34 * s))
    y = int(60 * s)
    for line in SCAN_TITLE:
        if line:
            draw.text((int(120 * s), y), line, font=bold if line.isupper() else font, fill=0)
        y += int(55 * s)
    cols = [int(x * s) for x in (100, 200, 900, 1450, 1900)]
    row_h = int(80 * s)
    top = y + int(20 * s)
    for r, row in enumerate(SCAN_ROWS):
        yy = top + r * row_h
        for c, cell in enumerate(row):
            draw.text((cols[c] + int(15 * s), yy + int(20 * s)), cell, font=bold if r == 0 else font, fill=0)
    bottom = top + len(SCAN_ROWS) * row_h
    for r in range(len(SCAN_ROWS) + 1):
        draw.line([(cols[0], top + r * row_h), (cols[-1], top + r * row_h)], fill=0, width=3)
    for x in cols:
        draw.line([(x, top), (x, bottom)], fill=0, width=3)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def borderless_pdf() -> bytes:
    """The scanned page's content as a text PDF whose table has no ruling lines (positions only)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for line in SCAN_TITLE:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    xs = (12, 24, 92, 150)
    for row in SCAN_ROWS:
        y = pdf.get_y()
        for x, cell in zip(xs, row, strict=True):
            pdf.set_xy(x, y)
            pdf.cell(56, 6, cell)
        pdf.set_xy(12, y + 7)
    return bytes(pdf.output())
