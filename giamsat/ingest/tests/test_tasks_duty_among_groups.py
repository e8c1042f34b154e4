"""'1. Hoàn thiện thể chế' / 'a) …' / '2. Sở Giáo dục và Đào tạo triển khai học bạ số …' / '3. Phát triển nhân lực số' /
'- …': a numbered duty of its own (a unit, its verb, a full sentence, no items below) among numbered groups is a task
too, with no group; it was dropped when the group before it had items at a deeper level."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_duty_of_its_own_among_groups() -> None:
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số giai đoạn 2026 - 2030", "", "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Hoàn thiện thể chế",
        "a) Rà soát, sửa đổi các quy định về quản lý dữ liệu của tỉnh (Sở Tư pháp chủ trì; thời gian: năm 2026).",
        "2. Sở Giáo dục và Đào tạo triển khai học bạ số tại 100% trường phổ thông, hoàn thành trong năm 2027.",
        "3. Phát triển nhân lực số",
        "- Đào tạo kỹ năng số cho cán bộ, công chức cấp xã (Sở Nội vụ chủ trì; thời gian: Quý IV/2026)."]))
    assert [(t.group, t.lead, t.deadline_text) for t in plan.tasks] == [
        ("Hoàn thiện thể chế", "Sở Tư pháp", "năm 2026"),
        (None, "Sở Giáo dục và Đào tạo", "năm 2027"),
        ("Phát triển nhân lực số", "Sở Nội vụ", "Quý IV/2026"),
    ]
