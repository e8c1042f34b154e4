"""A plan for one year ("Kế hoạch chuyển đổi số xã An Bình năm 2026") writes its deadlines without the year: "Trước
30/6", "Quý III", "Tháng 9", "6 tháng đầu năm". They fall in the plan's year. A letter whose subject names no year
("V/v báo cáo kết quả …") dates them from its own date: the first such day on or after it. Each plan says so in a
warning for the reviewer; a plan for several years leaves them unknown."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.deadlines import with_year
from giamsat.ingest.model import ParsedPlan
from giamsat.ingest.pipeline import parse_text

_TABLE = ["| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|",
          "| 1 | Số hóa hồ sơ hộ tịch còn lại | Văn phòng HĐND và UBND xã | Trước 30/6 |",
          "| 2 | Cấp chữ ký số cho công chức xã | Văn phòng HĐND và UBND xã | Quý III |",
          "| 3 | Tuyên truyền kỹ năng số cho người dân | Phòng Văn hóa - Xã hội | Tháng 9 |",
          "| 4 | Lắp đặt camera an ninh tại trụ sở | Công an xã | Trước ngày 15 tháng 10 |",
          "| 5 | Rà soát dữ liệu dân cư | Công an xã | 6 tháng đầu năm |"]


def _ends(plan: ParsedPlan) -> list[dt.date | None]:
    return [t.deadline.end if t.deadline else None for t in plan.tasks]


def test_a_plan_for_one_year_dates_its_yearless_deadlines_in_it() -> None:
    plan = parse_text("\n".join(["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 12/KH-UBND", "An Bình, ngày 10 tháng 01 năm 2026",
                                 "KẾ HOẠCH", "Chuyển đổi số xã An Bình năm 2026", "", "II. NHIỆM VỤ", *_TABLE]))
    assert _ends(plan) == [dt.date(2026, 6, 30), dt.date(2026, 9, 30), dt.date(2026, 9, 30), dt.date(2026, 10, 15),
                           dt.date(2026, 6, 30)]
    assert [t.deadline_text for t in plan.tasks][:2] == ["Trước 30/6", "Quý III"]
    assert any("không ghi năm" in w and "2026" in w for w in plan.warnings)


def test_a_plan_for_several_years_leaves_them_unknown_and_says_so() -> None:
    plan = parse_text("\n".join(["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 12/KH-UBND", "An Bình, ngày 10 tháng 01 năm 2026",
                                 "KẾ HOẠCH", "Chuyển đổi số xã An Bình giai đoạn 2026 - 2030", "", "II. NHIỆM VỤ", *_TABLE]))
    assert [t.deadline.kind if t.deadline else None for t in plan.tasks] == ["unknown"] * 5
    # no year guessed, but the reviewer is told which deadlines need one
    assert [w for w in plan.warnings if "không ghi năm" in w] == [
        "5 thời hạn không ghi năm (ví dụ “Trước 30/6”) mà văn bản không cho biết năm nào: chưa xác định được hạn, "
        "cần ghi rõ năm khi duyệt."]


def _tet_plan(signed: str) -> ParsedPlan:
    return parse_text("\n".join([
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 3/KH-UBND", f"An Bình, ngày {signed}", "KẾ HOẠCH",
        "Chuyển đổi số xã An Bình năm 2026", "", "II. NHIỆM VỤ",
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|",
        "| 1 | Hoàn thành thanh toán không dùng tiền mặt tại chợ xã | Văn phòng HĐND và UBND xã | Trước Tết Nguyên đán |"]))


def test_before_tet_in_a_plan_for_one_year_is_the_first_tet_after_the_plan_is_signed() -> None:
    # signed in December 2025 for 2026: the Tết of February 2026; signed in March 2026: the Tết of early 2027
    assert _ends(_tet_plan("20 tháng 12 năm 2025")) == [dt.date(2026, 2, 17)]
    assert _ends(_tet_plan("05 tháng 3 năm 2026")) == [dt.date(2027, 2, 6)]


def test_a_letter_dates_them_from_its_own_date() -> None:
    plan = parse_text("\n".join([
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 812/SKHCN-CĐS", "V/v báo cáo kết quả chuyển đổi số",
        "Thanh Bình, ngày 10 tháng 11 năm 2026", "Kính gửi: Ủy ban nhân dân các xã, phường", "",
        "Sở Khoa học và Công nghệ đề nghị Ủy ban nhân dân các xã, phường thực hiện các nội dung sau:",
        "1. Rà soát, cập nhật danh mục thủ tục hành chính trực tuyến toàn trình, hoàn thành trước ngày 15/12.",
        "2. Hoàn thành cấp tài khoản định danh điện tử cho cán bộ, công chức trước ngày 15/01.",
        "3. Triển khai ứng dụng trợ lý ảo phục vụ người dân trong quý I."]))
    assert _ends(plan) == [dt.date(2026, 12, 15), dt.date(2027, 1, 15), dt.date(2027, 3, 31)]


def test_only_yearless_periods_are_completed() -> None:
    assert with_year("Quý IV/2026", 2027) is None          # names its year
    assert with_year("Thường xuyên", 2026) is None         # no period
    assert with_year("Trước ngày 20", 2026) is None        # a day of which month?
    spec = with_year("Cuối năm", 2026)
    assert spec is not None and (spec.kind, spec.end) == ("year", dt.date(2026, 12, 31))


def test_a_plan_for_a_school_year_runs_from_august_to_july() -> None:
    plan = parse_text("\n".join([
        "UBND HUYỆN ĐỨC TRỌNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 45/KH-PGDĐT", "Đức Trọng, ngày 02 tháng 8 năm 2025",
        "KẾ HOẠCH", "Triển khai chuyển đổi số trong các trường học năm học 2025-2026", "", "II. NHIỆM VỤ",
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|",
        "| 1 | Cập nhật dữ liệu học sinh đầu năm học lên cơ sở dữ liệu ngành | Các trường học | Tháng 9 |",
        "| 2 | Triển khai học bạ số cho học sinh lớp 1 | Các trường tiểu học | Trước 31/12 |",
        "| 3 | Tổng kết, đánh giá chuyển đổi số trong nhà trường | Các trường học | Tháng 5 |"]))
    assert _ends(plan) == [dt.date(2025, 9, 30), dt.date(2025, 12, 31), dt.date(2026, 5, 31)]
