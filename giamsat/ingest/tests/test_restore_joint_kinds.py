"""The restorer on the kinds of joint documents OCR stripped of their marks: "liên tịch" (joint), not "liên tích"
(made-up lines)."""

from __future__ import annotations

from giamsat.ingest.restore import restore_text


def test_a_joint_plans_kind_in_capitals_and_in_prose() -> None:
    assert restore_text("KE HOACH LIEN TICH") == "KẾ HOẠCH LIÊN TỊCH"  # was "LIÊN TÍCH"
    assert restore_text("Ke hoach lien tich ho tro phu nu khoi nghiep") == "Kế hoạch liên tịch hỗ trợ phụ nữ khởi nghiệp"
