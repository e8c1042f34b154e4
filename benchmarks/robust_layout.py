"""First contact of the PDF and scan readers with PDFs laid out as OTHER producers lay them out.

Every PDF of quality_parse.py comes from our two renderers (LibreOffice from python-docx's "Table Grid" DOCX, and
fpdf2's fully ruled tables): the PDF reader has only seen fully ruled tables on portrait pages. This benchmark lays
each plan of the forms set (tests/data/forms/, with its gold) out a third way, drawn directly with fpdf2's
primitives as report generators and other word processors do:
  - the body in Liberation Serif 12.5 pt, justified, A4 portrait, margins 2 cm top/bottom, 3 cm left, 1.5 cm right;
    the head's two columns (issuer | motto, number | place and date) side by side;
  - a running header on every page but the first (the plan's number and title, small, above a rule) and the page
    number at the foot ("Trang 2/5");
  - tables in 10.5 pt, their header row repeated on each page, columns sized in proportion to their cells' mean
    length (so widths differ a lot: a wide name column, the others narrow, their cells wrapped over many lines),
    ruled one of two ways (two variants of every plan):
      /hrules      horizontal rules only (above and below the header row, under every row), no vertical rules;
      /borderless  no rules at all, the columns aligned by position only;
    and, asked for by name only (--variant=unrepeated), a third: /unrepeated, as /borderless but the header row on
    the table's first page only (a word processor's table whose "repeat as header row" was not ticked: the rows
    run on over the next page without a header);
    a group's title row (its text in the first cell only) spans the whole row;
  - every annex ("PHỤ LỤC" on) on LANDSCAPE pages (1.5 cm margins) after the portrait body.
Kinds: "pdf_text" (the PDF as is) and, with --scan, "scan" (every page printed and scanned at 200 dpi, another
seed than quality.py's, read by `parse_bytes` as any scanned PDF).

First contact (main bc1e69d, 29 forms, both variants alike: the reader ignores horizontal rules, so an /hrules page
reads as a /borderless one):
  pdf_text  tasks P 87.3 R 85.9 (219/255), lead 203/219, deadline 175/217; targets P 100 R 97.7 (126/129), value 121/126
  Most misses: a table set smaller than the body with narrow gutters read as prose or with columns run together.
After the borderless reader's fixes (gutters by the table's own type, the page number at the foot, a group title
under the header): tasks P 100 R 94.5 (241/255), lead 240/241, deadline 230/239; targets 129/129, value 129/129.
Scan (--scan, forms_department only, both variants alike): tasks 0/8, targets 0/5 matched: the scan reader finds no
grid without vertical rules and parts columns only at gaps of 1.6 word heights (`_split_cells`), so the header is
read as prose and the rows' cells misalign. Tried, not landed: `borderless_lines` on such a page's word boxes gives
targets 5/5, tasks still 0/8 (OCR boxes leave the name/lead gutter narrower than its threshold).
After a991437 (a scan page without a ruled grid whose line of three cells names two table columns is read by
`borderless_lines` with a scan's gutter, 0.75 of a letter's height; specks do not close a gutter), --scan
--variant=borderless over the 34 forms: tasks P 65.4 R 34.7 (102/294), lead 90/102, deadline 78/102 -> P 80.7 R 54.1
(159/294), lead 148/159, deadline 136/157; targets R 63.8 (95/149) -> 77.9 (116/149). forms_department both variants
tasks 8/8, targets 5/5. Left: forms_start_end's report template (annex II), a numbered heading right under a table's
empty row ('3. Kết quả thực hiện các chỉ tiêu') read as a group row (one extra task).
Text PDFs after the borderless reader's rules on page breaks and wide columns (a header's line of years under a group
cell is its second row; a wide last column's lines are not prose; a row naming 'Chủ trì: …; phối hợp: …' is no new
header; a small running header is not a row's rest; a header repeated by its first row is the full one), both variants
alike, 39 forms: tasks P 99.7 R 92.3 (334/362), deadline 321/331 -> P 99.7 R 96.7 (350/362), deadline 345/347;
targets milestones 59/60 -> 60/60 (34 forms: tasks R 94.9 -> 100, deadline 267/276 -> 290/291). Left: a group row
that ends a page before the repeated header read as a task (forms_commune_subitems); forms_duty_headings' prose tasks
(0/12, as in every kind), group rows naming the lead (forms_grouped_by_body) and merged lead cells (forms_merged_cells).

Usage: .venv/bin/python benchmarks/robust_layout.py [--only=PREFIX] [--scan] [--details]
                                                   [--variant=hrules|borderless|unrepeated]
  --only: the gold files whose name starts with PREFIX (e.g. forms_department); default every forms_* gold.
Cost: rendering and reading the text PDFs of the 39 forms in both variants, ~2 min; --scan OCRs every page
(cached under var/quality/layout/ per page's word boxes by quality._ocr_cache).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest import quality as Q  # noqa: E402
from giamsat.ingest.fold import fold  # noqa: E402
from giamsat.ingest.pipeline import parse_bytes  # noqa: E402
from giamsat.ingest.samples import build  # noqa: E402

CACHE = Q.CACHE_DIR / "layout"
LAYOUT = "fpdf-serif-hrules-borderless-v2"  # part of the cache key: change it when the layout changes
SCAN_SEED = 11
SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
SERIF_ITALIC = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf"
VARIANTS = ("hrules", "borderless")


def _head_and_title(lines: list[str]) -> tuple[str, str]:
    number = next((m.group(1) for x in lines[:12] if (m := re.search(r"Số[:\s]+(\S+)", x))), "")
    title = next((lines[k + 1].strip() for k, x in enumerate(lines[:20]) if fold(x).strip() in
                  ("ke hoach", "quyet dinh", "chuong trinh", "nghi quyet") and k + 1 < len(lines)), "")
    return number, title


def layout_pdf(text: str, variant: str) -> bytes:
    """The plan drawn as the module's doc says; `variant` is "hrules", "borderless" or "unrepeated"."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    lines = text.split("\n")
    number, title = _head_and_title(lines)
    running = f"Kế hoạch số {number} – {title}"[:110] if number else title[:110]

    class Doc(FPDF):
        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font("Serif", "I", 9)
            self.cell(0, 5, running, align="C", new_x="LMARGIN", new_y="NEXT")
            y = self.get_y() + 1
            self.line(self.l_margin, y, self.w - self.r_margin, y)
            self.set_y(y + 4)
            self.set_font("Serif", "", 12.5)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("Serif", "", 9)
            self.cell(0, 5, f"Trang {self.page_no()}/{{nb}}", align="C")
            self.set_font("Serif", "", 12.5)

    pdf = Doc(format="A4")
    pdf.add_font("Serif", "", SERIF)
    pdf.add_font("Serif", "B", SERIF_BOLD)
    pdf.add_font("Serif", "I", SERIF_ITALIC)
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Serif", "", 12.5)
    landscape = False
    for kind, content in build.blocks(text):
        if kind == "para":
            raw = str(content[0])
            line = build.plain(raw)
            if not landscape and Q._ANNEX_HEAD.match(fold(line)):
                landscape = True
                pdf.set_margins(15, 15, 15)
                pdf.add_page(orientation="L")
            parts = re.split(r"\s{3,}", line.strip(), maxsplit=1)
            if len(parts) == 2 and pdf.page_no() == 1:        # the head's two columns
                half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
                y = pdf.get_y()
                pdf.set_font("Serif", "B", 11)
                pdf.multi_cell(half - 5, 5.5, parts[0], align="C", new_x="RIGHT", new_y="TOP")
                pdf.set_xy(pdf.l_margin + half, y)
                pdf.multi_cell(half, 5.5, parts[1], align="C", new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("Serif", "", 12.5)
            elif line.strip():
                bold = line.isupper() or re.match(r"^[IVX]{1,4}\.\s", line) is not None
                pdf.set_font("Serif", "B" if bold else "", 12.5)
                pdf.multi_cell(0, 6.2, line, align="C" if line.isupper() and len(line) < 90 else "J",
                               new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("Serif", "", 12.5)
            else:
                pdf.ln(2.5)
            continue
        rows = [[build.plain(c) for c in r] for r in content if isinstance(r, list)]
        ncols = max(len(r) for r in rows)
        rows = [r + [""] * (ncols - len(r)) for r in rows]
        width = pdf.w - pdf.l_margin - pdf.r_margin
        pdf.set_font("Serif", "", 10.5)
        pdf.ln(2)
        with pdf.table(col_widths=_mean_widths(rows, ncols, width), width=width, line_height=5,
                       borders_layout="HORIZONTAL_LINES" if variant == "hrules" else "NONE",
                       text_align="LEFT", v_align="TOP", first_row_as_headings=True,
                       repeat_headings=0 if variant == "unrepeated" else 1,
                       headings_style=FontFace(emphasis="BOLD"), padding=(1, 1.2)) as table:
            for row in rows:
                r = table.row()
                if row[0] and not any(row[1:]) and len(row[0]) > 8:     # a group's title: one cell across the row
                    r.cell(row[0], colspan=ncols)
                    continue
                for cell in row:
                    r.cell(cell)
        pdf.ln(3)
        pdf.set_font("Serif", "", 12.5)
    return bytes(pdf.output())


def _mean_widths(rows: list[list[str]], ncols: int, total: float) -> list[float]:
    """Column widths (mm), 10.5 pt serif: ~2 mm a character."""
    return build.mean_widths(rows, ncols, total, char=1.9, pad=2.5, cap=30.0)


def _cached(name: str, make: Any) -> bytes:
    return Q.cached_file(CACHE / name, make)


def runs(only: str, variants: tuple[str, ...], scan: bool) -> Any:
    """(gold name, kind, variant, parsed plan, gold) for every forms gold file, variant and kind."""
    for path in sorted(Q.GOLD_DIR.glob(f"{only or 'forms_'}*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold["source"].startswith("forms/"):
            continue
        text = (Q.GOLD_DIR.parent / gold["source"]).read_text(encoding="utf-8")
        reg = Q._registry(gold)
        for variant in variants:
            key = hashlib.sha1((LAYOUT + variant + text).encode()).hexdigest()[:16]
            pdf = _cached(f"{key}.pdf", lambda text=text, variant=variant: layout_pdf(text, variant))
            yield path.stem, "pdf_text", variant, parse_bytes(pdf, registry=reg), gold
            if scan:
                count = Q._pdf_pages(pdf)
                pages = _cached(f"{key}.scan1-{count}.pdf",
                                lambda pdf=pdf, count=count: build.scan_pages(pdf, 1, count, seed=SCAN_SEED))
                with Q._ocr_cache():
                    yield path.stem, "scan", variant, parse_bytes(pages, registry=reg), gold


def main() -> None:
    args = dict(a[2:].split("=", 1) if "=" in a else (a[2:], "") for a in sys.argv[1:] if a.startswith("--"))
    variants = (args["variant"],) if args.get("variant") else VARIANTS
    results: dict[str, dict[str, Q.Score]] = {}
    details: list[str] = []
    for name, kind, variant, plan, gold in runs(args.get("only", ""), variants, "scan" in args):
        j = Q.in_scope(plan, gold)
        for label in (f"{kind}/{variant} {name}", f"{kind}/{variant} ALL"):
            bucket = results.setdefault(label, {"tasks": Q.Score(), "targets": Q.Score(), "document": Q.Score()})
            if "tasks" in gold or "task_count" in gold:
                bucket["tasks"].merge(Q.score_tasks(j, gold))
            if "targets" in gold:
                bucket["targets"].merge(Q.score_targets(j, gold))
            bucket["document"].merge(Q.score_document(j, gold))
        if "details" in args:
            with contextlib.suppress(Exception):
                details.extend(Q.item_misses(f"{kind}/{variant} {name}", j, gold))
    print(Q.report(results))
    for line in details:
        print(line)


if __name__ == "__main__":
    main()
