"""An indicator table headed 'Chỉ số' (not 'Chỉ tiêu') whose header OCR read one word under another, a baseline
and two plan years ('STT | Chỉ số ĐVT Thực Kế Kế Đơn vị' / 'hiện hoạch hoạch …' / '2025 2026 2027'): its rows are
indicators with a value per plan year. Made-up OCR text."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_TEXT = [
    "KẾ HOẠCH", "Chuyển đổi số ngành y tế năm 2026 - 2027", "I. CHỈ SỐ CHỦ YẾU", "",
    "STT | Chỉ số ĐVT Thực Kế Kế Đơn vị phụ",
    "hiện hoạch hoạch trách",
    "2025 2026 2027",
    "1 Trạm y tế dùng % 55 90 100 Phòng Nghiệp",
    "bệnh án điện tử vụ Y",
    "2 Người dân có hồ |người | 12.000 30.000 50.000 Trung tâm",
    "sơ sức khỏe điện tử Kiểm soát",
    "bệnh tật",
    "II. NHIỆM VỤ CỤ THỂ",
]


def test_a_chi_so_header_split_over_lines_gives_the_indicators() -> None:
    found = [(t.value, t.year, t.milestones) for t in parse_text("\n".join(_TEXT)).targets]
    assert found == [("90", 2026, {"2026": "90", "2027": "100"}), ("30000", 2026, {"2026": "30000", "2027": "50000"})]
