"""Annex task rows whose numbers OCR misread or lost, in plain text without positions: each row is still
found, and read past its (misread) number."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.rows import row_anchors

REG = [Agency("BA", "Bộ Khoa học và Công nghệ"), Agency("BB", "Bộ Tài chính"), Agency("BC", "Bộ Công an"),
       Agency("BD", "Bộ Nội vụ"), Agency("BE", "Bộ Y tế"),
       Agency("ALL", "Các bộ, ngành, địa phương", ("Các bộ, ngành",), "group")]
HEAD = ["Phụ lục", "DANH MỤC NHIỆM VỤ", "TT Tên nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian", ""]


def test_a_number_misread_with_a_semicolon_or_a_stray_glyph_is_the_missing_row() -> None:
    lines = ["1. Lập danh mục dữ liệu", "y tế số", "8; Phát động phong trào", "thi đua", "3. Ban hành quy chế"]
    assert row_anchors(lines, 0, 4) == [(0, "1"), (2, "2"), (4, "3")]
    lines = [f"{n}. Việc số {n}" for n in range(1, 12)] + ["1Ÿ.", "Xây dựng Nghị định", "13.", "Ban hành quy chế"]
    assert row_anchors(lines, 0, len(lines) - 1)[-3:] == [(10, "11"), (11, "12"), (13, "13")]
    # not between its neighbours: no row
    lines = ["1. Lập danh mục dữ liệu", "8; Phát động phong trào", "2. Ban hành quy chế"]
    assert row_anchors(lines, 0, 2) == [(0, "1"), (2, "2")]


def test_a_number_read_just_before_the_sequence_resumes_is_a_row() -> None:
    # 2-5 were lost; 7 lost too, so 6 alone cannot restart the sequence, but 8, 9, 10 do, and 6 leads up to 8
    lines = ["1 Lập danh mục", "Ban hành quy chế", "6 Tổ chức tập huấn", "Kết nối hệ thống",
             "8 Xây dựng cơ sở dữ liệu", "9 Kết nối hệ thống", "10 Đánh giá kết quả"]
    assert [v for _i, v in row_anchors(lines, 0, 6, resync=True)] == ["1", "6", "8", "9", "10"]
    # a number that does not lead up to it (4, with 5-7 between) stays out
    lines[2] = "4 Tổ chức tập huấn"
    assert [v for _i, v in row_anchors(lines, 0, 6, resync=True)] == ["1", "8", "9", "10"]


def test_the_name_of_a_row_whose_number_was_misread_starts_past_it() -> None:
    text = "\n".join([*HEAD,
                      "1. | Lập đề án y tế số | Bộ Y tế | Các bộ, Quyết định | 2026",
                      "cho các bệnh viện. | ngành",
                      "8; Phát động phong trào | Bộ Nội vụ | Các bộ, Văn bản | 2027",
                      "thi đua trong ngành. | ngành",
                      "3. | Ban hành quy chế | Bộ Công an | Các bộ, Thông tư | 2028",
                      "về dữ liệu dân cư. | ngành"])
    tasks = parse_text(text, registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BE"), ("2", "BD"), ("3", "BC")]
    assert tasks[1].name.startswith("Phát động phong trào")


ROWS_WITH_A_LOST_NUMBER = [
    *HEAD,
    "1. | Lập đề án y tế số cho | Bộ Y tế | Các bộ, Quyết định | 2026",
    "các bệnh viện tuyến tỉnh | ngành, địa",
    "và tuyến huyện | phương",
    "Bảo đảm nguồn lực | Bộ Tài chính | Các bộ, Kế hoạch | 2027",
    "cho các dự án hạ tầng | ngành, địa",
    "dữ liệu dùng chung | phương",
    "3. | Ban hành quy chế quản lý | Bộ Công an | Các bộ, Thông tư | 2028",
    "dữ liệu dân cư | ngành",
    "4. | Tổ chức tập huấn kỹ năng | Bộ Nội vụ | Các bộ, Kế hoạch | 2029",
    "số cho công chức | ngành",
]


def test_a_row_line_whose_number_ocr_lost_opens_the_row_between_its_neighbours() -> None:
    tasks = parse_text("\n".join(ROWS_WITH_A_LOST_NUMBER), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "BE", "2026"), ("2", "BB", "2027"), ("3", "BC", "2028"), ("4", "BD", "2029")]
    assert tasks[1].name.startswith("Bảo đảm nguồn lực")
    assert "Bảo đảm" not in tasks[0].name


def test_a_row_line_above_a_number_is_no_lost_row_where_cells_are_centred() -> None:
    # cells centred on the number line: a row's first line stands above its number, so a line with cells
    # between rows 1 and 3 is row 3's (or row 1's) own, not row 2
    lines = [*HEAD, "Lập đề án y tế số cho | ngành, địa", "1. | các bệnh viện tuyến tỉnh | Bộ Y tế | Các bộ, 2026",
             "và tuyến huyện | phương", "trên cả nước", "Bảo đảm nguồn lực | Bộ Tài chính | Các bộ, Kế hoạch | 2027",
             "3. | cho các dự án hạ tầng | Bộ Công an | ngành, địa", "dữ liệu dùng chung | phương"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.no for t in tasks] == ["1", "3"]


def test_a_capitalised_line_without_a_further_cell_does_not_open_a_row() -> None:
    # "Chính phủ" (a result cell going on) and a line of the name that opens with a proper noun are no rows
    lines = [*ROWS_WITH_A_LOST_NUMBER]
    lines[lines.index("Bảo đảm nguồn lực | Bộ Tài chính | Các bộ, Kế hoạch | 2027")] = \
        "Bảo đảm nguồn lực cho các dự án hạ tầng"
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.no for t in tasks] == ["1", "3", "4"]


def test_rows_read_cell_by_cell_are_kept_without_a_number_when_fewer_than_the_numbers_lost() -> None:
    # rows 2-4 lost their numbers; two of them show as a name paragraph followed by a lead's paragraph
    # (the third's lead is not a registry unit): the two are rows, whose numbers cannot be told
    cells = [("Xây dựng chương trình học", "tập trên các nền tảng số.", "Bộ Nội vụ", "6/2025"),
             ("Tổ chức tập huấn kỹ năng", "số cho công chức.", "Trường Chính trị", "2026"),
             ("Đánh giá mức độ hoàn thành", "nhiệm vụ chuyển đổi số.", "Bộ Công an", "2027")]
    lines = [*HEAD, "1. | Lập danh mục dữ liệu | Bộ Tài chính | Các bộ, ngành | 2025", ""]
    for name1, name2, lead, when in cells:
        lines += [name1, name2, "", lead, "", "Các bộ,", "ngành", "", when, ""]
    lines += ["5. | Kết nối hệ thống thông tin | Bộ Y tế | Các bộ, ngành | 2028",
              "6. | Lập bản đồ số y tế | Bộ Y tế | Các bộ, ngành | 2029",
              "7. | Rà soát quy chuẩn dữ liệu | Bộ Y tế | Các bộ, ngành | 2030"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [
        ("1", "BB"), (None, "BD"), (None, "BC"), ("5", "BE"), ("6", "BE"), ("7", "BE")]
    assert [t.name for t in tasks[1:3]] == ["Xây dựng chương trình học tập trên các nền tảng số.",
                                            "Đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số."]


def test_a_name_cut_short_by_the_page_with_a_comma_is_a_lost_row() -> None:
    lines = [*HEAD, "1.", "", "Xây dựng Nghị định về quỹ đầu tư", "mạo hiểm.", "", "Bộ Tài chính", "", "2026", "",
             "Xây dựng cơ chế,", "", "Bộ Nội vụ", "", "12/2025", "", "3. | Ban hành quy chế | Bộ Y tế | 2027"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code, t.name) for t in tasks][:2] == [
        ("1", "BB", "Xây dựng Nghị định về quỹ đầu tư mạo hiểm."), ("2", "BD", "Xây dựng cơ chế,")]


def test_a_unit_named_in_lower_case_inside_a_short_name_line_is_not_the_lead() -> None:
    # narrow name column, short lines: "trường đại học" is the sentence's, the lead cell opens with a capital
    reg = [*REG, Agency("BG", "Bộ Giáo dục và Đào tạo"), Agency("DH", "Trường Đại học", (), "institute")]
    text = "\n".join([*HEAD,
                      "1. Đề án phát triển các | Bộ Giáo Bộ Y tế | Quyết định | 2025",
                      "trường đại học trở dục và Đào | của Thủ",
                      "thành trung tâm mạnh tạo | tướng",
                      "2. | Ban hành quy chế | Bộ Công an | Các bộ, Thông tư | 2028",
                      "về dữ liệu dân cư. | ngành"])
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BG"), ("2", "BC")]


def test_a_name_cut_by_a_page_break_goes_on_below_the_repeated_header() -> None:
    lines = [*HEAD, "1.", "", "Dự án Luật Năng lượng", "", "Bộ Y tế", "", "Các bộ,", "", "2025", "", "", "",
             "Tên nhiệm vụ", "", "Cơ quan", "chủ trì", "", "Cơ quan phối", "hợp", "", "Thời gian", "hoàn thành", "",
             "nguyên tử (sửa đổi)", "", "2.", "", "Lập đề án y tế số.", "", "Bộ Nội vụ", "", "2026"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.name) for t in tasks] == [("1", "Dự án Luật Năng lượng nguyên tử (sửa đổi)"),
                                               ("2", "Lập đề án y tế số.")]
    # a name that ended on its page (a full stop) takes nothing from the next
    lines[lines.index("Dự án Luật Năng lượng")] = "Dự án Luật Năng lượng."
    assert parse_text("\n".join(lines), registry=REG).tasks[0].name == "Dự án Luật Năng lượng."


def test_two_lone_numbers_whose_cells_come_row_by_row_take_each_name() -> None:
    # "36." / "37." alone, then row 36's cells (its name broken by a blank line), then row 37's: the second
    # name stands after row 36's lead; a lead's cell opening with a unit no registry holds is no name
    lines = [*HEAD, "36.", "", "37.", "", "Xây dựng quy định về cơ chế đặc biệt trong", "nghiên cứu công nghệ", "",
             "của nước ngoài.", "", "Bộ Khoa học và Công nghệ", "",
             "Rà soát các quy định pháp luật để tháo gỡ", "điểm nghẽn về khoa học", "", "Bộ Công an", "",
             "Bộ Tư pháp tổng hợp, báo cáo, đề xuất phương án", "sửa đổi, bổ sung", "", "2025", "", "6/2025", "",
             "38. | Ban hành quy chế | Bộ Y tế | Các bộ, ngành | 2027", "39. | Lập bản đồ số | Bộ Y tế | Các bộ | 2028"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.name) for t in tasks[:2]] == [
        ("36", "Xây dựng quy định về cơ chế đặc biệt trong nghiên cứu công nghệ của nước ngoài."),
        ("37", "Rà soát các quy định pháp luật để tháo gỡ điểm nghẽn về khoa học")]
    assert [(t.lead_code, t.deadline_text) for t in tasks[:2]] == [("BA", "2025"), ("BC", "6/2025")]


def test_a_unit_cut_after_its_first_words_is_the_lead_when_one_name_starts_so() -> None:
    lines = [*HEAD, "1.", "", "Dự án Luật Năng lượng nguyên tử", "", "Bộ Khoa", "", "Các bộ,", "", "2025", "",
             "2. | Ban hành quy chế | Bộ Y tế | Các bộ, ngành | 2027"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BA"), ("2", "BE")]
    # "Bộ Công" opens two registry names ("Bộ Công an", "Bộ Công Thương"): no lead is guessed
    reg = [*REG, Agency("BCT", "Bộ Công Thương")]
    lines[lines.index("Bộ Khoa")] = "Bộ Công"
    assert parse_text("\n".join(lines), registry=reg).tasks[0].lead_code is None


def test_a_name_going_on_past_a_page_break_beside_other_cells_takes_its_column_only() -> None:
    # the next page's first lines hold the end of the name and, after a bar or a unit's name, other cells
    lines = [*HEAD, "1.", "", "Xây dựng kế hoạch triển khai", "", "Bộ Y tế", "", "2025", "", "", "",
             "TT Tên nhiệm vụ Cơ quan Cơ quan phối | Kết quả Thời gian", "chủ trì hợp hoàn thành",
             "chương trình hành động | ngành, địa", "của Chính phủ. Bộ Tài chính",
             "2. | Ban hành quy chế | Bộ Nội vụ | Các bộ, ngành | 2027"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.name) for t in tasks] == [
        ("1", "Xây dựng kế hoạch triển khai chương trình hành động của Chính phủ."), ("2", "Ban hành quy chế")]


def test_a_letter_item_l_read_as_1_after_k_heads_its_units_duties() -> None:
    # "l)" OCR'd as "1)" between "k)" and "m)": the owner heading of the duties below it, not a numbered group
    reg = [*REG, *(Agency(code, f"Tổ đảng ở Thường trực Ủy ban {name}")
                   for code, name in (("UBA", "Đối ngoại"), ("UBB", "Xã hội"), ("UBC", "Tư pháp")))]
    text = "\n".join(["II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Nhiệm vụ của các cơ quan",
                      "k) Tổ đảng ở Thường trực Ủy ban Xã hội", "- Chủ trì thẩm tra việc thực hiện chính sách xã hội.",
                      "1) Tổ đảng ở Thường trực Ủy ban Đối ngoại", "- Chủ trì thẩm tra việc thực hiện điều ước quốc tế.",
                      "m) Tổ đảng ở Thường trực Ủy ban Tư pháp", "- Chủ trì thẩm tra việc thực hiện pháp luật tư pháp."])
    tasks = parse_text(text, registry=reg).tasks
    assert [t.lead_code for t in tasks] == ["UBB", "UBA", "UBC"]


def test_an_item_cut_by_a_page_break_goes_on_in_lower_case_after_the_blank_lines() -> None:
    lines = ["II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Nhiệm vụ chung",
             "- Sở Y tế chủ trì tổ chức phổ biến, quán triệt nghiêm túc đến các tổ chức đảng trực thuộc và", "", "", "",
             "", "đảng viên để có nhận thức đúng đắn.", "- Sở Nội vụ chủ trì rà soát quy chế làm việc của các cơ quan."]
    tasks = parse_text("\n".join(lines), registry=[Agency("SYT", "Sở Y tế"), Agency("SNV", "Sở Nội vụ")]).tasks
    assert [t.name.endswith(("nhận thức đúng đắn.", "của các cơ quan.")) for t in tasks] == [True, True]
    assert "đảng viên" in tasks[0].name
    # a stop before the gap ends the item
    lines[2] += "."
    assert len(parse_text("\n".join(lines)).tasks[0].name) < 100


def test_a_name_cut_by_a_page_break_goes_on_below_the_next_rows_lone_number() -> None:
    # rows read cell by cell; the page breaks in row 2's name: the next page repeats the header one title a
    # paragraph, and OCR read row 3's number before the end of row 2's name (two paragraphs, one opening
    # with a figure)
    lines = [*HEAD,
             "1.", "", "Lập danh mục dữ liệu y tế", "dùng chung cho các bệnh viện.", "", "Bộ Y tế", "", "2025", "",
             "2.", "", "Xây dựng cơ sở dữ liệu", "về đất đai và nhà ở", "", "Bộ Tài chính", "", "2026",
             "", "", "", "TT", "", "Tên nhiệm vụ", "", "Cơ quan", "chủ trì", "", "Thời gian", "",
             "3.", "", "của các tỉnh, kết nối với", "dữ liệu dân cư", "", "5% - 10% số hồ sơ.", "",
             "Ban hành quy chế quản lý", "hồ sơ điện tử của công chức.", "", "Bộ Nội vụ", "", "2027", "",
             "4.", "", "Tổ chức tập huấn kỹ năng", "số cho cán bộ.", "", "Bộ Công an", "", "2028"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "BE", "2025"), ("2", "BB", "2026"), ("3", "BD", "2027"), ("4", "BC", "2028")]
    assert [t.name for t in tasks] == [
        "Lập danh mục dữ liệu y tế dùng chung cho các bệnh viện.",
        "Xây dựng cơ sở dữ liệu về đất đai và nhà ở của các tỉnh, kết nối với dữ liệu dân cư 5% - 10% số hồ sơ.",
        "Ban hành quy chế quản lý hồ sơ điện tử của công chức.",
        "Tổ chức tập huấn kỹ năng số cho cán bộ."]


def test_a_group_title_whose_numeral_was_lost_is_not_the_name_it_ran_into() -> None:
    lines = [*HEAD,
             "1.", "", "Lập danh mục dữ liệu y tế", "dùng chung cho các bệnh viện.", "", "Bộ Y tế", "", "2025", "",
             # the group "III | Tăng cường hợp tác …" lost its numeral: OCR ran its title into row 2's name
             "2.", "", "Tăng cường hợp tác quốc tế", "về khoa học và đổi mới", "sáng tạo trong lĩnh vực số",
             "Xây dựng chương trình trao đổi", "chuyên gia với các nước", "có nền công nghệ tiên tiến.", "",
             "Bộ Tài chính", "", "2026", "",
             # a programme's title that a verb opens is the name's own
             "3.", "", "Xây dựng và ban hành Chương trình", "quốc gia về chuyển đổi số", "Hỗ trợ doanh nghiệp nhỏ và vừa",
             "ứng dụng công nghệ số.", "", "Bộ Công an", "", "2027", "",
             "4.", "", "Tổ chức tập huấn kỹ năng", "số cho cán bộ.", "", "Bộ Nội vụ", "", "2028"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BE"), ("2", "BB"), ("3", "BC"), ("4", "BD")]
    assert tasks[1].name == "Xây dựng chương trình trao đổi chuyên gia với các nước có nền công nghệ tiên tiến."
    assert tasks[2].name == ("Xây dựng và ban hành Chương trình quốc gia về chuyển đổi số Hỗ trợ doanh nghiệp nhỏ và "
                             "vừa ứng dụng công nghệ số.")


def test_rows_whose_first_lines_hold_the_same_cells_are_not_a_running_header() -> None:
    # "n. | Xây dựng, ban hành | Bộ Y tế | Quyết định | year": the same words on four rows, the numbers differ
    names = ["Đề án dữ liệu y tế số", "Đề án bệnh viện thông minh", "Đề án hồ sơ sức khỏe điện tử", "Đề án khám bệnh từ xa"]
    lines = [*HEAD]
    for n, name in enumerate(names, 1):
        lines += [f"{n}. | Xây dựng, ban hành | Bộ Y tế | Quyết định | {2024 + n}", name, "cho các tỉnh miền núi."]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        (str(n), "BE", str(2024 + n)) for n in range(1, 5)]
    assert [t.name for t in tasks] == [f"Xây dựng, ban hành {name} cho các tỉnh miền núi." for name in names]


def test_a_row_number_run_into_the_line_above_opens_its_row_there() -> None:
    # two lines read (or copied) as one: "… tuyến huyện 2. Bảo đảm nguồn lực …"
    lines = [*HEAD,
             "1. | Lập đề án y tế số cho | Bộ Y tế | Các bộ, Quyết định | 2026",
             "các bệnh viện tuyến tỉnh | ngành, địa",
             "và tuyến huyện 2. Bảo đảm nguồn lực | Bộ Tài chính | Các bộ, Kế hoạch | 2027",
             "cho các dự án hạ tầng | ngành, địa",
             "dữ liệu dùng chung | phương",
             "3. | Ban hành quy chế quản lý | Bộ Công an | Các bộ, Thông tư | 2028",
             "dữ liệu dân cư | ngành",
             "4. | Tổ chức tập huấn kỹ năng | Bộ Nội vụ | Các bộ, Kế hoạch | 2029",
             "số cho công chức | ngành"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "BE", "2026"), ("2", "BB", "2027"), ("3", "BC", "2028"), ("4", "BD", "2029")]
    assert tasks[1].name.startswith("Bảo đảm nguồn lực")
    # a number mid-line that the rows around it do not leave a place for is no row
    assert row_anchors(["1. Lập danh mục", "theo Điều 5. Quy định chung", "2. Ban hành quy chế"], 0, 2) == [
        (0, "1"), (2, "2")]
