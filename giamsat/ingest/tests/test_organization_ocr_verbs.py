"""An assignment whose verb OCR read with a glyph ("thực hi¢n"): the unit before it is still a unit with duties
(made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

PLAN = """KẾ HOẠCH
Chuyển đổi số của trung tâm năm 2026

I. NHIỆM VỤ
1. Số hóa hồ sơ lưu trữ của trung tâm, hoàn thành trong Quý III/2026.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Hành chính tổng hợp là đầu mối, theo dõi tiến độ triển khai kế hoạch.
2. Các tổ, đội chuyên môn tổng hợp số liệu, kết quả và thực hi¢n chế độ thông tin định kỳ hằng quý.
"""


def test_unit_before_a_verb_with_an_ocr_glyph() -> None:
    orgs = [a["org"] for a in parse_bytes(PLAN.encode()).to_json()["assignments"]]
    assert len(orgs) == 2
    assert orgs[1].startswith("Các tổ, đội chuyên môn")
