"""Task tables laid out as a timetable: one column per month or quarter, a mark in the periods a task
runs (made-up lines)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

D = dt.date

UNITS = [
    Agency("PHC", "Phòng Hành chính quản trị"),
    Agency("KDUOC", "Khoa Dược"),
    Agency("TOCM", "Tổ Chuyên môn"),
]


def _plan(title: str, *lines: str) -> str:
    return "\n".join(["TRUNG TÂM Y TẾ HUYỆN HÀ SƠN", "", "KẾ HOẠCH", title, "", "I. NỘI DUNG", *lines])


def test_month_columns_marked_x_give_the_end_of_the_last_marked_month() -> None:
    text = _plan(
        "Ứng dụng công nghệ thông tin năm 2027",
        "| STT | Nội dung | Khoa/Phòng thực hiện | T1 | T2 | T3 | T4 | T5 | T6 |",
        "|---|---|---|---|---|---|---|---|---|",
        "| 1 | Cài đặt phần mềm quản lý kho thuốc | Khoa Dược | x | X | | | | |",
        "| 2 | Số hóa hồ sơ công văn đến | Phòng Hành chính quản trị | | | ✓ | ✓ | ✓ | |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "KDUOC"), ("2", "PHC")]
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2027, 2, 28), D(2027, 5, 31)]
    assert tasks[1].deadline is not None and tasks[1].deadline.kind == DeadlineKind.MONTH
    assert tasks[1].deadline.start == D(2027, 3, 1)
    assert tasks[1].deadline_text == "T3, T4, T5"


def test_bare_month_numbers_under_a_months_title_and_a_people_column() -> None:
    text = _plan(
        "Chuyển đổi số năm 2026",
        "| TT | Nội dung công việc | Người thực hiện | Thời gian thực hiện (tháng) | | | | |",
        "| | | | 8 | 9 | 10 | 11 | 12 |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 | Tập huấn chữ ký số cho viên chức | Tổ Chuyên môn | | x | x | | |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [(t.lead_code, t.deadline.end if t.deadline else None) for t in tasks] == [
        ("TOCM", D(2026, 10, 31))
    ]


def test_quarter_columns_take_the_year_of_their_title() -> None:
    text = _plan(
        "Chuyển đổi số giai đoạn 2026 - 2030",
        "| TT | Nhiệm vụ | Bộ phận thực hiện | Tiến độ năm 2027 | | | |",
        "| | | | Quý I | Quý II | Quý III | Quý IV |",
        "|---|---|---|---|---|---|---|",
        "| 1 | Triển khai hóa đơn điện tử tại nhà thuốc | Khoa Dược | | x | x | |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert len(tasks) == 1 and tasks[0].deadline is not None
    assert (tasks[0].lead_code, tasks[0].deadline.kind, tasks[0].deadline.end) == (
        "KDUOC",
        DeadlineKind.QUARTER,
        D(2027, 9, 30),
    )


def test_a_school_years_months_after_december_fall_in_the_next_year() -> None:
    text = _plan(
        "Ứng dụng công nghệ thông tin năm học 2025 - 2026",
        "| TT | Nội dung | Bộ phận thực hiện | T9 | T10 | T11 | T12 | T1 | T2 | T3 |",
        "|---|---|---|---|---|---|---|---|---|---|",
        "| 1 | Cập nhật học bạ số | Tổ Chuyên môn | x | | | | | | |",
        "| 2 | Sổ điểm điện tử học kỳ II | Tổ Chuyên môn | | | | | x | x | |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2025, 9, 30), D(2026, 2, 28)]


def test_a_header_repeated_over_a_page_break_and_misread_month_titles() -> None:
    # a scan: the header repeated on the next page, its small month titles misread ("TỔ", "by", "T1 1" for T11),
    # a row's name run over the page break below the header's copy
    text = _plan(
        "Ứng dụng công nghệ thông tin năm 2026",
        "| T T | Nội dung | Khoa/Phòng thực hiện | Kinh phí | T7 | T8 | TỔ | by | T1 1 | (li |",
        "| 1 | Triển khai phần mềm quản lý | Khoa Dược | 1.200 | x | xX | | | | |",
        "| T | Nội dung | Khoa/Phòng thực hiện | Kinh phí | T7 | ñ/ | T9 | T1 0 | ¬ | Tỉ v |",
        "| | tủ thuốc tại các khoa | | | | | | | | |",
        "| 2 | Số hóa hồ sơ công văn đến | Phòng Hành chính quản trị | 60 | | | | b$ | % | |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [(t.no, t.name, t.lead_code) for t in tasks] == [
        ("1", "Triển khai phần mềm quản lý tủ thuốc tại các khoa", "KDUOC"),
        ("2", "Số hóa hồ sơ công văn đến", "PHC"),
    ]
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2026, 8, 31), D(2026, 11, 30)]


def test_a_column_with_a_title_of_its_own_after_the_months_is_no_month() -> None:
    text = _plan(
        "Chuyển đổi số năm 2026",
        "| TT | Nội dung | Bộ phận thực hiện | T8 | T9 | T10 | Tổng | Ghi chú |",
        "|---|---|---|---|---|---|---|---|",
        "| 1 | Cập nhật cơ sở dữ liệu dược | Khoa Dược | | x | | x | x |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2026, 9, 30)]


def test_one_column_for_lead_and_coordinators() -> None:
    text = _plan(
        "Chuyển đổi số năm 2026",
        "| STT | Nội dung nhiệm vụ | Chủ trì/Phối hợp | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Cập nhật danh mục thuốc trên phần mềm | Chủ trì: Khoa Dược; phối hợp: Tổ Chuyên môn | Tháng 3/2026 |",
        "| 2 | Số hóa hồ sơ công văn đến | Chủ trì Phòng Hành chính quản trị; phối hợp Khoa Dược | Quý II/2026 |",
        "| 3 | Rà soát quy trình kê đơn điện tử | Tổ Chuyên môn; Khoa Dược | Quý III/2026 |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [(t.lead_code, t.coordinators) for t in tasks] == [
        ("KDUOC", ["Tổ Chuyên môn"]),
        ("PHC", ["Khoa Dược"]),
        ("TOCM", ["Khoa Dược"]),
    ]


def test_duties_under_a_period_heading_are_due_by_its_end() -> None:
    text = "\n".join(
        [
            "SỞ Y TẾ TỈNH BẮC SƠN",
            "KẾ HOẠCH",
            "Phối hợp chuyển đổi số giai đoạn 2026 - 2030",
            "",
            "II. NHIỆM VỤ CỤ THỂ",
            "",
            "1. Năm 2026",
            "",
            "a) Khoa Dược chủ trì cập nhật danh mục thuốc trên phần mềm quản lý.",
            "",
            "b) Tổ Chuyên môn chủ trì tập huấn bệnh án điện tử; hoàn thành trong Quý II/2026.",
            "",
            "2. Giai đoạn 2027 - 2030",
            "",
            "a) Phòng Hành chính quản trị chủ trì số hóa hồ sơ lưu trữ của Sở.",
            "",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Các đơn vị báo cáo kết quả hằng quý.",
        ]
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [
        (t.lead_code, t.deadline.kind if t.deadline else None, t.deadline.end if t.deadline else None)
        for t in tasks
    ] == [
        ("KDUOC", DeadlineKind.YEAR, D(2026, 12, 31)),
        ("TOCM", DeadlineKind.QUARTER, D(2026, 6, 30)),
        ("PHC", DeadlineKind.RANGE, D(2030, 12, 31)),
    ]
