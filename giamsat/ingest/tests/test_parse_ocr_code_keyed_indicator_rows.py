"""Plain OCR text of an indicator catalogue keyed by a code column ('Mã chỉ tiêu | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu
2026 | Chỉ tiêu 2030 | Cơ quan theo dõi' / 'YT-01 | … | % | 80 | 95 | Sở Y tế'): Tesseract breaks the narrow year
titles down their cells, the first one's year a line below the second's ("Chỉ Chỉ tiêu" / "tiêu 2030" / "2026"), and
each row opens with its code instead of a running number (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH HẢI LONG", "", "Số: 88/KH-UBND", "", "KẾ HOẠCH",
        "Theo dõi chỉ tiêu chuyển đổi số ngành y tế đến năm 2030", "", "I. MỤC ĐÍCH, YÊU CẦU", "",
        "Mỗi chỉ tiêu được gắn mã và cơ quan theo dõi.", "", "II. BỘ CHỈ TIÊU", ""]
TITLES = ["Mã chỉ tiêu | Tên chỉ tiêu Đơn vị tính | Chỉ Chỉ tiêu | Cơ quan theo",
          "tiêu 2030 dõi",
          "2026"]
TAIL = ["", "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Y tế theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh."]


def test_indicator_rows_opened_by_their_codes() -> None:
    plan = parse_text("\n".join([*HEAD, *TITLES,
                                 "YT-01 Tỷ lệ trạm y tế xã | % 80 100 Sở Y tế",
                                 "triển khai bệnh án",
                                 "điện tử",
                                 "YT-02 Số người dân có hồ Người 500.000 900.000 Sở Y tế",
                                 "sơ sức khỏe điện tử",
                                 "CĐS-01 Tỷ lệ thanh toán viện |% 60 >90 Ngân hàng Nhà",
                                 "phí không dùng tiền nước chi nhánh",
                                 "mặt",
                                 *TAIL]))
    got = [(t.no, t.unit, t.milestones, t.lead_code) for t in plan.targets]
    assert got == [("YT-01", "%", {"2026": "80", "2030": "100"}, "SYT"),
                   ("YT-02", "Người", {"2026": "500000", "2030": "900000"}, "SYT"),
                   ("CĐS-01", "%", {"2026": "60", "2030": "≥90"}, "NHNN")]
    assert plan.targets[0].name.startswith("Tỷ lệ trạm y tế xã triển khai bệnh án")
