"""OCR text without positions of a committee's task table whose lead column is the advising unit ('Cơ quan tham mưu',
its title wrapped in the cell: 'Cơ quan tham' / 'mưu') beside the member in charge ('Thành viên phụ trách'): the
header is a task table's, its numbered rows are tasks. Made-up commune committee's plan, read as Tesseract would."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_OCR = [
    "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ AN LẠC",
    "",
    "Số 05-KH/BCĐ",
    "",
    "KẾ HOẠCH",
    "Hoạt động của Ban Chỉ đạo năm 2026",
    "",
    "II. NHIỆM VỤ TRỌNG TÂM",
    "TT Nội dung nhiệm vụ Thành viên phụ Cơ quan tham | Thời gian hoàn",
    "trách mưu thành",
    "",
    "1 Số hóa sổ hộ tịch còn | Đồng chí Phó Chủ | Công an xã Tháng 8/2026",
    "lưu trữ tại xã tịch UBND xã",
    "",
    "2 Phát triển mô hình chợ Đồng chí Phó Chủ | Phòng Kinh tế | Quý IV/2026",
    "4.0 tại chợ trung tâm tịch UBND xã",
    "xã",
    "",
    "3 Mở lớp bồi dưỡng kỹ | Đồng chí Chủ tịch | Phòng Văn hóa - Hằng quý",
    "năng số cho công chức UBND xã Xã hội",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Các thành viên Ban Chỉ đạo báo cáo kết quả về Văn phòng HĐND và UBND xã.",
]


def test_the_rows_under_an_advising_unit_header_are_tasks() -> None:
    plan = parse_text("\n".join(_OCR))
    assert [(t.no, t.lead_code, t.deadline.kind.value if t.deadline else None) for t in plan.tasks] == [
        ("1", "CA_XA", "month"), ("2", "PHONG_KT", "quarter"), ("3", "PHONG_VHXH", "recurring")]
    assert plan.tasks[0].name.startswith("Số hóa sổ hộ tịch")
