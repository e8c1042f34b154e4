"""Target phrasings a plan may use that the seeds and forms lack: a period's targets due at its end ("Giai đoạn
2026 - 2030, thu hút 10 dự án …"), a count named by what it counts, not by the verb before it, "phấn đấu" and
"giảm … xuống dưới" around the name, members counted, the year an indicator table gives in a "Thời gian" column,
and a scanned table's ">" where Tesseract had no "≥". Lines and tables made up for these tests."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.structure import Outline
from giamsat.ingest.targets import table_targets

HEAD = "KẾ HOẠCH\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"


def _targets(body: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text(HEAD + body).targets]


def test_bounds_in_words_are_comparators() -> None:
    found = _targets("- Tỷ lệ văn bản đi được ký số không thấp hơn 85%.\n"
                     "- Thời gian cấp giấy phép xây dựng tối đa 05 ngày làm việc.\n"
                     "- Tỷ lệ hộ kinh doanh có mã QR thanh toán đạt ít nhất 60%.\n"
                     "- Tỷ lệ hợp đồng lao động điện tử tối thiểu 40% trở lên.\n")
    assert [(c, v) for _n, c, v, _u, _y in found] == [(">=", "85"), ("<=", "05"), (">=", "60"), (">=", "40")]


def test_a_period_opening_the_item_dates_its_target_at_the_period_end() -> None:
    assert _targets("- Giai đoạn 2026 - 2030, thu hút 12 dự án đầu tư vào cụm công nghiệp số.\n") == [
        ("dự án đầu tư vào cụm công nghiệp số được thu hút", "=", "12", "dự án", 2030)]


def test_a_count_after_a_short_verb_is_named_by_what_it_counts_and_what_is_done() -> None:
    found = _targets("- Xây dựng 04 mô hình chợ nông thôn không dùng tiền mặt.\n"
                     "- Mỗi năm có tối thiểu 6 sáng kiến cải cách hành chính được công nhận.\n")
    assert [(n, c, v) for n, c, v, _u, _y in found] == [
        ("mô hình chợ nông thôn không dùng tiền mặt được xây dựng", "=", "04"),
        ("sáng kiến cải cách hành chính được công nhận", ">=", "6")]


def test_a_count_whose_words_name_a_measure_keeps_them() -> None:
    assert _targets("- Số thôn có Tổ công nghệ số đạt 15 thôn.\n")[0][0].startswith("Số thôn")


def test_phan_dau_is_not_part_of_the_name() -> None:
    assert _targets("- Phấn đấu tỷ lệ học sinh có học bạ số đạt 90%.\n") == [
        ("tỷ lệ học sinh có học bạ số", "=", "90", "%", None)]


def test_giam_xuong_duoi_is_a_ceiling_and_xuong_no_part_of_the_name() -> None:
    assert _targets("- Giảm tỷ lệ hồ sơ giải quyết quá hạn xuống dưới 1,5%.\n") == [
        ("Giảm tỷ lệ hồ sơ giải quyết quá hạn", "<", "1,5", "%", None)]


def test_members_and_cooperatives_are_counted() -> None:
    found = _targets("- Kết nạp thêm 120 hội viên nông dân tham gia sàn thương mại điện tử trong năm 2027.\n"
                     "- Phát triển 15 hợp tác xã ứng dụng truy xuất nguồn gốc.\n")
    assert [(c, v, y) for _n, c, v, _u, y in found] == [("=", "120", 2027), ("=", "15", None)]


def test_a_counted_unit_stops_before_dang() -> None:
    found = _targets("- Đến năm 2029, có ít nhất 40 doanh nghiệp dịch vụ logistics đang ứng dụng nền tảng số.\n")
    assert [(c, v, u, y) for _n, c, v, u, y in found] == [(">=", "40", "doanh nghiệp dịch vụ logistics", 2029)]


def test_a_time_column_gives_the_indicator_its_year() -> None:
    plan = parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n"
                      "| STT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Thời gian hoàn thành | Đơn vị chủ trì |\n"
                      "|---|---|---|---|---|---|\n"
                      "| 1 | Tỷ lệ trạm y tế có bệnh án điện tử | % | 100 | Năm 2027 | Sở Y tế |\n"
                      "| 2 | Tỷ lệ trường học dùng sổ điểm điện tử | % | Tối thiểu 95 | 2026 - 2028 | Sở Giáo dục và Đào tạo |\n")
    assert [(t.value, t.comparator, t.year) for t in plan.targets] == [("100", "=", 2027), ("95", ">=", 2028)]


_YEAR_TABLE = ["| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2028 |",
               "| 1 | Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến | % | > 70 | > 90 |",
               "| 2 | Tỷ lệ xã có điểm phát Wi-Fi công cộng | % | 60 | 100 |"]


def _read(lines: list[str], ocr: bool) -> tuple[list[tuple[str, str | None, dict[str, str]]], list[str]]:
    outline = Outline(lines, lines, lambda s: s)
    warnings: list[str] = []
    found = table_targets(outline, outline.tables[0], AgencyMatcher(), warnings, ocr=ocr)
    return [(t.comparator, t.value, t.milestones) for t in found], warnings


def test_a_scanned_tables_strict_bound_is_read_as_a_threshold_with_a_warning() -> None:
    found, warnings = _read(_YEAR_TABLE, ocr=True)
    assert found == [(">=", "70", {"2026": "≥ 70", "2028": "≥ 90"}), ("=", "60", {"2026": "60", "2028": "100"})]
    assert any("≥" in w and "1" in w for w in warnings)


def test_a_strict_bound_stays_strict_in_text_or_where_the_scan_shows_ge() -> None:
    assert _read(_YEAR_TABLE, ocr=False)[0][0] == (">", "70", {"2026": "> 70", "2028": "> 90"})
    shows = [*_YEAR_TABLE, "| 3 | Tỷ lệ hộ có cáp quang | % | ≥ 80 | ≥ 95 |"]
    assert _read(shows, ocr=True)[0][0] == (">", "70", {"2026": "> 70", "2028": "> 90"})


def test_dat_ty_le_and_dat_muc_are_no_part_of_the_name() -> None:
    found = _targets("- Tỷ lệ doanh nghiệp nộp thuế điện tử đạt tỷ lệ 98%.\n"
                     "- Tỷ lệ người bệnh đặt lịch khám trực tuyến đạt mức 40%.\n")
    assert [n for n, *_ in found] == ["Tỷ lệ doanh nghiệp nộp thuế điện tử", "Tỷ lệ người bệnh đặt lịch khám trực tuyến"]


def test_a_second_bound_with_its_own_year_in_brackets_is_a_milestone() -> None:
    plan = parse_text(HEAD + "- Tỷ lệ hồ sơ đất đai giải quyết trực tuyến không dưới 60% (năm 2026), không dưới 85% (năm 2029).\n")
    assert [(t.comparator, t.value, t.year, t.milestones) for t in plan.targets] == [
        (">=", "60", 2026, {"2026": "≥ 60", "2029": "≥ 85"})]


def test_phan_dau_before_a_year_lead_in() -> None:
    assert _targets("- Phấn đấu đến hết năm 2028, 100% trạm y tế xã dùng bệnh án điện tử.\n") == [
        ("trạm y tế xã dùng bệnh án điện tử", "=", "100", "%", 2028)]


def test_data_sets_systems_and_services_are_counted() -> None:
    found = _targets("- Đến năm 2028, có ít nhất 20 bộ dữ liệu mở về nông nghiệp được công bố.\n"
                     "- Cung cấp 60 dịch vụ công trực tuyến toàn trình cho doanh nghiệp.\n")
    assert [(n, c, v, y) for n, c, v, _u, y in found] == [
        ("bộ dữ liệu mở về nông nghiệp được công bố", ">=", "20", 2028),
        ("dịch vụ công trực tuyến toàn trình cho doanh nghiệp được cung cấp", "=", "60", None)]


def test_year_columns_titled_in_other_words() -> None:
    for title in ("Năm {} (kế hoạch)", "Đến hết năm {}", "Lộ trình {}", "Năm {} (dự kiến)"):
        head = " | ".join(title.format(y) for y in (2026, 2027))
        plan = parse_text(f"KẾ HOẠCH\nI. MỤC TIÊU\n| TT | Chỉ tiêu | Đơn vị tính | {head} | Đơn vị chủ trì |\n|---|---|---|---|---|---|\n"
                          "| 1 | Tỷ lệ hợp tác xã bán hàng trực tuyến | % | 35 | 50 | Sở Nông nghiệp và Môi trường |\n")
        assert [(t.value, t.year, t.milestones) for t in plan.targets] == [("35", 2026, {"2026": "35", "2027": "50"})], title


def test_a_period_column_is_known_by_its_end() -> None:
    plan = parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n| TT | Chỉ tiêu | ĐVT | Giai đoạn 2026 - 2027 | Giai đoạn 2028 - 2030 |\n|---|---|---|---|---|\n"
                      "| 1 | Số xã có trạm quan trắc tự động | Xã | 8 | 20 |\n")
    assert [(t.year, t.milestones) for t in plan.targets] == [(2027, {"2027": "8", "2030": "20"})]


def test_len_before_the_figure_is_no_part_of_the_name() -> None:
    found = _targets("- Nâng tỷ lệ thôn có loa truyền thanh thông minh lên trên 75%.\n")
    assert [(n, c, v) for n, c, v, _u, _y in found] == [("Nâng tỷ lệ thôn có loa truyền thanh thông minh", ">", "75")]
