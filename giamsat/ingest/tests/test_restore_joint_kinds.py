"""The restorer on the kinds of joint documents OCR stripped of their marks: "liên tịch" (joint), not "liên tích",
and on a specialised high school's name ("Trường THPT chuyên") (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text


def test_a_joint_plans_kind_in_capitals_and_in_prose() -> None:
    assert restore_text("KE HOACH LIEN TICH") == "KẾ HOẠCH LIÊN TỊCH"  # was "LIÊN TÍCH"
    assert restore_text("Ke hoach lien tich ho tro phu nu khoi nghiep") == "Kế hoạch liên tịch hỗ trợ phụ nữ khởi nghiệp"


def test_a_specialised_high_schools_name_in_capitals() -> None:
    # a school's header OCR stripped of its marks ("TRUONG THPT CHUYEN" had stayed as it was)
    assert restore_text("TRUONG THPT CHUYEN NGUYEN TRAI") == "TRƯỜNG THPT CHUYÊN NGUYỄN TRÃI"
