"""OCR text without positions of a task table whose deadline cell follows the task's words on the row's line right
after 'hồ sơ' or 'cơ sở' ('… lưu trữ hồ sơ 30/6/2027'): folded, 'sơ' reads like 'số', but a date after 'hồ sơ' is no
document's number ('Quyết định số 12/2025' still is). Made-up plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH SƠN",
    "",
    "Số: 19/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Số hóa hồ sơ lưu trữ năm 2026 - 2027",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "",
    "TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
    "1 Chỉ đạo số hóa, lưu trữ hồ sơ 30/6/2027",
    "điện tử của Ủy ban nhân dân Sở Nội vụ Các sở, ngành",
    "tỉnh",
    "2 Triển khai thí điểm tại các cơ sở 15/8/2026",
    "giáo dục trên địa bàn Sở Giáo dục và Đào tạo",
    "3 Sửa đổi Quy chế ban hành theo Sở Tư pháp Quý IV/2026",
    "Quyết định số 12/2025",
    "",
    "Nơi nhận:",
]


def test_a_date_after_ho_so_is_the_rows_deadline() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.deadline_text) for t in plan.tasks] == [("1", "30/6/2027"), ("2", "15/8/2026"), ("3", "Quý IV/2026")]
