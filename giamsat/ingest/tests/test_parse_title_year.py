"""A plan for one year (its title names that year and no other) sets its targets for that year when nothing else gives
them one; a title naming a period or several years sets none. Made-up plans."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN THẠNH                                  Độc lập - Tự do - Hạnh phúc

Số: 15/KH-UBND                     An Thạnh, ngày 08 tháng 01 năm 2026

KẾ HOẠCH
Phát triển thương mại điện tử xã An Thạnh năm 2026

I. MỤC TIÊU
1. 100% hợp tác xã của xã có gian hàng trên sàn thương mại điện tử.
2. Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt đạt tối thiểu 60%.
"""


def _years(text: str) -> list[int | None]:
    return sorted((t["year"] for t in parse_bytes(text.encode()).to_json()["targets"]), key=str)


def test_a_one_year_plans_targets_take_its_year() -> None:
    assert _years(PLAN) == [2026, 2026]


def test_a_period_in_the_title_sets_no_year() -> None:
    assert _years(PLAN.replace("năm 2026\n\nI.", "giai đoạn 2026 - 2028\n\nI.")) == [None, None]


def test_a_horizon_in_the_title_sets_no_year() -> None:
    assert _years(PLAN.replace("năm 2026\n\nI.", "đến năm 2030\n\nI.")) == [None, None]
