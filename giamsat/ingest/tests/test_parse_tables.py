"""Annex tables as they arrive from other formats: broken by pages (header repeated or not),
cells carried over a page, group rows, numbers wrapped by a narrow column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from giamsat.ingest.pipeline import parse_bytes, parse_text
from giamsat.ingest.quality import table_row_names
from giamsat.ingest.readers import unwrap_number
from giamsat.ingest.samples import build
from giamsat.testing import require_tool

HEAD = ["KẾ HOẠCH", "Số: 9/KH-UBND", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ"]
HEADER = "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |"


def _rows(table: list[str]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    plan = parse_text("\n".join([*HEAD, *table]))
    return [(t.no, t.lead_code, t.deadline_text, t.group) for t in plan.tasks]


def test_a_table_broken_by_a_page_that_repeats_its_header_is_one_table() -> None:
    got = _rows([HEADER, "| I | Hạ tầng số | | | |",
                 "| 1 | Nâng cấp mạng | Sở Khoa học và Công nghệ | | Quý II/2026 |", "",
                 HEADER, "| 2 | Số hóa hồ sơ | Sở Nội vụ | | 2026 |"])
    assert got == [("1", "SKHCN", "Quý II/2026", "Hạ tầng số"), ("2", "SNV", "2026", "Hạ tầng số")]


def test_a_table_broken_by_a_page_without_its_header_goes_on() -> None:
    got = _rows([HEADER, "| 1 | Nâng cấp mạng | Sở Khoa học và Công nghệ | | Quý II/2026 |", "", "",
                 "| 2 | Số hóa hồ sơ | Sở Nội vụ | | 2026 |"])
    assert [r[:3] for r in got] == [("1", "SKHCN", "Quý II/2026"), ("2", "SNV", "2026")]


def test_a_following_table_with_other_columns_is_not_joined() -> None:
    plan = parse_text("\n".join([*HEAD, HEADER, "| 1 | Nâng cấp mạng | Sở Y tế | | 2026 |", "",
                                 "| TT | Chỉ tiêu | Đơn vị | Kết quả |", "| 1 | Tỷ lệ hồ sơ trực tuyến | % | ≥ 80 |"]))
    assert [t.lead_code for t in plan.tasks] == ["SYT"]
    assert [(t.value, t.comparator) for t in plan.targets if t.no] == [("80", ">=")]


def test_cells_carried_over_a_page_join_the_row_above() -> None:
    got = parse_text("\n".join([*HEAD, HEADER,
                                "| 1 | Xây dựng kế hoạch triển khai Chương | Các sở, ngành, | | 6/2026 |", "",
                                "| | trình hành động của tỉnh | địa phương | | |",
                                "| 2 | Số hóa hồ sơ gồm: (1) đất đai; | Sở Nội vụ | | 2026 |",
                                "| | (2) hộ tịch | | | |"])).tasks
    assert [(t.no, t.name, t.lead_code, t.deadline_text) for t in got] == [
        ("1", "Xây dựng kế hoạch triển khai Chương trình hành động của tỉnh", "CAC_SO", "6/2026"),
        ("2", "Số hóa hồ sơ gồm: (1) đất đai; (2) hộ tịch", "SNV", "2026")]


def test_an_unnumbered_heading_row_stays_a_group() -> None:
    got = _rows([HEADER, "| | Nhóm nhiệm vụ về hạ tầng | | | |",
                 "| 1 | Nâng cấp mạng | Sở Y tế | | 2026 |", "| | Nhóm nhiệm vụ về dữ liệu | | | |",
                 "| 2 | Làm sạch dữ liệu | Công an tỉnh | | 2026 |"])
    assert got == [("1", "SYT", "2026", "Nhóm nhiệm vụ về hạ tầng"), ("2", "CAT", "2026", "Nhóm nhiệm vụ về dữ liệu")]


def test_an_arabic_numbered_row_heading_its_sub_numbered_rows_is_a_group() -> None:
    """'1 | Hoàn thiện thể chế | | |' over '1.1', '1.2': a group; a numbered row with empty cells and no
    sub-rows stays a task."""
    got = _rows([HEADER, "| 1 | Hoàn thiện thể chế | | | |",
                 "| 1.1 | Ban hành quy chế dữ liệu | Sở Tư pháp | | 2026 |",
                 "| 1.2 | Rà soát thủ tục | Sở Nội vụ | | 2027 |", "| 2 | Hạ tầng số | | | |",
                 "| 2.1 | Nâng cấp mạng | Sở Y tế | | 2026 |", "| 3 | Tổng kết việc thực hiện Kế hoạch | | | |"])
    assert got == [("1.1", "STP", "2026", "Hoàn thiện thể chế"), ("1.2", "SNV", "2027", "Hoàn thiện thể chế"),
                   ("2.1", "SYT", "2026", "Hạ tầng số"), ("3", None, None, "Hạ tầng số")]


def test_a_header_whose_cells_lost_their_spaces_to_ocr_still_names_the_columns() -> None:
    got = _rows(["| STT | Nộidungcông việc | Cơquan thực hiện | Cơ quanphối hợp | Thờihạn |",
                 "| 1 | Nâng cấp mạng | Sở Y tế | Sở Tài chính | Quý II/2026 |"])
    assert got == [("1", "SYT", "Quý II/2026", None)]


def test_a_group_row_keeps_its_tasks_when_ocr_lost_the_dots_of_their_numbers() -> None:
    got = _rows([HEADER, "| 1 | Hoàn thiện thể chế | | | |", "| 11 | Ban hành quy chế dữ liệu | Sở Tư pháp | | 2026 |",
                 "| 1.2 | Rà soát thủ tục | Sở Nội vụ | | 2027 |"])
    assert got == [("11", "STP", "2026", "Hoàn thiện thể chế"), ("1.2", "SNV", "2027", "Hoàn thiện thể chế")]


def test_in_a_table_whose_groups_are_numbered_an_unnumbered_row_carries_on() -> None:
    got = parse_text("\n".join([*HEAD, HEADER, "| I. | Hạ tầng số | | | |",
                                "| 1. | Nâng cấp mạng truyền dẫn; | Sở Y tế | | 2026 |",
                                "| | Kết nối trung tâm dữ liệu | | | |"])).tasks
    assert [(t.no, t.name, t.group) for t in got] == [
        ("1", "Nâng cấp mạng truyền dẫn; Kết nối trung tâm dữ liệu", "Hạ tầng số")]


def test_a_row_number_wrapped_by_a_narrow_column_is_one_number() -> None:
    assert [unwrap_number(x) for x in ("108\n.", "11.1\n0", "12", "Sở Y\ntế")] == ["108.", "11.10", "12", "Sở Y\ntế"]


def test_reference_row_names_carry_on_over_unnumbered_rows() -> None:
    text = "\n".join(["PHỤ LỤC I", "| TT | Chỉ tiêu | Đơn vị |", "|---|---|---|", "| **I** | **Đến năm 2030** | |",
                      "| 1 | Quy mô kinh tế số | % |", "", "PHỤ LỤC II", "| TT | Tên nhiệm vụ | Cơ quan chủ trì |",
                      "| 1. | Xây dựng đề án; | Bộ Y tế |", "| | (2) triển khai | |"])
    assert table_row_names(text) == {("targets", "1"): "Quy mô kinh tế số",
                                     ("tasks", "1"): "Xây dựng đề án; (2) triển khai"}


def _long_plan(rows: int) -> str:
    leads = ["Sở Y tế", "Sở Nội vụ", "Công an tỉnh", "Sở Tài chính"]
    body = [f"| {n}. | Nhiệm vụ số {n}: xây dựng, triển khai và đánh giá hệ thống thông tin phục vụ chỉ đạo,"
            f" điều hành trên môi trường số của các cơ quan | {leads[n % 4]} | Các sở, ngành | Hệ thống | {n % 12 + 1}/2026 |"
            for n in range(1, rows + 1)]
    return "\n".join(["ỦY BAN NHÂN DÂN TỈNH X", "Số: 9/KH-UBND", "KẾ HOẠCH", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
                      "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |",
                      "|---|---|---|---|---|---|", *body])


def test_a_text_pdf_table_over_several_pages_without_a_repeated_header() -> None:
    pdf = build.to_pdf(_long_plan(60))
    plan = parse_bytes(pdf)
    assert plan.input_kind == "pdf_text"
    leads = {"1": "SNV", "2": "CAT", "3": "STC", "0": "SYT"}
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        (str(n), leads[str(n % 4)], f"{n % 12 + 1}/2026") for n in range(1, 61)]


def test_a_docx_table_whose_header_repeats_reads_whole() -> None:
    plan = parse_bytes(build.to_docx(_long_plan(30), repeat_header=True))
    assert plan.input_kind == "docx"
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 31)]


@pytest.mark.slow
def test_a_libreoffice_pdf_with_rows_split_over_pages(tmp_path: Path) -> None:
    require_tool(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    pdf = build.docx_to_pdf(build.to_docx(_long_plan(40), repeat_header=True), tmp_path)
    plan = parse_bytes(pdf)
    assert plan.input_kind == "pdf_text"
    assert [t.no for t in plan.tasks] == [str(n) for n in range(1, 41)]
    assert all(t.name.endswith("của các cơ quan") for t in plan.tasks)


def test_a_row_number_misread_by_ocr_is_put_back_in_sequence() -> None:
    got = parse_text("\n".join([*HEAD, HEADER, "| 11.2 | Nâng cấp mạng | Sở Y tế | | 2026 |",
                                "| 11.5 | Số hóa hồ sơ | Sở Nội vụ | | 2026 |", "| 11.4 | Làm sạch dữ liệu | Công an tỉnh | | 2026 |",
                                "| 34 | Kết nối | Sở Y tế | | 2027 |", "| 25 | Chia sẻ | Sở Y tế | | 2027 |",
                                "| II | Nhóm khác | | | |", "| 36 | Đánh giá | Sở Y tế | | 2027 |"])).tasks
    assert [t.no for t in got] == ["11.2", "11.3", "11.4", "34", "35", "36"]


def test_cell_words_are_read_by_line_centre() -> None:
    from giamsat.ingest.readers import _cell_text

    words = [{"text": "40", "x0": 10, "x1": 40, "top": 100, "h": 30}, {"text": "-", "x0": 50, "x1": 60, "top": 112, "h": 5},
             {"text": "50", "x0": 70, "x1": 100, "top": 101, "h": 30}, {"text": "tổ", "x0": 10, "x1": 40, "top": 140, "h": 30}]
    assert _cell_text(words) == "40 - 50 tổ"


@pytest.mark.parametrize(("text", "want"), [("≥ 5", "≥5"), ("≤ 30", "≤"), ("> 0,7", ">0,7"), ("< 3", "<3")])
def test_a_comparator_tesseract_cannot_write_is_told_by_its_bar(text: str, want: str) -> None:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from giamsat.ingest import readers

    img = Image.new("L", (500, 80), 255)
    ImageDraw.Draw(img).text((20, 15), text, font=ImageFont.truetype(build.FONT, 40), fill=0)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    words = readers._words(readers.tesseract_words(img, psm=7))
    readers.read_comparators(img, words)
    assert words[0]["text"] == want


def test_a_group_row_at_the_top_of_a_page_is_not_taken_for_a_repeated_header() -> None:
    got = _rows([HEADER, "| I | Đến năm 2030 | | | |", "| 1 | Nâng cấp mạng | Sở Y tế | | 2030 |", "",
                 "| II | Đến năm 2035 | | | |", "| 2 | Số hóa hồ sơ | Sở Nội vụ | | 2035 |", "",
                 "| 11 | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
                 "| 3 | Làm sạch dữ liệu | Công an tỉnh | | 2035 |"])
    assert got == [("1", "SYT", "2030", "Đến năm 2030"), ("2", "SNV", "2035", "Đến năm 2035"),
                   ("3", "CAT", "2035", "Đến năm 2035")]


def _ruled_page(tables: list[tuple[int, int, list[int]]], angle: float = 0.0) -> object:
    """A white page with ruled tables (top, rows, merged rows) of four columns, tilted by `angle`."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(img)
    xs = [150, 260, 900, 1250, 1550]
    for top, nrows, merged in tables:
        ys = [top + 90 * k for k in range(nrows + 1)]
        for y in ys:
            draw.line([(xs[0], y), (xs[-1], y)], fill=40, width=2)
        for r in range(nrows):
            for k, x in enumerate(xs):
                if r not in merged or k in (0, 1, len(xs) - 1):
                    draw.line([(x, ys[r]), (x, ys[r + 1])], fill=40, width=2)
    return img.rotate(angle, fillcolor=255)


def test_a_skewed_scan_is_deskewed_and_its_tables_found_with_merged_cells() -> None:
    from giamsat.ingest import readers

    page = readers.deskew(_ruled_page([(200, 6, [1]), (1200, 4, [])], angle=0.4))
    grids = readers.find_grids(page)
    assert [(len(g.ys), len(g.xs)) for g in grids] == [(7, 5), (5, 5)]
    assert [len(c) for c in grids[0].closed] == [5, 3, 5, 5, 5, 5]
    row = [[{"text": "Nhóm"}], [{"text": "nhiệm"}], [{"text": "vụ"}], []]
    merged = readers._merge_spanned(row, grids[0].closed[1])
    assert [[w["text"] for w in cell] for cell in merged] == [["Nhóm"], ["nhiệm", "vụ"], [], []]


def test_ocr_label_shapes() -> None:
    from giamsat.ingest.readers import _shape

    assert _shape("11.3") == _shape("11.5.") != _shape("131")
    assert _shape("I.") == _shape("1") != _shape("11")


def test_a_header_first_seen_below_rows_heads_the_table_and_its_repeats_go() -> None:
    got = _rows(["| 27. | Nâng cấp mạng | Sở Y tế | | 2026 |", "", HEADER,
                 "| | tiếp theo của dòng trên | | | |", "| 28. | Số hóa hồ sơ | Sở Nội vụ | | 2027 |", "",
                 HEADER.replace("| TT |", "| 11 |"), "| 29. | Làm sạch dữ liệu | Công an tỉnh | | 2028 |"])
    assert [r[:3] for r in got] == [("27", "SYT", "2026"), ("28", "SNV", "2027"), ("29", "CAT", "2028")]


def test_a_table_opening_on_the_end_of_a_lost_row_then_its_header() -> None:
    got = _rows(["| | về quỹ đổi mới công nghệ | | | |", "| 27. | Nâng cấp mạng | Sở Y tế | | 2026 |", "",
                 HEADER, "| 28. | Số hóa hồ sơ | Sở Nội vụ | | 2027 |"])
    assert got == [("27", "SYT", "2026", None), ("28", "SNV", "2027", None)]


def test_a_bullet_dash_joins_its_line_though_its_top_is_lower() -> None:
    from giamsat.ingest.readers import words_to_lines

    words = [{"text": "-", "x0": 100, "x1": 115, "top": 222, "h": 6},
             {"text": "Tổ", "x0": 140, "x1": 180, "top": 200, "h": 40},
             {"text": "chức", "x0": 190, "x1": 260, "top": 204, "h": 36},
             {"text": "tuyên", "x0": 100, "x1": 190, "top": 260, "h": 36}]
    assert words_to_lines(words) == ["- Tổ chức", "tuyên"]


def test_an_ocr_inverted_i_still_opens_a_lettered_heading() -> None:
    from giamsat.ingest.structure import classify

    assert classify("¡) Tổ đảng ở Thường trực Ủy ban Văn hóa, Giáo dục")[:2] == ("letter", 4)


def test_lines_below_a_table_rebuilt_from_word_gaps_are_all_kept() -> None:
    """A scan's words outside ruled grids: three rows with wide gaps make a table of one row per visual
    line; the text lines below it keep their place and none is lost."""
    from giamsat.ingest.readers import place_grids

    def word(text: str, x0: int, top: int) -> dict[str, object]:
        return {"text": text, "x0": x0, "x1": x0 + 20 * len(text), "top": top, "h": 20}

    words = [word("Mở", 100, 100), word("đầu", 150, 100),
             *(word(t, x, top) for top in (150, 180, 210) for t, x in (("a", 100), ("b", 400), ("c", 700))),
             word("Dòng", 100, 260), word("một", 200, 260), word("Dòng", 100, 290), word("hai", 200, 290)]
    assert place_grids(words, []) == ["Mở đầu", "", "| a | b | c |", "| a | b | c |", "| a | b | c |", "",
                                      "Dòng một", "Dòng hai"]


def test_a_target_column_titled_with_its_year_is_a_year_column() -> None:
    """'Năm 2025 | Mục tiêu 2030': both are milestones (a 'Thực hiện 2025' baseline is not)."""
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Số: 9/KH-UBND", "I. MỤC TIÊU",
        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030 | Đơn vị chủ trì |",
        "| 1 | Hợp tác xã ứng dụng công nghệ số | % | 20 | ≥ 60 | Sở Công Thương |",
        "| 2 | Trạm quan trắc tự động | Trạm | 25 | 60 | Sở Nông nghiệp và Môi trường |"]))
    assert [(t.value, t.year, t.milestones, t.lead_code) for t in plan.targets] == [
        ("20", 2025, {"2025": "20", "2030": "≥ 60"}, "SCT"), ("25", 2025, {"2025": "25", "2030": "60"}, "SNNMT")]


def test_a_row_with_a_lead_and_a_deadline_is_a_task_though_its_number_reads_as_a_numeral() -> None:
    """OCR read '2.1' as 'I': a group row has no lead and no deadline; this one has both."""
    got = _rows([HEADER, "| 2 | Hạ tầng số | | | |", "| I | Nâng cấp trung tâm dữ liệu | Sở Y tế | | 2026 - 2027 |",
                 "| 2.2 | Số hóa hồ sơ | Sở Nội vụ | | 2027 |", "| II | Dữ liệu số | | | |"])
    assert got == [("I", "SYT", "2026 - 2027", "Hạ tầng số"), ("2.2", "SNV", "2027", "Hạ tầng số")]
