"""A catalogue keyed by codes instead of row numbers: 'Mã chỉ tiêu' / 'Mã nhiệm vụ' is the row's key, the
name stands in the next column ('Tên chỉ tiêu', 'Tên nhiệm vụ'). Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC SƠN",
    "",
    "Số: 41/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Theo dõi chỉ tiêu chuyển đổi số tỉnh Bắc Sơn",
    "",
    "I. BỘ CHỈ TIÊU",
    "",
    "| Mã chỉ tiêu | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu 2026 | Chỉ tiêu 2030 | Cơ quan theo dõi |",
    "|---|---|---|---|---|---|",
    "| CQS-01 | Tỷ lệ văn bản điện tử có ký số | % | 90 | 100 | Văn phòng UBND tỉnh |",
    "| KTS-02 | Số hợp tác xã bán hàng trên sàn thương mại điện tử | Hợp tác xã | 30 | 120 | Sở Công Thương |",
    "",
    "II. NHIỆM VỤ",
    "",
    "| Mã nhiệm vụ | Tên nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
    "|---|---|---|---|",
    "| NV.01 | Xây dựng phần mềm cập nhật số liệu chỉ tiêu | Sở Khoa học và Công nghệ | Quý III/2026 |",
    "| NV.02 | Tập huấn cập nhật số liệu cho các sở, ngành | Sở Nội vụ | 30/10/2026 |",
]


def test_indicator_codes_key_the_rows_and_names_come_from_the_name_column() -> None:
    plan = parse_text("\n".join(_PLAN))
    got = [(t.no, t.name, t.value, t.lead_code) for t in plan.targets]
    assert got == [("CQS-01", "Tỷ lệ văn bản điện tử có ký số", "90", "VPUBND"),
                   ("KTS-02", "Số hợp tác xã bán hàng trên sàn thương mại điện tử", "30", "SCT")]


def test_task_codes_key_the_rows_and_names_come_from_the_name_column() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.no, t.name, t.lead_code) for t in plan.tasks] == [
        ("NV.01", "Xây dựng phần mềm cập nhật số liệu chỉ tiêu", "SKHCN"),
        ("NV.02", "Tập huấn cập nhật số liệu cho các sở, ngành", "SNV"),
    ]


def test_a_code_title_a_pdf_broke_inside_a_word_is_still_the_key() -> None:
    lines = [*_PLAN[:17], "| Mã nhiệ m vụ | Tên nhiệm vụ | Cơ quan chủ trì | Thời hạn |", *_PLAN[18:]]
    plan = parse_text("\n".join(lines))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("NV.01", "SKHCN"), ("NV.02", "SNV")]
