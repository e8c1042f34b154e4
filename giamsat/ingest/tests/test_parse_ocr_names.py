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


def test_a_bare_head_goes_on_in_the_cell_a_bar_opens_under_it() -> None:
    from giamsat.ingest.agencies import AgencyMatcher

    m = AgencyMatcher([Agency("PY", "Phòng Nghiệp vụ Y"), Agency("BH", "Bảo hiểm xã hội tỉnh")])
    # "Phòng" ends the first line of its cell; under it, past the task column's words, a bar opens the
    # cell that holds the rest of its name
    lines = ["3 Kết nối dữ liệu Phòng Bảo hiểm | Hằng tháng | Dữ liệu",
             "khám, chữa bệnh | Nghiệp vụ Y | xã hội tỉnh được đẩy"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["PY", "BH"]
    # without the bar the words further along the line are another cell's: a bare head does not take them
    lines = ["3 Kết nối dữ liệu Phòng Bảo hiểm Hằng tháng Dữ liệu",
             "khám, chữa bệnh Nghiệp vụ Y xã hội tỉnh được đẩy"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["BH"]


def test_a_lone_number_opens_its_row_below_the_row_befores_text_run_on_past_a_page_break() -> None:
    # row 1's name runs on past the page break; OCR put row 2's number above that run-on text
    lines = [*HEAD, "", "1.", "", "Lập danh mục dữ liệu dùng chung", "của các bộ, ngành và", "", "Bộ Y tế", "",
             "2025", "", "Tên nhiệm vụ", "", "Cơ quan chủ trì", "", "2.", "", "địa phương trên cả nước.", "",
             "Ban hành quy chế quản lý hồ sơ", "điện tử của công chức.", "", "Bộ Nội vụ", "", "2026"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BE"), ("2", "BD")]
    assert tasks[1].name == "Ban hành quy chế quản lý hồ sơ điện tử của công chức."
    assert tasks[1].source is not None and tasks[1].source.start_line > lines.index("2.")


def test_rows_whose_numbers_ocr_lost_are_found_by_their_cells_read_as_paragraphs() -> None:
    # rows 2 and 3 lost their numbers; each cell is a paragraph: the name, then the lead, then the deadline
    lines = [*HEAD, "", "1.", "", "Lập danh mục dữ liệu dùng chung", "của các bộ, ngành.", "", "Bộ Y tế", "", "2025", "",
             "Ban hành quy chế quản lý hồ sơ", "điện tử của công chức", "", "viên chức.", "", "Bộ Nội vụ", "", "6/2026", "",
             "Tổ chức tập huấn kỹ năng số", "cho giảng viên.", "", "Bộ Khoa học và", "Công nghệ", "", "Bộ Tài chính", "",
             "Kế hoạch của các", "bộ, ngành", "", "2027", "", "4.", "", "Đánh giá kết quả thực hiện.", "", "Bộ Y tế", "",
             "2028"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "BE", "2025"), ("2", "BD", "6/2026"), ("3", "BA", "2027"), ("4", "BE", "2028")]
    assert tasks[1].name == "Ban hành quy chế quản lý hồ sơ điện tử của công chức viên chức."
    assert tasks[2].name == "Tổ chức tập huấn kỹ năng số cho giảng viên."
    # one row too few for the numbers lost: nothing is guessed
    short = lines[:lines.index("Tổ chức tập huấn kỹ năng số")] + lines[lines.index("4."):]
    assert [t.no for t in parse_text("\n".join(short), registry=REG).tasks] == ["1", "4"]


def test_a_repeated_line_whose_sentence_goes_on_below_is_not_a_running_header() -> None:
    from giamsat.ingest.clean import clean_lines

    cells = ["Xây dựng Chương", "trình chuyển đổi số", "", "Xây dựng Chương", "trình đào tạo", "", "Xây dựng Chương",
             "trình hợp tác", ""]
    assert clean_lines(cells).lines == [x.rstrip() for x in cells]
    headers = ["Chương trình hành động của Chính phủ", "", "Nội dung trang một.", ""] * 3
    assert clean_lines(headers).removed == {"running_header": 2}
    assert clean_lines(headers).lines.count("Chương trình hành động của Chính phủ") == 1
    # a header in capitals stays a header where a page opens in the middle of a sentence
    mid = ["KẾ HOẠCH CHUYỂN ĐỔI SỐ CỦA TỈNH", "của các sở, ngành.", ""] * 3
    assert clean_lines(mid).removed == {"running_header": 2}


def test_a_unit_just_after_a_bar_on_a_long_row_line_is_a_cell_not_the_task_sentence() -> None:
    reg = [*REG, Agency("BT", "Bộ Thông tin và Truyền thông")]
    # "| Bộ Thông" / "tin và" / "Truyền" / "thông" opens the lead cell, left of the coordinators' "Bộ Y tế"
    lines = [*HEAD, "1. | Nghiên cứu, đề nghị | Bộ Thông | Bộ Y tế Các cơ sở y | 06/2025",
             "các doanh nghiệp tin và tế và người", "cung cấp chữ ký số | Truyền bệnh có",
             "công cộng có chế độ | thông chữ ký số", "ưu đãi cho người bệnh.",
             "2. | Xây dựng quy chế | Bộ Nội vụ | Các bộ, ngành | Thông tư | 2026", "về nhân lực y tế."]
    tasks = parse_text("\n".join(lines), registry=reg).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BT"), ("2", "BD")]


def test_a_one_word_head_followed_by_lower_case_on_its_line_does_not_join_the_line_below() -> None:
    from giamsat.ingest.agencies import AgencyMatcher

    m = AgencyMatcher([*REG, Agency("BT", "Bộ Thông tin và Truyền thông")])      # "Bộ" opens six names
    # "Bộ chỉ số" is the sentence's: "Bộ" does not go on with "thông tin" below
    assert m.scan_cells(["Bộ chỉ số, Hệ thống", "thông tin phục vụ"]) == []
    # a head that ends its cell's line (a capital or nothing after it) still does
    assert [c.agency.code for c in m.scan_cells(["Lập đề án Bộ", "Tài chính"])] == ["BB"]


def test_a_bare_year_standing_as_its_own_paragraph_is_the_deadline_cell_not_a_period_in_the_name() -> None:
    lines = [*HEAD, "", "1.", "", "Xây dựng Nghị quyết về cơ chế", "đầu tư giai đoạn 2025-2030", "", "Bộ Y tế", "",
             "Nghị quyết", "", "2026", "", "2.", "", "Ban hành quy chế quản lý hồ sơ.", "", "Bộ Nội vụ", "", "2027"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "2026"), ("2", "2027")]



def test_the_end_of_a_unit_name_split_down_a_narrow_lead_cell_ends_the_task_name() -> None:
    # "Sở Giáo" / "dục và" / "Đào tạo" and "Bộ Khoa" / "học và" / "Công" / "nghệ": the pieces below the
    # first two stand on lines where the task's name is short, or hold the same words ("giáo dục" / "dục
    # và"; the task's "công nghệ" in lower case is not the unit's "Công nghệ")
    rows = [
        ROWS[0],
        ("Xây dựng khung đánh giá năng lực số của học", "Sở Giáo dục và Đào tạo", "Các bộ, ngành",
         "Quyết định của Ủy ban", "2026"),
        ("Đổi mới phương thức giáo dục nghề nghiệp", "Sở Giáo dục và Đào tạo", "Bộ Tài chính", "Đề án", "2027"),
        ROWS[1],
        ("Ứng dụng công nghệ số trong quản lý", "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Đề án", "2027"),
        ROWS[2],
    ]
    lines = [*HEAD]
    for n, row in enumerate(rows, 1):
        lines += ocr_row(n, row, widths=(20, 7, 12, 12, 6))
    assert "học Đào tạo" in lines and "giáo dục nghề nghiệp dục và" in lines
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.name for t in tasks] == [r[0] for r in rows]
    assert [t.lead_code for t in tasks] == ["BE", "SGD", "SGD", "BD", "BA", "BA"]


def test_a_top_aligned_name_goes_on_past_a_header_read_column_by_column_and_stops_at_a_narrower_cell() -> None:
    over_page = ("Xây dựng cơ sở dữ liệu về đất đai của tỉnh, kết nối với cơ sở dữ liệu quốc gia về dân cư và các "
                 "hệ thống thông tin của các sở, ngành trên địa bàn", "Bộ Tài chính", "Các bộ, ngành", "Cơ sở dữ liệu",
                 "2026")
    long_coordinators = ("Phát triển nền tảng học tập số dùng chung cho cán bộ, công chức", "Bộ Nội vụ",
                         "Các bộ, ngành, doanh nghiệp, hiệp hội công nghệ số, các trường đại học và viện nghiên cứu",
                         "Nền tảng", "2027")
    lines = [*HEAD]
    for n, row in enumerate([ROWS[0], over_page], 1):
        lines += ocr_row(n, row)
    # the page ends three lines into row 2; the next page repeats the header, one title a paragraph
    lines[-2:-2] = ["", "", "", "TT", "", "Tên nhiệm vụ", "", "Cơ quan", "chủ trì", "", "Cơ quan phối", "hợp", "",
                    "Thời gian", ""]
    third = ocr_row(3, long_coordinators)
    third.insert(4, "")         # OCR put a blank line in the coordinators' cell, below the name's last line
    lines += [*third, *ocr_row(4, ROWS[1]), *ocr_row(5, ROWS[2])]
    assert third[5:] == ["nghệ số, các", "trường đại", "học và viện", "nghiên cứu"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.lead_code for t in tasks] == ["BE", "BB", "BD", "BD", "BA"]
    assert tasks[1].name == over_page[0]
    assert tasks[2].name.startswith(long_coordinators[0]) and "trường" not in tasks[2].name
    assert [t.name for t in tasks[3:]] == [ROWS[1][0], ROWS[2][0]]
