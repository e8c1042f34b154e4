"""OCR task rows whose lead cell lost the space after the unit's kind ("SởNội" / "vụ") (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text


def _rows(*rows: list[str]) -> str:
    head = [
        "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
        "KẾ HOẠCH",
        "thực hiện chuyển đổi số",
        "",
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ",
        "",
        "STT | Nhiệm vụ Cơ quan Cơ quan Thời gian | Sản phẩm",
        "chủ trì | phối hợp hoàn thành",
        "",
    ]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_units_kind_run_into_its_name_in_a_narrow_cell() -> None:
    text = _rows(
        [
            "1 Đánhgiá, |SởNội | UBND các Quyết Năm 2026",
            "xếp hạng | vụ xã, phường định",
            "chuyển đổi số cấp xã công bố",
        ],
        [
            "2 Bố trí kinh | SởTài | Các sở, Dự toán Quý IV/2026",
            "phí thực hiện | chính ngành",
            "các nhiệm vụ chuyển đổi số",
        ],
    )
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "SNV"), ("2", "STC")]


def test_a_lead_column_first_merged_down_its_units_rows_in_ocr_text() -> None:
    text = "\n".join(
        [
            "SỞ Y TẾ TỈNH BẮC SƠN",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            "II. NHIỆM VỤ CỤ THỂ",
            "TT Đơn vị chủ trì | Nhiệm vụ Thời gian hoàn Ghi chú",
            "thành",
            "1 Văn phòng Sở Số hóa hồ sơ lưu trữ Tháng 12/2026",
            "của cơ quan",
            "",
            "2 Cập nhật phần mềm quản lý | Quý III/2026",
            "văn bản điều hành",
            "",
            "3 Sở Tài chính Bố trí kinh phí thực Năm 2026",
            "hiện chuyển đổi số",
            "",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Các đơn vị báo cáo kết quả hằng quý.",
        ]
    )
    tasks = parse_text(text, registry=[*default_registry(), Agency("VPS", "Văn phòng Sở")]).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "VPS"), ("2", "VPS"), ("3", "STC")]


def test_rows_whose_numbers_ocr_misread_past_recognition_fill_the_gap_they_leave() -> None:
    # rows 3-5 read "ĐẶC", "9." and '"5.': the misread 9 is no jump in the numbering (6, 7, 8 follow just below),
    # and the three lines that open like rows between 2 and 6 are rows 3, 4 and 5
    units = ["Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Y tế", "Công an tỉnh"]
    firsts = ["1.", "2.", "ĐẶC", "9.", '"5.', "6.", "7.", "8.", "9.", "10.", "11."]
    rows = [
        [
            f"{no} Xây dựng quy định số {n} về chia sẻ dữ liệu | {units[n % 6]} | Các sở, ngành | 2026",
            "của các cơ quan",
        ]
        for n, no in enumerate(firsts, 1)
    ]
    tasks = parse_text(_rows(*rows)).tasks
    assert [t.no for t in tasks] == [str(n) for n in range(1, 12)]
    assert [t.lead_code for t in tasks] == [
        ["STP", "STC", "SXD", "SNV", "SYT", "CAT"][n % 6] for n in range(1, 12)
    ]
    assert [t.name.split(" về ")[0][-2:].strip() for t in tasks[:10]] == [str(n) for n in range(1, 11)]
