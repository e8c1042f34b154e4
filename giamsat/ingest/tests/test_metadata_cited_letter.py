"""An official letter cited in the grounds by kind and number ('Công văn số 2150/UBND-KGVX ngày …'): its number has no
kind code, the word before it says it is a document; a parent like any plan cited. Made-up letter."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_letter_cited_in_the_grounds_is_a_parent() -> None:
    plan = parse_text("\n".join([
        "UBND TỈNH BẮC SƠN",
        "SỞ TÀI CHÍNH",
        "",
        "Số: 415/STC-NS",
        "V/v bố trí kinh phí chuyển đổi số",
        "",
        "Kính gửi: Các sở, ban, ngành.",
        "",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh và Công văn số 903/UBND-KT ngày "
        "02/3/2026 của Ủy ban nhân dân tỉnh, Sở Tài chính đề nghị các sở, ban, ngành thực hiện một số nội dung sau:",
        "",
        "1. Rà soát dự toán kinh phí chuyển đổi số năm 2026, gửi Sở Tài chính trước ngày 15/4/2026.",
        "",
        "2. Báo cáo tình hình giải ngân kinh phí, hoàn thành trước ngày 30/6/2026.",
    ]))
    assert plan.document.parents == ["12/KH-UBND", "903/UBND-KT"]
