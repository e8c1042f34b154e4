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


_MARKUP = re.compile(r"\*\*|^\s*#{1,6}\s+")


def plain(line: str) -> str:
    """A Markdown line as a typist would have written it in Word (no **, no #, "- " for a bullet)."""
    return re.sub(r"^\*\s+", "- ", _MARKUP.sub("", line).strip()) if line.strip() else ""


def to_docx(text: str, repeat_header: bool = False) -> bytes:
    """Paragraphs and real Word tables (ruled, columns sized to their content); `repeat_header`
    marks each table's first row as a header Word repeats on every page."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "para":
            document.add_paragraph(plain(str(content[0])))
            continue
        rows = [r for r in content if isinstance(r, list)]
        ncols = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        table.autofit = False
        widths = _docx_widths(rows, ncols)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)             # the grid LibreOffice lays out by
        for row, trow in zip(rows, table.rows, strict=True):
            for c, cell in enumerate(trow.cells):
                cell.text = plain(row[c]) if c < len(row) else ""
                cell.width = Cm(widths[c])
        if repeat_header:
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            tr_pr.append(flag)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _docx_widths(rows: list[list[str]], ncols: int, total: float = 17.0) -> list[float]:
    """Column widths (cm): wide enough for the column's longest word, the rest shared in proportion
    to the square root of its typical (90th percentile) cell length."""
    cols = [sorted(len(plain(r[c])) for r in rows if c < len(r)) or [1] for c in range(ncols)]
    typical = [c[int(0.9 * (len(c) - 1))] for c in cols]
    word = [max((len(w) for r in rows if c < len(r) for w in plain(r[c]).split()), default=2) for c in range(ncols)]
    floor = [min(0.22 * n + 0.4, 3.0) for n in word]
    weights = [max(n, 2) ** 0.5 for n in typical]
    spare = max(total - sum(floor), 0.0)
    return [f + spare * w / sum(weights) for f, w in zip(floor, weights, strict=True)]


def mean_widths(rows: list[list[str]], ncols: int, total: float, char: float, pad: float, cap: float) -> list[float]:
    """Column widths (in the unit of `total`): each at least its longest word (`char` a character plus `pad`, at most
    `cap`), the rest shared in proportion to the column's mean cell length (a plain layout, as a typist's table)."""
    word = [max((len(w) for r in rows if c < len(r) for w in r[c].split()), default=2) for c in range(ncols)]
    floor = [min(char * n + pad, cap) for n in word]
    mean = [max(sum(len(r[c]) for r in rows if c < len(r)) / len(rows), 2.0) for c in range(ncols)]
    spare = max(total - sum(floor), 0.0)
    return [f + spare * m / sum(mean) for f, m in zip(floor, mean, strict=True)]


def docx_to_pdf(docx_bytes: bytes, workdir: Path) -> bytes:
    """A text PDF laid out by LibreOffice (headless), as a Word user's "Save as PDF" would."""
    import subprocess
    import tempfile

    workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(docx_bytes)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=600)
        return (Path(tmp) / "plan.pdf").read_bytes()


def scan_pages(pdf: bytes, first: int, count: int, dpi: int = 200, seed: int = 0) -> bytes:
    """Pages `first`..`first+count-1` (1-based) of a PDF printed and scanned: rasterised by pdftoppm
    at `dpi`, with a slight skew and speckle noise, delivered as a PDF of images (no text layer)."""
    import random
    import subprocess
    import tempfile

    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(first), "-l", str(first + count - 1),
                        str(src), str(Path(tmp) / "p")], check=True, capture_output=True, timeout=600)
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            img = Image.open(png).convert("L")
            img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.Resampling.BICUBIC, fillcolor=255)
            px = img.load()
            assert px is not None
            w, h = img.size
            for _ in range(w * h // 2000):                  # speckles
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 160))
            pages.append(img.filter(ImageFilter.GaussianBlur(0.5)).convert("RGB"))
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
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
            line = plain(str(content[0]))
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
                        r.cell(plain(cell))
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
