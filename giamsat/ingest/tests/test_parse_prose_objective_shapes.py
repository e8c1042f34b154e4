"""The common shapes of an objective sentence in a plan without an annex (communes, departments): a share of
units after a preposition or a verb, a count after a year phrase, "không ít hơn", "giảm … xuống còn",
a share of enterprises. Lines made up for these tests."""

from __future__ import annotations

from giamsat.ingest.fold import fold
from giamsat.ingest.pipeline import parse_text

HEAD = "KẾ HOẠCH\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"


def _targets(body: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text(HEAD + body).targets]


def test_a_share_of_units_after_cua_is_a_target_named_by_both_sides() -> None:
    assert _targets("b) Đến năm 2028, hoàn thành lắp đặt camera giám sát giao thông của 100% thôn, tổ dân phố.\n") == [
        ("hoàn thành lắp đặt camera giám sát giao thông của thôn, tổ dân phố", "=", "100", "%", 2028)]


def test_a_share_after_tai_names_the_place_it_counts() -> None:
    assert _targets("- Lắp wifi miễn phí tại 100% nhà văn hóa thôn vào năm 2027.\n") == [
        ("Lắp wifi miễn phí tại nhà văn hóa thôn", "=", "100", "%", 2027)]


def test_a_share_after_a_verb_phrase_names_its_object() -> None:
    assert _targets("- Chuẩn hóa, điện tử hóa 100% sổ sách kế toán của hợp tác xã trước năm 2029.\n") == [
        ("Chuẩn hóa, điện tử hóa sổ sách kế toán của hợp tác xã", "=", "100", "%", 2029)]


def test_an_indicator_whose_verb_was_cut_keeps_its_name() -> None:
    assert _targets("- Tỷ lệ giao dịch tại bưu điện xã được số hóa đạt 90%, bảo đảm an toàn dữ liệu.\n") == [
        ("Tỷ lệ giao dịch tại bưu điện xã được số hóa", "=", "90", "%", None)]


def test_a_count_after_a_year_phrase_is_not_part_of_the_date() -> None:
    found = _targets("- Phấn đấu đến năm 2029 có 25 doanh nghiệp chế biến nông sản bán hàng trên sàn thương mại điện tử.\n")
    assert [(c, v, y) for _n, c, v, _u, y in found] == [("=", "25", 2029)]


def test_khong_it_hon_is_at_least_and_khong_cao_hon_at_most() -> None:
    found = _targets("- Số sáng kiến được áp dụng không ít hơn 40%.\n- Tỷ lệ hồ sơ trễ hạn không cao hơn 3%.\n")
    assert [(n, c, v) for n, c, v, _u, _y in found] == [
        ("Số sáng kiến được áp dụng", ">=", "40"), ("Tỷ lệ hồ sơ trễ hạn", "<=", "3")]


def test_giam_xuong_con_is_a_ceiling_named_without_the_verb() -> None:
    found = _targets("- Giảm tỷ lệ hồ sơ giấy lưu trữ xuống còn 12% vào năm 2029.\n"
                     "- Tỷ lệ hộ chưa có tài khoản số giảm xuống còn 8%.\n")
    assert [(n, c, v) for n, c, v, _u, _y in found] == [
        ("Giảm tỷ lệ hồ sơ giấy lưu trữ", "<=", "12"), ("Tỷ lệ hộ chưa có tài khoản số", "<=", "8")]


def test_a_reduction_by_a_share_stays_a_value() -> None:
    found = _targets("- Giảm 25% số giấy tờ công dân phải nộp khi làm thủ tục.\n")
    assert [(c, v) for _n, c, v, _u, _y in found] == [("=", "25")]


def test_a_share_of_enterprises_is_not_a_unit() -> None:
    assert _targets("- Ít nhất 65% doanh nghiệp nhỏ và vừa trên địa bàn dùng hóa đơn điện tử.\n") == [
        ("doanh nghiệp nhỏ và vừa trên địa bàn dùng hóa đơn điện tử", ">=", "65", "%", None)]


def test_the_shapes_hold_without_diacritics() -> None:
    found = _targets("- Den nam 2028, hoan thanh lap dat camera cua 100% thon.\n"
                     "- It nhat 65% doanh nghiep nho va vua dung hoa don dien tu.\n")
    assert [(c, v, u, y) for _n, c, v, u, y in found] == [("=", "100", "%", 2028), (">=", "65", "%", None)]
    assert fold(found[0][0]).endswith("cua thon") and fold(found[1][0]).startswith("doanh nghiep")


def test_an_unmarked_so_opening_a_count_is_so_luong() -> None:
    """OCR and the restorer leave "Số" as "So" or "Sô"; the noun repeated after the figure shows it is "Số"."""
    found = _targets("- So xa co diem giao dich so hoa dat 18 xa nam 2027 va 30 xa nam 2029.\n")
    assert [(c, v, u, y) for _n, c, v, u, y in found] == [("=", "18", "xã", 2027)]
    assert parse_text(HEAD + "- So xa co diem giao dich so hoa dat 18 xa nam 2027 va 30 xa nam 2029.\n").targets[0].milestones == {
        "2027": "18", "2029": "30"}


def test_a_year_in_brackets_after_a_figure_is_its_year_and_the_next_ones_milestone() -> None:
    found = parse_text(HEAD + "- Tỷ lệ hộ sản xuất bán hàng qua sàn điện tử đạt từ 35% trở lên (năm 2027) và 55% (năm 2029).\n"
                       "- Tỷ lệ trạm bơm được điều khiển từ xa đạt ít nhất 45% (năm 2028).\n").targets
    assert [(t.comparator, t.value, t.year, t.milestones) for t in found] == [
        (">=", "35", 2027, {"2027": "≥ 35", "2029": "≥ 55"}), (">=", "45", 2028, {})]


def test_a_lead_in_naming_the_year_gives_it_to_the_numbered_targets_below() -> None:
    found = parse_text("KẾ HOẠCH\nI. MỤC TIÊU\nĐến năm 2029, Công ty hoàn thành chuyển đổi số các khâu vận hành chính,"
                       " cụ thể:\n1. 100% đồng hồ nước của khách hàng được đọc chỉ số từ xa.\n"
                       "2. Thời gian khắc phục sự cố đường ống bình quân giảm xuống dưới 6 giờ.\n").targets
    assert [(t.comparator, t.value, t.unit, t.year) for t in found] == [("=", "100", "%", 2029), ("<", "6", "giờ", 2029)]


def test_short_lines_with_a_bound_a_range_a_rank_or_a_step_are_targets() -> None:
    found = _targets("- Thời gian chờ cấp phép bình quân không quá 5 ngày.\n- Mỗi xã có từ 2 đến 4 sản phẩm OCOP.\n"
                     "- Chỉ số cải cách hành chính thuộc nhóm 15 tỉnh dẫn đầu.\n- Chỉ số DTI tăng ít nhất 2 bậc.\n")
    assert [(c, v, u) for _n, c, v, u, _y in found] == [
        ("<=", "5", "ngày"), ("range", "2-4", "sản phẩm"), ("rank_top", "15", "thứ hạng"), (">=", "2", "bậc")]


def test_a_share_of_the_budget_stops_before_its_year() -> None:
    found = _targets("- Chi cho chuyển đổi số đạt 2,5% tổng chi ngân sách vào năm 2028.\n")
    assert [(u, y) for _n, _c, _v, u, y in found] == [("% tổng chi ngân sách", 2028)]


def test_a_clause_of_only_a_year_and_a_figure_is_the_last_targets_next_milestone() -> None:
    for line in ("- Năm 2026: 45% hộ kinh doanh dùng mã QR; năm 2028: 90%.\n",
                 "- Đến năm 2026, 45% hộ kinh doanh dùng mã QR; đến năm 2028, 90%.\n"):
        found = parse_text(HEAD + line).targets
        assert [(t.name, t.value, t.year, t.milestones) for t in found] == [
            ("hộ kinh doanh dùng mã QR", "45", 2026, {"2026": "45", "2028": "90"})]


def test_years_before_or_right_after_each_figure_are_milestones_of_one_target() -> None:
    for line in ("- Tỷ lệ thôn có loa truyền thanh thông minh: năm 2026 đạt 40%, năm 2027 đạt 70%, năm 2029 đạt 100%.\n",
                 "- Tỷ lệ thôn có loa truyền thanh thông minh đạt 40% năm 2026, 70% năm 2027 và 100% năm 2029.\n"):
        found = parse_text(HEAD + line).targets
        assert [(t.name, t.value, t.year, t.milestones) for t in found] == [
            ("Tỷ lệ thôn có loa truyền thanh thông minh", "40", 2026, {"2026": "40", "2027": "70", "2029": "100"})], line


def test_a_comparison_year_stays_in_the_name() -> None:
    found = _targets("- Lượt khách tăng 35% so với năm 2025.\n")
    assert [(c, v, y) for _n, c, v, _u, y in found] == [("=", "35", None)] and found[0][0].endswith("so với năm 2025")
