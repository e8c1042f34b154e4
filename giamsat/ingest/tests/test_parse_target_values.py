"""Target values and names as other plans write them: a thousands dot ('150.000 hồ sơ'), a year
phrase opening the bullet ('Đến hết năm 2026, 100% …'), a bounded duration ('không quá 03 ngày làm việc')."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = "KẾ HOẠCH\nII. MỤC TIÊU\n2. Mục tiêu cụ thể\n"


def _prose(body: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    return [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text(HEAD + body).targets]


def test_a_thousands_dot_in_a_table_cell_is_not_a_decimal() -> None:
    plan = parse_text(
        "\n".join(
            [
                "KẾ HOẠCH",
                "PHỤ LỤC",
                "CHỈ TIÊU",
                "| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Năm 2028 | Đơn vị chủ trì |",
                "| 1 | Giấy phép được cấp trên môi trường mạng | giấy phép | 12.500 | 1.250.000 | 2,5 | Sở Xây dựng |",
            ]
        )
    )
    (t,) = plan.targets
    assert (t.value, t.milestones) == ("12500", {"2026": "12500", "2027": "1250000", "2028": "2,5"})


def test_a_thousands_dot_in_prose_is_not_a_decimal() -> None:
    (t,) = _prose("- Đến năm 2027, lắp đặt tối thiểu 45.000 bóng đèn chiếu sáng công cộng thông minh.\n")
    assert t[1:3] == (">=", "45000")


def test_a_year_phrase_opening_the_bullet_is_not_the_name() -> None:
    assert _prose("- Đến hết năm 2026, 100% biên lai học phí được phát hành dưới dạng điện tử.\n") == [
        ("biên lai học phí được phát hành dưới dạng điện tử", "=", "100", "%", 2026)
    ]
    assert (
        _prose("- Trong năm 2027, 85% hồ sơ đất đai của huyện Bắc Sơn được số hóa.\n")[0][0]
        == "hồ sơ đất đai của huyện Bắc Sơn được số hóa"
    )


def test_a_year_phrase_closing_the_name_is_dropped() -> None:
    assert _prose("- Trên 60% người nộp thuế khai thuế qua ứng dụng di động vào năm 2027.\n") == [
        ("người nộp thuế khai thuế qua ứng dụng di động", ">", "60", "%", 2027)
    ]


def test_a_falling_indicators_verb_is_not_its_name() -> None:
    assert _prose("- Đến năm 2028, tỷ lệ hộ nghèo đa chiều của xã Đông Hà giảm xuống dưới 2%.\n") == [
        ("tỷ lệ hộ nghèo đa chiều của xã Đông Hà", "<", "2", "%", 2028)
    ]


def test_a_bounded_duration_is_a_target() -> None:
    assert _prose(
        "- Thời gian cấp giấy phép xây dựng nhà ở riêng lẻ không quá 05 ngày làm việc từ năm 2026.\n"
    ) == [("Thời gian cấp giấy phép xây dựng nhà ở riêng lẻ", "<=", "05", "ngày làm việc", 2026)]


def test_a_day_count_without_a_bound_is_still_no_target() -> None:
    assert (
        _prose("- Trong 15 ngày kể từ ngày nhận hồ sơ, các phòng chuyên môn gửi ý kiến về Văn phòng.\n") == []
    )


def test_targets_after_their_figures_one_per_clause() -> None:
    assert _prose(
        "Phấn đấu trong năm 2026: 85% hộ kinh doanh có mã QR thanh toán; 60% người dân từ 18 tuổi trở lên"
        " dùng ví điện tử; 100% nhà văn hóa thôn có wifi miễn phí.\n"
    ) == [
        ("hộ kinh doanh có mã QR thanh toán", "=", "85", "%", 2026),
        ("người dân từ 18 tuổi trở lên dùng ví điện tử", "=", "60", "%", 2026),
        ("nhà văn hóa thôn có wifi miễn phí", "=", "100", "%", 2026),
    ]


def test_a_count_out_of_all_is_named_by_the_words_before_it() -> None:
    assert _prose("- Số tổ dân phố có camera an ninh kết nối trung tâm đạt 9/9 tổ.\n")[0][:3] == (
        "Số tổ dân phố có camera an ninh kết nối trung tâm",
        "=",
        "9",
    )


def test_school_year_columns_and_a_unit_in_brackets() -> None:
    plan = parse_text(
        "\n".join(
            [
                "KẾ HOẠCH",
                "I. MỤC TIÊU",
                "| TT | Chỉ tiêu | Năm học 2025 - 2026 | Năm học 2026 - 2027 |",
                "| 1 | Học sinh tiểu học có tài khoản học trực tuyến (%) | 60 | 85 |",
                "| 2 | Trường mầm non dùng sổ điểm danh số (trường) | ≥ 12 | 20 |",
                "| 3 | Tỷ lệ đóng góp của năng suất nhân tố tổng hợp (TFP) | 40 | 45 |",
            ]
        )
    )
    got = [(t.name, t.value, t.comparator, t.unit, t.year, t.milestones) for t in plan.targets]
    assert got == [
        ("Học sinh tiểu học có tài khoản học trực tuyến", "60", "=", "%", 2026, {"2026": "60", "2027": "85"}),
        ("Trường mầm non dùng sổ điểm danh số", "12", ">=", "trường", 2026, {"2026": "≥ 12", "2027": "20"}),
        (
            "Tỷ lệ đóng góp của năng suất nhân tố tổng hợp (TFP)",
            "40",
            "=",
            None,
            2026,
            {"2026": "40", "2027": "45"},
        ),
    ]
