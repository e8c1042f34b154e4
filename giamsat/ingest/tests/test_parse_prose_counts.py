"""Counted targets in prose ("tối thiểu 15 doanh nghiệp … và 10 …"), also with OCR'd vowels."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = "KẾ HOẠCH\nI. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"


def _targets(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(t.name, t.comparator, t.value) for t in parse_text(HEAD + body).targets]


def test_one_comparator_covers_both_counts_joined_by_va() -> None:
    assert _targets("- Tối thiểu 12 hợp tác xã điểm … không; - Phấn đấu có tối thiểu 25 doanh nghiệp công nghệ số"
                    " và 08 doanh nghiệp đổi mới sáng tạo.\n") == [
        ("hợp tác xã điểm … không", ">=", "12"),        # cooperatives are counted too
        ("doanh nghiệp công nghệ số", ">=", "25"), ("doanh nghiệp đổi mới sáng tạo", ">=", "08")]


def test_a_count_after_va_keeps_its_own_tro_len() -> None:
    assert _targets("- Có 30 doanh nghiệp dữ liệu và 12 tổ chức khoa học công nghệ trở lên tham gia.\n") == [
        ("doanh nghiệp dữ liệu", "=", "30"), ("tổ chức khoa học công nghệ", ">=", "12")]


def test_an_ocr_damaged_vowel_does_not_hide_the_counted_noun() -> None:
    found = _targets("- Toi thieu 40 doanh nghi€p nen tang so, hoat dong tren dia ban tinh tham gia chuong trinh.\n")
    assert [(c, v) for _n, c, v in found] == [(">=", "40")]


def test_a_share_inside_a_counted_targets_description_is_not_another_target() -> None:
    found = _targets("- Có ít nhất 02 cụm công nghiệp dành 25% diện tích cho doanh nghiệp công nghệ số thuê đất.\n")
    assert [(c, v) for _n, c, v in found] == [(">=", "02")]


def test_a_count_of_commune_units_is_a_target() -> None:
    """'01 tổ', '12 thôn', '05 trạm', '20 điểm': the units a commune's plan counts."""
    found = _targets("- Mỗi tổ dân phố có ít nhất 01 tổ công nghệ số cộng đồng hoạt động thường xuyên.\n"
                     "- Có 12 thôn được phủ sóng 4G.\n")
    assert [(c, v) for _n, c, v in found] == [(">=", "01"), ("=", "12")]
