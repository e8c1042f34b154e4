"""Reporting regime: the periods a report is named by right after 'báo cáo' ("sơ kết 6 tháng, tổng kết năm") count
also where the sentence names a yearly day ("trước ngày 10/12 hằng năm") (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Chuyển đổi số xã An Phú năm 2026

I. MỤC TIÊU
Năm 2026, 90% hồ sơ thủ tục hành chính được xử lý trực tuyến.

II. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện Kế hoạch.
2. Các bộ phận chuyên môn báo cáo sơ kết 6 tháng, tổng kết năm về UBND xã trước ngày 10/12 hằng năm.
"""


def test_named_periods_and_a_yearly_day() -> None:
    regime = parse_text(PLAN).to_json()["reporting"]
    assert regime["frequencies"] == ["semiannual", "annual"]  # was ["annual"]: "hằng năm" alone
    assert regime["due_day"] == 10
