"""OCR'd task tables read as plain text (no word positions): wrapped deadline cells and misread row numbers
(made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

# four rows of a department's task table as OCR left them (columns: task | output | deadline | lead | coordinator)
ROW_1 = ["1 Rà soát thủ tục Danh mục | Tháng 3/2026 | Văn phòng Sở Tư pháp", "hành chính nội bộ | được công | Sở",
         "của ngành bố"]
ROW_3 = ["3 Triển khai chữ ký Chữ ký số Năm 2026 Văn phòng | Sở Khoa học", "số cho công chức | được cấp Sở và Công",
         "nghệ"]
ROW_4 = ["4 Kiểm tra việc ứng Báo cáo Hằng năm Thanh tra Sở | Văn phòng", "dụng phần mềm quản kết quả Sở",
         "lý văn bản"]


def _row_2(number: str) -> list[str]:
    return [f"{number} Số hóa hồ sơ lưu Hồ sơ được Tháng 9/2026 | Phòng Tổ Trung tâm",
            "trữ của các phòng | số hóa | chức biên Lưu trữ", "chuyên môn chế tỉnh"]


def _rows(*rows: list[str]) -> str:
    head = ["UBND TỈNH", "SỞ NỘI VỤ", "KẾ HOẠCH", "thực hiện chuyển đổi số năm 2026", "", "PHỤ LỤC",
            "NHIỆM VỤ CỤ THỂ", "",
            "STT [ Nội dung nhiệm | Sản phẩm Thời gian Đơn vị chủ Đơn vị phối", "vụ hoàn thành trì hợp", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_quarter_whose_cell_wrapped_takes_the_year_from_the_line_below() -> None:
    # "Quý II năm" ends its cell's first line; "2027" stands on the next line, among the other cells' words
    text = _rows(["1 Chuẩn hóa dữ liệu Danh mục | Quý II năm Phòng Tổ | Sở Tài chính",
                  "hồ sơ công chức | dữ liệu | 2027 chức biên",
                  "viên chức toàn | được ban | chế",
                  "ngành hành"],
                 ["2 Tập huấn kỹ năng số Lớp tập Hằng năm Phòng Tổ | Sở Tư pháp",
                  "cho công chức cấp huấn chức biên",
                  "xã chế"])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2"]
    assert tasks[0].deadline_text == "Quý II năm 2027"
    assert tasks[0].deadline is not None and str(tasks[0].deadline.end) == "2027-06-30"


def test_a_row_number_read_as_an_accented_capital_still_opens_its_row() -> None:
    # row 2's number "2" read as "Ể": the row is found between rows 1 and 3, not run into row 1
    text = _rows(ROW_1, _row_2("Ể"), ROW_3, ROW_4)
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[1].deadline_text == "Tháng 9/2026"
    assert tasks[1].name.startswith("Số hóa hồ sơ")


def test_rows_past_a_page_break_whose_numbers_ocr_lost_follow_the_last_numbered_row() -> None:
    # the page repeats the header; its two rows lost their numbers (5 and 6)
    text = _rows(ROW_1, _row_2("2"), ROW_3, ROW_4,
                 ["| STT | Nội dung nhiệm [ Sản phẩm Thời gian Đơn vị chủ Đơn vị phối", "vụ hoàn thành trì hợp"],
                 ["Đánh giá mức độ | Báo cáo đánh | Quý IV/2026 | Văn phòng | Sở Tư pháp",
                  "hài lòng của công | giá | Sở",
                  "chức"],
                 ["Bồi dưỡng kỹ năng Lớp bồi Hằng năm Phòng Tổ | Sở Tư pháp",
                  "số cho lãnh đạo | dưỡng chức biên",
                  "phòng chế"])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [t.deadline_text for t in tasks[4:]] == ["Quý IV/2026", "Hằng năm"]


def test_a_short_word_of_a_sentence_is_not_repaired_into_a_units_name() -> None:
    # "của hộ dân" / "của hộ kinh doanh": "hộ" after "của" (a word no unit's name has) is a real word, not a
    # damaged "sở"; a damaged unit's name is still repaired
    from giamsat.ingest.agencies import AgencyMatcher

    m = AgencyMatcher()
    assert m.repaired_key("hỗ trợ sinh kế của hộ dân") == "ho tro sinh ke cua ho dan"
    assert m.repaired_key("thu nhập của hộ kinh doanh") == "thu nhap cua ho kinh doanh"
    assert m.repaired_key("S& Noi vy") == "so noi vu"
