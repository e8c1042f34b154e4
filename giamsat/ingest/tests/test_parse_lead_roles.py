"""A labelled lead with its role in brackets after the unit's name (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_labelled_lead_followed_by_its_role_in_brackets_is_the_lead() -> None:
    # "Cơ quan chủ trì: Sở X (cơ quan thường trực)": the bracket is the unit's role, not part of its name
    text = "\n".join(["ỦY BAN NHÂN DÂN XÃ BÌNH AN", "KẾ HOẠCH", "Chuyển đổi số năm 2027", "",
                      "II. NHIỆM VỤ VÀ GIẢI PHÁP", "",
                      "1. Lập bản đồ số các điểm du lịch của xã.",
                      "- Cơ quan chủ trì: Phòng Văn hóa - Xã hội (cơ quan thường trực).",
                      "- Cơ quan phối hợp: Công an xã.",
                      "- Thời gian hoàn thành: Quý II/2027.", "",
                      "2. Số hóa sổ sách địa chính của xã.",
                      "- Đơn vị thực hiện: Sở Tài chính (đầu mối)",
                      "- Thời gian hoàn thành: năm 2028.", "",
                      "3. Mo lop pho cap ky nang so cho nguoi dan (co quan chu tri: Cong an tinh (thuong truc);"
                      " thoi gian: hang nam).", "",
                      "III. TỔ CHỨC THỰC HIỆN", "", "Các bộ phận báo cáo kết quả hằng quý."])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "PHONG_VHXH"), ("2", "STC"), ("3", "CAT")]
