"""Objectives that count people, visits, tasks or enterprises ("đào tạo tối thiểu 500 lượt cán bộ", "hỗ trợ 15 doanh
nghiệp"), and a figure qualifying the counted noun ("doanh nghiệp có doanh thu trên 100 tỷ đồng"). Lines made up
for these tests."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = "KẾ HOẠCH\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"


def _targets(body: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.name, t.comparator, t.value, t.unit) for t in parse_text(HEAD + body).targets]


def test_counts_of_people_and_visits_are_targets() -> None:
    found = _targets("- Mỗi năm bồi dưỡng tối thiểu 500 lượt cán bộ, công chức về kỹ năng số.\n"
                     "- Hằng năm tập huấn ít nhất 300 giáo viên, học sinh về an toàn thông tin mạng.\n")
    assert [(c, v) for _n, c, v, _u in found] == [(">=", "500"), (">=", "300")]


def test_a_short_item_counting_without_a_bound_is_a_target() -> None:
    found = _targets("- Đào tạo 200 người về trí tuệ nhân tạo.\n- Hỗ trợ 15 doanh nghiệp khởi nghiệp sáng tạo.\n"
                     "- Triển khai 04 nhiệm vụ khoa học cấp tỉnh.\n")
    assert [(c, v) for _n, c, v, _u in found] == [("=", "200"), ("=", "15"), ("=", "04")]


def test_a_year_opening_a_short_item_is_no_count() -> None:
    assert _targets("- Năm 2027 xã hoàn thành số hóa sổ hộ tịch.\n") == []


def test_a_figure_qualifying_the_counted_enterprises_is_part_of_their_name() -> None:
    found = _targets("- Có 05 doanh nghiệp công nghệ số có doanh thu trên 100 tỷ đồng.\n")
    assert [(n, c, v, u) for n, c, v, u in found] == [
        ("doanh nghiệp công nghệ số có doanh thu trên 100 tỷ đồng", "=", "05", "doanh nghiệp công nghệ số")]


def test_a_figure_after_the_counted_noun_and_a_comma_is_its_own_target() -> None:
    found = _targets("- Có 05 doanh nghiệp công nghệ số, 30% hộ kinh doanh dùng thanh toán số.\n")
    assert [(c, v, u) for _n, c, v, u in found] == [("=", "05", "doanh nghiệp công nghệ số"), ("=", "30", "%")]


def test_a_counted_product_keeps_its_noun_in_the_name() -> None:
    found = _targets("- Có ít nhất 02 sản phẩm nông nghiệp được truy xuất nguồn gốc điện tử.\n")
    assert found == [("sản phẩm nông nghiệp được truy xuất nguồn gốc điện tử", ">=", "02", "sản phẩm")]


def test_a_rank_after_dung_or_xep_trong_nhom_is_named_without_the_verb() -> None:
    found = _targets("- Chỉ số hài lòng của người dân (SIPAS) đứng trong nhóm 15 tỉnh dẫn đầu.\n"
                     "- Chỉ số PAPI xếp trong nhóm 20 tỉnh dẫn đầu cả nước.\n")
    assert found == [("Chỉ số hài lòng của người dân (SIPAS)", "rank_top", "15", "thứ hạng"),
                     ("Chỉ số PAPI", "rank_top", "20", "thứ hạng")]


def test_a_range_of_yearly_growth_is_a_rate() -> None:
    assert _targets("- Tốc độ tăng trưởng doanh thu thương mại điện tử bình quân từ 18 - 22%/năm.\n") == [
        ("Tốc độ tăng trưởng doanh thu thương mại điện tử bình quân", "range", "18-22", "%/năm")]


def test_khoang_about_is_not_part_of_the_name() -> None:
    found = _targets("- Kinh tế số chiếm khoảng 12% GRDP của huyện.\n- Tỷ lệ hộ dùng điện thoại thông minh đạt khoảng 90%.\n")
    assert [(n, v) for n, _c, v, _u in found] == [("Kinh tế số", "12"), ("Tỷ lệ hộ dùng điện thoại thông minh", "90")]


def test_cuoi_nam_is_a_year_like_het_nam() -> None:
    found = [(t.name, t.value, t.year) for t in parse_text(HEAD + (
        "- Tỷ lệ hồ sơ lưu trữ được số hóa đạt 100% vào cuối năm 2026.\n"
        "- Phấn đấu đến cuối năm 2027 có 85% hộ gia đình dùng cáp quang.\n")).targets]
    assert found == [("Tỷ lệ hồ sơ lưu trữ được số hóa", "100", 2026), ("hộ gia đình dùng cáp quang", "85", 2027)]


def test_hang_nam_opening_a_share_is_not_its_name() -> None:
    assert _targets("- Hằng năm, 100% đề tài khoa học cấp tỉnh được đặt hàng theo nhu cầu của ngành.\n") == [
        ("đề tài khoa học cấp tỉnh được đặt hàng theo nhu cầu của ngành", "=", "100", "%")]


def test_tu_a_len_b_targets_b_named_by_the_words_before_tu() -> None:
    found = _targets("1. Điều chỉnh chỉ tiêu tỷ lệ hồ sơ cấp phép được số hóa từ 60% lên 80%.\n"
                     "2. Điều chỉnh chỉ tiêu tỷ lệ hộ dùng cáp quang từ 75% lên ít nhất 90%.\n"
                     "3. Điều chỉnh chỉ tiêu thời gian cấp phép xây dựng từ 10 ngày làm việc xuống còn không quá 05 ngày làm việc.\n"
                     "4. Bổ sung chỉ tiêu: tỷ lệ thôn có wifi công cộng đạt 100%.\n")
    assert [(n, c, v) for n, c, v, _u in found] == [
        ("tỷ lệ hồ sơ cấp phép được số hóa", "=", "80"), ("tỷ lệ hộ dùng cáp quang", ">=", "90"),
        ("thời gian cấp phép xây dựng", "<=", "05"), ("tỷ lệ thôn có wifi công cộng", "=", "100")]


def test_tu_with_its_years_keeps_the_later_ones() -> None:
    found = parse_text(HEAD + "- Tỷ lệ chợ có thanh toán không dùng tiền mặt tăng từ 40% năm 2025 lên 70% năm 2027.\n").targets
    assert [(t.name, t.value, t.year) for t in found] == [("Tỷ lệ chợ có thanh toán không dùng tiền mặt", "70", 2027)]


def test_tu_as_a_lower_bound_or_an_age_is_unchanged() -> None:
    found = _targets("- Tỷ lệ hợp tác xã có website đạt từ 40% trở lên.\n"
                     "- Số người từ 15 tuổi trở lên có tài khoản ngân hàng đạt 90%.\n")
    assert [(c, v) for _n, c, v, _u in found] == [(">=", "40"), ("=", "90")]
    assert found[1][0] == "Số người từ 15 tuổi trở lên có tài khoản ngân hàng"


def test_a_row_number_after_an_ocr_tables_cells_is_no_count() -> None:
    found = _targets("Chỉ tiêu Năm 2026 Năm 2027 1 Lớp học có bảng tương tác 40 65 2 Học sinh được học kỹ năng số cơ bản"
                     " theo chương trình mới 60 85\n")
    assert "2" not in [v for _n, _c, v, _u in found]
