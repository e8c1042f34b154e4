"""Which kind of table a pipe table is (tasks or indicators) and indicator tables laid out with years as rows;
made-up plans (the shapes first seen in forms_two_row)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN", "XÃ MINH HƯNG", "", "Số: 09/KH-UBND", "", "KẾ HOẠCH", "Ứng dụng công nghệ số năm 2027", ""]


def test_a_task_table_with_a_content_and_a_result_column_is_read_as_tasks() -> None:
    """'Nội dung nhiệm vụ' and 'Kết quả, sản phẩm' are also words of an indicator table's name and value columns:
    with a lead and a deadline column beside them the rows are tasks, not indicators valued by their product."""
    text = "\n".join([*_HEAD, "II. NHIỆM VỤ", "",
                      "| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian thực hiện | Kết quả, sản phẩm |",
                      "|---|---|---|---|---|",
                      "| 1 | Lắp đặt hệ thống loa truyền thanh thông minh tại các ấp | Phòng Văn hóa - Xã hội | Quý II/2027 | 12 cụm loa |",
                      "| 2 | Số hóa sổ địa chính lưu trữ tại xã | Phòng Kinh tế | Tháng 9/2027 | Dữ liệu số |"])
    plan = parse_text(text)
    assert [(t.no, t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None)
            for t in plan.tasks] == [("1", "PHONG_VHXH", "2027-06-30"), ("2", "PHONG_KT", "2027-09-30")]
    assert plan.targets == []


def test_a_two_row_header_over_lead_and_end_columns() -> None:
    """'Đơn vị thực hiện' over 'Chủ trì | Phối hợp' and 'Thời gian thực hiện' over 'Bắt đầu | Kết thúc' (a merged
    title, the rest in a second header row), Roman group rows: the lead is 'Chủ trì', the deadline 'Kết thúc'."""
    text = "\n".join([*_HEAD, "II. NHIỆM VỤ", "",
                      "| STT | Nội dung nhiệm vụ | Đơn vị thực hiện | | Thời gian thực hiện | | Kết quả |",
                      "|---|---|---|---|---|---|---|",
                      "| | | Chủ trì | Phối hợp | Bắt đầu | Kết thúc | |",
                      "| I | DỮ LIỆU SỐ | | | | | |",
                      "| 1 | Cập nhật dữ liệu hộ tịch vào phần mềm dùng chung | Công an xã | Phòng Văn hóa - Xã hội | Tháng 2/2027 | Tháng 5/2027 | Dữ liệu được cập nhật |",
                      "| 2 | Xây dựng bản đồ số các tuyến kênh nội đồng | Phòng Kinh tế | Hội Nông dân xã | Quý I/2027 | Quý III/2027 | Bản đồ số |"])
    plan = parse_text(text)
    assert [(t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None, t.group)
            for t in plan.tasks] == [("CA_XA", "2027-05-31", "DỮ LIỆU SỐ"), ("PHONG_KT", "2027-09-30", "DỮ LIỆU SỐ")]
    assert plan.targets == []


def test_an_indicator_table_with_years_as_rows() -> None:
    """'Năm | indicator (unit) | indicator (unit)' / one row per year: each column is an indicator, its rows its
    milestones; value and year are the first year's."""
    text = "\n".join([*_HEAD, "I. MỤC TIÊU", "", "Chỉ tiêu theo từng năm:", "",
                      "| Năm | Tỷ lệ ấp có điểm truy cập Internet công cộng (%) | Số hộ bán hàng trên sàn thương mại điện tử (hộ) |",
                      "|---|---|---|",
                      "| 2027 | 50 | 40 |",
                      "| 2028 | 75 | 65 |",
                      "| Năm 2030 | 100 | > 120 |"])
    targets = parse_text(text).targets
    assert [(t.name, t.unit, t.year, t.value, t.milestones) for t in targets] == [
        ("Tỷ lệ ấp có điểm truy cập Internet công cộng", "%", 2027, "50", {"2027": "50", "2028": "75", "2030": "100"}),
        ("Số hộ bán hàng trên sàn thương mại điện tử", "hộ", 2027, "40", {"2027": "40", "2028": "65", "2030": "> 120"})]


def test_an_indicator_table_with_years_as_rows_over_a_page_break() -> None:
    """The header a PDF repeats on the next page, inside the table, is no year row."""
    head = "| Năm | Số thôn có camera an ninh (thôn) | Tỷ lệ hộ dùng ví điện tử (%) |"
    text = "\n".join([*_HEAD, "I. MỤC TIÊU", "", head, "|---|---|---|", "| 2027 | 6 | 30 |", head, "| 2029 | 12 | 55 |"])
    assert [(t.year, t.milestones) for t in parse_text(text).targets] == [
        (2027, {"2027": "6", "2029": "12"}), (2027, {"2027": "30", "2029": "55"})]


def test_a_table_of_duties_by_year_is_not_turned() -> None:
    """'Năm | Nhiệm vụ trọng tâm | Đơn vị chủ trì': its cells are words, not figures; no indicator."""
    text = "\n".join([*_HEAD, "II. NHIỆM VỤ", "",
                      "| Năm | Nhiệm vụ trọng tâm | Đơn vị chủ trì |",
                      "|---|---|---|",
                      "| 2027 | Số hóa hồ sơ địa chính của xã | Phòng Kinh tế |",
                      "| 2028 | Vận hành trang thông tin điện tử của xã | Phòng Văn hóa - Xã hội |"])
    assert parse_text(text).targets == []


def test_an_indicator_table_with_its_years_in_a_second_header_row() -> None:
    """'Lộ trình thực hiện' merged over the year columns, the years in the row below it: one header."""
    text = "\n".join([*_HEAD, "I. MỤC TIÊU", "",
                      "| TT | Chỉ tiêu | Đơn vị tính | Lộ trình thực hiện | | | Đơn vị chủ trì |",
                      "|---|---|---|---|---|---|---|",
                      "| | | | 2027 | 2028 | Năm 2030 | |",
                      "| 1 | Tỷ lệ hộ dùng ví điện tử | % | 40 | 55 | 80 | Phòng Kinh tế |",
                      "| 2 | Số thôn có wifi công cộng | thôn | 3 | 6 | 10 | Phòng Văn hóa - Xã hội |"])
    assert [(t.no, t.unit, t.year, t.value, t.milestones, t.lead_code) for t in parse_text(text).targets] == [
        ("1", "%", 2027, "40", {"2027": "40", "2028": "55", "2030": "80"}, "PHONG_KT"),
        ("2", "thôn", 2027, "3", {"2027": "3", "2028": "6", "2030": "10"}, "PHONG_VHXH")]
