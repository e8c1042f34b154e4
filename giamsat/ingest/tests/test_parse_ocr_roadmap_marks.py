"""Plain OCR text of a task table whose year columns are a roadmap ('Lộ trình thực hiện' over '2027 | 2028 | 2029',
an 'x' in the years a task runs): its rows are no indicators (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["CÔNG TY CẤP NƯỚC HÀ SƠN", "", "KẾ HOẠCH", "Chuyển đổi số giai đoạn 2027 - 2029", "", "I. MỤC TIÊU",
        "Đến năm 2029, 100% hóa đơn tiền nước được phát hành điện tử.", ""]


def test_rows_marked_x_under_a_roadmap_are_no_indicators() -> None:
    text = "\n".join([
        *HEAD, "II. NHIỆM VỤ VÀ LỘ TRÌNH",
        "| 2027 | 2028 | 2029",
        "TT | Nhiệm vụ | Đơn vị chủ trì | Lộ trình thực hiện",
        "1 Lắp đồng hồ nước thông minh cho | Ban Kỹ thuật | x x",
        "khách hàng khu công nghiệp",
        "2 Thu tiền nước qua ứng dụng di động | Ban Kinh doanh | X",
        "3 Số hóa hồ sơ khách hàng 50 năm | Ban Kinh doanh | x x x",
    ])
    targets = parse_text(text).targets
    assert [(t.value, t.year) for t in targets] == [("100", 2029)]

