"""Targets read from OCR text without positions: indicator annexes whose row numbers OCR lost or misread,
group rows, comparators OCR cannot print ("≥" comes out as ">"), and the prose forms of objectives."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.model import Target
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.targets import annex_anchors

REG = [Agency("BA", "Bộ Khoa học và Công nghệ"), Agency("BB", "Bộ Tài chính"), Agency("BC", "Bộ Công an"),
       Agency("VP", "Văn phòng Chính phủ"), Agency("BY", "Bộ Y tế")]
HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì"]


def _targets(lines: list[str]) -> tuple[dict[str, Target], list[str]]:
    plan = parse_text("\n".join(HEAD + lines), registry=REG)
    return {t.no or "": t for t in plan.targets}, plan.warnings


def test_sub_rows_whose_numbers_ocr_lost_are_numbered_by_their_shape() -> None:
    # 3.2-3.4 lost their numbers; each still reads across its cells (name | unit result lead)
    targets, _w = _targets([
        "I Đến năm 2030",
        "1 Tỉ lệ doanh nghiệp số | % 40 Bộ Khoa học và Công nghệ",
        "2 Quy mô kinh tế số | % GDP 30 Bộ Tài chính",
        "3 Chỉ tiêu về thủ tục hành chính",
        "3.1 Tỉ lệ sử dụng dịch vụ | % 80 Văn phòng",
        "công trực tuyến Chính phủ",
        "Tỉ lệ cung cấp dịch vụ | % 90 Văn phòng",
        "công trực tuyến toàn trình Chính phủ",
        "Tỉ lệ hồ sơ hợp lệ, kết | % 100 Văn phòng",
        "quả giải quyết thủ tục Chính phủ",
        "Tỉ lệ cấp kết quả giải | % 95 Văn phòng",
        "quyết thủ tục điện tử Chính phủ",
        "3.5 Tỉ lệ thanh toán trực | % 70 Văn phòng",
        "tuyến trong giải quyết Chính phủ",
        "4 Tỉ lệ giao dịch không | % 60 Bộ Tài chính",
        "dùng tiền mặt"])
    got = [(no, t.value, t.lead_code, t.year) for no, t in targets.items() if no.startswith("3.")]
    assert got == [("3.1", "80", "VP", 2030), ("3.2", "90", "VP", 2030), ("3.3", "100", "VP", 2030),
                   ("3.4", "95", "VP", 2030), ("3.5", "70", "VP", 2030)]
    assert targets["4"].lead_code == "BB"


def test_lost_numbers_are_not_guessed_when_the_count_does_not_fit() -> None:
    # two numbers missing (3, 4) but only one line shaped like a row: nothing is invented
    lines = ["2 Tỉ lệ hồ sơ | % 90 Bộ Y tế", "Tỉ lệ thanh toán số | % 70 Bộ Y tế", "ghi chú thêm về số liệu",
             "5 Tỉ lệ giao dịch | % 60 Bộ Tài chính"]
    assert annex_anchors(lines, 0, 3, [(0, "2"), (3, "5")]) == [(0, "2"), (3, "5")]
    lines[2] = "Tỉ lệ người dân có | % 50 Bộ Công an"
    assert annex_anchors(lines, 0, 3, [(0, "2"), (3, "5")]) == [(0, "2"), (1, "3"), (2, "4"), (3, "5")]


def test_a_sub_number_with_its_parent_misread_keeps_its_place() -> None:
    lines = ["23 Hạ tầng số Tiên tiến Bộ Khoa học", "23.1 Tỉ lệ người dùng | % 100 Bộ Khoa học",
             "23.2 Số tuyến cáp | Tuyến 09 Bộ Khoa học", "28.3 Tổng dung lượng | Tbps 350 Bộ Khoa học",
             "23.4 Phủ sóng 5G | % 99 Bộ Khoa học", "24 Đô thị thông minh | Thành phố 6 Bộ Khoa học"]
    anchors = [(0, "23"), (1, "23.1"), (2, "23.2"), (4, "23.4"), (5, "24")]
    assert annex_anchors(lines, 0, 5, anchors) == [(0, "23"), (1, "23.1"), (2, "23.2"), (3, "23.3"), (4, "23.4"),
                                                   (5, "24")]


def test_a_group_title_without_its_numeral_sets_the_year() -> None:
    targets, _w = _targets(["I Đến năm 2030", "1 Quy mô kinh tế số | % GDP 30 Bộ Tài chính",
                            "Đến năm 2045", "2 Quy mô kinh tế số | % GDP 50 Bộ Tài chính"])
    assert [(no, t.year, t.value) for no, t in targets.items()] == [("1", 2030, "30"), ("2", 2045, "50")]


def test_greater_than_printed_by_ocr_reads_as_at_least_and_the_reviewer_is_told() -> None:
    targets, warnings = _targets(["I Đến năm 2030", "1 Tỉ lệ hồ sơ trực tuyến | % >80 Bộ Y tế",
                                  "2 Xếp hạng an toàn thông tin | Thứ bậc <10 Bộ Công an",
                                  "3 Tổ chức được xếp hạng | Tổ chức, doanh >5 Bộ Khoa học và Công nghệ"])
    assert [(no, t.comparator, t.value) for no, t in targets.items()] == [
        ("1", ">=", "80"), ("2", "<=", "10"), ("3", ">=", "5")]
    assert any("“≥”" in w and "1, 2, 3" in w for w in warnings)


def test_a_text_that_shows_the_glyph_keeps_a_strict_bound() -> None:
    targets, warnings = _targets(["I Đến năm 2030", "1 Tỉ lệ hồ sơ trực tuyến | % ≥ 80 Bộ Y tế",
                                  "2 Chỉ số phát triển con người | HDI > 0,7 Bộ Khoa học và Công nghệ"])
    assert [(no, t.comparator, t.value) for no, t in targets.items()] == [("1", ">=", "80"), ("2", ">", "0,7")]
    assert not any("“≥”" in w for w in warnings)


def test_prose_forms_of_an_objective() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "1. Mục tiêu cụ thể đến năm 2030",
        "- Quy mô kinh tế số đạt tối thiểu 30% GRDP.",
        "- Tỉnh thuộc nhóm 05 tỉnh dẫn đầu cả nước về chỉ số đổi mới sáng tạo.",
        "- Tỷ lệ dịch vụ công trực tuyến toàn trình trên 90%.",
        "- Tỷ lệ người dân có tài khoản ngân hàng từ 45% trở lên.",
        "- Số lượng công bố khoa học quốc tế tăng trung bình 10%/năm.",
        "- Tỷ lệ hồ sơ giải quyết đúng hạn ít nhất 95%.",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Hoàn thiện thể chế."])
    got = [(t.comparator, t.value, t.unit, t.year) for t in parse_text(text).targets]
    assert got == [(">=", "30", "% GRDP", 2030), ("rank_top", "05", "thứ hạng", 2030), (">", "90", "%", 2030),
                   (">=", "45", "%", 2030), ("=", "10", "%/năm", 2030), (">=", "95", "%", 2030)]


def test_result_cells_in_the_forms_exports_and_ocr_leave() -> None:
    from giamsat.ingest.targets import parse_value

    assert [parse_value(x) for x in ["&gt;= 30", "&gt; 30", "=> 5", "= 80", "từ 45% trở lên", "Không dưới 5",
                                      "20% - 50%", "Đạt mức tiên tiến"]] == [
        ("30", ">="), ("30", ">"), ("5", ">="), ("80", "="), ("45", ">="), ("5", ">="), ("20-50", "range"),
        ("Đạt mức tiên tiến", "text")]


def test_a_year_table_with_unit_and_lead_columns_read_row_by_row() -> None:
    # the header's years stand on the line below its titles; bare figures, one per year, after the unit;
    # the lead's name goes on down its cell ("Trung tâm" / "Y tế tỉnh"), beside the name's next words
    reg = [*REG, Agency("TTYT", "Trung tâm Y tế tỉnh"), Agency("PKH", "Phòng Kế hoạch - Tài chính")]
    text = "\n".join([
        "KẾ HOẠCH", "II. CÁC CHỈ TIÊU CHỦ YẾU",
        "STT | Chỉ tiêu Đơn vị | Năm Năm Năm Đơn vị chủ trì",
        "tính 2025 2026 2030", "",
        "1 Trạm y tế có | % 40 60 100 Trung tâm",
        "hồ sơ điện tử Y tế tỉnh", "",
        "2 Người dân có sổ sức | % 70 80 > 95 Phòng Kế",
        "khỏe điện tử hoạch - Tài chính", "",
        "3 Bệnh viện kết nối | Bệnh viện 2 5 12 Bộ Y tế",
        "khám từ xa", "",
        "III. NHIỆM VỤ TRỌNG TÂM", "1. Triển khai hồ sơ sức khỏe điện tử."])
    got = [(t.no, t.unit, t.milestones, t.year, t.value, t.comparator, t.lead_code) for t in parse_text(text, registry=reg).targets]
    assert got == [
        ("1", "%", {"2025": "40", "2026": "60", "2030": "100"}, 2025, "40", "=", "TTYT"),
        ("2", "%", {"2025": "70", "2026": "80", "2030": "≥95"}, 2025, "70", "=", "PKH"),
        ("3", "Bệnh viện", {"2025": "2", "2026": "5", "2030": "12"}, 2025, "2", "=", "BY")]
    names = [t.name for t in parse_text(text, registry=reg).targets]
    assert names[0].startswith("Trạm y tế có hồ sơ điện tử") and names[2].startswith("Bệnh viện kết nối khám từ xa")


def test_prose_figures_with_ocr_damage() -> None:
    items = ["Ty 1& ho so giai quyet dung han it nhát 95%.",
             "Quy mo kinh te so dat &gt;= 30% GRDP.",
             "Chi cho khoa hoc va cong nghe dat 2% tong chi ngan sach tro lén.",
             "Tinh thuoc nh6m 10 tinh dan dau ca nuoc ve chi so chuyen doi so.",
             "Phan dau co it nhat 05 doanh nghiep cong nghe so."]
    text = "\n".join(["KE HOACH", "I. MUC TIEU", "2. Muc tieu cu the den nam 2030", *("- " + x for x in items),
                      "II. NHIEM VU VA GIAI PHAP", "1. Hoan thien the che."])
    got = [(t.comparator, t.value, t.unit, t.year) for t in parse_text(text).targets]
    assert got == [(">=", "95", "%", 2030), (">=", "30", "% GRDP", 2030), (">=", "2", "% tổng chi ngân sách", 2030),
                   ("rank_top", "10", "thứ hạng", 2030), (">=", "05", "doanh nghiệp công nghệ số", 2030)]


def test_a_count_starting_with_2_is_not_read_as_at_least() -> None:
    # OCR prints "≥ 80%" as "280%", but "250" enterprises are 250: the "2" is "≥" only before a percentage
    targets, _w = _targets([
        "I Đến năm 2030",
        "1 Tỉ lệ doanh nghiệp số | % 280 Bộ Khoa học và Công nghệ",
        "2 Số doanh nghiệp công nghệ số | Doanh nghiệp 250 Bộ Tài chính"])
    assert (targets["1"].comparator, targets["1"].value) == (">=", "80")
    assert targets["2"].value == "250"


def test_a_year_table_in_an_annex_is_read_once_with_its_milestones() -> None:
    # an annex's year-column table, OCR'd flat: read by its year columns and by the annex reader, one row
    # each; the row number of the second lost ("ö"), a cell border read "_" after the last value of the third
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "Các chỉ tiêu tại Phụ lục I.", "II. NHIỆM VỤ", "1. Triển khai kế hoạch.",
        "PHỤ LỤC I", "CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030",
        "STT | Chỉ tiêu Đơn vị 2026 |2027 |2028 |2030 | Cơ quan", "tính chủ trì",
        "1 Tỷ lệ hồ sơ | % 60 70 80 95 Sở Tư",
        "giải quyết trực tuyến pháp",
        "ö Số hợp tác xã | Hợp tác 40 45 50 60 Sở Tài",
        "ứng dụng công nghệ xã chính",
        "3 Hộ dân dùng ví | % 30 40 50 >70_ | Công an",
        "điện tử tỉnh"])
    got = [(t.no, t.value, t.year, t.milestones) for t in parse_text(text).targets]
    assert got == [("1", "60", 2026, {"2026": "60", "2027": "70", "2028": "80", "2030": "95"}),
                   ("2", "40", 2026, {"2026": "40", "2027": "45", "2028": "50", "2030": "60"}),
                   ("3", "30", 2026, {"2026": "30", "2027": "40", "2028": "50", "2030": "≥70"})]


def test_a_year_table_whose_header_ocr_split_over_lines() -> None:
    # "Năm 2025" and "Mục tiêu 2030" read one word under another: the years stand below the header's line
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
        "TT Chỉ tiêu Đơn vị Năm Mục Đơn vị chủ trì", "tính 2026 tiêu", "2030", "",
        "1 Trường học có sổ | % 30 80 Sở Giáo dục", "điểm điện tử và Đào tạo",
        "2 Xã có điểm phát | Điểm 12 40 Sở Văn hóa,", "sóng wifi công cộng Thể thao và Du lịch",
        "3 Bệnh án điện tử tại | % 25 > 90 Sở Y tế", "bệnh viện tuyến tỉnh",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Triển khai kế hoạch."])
    got = [(t.no, t.unit, t.year, t.value, t.milestones) for t in parse_text(text).targets]
    assert got == [("1", "%", 2026, "30", {"2026": "30", "2030": "80"}),
                   ("2", "Điểm", 2026, "12", {"2026": "12", "2030": "40"}),
                   ("3", "%", 2026, "25", {"2026": "25", "2030": "≥90"})]


def test_a_lead_whose_space_ocr_lost_is_still_read() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
        "STT | Chỉ tiêu Đơn vị 2026 |2027 |2030 | Cơ quan", "tính chủ trì",
        "1 Tỷ lệ chi ngân sách | % 10 12 15 |SởTài", "cho chuyển đổi số chính",
        "2 Hồ sơ trực tuyến | % 60 70 90 Sở Tư", "toàn trình pháp",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Triển khai kế hoạch."])
    assert [(t.no, t.lead) for t in parse_text(text).targets] == [("1", "Sở Tài chính"), ("2", "Sở Tư pháp")]


def test_a_decimal_whose_comma_ocr_lost_among_decimals() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "I. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
        "STT | Chỉ tiêu Đơn vị 2026 |2027 |2030 | Cơ quan", "tính chủ trì",
        "1 Chi nghiên cứu và | % 0,5 07 1,5 Sở Tư", "phát triển pháp",
        "2 Số doanh nghiệp | Doanh 05 07 10 Sở Tư", "khởi nghiệp nghiệp pháp",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Triển khai kế hoạch."])
    got = [t.milestones for t in parse_text(text).targets]
    assert got == [{"2026": "0,5", "2027": "0,7", "2030": "1,5"}, {"2026": "05", "2027": "07", "2030": "10"}]
