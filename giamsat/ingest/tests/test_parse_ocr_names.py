"""Task names of annex tables OCR'd without positions: the name column told apart from the others."""

from __future__ import annotations

import textwrap

from giamsat.ingest.agencies import Agency
from giamsat.ingest.ocr_names import split_names
from giamsat.ingest.pipeline import parse_text

REG = [Agency("BA", "Bộ Khoa học và Công nghệ"), Agency("BB", "Bộ Tài chính"), Agency("BC", "Bộ Công an"),
       Agency("BD", "Bộ Nội vụ"), Agency("BE", "Bộ Y tế"), Agency("SGD", "Sở Giáo dục và Đào tạo"),
       Agency("ALL", "Các bộ, ngành, địa phương", ("Các bộ, ngành",), "group")]
HEAD = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "TT Tên nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian"]


def ocr_row(no: int, cells: tuple[str, ...], widths: tuple[int, ...] = (20, 9, 12, 10, 12)) -> list[str]:
    """A table row as Tesseract reads it without boxes when the cells are aligned to the top: each cell
    wrapped in its column, the k-th lines of all cells run together on one line, the number first."""
    cols = [textwrap.wrap(c, w) for c, w in zip(cells, widths, strict=True)]
    out = []
    for k in range(max(len(c) for c in cols)):
        line = " ".join(c[k] for c in cols if k < len(c))
        out.append(f"{no}. {line}" if k == 0 else line)
    return out


ROWS = [
    ("Xây dựng đề án dữ liệu y tế số cho các bệnh viện tuyến tỉnh và tuyến huyện, kết nối với hồ sơ sức "
     "khỏe điện tử của người dân trên cả nước.", "Bộ Y tế", "Các bộ, ngành, địa phương", "Quyết định của Thủ tướng",
     "2025"),
    ("Ban hành quy chế quản lý hồ sơ điện tử của cán bộ, công chức và viên chức trong các cơ quan nhà nước ở "
     "trung ương và địa phương", "Bộ Nội vụ", "Các bộ, ngành, địa phương", "Thông tư", "2026"),
    ("Tổ chức tập huấn kỹ năng số cho giảng viên các trường đại học và các cơ sở giáo dục và đào tạo trên "
     "địa bàn các tỉnh miền núi phía Bắc và Tây Nguyên.", "Bộ Khoa học và Công nghệ", "Bộ Tài chính, Bộ Công an",
     "Kế hoạch", "Quý IV/2027"),
]


def test_top_aligned_rows_give_the_name_column_alone() -> None:
    lines = [*HEAD]
    for n, row in enumerate(ROWS, 1):
        lines += ocr_row(n, row)
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.name for t in tasks] == [r[0] for r in ROWS]
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("BE", "2025"), ("BD", "2026"), ("BA", "Quý IV/2027")]


def test_the_lines_above_a_number_that_opens_a_name_belong_to_the_row_before() -> None:
    lines = [*HEAD]
    for n, row in enumerate(ROWS, 1):
        lines += ocr_row(n, row)
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    # the second row's name has no full stop: its last lines stand just above "3."
    third = lines.index(next(x for x in lines if x.startswith("3. ")))
    assert tasks[2].source is not None and tasks[2].source.start_line == third + 1
    assert "địa phương" not in tasks[2].name and tasks[1].name.endswith("trung ương và địa phương")


def test_a_unit_named_in_lower_case_inside_the_sentence_does_not_end_the_name() -> None:
    # "các cơ sở giáo dục và đào tạo" holds the words of "Sở Giáo dục và Đào tạo": the sentence's own
    lines = [*HEAD]
    for n, row in enumerate(ROWS, 1):
        lines += ocr_row(n, row)
    name = parse_text("\n".join(lines), registry=REG).tasks[2].name
    assert "cơ sở giáo dục và đào tạo trên địa bàn" in name


def test_rows_read_column_by_column_share_out_one_paragraph_of_names_at_a_sentence_end() -> None:
    text = "\n".join([*HEAD, "", "1.", "", "2.", "",
                      "Lập đề án y tế số cho", "các bệnh viện.", "Rà soát quy chuẩn nhân", "lực y tế.", "",
                      "Bộ Y tế", "", "Bộ Nội", "vụ", "", "Các bộ,", "ngành", "", "Các bộ,", "ngành", "",
                      "6/2026", "", "Năm 2027", "",
                      "3. Ban hành quy chế | Bộ Công an | Các bộ, ngành | 2028"])
    tasks = parse_text(text, registry=REG).tasks
    assert [(t.no, t.name, t.lead_code) for t in tasks[:2]] == [
        ("1", "Lập đề án y tế số cho các bệnh viện.", "BE"), ("2", "Rà soát quy chuẩn nhân lực y tế.", "BD")]


def test_names_are_split_only_where_a_sentence_ends_and_a_capital_opens_the_next() -> None:
    assert split_names([["Lập đề án.", "Ban hành quy chế"]], 2) == ["Lập đề án.", "Ban hành quy chế"]
    assert split_names([["Lập đề án về", "Ban hành quy chế"]], 2) is None      # no sentence end: not guessed
    assert split_names([["a"], ["b"], ["c"]], 2) is None


def test_units_of_a_department_split_over_cell_lines_are_found() -> None:
    from giamsat.ingest.agencies import AgencyMatcher

    m = AgencyMatcher([Agency("BV", "Bệnh viện Đa khoa tỉnh"), Agency("PY", "Phòng Nghiệp vụ Y"),
                       Agency("VPTU", "Văn phòng Tỉnh ủy"), Agency("BH", "Bảo hiểm xã hội tỉnh")])
    # "… Bệnh viện" / "Đa khoa tỉnh": not "viện Phòng" read as "Văn phòng" joined with "tỉnh" below
    lines = ["Nâng cấp hạ Bệnh viện Phòng Kế | Quý IV/2025 | Hạ tầng", "tầng mạng, máy | Đa khoa tỉnh | hoạch - Tài"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["BV"]
    # a department ("Phòng …") is a unit's head like "Sở …": its name goes on in the cell below
    lines = ["Kết nối dữ liệu y tế Phòng", "Nghiệp vụ Y"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["PY"]
