"""Indicators in forms of plans the seeds lack: lead columns titled otherwise than "chủ trì", counted
objectives in prose, amended points quoted after their lead-in; and their OCR text without positions."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("STC", "Sở Tài chính"), Agency("STP", "Sở Tư pháp"), Agency("SYT", "Sở Y tế")]


def test_a_lead_column_titled_theo_doi_is_the_lead_not_a_second_unit() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 | Đơn vị theo dõi |",
        "| 1 | Hộ kinh doanh dùng hóa đơn điện tử | % | 40 | 90 | Sở Tài chính |",
        "| 2 | Phòng khám kết nối hồ sơ sức khỏe | Phòng khám | 15 | 60 | Sở Y tế |",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    got = [(t.no, t.unit, t.lead_code) for t in parse_text(text, registry=REG).targets]
    assert got == [("1", "%", "STC"), ("2", "Phòng khám", "SYT")]


def test_counted_articles_and_patents_are_targets() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030",
        "- Xuất bản ít nhất 40 bài báo trên tạp chí quốc tế.",
        "- Có tối thiểu 25 sáng chế được đăng ký bảo hộ.",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    got = [(t.value, t.comparator, t.year) for t in parse_text(text, registry=REG).targets]
    assert got == [("40", ">=", 2030), ("25", ">=", 2030)]


def test_an_amended_point_is_named_without_its_lead_in() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. SỬA ĐỔI, BỔ SUNG CHỈ TIÊU",
        "1. Sửa đổi điểm c khoản 1 Mục I như sau:",
        "“c) Đến năm 2027, tỷ lệ trường học dùng sổ điểm điện tử đạt tối thiểu 85%.”",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    got = [(t.name, t.value, t.comparator, t.year) for t in parse_text(text, registry=REG).targets]
    assert got == [("tỷ lệ trường học dùng sổ điểm điện tử", "85", ">=", 2027)]


def test_a_year_table_row_whose_number_ocr_ran_into_the_line_above() -> None:
    # the damage of the seeds runs a line into the next: row 2's number stands inside row 1's last line,
    # row 4's inside row 3's first line (two runs of values on one line)
    text = "\n".join([
        "KE HOACH", "I. MUC TIEU", "2. Chi tieu cu the",
        "STT | Chi tieu Don vi 2026 |2027 |2030 | Co quan", "tinh chu tri",
        "1 Ty le chi ngan sach | % 10 12 15 |So Tai", "cho chuyen doi so chinh 2 Ho so truc tuyen | % 60 70 90 So Tu",
        "toan trinh phap",
        "3 Xa co diem phat | Diem 12 40 45 So Y te 4 Tram y te so | % 20 50 100 So Tai", "song wifi cong cong chinh",
        "II. NHIEM VU VA GIAI PHAP", "1. Trien khai ke hoach."])
    got = [(t.no, t.milestones, t.lead_code) for t in parse_text(text, registry=REG).targets if t.no]
    assert got == [("1", {"2026": "10", "2027": "12", "2030": "15"}, "STC"),
                   ("2", {"2026": "60", "2027": "70", "2030": "90"}, "STP"),
                   ("3", {"2026": "12", "2027": "40", "2030": "45"}, "SYT"),
                   ("4", {"2026": "20", "2027": "50", "2030": "100"}, "STC")]
    names = {t.no: t.name for t in parse_text(text, registry=REG).targets}
    assert names["2"].startswith("Hồ sơ trực tuyến") and "Hồ sơ" not in names["1"]


def test_a_year_table_whose_unit_title_ocr_misread_and_a_baseline_column() -> None:
    # "Đơn vị" read "D&n vi" (ơ as "&") still tells the unit column; the sentence leading the table in
    # ("… năm 2024 và chỉ tiêu đến năm 2026, năm 2030 như sau:") is not its header; the first year column,
    # titled "Thực" / "hiện" over two lines, is the result reached, not a milestone
    text = "\n".join([
        "KE HOACH", "I. MUC TIEU", "2. Chi tieu cu the",
        "Ket qua nam 2024 va chi tieu den nam 2026, nam 2030 nhu sau:",
        "TT | Chi tieu D&n vi tinh |Thuc | Ke Muc Co quan", "hien hoach | tieu chu tri", "2024 2026 2030", "",
        "1 Ho so giai quyet | % 55 70 95 So Tu", "truc tuyen phap", "",
        "2 Phong kham dung | Phong 12 20 60 So Y te", "benh an dien tu kham", "",
        "II. NHIEM VU VA GIAI PHAP", "1. Trien khai ke hoach."])
    got = [(t.no, t.year, t.value, t.milestones, t.lead_code) for t in parse_text(text, registry=REG).targets]
    assert got == [("1", 2026, "70", {"2026": "70", "2030": "95"}, "STP"),
                   ("2", 2026, "20", {"2026": "20", "2030": "60"}, "SYT")]


def test_a_lead_column_thuc_hien_is_not_a_baseline() -> None:
    from giamsat.ingest.ocr_tables import _baseline

    assert _baseline("tt chi tieu don vi 2026 2027 2030 don vi thuc hien", [2026, 2027, 2030]) == 0
    assert _baseline("tt chi tieu don vi thuc hien 2025 ke hoach 2026 muc tieu 2030", [2025, 2026, 2030]) == 1


def test_tu_before_dat_is_a_word_of_the_name_not_the_comparator_tu() -> None:
    # "điện tử đạt 60%" (and "tu dat" without marks) is "= 60" named "… điện tử"; "từ 60% trở lên" is ">= 60"
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030",
        "- Tỷ lệ hộ dùng ví điện tử đạt 60%.",
        "- Ty le truong hoc dung so diem dien tu dat 90%.",
        "- Tỷ lệ chợ thanh toán điện tử từ 40% trở lên.",
        "II. NHIỆM VỤ", "1. Triển khai kế hoạch."])
    got = [(t.name.split()[-1], t.value, t.comparator) for t in parse_text(text, registry=REG).targets]
    assert got == [("tử", "60", "="), ("tử", "90", "="), ("tử", "40", ">=")]


def test_an_annex_result_before_a_lead_whose_first_words_stand_above() -> None:
    # the lead cell's first words ("Sở Tài") sit on the line above the number line, its rest ("chính và
    # các Sở, ngành") after the result: the figure before the capital is the result
    reg = [*REG, Agency("STTT", "Sở Thông tin và Truyền thông")]
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "II. NHIỆM VỤ", "1. Triển khai kế hoạch.",
        "PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì",
        "I Đến năm 2030",
        "1 Tỷ lệ hồ sơ được số hóa % 90 Sở Tư pháp",
        "2 Số doanh nghiệp số đăng ký mới Doanh nghiệp 120 Sở Tài chính",
        "Sở Thông tin",
        "3 Xây dựng Kho dữ liệu số tỉnh Kho dữ liệu 01 Truyền thông và các Sở, ngành",
        "4 Tỷ lệ xã có điểm wifi công cộng % 75 Sở Thông tin và Truyền thông"])
    got = {t.no: (t.value, t.year) for t in parse_text(text, registry=reg).targets}
    assert got["3"] == ("01", 2030) and got["2"] == ("120", 2030)


def test_an_annex_row_without_its_number_whose_next_line_ran_past_its_lead() -> None:
    # row 3's number lost; its first line holds a result written out ("> 3% và tăng") and, past the lead,
    # the row's next line that OCR ran into it ("… | Sở Tài chính năm cho khoa học, công nghệ")
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "II. NHIỆM VỤ", "1. Triển khai kế hoạch.",
        "PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì",
        "I Đến năm 2030",
        "1 Tỷ lệ hồ sơ được số hóa % 90 Sở Tư pháp", "",
        "2 Số doanh nghiệp số đăng ký mới Doanh nghiệp 120 Sở Tài chính", "",
        "Chi ngân sách hằng % tổng chi > 3% và tăng | Sở Tài chính năm cho khoa học, công nghệ dần theo yêu",
        "đổi mới sáng tạo cầu", "",
        "4 Tỷ lệ xã có điểm wifi công cộng % 75 Sở Y tế", "",
        "5 Số trạm y tế kết nối hồ sơ Trạm 40 Sở Y tế"])
    got = {t.no: t.lead_code for t in parse_text(text, registry=REG).targets}
    assert got == {"1": "STP", "2": "STC", "3": "STC", "4": "SYT", "5": "SYT"}
