"""Duties handed to a unit by "Giao": bullets opening "- Giao Văn phòng … triển khai …" with no "chủ trì" (the unit
they are given to leads them, whatever its verb, also "phối hợp với các thôn …"), and a paragraph of its own
among them that gives one duty under its theme ("Về tuyên truyền: giao Phòng … chủ trì …"), which is a task
(made-up commune plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "", "Số: 21/KH-UBND", "", "KẾ HOẠCH",
    "Chuyển đổi số xã Tân Lập năm 2026", "",
    "I. MỤC ĐÍCH, YÊU CẦU", "",
    "- Người dân được hướng dẫn sử dụng các dịch vụ công trực tuyến.", "",
    "II. NHIỆM VỤ CỤ THỂ", "",
    "Về phổ biến kiến thức số: giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các thôn mở lớp hướng dẫn kỹ năng"
    " số cho người dân; thực hiện thường xuyên.", "",
    "- Giao Văn phòng HĐND và UBND xã số hóa hồ sơ lưu trữ của xã từ năm 2020, hoàn thành trước ngày 30/9/2026.",
    "- Giao Trạm Y tế xã cập nhật hồ sơ sức khỏe điện tử của người cao tuổi, xong trong quý IV/2026.",
    "- Giao Đoàn Thanh niên xã phối hợp với các trường học duy trì đội tình nguyện số; thực hiện hằng tháng.",
    "- Giao Phòng Kinh tế chủ trì hướng dẫn hợp tác xã bán hàng trên sàn thương mại điện tử, trong năm 2026.", "",
    "III. TỔ CHỨC THỰC HIỆN", "",
    "- Các bộ phận được giao nhiệm vụ chủ động triển khai, báo cáo kết quả trước ngày 20 hằng tháng.", "",
])


def test_a_unit_given_a_duty_by_giao_leads_it() -> None:
    leads = [t.lead_code for t in parse_text(TEXT).tasks if t.name.startswith("Giao")]
    assert leads == ["VP_HDND_UBND_XA", "TRAM_YT_XA", "DOAN_TN_XA", "PHONG_KT"]


def test_a_themed_paragraph_giving_one_duty_is_a_task() -> None:
    tasks = parse_text(TEXT).tasks
    themed = [t for t in tasks if "kỹ năng số" in t.name]
    assert len(themed) == 1 and themed[0].lead_code == "PHONG_VHXH"
    assert themed[0].deadline is not None and themed[0].deadline.kind.value == "continuous"
    assert len(tasks) == 5
