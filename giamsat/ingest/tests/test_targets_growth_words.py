"""Growth set in words ("tăng gấp đôi", "gấp ba", "gấp rưỡi so với năm 2025"): a multiple like "gấp 2 lần", unit
"lần", named by the words before it without the verb or the base after "so với"; a bare year after a multiple is its
base, not its year; two multiples with their years are milestones of one indicator. A rank with only the plan's own
place before it ("Phấn đấu tỉnh thuộc nhóm 05 tỉnh dẫn đầu …") is named by the rank phrase. A table cell "Gấp đôi",
"Tăng 1,5 lần", "Tăng bình quân 10%/năm" has its value. Made-up objectives, also with their marks lost."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.restore.syllable import strip_marks
from giamsat.ingest.targets import parse_value

HEAD = ["KẾ HOẠCH", "Phát triển thương mại điện tử và kinh tế số đến năm 2030", "", "I. MỤC TIÊU",
        "2. Mục tiêu cụ thể đến năm 2030"]


def _targets(*items: str, marks: bool = True) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    body = list(items) if marks else [strip_marks(x) for x in items]
    return [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text("\n".join(HEAD + body)).targets]


def test_a_multiple_in_words_is_a_value_in_times() -> None:
    items = ("- Doanh thu bán lẻ trực tuyến của hợp tác xã tăng gấp đôi so với năm 2025.",
             "- Số điểm giao dịch không dùng tiền mặt tăng gấp ba so với năm 2024.",
             "- Giá trị hàng hóa qua sàn giao dịch nông sản tăng gấp rưỡi.")
    want = [("Doanh thu bán lẻ trực tuyến của hợp tác xã", "=", "2", "lần", 2030),
            ("Số điểm giao dịch không dùng tiền mặt", "=", "3", "lần", 2030),
            ("Giá trị hàng hóa qua sàn giao dịch nông sản", "=", "1,5", "lần", 2030)]
    assert _targets(*items) == want
    assert [(c, v, u, y) for _n, c, v, u, y in _targets(*items, marks=False)] == [w[1:] for w in want]


def test_a_bare_year_after_a_multiple_is_its_base() -> None:
    assert _targets("- Doanh thu dịch vụ logistics số gấp 2 lần năm 2025.") == [
        ("Doanh thu dịch vụ logistics số", "=", "2", "lần", 2030)]
    assert [t[1:] for t in _targets("- Doanh thu dịch vụ logistics số gấp 2 lần năm 2025.", marks=False)] == [
        ("=", "2", "lần", 2030)]


def test_a_multiple_before_what_grows_is_named_without_its_base() -> None:
    assert _targets("- Đến năm 2030, tăng gấp đôi số hộ kinh doanh bán hàng trên sàn so với năm 2025.")[0][:3] == \
        ("số hộ kinh doanh bán hàng trên sàn", "=", "2")


def test_two_multiples_with_their_years_are_milestones() -> None:
    plan = parse_text("\n".join([*HEAD, "- Số thương nhân có gian hàng số tăng gấp đôi vào năm 2028 và gấp ba vào năm 2030."]))
    assert [(t.name, t.value, t.year, t.milestones) for t in plan.targets] == [
        ("Số thương nhân có gian hàng số", "2", 2028, {"2028": "2", "2030": "3"})]


def test_a_figure_before_a_multiple_is_the_target() -> None:
    assert _targets("- Tỷ lệ chợ có thanh toán số đạt 80%, tăng gấp đôi so với năm 2024.") == [
        ("Tỷ lệ chợ có thanh toán số", "=", "80", "%", 2030)]


def test_a_rank_after_the_plans_own_place_is_named_by_the_rank() -> None:
    found = _targets("- Phấn đấu tỉnh thuộc nhóm 05 tỉnh dẫn đầu khu vực về thương mại điện tử.",
                     "- Đưa tỉnh vào nhóm 12 tỉnh, thành phố dẫn đầu cả nước về chỉ số kinh tế số.",
                     "- Chỉ số thương mại điện tử (EBI) của tỉnh nằm trong nhóm 15 tỉnh dẫn đầu.")
    assert [(n, c, v) for n, c, v, _u, _y in found] == [
        ("tỉnh thuộc nhóm 05 tỉnh dẫn đầu khu vực về thương mại điện tử", "rank_top", "05"),
        ("tỉnh vào nhóm 12 tỉnh, thành phố dẫn đầu cả nước về chỉ số kinh tế số", "rank_top", "12"),
        ("Chỉ số thương mại điện tử (EBI) của tỉnh", "rank_top", "15")]


def test_growth_cells_have_their_values() -> None:
    assert [parse_value(c) for c in ("Gấp đôi", "Tăng 1,5 lần", "2 lần", "Tăng bình quân 10%/năm", "Tăng cường", "Ba")] == [
        ("2", "="), ("1,5", "="), ("2", "="), ("10", "="), ("Tăng cường", "text"), ("Ba", "text")]


def test_a_rank_among_any_kind_of_peers_is_a_rank() -> None:
    found = _targets("- Trường cao đẳng nghề của tỉnh thuộc nhóm 20 trường cao đẳng dẫn đầu cả nước.",
                     "- Thành phố nằm trong top 5 đô thị thông minh hàng đầu cả nước.")
    assert [(c, v) for _n, c, v, _u, _y in found] == [("rank_top", "20"), ("rank_top", "5")]
