"""A duty whose deadline stands alone in brackets at its end (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_deadline_alone_in_brackets_at_a_duty_end_is_its_deadline() -> None:
    text = "\n".join(["ỦY BAN NHÂN DÂN PHƯỜNG TÂN HÒA", "KẾ HOẠCH", "Chuyển đổi số năm 2027", "",
                      "II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
                      "- Phòng Kinh tế chủ trì hướng dẫn các chợ trên địa bàn thanh toán không dùng tiền mặt"
                      " (6 tháng cuối năm 2027).",
                      "- Công an phường chủ trì rà soát dữ liệu cư trú của các tổ dân phố (năm 2028).",
                      "- Phòng Văn hóa - Xã hội chủ trì mở lớp kỹ năng số cho người cao tuổi (Quý II/2027).",
                      "", "III. TỔ CHỨC THỰC HIỆN", "", "Các bộ phận báo cáo kết quả hằng quý."])
    tasks = parse_text(text).tasks
    assert [str(t.deadline.end) if t.deadline else None for t in tasks] == ["2027-12-31", "2028-12-31", "2027-06-30"]
    assert [t.deadline_text for t in tasks] == ["6 tháng cuối năm 2027", "năm 2028", "Quý II/2027"]
