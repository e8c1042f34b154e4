"""'3. Các sở, ban, ngành; Ủy ban nhân dân các xã, phường' over a paragraph of duties: the units of the heading are
parted by a semicolon as often as by a comma; the duty is theirs, not a duty opening with '; UBND các xã …'."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_units_parted_by_a_semicolon_share_the_duties_below() -> None:
    plan = parse_text("\n".join([
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "Số: 88/KH-UBND", "An Giang, ngày 3 tháng 3 năm 2026", "KẾ HOẠCH",
        "Chuyển đổi số năm 2026", "", "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính", "Tham mưu bố trí kinh phí thực hiện Kế hoạch.",
        "2. Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
        "Căn cứ nhiệm vụ được giao, xây dựng kế hoạch chi tiết để triển khai thực hiện.",
        "3. Sở Nội vụ; Sở Tư pháp phối hợp rà soát thủ tục hành chính."]))
    assert [(a.org, a.duties) for a in plan.assignments] == [
        ("Sở Tài chính", "Tham mưu bố trí kinh phí thực hiện Kế hoạch."),
        ("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
         "Căn cứ nhiệm vụ được giao, xây dựng kế hoạch chi tiết để triển khai thực hiện."),
        ("Sở Nội vụ", "phối hợp rà soát thủ tục hành chính."),
        ("Sở Tư pháp", "phối hợp rà soát thủ tục hành chính."),
    ]
